"""The demo's case reviews: the annual report 2016-17's five SCRs and four practice
reviews, their lessons, illustrative action plans, dissemination and assurance."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from boards.models import Board, Membership, Role
from reviews import permissions
from reviews.demo import case_reviews
from reviews.models import (
    ActionItem,
    ActionItemUpdate,
    AssuranceResponse,
    CaseReview,
    DisseminationKind,
    DisseminationStep,
    LearningTheme,
    Lesson,
    ReviewEvent,
    ReviewType,
    Stage,
)

YEAR_START, YEAR_END = date(2016, 4, 1), date(2017, 3, 31)
SCRS = {
    "Child N": (date(2016, 6, 13), 5),
    "Child L": (date(2016, 6, 17), 4),
    "Child AC": (date(2016, 7, 8), 10),  # 3 lessons and 7 "additional lessons"
    "Child R": (date(2016, 7, 18), 5),
    "Child O": (date(2016, 8, 23), 6),
}
PRACTICE = {"Child AB", "Child AD", "Child MW", "Child SR"}
# Real people named in the seed documents (board members, chairs, people quoted).
# None of them may appear in the demo's review texts.
REAL_NAMES = [
    "Gill Rigg",
    "Rigg",
    "Richard Simpson",
    "Anne Burns",
    "Hugh Reeve",
    "Alan Wood",
    "Robert Francis",
    "John Macilwraith",
    "Macilwraith",
    "Simon Westwood",
    "Ian Gopsill",
    "Lyn Burns",
    "Eleanor Hodgson",
    "Claire Render",
    "Wendy Jacobs",
    "Debbie Storr",
    "Sarah Ward",
    "Mike Craven",
    "Colin Cox",
    "Amanda Boardman",
    "Mark Bowman",
    "Neela Shabde",
    "Moira Angel",
    "Louise Mason-Lodge",
    "Iain McKay",
    "Sara Munro",
    "Sascha Wells",
    "Cath O'Kane",
    "John Greenwood",
    "Michelle Skeer",
    "Jon Rush",
    "Judith Greene",
    "Pam Hutton",
    "Deborah Royston",
    "Linda Mason",
    "Fiona Musgrave",
]


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    """The other demo modules, then this one: loaded once for the module and
    rolled back after it (as tests/api/test_schemathesis.py does)."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        case_reviews.load(Board.objects.get(slug="cumbria"))
        yield
        transaction.set_rollback(True)


@pytest.fixture
def board(_demo, db):
    return Board.objects.get(slug="cumbria")


def _review(board, reference):
    return CaseReview.objects.get(board=board, child_reference=reference)


def test_demo_has_the_five_scrs_and_four_practice_reviews(board):
    reviews = CaseReview.objects.filter(board=board)
    assert reviews.count() == 9
    scrs = reviews.filter(review_type=ReviewType.SCR)
    assert set(scrs.values_list("child_reference", flat=True)) == set(SCRS)
    assert all(r.legacy for r in scrs)
    practice = reviews.filter(review_type=ReviewType.PRACTICE)
    assert set(practice.values_list("child_reference", flat=True)) == PRACTICE


def test_each_scr_is_published_on_the_reports_date_with_its_lessons(board):
    for reference, (published_on, lessons) in SCRS.items():
        review = _review(board, reference)
        assert review.stage == Stage.PUBLISHED
        assert review.published_on == published_on, reference
        assert review.publication_url.endswith("/professionals/learningscr.asp")
        assert review.lessons.count() == lessons, reference
        assert list(review.lessons.values_list("number", flat=True)) == list(
            range(1, lessons + 1)
        )
        assert review.story and review.scope and review.period_examined


def test_lessons_are_the_reports_own_words(board):
    child_ac = _review(board, "Child AC")
    assert child_ac.lessons.get(number=4).text.startswith(
        "Agencies with a responsibility for working with children who are placed "
        "in another area"
    )
    transition = _review(board, "Child R").lessons.get(number=1).text
    assert transition.splitlines() == [
        "Transition plans should:",
        "- Include well-defined success criteria",
        "- Include a defined timescale for completion and review",
        "- Record the voice of the child",
    ]
    assert _review(board, "Child N").story.startswith(
        "Child N died in December 2012 aged 13 months."
    )


def test_practice_reviews_carry_the_combined_learning_under_its_headings(board):
    lessons = Lesson.objects.filter(
        review__board=board, review__child_reference__in=PRACTICE
    )
    titles = set(lessons.values_list("title", flat=True))
    assert len(titles) == lessons.count() == 17
    assert "Professional curiosity about 'family friends'" in titles
    assert "Chronologies" in titles
    for reference in PRACTICE:
        assert _review(board, reference).lessons.exists(), reference


def test_every_lesson_has_one_to_three_themes(board):
    lessons = Lesson.objects.filter(review__board=board).prefetch_related("themes")
    assert lessons.count() == 30 + 17
    for lesson in lessons:
        assert 1 <= len(lesson.themes.all()) <= 3, lesson
    used = set(lessons.values_list("themes__slug", flat=True))
    assert used == set(
        LearningTheme.objects.filter(board=board).values_list("slug", flat=True)
    )


def test_every_published_review_has_lessons(board):
    published = CaseReview.objects.filter(board=board).published()
    assert published.count() == 9
    for review in published:
        assert review.lessons.exists(), review


def test_child_ad_keeps_its_earlier_type_in_events_and_history(board):
    child_ad = _review(board, "Child AD")
    assert child_ad.review_type == ReviewType.PRACTICE
    event = child_ad.events.get(kind=ReviewEvent.Kind.RECATEGORISED)
    assert (event.from_type, event.to_type) == (ReviewType.SCR, ReviewType.PRACTICE)
    assert "re-categorised to a Practice Review" in event.note
    assert "LSCB Business Group" in event.note
    first = child_ad.events.filter(kind=ReviewEvent.Kind.STAGE).first()
    assert first.to_type == ReviewType.SCR
    assert child_ad.history.filter(review_type=ReviewType.SCR).exists()
    assert child_ad.criteria_met is True


def test_other_practice_reviews_were_decided_criteria_not_met(board):
    for reference in PRACTICE - {"Child AD"}:
        review = _review(board, reference)
        assert review.criteria_met is False, reference
        assert review.decided_by == "Case Review Group"
        assert "criteria for a Serious Case Review was not met" in (
            review.decision_reason
        )
        assert not review.events.filter(kind=ReviewEvent.Kind.RECATEGORISED)


def test_lifecycle_runs_in_order_and_reviewers_are_fictitious(board):
    order = [s for s in Stage.values if s != Stage.CLOSED]
    for review in CaseReview.objects.filter(board=board):
        stages = review.events.filter(kind=ReviewEvent.Kind.STAGE)
        assert list(stages.values_list("to_stage", flat=True)) == order, review
        dates = list(stages.values_list("date", flat=True))
        assert dates == sorted(dates), review
        assert "fictitious" in review.reviewer


def test_nothing_happens_after_the_year_end_but_open_items_due_dates(board):
    reviews = CaseReview.objects.filter(board=board)
    for review in reviews:
        assert YEAR_START <= review.published_on <= YEAR_END, review
    assert not ReviewEvent.objects.filter(review__board=board, date__gt=YEAR_END)
    assert not ActionItemUpdate.objects.filter(
        item__review__board=board, date__gt=YEAR_END
    )
    assert not DisseminationStep.objects.filter(
        review__board=board, done_on__gt=YEAR_END
    )
    assert not AssuranceResponse.objects.filter(
        review__board=board, received_on__gt=YEAR_END
    )
    items = ActionItem.objects.filter(review__board=board)
    assert not items.filter(status="complete", due_date__gt=YEAR_END)
    assert all(YEAR_START <= i.due_date <= date(2018, 3, 31) for i in items), (
        "due dates in 2016-17 and 2017-18"
    )


def test_each_scr_has_an_action_plan_some_done_some_overdue(board):
    for reference in SCRS:
        items = _review(board, reference).action_items.all()
        assert 3 <= items.count() <= 5, reference
        for item in items:
            assert item.lessons.exists(), item
    items = ActionItem.objects.filter(review__board=board)
    complete = items.filter(status="complete")
    assert complete.exists()
    assert all(item.evidence for item in complete)
    assert items.open().filter(current_rag__in=["R", "A", "G"]).exists()
    assert 1 <= items.overdue_on(YEAR_END).count() <= 2
    linked = items.exclude(business_plan_action=None)
    assert linked.count() >= 3
    assert all(i.business_plan_action.plan.first_year == 2016 for i in linked)


def test_the_demo_contributors_agency_owns_open_items_it_may_update(board):
    contributor = Membership.objects.get(
        board=board, role=Role.AGENCY_CONTRIBUTOR, user__email__startswith="agency."
    )
    mine = permissions.visible_action_items(contributor.user, board).open()
    assert mine.count() >= 2
    assert {i.owner_agency_id for i in mine} == {contributor.agency_id}
    assert all(permissions.can_update_action_item(contributor.user, i) for i in mine)
    assert ActionItemUpdate.objects.filter(
        item__in=mine, author=contributor.user
    ).exists()


def test_each_scr_has_the_six_dissemination_steps_after_publication(board):
    for reference in SCRS:
        review = _review(board, reference)
        steps = review.dissemination.all()
        assert {s.kind for s in steps} == set(DisseminationKind.values), reference
        assert all(s.done_on >= review.published_on for s in steps), reference


def test_assurance_is_answered_by_most_agencies_but_not_all(board):
    responses = AssuranceResponse.objects.filter(review__board=board)
    assert responses.count() >= 5 * 6
    pending = responses.filter(received_on=None)
    assert 1 <= pending.count() <= 2
    for response in responses.exclude(received_on=None):
        assert response.summary
        assert response.received_on >= response.requested_on
        assert response.requested_on >= response.review.published_on


def test_the_demo_subgroup_chair_sits_on_the_case_review_group(board):
    settings = board.review_settings
    assert settings.case_review_group.name == "Case Review Subgroup"
    assert settings.child_death_panel.name == "Child Death Overview Panel"
    chair = Membership.objects.get(
        board=board, role=Role.SUBGROUP_CHAIR, user__email__startswith="subgroup."
    )
    assert permissions.can_view_restricted_reviews(chair.user, board)
    member = Membership.objects.filter(board=board, role=Role.BOARD_MEMBER).first()
    assert not permissions.can_view_restricted_reviews(member.user, board)


def _row_counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_loading_twice_changes_nothing(board):
    before = _row_counts()
    versions = dict(CaseReview.objects.values_list("pk", "version"))
    case_reviews.load(board)
    assert _row_counts() == before
    assert dict(CaseReview.objects.values_list("pk", "version")) == versions


def _texts(board):
    reviews = CaseReview.objects.filter(board=board)
    for review in reviews:
        yield from (
            review.child_reference,
            review.scope,
            review.story,
            review.period_examined,
            review.reviewer,
            review.decided_by,
            review.decision_reason,
        )
    for lesson in Lesson.objects.filter(review__in=reviews):
        yield from (lesson.title, lesson.text)
    yield from ReviewEvent.objects.filter(review__in=reviews).values_list(
        "note", flat=True
    )
    for item in ActionItem.objects.filter(review__in=reviews):
        yield from (item.action, item.measure_of_success, item.evidence)
    for update in ActionItemUpdate.objects.filter(item__review__in=reviews):
        yield from (update.narrative, update.evidence)
    yield from DisseminationStep.objects.filter(review__in=reviews).values_list(
        "note", flat=True
    )
    yield from AssuranceResponse.objects.filter(review__in=reviews).values_list(
        "summary", flat=True
    )
    for theme in LearningTheme.objects.filter(board=board):
        yield from (theme.name, theme.description)


def test_no_demo_review_text_names_a_real_person(board):
    texts = [t for t in _texts(board) if t]
    assert len(texts) > 200
    for text in texts:
        for name in REAL_NAMES:
            assert name not in text, (name, text[:80])
