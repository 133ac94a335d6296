"""Who may open the training pages: everyone on the board reads the programme, its
sessions and totals; the business team and the chair write, and read the named
attendees; an agency contributor records its own agency's counts and no other's;
another board's member gets a 404 and anonymous is sent to sign in. Links a role
cannot use are not shown. The pages' queries do not grow with the data."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.boards.factories import AgencyFactory
from tests.matrix import (
    MANAGE,
    MANAGE_POST,
    NOT_OURS,
    READ,
    allow,
    permission_matrix,
)
from tests.training.factories import (
    AttendanceCountFactory,
    AttendeeFactory,
    CourseFactory,
    QuestionFactory,
    SessionFactory,
)
from training.models import AttendanceCount, Attendee, Evaluation, EvaluationScore

pytestmark = pytest.mark.django_db

COUNTERS = allow(
    200, "chair", "business_team", "contributor_x", "contributor_y", others=403
)


@pytest.fixture
def records(cast):
    course = CourseFactory(board=cast.board, title="Neglect conference")
    session = SessionFactory(course=course, capacity=30)
    attendee = AttendeeFactory(session=session, agency=cast.agency_y)
    other_course = CourseFactory(board=cast.other_board, title="Elsewhere")
    other_session = SessionFactory(course=other_course)
    return {
        "c": course.pk,
        "s": session.pk,
        "a": attendee.pk,
        "oc": other_course.pk,
        "os": other_session.pk,
    }


B = "/boards/north/training/"
C = B + "courses/{c}/"
S = B + "sessions/{s}/"
# A record of another board is a 404 before any 403 (as audits do).
MATRIX = [
    (B, "get", READ),
    (B + "courses/", "get", READ),
    (B + "courses/new/", "get", MANAGE),
    (B + "courses/new/", "post", MANAGE),
    (C, "get", READ),
    (C + "history/", "get", READ),
    (C + "edit/", "get", MANAGE),
    (C + "sessions/new/", "get", MANAGE),
    (C + "sessions/new/", "post", MANAGE),
    (S, "get", READ),
    (S + "history/", "get", READ),
    (S + "edit/", "get", MANAGE),
    (S + "attendees/new/", "get", MANAGE),
    (S + "attendees/{a}/remove/", "get", MANAGE),
    (S + "attendees/{a}/attendance/", "get", MANAGE),
    (S + "counts/", "get", COUNTERS),
    (S + "evaluations/new/", "get", MANAGE),
    (S + "evaluations/questions/new/", "get", MANAGE),
    (S + "follow-ups/new/", "get", MANAGE),
    (B + "courses/{oc}/", "get", NOT_OURS),
    (B + "courses/{oc}/edit/", "get", NOT_OURS),
    (B + "sessions/{os}/", "get", NOT_OURS),
    (B + "sessions/{os}/counts/", "get", NOT_OURS),
    (B + "sessions/{os}/attendees/new/", "get", NOT_OURS),
]


@permission_matrix(MATRIX)
def test_training_pages_permission_matrix(records, visit, who, method, url, expected):
    # An empty POST is refused by the form (200) once the role may post at all.
    visit(who, method, url.format(**records), expected)


@permission_matrix([(S + "attendees/{a}/remove/", "post", MANAGE_POST)])
def test_only_writers_remove_an_attendee(records, visit, who, method, url, expected):
    visit(
        who,
        method,
        url.format(**records),
        expected,
        snapshot=lambda: Attendee.objects.count(),
    )


@permission_matrix([(S + "attendees/{a}/attendance/", "post", MANAGE_POST)])
def test_only_writers_record_whether_an_attendee_attended(
    records, visit, who, method, url, expected
):
    visit(
        who,
        method,
        url.format(**records),
        expected,
        snapshot=lambda: list(Attendee.objects.values_list("attended", flat=True)),
    )


def counts_url(cast, session_id):
    return reverse("training:counts", args=[cast.board.slug, session_id])


def test_a_contributor_records_only_its_own_agencys_count(cast, records, as_user):
    client = as_user(cast.contributor_x)
    page = client.get(counts_url(cast, records["s"])).content.decode()
    assert cast.agency_x.name in page and cast.agency_y.name not in page
    response = client.post(
        counts_url(cast, records["s"]), {f"agency_{cast.agency_x.pk}": "6"}
    )
    assert response.status_code == 302
    assert AttendanceCount.objects.get().agency == cast.agency_x


def test_a_contributor_posting_another_agencys_count_is_refused_whole(
    cast, records, as_user
):
    client = as_user(cast.contributor_x)
    response = client.post(
        counts_url(cast, records["s"]),
        {f"agency_{cast.agency_x.pk}": "6", f"agency_{cast.agency_y.pk}": "4"},
    )
    assert response.status_code == 403
    assert not AttendanceCount.objects.exists()


def test_readers_see_no_names_and_no_links_they_cannot_use(cast, records, as_user):
    session_url = reverse("training:session", args=[cast.board.slug, records["s"]])
    for who in ("board_member", "lay_member"):
        page = as_user(cast.user(who)).get(session_url).content.decode()
        assert "Test Attendee" not in page
        assert "Named attendees" not in page
        for label in ("Record attendance counts", "Add an attendee", "Change the"):
            assert label not in page, (who, label)
    contributor = as_user(cast.contributor_x).get(session_url).content.decode()
    assert "Record attendance counts" in contributor
    assert "Add an attendee" not in contributor
    team = as_user(cast.business_team).get(session_url).content.decode()
    assert "Named attendees" in team and "Add an attendee" in team
    home = as_user(cast.board_member).get(
        reverse("training:home", args=[cast.board.slug])
    )
    assert "Add a course" not in home.content.decode()


# Query budgets: the same number of queries at 5 and at 50 rows -------------------


def fill(cast, size):
    """A course with `size` sessions, each with counts; the first session with
    `size` named attendees and evaluations."""
    agencies = [cast.agency_x, cast.agency_y] + [
        AgencyFactory(board=cast.board) for _ in range(3)
    ]
    question = QuestionFactory(board=cast.board, number=1)
    course = CourseFactory(board=cast.board, title=f"Course of {size}")
    first = None
    for n in range(size):
        session = SessionFactory(
            course=course, date=date(2016, 5, 1) + timedelta(days=n), capacity=5
        )
        first = first or session
        AttendanceCountFactory(session=session, agency=agencies[n % 2], count=3)
    for n in range(size):
        AttendeeFactory(session=first, agency=agencies[2 + n % 3], name=f"Person {n}")
        evaluation = Evaluation.objects.create(
            session=first, comments=f"Comment {n}", recorded_by=cast.business_team
        )
        EvaluationScore.objects.create(
            evaluation=evaluation, question=question, score=4
        )
    SessionFactory(course=course, date=date(2099, 1, 1), status="planned")
    return course, first


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize("page", ["home", "course", "session", "courses"])
def test_page_queries_do_not_grow(
    cast, as_user, django_assert_max_num_queries, size, page
):
    course, session = fill(cast, size)
    slug = cast.board.slug
    url = {
        "home": reverse("training:home", args=[slug]),
        "courses": reverse("training:courses", args=[slug]),
        "course": reverse("training:course", args=[slug, course.pk]),
        "session": reverse("training:session", args=[slug, session.pk]),
    }[page]
    client = as_user(cast.business_team)
    client.get(url)  # the session and user are cached after the first request
    with django_assert_max_num_queries(BUDGETS[page]):
        response = client.get(url)
    assert response.status_code == 200


# The course page: its sessions are a list that pages (a count and a page) and
# its attendances by year one query over every session.
BUDGETS = {"home": 17, "courses": 7, "course": 12, "session": 14}
