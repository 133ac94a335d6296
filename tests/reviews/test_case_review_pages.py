"""The case review pages as the business team uses them: recording a review, each
form's happy path, its bad input (the message shown, nothing saved), a stale edit,
and what the detail and home pages then show."""

import html
from datetime import date

import pytest
from django.urls import reverse

from reviews import services
from reviews.models import (
    CHILD_REFERENCE_MESSAGE,
    CaseReview,
    ItemStatus,
    RapidReviewDecision,
    ReviewEvent,
    ReviewType,
    Stage,
)
from tests.reviews.factories import (
    REVIEWS,
    ActionItemFactory,
    CaseReviewFactory,
    PublishedReviewFactory,
)

pytestmark = pytest.mark.django_db


def page(response) -> str:
    """The page's text, with HTML's character references read."""
    return html.unescape(response.content.decode())


def parts(name, day: date) -> dict:
    """A date as the GOV.UK date input posts it."""
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def snapshot():
    return (
        list(CaseReview.objects.order_by("pk").values()),
        list(ReviewEvent.objects.order_by("pk").values()),
    )


@pytest.fixture
def team(cast, as_user):
    return as_user(cast.business_team)


@pytest.fixture
def review(cast):
    return services.review_create(
        board=cast.board,
        user=cast.business_team,
        child_reference="Child Q",
        review_type=ReviewType.SCR,
        referred_on=date(2016, 4, 1),
    )


def url(review, tail=""):
    return f"{REVIEWS}{review.pk}/{tail}"


CREATE = {
    "child_reference": "Child N",
    "review_type": ReviewType.SCR,
    "legacy": "on",
    **parts("referred_on", date(2014, 3, 5)),
    "period_examined": "March 2011 to December 2012",
    "scope": "Agencies' work with the family.",
    "story": "Child N lived with their mother and two siblings.",
    "recommendations": "Share information earlier.",
}


def test_business_team_records_a_review_and_opens_its_record(cast, team):
    response = team.post(f"{REVIEWS}new/", CREATE)
    review = CaseReview.objects.get(child_reference="Child N")
    assert response.status_code == 302
    assert response["Location"] == url(review)
    assert (review.board, review.referred_on, review.legacy) == (
        cast.board,
        date(2014, 3, 5),
        True,
    )
    assert review.stage == Stage.REFERRED
    response = team.get(url(review))
    detail = page(response)
    assert "Child N recorded." in detail
    assert "March 2011 to December 2012" in detail
    assert "Child N lived with their mother and two siblings." in detail
    timeline = [(event.date, what) for event, what in response.context["timeline"]]
    assert timeline == [(date(2014, 3, 5), "Referred to the Case Review Group")]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"child_reference": "Jane Smith"}, CHILD_REFERENCE_MESSAGE),
        ({"child_reference": ""}, "Enter the child's reference"),
        ({"referred_on_year": ""}, "must include a year"),
        ({"review_type": "invented"}, "Select the type of review from the list"),
        ({"story": "x" * 10001}, "10,000 characters or fewer"),
        (
            parts("incident_known_on", date(2016, 3, 1)),
            "Only a rapid review or a local child safeguarding practice review has "
            "a serious incident notification",
        ),
    ],
)
def test_a_bad_review_is_refused_with_a_message_and_nothing_saved(
    cast, team, changes, message
):
    response = team.post(f"{REVIEWS}new/", CREATE | changes)
    assert response.status_code == 200
    assert "There is a problem" in page(response)
    assert message in page(response)
    assert not CaseReview.objects.exists()


def test_a_second_review_of_the_same_child_is_refused(cast, team, review):
    response = team.post(f"{REVIEWS}new/", CREATE | {"child_reference": "Child Q"})
    assert "This board already has a review of this child reference" in page(response)
    assert CaseReview.objects.count() == 1


def test_a_rapid_review_takes_the_date_the_incident_became_known(cast, team):
    data = CREATE | {"review_type": ReviewType.RAPID, "legacy": ""}
    team.post(f"{REVIEWS}new/", data | parts("incident_known_on", date(2026, 3, 2)))
    review = CaseReview.objects.get()
    assert review.incident_known_on == date(2026, 3, 2)


def edit_data(review, **changes):
    return {
        "child_reference": review.child_reference,
        "referred_on": review.referred_on.isoformat(),
        "period_examined": "April 2015 to March 2016",
        "scope": "",
        "story": "A new telling of the story.",
        "recommendations": "",
        "version": review.version,
        **changes,
    }


def test_business_team_edits_a_review(cast, team, review):
    response = team.post(url(review, "edit/"), edit_data(review))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.story == "A new telling of the story."
    assert review.version == 2
    history = page(team.get(url(review, "history/")))
    assert "A new telling of the story." in history


def test_a_bad_edit_is_refused_with_a_message_and_nothing_saved(cast, team, review):
    before = snapshot()
    response = team.post(
        url(review, "edit/"), edit_data(review, child_reference="Child of Smith")
    )
    assert response.status_code == 200
    assert CHILD_REFERENCE_MESSAGE in page(response)
    assert snapshot() == before


def test_a_stale_edit_says_who_changed_the_review_and_saves_nothing(cast, team, review):
    stale = edit_data(review)
    services.review_update(
        review=review,
        user=cast.chair,
        version=review.version,
        changes={"story": "The chair's version."},
    )
    before = snapshot()
    response = team.post(url(review, "edit/"), stale)
    assert response.status_code == 409
    assert f"This record was changed by {cast.chair}" in page(response)
    assert snapshot() == before
    review.refresh_from_db()
    assert review.story == "The chair's version."


def test_the_stage_page_offers_only_the_next_stages(cast, team, review):
    response = team.get(url(review, "stage/"))
    assert [
        value for value, _ in response.context["form"].fields["to_stage"].choices
    ] == [Stage.DECIDED]
    walk_to(review, cast, Stage.DRAFT_RECEIVED)
    response = team.get(url(review, "stage/"))
    choices = response.context["form"].fields["to_stage"].choices
    assert [value for value, _ in choices] == [Stage.PUBLISHED, Stage.IN_PROGRESS]


DECIDE = {
    "to_stage": Stage.DECIDED,
    **parts("on", date(2016, 5, 1)),
    "criteria_met": "yes",
    "decided_by": "Case Review Group",
    "note": "The criteria of regulation 5 are met.",
}


def test_business_team_records_the_decision(cast, team, review):
    response = team.post(url(review, "stage/"), DECIDE | {"version": review.version})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.stage == Stage.DECIDED
    assert (review.criteria_met, review.decided_by, review.decided_on) == (
        True,
        "Case Review Group",
        date(2016, 5, 1),
    )
    detail = page(team.get(url(review)))
    assert "Criteria met, 1 May 2016, by Case Review Group" in detail
    assert "The criteria of regulation 5 are met." in detail


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"decided_by": ""}, "Enter who made the decision."),
        ({"criteria_met": ""}, "Say whether the criteria are met."),
        ({"note": ""}, "Enter the reason for the decision."),
        ({"to_stage": Stage.PUBLISHED}, "Select a stage from the list"),
        ({"to_stage": ""}, "Select what happened next"),
        (parts("on", date(2016, 3, 1)), "The date cannot be before the last step"),
        (parts("on", date(2099, 1, 1)), "The date cannot be in the future."),
        ({"on_day": "31", "on_month": "2"}, "Enter a real date"),
    ],
)
def test_a_refused_step_shows_why_and_saves_nothing(
    cast, team, review, changes, message
):
    before = snapshot()
    response = team.post(
        url(review, "stage/"), DECIDE | {"version": review.version} | changes
    )
    assert response.status_code == 200
    assert "There is a problem" in page(response)
    assert message in page(response)
    assert snapshot() == before


def walk_to(review, cast, stage):
    steps = {
        Stage.DECIDED: (date(2016, 5, 1), DECIDE),
        Stage.COMMISSIONED: (date(2016, 5, 10), {"reviewer": "A reviewer"}),
        Stage.IN_PROGRESS: (date(2016, 5, 20), {}),
        Stage.DRAFT_RECEIVED: (date(2016, 11, 1), {}),
    }
    for to_stage, (on, extra) in steps.items():
        keep = {
            k: v for k, v in extra.items() if k in ("decided_by", "note", "reviewer")
        }
        if to_stage == Stage.DECIDED:
            keep["criteria_met"] = True
        review = services.review_transition(
            review=review, user=cast.business_team, to_stage=to_stage, on=on, **keep
        )
        if to_stage == stage:
            return review
    return review


def test_commissioning_needs_the_reviewer(cast, team, review):
    review = walk_to(review, cast, Stage.DECIDED)
    data = {"to_stage": Stage.COMMISSIONED, **parts("on", date(2016, 5, 10))}
    response = team.post(url(review, "stage/"), data | {"version": review.version})
    assert "Enter who was commissioned to review." in page(response)
    response = team.post(
        url(review, "stage/"),
        data | {"version": review.version, "reviewer": "Jane Reviewer"},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.stage, review.reviewer) == (Stage.COMMISSIONED, "Jane Reviewer")


def test_publishing_records_the_date_and_link(cast, team, review):
    review = walk_to(review, cast, Stage.DRAFT_RECEIVED)
    response = team.post(
        url(review, "stage/"),
        {
            "to_stage": Stage.PUBLISHED,
            **parts("on", date(2017, 1, 16)),
            "publication_url": "https://example.org/child-q",
            "version": review.version,
        },
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.published_on, review.publication_url) == (
        date(2017, 1, 16),
        "https://example.org/child-q",
    )
    assert 'href="https://example.org/child-q"' in page(team.get(url(review)))


def test_a_bad_publication_link_is_refused(cast, team, review):
    review = walk_to(review, cast, Stage.DRAFT_RECEIVED)
    before = snapshot()
    response = team.post(
        url(review, "stage/"),
        {
            "to_stage": Stage.PUBLISHED,
            **parts("on", date(2017, 1, 16)),
            "publication_url": "not a link",
            "version": review.version,
        },
    )
    assert "Enter the link in the correct format" in page(response)
    assert snapshot() == before


def test_a_review_with_open_items_cannot_close(cast, team):
    review = PublishedReviewFactory(board=cast.board)
    ActionItemFactory(review=review, owner_agency=cast.agency_x)
    before = snapshot()
    response = team.post(
        url(review, "stage/"),
        {
            "to_stage": Stage.CLOSED,
            **parts("on", date(2017, 3, 1)),
            "version": review.version,
        },
    )
    assert "The review cannot close: 1 item of its action plan is still open." in page(
        response
    )
    assert snapshot() == before
    assert review.action_items.get().status == ItemStatus.NOT_STARTED


def test_a_stale_stage_page_is_refused(cast, team, review):
    stale = DECIDE | {"version": review.version}
    services.review_update(
        review=review, user=cast.chair, version=review.version, changes={}
    )
    response = team.post(url(review, "stage/"), stale)
    assert response.status_code == 409
    assert "This record was changed by" in page(response)
    review.refresh_from_db()
    assert review.stage == Stage.REFERRED


def test_recategorising_shows_the_old_and_new_type_with_the_reason(cast, team, review):
    response = team.post(
        url(review, "type/"),
        {
            "to_type": ReviewType.PRACTICE,
            "reason": "The criteria for an SCR were not met after all.",
            **parts("on", date(2016, 6, 1)),
            "version": review.version,
        },
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.review_type == ReviewType.PRACTICE
    detail = page(team.get(url(review)))
    assert "Re-categorised: Serious case review → Practice review" in detail
    assert "The criteria for an SCR were not met after all." in detail


def test_recategorising_offers_other_types_and_needs_a_reason(cast, team, review):
    form = team.get(url(review, "type/")).context["form"]
    assert ReviewType.SCR not in dict(form.fields["to_type"].choices)
    before = snapshot()
    response = team.post(
        url(review, "type/"),
        {
            "to_type": ReviewType.PRACTICE,
            "reason": "",
            **parts("on", date(2016, 6, 1)),
            "version": review.version,
        },
    )
    assert "Enter why the review is re-categorised" in page(response)
    assert snapshot() == before


@pytest.fixture
def rapid(cast):
    return services.review_create(
        board=cast.board,
        user=cast.business_team,
        child_reference="Child Z",
        review_type=ReviewType.RAPID,
        referred_on=date(2026, 3, 2),
    )


def test_business_team_records_a_late_notification(cast, team, rapid):
    response = team.post(
        url(rapid, "notification/"),
        {
            **parts("incident_known_on", date(2026, 3, 2)),
            **parts("panel_notified_on", date(2026, 3, 16)),
            "version": rapid.version,
        },
    )
    assert response.status_code == 302
    rapid.refresh_from_db()
    assert rapid.panel_notified_on == date(2026, 3, 16)
    detail = page(team.get(url(rapid)))
    assert "(due 9 March 2026)" in detail
    assert "Late" in detail
    assert "National panel notified (late: due 9 March 2026)." in detail


def test_the_notification_page_starts_from_what_is_recorded(cast, team, rapid):
    rapid = services.review_update(
        review=rapid,
        user=cast.business_team,
        version=rapid.version,
        changes={"incident_known_on": date(2026, 3, 2)},
    )
    form = team.get(url(rapid, "notification/")).context["form"]
    assert form["incident_known_on"].value() == date(2026, 3, 2)
    assert form["version"].value() == rapid.version


def test_a_notification_before_the_incident_was_known_is_refused(cast, team, rapid):
    before = snapshot()
    response = team.post(
        url(rapid, "notification/"),
        {
            **parts("incident_known_on", date(2026, 3, 2)),
            **parts("panel_notified_on", date(2026, 3, 1)),
            "version": rapid.version,
        },
    )
    assert "The panel cannot be notified before the local authority became aware" in (
        page(response)
    )
    assert snapshot() == before


def test_a_rapid_review_deciding_an_lcspr_makes_the_review_one(cast, team, rapid):
    rapid = services.review_record_notification(
        review=rapid,
        user=cast.business_team,
        incident_known_on=date(2026, 3, 2),
        panel_notified_on=date(2026, 3, 4),
    )
    response = team.post(
        url(rapid, "rapid-review/"),
        {
            **parts("sent_on", date(2026, 3, 20)),
            "decision": RapidReviewDecision.LCSPR,
            "panel_response": "The panel agrees.",
            **parts("panel_responded_on", date(2026, 4, 1)),
            "version": rapid.version,
        },
    )
    assert response.status_code == 302
    rapid.refresh_from_db()
    assert (rapid.review_type, rapid.stage) == (ReviewType.LCSPR, Stage.DECIDED)
    detail = page(team.get(url(rapid)))
    assert (
        "Re-categorised: Rapid review → Local child safeguarding practice review"
        in (detail)
    )


def test_a_rapid_review_before_the_notification_is_refused(cast, team, rapid):
    before = snapshot()
    response = team.post(
        url(rapid, "rapid-review/"),
        {
            **parts("sent_on", date(2026, 3, 20)),
            "decision": RapidReviewDecision.NO_LCSPR,
            "version": rapid.version,
        },
    )
    assert "Record the notification to the national panel first." in page(response)
    assert snapshot() == before


def test_home_shows_what_is_due_and_late(cast, team, rapid):
    services.review_record_notification(
        review=rapid,
        user=cast.business_team,
        incident_known_on=date(2026, 3, 2),
        panel_notified_on=None,
    )
    on_time = services.review_create(
        board=cast.board,
        user=cast.business_team,
        child_reference="Child Y",
        review_type=ReviewType.RAPID,
        referred_on=date(2026, 3, 2),
    )
    on_time = services.review_record_notification(
        review=on_time,
        user=cast.business_team,
        incident_known_on=date(2026, 3, 2),
        panel_notified_on=date(2026, 3, 3),
    )
    response = team.get(REVIEWS)
    due = {
        (item.review.child_reference, item.what, item.late)
        for item in response.context["due"]
    }
    assert due == {
        ("Child Z", "Notification to the national panel", True),
        ("Child Y", "Rapid review to the national panel", True),
    }
    assert page(response).count('<strong class="govuk-tag govuk-tag--red">Late') == 2


def test_home_filters_the_list_by_stage_and_type(cast, team, review):
    PublishedReviewFactory(board=cast.board, child_reference="Child P")
    CaseReviewFactory(
        board=cast.board, child_reference="Child L", review_type=ReviewType.LCSPR
    )
    listed = team.get(REVIEWS + "?stage=published").context["page"].object_list
    assert [r.child_reference for r in listed] == ["Child P"]
    listed = team.get(REVIEWS + "?review_type=lcspr").context["page"].object_list
    assert [r.child_reference for r in listed] == ["Child L"]
    listed = team.get(REVIEWS + "?published=no&legacy=no").context["page"].object_list
    assert {r.child_reference for r in listed} == {"Child Q", "Child L"}
    response = team.get(REVIEWS + "?stage=invented")
    assert "Choose a stage from the list" in page(response)


def test_home_exports_the_filtered_list(cast, team, review):
    PublishedReviewFactory(board=cast.board, child_reference="Child P")
    ActionItemFactory(review=review, owner_agency=cast.agency_x)
    response = team.get(REVIEWS + "?export=csv&sort=reference")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Child reference,Type,Legacy,Stage,Referred,Published,Open action items,"
        "Next item due"
    )
    assert lines[1].startswith("Child P,Serious case review,No,Published")
    assert lines[2] == (
        "Child Q,Serious case review,No,Referred to the Case Review Group,"
        "1 Apr 2016,Not published,1,31 Mar 2017"
    )


def test_board_member_sees_published_reviews_with_their_lessons(cast, as_user):
    from tests.reviews.factories import LessonFactory

    published = PublishedReviewFactory(board=cast.board, child_reference="Child P")
    LessonFactory(review=published)
    LessonFactory(review=published)
    CaseReviewFactory(board=cast.board, child_reference="Child S")
    response = as_user(cast.board_member).get(REVIEWS)
    text = page(response)
    assert "Child P" in text
    assert "Child S" not in text
    assert "Due and late" not in text
    row = response.context["table"]["rows"][0]
    assert [cell["value"] for cell in row["cells"]] == [
        "Child P",
        "Serious case review",
        "16 Jan 2017",
        "2",
    ]
    assert row["cells"][0]["href"] == reverse(
        "reviews:published", args=["north", published.pk]
    )


def test_empty_states_say_what_to_do(cast, as_user):
    text = page(as_user(cast.business_team).get(REVIEWS))
    assert "No reviews have been recorded yet." in text
    assert "choose “Record a review”" in text
    assert "Nothing is due" in text
    text = page(as_user(cast.board_member).get(REVIEWS))
    assert "No reviews have been published yet." in text
    assert "Record a review" not in text


def test_a_draft_sent_back_shows_in_the_lifecycle(cast, team, review):
    review = walk_to(review, cast, Stage.DRAFT_RECEIVED)
    response = team.post(
        url(review, "stage/"),
        {
            "to_stage": Stage.IN_PROGRESS,
            **parts("on", date(2016, 11, 20)),
            "note": "The draft needs the police's account.",
            "version": review.version,
        },
    )
    assert response.status_code == 302
    detail = page(team.get(url(review)))
    assert "Back to “In progress” from “Draft received”" in detail
    assert "The draft needs the police's account." in detail


def test_a_closed_review_has_no_next_stage(cast, team):
    review = PublishedReviewFactory(board=cast.board)
    review = services.review_transition(
        review=review,
        user=cast.business_team,
        to_stage=Stage.CLOSED,
        on=date(2017, 3, 1),
    )
    assert "Record the next stage" not in page(team.get(url(review)))
    assert "The review is closed: it has no next stage." in page(
        team.get(url(review, "stage/"))
    )
    before = snapshot()
    response = team.post(
        url(review, "stage/"),
        {"to_stage": Stage.PUBLISHED, "on": "2017-03-02", "version": review.version},
    )
    assert response.status_code == 200
    assert snapshot() == before
