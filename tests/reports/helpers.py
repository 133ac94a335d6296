import re
from datetime import date
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
