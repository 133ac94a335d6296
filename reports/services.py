"""Requesting exports: validate, record the job row, queue the task on commit."""

from django.db import transaction
from django.db.models import Max
from django.urls import reverse

from boards.models import Board, Contribution, Meeting
from indicators.models import Measurement
from lscb_portal.celery import broker_available, enqueue
from lscb_portal.errors import DomainError
from lscb_portal.periods import reporting_year_start, reporting_years, year_label
from lscb_portal.versioning import lock

from . import tasks
from .models import ReportRun, RunKind, RunStatus

QUEUE_DOWN = (
    "Exporting is not available right now: the job queue is not answering. "
    "Try again in a few minutes."
)


def default_year(board) -> int:
    """The last completed reporting year, or the latest the board has figures for
    if that is earlier (a board loading its history starts from its data)."""
    last_completed = reporting_years()[1]
    budget = Contribution.objects.filter(board=board).aggregate(y=Max("year"))["y"]
    value = Measurement.objects.filter(indicator__board=board).aggregate(
        d=Max("period_end")
    )["d"]
    years = [y for y in (budget, value and reporting_year_start(value)) if y]
    return min(last_completed, max(years)) if years else last_completed


def year_choices() -> list[tuple[int, str]]:
    return [(year, year_label(year)) for year in reporting_years()]


def _clean_annual_report(params: dict) -> dict:
    try:
        year = int(params.get("year"))
    except (TypeError, ValueError):
        raise DomainError("Select the reporting year.") from None
    if year not in reporting_years():
        raise DomainError("Select a reporting year from the list.")
    draft = params.get("draft", False)
    if not isinstance(draft, bool):
        raise DomainError("Select which text to print.")
    # "draft" is stored only when true, so an approved run's params stay {"year"}.
    return {"year": year, "draft": True} if draft else {"year": year}


def _clean_meeting_pack(board, params: dict) -> dict:
    raw = params.get("meeting")
    try:
        if isinstance(raw, bool):
            raise TypeError
        meeting_id = int(raw)
    except (TypeError, ValueError):
        raise DomainError("Select the meeting.") from None
    if not Meeting.objects.filter(board=board, pk=meeting_id).exists():
        raise DomainError("Select a meeting of this board from the list.")
    return {"meeting": meeting_id}


def _clean_params(board, kind: str, params: dict) -> dict:
    if kind == RunKind.ANNUAL_REPORT:
        return _clean_annual_report(params)
    if kind == RunKind.MEETING_PACK:
        return _clean_meeting_pack(board, params)
    raise DomainError("This kind of report cannot be exported.")


def run_request(*, board, kind: str, params: dict, user) -> ReportRun:
    """Record an export and queue it once the row is committed; the same export
    already queued or running for the same person is returned instead. With the
    queue down nothing is recorded; should it fail between the check and the send,
    the run stays queued and the sweeper sends it within REPORT_SWEEP_SECONDS plus
    REPORT_QUEUED_STALE_SECONDS."""
    clean = _clean_params(board, kind, params)
    if not broker_available():
        raise DomainError(QUEUE_DOWN)
    with transaction.atomic():
        # A second click while the first export is still waiting or rendering
        # shows that export: the board's row lock makes concurrent clicks take turns.
        lock(Board, pk=board.pk)
        pending = ReportRun.objects.filter(
            board=board,
            kind=kind,
            params=clean,
            requested_by=user,
            status__in=[RunStatus.QUEUED, RunStatus.RUNNING],
        ).first()
        if pending is not None:
            return pending
        run = ReportRun.objects.create(
            board=board, kind=kind, params=clean, requested_by=user
        )
        transaction.on_commit(lambda: enqueue(tasks.render_report, run.pk))
    return run


def run_retry(*, run: ReportRun, user) -> ReportRun:
    """A new run with the same request as a failed one."""
    if run.status != "failed":
        raise DomainError("Only a failed export can be tried again.")
    return run_request(board=run.board, kind=run.kind, params=run.params, user=user)


def is_draft(run: ReportRun) -> bool:
    return run.params.get("draft") is True


def _meeting_id(run: ReportRun) -> int | None:
    value = run.params.get("meeting")
    return value if isinstance(value, int) else None


def label_runs(runs) -> None:
    """Sets `label` ("Annual report 2016-17 (draft)") and `subject` (the label
    without "(draft)") on each run; one query for all the packs' meetings."""
    ids = {_meeting_id(run) for run in runs if run.kind == RunKind.MEETING_PACK}
    ids.discard(None)
    meetings = (
        Meeting.objects.filter(board_id__in={run.board_id for run in runs}).in_bulk(ids)
        if ids
        else {}
    )
    for run in runs:
        run.subject = _subject(run, meetings)
        run.label = f"{run.subject} (draft)" if is_draft(run) else run.subject
        run.edition_url = _edition_url(run, meetings)


def _subject(run: ReportRun, meetings: dict) -> str:
    if run.kind == RunKind.ANNUAL_REPORT and run.params.get("year"):
        return f"Annual report {year_label(int(run.params['year']))}"
    if run.kind == RunKind.MEETING_PACK:
        meeting = meetings.get(_meeting_id(run))
        if meeting is not None and meeting.board_id == run.board_id:
            return (
                f"Meeting pack: {meeting.get_kind_display()} {meeting.date:%-d %B %Y}"
            )
        # The meeting was deleted after the export.
        return "Meeting pack"
    return run.get_kind_display()


def _edition_url(run: ReportRun, meetings: dict) -> str | None:
    """The HTML edition of what the run prints (the annual report's draft for a
    draft run); None when there is none (the pack's meeting was deleted)."""
    slug = run.board.slug
    if run.kind == RunKind.ANNUAL_REPORT and run.params.get("year"):
        label = year_label(int(run.params["year"]))
        page = reverse("reports:annual-report-edition", args=[slug, label])
        return f"{page}?draft=1" if is_draft(run) else page
    meeting = meetings.get(_meeting_id(run))
    if run.kind != RunKind.MEETING_PACK or meeting is None:
        return None
    if meeting.board_id != run.board_id:
        return None
    return reverse("reports:meeting-pack-edition", args=[slug, meeting.pk])


def run_label(run: ReportRun) -> str:
    label_runs([run])
    return run.label
