"""A Section 11 submission's evidence files and committed actions, as the
contributor completes it: files uploaded (size- and type-checked), listed,
downloaded only by those who may see the submission (others 404) and removed
while draft with their history kept; actions added, carried forward from last
year's open ones and confirmed before submitting; both shown on "Check your
answers"."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audits import services
from audits.models import (
    ActionStatus,
    CommittedAction,
    EvidenceFile,
    Rating,
    Sector,
    SubmissionStatus,
)
from lscb_portal.files import MAX_UPLOAD_BYTES
from lscb_portal.rag import Rag
from tests.audits.factories import (
    PDF_BYTES,
    CommittedActionFactory,
    OrganisationFactory,
    cycle_with,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

TYPE_MESSAGE = (
    "The file must be a PDF, Word, Excel, PowerPoint, OpenDocument text, PNG or "
    "JPEG file."
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def today():
    return timezone.localdate()


@pytest.fixture
def org_x(cast):
    return OrganisationFactory(
        board=cast.board,
        name="Northshire Constabulary",
        sector=Sector.STATUTORY,
        agency=cast.agency_x,
    )


def open_cycle(board, year=2016):
    return cycle_with(
        board,
        year=year,
        standards=2,
        questions=1,
        opens_on=today() - timedelta(days=1),
        closes_on=today() + timedelta(days=30),
    )


@pytest.fixture
def draft(cast, org_x):
    return services.submission_start(
        cycle=open_cycle(cast.board), organisation=org_x, user=cast.contributor_x
    )


def url(name, submission, *extra):
    return reverse(
        f"audits:{name}", args=[submission.cycle.board.slug, submission.pk, *extra]
    )


def answer_all(submission, user):
    for standard in submission.cycle.standards.all():
        for question in standard.questions.all():
            services.answer_record(
                submission=submission,
                user=user,
                question=question,
                rating=Rating.FULLY,
            )


# Evidence files -----------------------------------------------------------------


def test_contributor_uploads_a_file_for_a_standard_and_sees_it_listed(
    cast, as_user, draft
):
    client = as_user(cast.contributor_x)
    standard = draft.cycle.standards.get(number=2)
    response = client.post(
        url("submission-evidence", draft),
        {"file": pdf_upload("Safer recruitment audit.pdf"), "standard": standard.pk},
    )
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get(submission=draft)
    assert (evidence.name, evidence.standard, evidence.size) == (
        "Safer recruitment audit.pdf",
        standard,
        len(PDF_BYTES),
    )
    for page in ("submission-evidence", "submission", "submission-check"):
        text = client.get(url(page, draft)).content.decode()
        assert "Safer recruitment audit.pdf" in text, page
        assert "2. Standard 2" in text, page
    download = client.get(url("submission-evidence-file", draft, evidence.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert 'filename="Safer recruitment audit.pdf"' in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "big.pdf",
            PDF_BYTES + b"0" * (MAX_UPLOAD_BYTES + 1 - len(PDF_BYTES)),
            "The file must be smaller than 10 MB.",
        ),
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00", TYPE_MESSAGE),
        ("policy.pdf", b"MZ\x90\x00 not really a PDF", TYPE_MESSAGE),
        ("policy", PDF_BYTES, TYPE_MESSAGE),
    ],
    ids=["too-big", "exe", "pdf-that-is-not", "no-extension"],
)
def test_a_file_too_big_or_of_the_wrong_type_is_refused(
    cast, as_user, draft, settings, name, content, message
):
    response = as_user(cast.contributor_x).post(
        url("submission-evidence", draft), {"file": pdf_upload(name, content)}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text and message in text
    assert not EvidenceFile.objects.exists()
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


def test_no_file_and_another_audits_standard_are_refused(cast, as_user, draft):
    other = cycle_with(cast.board, year=2014, standards=1, questions=1)
    client = as_user(cast.contributor_x)
    response = client.post(url("submission-evidence", draft), {})
    assert "Select a file to upload" in response.content.decode()
    response = client.post(
        url("submission-evidence", draft),
        {"file": pdf_upload(), "standard": other.standards.get().pk},
    )
    assert "Select one of this audit" in response.content.decode()
    assert not EvidenceFile.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("contributor_x", 200),
        ("business_team", 200),
        ("chair", 200),
        ("contributor_y", 404),
        ("board_member", 404),
        ("lay_member", 404),
        ("other_board_member", 404),
    ],
)
def test_only_those_who_may_see_the_submission_download_its_files(
    cast, as_user, draft, who, status
):
    evidence = services.evidence_file_add(
        submission=draft, user=cast.contributor_x, upload=pdf_upload()
    )
    client = as_user(cast.user(who))
    response = client.get(url("submission-evidence-file", draft, evidence.pk))
    assert response.status_code == status
    assert client.get(url("submission-evidence", draft)).status_code == status


def test_a_removed_file_is_gone_from_the_pages_and_its_history_kept(
    cast, as_user, draft
):
    evidence = services.evidence_file_add(
        submission=draft, user=cast.contributor_x, upload=pdf_upload("Old.pdf")
    )
    # contributor_y may not remove it: the submission is not theirs.
    remove = url("submission-evidence-remove", draft, evidence.pk)
    assert as_user(cast.contributor_y).post(remove).status_code == 404
    client = as_user(cast.contributor_x)
    assert client.post(remove).status_code == 302
    page = client.get(url("submission-evidence", draft)).content.decode()
    assert "Old.pdf removed." in page and ">Old.pdf</a>" not in page
    download = url("submission-evidence-file", draft, evidence.pk)
    assert client.get(download).status_code == 404
    evidence.refresh_from_db()
    assert evidence.removed_at is not None
    assert [h.history_change_reason for h in evidence.history.all()] == [
        "Removed",
        None,
    ]


def test_files_are_fixed_once_submitted(cast, as_user, draft):
    evidence = services.evidence_file_add(
        submission=draft, user=cast.contributor_x, upload=pdf_upload("Kept.pdf")
    )
    answer_all(draft, cast.contributor_x)
    services.submission_send(submission=draft, user=cast.contributor_x)
    client = as_user(cast.contributor_x)
    page = client.get(url("submission-evidence", draft)).content.decode()
    assert "Kept.pdf" in page and "Upload file" not in page and "Remove" not in page
    remove = url("submission-evidence-remove", draft, evidence.pk)
    assert client.post(remove).status_code == 403
    upload = client.post(url("submission-evidence", draft), {"file": pdf_upload()})
    assert upload.status_code == 403
    assert EvidenceFile.objects.current().count() == 1


# Committed actions ----------------------------------------------------------------


def action_data(**changes):
    return {
        "text": "Train every recruiting manager in safer recruitment",
        "owner": "Head of HR",
        "due_date_day": "31",
        "due_date_month": "3",
        "due_date_year": "2018",
        **changes,
    }


def test_contributor_adds_an_action_shown_on_check_your_answers(cast, as_user, draft):
    client = as_user(cast.contributor_x)
    standard = draft.cycle.standards.get(number=1)
    response = client.post(
        url("submission-actions", draft), action_data(standard=standard.pk)
    )
    assert response.status_code == 302
    action = CommittedAction.objects.get(submission=draft)
    assert (action.number, action.owner, action.due_date, action.standard) == (
        1,
        "Head of HR",
        date(2018, 3, 31),
        standard,
    )
    assert not action.carried_forward
    text = client.get(url("submission-check", draft)).content.decode()
    assert "Train every recruiting manager in safer recruitment" in text
    assert "Owner: Head of HR. Due 31 March 2018." in text
    tasks = client.get(url("submission", draft)).content.decode()
    assert "1 action" in tasks


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": ""}, "Enter the action"),
        ({"owner": ""}, "Enter who owns the action"),
        ({"due_date_day": "31", "due_date_month": "2"}, "Enter a real date"),
        (
            {"due_date_day": "", "due_date_month": "", "due_date_year": ""},
            "Enter the due date",
        ),
        ({"owner": "x" * 201}, "Owner must be 200 characters or fewer"),
    ],
)
def test_bad_action_input_saves_nothing(cast, as_user, draft, changes, message):
    response = as_user(cast.contributor_x).post(
        url("submission-actions", draft), action_data(**changes)
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text and message in text
    assert not CommittedAction.objects.exists()


@pytest.fixture
def last_year(cast, org_x):
    """org_x's submitted 2015-16 submission with one complete and two open
    actions (one for standard 2)."""
    old = cycle_with(
        cast.board,
        year=2015,
        standards=2,
        questions=1,
        opens_on=today() - timedelta(days=400),
        closes_on=today() - timedelta(days=300),
    )
    previous = services.submission_start(
        cycle=old, organisation=org_x, user=cast.business_team
    )
    CommittedActionFactory(
        submission=previous, number=1, text="Done already", status="complete"
    )
    CommittedActionFactory(
        submission=previous,
        number=2,
        text="Refresh the supervision policy",
        standard=old.standards.get(number=2),
        status=ActionStatus.IN_PROGRESS,
        rag=Rag.AMBER,
    )
    CommittedActionFactory(submission=previous, number=3, text="Audit DBS checks")
    answer_all(previous, cast.business_team)
    services.submission_submit(
        submission=previous,
        user=cast.business_team,
        late_reason="From last year's spreadsheet",
        may_accept_late=True,
    )
    return previous


def test_open_actions_are_carried_forward_and_confirmed_before_submitting(
    cast, as_user, org_x, last_year
):
    new = services.submission_start(
        cycle=open_cycle(cast.board), organisation=org_x, user=cast.contributor_x
    )
    carried = list(new.actions.order_by("number"))
    assert [(a.number, a.text, a.carried_forward) for a in carried] == [
        (1, "Refresh the supervision policy", True),
        (2, "Audit DBS checks", True),
    ]
    # Its standard is this year's standard 2; its RAG and status come along.
    assert carried[0].standard == new.cycle.standards.get(number=2)
    assert (carried[0].status, carried[0].rag) == (ActionStatus.IN_PROGRESS, "A")
    assert carried[0].carried_from.submission == last_year

    client = as_user(cast.contributor_x)
    page = client.get(url("submission-actions", new)).content.decode()
    assert page.count("Carried forward from 2015-16 – check and confirm") == 2
    tasks = client.get(url("submission", new)).content.decode()
    assert "Carried forward – check" in tasks

    answer_all(new, cast.contributor_x)
    new.refresh_from_db()  # the answers moved its version on
    response = client.post(url("submission-check", new), {"version": new.version})
    assert "Confirm, change or remove the 2 actions carried forward" in (
        response.content.decode()
    )
    new.refresh_from_db()
    assert new.status == SubmissionStatus.DRAFT

    # The first is confirmed with a new due date, the second removed.
    first, second = carried
    response = client.post(
        url("submission-action", new, first.pk),
        action_data(
            text=first.text,
            owner="Principal social worker",
            standard=first.standard_id,
            version=first.version,
        ),
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.carried_forward, first.owner, first.due_date) == (
        False,
        "Principal social worker",
        date(2018, 3, 31),
    )
    removed = client.post(url("submission-action-remove", new, second.pk))
    assert removed.status_code == 302
    new.refresh_from_db()
    response = client.post(url("submission-check", new), {"version": new.version})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.status == SubmissionStatus.SUBMITTED
    # Last year's actions stay on last year's follow-up list.
    assert last_year.actions.count() == 3


def test_a_stale_action_page_is_refused(cast, as_user, org_x, last_year):
    new = services.submission_start(
        cycle=open_cycle(cast.board), organisation=org_x, user=cast.contributor_x
    )
    action = new.actions.first()
    data = action_data(version=action.version)
    client = as_user(cast.contributor_x)
    saved = client.post(url("submission-action", new, action.pk), data)
    assert saved.status_code == 302
    stale = client.post(url("submission-action", new, action.pk), data)
    assert stale.status_code == 409


def test_another_agencys_contributor_cannot_touch_the_actions(cast, as_user, draft):
    action = services.action_add(
        submission=draft,
        user=cast.contributor_x,
        text="Ours",
        owner="Lead",
        due_date=date(2018, 1, 1),
    )
    client = as_user(cast.contributor_y)
    added = client.post(url("submission-actions", draft), action_data())
    assert added.status_code == 404
    assert client.get(url("submission-action", draft, action.pk)).status_code == 404
    assert (
        client.post(url("submission-action-remove", draft, action.pk)).status_code
        == 404
    )
    chair = as_user(cast.chair)
    added = chair.post(url("submission-actions", draft), action_data())
    assert added.status_code == 403
    assert CommittedAction.objects.count() == 1
