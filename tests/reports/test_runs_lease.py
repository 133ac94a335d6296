"""A running export holds a lease kept by its heartbeat: a second delivery waits for
it, a run whose worker stopped beating is taken over, and a run ends with one file."""

import logging
import time
from datetime import timedelta

import pytest
from celery.exceptions import Retry
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from reports import documents, tasks
from reports.models import ReportRun, RunStatus

PDF = b"%PDF-1.7 the annual report"


@pytest.fixture
def renders(monkeypatch):
    """documents.annual_report replaced; `during` runs in the middle of a render."""
    calls = []

    def annual_report(board, year, progress=documents.no_progress, draft=False):
        calls.append(year)
        progress(1, 2, "Assembling the report")
        for step in annual_report.during:
            step()
        progress(2, 2, "Done")
        return PDF, 3

    annual_report.calls = calls
    annual_report.during = []
    monkeypatch.setattr(documents, "annual_report", annual_report)
    return annual_report


def running_run(cast, beat_ago: timedelta) -> ReportRun:
    beat = timezone.now() - beat_ago
    return ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.RUNNING,
        attempts=1,
        started_at=beat,
        heartbeat_at=beat,
        requested_by=cast.chair,
    )


def pdf_files(media):
    return sorted(p.name for p in media.rglob("*.pdf"))


def test_a_delivery_while_another_worker_holds_the_run_looks_again_after_the_lease(
    cast, media, renders, settings
):
    settings.REPORT_RUN_LEASE_SECONDS = 120
    run = running_run(cast, beat_ago=timedelta(seconds=20))
    with pytest.raises(Retry) as retry:
        tasks.render_report.delay(run.pk)
    assert 95 <= retry.value.when <= 101  # the 100 s left of the lease, and a second
    assert renders.calls == []
    run.refresh_from_db()
    assert (run.status, run.attempts) == (RunStatus.RUNNING, 1)


def test_a_run_whose_worker_stopped_beating_is_rendered_again_with_one_file(
    cast, media, renders, settings
):
    settings.REPORT_RUN_LEASE_SECONDS = 120
    run = running_run(cast, beat_ago=timedelta(minutes=5))
    # The killed attempt had written its file but not yet marked the run.
    leftover = default_storage.save(tasks._file_name(run, 1), ContentFile(b"%PDF half"))
    tasks.render_report.delay(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert run.attempts == 2
    assert renders.calls == [2016]
    assert pdf_files(media) == [run.file.name.split("/")[-1]]
    assert run.file.name != leftover
    with default_storage.open(run.file.name, "rb") as handle:
        assert handle.read() == PDF


def test_an_attempt_taken_over_mid_render_discards_its_file_and_leaves_the_run(
    cast, media, renders, settings
):
    def taken_over():
        ReportRun.objects.filter(pk=run.pk).update(attempts=2)

    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    renders.during.append(taken_over)
    tasks.render_report.delay(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING  # the other attempt finishes it
    assert run.file.name == ""
    assert pdf_files(media) == []


def test_a_run_finished_elsewhere_is_left_alone(cast, media, renders):
    run = running_run(cast, beat_ago=timedelta(0))
    ReportRun.objects.filter(pk=run.pk).update(status=RunStatus.SUCCEEDED)
    tasks.render_report.delay(run.pk)
    assert renders.calls == []


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_keeps_beating_while_weasyprint_lays_out_pages(
    cast, media, renders, settings
):
    # The beating thread has its own connection: the row must be committed.
    settings.REPORT_RUN_LEASE_SECONDS = 0.6  # a beat every 0.2 s
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    beats = []

    def slow_render():
        # One long render step, in which WeasyPrint logs each page it lays out.
        deadline = time.monotonic() + 1.5
        page = 0
        while time.monotonic() < deadline:
            page += 1
            logging.getLogger("weasyprint.progress").info(
                "Step 5 - Creating layout - Page %d", page
            )
            beats.append(ReportRun.objects.get(pk=run.pk).heartbeat_at)
            time.sleep(0.1)

    renders.during.append(slow_render)
    tasks.render_report.delay(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert len(set(beats)) >= 4  # progress() beat once; the thread the rest


@pytest.mark.django_db(transaction=True)
def test_a_render_that_stops_progressing_stops_beating_and_loses_its_lease(
    cast, media, renders, settings
):
    settings.REPORT_RUN_LEASE_SECONDS = 0.6
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    seen = {}

    def hung():
        # Stuck in one place, with no step done and no page laid out.
        time.sleep(2)
        row = ReportRun.objects.get(pk=run.pk)
        seen["silent"] = timezone.now() - row.heartbeat_at
        seen["claimable"] = tasks._claim(run.pk)

    renders.during.append(hung)
    tasks.render_report.delay(run.pk)
    assert seen["silent"] > timedelta(seconds=0.6)
    assert seen["claimable"]  # another delivery took the run over
    run.refresh_from_db()
    assert run.attempts == 2
    assert run.status == RunStatus.RUNNING  # the hung attempt's result is discarded
    assert pdf_files(media) == []


def test_the_sweeper_requeues_a_run_without_a_heartbeat_for_the_lease(
    cast, media, renders, settings, django_capture_on_commit_callbacks
):
    settings.REPORT_RUN_LEASE_SECONDS = 120
    lost = running_run(cast, beat_ago=timedelta(minutes=3))
    alive = running_run(cast, beat_ago=timedelta(seconds=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_lost_runs() == 1
    lost.refresh_from_db()
    alive.refresh_from_db()
    assert (lost.status, lost.attempts) == (RunStatus.SUCCEEDED, 2)
    assert alive.status == RunStatus.RUNNING
