"""The training API through tokens: courses, sessions (with their attendance
total, never attendees' names), attendance counts and e-learning returns for
everyone on the board, filtered; bulk writes of counts and returns by the
business team and by an agency contributor for its own agency only, all or none,
idempotent, bad input a 400 naming the item; the totals; bounded queries at two
sizes (5,000 attendances among them)."""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from boards.models import ApiToken
from tests.boards.factories import AgencyFactory
from tests.reviews.factories import LearningThemeFactory
from tests.training.factories import (
    AttendanceCountFactory,
    AttendeeFactory,
    CourseFactory,
    ElearningReturnFactory,
    ElearningYearFactory,
    SessionFactory,
)
from training.models import (
    AttendanceCount,
    Attendee,
    ElearningReturn,
    ElearningYear,
    Level,
    ReportedYear,
    Session,
    SessionStatus,
)

API = "/api/v1/"
COURSES = f"{API}training-courses/"
SESSIONS = f"{API}training-sessions/"
COUNTS = f"{API}attendance-counts/"
COUNTS_BULK = f"{COUNTS}bulk/"
RETURNS = f"{API}elearning-returns/"
RETURNS_BULK = f"{RETURNS}bulk/"
TOTALS = f"{API}training-totals/"

BOARD = ("business_team", "chair", "board_member", "lay_member")
CONTRIBUTORS = ("contributor_x", "contributor_y")


def key_for(user, board, scope="write") -> str:
    _, key = ApiToken.issue(
        user=user,
        board=board,
        name="Training feed",
        scope=scope,
        expires_at=timezone.now() + timedelta(days=1),
        created_by=user,
    )
    return key


@pytest.fixture
def api(client):
    """A client holding a token of `user` on `board` (the user's first by default)."""

    def with_token(user, board=None, *, scope="write"):
        board = board or user.memberships.first().board
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key_for(user, board, scope)}"
        return client

    return with_token


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def post(client, url, body, **headers):
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, raw, content_type="application/json", **headers)


@pytest.fixture
def session(cast):
    return SessionFactory(course=CourseFactory(board=cast.board))


def count_row(session, agency, count=12) -> dict:
    return {"session": session.pk, "agency": agency.pk, "count": count}


def return_row(agency, department="Children's Services", **figures) -> dict:
    return {
        "year": 2016,
        "department": department,
        "agency": None if agency is None else agency.pk,
        "allocated": 40,
        "passed": 33,
    } | figures


# Reads and their filters -----------------------------------------------------------


def test_courses_filter_by_level_theme_and_year(cast, api):
    theme = LearningThemeFactory(board=cast.board, name="Domestic abuse")
    awareness = CourseFactory(board=cast.board, level=Level.AWARENESS)
    awareness.themes.add(theme)
    ended = CourseFactory(
        board=cast.board, runs_from=date(2014, 4, 1), runs_until=date(2015, 3, 31)
    )
    CourseFactory(board=cast.other_board)
    client = api(cast.board_member)
    assert set(ids(client.get(COURSES))) == {awareness.pk, ended.pk}
    assert ids(client.get(COURSES, {"level": "awareness"})) == [awareness.pk]
    assert ids(client.get(COURSES, {"course_format": "conference"})) == []
    assert ids(client.get(COURSES, {"theme": theme.pk})) == [awareness.pk]
    assert ids(client.get(COURSES, {"year": 2016})) == [awareness.pk]
    assert ids(client.get(COURSES, {"year": 2014})) == [ended.pk]
    row = client.get(f"{COURSES}{awareness.pk}/").json()
    assert row["level"] == "awareness"
    assert row["themes"] == [theme.pk]
    assert row["runs_from"] == "2016-04-01"


def test_a_session_gives_its_attendance_total_and_never_names(cast, api, session):
    AttendeeFactory(session=session, name="Ada Example", agency=cast.agency_x)
    AttendeeFactory(session=session, agency=cast.agency_x, attended=False)
    AttendanceCountFactory(session=session, agency=cast.agency_y, count=14)
    response = api(cast.business_team).get(f"{SESSIONS}{session.pk}/")
    assert response.status_code == 200
    row = response.json()
    assert (row["attendance"], row["named"], row["counted"]) == (15, 1, 14)
    assert row["year"] == 2016
    assert row["status"] == "held"
    assert "Ada Example" not in response.content.decode()


def test_sessions_filter_by_course_status_and_year(cast, api, session):
    later = SessionFactory(
        course=session.course, date=date(2017, 5, 3), status=SessionStatus.PLANNED
    )
    other = SessionFactory(course=CourseFactory(board=cast.board))
    client = api(cast.lay_member)
    assert ids(client.get(SESSIONS, {"course": session.course.pk})) == [
        session.pk,
        later.pk,
    ]
    assert ids(client.get(SESSIONS, {"status": "planned"})) == [later.pk]
    assert ids(client.get(SESSIONS, {"year": 2017})) == [later.pk]
    assert set(ids(client.get(SESSIONS, {"year": 2016}))) == {session.pk, other.pk}
    assert ids(client.get(SESSIONS, {"date_after": "2017-01-01"})) == [later.pk]


def test_attendance_counts_filter_by_session_agency_and_year(cast, api, session):
    mine = AttendanceCountFactory(session=session, agency=cast.agency_x)
    theirs = AttendanceCountFactory(session=session, agency=cast.agency_y)
    next_year = AttendanceCountFactory(
        session=SessionFactory(course=session.course, date=date(2017, 6, 1)),
        agency=cast.agency_x,
    )
    cast.agency_x.short_name = "NC"
    cast.agency_x.save()
    client = api(cast.contributor_y)
    assert set(ids(client.get(COUNTS, {"session": session.pk}))) == {
        mine.pk,
        theirs.pk,
    }
    assert set(ids(client.get(COUNTS, {"agency": "NC"}))) == {mine.pk, next_year.pk}
    assert ids(client.get(COUNTS, {"year": 2017})) == [next_year.pk]
    assert ids(client.get(COUNTS, {"year": 2016, "agency": cast.agency_y.pk})) == [
        theirs.pk
    ]
    assert client.get(COUNTS, {"year": "last"}).status_code == 400


def test_elearning_returns_filter_by_year_and_agency(cast, api):
    year = ElearningYearFactory(board=cast.board, year=2016)
    earlier = ElearningYearFactory(board=cast.board, year=2015)
    police = ElearningReturnFactory(elearning_year=year, agency=cast.agency_x)
    unowned = ElearningReturnFactory(elearning_year=year, allocated=8, passed=8)
    old = ElearningReturnFactory(elearning_year=earlier, agency=cast.agency_x)
    client = api(cast.chair)
    assert set(ids(client.get(RETURNS, {"year": 2016}))) == {police.pk, unowned.pk}
    assert set(ids(client.get(RETURNS, {"agency": cast.agency_x.pk}))) == {
        police.pk,
        old.pk,
    }
    row = client.get(f"{RETURNS}{unowned.pk}/").json()
    assert (row["year"], row["agency"], row["completion_rate"]) == (2016, None, 100)


def test_totals_give_years_elearning_and_a_years_courses_and_agencies(
    cast, api, session
):
    ReportedYear.objects.create(board=cast.board, year=2015, attendances=1401)
    AttendanceCountFactory(session=session, agency=cast.agency_x, count=20)
    AttendeeFactory(session=session, agency=cast.agency_y)
    year = ElearningYearFactory(
        board=cast.board, year=2016, reported_allocated=10950, reported_passed=8839
    )
    ElearningReturnFactory(elearning_year=year, allocated=10948, passed=8846)
    client = api(cast.board_member)
    body = client.get(TOTALS).json()
    assert body["attendances"] == [
        {"year": 2015, "attendances": 1401, "reported": True},
        {"year": 2016, "attendances": 21, "reported": False},
    ]
    [elearning] = body["elearning"]
    assert (elearning["allocated"], elearning["passed"], elearning["rate"]) == (
        10950,
        8839,
        81,
    )
    assert (elearning["cells_allocated"], elearning["cells_passed"]) == (10948, 8846)
    assert elearning["disagrees"] is True
    assert (body["year"], body["courses"], body["agencies"]) == (None, [], [])
    body = client.get(TOTALS, {"year": 2016}).json()
    assert body["courses"] == [
        {
            "course": session.course.pk,
            "title": session.course.title,
            "level": session.course.level,
            "sessions": 1,
            "attendances": 21,
        }
    ]
    assert [(a["agency"], a["attendances"]) for a in body["agencies"]] == [
        (cast.agency_x.pk, 20),
        (cast.agency_y.pk, 1),
    ]
    assert client.get(TOTALS, {"year": "2016-17"}).status_code == 400
    assert client.get(TOTALS, {"colour": "red"}).status_code == 400


def test_another_boards_records_are_not_found(cast, api, session):
    count = AttendanceCountFactory(session=session, agency=cast.agency_x)
    client = api(cast.other_board_member)
    assert ids(client.get(SESSIONS)) == []
    assert ids(client.get(COUNTS)) == []
    assert client.get(f"{SESSIONS}{session.pk}/").status_code == 404
    assert client.get(f"{COUNTS}{count.pk}/").status_code == 404
    assert client.get(f"{COURSES}{session.course.pk}/").status_code == 404
    assert client.get(TOTALS).json()["attendances"] == []


@pytest.mark.parametrize("url", [COURSES, SESSIONS, COUNTS, RETURNS, TOTALS])
def test_no_credentials_is_a_401(client, db, url):
    assert client.get(url).status_code == 401


@pytest.mark.parametrize("url", [COUNTS_BULK, RETURNS_BULK])
def test_no_credentials_may_not_post(client, db, url):
    assert post(client, url, [{"count": 1}]).status_code == 401


# The permission matrix of the writes -----------------------------------------------

WRITE_MATRIX = [
    ("business_team", 201),
    ("chair", 201),
    ("board_member", 403),
    ("lay_member", 403),
    ("contributor_x", 201),
    ("contributor_y", 403),
    ("other_board_member", 403),
]


@pytest.mark.parametrize("who, expected", WRITE_MATRIX)
def test_who_may_post_agency_xs_attendance_counts(cast, api, session, who, expected):
    client = api(cast.user(who))
    response = post(client, COUNTS_BULK, [count_row(session, cast.agency_x)])
    assert response.status_code == expected, response.content
    assert AttendanceCount.objects.exists() == (expected == 201)


@pytest.mark.parametrize("who, expected", WRITE_MATRIX)
def test_who_may_post_agency_xs_elearning_return(cast, api, who, expected):
    client = api(cast.user(who))
    response = post(client, RETURNS_BULK, [return_row(cast.agency_x)])
    assert response.status_code == expected, response.content
    assert ElearningReturn.objects.exists() == (expected == 201)


@pytest.mark.parametrize("who", BOARD + CONTRIBUTORS)
def test_everyone_on_the_board_reads_every_list(cast, api, session, who):
    client = api(cast.user(who), scope="read")
    for url in (COURSES, SESSIONS, COUNTS, RETURNS, TOTALS):
        assert client.get(url).status_code == 200, url


def test_a_read_only_token_may_not_post(cast, api, session):
    client = api(cast.business_team, scope="read")
    response = post(client, COUNTS_BULK, [count_row(session, cast.agency_x)])
    assert response.status_code == 403


def test_a_contributor_posts_its_own_agencys_counts_and_return(cast, api, session):
    client = api(cast.contributor_x)
    response = post(client, COUNTS_BULK, [count_row(session, cast.agency_x, 9)])
    assert response.status_code == 201
    assert response.json() == {"created": 1, "changed": 0, "removed": 0}
    response = post(client, RETURNS_BULK, [return_row(cast.agency_x)])
    assert response.status_code == 201
    assert response.json() == {"created": 1, "changed": 0}
    saved = ElearningReturn.objects.get()
    assert (saved.elearning_year.year, saved.agency, saved.passed) == (
        2016,
        cast.agency_x,
        33,
    )
    assert client.get(f"{SESSIONS}{session.pk}/").json()["attendance"] == 9


def test_a_contributor_may_not_post_another_agencys_rows(cast, api, session):
    client = api(cast.contributor_x)
    rows = [count_row(session, cast.agency_x), count_row(session, cast.agency_y)]
    response = post(client, COUNTS_BULK, rows)
    assert response.status_code == 403
    assert "items 1 are for another agency" in response.json()["detail"]
    assert not AttendanceCount.objects.exists()
    returns = [return_row(cast.agency_x), return_row(cast.agency_y, "Probation")]
    response = post(client, RETURNS_BULK, returns)
    assert response.status_code == 403
    assert not ElearningReturn.objects.exists()


def test_a_contributor_may_not_post_a_return_without_an_agency(cast, api):
    client = api(cast.contributor_x)
    response = post(client, RETURNS_BULK, [return_row(None)])
    assert response.status_code == 403
    assert not ElearningReturn.objects.exists()
    # The business team may: a department of no board agency.
    response = post(api(cast.business_team), RETURNS_BULK, [return_row(None)])
    assert response.status_code == 201


# All or none, and bad input ---------------------------------------------------------


def test_a_bad_count_saves_none_and_names_each_bad_item(cast, api, session):
    cancelled = SessionFactory(course=session.course, status=SessionStatus.CANCELLED)
    rows = [
        count_row(session, cast.agency_x),
        count_row(session, cast.agency_y, -3),
        count_row(cancelled, cast.agency_x),
        {"session": 999999, "agency": cast.agency_x.pk, "count": 1},
        {"session": session.pk, "agency": cast.agency_x.pk, "count": "many"},
    ]
    response = post(api(cast.business_team), COUNTS_BULK, rows)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"3", "4"}  # checked before the service is asked
    assert errors["3"]["session"] == ["No session has this id on this board."]
    assert "count" in errors["4"]
    response = post(api(cast.business_team), COUNTS_BULK, rows[:3])
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"1", "2"}
    assert errors["1"]["detail"] == ["a count cannot be negative."]
    assert "was cancelled" in errors["2"]["detail"][0]
    assert not AttendanceCount.objects.exists()


def test_an_agency_of_another_board_is_a_400_for_the_business_team(cast, api, session):
    stranger = AgencyFactory(board=cast.other_board)
    response = post(
        api(cast.business_team), COUNTS_BULK, [count_row(session, stranger)]
    )
    assert response.status_code == 400
    assert response.json()["errors"]["0"]["agency"] == [
        "No agency has this id on this board."
    ]


def test_a_session_given_twice_is_refused(cast, api, session):
    rows = [count_row(session, cast.agency_x), count_row(session, cast.agency_x, 3)]
    response = post(api(cast.business_team), COUNTS_BULK, rows)
    assert response.status_code == 400
    assert "given twice" in response.json()["errors"]["1"]["detail"][0]


def test_a_bad_return_saves_none_across_years(cast, api):
    rows = [
        return_row(cast.agency_x),
        return_row(cast.agency_x, "Fire and Rescue", year=2017),
        return_row(cast.agency_x, "Youth Offending", year=2017, passed=41),
        return_row(cast.agency_x, "Libraries", allocated=-1),
    ]
    response = post(api(cast.contributor_x), RETURNS_BULK, rows)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"2", "3"}
    assert errors["2"]["detail"] == ["41 passed is more than the 40 allocated."]
    assert errors["3"]["detail"] == ["allocated and passed must be 0 or more."]
    assert not ElearningReturn.objects.exists()
    assert not ElearningYear.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "{}",
        "[]",
        "not json",
        '[{"session": "x"}]',
        "[1, 2]",
        '[{"session": 1, "agency": 99999999999999999999999, "count": 1}]',
        '[{"session": 1, "agency": 1, "count": 99999999999999}]',
    ],
)
def test_bad_bodies_are_400_never_500(cast, api, session, body):
    client = api(cast.business_team)
    assert post(client, COUNTS_BULK, body).status_code == 400
    assert post(client, RETURNS_BULK, body).status_code == 400


def test_more_than_a_thousand_rows_are_refused(cast, api, session):
    rows = [count_row(session, cast.agency_x)] * 1001
    response = post(api(cast.business_team), COUNTS_BULK, rows)
    assert response.status_code == 400
    assert "at most 1000" in response.json()["detail"]
    response = post(api(cast.business_team), RETURNS_BULK, [return_row(None)] * 1001)
    assert response.status_code == 400
    assert not AttendanceCount.objects.exists()


def test_a_thousand_rows_are_saved_at_once(cast, api, session):
    agencies = AgencyFactory.create_batch(40, board=cast.board)
    sessions = SessionFactory.create_batch(25, course=session.course)
    rows = [count_row(s, a, 2) for s in sessions for a in agencies]
    response = post(api(cast.business_team), COUNTS_BULK, rows)
    assert response.status_code == 201, response.content
    assert AttendanceCount.objects.count() == 1000


def test_a_count_of_zero_removes_the_agencys_count(cast, api, session):
    AttendanceCountFactory(session=session, agency=cast.agency_x, count=5)
    response = post(
        api(cast.contributor_x), COUNTS_BULK, [count_row(session, cast.agency_x, 0)]
    )
    assert response.json() == {"created": 0, "changed": 0, "removed": 1}
    assert not AttendanceCount.objects.exists()


# Idempotency ------------------------------------------------------------------------


def test_counts_replayed_with_their_idempotency_key_are_saved_once(cast, api, session):
    client = api(cast.contributor_x)
    rows = [count_row(session, cast.agency_x, 7)]
    first = post(client, COUNTS_BULK, rows, HTTP_IDEMPOTENCY_KEY="feed-1")
    again = post(client, COUNTS_BULK, rows, HTTP_IDEMPOTENCY_KEY="feed-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() == {"created": 1, "changed": 0, "removed": 0}
    assert again["Idempotent-Replayed"] == "true"
    assert AttendanceCount.objects.get().count == 7
    assert Session.objects.get().version == 2  # touched once
    other = post(
        client,
        COUNTS_BULK,
        [count_row(session, cast.agency_x, 8)],
        HTTP_IDEMPOTENCY_KEY="feed-1",
    )
    assert other.status_code == 422


def test_a_return_replayed_with_its_idempotency_key_is_saved_once(cast, api):
    client = api(cast.contributor_x)
    rows = [return_row(cast.agency_x)]
    first = post(client, RETURNS_BULK, rows, HTTP_IDEMPOTENCY_KEY="return-2016")
    again = post(client, RETURNS_BULK, rows, HTTP_IDEMPOTENCY_KEY="return-2016")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert ElearningReturn.objects.count() == 1
    assert ElearningReturn.history.count() == 1


# Query budgets ----------------------------------------------------------------------


def grow_sessions(cast, course, size):
    Session.objects.bulk_create(
        Session(course=course, date=date(2016, 10, 12), status=SessionStatus.HELD)
        for _ in range(size - Session.objects.filter(course=course).count())
    )
    sessions = list(Session.objects.filter(course=course))
    agencies = [cast.agency_x, cast.agency_y]
    AttendanceCount.objects.bulk_create(
        (
            AttendanceCount(session=s, agency=a, count=3)
            for s in sessions
            for a in agencies
        ),
        ignore_conflicts=True,
    )
    return sessions


@pytest.mark.parametrize(
    # The token's use recorded, its board's roles, the count, the page: then
    # a course's three kinds of links.
    "url, budget",
    [(SESSIONS, 5), (COUNTS, 5), (COURSES, 8), (RETURNS, 5)],
)
def test_lists_run_a_constant_number_of_queries(
    cast, api, session, django_assert_max_num_queries, url, budget
):
    client = api(cast.board_member, scope="read")
    year = ElearningYearFactory(board=cast.board)
    for size in (3, 30):
        grow_sessions(cast, session.course, size)
        for _ in range(size - ElearningReturn.objects.count()):
            ElearningReturnFactory(elearning_year=year)
        CourseFactory(board=cast.board).themes.add(
            LearningThemeFactory(board=cast.board)
        )
        with django_assert_max_num_queries(budget):
            assert len(ids(client.get(url, {"page_size": 200}))) >= 2


def test_five_thousand_attendances_list_in_the_same_queries(
    cast, api, session, django_assert_max_num_queries
):
    client = api(cast.business_team, scope="read")
    for total in (500, 5000):
        sessions = grow_sessions(cast, session.course, 50)
        already = Attendee.objects.count()
        Attendee.objects.bulk_create(
            Attendee(
                session=sessions[n % 50],
                name=f"Test Attendee {n}",
                agency=cast.agency_x,
            )
            for n in range(already, total)
        )
        with django_assert_max_num_queries(7):
            page = client.get(SESSIONS, {"page_size": 200}).json()
        assert sum(row["named"] for row in page["results"]) == total
        with django_assert_max_num_queries(7):
            assert client.get(COUNTS, {"page_size": 200}).json()["count"] == 100
        with django_assert_max_num_queries(12):
            body = client.get(TOTALS, {"year": 2016}).json()
        assert body["attendances"][0]["attendances"] == total + 300
