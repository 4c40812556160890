"""The record: a finished draft becomes an :class:`~newsparse.models.Article`, with its
dateline split off the first paragraph, its layout named and its fields counted.
"""

from typing import Final

from newsparse.diagnostics import WarningCode
from newsparse.draft import Draft
from newsparse.fields import split_dateline
from newsparse.models import Article
from newsparse.patterns import DATELINE_MAX_LEN
from newsparse.taking import LineTaker, quote

#: The layout credited with articles no layout's rule matched.
_GENERIC: Final = "generic"
#: A word set after a paragraph to ask whether all before it is a dateline.
_PROBE: Final = "story"


class RecordFinisher(LineTaker):
    """A finished draft to its record, counted in the tally."""

    def _finish(self, draft: Draft) -> Article:
        self._previous_end = draft.last
        layout = self._layout_of(draft)
        if draft.headline_copies == 0 and layout in self._rules.repeating_headline:
            self._warn(
                WarningCode.SINGLE_HEADLINE,
                draft.first,
                f"headline {quote(draft.headline)} is printed once; the article was found "
                "by its header alone",
            )
        dateline = None
        if len(draft.paragraphs) > 1 and (lone := self._lone_dateline(draft.paragraphs[0])):
            dateline = lone  # "JEDDAH -" on a line of its own, the story below it
            del draft.paragraphs[0]
        elif draft.paragraphs:
            dateline, draft.paragraphs[0] = split_dateline(draft.paragraphs[0], self._rules)
        else:
            self._warn(
                WarningCode.EMPTY_BODY, draft.first, f"article {quote(draft.headline)} has no body"
            )
        body = "\n\n".join(draft.paragraphs)
        article = Article.from_content(
            headline=draft.headline,
            updated=draft.updated,
            updated_text=draft.date.text if draft.date else None,
            author=draft.author,
            captions=draft.captions,
            bullets=draft.bullets,
            dateline=dateline,
            body=body,
            source={"path": self._source, "line_start": draft.first, "line_end": draft.last},
        )
        self._tally.count_article(article, layout)
        return article

    def _layout_of(self, draft: Draft) -> str:
        """The layout whose rules this article's lines matched, the most specific first;
        generic when the dump is read without headers, or when no layout's rule matched
        any line of it (a headless article, a date in a form no layout lists)."""
        if not self._generic:
            for name in self._rules.layout_names:
                if name in draft.evidence:
                    return name
        return _GENERIC

    def _lone_dateline(self, paragraph: str) -> str | None:
        """The dateline when ``paragraph`` is one and its separator, nothing after."""
        if len(paragraph) > DATELINE_MAX_LEN + len(" // "):
            return None  # a paragraph, not a dateline alone
        dateline, rest = split_dateline(f"{paragraph} {_PROBE}", self._rules)
        return dateline if rest == _PROBE else None
