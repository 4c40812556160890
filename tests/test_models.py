"""The record's validators: a record that breaks SPEC §2 cannot be built."""

import hashlib
from typing import Any, get_type_hints

import pytest
from pydantic import ValidationError

from newsparse import Article, models
from newsparse.models import Record, Source, SourceRecord, article_id
from tests.conftest import EXPECTED


def record(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "headline": "Headline",
        "updated": "2025-02-15",
        "updated_text": "Updated 15 February 2025",
        "author": None,
        "captions": [],
        "bullets": [],
        "dateline": "RIYADH",
        "body": "Text.",
        "source": {"path": "dump.txt", "line_start": 1, "line_end": 9},
    }
    fields.update(changes)
    fields.setdefault("id", article_id(fields["headline"], fields["body"]))
    return fields


def test_id_is_the_sha256_prefix_of_headline_and_body() -> None:
    expected = hashlib.sha256("Héadline\nText.".encode()).hexdigest()[:16]
    assert article_id("Héadline", "Text.") == expected
    assert Article(**record(headline="Héadline")).id == expected


def test_field_order_is_the_spec_order() -> None:
    assert list(Article.model_fields) == [
        "id", "headline", "updated", "updated_text", "author", "captions", "bullets",
        "dateline", "body", "source",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"headline": ""}, "at least 1 character"),
        ({"headline": "Two\nlines"}, "one normalised line"),
        ({"headline": " padded"}, "one normalised line"),
        ({"id": "XYZ"}, "should match pattern"),
        ({"id": "0" * 16}, "does not match headline and body"),
        ({"updated": "15/02/2025"}, "not an ISO 8601"),
        ({"updated": "2025-02-30"}, "not an ISO 8601"),
        ({"source": {"path": "d", "line_start": 5, "line_end": 4}}, "is after line_end"),
        ({"source": {"path": "d", "line_start": 0, "line_end": 4}}, "greater than or equal to 1"),
        ({"extra": 1}, "Extra inputs are not permitted"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_invalid_records_are_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Article(**record(**changes))


@pytest.mark.parametrize(
    "updated", ["2025-02-15", "2019-10-21T01:10:42+09:00", "2019-11-06T14:05", None]
)
def test_valid_updated_values(updated: str | None) -> None:
    assert Article(**record(updated=updated)).updated == updated


def test_from_content_hashes_headline_and_body_once(monkeypatch: pytest.MonkeyPatch) -> None:
    hashed: list[str] = []

    def counted_article_id(headline: str, body: str) -> str:
        hashed.append(headline)
        return article_id(headline, body)

    monkeypatch.setattr(models, "article_id", counted_article_id)
    content = {name: value for name, value in record().items() if name != "id"}
    article = Article.from_content(**content)
    assert article == Article(**record())
    assert hashed == ["Headline", "Headline"]  # once by from_content, once by Article(...)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"headline": ""}, "at least 1 character"),
        ({"headline": " padded"}, "one normalised line"),
        ({"updated": "2025-02-30"}, "not an ISO 8601"),
        ({"extra": 1}, "Extra inputs are not permitted"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_from_content_validates_every_field(changes: dict[str, Any], message: str) -> None:
    content = {name: value for name, value in record(**changes).items() if name != "id"}
    with pytest.raises(ValidationError, match=message):
        Article.from_content(**content)


def test_record_type_has_the_model_fields_in_order() -> None:
    """``Record`` is written by hand: it must follow the models it describes."""
    source_fields = [(name, field.annotation) for name, field in Source.model_fields.items()]
    assert list(get_type_hints(SourceRecord).items()) == source_fields
    article_fields = [
        (name, SourceRecord if name == "source" else field.annotation)
        for name, field in Article.model_fields.items()
    ]
    assert list(get_type_hints(Record).items()) == article_fields


#: Every record of every golden JSON Lines file (the real pages' end in warnings).
GOLDEN_LINES = [
    line
    for path in sorted(EXPECTED.glob("**/*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.startswith("{")
]


def test_record_is_model_dump_for_every_golden_record() -> None:
    assert len(GOLDEN_LINES) > 200
    for line in GOLDEN_LINES:
        article = Article.model_validate_json(line)
        record, dump = article.record(), article.model_dump(mode="json")
        assert record == dump
        assert list(record) == list(dump)
        assert list(record["source"]) == list(dump["source"])
        assert record["captions"] is not article.captions  # a copy, as pydantic's
