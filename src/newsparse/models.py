"""The article record (SPEC §2): the single source of truth for every writer.

Field order here is the JSON key order and the CSV column order.
"""

import hashlib
import re
from datetime import date, datetime
from typing import Annotated, Any, Self, TypedDict

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

_ID_LENGTH = 16

#: ``updated``: a date, or a date-time as precise as printed, with an offset only when
#: one was printed. JSON Schema's ``date-time`` format demands seconds and an offset,
#: so a pattern says it instead.
ISO_DATE_OR_DATE_TIME = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$"
_ISO_PATTERN = re.compile(ISO_DATE_OR_DATE_TIME)

#: The validation context of :meth:`Article.from_content`, whose id was just computed
#: from the same headline and body: the id validator need not hash them again.
_ID_FROM_CONTENT = object()

#: Which JSON Schema the printed schema is written in, and its identity (a URN, as the
#: project has no public home yet to serve it from).
SCHEMA_HEADER: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "urn:newsparse:article",
}


def article_id(headline: str, body: str) -> str:
    """First 16 hex chars of SHA-256 of ``headline + "\\n" + body``: stable across runs
    and re-scrapes of the same story."""
    digest = hashlib.sha256(f"{headline}\n{body}".encode())
    return digest.hexdigest()[:_ID_LENGTH]


class SourceRecord(TypedDict):
    """:class:`Source` in a :class:`Record`."""

    path: str
    line_start: int
    line_end: int


class Record(TypedDict):
    """An article ready for output: exactly ``Article.model_dump(mode="json")``, keys in
    field order. Every writer takes this one type, whether the record was just parsed
    (:meth:`Article.record`) or read back from a worker's JSON line."""

    id: str
    headline: str
    updated: str | None
    updated_text: str | None
    author: str | None
    captions: list[str]
    bullets: list[str]
    dateline: str | None
    body: str
    source: SourceRecord


class Source(BaseModel):
    """Where an article came from: the input as given and its non-blank line span."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    path: str = Field(description="The input as given on the command line; `-` for stdin.")
    line_start: Annotated[int, Field(ge=1, description="First non-blank line (1-based).")]
    line_end: Annotated[int, Field(ge=1, description="Last non-blank line (inclusive).")]

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Self:
        if self.line_start > self.line_end:
            raise ValueError(f"line_start {self.line_start} is after line_end {self.line_end}")
        return self


class Article(BaseModel):
    """One news article as printed on its page, with chrome removed."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_extra=SCHEMA_HEADER, defer_build=True
    )

    id: str = Field(
        pattern=r"^[0-9a-f]{16}$",
        description="First 16 hex chars of SHA-256 of UTF-8 `headline + '\\n' + body`.",
    )
    headline: str = Field(min_length=1, description="The headline, once.")
    updated: str | None = Field(
        json_schema_extra={"pattern": ISO_DATE_OR_DATE_TIME},  # checked in _updated_is_iso
        description="ISO 8601 date or date-time of the date line; null when absent or "
        "unresolvable.",
    )
    updated_text: str | None = Field(description="The date line as printed.")
    author: str | None = Field(description="Byline, without `By `.")
    captions: list[str] = Field(description="Photo captions in reading order, credit kept.")
    bullets: list[str] = Field(description="Summary bullets without the glyph.")
    dateline: str | None = Field(
        description="Text before the dateline separator of the first paragraph."
    )
    body: str = Field(description="Paragraphs joined by a blank line (`\\n\\n`).")
    source: Source

    @classmethod
    def from_content(cls, headline: str, body: str, **fields: Any) -> Self:
        """The article with its id computed here, once: the parser's way in. Every field
        is validated as by ``Article(...)``, but the id is not hashed a second time.
        ``source`` is best given as a dict, validated in the same pass as the rest."""
        fields.update(id=article_id(headline, body), headline=headline, body=body)
        # The validator itself: model_validate's wrapper costs a tenth of the call.
        article: Self = cls.__pydantic_validator__.validate_python(fields, context=_ID_FROM_CONTENT)
        return article

    def record(self) -> Record:
        """``model_dump(mode="json")`` built by hand, in half the time: the
        fields are validated JSON types already. Lists are copied, as pydantic's are."""
        source = self.source
        return {
            "id": self.id,
            "headline": self.headline,
            "updated": self.updated,
            "updated_text": self.updated_text,
            "author": self.author,
            "captions": [*self.captions],
            "bullets": [*self.bullets],
            "dateline": self.dateline,
            "body": self.body,
            "source": {
                "path": source.path,
                "line_start": source.line_start,
                "line_end": source.line_end,
            },
        }

    def __hash__(self) -> int:
        """Frozen, so hashable (sets, dict keys): by id and source, since equal articles
        have equal ids, and the lists pydantic would hash are not hashable."""
        return hash((self.id, self.source))

    @field_validator("headline")
    @classmethod
    def _headline_is_one_line(cls, value: str) -> str:
        if "\n" in value or "\r" in value or value != value.strip():
            raise ValueError("headline must be one normalised line")
        return value

    @field_validator("updated")
    @classmethod
    def _updated_is_iso(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            if not _ISO_PATTERN.match(value):
                raise ValueError
            if "T" in value:
                datetime.fromisoformat(value)
            else:
                date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"updated {value!r} is not an ISO 8601 date or date-time") from None
        return value

    @model_validator(mode="after")
    def _id_matches_content(self, info: ValidationInfo) -> Self:
        if info.context is _ID_FROM_CONTENT:
            return self
        expected = article_id(self.headline, self.body)
        if self.id != expected:
            raise ValueError(f"id {self.id} does not match headline and body ({expected})")
        return self


def record_json_schema() -> dict[str, Any]:
    """The record's JSON Schema as ``newsparse schema`` prints it: pydantic's, with
    ``$schema`` and ``$id`` moved to the top, where readers look for them."""
    return SCHEMA_HEADER | Article.model_json_schema()
