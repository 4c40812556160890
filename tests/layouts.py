"""Random Arab News articles rendered as their pages print them (hypothesis strategies).

Templates: A (arabnews.pk), B (arabnews.com: headline twice, author, bullets right under
the repeated headline, date+author printed again), the French edition (captions printed
twice), the Japanese edition (captions and GMT9 date printed twice, credit line after
the bullets) and a WordPress copy ("Time:" date line, footers). ``dumps()`` strings
several together with any kind of boundary and knows the records they must parse back to.
"""

from dataclasses import dataclass, field
from datetime import date

from hypothesis import strategies as st

from newsparse import Article
from newsparse.models import article_id

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
        copy = template == "copies"  # copies keep neither captions nor bullets
        captions = [] if copy else self.captions
        captions += [self.mid_body_caption] if self.mid_body_caption else []
        return Article(
            id=article_id(self.headline, body),
            headline=self.headline,
            updated=self.day.isoformat() + ("T10:20:30+09:00" if template == "jp" else ""),
            updated_text=self.date_line(template),
            author=self.author if template in ("B", "jp") else None,
            captions=captions,
            bullets=[] if copy else self.bullets,
            dateline=self.dateline[0] if self.dateline else None,
            body=body,
            source={
                "path": path,
                "line_start": first_line,
                "line_end": first_line + len(self.lines) - 1,
            },
        )

    def date_line(self, template: str) -> str:
        day, month = f"{self.day.day:02d}", MONTHS[self.day.month - 1]
        if template == "jp":
            return f"{day} {month[:3]} {self.day.year} 10:20:30 GMT9"
        if template == "copies":
            return f"Time: {month} {day}, {self.day.year}"
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
    elif template == "jp":  # arabnews.jp: captions and date twice, credit after bullets
        assert story.author is not None
        doubled = [line for caption in story.captions for line in (caption, caption)]
        head = [h, *doubled, "Short Url:", date_line, date_line, h, *bullets, story.author, ""]
    elif template == "copies":  # a WordPress copy: "Time:" date, footers after the story
        head = [h, date_line, h, ""]
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
    if template == "copies":
        body += ["Main category: Middle East", "Topics: Saudi Arabia, Energy", "Leave a Reply"]
    return head + body


@dataclass
class Dump:
    """A generated dump: its lines, the records it holds, and the blank lines that
    precede each article but the first."""

    lines: list[str]
    expected: list[Article]
    gaps: list[int]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@st.composite
def dumps(draw: st.DrawFn, max_articles: int = 4) -> Dump:
    items = draw(
        st.lists(
            st.tuples(
                stories(), st.sampled_from(["A", "B", "fr", "jp", "copies"]), st.integers(0, 3)
            ),
            min_size=1,
            max_size=max_articles,
            unique_by=lambda item: item[0].headline,
        )
    )
    lines: list[str] = []
    expected = []
    for story, template, blank_lines in items:
        if lines:
            lines += [""] * blank_lines
        story.lines = render(story, template)
        expected.append(story.expected(template, "gen.txt", len(lines) + 1))
        lines += story.lines
    return Dump(lines, expected, [gap for _, _, gap in items[1:]])
