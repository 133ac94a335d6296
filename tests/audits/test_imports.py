"""The business team's imports, as services: the board's list of organisations
(added or updated by name) and a cycle's survey export (a submitted submission per
row, with its answers). Both are all rows or none, with row-numbered errors, read
from CSV or XLSX, on the records' history, in a fixed number of queries."""

from datetime import date, datetime

import pytest

from audits import selectors, services
from audits.models import (
    Answer,
    Organisation,
    Rating,
    Sector,
    Submission,
    SubmissionStatus,
)
from lscb_portal.tables import ImportFailed
from tests.audits.factories import (
    OrganisationFactory,
    csv_upload,
    cycle_with,
    survey_rows,
    xlsx_upload,
)
from tests.boards.factories import AgencyFactory

pytestmark = pytest.mark.django_db

HEADER = ["name", "sector", "agency", "active"]


def import_organisations(cast, rows, upload=csv_upload):
    return services.organisations_import(
        board=cast.board, upload=upload(rows), user=cast.business_team
    )


def refused(call) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        call()
    return failure.value.errors


# The organisations list ---------------------------------------------------------


def test_a_name_on_the_list_is_updated_and_a_new_one_added(cast):
    school = OrganisationFactory(
        board=cast.board, name="Greenfield Primary", sector=Sector.OTHER
    )
    result = import_organisations(
        cast,
        [
            HEADER,
            ["  GREENFIELD primary ", "school", "", "no"],
            ["Oak Lane Medical Practice", "GP practice", "", ""],
            [
                "Northshire Constabulary",
                "Statutory agency",
                "northshire constabulary",
                "",
            ],
        ],
    )
    assert (result.added, result.updated, result.unchanged) == (2, 1, 0)
    school.refresh_from_db()
    assert (school.name, school.sector, school.active) == (
        "GREENFIELD primary",
        Sector.SCHOOL,
        False,
    )
    practice = Organisation.objects.get(name="Oak Lane Medical Practice")
    assert (practice.sector, practice.active, practice.agency) == (
        Sector.GP,
        True,
        None,
    )
    police = Organisation.objects.get(name="Northshire Constabulary")
    assert police.agency == cast.agency_x
    assert Organisation.objects.filter(board=cast.board).count() == 3


def test_imported_changes_are_on_each_organisations_history(cast):
    school = OrganisationFactory(board=cast.board, name="Greenfield Primary")
    import_organisations(
        cast,
        [
            HEADER,
            ["Greenfield Primary", "GP", "", ""],
            ["Ash School", "school", "", ""],
        ],
    )
    latest = school.history.first()
    assert latest.history_type == "~"
    assert latest.history_user == cast.business_team
    assert latest.history_change_reason == "Imported from a file"
    assert latest.sector == Sector.GP
    added = Organisation.objects.get(name="Ash School").history.get()
    assert (added.history_type, added.history_user) == ("+", cast.business_team)


def test_an_unchanged_row_is_counted_and_leaves_no_history(cast):
    school = OrganisationFactory(board=cast.board, name="Ash School")
    result = import_organisations(
        cast, [["name", "sector"], [" Ash School ", "SCHOOL"]]
    )
    assert (result.added, result.updated, result.unchanged) == (0, 0, 1)
    assert school.history.count() == 1


def test_without_an_agency_column_an_organisation_keeps_its_agency(cast):
    police = OrganisationFactory(
        board=cast.board, name="Police", sector=Sector.STATUTORY, agency=cast.agency_x
    )
    import_organisations(cast, [["name", "sector"], ["Police", "statutory"]])
    police.refresh_from_db()
    assert police.agency == cast.agency_x
    import_organisations(cast, [HEADER, ["Police", "statutory", "", "yes"]])
    police.refresh_from_db()
    assert police.agency is None


def test_an_agency_is_found_by_its_short_name(cast):
    AgencyFactory(board=cast.board, name="Northshire County Council", short_name="NCC")
    import_organisations(
        cast, [HEADER, ["Children's services", "statutory", "ncc", ""]]
    )
    assert Organisation.objects.get().agency.short_name == "NCC"


def test_organisations_are_read_from_xlsx(cast):
    result = import_organisations(
        cast,
        [
            HEADER,
            ["Ash School", "School", None, "yes"],
            ["Elm Surgery", "gp", None, None],
        ],
        upload=xlsx_upload,
    )
    assert (result.added, result.updated) == (2, 0)
    assert Organisation.objects.get(name="Elm Surgery").sector == Sector.GP


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["Ash School", "school", "", ""], "Row 3: “Ash School” is also in row 2."),
        (["", "school", "", ""], "Row 3: the name is missing."),
        (
            ["Elm School", "academy", "", ""],
            "Row 3: sector “academy” is not one of: Statutory agency, School, GP "
            "practice, Voluntary, Other.",
        ),
        (
            ["Elm School", "school", "Southshire Police", ""],
            "Row 3: agency “Southshire Police” is not one of this board's agencies "
            "(give its name or short name).",
        ),
        (
            ["Elm School", "school", "", "maybe"],
            "Row 3: active “maybe” must be yes or no.",
        ),
        (
            ["E" * 201, "school", "", ""],
            "Row 3: name: Ensure this value has at most 200 characters (it has 201).",
        ),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_saved(cast, row, message):
    AgencyFactory(board=cast.other_board, name="Southshire Police")
    existing = OrganisationFactory(board=cast.board, name="Oak School")
    rows = [HEADER, ["ash school", "School", "", ""], row, ["Oak School", "gp", "", ""]]
    assert refused(lambda: import_organisations(cast, rows)) == [message]
    assert list(Organisation.objects.all()) == [existing]
    existing.refresh_from_db()
    assert existing.sector == Sector.SCHOOL


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            ["name", "sector", "type"],
            "Unknown column: type. The columns are: name, sector, agency, active.",
        ),
        (["name", "agency"], "Missing column: sector."),
        (["name", "sector", "name"], "Column given twice: name."),
    ],
)
def test_a_bad_header_is_refused(cast, header, message):
    rows = [header, ["Ash School", "school", "x"]]
    assert refused(lambda: import_organisations(cast, rows)) == [message]


@pytest.mark.parametrize(
    ("rows", "message"),
    [([], "The file is empty."), ([HEADER], "The file has no rows under its header.")],
)
def test_an_empty_file_is_refused(cast, rows, message):
    assert refused(lambda: import_organisations(cast, rows)) == [message]


# The survey export --------------------------------------------------------------


@pytest.fixture
def cycle(cast):
    """The 2016-17 audit (8 December 2016 to 13 March 2017): questions 1.1, 1.2,
    2.1 and 2.2."""
    return cycle_with(cast.board, year=2016)


SURVEY = ["organisation", "sector", "1.1", "1.2", "2.1", "2.2"]


def import_survey(cast, cycle, rows, upload=csv_upload):
    return services.survey_export_import(
        cycle=cycle, upload=upload(rows), user=cast.business_team
    )


def test_each_row_becomes_a_submitted_submission_with_its_answers(cast, cycle):
    listed = OrganisationFactory(
        board=cast.board, name="Northshire Constabulary", sector=Sector.STATUTORY
    )
    rows = [
        [*SURVEY, "evidence 1.1", "submitted"],
        [
            " northshire CONSTABULARY",
            "",
            "Fully met",
            "fully",
            "NOT MET",
            "na",
            "",
            "2017-01-09",
        ],
        [
            "Oak Lane Medical Practice",
            "gp practice",
            "Partially met",
            "not_met",
            "Not applicable",
            "Fully met",
            "Policy seen by the partners",
            "10/01/2017",
        ],
    ]
    assert import_survey(cast, cycle, rows) == 2
    police = Submission.objects.get(organisation=listed)
    assert police.status == SubmissionStatus.SUBMITTED
    assert police.submitted_by == cast.business_team
    ratings = [a.rating for a in police.answers.order_by("question__standard__number")]
    assert ratings == [
        Rating.FULLY,
        Rating.FULLY,
        Rating.NOT_MET,
        Rating.NOT_APPLICABLE,
    ]
    practice = Organisation.objects.get(name="Oak Lane Medical Practice")
    assert (practice.sector, practice.board) == (Sector.GP, cast.board)
    gp = practice.submissions.get()
    assert gp.submitted_at.date() == date(2017, 1, 10)
    first = gp.answers.get(question__standard__number=1, question__number=1)
    assert (first.rating, first.evidence) == (
        Rating.PARTIALLY,
        "Policy seen by the partners",
    )
    assert not Answer.objects.filter(carried_forward=True).exists()
    history = gp.history.get()
    assert (history.history_user, history.history_change_reason) == (
        cast.business_team,
        "Imported from a file",
    )
    assert first.history.get().history_user == cast.business_team
    assert practice.history.get().history_type == "+"


def test_a_survey_export_is_read_from_xlsx_with_its_dates(cast, cycle):
    rows = [
        [*SURVEY, "submitted"],
        [
            "Ash School",
            "School",
            "Fully met",
            "Fully met",
            "na",
            "Fully met",
            datetime(2017, 2, 1),
        ],
    ]
    assert import_survey(cast, cycle, rows, upload=xlsx_upload) == 1
    submission = Submission.objects.get()
    assert submission.submitted_at.date() == date(2017, 2, 1)
    assert submission.answers.count() == 4


def test_imported_submissions_count_in_the_results(cast, cycle):
    rows = survey_rows(cycle, 3)
    rows.append(
        [
            "Elm School",
            "School",
            "Not met",
            "Fully met",
            "Fully met",
            "na",
            "2016-12-09",
        ]
    )
    import_survey(cast, cycle, rows)
    results = selectors.compliance(cycle)
    assert results.valid == 4
    first, second = results.standards
    assert (first.compliance.fully, first.compliance.applies) == (3, 4)
    assert first.compliance.percent == 75
    assert second.questions[1][1].applies == 3
    assert selectors.compliance(cycle, Sector.SCHOOL).valid == 4


BAD_ROWS = [
    (
        [
            "Ash School",
            "School",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "2017-01-10",
        ],
        "Row 3: Ash School is also in row 2.",
    ),
    (
        [
            "Elm School",
            "School",
            "Fully met",
            "Mostly met",
            "Fully met",
            "Fully met",
            "2017-01-10",
        ],
        "Row 3: question 1.2: “Mostly met” is not a rating: choose fully met, "
        "partially met, not met or not applicable.",
    ),
    (
        [
            "Elm School",
            "School",
            "Fully met",
            "",
            "Fully met",
            "Fully met",
            "2017-01-10",
        ],
        "Row 3: question 1.2 is not answered.",
    ),
    (
        [
            "Elm School",
            "School",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "31/02/2017",
        ],
        "Row 3: submitted “31/02/2017” is not a date: write 2017-01-10 or 10/01/2017.",
    ),
    (
        [
            "Elm School",
            "School",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "2017-03-14",
        ],
        "Row 3: 14 March 2017 (submitted) is outside the audit (8 December 2016 to "
        "13 March 2017): give the date each response was submitted.",
    ),
    (
        [
            "Elm School",
            "Academy",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "2017-01-10",
        ],
        "Row 3: sector “Academy” is not one of: Statutory agency, School, GP "
        "practice, Voluntary, Other.",
    ),
    (
        [
            "Elm School",
            "",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "2017-01-10",
        ],
        "Row 3: Elm School is not on the board's list: give its sector to add it.",
    ),
    (
        [
            "Harbour Youth Trust",
            "Voluntary",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "2017-01-10",
        ],
        "Row 3: Harbour Youth Trust already has a submission for this audit "
        "(draft): remove its row from the file.",
    ),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_a_bad_survey_row_is_named_and_nothing_is_saved(cast, cycle, row, message):
    trust = OrganisationFactory(
        board=cast.board, name="Harbour Youth Trust", sector=Sector.VOLUNTARY
    )
    Submission.objects.create(cycle=cycle, organisation=trust)
    rows = [
        [*SURVEY, "submitted"],
        [
            "Ash School",
            "School",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "2017-01-10",
        ],
        row,
        [
            "Oak School",
            "School",
            "Fully met",
            "Fully met",
            "Fully met",
            "Fully met",
            "2017-01-11",
        ],
    ]
    assert refused(lambda: import_survey(cast, cycle, rows)) == [message]
    assert Submission.objects.count() == 1
    assert list(Organisation.objects.all()) == [trust]
    assert not Answer.objects.exists()


def test_every_bad_row_is_listed(cast, cycle):
    rows = survey_rows(cycle, 3)
    rows[1][2] = "Yes"
    rows[3][-1] = "soon"
    assert refused(lambda: import_survey(cast, cycle, rows)) == [
        "Row 2: question 1.1: “Yes” is not a rating: choose fully met, partially "
        "met, not met or not applicable.",
        "Row 4: submitted “soon” is not a date: write 2017-01-10 or 10/01/2017.",
    ]


def test_a_blank_date_is_today_which_must_be_within_the_audit(cast, cycle):
    rows = [SURVEY, ["Ash School", "School", "Fully met", "Fully met", "na", "na"]]
    errors = refused(lambda: import_survey(cast, cycle, rows))
    assert errors[0].startswith("Row 2: ")
    assert errors[0].endswith(
        "(today) is outside the audit (8 December 2016 to 13 March 2017): give the "
        "date each response was submitted."
    )


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            [*SURVEY, "3.1"],
            "Column “3.1”: this audit has no question 3.1. Its questions are 1.1, "
            "1.2, 2.1, 2.2.",
        ),
        (
            [*SURVEY, "evidence 2.7"],
            "Column “evidence 2.7”: this audit has no question 2.7. Its questions "
            "are 1.1, 1.2, 2.1, 2.2.",
        ),
        (
            [*SURVEY, "score"],
            "Unknown column “score”. The columns are organisation, sector, one per "
            "question named by its number (1.1), optionally “evidence 1.1” for each, "
            "and submitted.",
        ),
        (
            ["organisation", "sector", "1.1", "2.2"],
            "Missing question columns: 1.2, 2.1. Every question of the audit needs "
            "its column.",
        ),
        (SURVEY[1:], "Missing column: organisation."),
    ],
)
def test_a_survey_header_naming_the_wrong_questions_is_refused(
    cast, cycle, header, message
):
    rows = [header, ["Ash School", *["Fully met"] * (len(header) - 1)]]
    assert refused(lambda: import_survey(cast, cycle, rows)) == [message]
    assert not Submission.objects.exists()


def test_a_cycle_without_questions_takes_no_export(cast):
    empty = cycle_with(cast.board, year=2017, standards=0)
    rows = [SURVEY, ["Ash School", "School", "Fully met"]]
    assert refused(lambda: import_survey(cast, empty, rows)) == [
        "This audit has no questions yet: add them first."
    ]


def test_a_survey_import_runs_the_same_queries_for_20_rows_and_500(
    cast, cycle, django_assert_num_queries
):
    """Bulk inserts, one per table and its history (PostgreSQL, as in CI, takes
    each in one statement): the same count whatever the number of rows."""
    OrganisationFactory(board=cast.board, name="Listed 0")
    for size in (20, 500):
        rows = survey_rows(cycle, size, prefix=f"School of {size}")
        rows.append(["Listed 0", "", *["Partially met"] * 4, "2017-01-10"])
        Submission.objects.filter(organisation__name="Listed 0").delete()
        upload = csv_upload(rows)
        with django_assert_num_queries(11):
            services.survey_export_import(
                cycle=cycle, upload=upload, user=cast.business_team
            )
    assert Submission.objects.count() == 521
    assert Answer.objects.count() == 521 * 4
    assert Organisation.objects.filter(board=cast.board).count() == 521


def test_an_organisations_import_runs_the_same_queries_for_20_rows_and_500(
    cast, django_assert_num_queries
):
    """Half the rows update listed organisations, half add new ones: bulk writes,
    the same count whatever the number of rows."""
    for size in (20, 500):
        Organisation.objects.bulk_create(
            Organisation(board=cast.board, name=f"Listed {size} {n}", sector="school")
            for n in range(size // 2)
        )
        rows = [HEADER] + [
            [f"Listed {size} {n}" if n < size // 2 else f"New {size} {n}", "gp", "", ""]
            for n in range(size)
        ]
        upload = csv_upload(rows)
        with django_assert_num_queries(8):
            result = services.organisations_import(
                board=cast.board, upload=upload, user=cast.business_team
            )
        assert (result.added, result.updated) == (size // 2, size // 2)
    assert Organisation.objects.filter(sector=Sector.GP).count() == 520


def test_a_submission_saved_while_the_file_is_read_stops_the_whole_import(
    cast, cycle, monkeypatch
):
    """A contributor starts the organisation's submission after the import checked
    the file: the database refuses the second one, and nothing of the file stays."""
    listed = OrganisationFactory(board=cast.board, name="Listed", sector="school")
    check_date = services._survey_date

    def started_meanwhile(*args):
        if not Submission.objects.exists():
            Submission.objects.create(cycle=cycle, organisation=listed)
        return check_date(*args)

    monkeypatch.setattr(services, "_survey_date", started_meanwhile)
    rows = survey_rows(cycle, 2)
    rows.append(["Listed", "", *["Fully met"] * 4, "2017-01-10"])
    assert refused(lambda: import_survey(cast, cycle, rows)) == [
        "Someone saved a submission or an organisation of this file while it was "
        "imported: nothing was imported, import it again."
    ]
    assert Submission.objects.get().organisation == listed
    assert list(Organisation.objects.all()) == [listed]
