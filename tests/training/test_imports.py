"""Imports of attendance counts and e-learning returns: every row or none, each
bad row named by its number in the page's error summary, sessions that must
exist, an agency contributor's own agency only, and a long file in a fixed
number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.audits.factories import csv_upload, xlsx_upload
from tests.boards.factories import AgencyFactory
from training.models import AttendanceCount, ElearningReturn, SessionStatus

from .factories import CourseFactory, ElearningYearFactory, SessionFactory

pytestmark = pytest.mark.django_db

ATTENDANCE = "/boards/north/training/import/attendance/"
ELEARNING = "/boards/north/training/import/e-learning/"
HEADER = ["course", "date", "agency", "count"]


@pytest.fixture
def sessions(cast):
    neglect = CourseFactory(board=cast.board, title="Neglect awareness")
    first = SessionFactory(course=neglect, date=date(2016, 10, 12))
    second = SessionFactory(course=neglect, date=date(2016, 11, 2))
    SessionFactory(
        course=neglect, date=date(2016, 12, 7), status=SessionStatus.CANCELLED
    )
    return first, second


def post(client, url, rows, kind="csv", **data):
    upload = csv_upload(rows) if kind == "csv" else xlsx_upload(rows)
    return client.post(url, {"file": upload, **data})


def test_an_attendance_file_records_counts_per_session_and_agency(
    cast, sessions, as_user
):
    first, second = sessions
    client = as_user(cast.business_team)
    response = post(
        client,
        ATTENDANCE,
        [
            HEADER,
            ["Neglect awareness", "2016-10-12", cast.agency_x.name, "12"],
            ["neglect AWARENESS", "02/11/2016", cast.agency_y.name.upper(), "7"],
        ],
    )
    assert response.status_code == 302
    counts = {
        (c.session_id, c.agency_id): c.count for c in AttendanceCount.objects.all()
    }
    assert counts == {
        (first.pk, cast.agency_x.pk): 12,
        (second.pk, cast.agency_y.pk): 7,
    }
    page = client.get(response["Location"]).content.decode()
    assert "Attendance imported: 2 counts added, 0 changed." in page


def test_an_xlsx_file_is_read_the_same_way(cast, sessions, as_user):
    response = post(
        as_user(cast.business_team),
        ATTENDANCE,
        [HEADER, ["Neglect awareness", date(2016, 10, 12), cast.agency_x.name, 12]],
        kind="xlsx",
    )
    assert response.status_code == 302
    assert AttendanceCount.objects.get().count == 12


def test_a_file_with_bad_rows_saves_nothing_and_names_each_row(cast, sessions, as_user):
    agency = cast.agency_x.name
    response = post(
        as_user(cast.business_team),
        ATTENDANCE,
        [
            HEADER,
            ["Neglect awareness", "2016-10-12", agency, "12"],
            ["Neglect awareness", "2016-10-13", agency, "4"],
            ["Neglect awareness", "2016-11-02", agency, "-3"],
            ["Sailing for beginners", "2016-10-12", agency, "4"],
            ["Neglect awareness", "2016-10-12", "Ministry of Examples", "4"],
            ["Neglect awareness", "2016-11-02", agency, "many"],
        ],
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Row 3: Neglect awareness has no session on 13 October 2016." in page
    assert "Row 4: the count cannot be negative." in page
    assert "Row 5: there is no course called “Sailing for beginners”." in page
    assert "Row 6: there is no agency of this board called" in page
    assert "Row 7: the count must be a whole number." in page
    assert "Row 2:" not in page
    assert "Nothing was imported" in page
    assert not AttendanceCount.objects.exists()


def test_the_services_own_checks_also_refuse_the_whole_file(cast, sessions, as_user):
    agency = cast.agency_x.name
    page = post(
        as_user(cast.business_team),
        ATTENDANCE,
        [
            HEADER,
            ["Neglect awareness", "2016-10-12", agency, "12"],
            ["Neglect awareness", "2016-12-07", agency, "3"],
            ["Neglect awareness", "2016-10-12", agency, "5"],
        ],
    ).content.decode()
    assert "Row 3:" in page and "was cancelled" in page
    assert "Row 4: this session and agency are given twice." in page
    assert not AttendanceCount.objects.exists()


def test_a_file_without_the_columns_is_refused(cast, sessions, as_user):
    page = post(
        as_user(cast.business_team), ATTENDANCE, [["course", "date"], ["x", "y"]]
    ).content.decode()
    assert "The first row has no agency or count column" in page


def test_the_page_describes_the_columns(cast, sessions, as_user):
    page = as_user(cast.business_team).get(ATTENDANCE).content.decode()
    assert "The file&#x27;s columns" in page or "The file's columns" in page
    for column in HEADER:
        assert f'<th scope="row" class="govuk-table__header">{column}</th>' in page


def test_a_contributor_imports_only_its_own_agency(cast, sessions, as_user):
    client = as_user(cast.contributor_x)
    page = post(
        client,
        ATTENDANCE,
        [
            HEADER,
            ["Neglect awareness", "2016-10-12", cast.agency_x.name, "12"],
            ["Neglect awareness", "2016-10-12", cast.agency_y.name, "3"],
        ],
    ).content.decode()
    assert "Row 3: you may give figures only for your own agency." in page
    assert not AttendanceCount.objects.exists()
    ok = post(
        client,
        ATTENDANCE,
        [HEADER, ["Neglect awareness", "2016-10-12", cast.agency_x.name, "12"]],
    )
    assert ok.status_code == 302
    assert AttendanceCount.objects.get().agency == cast.agency_x


def attendance_rows(cast, size, title):
    """`size` rows: a course's sessions, ten agencies each."""
    course = CourseFactory(board=cast.board, title=title)
    agencies = [cast.agency_x, cast.agency_y] + list(
        cast.board.agencies.filter(name__startswith="Agency Example")
    )
    rows = [HEADER]
    for n in range(size // len(agencies)):
        day = date.fromordinal(date(2016, 4, 1).toordinal() + n)
        session = SessionFactory(course=course, date=day)
        rows += [
            [title, session.date.isoformat(), agency.name, str(n % 7 + 1)]
            for agency in agencies
        ]
    return rows


def import_queries(client, url, rows, **data):
    upload = csv_upload(rows)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {"file": upload, **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    return len(queries)


def test_a_500_row_attendance_import_runs_in_constant_queries(cast, as_user):
    for n in range(8):
        AgencyFactory(board=cast.board, name=f"Agency Example {n}")
    client = as_user(cast.business_team)
    small = import_queries(client, ATTENDANCE, attendance_rows(cast, 10, "Small"))
    rows = attendance_rows(cast, 500, "Large")
    large = import_queries(client, ATTENDANCE, rows)
    imported = AttendanceCount.objects.filter(session__course__title="Large")
    assert imported.count() == 500
    assert large == small
    # Changing every count costs no more.
    changed = rows[:1] + [row[:3] + ["9"] for row in rows[1:]]
    assert import_queries(client, ATTENDANCE, changed) == small
    assert set(imported.values_list("count", flat=True)) == {9}


# E-learning ---------------------------------------------------------------------

E_HEADER = ["department", "agency", "allocated", "passed"]


def test_an_elearning_file_records_the_chosen_year(cast, as_user):
    response = post(
        as_user(cast.business_team),
        ELEARNING,
        [
            E_HEADER,
            ["Children's Services", cast.agency_x.name, "420", "351"],
            ["Independent schools", "", "85", "70"],
        ],
        year="2016",
    )
    assert response.status_code == 302
    assert response["Location"] == "/boards/north/training/e-learning/?year=2016"
    returns = {
        r.department: (r.agency, r.allocated, r.passed)
        for r in ElearningReturn.objects.filter(elearning_year__year=2016)
    }
    assert returns == {
        "Children's Services": (cast.agency_x, 420, 351),
        "Independent schools": (None, 85, 70),
    }


def test_the_agency_column_may_be_left_out(cast, as_user):
    response = post(
        as_user(cast.business_team),
        ELEARNING,
        [["department", "allocated", "passed"], ["Schools", "10", "9"]],
        year="2016",
    )
    assert response.status_code == 302
    assert ElearningReturn.objects.get().agency is None


def test_a_bad_elearning_file_saves_nothing_and_names_each_row(cast, as_user):
    ElearningYearFactory(board=cast.board, year=2016)
    page = post(
        as_user(cast.business_team),
        ELEARNING,
        [
            E_HEADER,
            ["Children's Services", cast.agency_x.name, "420", "351"],
            ["Schools", "", "10", "11"],
            ["Health", "", "-1", "0"],
            ["Police", "Ministry of Examples", "5", "4"],
            ["", "", "5", "4"],
            ["children's services", "", "5", "4"],
        ],
        year="2016",
    ).content.decode()
    assert "Row 3: 11 passed is more than the 10 allocated." in page
    assert "Row 4: the number allocated cannot be negative." in page
    assert "Row 5: there is no agency of this board called" in page
    assert "Row 6: enter the department." in page
    assert "Row 2:" not in page
    assert not ElearningReturn.objects.exists()
    # Once the rows are right, the service's own check names the repeat.
    page = post(
        as_user(cast.business_team),
        ELEARNING,
        [
            E_HEADER,
            ["Children's Services", cast.agency_x.name, "420", "351"],
            ["children's services", "", "5", "4"],
        ],
        year="2016",
    ).content.decode()
    assert "Row 3: children&#x27;s services is given twice." in page
    assert not ElearningReturn.objects.exists()


def test_a_contributor_imports_only_its_own_agency_departments(cast, as_user):
    page = post(
        as_user(cast.contributor_y),
        ELEARNING,
        [
            E_HEADER,
            ["Voluntary groups", cast.agency_y.name, "10", "9"],
            ["Police", cast.agency_x.name, "10", "9"],
            ["Schools", "", "10", "9"],
        ],
        year="2016",
    ).content.decode()
    assert "Row 3: you may give figures only for your own agency." in page
    assert "Row 4: name your agency" in page
    assert not ElearningReturn.objects.exists()


def test_a_500_row_elearning_import_runs_in_constant_queries(cast, as_user):
    client = as_user(cast.business_team)

    def rows(size):
        return [E_HEADER] + [
            [f"Department {n}", cast.agency_x.name if n % 2 else "", "10", "8"]
            for n in range(size)
        ]

    small = import_queries(client, ELEARNING, rows(5), year="2015")
    large = import_queries(client, ELEARNING, rows(500), year="2016")
    assert ElearningReturn.objects.filter(elearning_year__year=2016).count() == 500
    assert large == small
    # Replacing them all costs no more.
    changed = [E_HEADER] + [row[:3] + ["9"] for row in rows(500)[1:]]
    assert import_queries(client, ELEARNING, changed, year="2016") <= small
