"""Importing a plan's table from CSV or XLSX: every row, or none."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from business_plan.models import Action, PlanStatus, Theme

from .factories import PLAN, PlanFactory, get_action

NEW_PLAN = "/boards/north/plans/2019-22/"
HEADER = ["theme", "ref", "action", "who", "when", "outcome"]
GOOD_ROWS = [
    HEADER,
    [
        "1. Leadership and Governance",
        "1.1",
        "Review the board's membership",
        "Quality Assurance Subgroup and LSCB Manager",
        "Jul-17",
        "A strong board",
    ],
    ["", "1.2", "Publish the annual report", "LSCB Business Group", "Annually", ""],
    [
        "2. Quality Assurance",
        "2.1",
        "Run a multi-agency audit",
        "quality assurance subgroup",
        "Sep-16 and ongoing",
        "Better practice",
    ],
]


def csv_file(rows, name="plan.csv"):
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def xlsx_file(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("plan.xlsx", buffer.getvalue())


@pytest.fixture
def new_plan(cast, subgroup):
    return PlanFactory(
        board=cast.board, first_year=2019, last_year=2022, status=PlanStatus.DRAFT
    )


def counts():
    return Theme.objects.count(), Action.objects.count()


@pytest.mark.parametrize("make_file", [csv_file, xlsx_file])
def test_import_creates_themes_and_actions(new_plan, cast, as_user, make_file):
    response = as_user(cast.business_team).post(
        f"{NEW_PLAN}import/", {"file": make_file(GOOD_ROWS)}, follow=True
    )
    assert response.redirect_chain == [(NEW_PLAN, 302)]
    assert "3 actions imported into Business Plan 2019-22" in response.content.decode()
    assert [(t.number, t.title) for t in new_plan.themes.all()] == [
        (1, "Leadership and Governance"),
        (2, "Quality Assurance"),
    ]
    refs = Action.objects.filter(plan=new_plan).values_list("ref", "theme__number")
    assert list(refs) == [("1.1", 1), ("1.2", 1), ("2.1", 2)]
    assert get_action(new_plan, "1.1").due_date == date(2017, 7, 31)


def test_import_maps_who_onto_subgroups_and_keeps_the_rest_as_owner_role(
    new_plan, cast, as_user, subgroup
):
    as_user(cast.business_team).post(
        f"{NEW_PLAN}import/", {"file": csv_file(GOOD_ROWS)}
    )
    first = get_action(new_plan, "1.1")
    assert list(first.owner_subgroups.all()) == [subgroup]
    assert first.owner_role == "LSCB Manager"
    second = get_action(new_plan, "1.2")
    assert not second.owner_subgroups.exists()
    assert second.owner_role == "LSCB Business Group"
    assert list(get_action(new_plan, "2.1").owner_subgroups.all()) == [subgroup]


def test_import_repeats_a_blank_theme_and_outcome_from_the_row_above(
    new_plan, cast, as_user
):
    as_user(cast.business_team).post(
        f"{NEW_PLAN}import/", {"file": csv_file(GOOD_ROWS)}
    )
    second = get_action(new_plan, "1.2")
    assert second.theme.number == 1
    assert second.outcome == "A strong board"
    assert get_action(new_plan, "2.1").outcome == "Better practice"


def post_failing_import(as_user, cast, rows, url=NEW_PLAN):
    before = counts()
    response = as_user(cast.business_team).post(
        f"{url}import/", {"file": csv_file(rows)}
    )
    assert response.status_code == 200
    assert counts() == before
    page = response.content.decode()
    assert "Nothing was imported: correct the file and try again." in page
    return page


def test_unknown_column_is_refused_naming_it(new_plan, cast, as_user):
    rows = [[*HEADER, "colour"], [*GOOD_ROWS[1], "red"]]
    page = post_failing_import(as_user, cast, rows)
    assert "Unknown column: colour. The columns are: theme, ref, action" in page


def test_missing_theme_on_the_first_row_is_refused(new_plan, cast, as_user):
    rows = [HEADER, ["", *GOOD_ROWS[1][1:]], *GOOD_ROWS[2:]]
    page = post_failing_import(as_user, cast, rows)
    assert "Row 2: the theme is missing." in page


def test_duplicate_ref_within_the_file_is_refused(new_plan, cast, as_user):
    rows = [*GOOD_ROWS[:2], ["", "1.1", "Again", "", "", ""], GOOD_ROWS[3]]
    page = post_failing_import(as_user, cast, rows)
    assert "Row 3: ref 1.1 is also used in row 2." in page


def test_ref_already_in_the_plan_is_refused(plan, cast, as_user):
    rows = [
        HEADER,
        ["3. Early Help", "3.1", "Launch early help", "", "", ""],
        ["", "1.10", "Recruit lay members again", "", "", ""],
    ]
    page = post_failing_import(as_user, cast, rows, url=PLAN)
    assert "Row 3: ref 1.10 is already in Business Plan 2016-19." in page
