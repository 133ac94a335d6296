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


def test_status_page_shows_the_render_phase_not_a_finished_step(cast, as_user):
    run = make_run(
        cast,
        status=RunStatus.RUNNING,
        steps_done=18,
        steps_total=18,
        step_label="Annual report on a page",
    )
    client = as_user(cast.board_member)
    page = client.get(f"/boards/north/reports/{run.pk}/").text
    assert "Rendering the PDF." in page
    assert "All 18 parts are gathered" in page
    assert "Step 18 of 18" not in page
    # No value: an indeterminate bar while the pages are laid out.
    assert '<progress id="run-progress" aria-valuetext="Rendering the PDF">' in page
    assert 'govuk-tag--blue">Rendering the PDF</strong>' in page
    body = client.get(f"/boards/north/reports/{run.pk}/status.json").json()
    assert (body["phase"], body["phase_label"]) == ("rendering", "Rendering the PDF")
    listed = client.get("/boards/north/reports/").text
    assert "Rendering the PDF" in listed


def test_status_page_while_gathering_counts_the_steps_then_the_render(cast, as_user):
    run = make_run(
        cast,
        status=RunStatus.RUNNING,
        steps_done=5,
        steps_total=18,
        step_label="LSCB budget",
    )
    client = as_user(cast.board_member)
    page = client.get(f"/boards/north/reports/{run.pk}/").text
    assert "Gathering the contents (done: LSCB budget)." in page
    assert "Step 5 of 18. The PDF is rendered after the last step." in page
    assert '<progress id="run-progress" max="18" value="5">' in page
    body = client.get(f"/boards/north/reports/{run.pk}/status.json").json()
    assert body["phase"] == "gathering"
    run.status, run.steps_done = RunStatus.SUCCEEDED, 18
    run.save()
    assert (
        client.get(f"/boards/north/reports/{run.pk}/status.json").json()["phase_label"]
        == "Ready"
    )
