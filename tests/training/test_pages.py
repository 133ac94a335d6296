"""The training pages' flows: add a course and a session, name attendees, record
counts by agency, an evaluation and an impact follow-up; each rule refused on its
page with nothing saved (negative counts, a date outside the course's running
dates, the same person twice, scores outside 1-5); attendance above capacity
saved with a warning; the home's year, totals and the board home's line."""

from datetime import date

import pytest
from django.urls import reverse

from tests.training.factories import (
    AttendanceCountFactory,
    AttendeeFactory,
    CourseFactory,
    QuestionFactory,
    SessionFactory,
)
from training.apps import describe_training
from training.models import (
    AttendanceCount,
    Attendee,
    Course,
    Evaluation,
    ImpactFollowUp,
    Level,
    ReportedYear,
    Session,
    SessionStatus,
)

pytestmark = pytest.mark.django_db


def url(name, cast, *args):
    return reverse(f"training:{name}", args=[cast.board.slug, *args])


def date_parts(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def summary(response) -> str:
    """The GOV.UK error summary's text (the page must have one)."""
    page = response.content.decode()
    assert 'class="govuk-error-summary"' in page, page[:3000]
    start = page.index('class="govuk-error-summary"')
    return page[start : page.index("</ul>", start)]


@pytest.fixture
def team(cast, as_user):
    return as_user(cast.business_team)


@pytest.fixture
def course(cast):
    return CourseFactory(
        board=cast.board,
        title="Child sexual exploitation awareness",
        level=Level.AWARENESS,
        runs_from=date(2016, 4, 1),
        runs_until=date(2017, 3, 31),
    )


@pytest.fixture
def session(course):
    return SessionFactory(course=course, date=date(2016, 10, 12), capacity=20)


def test_team_adds_a_course_then_a_session(cast, team):
    response = team.post(
        url("course-create", cast),
        {
            "title": "Domestic abuse: the RIC",
            "level": "intermediate",
            "format": "face_to_face",
            **date_parts("runs_from", date(2016, 4, 1)),
        },
    )
    course = Course.objects.get(title="Domestic abuse: the RIC")
    assert response.status_code == 302
    assert response["Location"] == url("course", cast, course.pk)
    response = team.post(
        url("session-create", cast, course.pk),
        {
            **date_parts("date", date(2016, 11, 3)),
            "venue": "Penrith Town Hall",
            "capacity": "25",
            "status": "planned",
        },
    )
    session = Session.objects.get(course=course)
    assert response["Location"] == url("session", cast, session.pk)
    page = team.get(url("course", cast, course.pk)).content.decode()
    assert "3 Nov 2016" in page and "Penrith Town Hall" in page


def test_a_course_title_twice_is_refused(cast, team, course):
    response = team.post(
        url("course-create", cast),
        {
            "title": course.title,
            "level": "awareness",
            "format": "face_to_face",
            **date_parts("runs_from", date(2016, 4, 1)),
        },
    )
    assert "already has a course with this title" in summary(response)
    assert Course.objects.count() == 1


def test_a_session_outside_the_running_dates_is_refused_and_not_saved(
    cast, team, course
):
    response = team.post(
        url("session-create", cast, course.pk),
        {**date_parts("date", date(2017, 5, 1)), "status": "planned"},
    )
    assert response.status_code == 200
    assert "within the course&#x27;s running dates" in summary(response)
    assert not Session.objects.exists()


def test_course_edit_is_versioned(cast, team, course):
    data = {
        "title": "CSE awareness",
        "level": "awareness",
        "format": "face_to_face",
        **date_parts("runs_from", date(2016, 4, 1)),
        "version": course.version,
    }
    assert team.post(url("course-edit", cast, course.pk), data).status_code == 302
    course.refresh_from_db()
    assert course.title == "CSE awareness"
    stale = team.post(url("course-edit", cast, course.pk), data)
    assert stale.status_code == 409


def test_team_names_attendees_and_the_same_person_twice_is_refused(cast, team, session):
    person = {"name": "Test Person One", "agency": cast.agency_x.pk, "attended": "yes"}
    response = team.post(url("attendee-add", cast, session.pk), person)
    assert response.status_code == 302
    again = team.post(
        url("attendee-add", cast, session.pk), {**person, "name": "test person one"}
    )
    assert "already recorded for this session" in summary(again)
    assert Attendee.objects.count() == 1
    page = team.get(url("session", cast, session.pk)).content.decode()
    assert "Test Person One" in page and "1 attended" in page


def test_team_removes_an_attendee_after_confirming(cast, team, session):
    person = AttendeeFactory(session=session, agency=cast.agency_x)
    confirm = team.get(url("attendee-remove", cast, session.pk, person.pk))
    assert "Remove" in confirm.content.decode()
    assert Attendee.objects.exists()
    team.post(url("attendee-remove", cast, session.pk, person.pk))
    assert not Attendee.objects.exists()


def test_team_records_that_a_booked_person_did_not_attend(cast, team, session):
    person = AttendeeFactory(session=session, agency=cast.agency_x, name="Test Booked")
    mark = url("attendee-mark", cast, session.pk, person.pk)
    assert "did not attend?" in team.get(mark).content.decode()
    response = team.post(mark, follow=True)
    assert "Recorded that Test Booked did not attend." in response.content.decode()
    person.refresh_from_db()
    assert not person.attended
    assert "0 attended" in team.get(url("session", cast, session.pk)).content.decode()
    team.post(mark)
    person.refresh_from_db()
    assert person.attended


def test_counts_by_agency_are_recorded_and_count_in_the_total(cast, team, session):
    response = team.post(
        url("counts", cast, session.pk),
        {f"agency_{cast.agency_x.pk}": "12", f"agency_{cast.agency_y.pk}": "3"},
        follow=True,
    )
    assert "15 attended in all" in response.content.decode()
    assert sorted(AttendanceCount.objects.values_list("count", flat=True)) == [3, 12]
    home = team.get(url("home", cast)).content.decode()
    assert "15 multi-agency attendances in 2016-17" in home


def test_a_negative_count_is_refused_and_nothing_is_saved(cast, team, session):
    response = team.post(
        url("counts", cast, session.pk),
        {f"agency_{cast.agency_x.pk}": "4", f"agency_{cast.agency_y.pk}": "-2"},
    )
    errors = summary(response)
    assert "Northshire Voluntary Sector: a count cannot be negative" in errors
    assert "imported" not in errors  # a form of counts, not a file
    assert not AttendanceCount.objects.exists()


def test_attendance_above_capacity_is_saved_with_a_warning(cast, team, session):
    response = team.post(
        url("counts", cast, session.pk),
        {f"agency_{cast.agency_x.pk}": "25"},
        follow=True,
    )
    page = response.content.decode()
    assert "25 attended, more than the 20 places" in page
    assert AttendanceCount.objects.get().count == 25
    again = team.get(url("session", cast, session.pk)).content.decode()
    assert "more than the 20 places" in again


def test_evaluation_scores_are_averaged_and_outside_1_to_5_refused(cast, team, session):
    QuestionFactory(board=cast.board, number=1, text="The course met its aims")
    QuestionFactory(board=cast.board, number=2, text="I will use what I learnt")
    refused = team.post(url("evaluation-add", cast, session.pk), {"q1": "6", "q2": "4"})
    assert "Question 1: a score must be from 1 to 5" in summary(refused)
    assert not Evaluation.objects.exists()
    team.post(url("evaluation-add", cast, session.pk), {"q1": "5", "q2": "4"})
    team.post(
        url("evaluation-add", cast, session.pk),
        {"q1": "4", "q2": "4", "comments": "Very practical."},
    )
    page = team.get(url("session", cast, session.pk)).content.decode()
    assert "4.5" in page and "Very practical." in page
    assert "2 evaluation forms returned" in page


def test_team_adds_a_question_from_the_evaluation_page(cast, team, session):
    response = team.post(
        url("question-add", cast, session.pk), {"text": "The trainer was clear"}
    )
    assert response["Location"] == url("evaluation-add", cast, session.pk)
    page = team.get(url("evaluation-add", cast, session.pk)).content.decode()
    assert "1. The trainer was clear" in page


def test_impact_follow_up_shows_beside_the_session(cast, team, session):
    response = team.post(
        url("impact-add", cast, session.pk),
        {
            **date_parts("followed_up_on", date(2017, 2, 1)),
            "sampled": "10",
            "practice_changed": "7",
            "examples": "Referrals now name the CSE screening tool.",
        },
    )
    assert response.status_code == 302
    page = team.get(url("session", cast, session.pk)).content.decode()
    assert "7 of 10 attendees asked" in page
    assert "CSE screening tool" in page


def test_a_follow_up_before_the_session_or_above_its_sample_is_refused(
    cast, team, session
):
    early = team.post(
        url("impact-add", cast, session.pk),
        {
            **date_parts("followed_up_on", date(2016, 9, 1)),
            "sampled": "10",
            "practice_changed": "7",
        },
    )
    assert "comes after the session" in summary(early)
    too_many = team.post(
        url("impact-add", cast, session.pk),
        {
            **date_parts("followed_up_on", date(2017, 2, 1)),
            "sampled": "3",
            "practice_changed": "7",
        },
    )
    assert "More said their practice changed" in summary(too_many)
    assert not ImpactFollowUp.objects.exists()


def test_session_edit_saves_and_warns_over_capacity(cast, team, session):
    AttendanceCountFactory(session=session, agency=cast.agency_x, count=15)
    response = team.post(
        url("session-edit", cast, session.pk),
        {
            **date_parts("date", session.date),
            "status": "held",
            "capacity": "10",
            "version": session.version,
        },
        follow=True,
    )
    assert "15 attended, more than the 10 places" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 10


def test_home_shows_the_latest_year_year_on_year_and_the_reported_total(
    cast, team, session
):
    ReportedYear.objects.create(board=cast.board, year=2015, attendances=1401)
    AttendanceCountFactory(
        session=session, agency=cast.agency_x, count=40, illustrative=True
    )
    page = team.get(url("home", cast)).content.decode()
    assert "Showing 2016-17" in page
    assert "1,401" in page and "Reported" in page
    assert "Illustrative" in page
    assert "Child sexual exploitation awareness" in page
    earlier = team.get(url("home", cast) + "?year=2015").content.decode()
    assert "Showing 2015-16" in earlier
    assert "1,401 multi-agency attendances in 2015-16 (reported total)" in earlier


def test_home_lists_sessions_coming_up_and_held_without_attendance(cast, team):
    course = CourseFactory(
        board=cast.board, title="Neglect", runs_from=date(2016, 4, 1)
    )
    SessionFactory(course=course, date=date(2016, 6, 1))  # held, nothing recorded
    SessionFactory(course=course, date=date(2099, 6, 1), status=SessionStatus.PLANNED)
    page = team.get(url("home", cast)).content.decode()
    assert "Neglect, 1 June 2016" in page
    assert "Neglect, 1 June 2099" in page
    assert describe_training(cast.board) == (
        "1 session coming up; 1 held without attendance recorded"
    )


def test_the_agency_page_shows_its_attendances_this_year_and_last(cast, team, session):
    AttendanceCountFactory(session=session, agency=cast.agency_x, count=9)
    earlier = SessionFactory(course=session.course, date=date(2016, 4, 2))
    AttendeeFactory(session=earlier, agency=cast.agency_x)
    page = team.get(
        reverse("boards:agency", args=[cast.board.slug, cast.agency_x.pk])
    ).content.decode()
    assert "Attendances 2016-17" in page and "Attendances 2015-16" in page
    start = page.index('id="agency-training"')
    assert ">10<" in page[start : start + 800].replace(" ", "")


def test_course_list_shows_attendances_and_exports(cast, team, session):
    AttendanceCountFactory(session=session, agency=cast.agency_x, count=7)
    page = team.get(url("courses", cast)).content.decode()
    assert "Child sexual exploitation awareness" in page
    export = team.get(url("courses", cast) + "?export=csv").content.decode()
    assert "Attendances (all years)" in export and ",7" in export


def test_course_list_names_each_course_level_and_format(cast, team, session):
    page = team.get(url("courses", cast)).content.decode()
    assert "Awareness" in page and "Face-to-face" in page
    assert "functools.partial" not in page


def test_history_pages_list_the_changes(cast, team, session):
    team.post(url("counts", cast, session.pk), {f"agency_{cast.agency_x.pk}": "5"})
    page = team.get(url("session-history", cast, session.pk)).content.decode()
    assert "Changes to the session" in page
    assert team.get(url("course-history", cast, session.course.pk)).status_code == 200


def test_an_empty_board_says_no_training_is_recorded(cast, team):
    page = team.get(url("home", cast)).content.decode()
    assert "No training has been recorded yet." in page
    assert "Add a course" in page


def test_the_course_form_offers_each_level_and_format_once(cast, team):
    page = team.get(url("course-create", cast)).content.decode()
    assert page.count('name="level"') == 3
    assert page.count('name="format"') == 5
    assert "Enhanced / specialist" in page and "Practitioner-forum workshop" in page


def test_the_evaluation_page_asks_for_questions_when_there_are_none(
    cast, team, session
):
    page = team.get(url("evaluation-add", cast, session.pk)).content.decode()
    assert "no set questions yet" in page
    assert url("question-add", cast, session.pk) in page


def test_home_gives_the_years_e_learning_headline_and_the_cells_difference(cast, team):
    from tests.training.factories import ElearningReturnFactory, ElearningYearFactory

    year = ElearningYearFactory(
        board=cast.board, year=2016, reported_allocated=10950, reported_passed=8839
    )
    ElearningReturnFactory(elearning_year=year, allocated=10948, passed=8846)
    page = team.get(url("home", cast)).content.decode()
    assert "Showing 2016-17" in page
    assert "10,950 courses allocated, 8,839 passed: a completion rate of 81%" in page
    assert "sum to 10,948 allocated and 8,846 passed" in page
    assert "less the returns: 2 allocated, -7 passed" in page
