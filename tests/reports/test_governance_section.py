"""Section "Governance": the chair's approved governance words (the draft only
in a draft), then the year's meetings, attendance and challenges, and the
subgroups' meetings their submitted returns record."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boards.models import Membership
from boards.models.meetings import Attendance, Meeting
from reports.narrative import narrative_approve, narrative_save
from reports.sections import SECTIONS, build_sections, governance
from subgroups.models import ReturnStatus, Subgroup, SubgroupReturn
from subgroups.pdf import year_meetings

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


# The subgroups' meetings ------------------------------------------------------


def add_return(group, period, meetings, status=ReturnStatus.SUBMITTED, user=None):
    return SubgroupReturn.objects.create(
        subgroup=group,
        period=period,
        status=status,
        meetings_held=meetings,
        created_by=user or group.board.memberships.first().user,
    )


def test_subgroup_meetings_add_up_the_submitted_returns_of_the_year(cast):
    cdop = Subgroup.objects.create(board=cast.board, name="Child Death Panel")
    audit = Subgroup.objects.create(board=cast.board, name="Audit Subgroup")
    quiet = Subgroup.objects.create(board=cast.board, name="Quiet Subgroup")
    silent = Subgroup.objects.create(board=cast.board, name="Silent Subgroup")
    for quarter in (1, 2, 3):
        add_return(cdop, f"2016-17 Q{quarter}", 2)
    add_return(cdop, "2016-17 Q4", 9, ReturnStatus.DRAFT)  # a draft never counts
    add_return(cdop, "2015-16 Q4", 5)  # nor another year's
    add_return(cdop, "2017-18 Q1", 5)
    add_return(audit, "2016-17 Q2", 1, ReturnStatus.NOTED)  # noted is submitted
    add_return(audit, "2016-17 Q3", None)  # not recorded
    add_return(quiet, "2016-17 Q1", 0)  # recorded: it did not meet
    add_return(silent, "2016-17 Q1", None)
    elsewhere = Subgroup.objects.create(board=cast.other_board, name="Another Panel")
    add_return(elsewhere, "2016-17 Q1", 4, user=cast.chair)

    assert year_meetings(cast.board, YEAR) == [
        {"subgroup": "Audit Subgroup", "meetings": 1},
        {"subgroup": "Child Death Panel", "meetings": 6},
        {"subgroup": "Quiet Subgroup", "meetings": 0},
    ]
    assert governance(cast.board, YEAR)["subgroup_meetings"] == year_meetings(
        cast.board, YEAR
    )
    assert year_meetings(cast.board, 2018) == []


def test_the_section_prints_the_subgroup_meetings_table(cast, as_user):
    cdop = Subgroup.objects.create(board=cast.board, name="Child Death Panel")
    add_return(cdop, "2016-17 Q1", 2)
    add_return(cdop, "2016-17 Q2", 2)
    page = as_user(cast.board_member).get("/boards/north/annual-report/2016-17/")
    text = page.content.decode()
    assert "Subgroup meetings in 2016-17" in text
    table = text[text.index("Subgroup meetings in 2016-17") :]
    table = table[: table.index("</table>")]
    assert ">Child Death Panel</th>" in table
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">4</td>' in table


def test_subgroup_meetings_alone_make_the_section(cast):
    add_return(Subgroup.objects.create(board=cast.board, name="Panel"), "2016-17 Q1", 2)
    built = governance(cast.board, YEAR)
    assert built["subgroup_meetings"] == [{"subgroup": "Panel", "meetings": 2}]
    assert "meetings" not in built  # boards' figures: none
    assert "governance" in [s.key for s in build_sections(cast.board, YEAR)]


def test_left_out_when_only_a_draft_records_meetings(cast):
    panel = Subgroup.objects.create(board=cast.board, name="Panel")
    add_return(panel, "2016-17 Q1", 2, ReturnStatus.DRAFT)
    assert governance(cast.board, YEAR) is None


def add_groups(cast, start, size):
    for n in range(start, start + size):
        group = Subgroup.objects.create(board=cast.board, name=f"Group {n:02d}")
        for quarter in (1, 2, 3, 4):
            add_return(group, f"2016-17 Q{quarter}", 1, user=cast.chair)


def test_subgroup_meetings_take_one_query_and_the_section_constant_ones(cast):
    counts = []
    for start, size in ((0, 1), (1, 12)):
        add_groups(cast, start, size)
        with CaptureQueriesContext(connection) as read:
            rows = year_meetings(cast.board, YEAR)
        with CaptureQueriesContext(connection) as section:
            governance(cast.board, YEAR)
        assert len(read) == 1
        assert {r["meetings"] for r in rows} == {4}
        counts.append(len(section))
    assert len(rows) == 13
    assert counts[0] == counts[1]
