"""Field rules that depend on a line's text (SPEC §2)."""

import pytest

from newsparse.fields import (
    byline_name,
    clean_author,
    has_caption_credit,
    looks_like_author,
    looks_like_headline,
    split_dateline,
)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("ISLAMABAD: Pakistan’s minister said.", "ISLAMABAD", "Pakistan’s minister said."),
        ("UNITED NATIONS: The council voted.", "UNITED NATIONS", "The council voted."),
        ("IRBIL, IRAQ: Voters went.", "IRBIL, IRAQ", "Voters went."),
        ("THUWAL, Saudi Arabia: Scientists said.", "THUWAL, Saudi Arabia", "Scientists said."),
        ("ATHÈNES: La Grèce a ouvert.", "ATHÈNES", "La Grèce a ouvert."),
        ("PARIS : La France a dit.", "PARIS", "La France a dit."),
        ("RIYADH: “We will,” he said.", "RIYADH", "“We will,” he said."),
        ("RIYADH:“We will,” he said.", "RIYADH", "“We will,” he said."),
        ("LONDON (Reuters) – Britain will.", "LONDON (Reuters)", "Britain will."),
        ("TEHRAN, Iran (AP) — Iran’s president.", "TEHRAN, Iran (AP)", "Iran’s president."),
        ("MAKKAH — The latest phase.", "MAKKAH", "The latest phase."),
        (
            "Riyadh, January 29, 2026, SPA — Saudi Arabia.",
            "Riyadh, January 29, 2026, SPA",
            "Saudi Arabia.",
        ),
        ("SANAA // Yemen’s Houthi.", "SANAA", "Yemen’s Houthi."),
        ("BEIJING, May 9 (Xinhua) -- A delegation.", "BEIJING, May 9 (Xinhua)", "A delegation."),
        ("GAZA CITY - Residents fled.", "GAZA CITY", "Residents fled."),
        ("DUBAI ― Markets rose.", "DUBAI", "Markets rose."),
    ],
)
def test_datelines(paragraph: str, dateline: str, rest: str) -> None:
    assert split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "NOTE: The views expressed here are the author’s own.",
        "UPDATE: This story has been corrected.",
        "EXCLUSIVE: Inside the talks.",
        "PRICE: From SAR 45",
        "Director: Haifaa Al-Mansour",
        "The minister said: “We will act.”",
        "Dr. SMITH: the findings are clear.",
        "When the council met – as it did on Monday – it agreed.",
        "A very long opening that goes on and on beyond sixty characters, RIYADH: then.",
        "There is a particular pleasure in eating kabsa.",
        "US officials? No: they declined.",
        "“RIYADH: quoted.”",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert split_dateline(paragraph) == (None, paragraph)


@pytest.mark.parametrize(
    ("line", "credited"),
    [
        ("Passengers at the airport. (AFP)", True),
        ("Passengers at the airport. (File/Reuters).", True),
        ("Officials at the meeting. ( KUNA via AP)", True),
        ("Officials at the meeting. (Photo courtesy: Saudi Ministry of Media)", True),
        ("A caption with a credit far too long. (" + "x" * 41 + ")", False),
        ("The fund (PIF) said it would invest.", False),
        ("No credit at all", False),
    ],
)
def test_caption_credit(line: str, credited: bool) -> None:
    assert has_caption_credit(line) is credited


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Arab News", True),
        ("RAWAN RADWAN", True),
        ("Nadia Al-Faour", True),
        ("By Ephrem Kossaify", True),
        ("RIYADH: The ministry said on Sunday.", False),
        ("The ministry said.", False),
        ("Updated 2 hours later", False),
        ("Who can apply?", False),
        ("A line with far too many words to be anybody’s name at all", False),
    ],
)
def test_looks_like_author(line: str, author: bool) -> None:
    assert looks_like_author(line) is author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Ephrem Kossaify", "Ephrem Kossaify"),
        ("By Rawan Radwan ·", "Rawan Radwan"),
        ("Arab News ·", "Arab News"),
        ("ALI YOUNES", "ALI YOUNES"),
    ],
)
def test_clean_author(line: str, author: str) -> None:
    assert clean_author(line) == author


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Ephrem Kossaify", "Ephrem Kossaify"),
        ("By Rawan Radwan ·", "Rawan Radwan"),
        ("By the sea, a festival opens. (AFP)", None),
        ("By the end of the year, prices rose.", None),
        ("Bystanders gathered", None),
    ],
)
def test_byline_name(line: str, name: str | None) -> None:
    assert byline_name(line) == name


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Can Saudi Arabia’s film industry keep up?", True),
        ("‘We will not be silenced’: Sudanese journalists document war", True),
        ("Islamic coalition to combat ‘terrorism’ — Pakistani military", True),
        ("The ministry said on Sunday.", False),
        ("“We will act,” he said.”", False),
        ("The menu is short:", False),
    ],
)
def test_looks_like_headline(line: str, headline: bool) -> None:
    assert looks_like_headline(line) is headline
