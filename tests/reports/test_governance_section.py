"""Section "Governance": the chair's approved governance words (the draft only
in a draft), then the year's meetings, attendance and challenges."""

from datetime import date

import pytest

from boards.models import Membership
from boards.models.meetings import Attendance, Meeting
from reports.narrative import narrative_approve, narrative_save
from reports.sections import SECTIONS, build_sections, governance

pytestmark = pytest.mark.django_db

YEAR = 2016


def words(cast, text, version=0):
    return narrative_save(
        board=cast.board,
        year=YEAR,
        version=version,
        changes={"governance": text},
        user=cast.business_team,
    )


def test_prints_the_approved_words_and_the_figures(cast, as_user):
    narrative_approve(
        board=cast.board,
        year=YEAR,
        version=words(cast, "The board met six times.").version,
        user=cast.chair,
    )
    words(cast, "Unapproved words.", version=1)
    held = Meeting.objects.create(board=cast.board, date=date(2016, 6, 1))
    Attendance.objects.create(
        meeting=held,
        membership=Membership.objects.get(user=cast.board_member),
        status="present",
    )
    built = governance(cast.board, YEAR)
    assert built["blocks"][0].text == "The board met six times."
    assert governance(cast.board, YEAR, draft=True)["blocks"][0].text == (
        "Unapproved words."
    )
    keys = [s.key for s in SECTIONS]
    assert keys.index("governance") == keys.index("structure") + 1
    page = as_user(cast.board_member).get("/boards/north/annual-report/2016-17/")
    text = page.content.decode()
    assert "Governance" in text
    assert "The board met six times." in text
    assert "Unapproved words." not in text
    assert "100% (1 of 1)" in text


def test_left_out_with_neither_words_nor_figures(cast):
    words(cast, "A draft only.")
    assert governance(cast.board, YEAR) is None
    assert "governance" not in [s.key for s in build_sections(cast.board, YEAR)]
