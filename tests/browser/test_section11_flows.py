"""The demo's agency contributor completes a carried-forward Section 11
submission: starts this year's, sees last year's answers and open action carried
forward, confirms or changes each standard, uploads an evidence file, confirms
the carried-forward action and adds another, checks the answers and submits. The
business team opens the results page before and after and sees the compliance
figures change, then the submitted answers, read-only. Each page is axe clean.

The Section 11 demo is written elsewhere, so the test builds its own two cycles
on the demo board (years away from the demo's 2015 and 2016)."""

import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from audits import services
from audits.models import (
    Organisation,
    Rating,
    Section11Cycle,
    Sector,
    SubmissionStatus,
)
from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import Board, Role, User
from tests.audits.factories import (
    PDF_BYTES,
    CommittedActionFactory,
    OrganisationFactory,
    cycle_with,
)

pytestmark = pytest.mark.django_db(transaction=True)

F, P, N = Rating.FULLY, Rating.PARTIALLY, Rating.NOT_MET
LAST_YEAR, THIS_YEAR = 2025, 2026


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


@pytest.fixture
def section11(demo):
    """Last year's audit, closed, with the contributor's agency's submission
    (1: F F, 2: P F, 3: F N); this year's, open today, with the same 3 standards."""
    board = Board.objects.get(slug="cumbria")
    contributor = User.objects.get(email__iexact=demo_email("agency.contributor"))
    agency = contributor.memberships.get(
        board=board, role=Role.AGENCY_CONTRIBUTOR
    ).agency
    organisation = Organisation.objects.filter(
        board=board, agency=agency
    ).first() or OrganisationFactory(
        board=board, name=agency.name, sector=Sector.STATUTORY, agency=agency
    )
    team = User.objects.get(email__iexact=demo_email("business.team"))
    today = timezone.localdate()
    # The demo's own open cycle closes, so the contributor sees only this test's.
    Section11Cycle.objects.filter(board=board, closes_on__gte=today).update(
        opens_on=today - timedelta(days=2), closes_on=today - timedelta(days=1)
    )
    old = cycle_with(
        board,
        year=LAST_YEAR,
        standards=3,
        questions=2,
        opens_on=today - timedelta(days=400),
        closes_on=today - timedelta(days=300),
    )
    previous = services.submission_start(
        cycle=old, organisation=organisation, user=team
    )
    questions = [q for s in old.standards.all() for q in s.questions.all()]
    for question, rating in zip(questions, [F, F, P, F, F, N], strict=True):
        services.answer_record(
            submission=previous,
            user=team,
            question=question,
            rating=rating,
            evidence=f"Evidence {question.code}",
        )
    CommittedActionFactory(
        submission=previous,
        number=1,
        text="Audit supervision records each quarter",
        owner="Head of safeguarding",
        due_date=date(2026, 6, 30),
    )
    services.submission_submit(
        submission=previous, user=team, late_reason="Imported", may_accept_late=True
    )
    new = cycle_with(
        board,
        year=THIS_YEAR,
        standards=3,
        questions=2,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
    )
    return board, organisation, new


def compliance_cells(page, number):
    """The cells of standard `number`'s row of the results' compliance table."""
    table = page.get_by_role("table", name="Fully met, per standard and question")
    row = table.get_by_role("row", name=re.compile(rf"^{number}\. Standard {number}"))
    return row.get_by_role("cell")


def test_contributor_completes_a_carried_forward_submission(
    section11, live_server, page, sign_in, assert_accessible, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    board, organisation, cycle = section11
    results_url = live_server.url + reverse(
        "audits:results", args=[board.slug, cycle.year]
    )

    # The business team's results page: no valid submission yet.
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(results_url)
    expect(
        page.get_by_text("Showing all sectors: 0 valid submissions.")
    ).to_be_visible()
    for number in (1, 2, 3):
        expect(compliance_cells(page, number).nth(2)).to_have_text("No data")
    assert_accessible(page)
    page.context.clear_cookies()

    sign_in(page, demo_email("agency.contributor"), DEMO_PASSWORD)
    page.goto(live_server.url + reverse("audits:my-submissions", args=[board.slug]))
    expect(
        page.get_by_role("heading", level=1, name="Your Section 11 submissions")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Section 11 audit 2026-27")).to_be_visible()
    assert_accessible(page)
    page.get_by_role(
        "button", name=f"Start your submission for {organisation.name}"
    ).click()

    # The task list: every standard carried forward from last year.
    expect(page.get_by_role("heading", level=1, name=organisation.name)).to_be_visible()
    expect(page.get_by_text("6 answers carried forward")).to_be_visible()
    statuses = page.locator(".govuk-task-list__status")
    expect(statuses).to_have_text(
        ["Carried forward – check"] * 3 + ["0 files", "Carried forward – check"]
    )
    assert_accessible(page)

    # Standard 1: confirmed as carried forward.
    page.get_by_role("link", name="1. Standard 1").click()
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    expect(
        page.get_by_text("Carried forward from 2025-26 – check and confirm")
    ).to_have_count(2)
    first = page.get_by_role("group", name="1.1 Question 1.1?")
    expect(first.get_by_label("Fully met")).to_be_checked()
    expect(page.get_by_label("Evidence for 1.1")).to_have_value("Evidence 1.1")
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()

    # Standard 2: 2.1 goes from partially to fully met, with new evidence.
    expect(page.get_by_text("Step 2 of 6")).to_be_visible()
    changed = page.get_by_role("group", name="2.1 Question 2.1?")
    expect(changed.get_by_label("Partially met")).to_be_checked()
    changed.get_by_label("Fully met").check()
    page.get_by_label("Evidence for 2.1").fill("Supervision audit of 2026")
    page.get_by_role("button", name="Save and continue").click()

    # Submitting now is refused: standard 3 is still carried forward.
    expect(page.get_by_text("Step 3 of 6")).to_be_visible()
    page.get_by_role("link", name="Back to the submission").click()
    expect(statuses).to_have_text(
        [
            "Completed",
            "Completed",
            "Carried forward – check",
            "0 files",
            "Carried forward – check",
        ]
    )
    page.get_by_role("link", name="Check your answers and submit").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Confirm or change the 2 answers carried forward from last year"
    )
    assert_accessible(page)

    # Standard 3, through its Change link: confirmed.
    page.get_by_role("link", name="Change the answer to 3.1").click()
    expect(page.get_by_text("Step 3 of 6")).to_be_visible()
    expect(page.get_by_label("Evidence for 3.2")).to_have_value("Evidence 3.2")
    page.get_by_role("button", name="Save and continue").click()

    # Evidence files: a PDF for standard 2.
    expect(page.get_by_role("heading", level=1, name="Evidence files")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Upload a file").set_input_files(
        {
            "name": "Supervision audit 2026.pdf",
            "mimeType": "application/pdf",
            "buffer": PDF_BYTES,
        }
    )
    page.get_by_label("Evidence for").select_option(label="2. Standard 2")
    page.get_by_role("button", name="Upload file").click()
    expect(page.get_by_text("Supervision audit 2026.pdf uploaded.")).to_be_visible()
    files = page.get_by_role("table", name="Evidence files")
    expect(files.get_by_role("link", name="Supervision audit 2026.pdf")).to_be_visible()
    expect(files).to_contain_text("2. Standard 2")
    assert_accessible(page)
    page.get_by_role("link", name="Continue").click()

    # Actions: last year's open one confirmed with a new due date, one added.
    expect(
        page.get_by_role("heading", level=1, name="Actions you commit to")
    ).to_be_visible()
    expect(
        page.get_by_text("Carried forward from 2025-26 – check and confirm")
    ).to_have_count(1)
    assert_accessible(page)
    page.get_by_role("link", name="Confirm or change action 1").click()
    expect(
        page.get_by_role("heading", level=1, name="Confirm or change action 1")
    ).to_be_visible()
    expect(page.get_by_label("Action")).to_have_value(
        "Audit supervision records each quarter"
    )
    due = page.get_by_role("group", name="Due date")
    due.get_by_label("Year").fill("2027")
    assert_accessible(page)
    page.get_by_role("button", name="Save action").click()
    expect(page.get_by_text("Action 1 saved.")).to_be_visible()
    expect(page.get_by_text("Carried forward from")).to_have_count(0)
    page.get_by_label("Action", exact=True).fill(
        "Train every recruiting manager in safer recruitment"
    )
    page.get_by_label("Standard it answers (optional)").select_option(
        label="3. Standard 3"
    )
    page.get_by_label("Owner").fill("Head of HR")
    added_due = page.get_by_role("group", name="Due date")
    added_due.get_by_label("Day").fill("31")
    added_due.get_by_label("Month").fill("3")
    added_due.get_by_label("Year").fill("2027")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Action 2 added.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Continue").click()

    # Check your answers, then submit.
    expect(
        page.get_by_role("heading", level=1, name="Check your answers")
    ).to_be_visible()
    expect(page.get_by_text("Supervision audit of 2026")).to_be_visible()
    expect(page.get_by_text("Carried forward from")).to_have_count(0)
    expect(page.get_by_role("link", name="Supervision audit 2026.pdf")).to_be_visible()
    expect(
        page.get_by_text("Train every recruiting manager in safer recruitment")
    ).to_be_visible()
    expect(
        page.get_by_text("Owner: Head of safeguarding. Due 30 June 2027.")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit").click()
    expect(
        page.get_by_text(f"Submission for {organisation.name} sent.")
    ).to_be_visible()
    expect(page.locator(".govuk-panel__title")).to_have_text("Submitted")
    expect(statuses).to_have_text(["Completed"] * 3 + ["1 file", "2 actions"])
    assert_accessible(page)

    submission = organisation.submissions.get(cycle=cycle)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.actions.filter(carried_forward=False).count() == 2

    # The business team's results page counts it: standards 1 and 2 fully met,
    # standard 3 not.
    page.context.clear_cookies()
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(results_url)
    expect(page.get_by_text("all sectors: 1 valid submission.")).to_be_visible()
    for number, percent in ((1, "100%"), (2, "100%"), (3, "0%")):
        expect(compliance_cells(page, number).nth(2)).to_have_text(percent)
    assert_accessible(page)

    # The business team reads the submitted answers: no Change links.
    page.goto(
        live_server.url
        + reverse("audits:submission-check", args=[board.slug, submission.pk])
    )
    expect(page.get_by_role("heading", level=1, name="Answers")).to_be_visible()
    expect(page.get_by_role("link", name="Change")).to_have_count(0)
    expect(page.get_by_role("button", name="Submit")).to_have_count(0)
    assert_accessible(page)
