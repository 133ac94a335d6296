import re
from datetime import date
from html.parser import HTMLParser
from io import BytesIO

from pypdf import PdfReader

from boards.models import Agency, Contribution, GlossaryTerm, Spend
from good_practice.models import GoodPracticeExample
from subgroups.models import Responsibility, Subgroup

# "1. Foreword", "3.1 Risk log" (a meeting pack's paper) or the pack's unnumbered
# "Reports not received", then the leader and the page number.
CONTENTS_LINE = re.compile(
    r"^((?:\d+\.\d* |Reports not received).*?)\s*\.{3,}\s*(\d+)$"
)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def contents_entries(texts: list[str]) -> tuple[int, list[tuple[str, int]]]:
    """The contents page's index and its (heading, page number) lines."""
    index = next(i for i, text in enumerate(texts) if text.startswith("Contents"))
    entries = []
    for line in texts[index].splitlines():
        match = CONTENTS_LINE.match(line.strip())
        if match:
            entries.append((match[1], int(match[2])))
    return index, entries


def fill_board(board, size: int, year: int = 2016, start: int = 0) -> None:
    """Data for several sections of the annual report, `size` rows each."""
    for n in range(start, start + size):
        agency = Agency.objects.create(board=board, name=f"Report agency {n}")
        Contribution.objects.create(
            board=board, year=year, agency=agency, amount=1000 + n
        )
        Spend.objects.create(board=board, year=year, heading=f"Heading {n}", amount=500)
        GlossaryTerm.objects.create(
            board=board, acronym=f"ACR{n}", meaning=f"Meaning {n}"
        )
        parent = Subgroup.objects.create(board=board, name=f"Subgroup {n}")
        child = Subgroup.objects.create(
            board=board, name=f"Task group {n}", parent=parent
        )
        for number in (1, 2):
            Responsibility.objects.create(
                subgroup=child, number=number, text=f"Responsibility {number}"
            )
        GoodPracticeExample.objects.create(
            board=board,
            agency=agency,
            date=date(year, 6, 1),
            title=f"Good practice {n}",
            what_was_done="What was done.",
            outcome="The outcome for the child.",
            learning="The learning.",
        )


class _Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found, self.level, self.text = [], None, []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.level, self.text = int(tag[1]), []

    def handle_endtag(self, tag):
        if self.level and tag == f"h{self.level}":
            self.found.append((self.level, " ".join("".join(self.text).split())))
            self.level = None

    def handle_data(self, data):
        if self.level:
            self.text.append(data)


def headings(html: str) -> list[tuple[int, str]]:
    """The (level, text) of every heading of a page, in reading order."""
    parser = _Headings()
    parser.feed(html)
    return parser.found


def skipped_levels(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The headings more than one level below the one before (axe heading-order)."""
    levels = [1] + [level for level, _ in found]
    return [h for h, before in zip(found, levels, strict=False) if h[0] > before + 1]


def bookmarks(data: bytes) -> list[tuple[int, str]]:
    """The (level, title) of the PDF's outline, in order, flattened."""

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                yield level, " ".join(item.title.split())

    return list(walk(PdfReader(BytesIO(data)).outline, 1))
