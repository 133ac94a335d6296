"""A question-page flow as its user goes through it: the demo's agency
contributor answers a new Section 11 submission page by page. Each page says its
step ("Step 1 of 6"); leaving a question unanswered is warned of before anything
is saved, keeps what was entered, and "Save anyway" saves the rest and moves on.
Each page is axe clean.

The test builds its own open audit on the demo board (a year away from the
demo's), with no earlier submission to carry forward."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from audits import services
from audits.models import Section11Cycle, Sector
from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import Board, Role, User
from tests.audits.factories import OrganisationFactory, cycle_with

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def submission(settings):
    settings.DEBUG = True
    call_command("load_demo")
    board = Board.objects.get(slug="cumbria")
    contributor = User.objects.get(email__iexact=demo_email("agency.contributor"))
    agency = contributor.memberships.get(
        board=board, role=Role.AGENCY_CONTRIBUTOR
    ).agency
    # A new organisation of the contributor's agency: nothing to carry forward.
    organisation = OrganisationFactory(
        board=board, name="Northfell Academy", sector=Sector.SCHOOL, agency=agency
    )
    today = timezone.localdate()
    Section11Cycle.objects.filter(board=board, closes_on__gte=today).update(
        opens_on=today - timedelta(days=2), closes_on=today - timedelta(days=1)
    )
    cycle = cycle_with(
        board,
        year=2030,
        standards=3,
        questions=2,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
    )
    return services.submission_start(
        cycle=cycle, organisation=organisation, user=contributor
    )


def test_each_step_is_named_and_an_empty_answer_is_warned_of(
    submission, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("agency.contributor"), DEMO_PASSWORD)
    page.goto(
        live_server.url + reverse("audits:submission", args=["cumbria", submission.pk])
    )
    page.get_by_role("link", name="1. Standard 1").click()

    # Step 1: only 1.1 answered, so saving warns and saves nothing yet.
    expect(page.locator(".govuk-caption-l")).to_contain_text("Step 1 of 6")
    first = page.get_by_role("group", name="1.1 Question 1.1?")
    first.get_by_label("Fully met").check()
    page.get_by_label("Evidence for 1.1").fill("Safer recruitment policy")
    page.get_by_role("button", name="Save and continue").click()
    warning = page.locator(".govuk-warning-text")
    expect(warning).to_contain_text("You have not answered 1.2. Save anyway?")
    expect(page.locator(".govuk-caption-l")).to_contain_text("Step 1 of 6")
    expect(first.get_by_label("Fully met")).to_be_checked()
    expect(page.get_by_label("Evidence for 1.1")).to_have_value(
        "Safer recruitment policy"
    )
    assert submission.answers.count() == 0
    assert_accessible(page)
    page.get_by_role("button", name="Save anyway").click()

    # Step 2: every question answered, so it saves without a warning.
    expect(page.locator(".govuk-caption-l")).to_contain_text("Step 2 of 6")
    expect(page.get_by_text("1 question left unanswered")).to_be_visible()
    for code in ("2.1", "2.2"):
        group = page.get_by_role("group", name=f"{code} Question {code}?")
        group.get_by_label("Partially met").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-caption-l")).to_contain_text("Step 3 of 6")
    expect(page.locator(".govuk-warning-text")).to_have_count(0)

    page.get_by_role("link", name="Back to the submission").click()
    expect(page.locator(".govuk-task-list__status").first).to_have_text("In progress")
    assert submission.answers.count() == 3
