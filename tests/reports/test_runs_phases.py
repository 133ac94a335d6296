"""An export's phases: waiting, gathering the contents step by step, rendering the
PDF once every step is done (never a page stuck at "18 of 18"), then ready."""

import pytest

from reports import documents, services
from reports.models import ReportRun, RunStatus

pytestmark = pytest.mark.django_db


def make_run(cast, **fields):
    return ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
        **fields,
    )


@pytest.mark.parametrize(
    ("status", "done", "total", "phase", "label"),
    [
        (RunStatus.QUEUED, 0, 0, "queued", "Waiting to start"),
        (RunStatus.RUNNING, 0, 0, "gathering", "Gathering the contents"),
        (RunStatus.RUNNING, 17, 18, "gathering", "Gathering the contents"),
        (RunStatus.RUNNING, 18, 18, "rendering", "Rendering the PDF"),
        (RunStatus.SUCCEEDED, 18, 18, "ready", "Ready"),
        (RunStatus.FAILED, 18, 18, "failed", "Failed"),
    ],
)
def test_phase_of_each_state(cast, status, done, total, phase, label):
    run = make_run(cast, status=status, steps_done=done, steps_total=total)
    assert (run.phase, run.phase_label) == (phase, label)


def test_the_worker_reports_rendering_once_every_section_is_gathered(
    cast, media, monkeypatch, django_capture_on_commit_callbacks
):
    """What the status page would read at each step and during the render."""
    seen = []

    def phase_now():
        run = ReportRun.objects.get(board=cast.board)
        return (run.phase, run.steps_done, run.steps_total)

    def annual_report(board, year, progress=documents.no_progress, draft=False):
        for done in (1, 2, 3):
            progress(done, 3, f"Section {done}")
            seen.append(phase_now())
        return b"%PDF-1.7", 1  # the render happens after the last step

    monkeypatch.setattr(documents, "annual_report", annual_report)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016},
            user=cast.chair,
        )
    assert seen == [("gathering", 1, 3), ("gathering", 2, 3), ("rendering", 3, 3)]
    run.refresh_from_db()
    assert run.phase == "ready"


@pytest.mark.parametrize(
    ("done", "step_label", "shown", "not_shown", "phase", "phase_label"),
    [
        # Every step done: the render phase, not a page stuck at "18 of 18", and
        # an indeterminate bar (no value) while the pages are laid out.
        (
            18,
            "LSCB Annual Report on a Page",
            [
                "Rendering the PDF.",
                "All 18 parts are gathered",
                '<progress id="run-progress" aria-valuetext="Rendering the PDF">',
                'govuk-tag--blue">Rendering the PDF</strong>',
            ],
            "Step 18 of 18",
            "rendering",
            "Rendering the PDF",
        ),
        (
            5,
            "LSCB Budget",
            [
                "Gathering the contents (done: LSCB Budget).",
                "Step 5 of 18. The PDF is rendered after the last step.",
                '<progress id="run-progress" max="18" value="5">',
            ],
            "Rendering the PDF.",
            "gathering",
            "Gathering the contents",
        ),
    ],
)
def test_status_page_and_list_show_the_phase(
    cast, as_user, done, step_label, shown, not_shown, phase, phase_label
):
    run = make_run(
        cast,
        status=RunStatus.RUNNING,
        steps_done=done,
        steps_total=18,
        step_label=step_label,
    )
    client = as_user(cast.board_member)
    page = client.get(f"/boards/north/reports/{run.pk}/").text
    for text in shown:
        assert text in page
    assert not_shown not in page
    body = client.get(f"/boards/north/reports/{run.pk}/status.json").json()
    assert (body["phase"], body["phase_label"]) == (phase, phase_label)
    assert phase_label in client.get("/boards/north/reports/").text


def test_status_json_says_ready_once_the_run_succeeds(cast, as_user):
    run = make_run(cast, status=RunStatus.RUNNING, steps_done=5, steps_total=18)
    client = as_user(cast.board_member)
    run.status, run.steps_done = RunStatus.SUCCEEDED, 18
    run.save()
    body = client.get(f"/boards/north/reports/{run.pk}/status.json").json()
    assert (body["phase"], body["phase_label"]) == ("ready", "Ready")
