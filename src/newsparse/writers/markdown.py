"""``md``: readable Markdown, in one stream or one file per article (``--split DIR``).

Text is escaped so that a CommonMark renderer shows exactly the original text: nothing
in a headline or paragraph is read as emphasis, a link, a list, a heading or HTML.
"""

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import TextIO

from newsparse.errors import OutputError
from newsparse.models import Record
from newsparse.output import atomic_output
from newsparse.writers.base import SplitTarget, WriterOptions

# Inline syntax, escaped wherever it stands: emphasis, code, links, HTML, escapes, GFM
# strikethrough and tables.
_INLINE = re.compile(r"[\\`*_\[\]<>~|]")
# In a heading, "#" too: a closing run of "#" would otherwise be dropped.
_INLINE_IN_HEADING = re.compile(r"[\\`*_\[\]<>~|#]")
# Entity and character references (&amp; &#38;) would be decoded: escape their "&".
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Block syntax, only at the start of a line: headings, quotes, lists, thematic breaks,
# setext underlines, and ordered-list markers ("1." / "1)").
_BLOCK_STARTS = frozenset("#>+=-")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape(text: str, *, heading: bool = False) -> str:
    """Escape ``text`` (one line) so that CommonMark renders it unchanged.

    Each rule rewrites only text it finds something in: most text needs no escape, and
    a substitution costs several times a search.
    """
    inline = _INLINE_IN_HEADING if heading else _INLINE
    if inline.search(text):
        text = inline.sub(r"\\\g<0>", text)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if text[:1] in _BLOCK_STARTS:
        return "\\" + text
    if text[:1].isdecimal():
        return _ORDERED.sub(r"\1\\\2", text)
    return text


def render_article(article: Record) -> str:
    """The Markdown of one article: heading, metadata line, captions, bullets, body."""
    source = article["source"]
    meta = [escape(shown_date(article) or "Undated")]
    if article["dateline"]:
        meta.append("Dateline: " + escape(article["dateline"]))
    if article["author"]:
        meta.append("Author: " + escape(article["author"]))
    meta.append(f"Source: {escape(source['path'])}:{source['line_start']} · ID: {article['id']}")
    parts = ["# " + escape(article["headline"], heading=True), "*" + " · ".join(meta) + "*"]
    parts += ["> " + escape(caption) for caption in article["captions"]]
    if article["bullets"]:
        parts.append("\n".join(["- " + escape(bullet) for bullet in article["bullets"]]))
    parts += [escape(paragraph) for paragraph in article["body"].split("\n\n") if paragraph]
    return "\n\n".join(parts) + "\n"


def shown_date(record: Record) -> str | None:
    """The date line as printed, with its ISO value after it when it was resolved:
    ``Updated 15 February 2025 (2025-02-15)``; the label is the page's own."""
    printed: str | None = record["updated_text"]
    iso: str | None = record["updated"]
    if printed is None:
        return iso
    return printed if iso is None else f"{printed} ({iso})"


class MarkdownWriter:
    """All articles in one document, separated by thematic breaks."""

    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out
        self._count = 0

    def write(self, record: Record) -> None:
        if self._count:
            self._out.write("\n---\n\n")
        self._out.write(render_article(record))
        self._count += 1

    def close(self) -> None:
        """Markdown has no closing."""


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar.

    A JSON string is one, once the characters YAML reads as line breaks or refuses
    unescaped (NEL, U+2028/9, C1 controls, DEL) are escaped too.
    """
    quoted = json.dumps(value, ensure_ascii=False)
    return re.sub(r"[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", quoted)


def front_matter(record: Record) -> str:
    """A YAML front matter block: ``title`` and ``date`` (when known) for pandoc, Hugo
    and Jekyll, then every field of the record but the body (``author`` among them)."""
    lines = ["---", f"title: {yaml_string(record['headline'])}"]
    if record["updated"] is not None:
        lines.append(f"date: {yaml_string(record['updated'])}")
    for name, value in record.items():
        if name == "body":
            continue
        if isinstance(value, dict):  # source
            lines.append(f"{name}:")
            lines += [f"  {key}: {json.dumps(item)}" for key, item in value.items()]
        elif isinstance(value, list):
            lines.append(f"{name}:" + ("" if value else " []"))
            lines += [f"  - {yaml_string(item)}" for item in value]
        else:
            lines.append(f"{name}: {yaml_string(value) if isinstance(value, str) else 'null'}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def slugify(text: str, limit: int = 60) -> str:
    """ASCII, lower-case, hyphen-separated, at most ``limit`` characters of whole words;
    empty for text with no Latin letters or digits."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return cut.rsplit("-", 1)[0] if "-" in cut else slug[:limit]  # whole words only


class MarkdownSplitWriter:
    """One ``<updated or undated>-<slug>.md`` file per article, with front matter.

    Names are unique within a run: a second article with the same name gets ``-2``.
    A file already there is someone's (edited notes, a link planted to a file outside
    the directory): it is an error, unless ``force``, and then it is replaced — a link
    by a file, never written through.
    """

    def __init__(self, target: SplitTarget, options: WriterOptions) -> None:
        self._directory = target.directory
        self._force = target.force
        self._taken: set[str] = set()
        try:
            self._directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(str(self._directory), error.strerror or str(error)) from None

    def file_name(self, record: Record) -> str:
        day = record["updated"][:10] if record["updated"] else "undated"
        stem = f"{day}-{slugify(record['headline']) or record['id']}"
        name, suffix = stem, 1
        while name in self._taken:
            suffix += 1
            name = f"{stem}-{suffix}"
        self._taken.add(name)
        return name + ".md"

    def write(self, record: Record) -> None:
        path = self._directory / self.file_name(record)
        text = front_matter(record) + render_article(record)
        try:
            if self._force:
                with atomic_output(path, follow_links=False) as out:
                    out.write(text)
            else:
                _write_new(path, text)
        except FileExistsError:
            raise OutputError(
                str(path), "exists, and this run did not write it; --force replaces it"
            ) from None
        except OSError as error:
            raise OutputError(str(path), error.strerror or str(error)) from None

    def close(self) -> None:
        """Every file is complete when ``write`` returns."""


def _write_new(path: Path, text: str) -> None:
    """Create ``path`` and write ``text``; FileExistsError if anything, a link to
    nowhere included, is already there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    with open(fd, "w", encoding="utf-8", newline="") as out:
        out.write(text)
