"""Property-based tests of the parser (hypothesis).

1. It never raises, whatever the text.
2. Random articles rendered in the Arab News templates — A (arabnews.pk), B
   (arabnews.com) and the French edition — with any kind of boundary between them,
   parse back to exactly the records they were made from.
"""

from dataclasses import dataclass, field
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from newsparse import Article, ParseReport, WarningCode, parse_text
from newsparse.models import article_id

# --- never raises -----------------------------------------------------------------------

STRUCTURE_LINES = [
    "Short Url", "Short Url:", "Follow", "0", "1 / 4", "https://arab.news/5v7zq",
    "Updated 15 February 2025", "Updated 11 sec ago", "Updated 31 February 2025",
    "Publié le Mardi 14 juillet 2020", "21 Oct 2019 01:10:42 GMT9", "Time: May 01, 2019",
    "Mon, 2021-01-25 00:58", "  • A bullet", "•", "By Ephrem Kossaify", "Arab News",
    "RIYADH: Text.", "A caption. (AFP)", "Headline", "", "   ", "\u00a0", "\ufeff",
]  # fmt: skip
any_line = st.one_of(st.sampled_from(STRUCTURE_LINES), st.text(max_size=40))


@given(st.lists(any_line, max_size=60), st.sampled_from(["\n", "\r\n", "\r"]))
def test_parser_never_raises_and_records_are_ordered(lines: list[str], end: str) -> None:
    report = ParseReport()
    articles = list(parse_text(end.join(lines), "fuzz.txt", report=report))
    previous_end = 0
    for article in articles:
        assert previous_end < article.source.line_start <= article.source.line_end
        previous_end = article.source.line_end
    assert report.articles == len(articles)


@given(st.text(max_size=400))
def test_parser_never_raises_on_arbitrary_text(text: str) -> None:
    for article in parse_text(text):
        assert article.headline


# --- render → parse round trip ---------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzéèüçñ"
word = st.text(LETTERS, min_size=2, max_size=9)


def sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:]


headline_text = st.builds(
    lambda words, end: sentence(words) + end,
    st.lists(word, min_size=3, max_size=12),
    st.sampled_from(["", "?", "’", ": " + "now"]),
)
paragraph_text = st.builds(
    lambda sentences: " ".join(sentence(w) + "." for w in sentences),
    st.lists(st.lists(word, min_size=3, max_size=14), min_size=1, max_size=3),
)
caption_text = st.builds(
    lambda words, credit: f"{sentence(words)}. ({credit})",
    st.lists(word, min_size=3, max_size=12),
    st.sampled_from(["AFP", "AN photo", "File/AFP", "Photo courtesy: AFP", " KUNA via AP", "SPA"]),
)
bullet_text = st.lists(word, min_size=3, max_size=12).map(sentence)
datelines = st.sampled_from([
    ("ISLAMABAD", ": "), ("UNITED NATIONS", ": "), ("IRBIL, IRAQ", ": "),
    ("THUWAL, Saudi Arabia", ": "), ("LONDON (Reuters)", " – "), ("MAKKAH", " — "),
    ("SANAA", " // "), ("TEHRAN, Iran (AP)", " — "),
])  # fmt: skip
author_text = st.sampled_from(["Arab News", "Reuters", "RAWAN RADWAN", "Ephrem Kossaify"])
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
JOURS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]


@dataclass
class Story:
    headline: str
    day: date
    captions: list[str]
    bullets: list[str]
    dateline: tuple[str, str] | None
    paragraphs: list[str]
    author: str | None = None
    mid_body_caption: str | None = None
    lines: list[str] = field(default_factory=list)

    def expected(self, template: str, path: str, first_line: int) -> Article:
        body_paragraphs = list(self.paragraphs)
        if self.dateline is not None:
            body_paragraphs[0] = body_paragraphs[0].split(self.dateline[1], 1)[1]
        body = "\n\n".join(body_paragraphs)
        captions = self.captions + ([self.mid_body_caption] if self.mid_body_caption else [])
        return Article(
            id=article_id(self.headline, body),
            headline=self.headline,
            updated=self.day.isoformat(),
            updated_text=self.date_line(template),
            author=self.author if template == "B" else None,
            captions=captions,
            bullets=self.bullets,
            dateline=self.dateline[0] if self.dateline else None,
            body=body,
            source={
                "path": path,
                "line_start": first_line,
                "line_end": first_line + len(self.lines) - 1,
            },
        )

    def date_line(self, template: str) -> str:
        if template == "fr":
            weekday = JOURS[self.day.weekday()]
            return f"Publié le {weekday} {self.day.day} {MOIS[self.day.month - 1]} {self.day.year}"
        return f"Updated {self.day.day:02d} {MONTHS[self.day.month - 1]} {self.day.year}"


@st.composite
def stories(draw: st.DrawFn) -> Story:
    paragraphs = draw(st.lists(paragraph_text, min_size=1, max_size=5))
    dateline = draw(st.none() | datelines)
    if dateline is not None:
        paragraphs[0] = dateline[0] + dateline[1] + paragraphs[0]
    captions = draw(st.lists(caption_text, max_size=3, unique=True))
    return Story(
        headline=draw(headline_text),
        day=draw(st.dates(date(2000, 1, 1), date(2030, 12, 31))),
        captions=captions,
        bullets=draw(st.lists(bullet_text, max_size=2)),
        dateline=dateline,
        paragraphs=paragraphs,
        author=draw(author_text),
        mid_body_caption=draw(st.none() | caption_text.filter(lambda c: c not in captions))
        if len(paragraphs) > 1
        else None,
    )


def render(story: Story, template: str) -> list[str]:
    """The story as its page prints it, line by line."""
    h, bullets = story.headline, [f"  • {b}" for b in story.bullets]
    date_line = story.date_line(template)
    if template == "A":  # arabnews.pk
        head = [h, "", *story.captions, "Short Url", date_line, "Follow", "", h, ""]
        head += [*bullets, ""] if bullets else []
    elif template == "B":  # arabnews.com: bullets right under the repeated headline
        assert story.author is not None
        head = [h, h, *story.captions, "Short Url", date_line, story.author, "Follow", h]
        head += [*bullets, date_line, story.author, ""] if bullets else [""]
    else:  # arabnews.fr: every caption printed twice, no Follow
        doubled = [line for caption in story.captions for line in (caption, caption)]
        head = [h, *doubled, "Short Url", date_line, h, ""]
        head += [*bullets, ""] if bullets else []
    body = [story.paragraphs[0]]
    for index, paragraph in enumerate(story.paragraphs[1:]):
        if index == 0 and story.mid_body_caption:
            body += ["", "", "", story.mid_body_caption, ""]
        elif template != "A" or index % 2:  # template A: a single newline now and then
            body.append("")
        body.append(paragraph)
    return head + body


@given(
    st.lists(
        st.tuples(stories(), st.sampled_from(["A", "B", "fr"]), st.integers(0, 3)),
        min_size=1,
        max_size=4,
        unique_by=lambda item: item[0].headline,
    )
)
def test_rendered_articles_parse_back_to_their_records(
    items: list[tuple[Story, str, int]],
) -> None:
    lines: list[str] = []
    expected = []
    for story, template, blank_lines in items:
        if lines:
            lines += [""] * blank_lines
        story.lines = render(story, template)
        expected.append(story.expected(template, "gen.txt", len(lines) + 1))
        lines += story.lines
    report = ParseReport()
    assert list(parse_text("\n".join(lines), "gen.txt", report=report)) == expected
    unseparated = [
        article.source.line_start
        for article, (_, _, blank_lines) in zip(expected[1:], items[1:], strict=True)
        if blank_lines == 0
    ]
    assert [(w.code, w.line) for w in report.warnings] == [
        (WarningCode.NO_BLANK_BOUNDARY, line) for line in unseparated
    ]
