"""Requesting, rendering and retrying report runs."""

import time
from datetime import timedelta

import pytest
from celery.exceptions import Retry, SoftTimeLimitExceeded, TimeLimitExceeded
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from lscb_portal import celery
from lscb_portal.errors import DomainError
from reports import documents, services, tasks
from reports.models import ReportRun, RunStatus, checksum_of
from tests import lists
from tests.subgroups.factories import MeetingFactory

PDF = b"%PDF-1.7 the annual report"


@pytest.fixture
def fake_document(monkeypatch):
    """documents.annual_report, counting its calls; `fail` holds errors to raise."""
    calls = []
    fail = []

    def annual_report(board, year, progress=documents.no_progress, draft=False):
        calls.append((board.pk, year))
        progress(1, 2, "Assembling the report")
        if fail:
            raise fail.pop(0)
        progress(2, 2, "Done")
        return PDF, 3

    monkeypatch.setattr(documents, "annual_report", annual_report)
    annual_report.calls = calls
    annual_report.fail = fail
    return annual_report


@pytest.fixture
def eager_retries():
    """Eager apply() runs a retry in place only when errors do not propagate."""
    from lscb_portal.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True


def stored_files(media):
    return sorted(p.name for p in media.rglob("*.pdf"))


def test_request_queues_the_run_on_commit_and_the_task_renders_it(
    cast, media, fake_document, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run = services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016},
            user=cast.chair,
        )
    assert len(callbacks) == 1
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert (run.steps_done, run.steps_total, run.step_label) == (2, 2, "Done")
    assert run.attempts == 1
    assert run.page_count == 3
    assert run.checksum == checksum_of(PDF)
    with default_storage.open(run.file.name, "rb") as handle:
        assert handle.read() == PDF


def test_a_run_requested_in_a_transaction_that_rolls_back_never_executes(
    cast, media, fake_document, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016},
            user=cast.chair,
        )
        raise RuntimeError("the surrounding work failed")
    assert callbacks == []
    assert fake_document.calls == []
    assert not ReportRun.objects.exists()


@pytest.mark.parametrize("year", ["", "1999", "3000", "next year"])
def test_a_year_outside_the_reporting_years_is_refused(cast, year):
    with pytest.raises(DomainError):
        services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": year},
            user=cast.chair,
        )
    assert not ReportRun.objects.exists()


def test_broker_down_shows_the_message_and_makes_no_run(cast, as_user, monkeypatch):
    monkeypatch.setattr(services, "broker_available", lambda: False)
    response = as_user(cast.chair).post(
        "/boards/north/reports/annual-report/", {"year": "2016", "text": "approved"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert (
        "Exporting is not available right now: the job queue is not answering. "
        "Try again in a few minutes." in response.text
    )
    assert not ReportRun.objects.exists()


def test_broker_check_fails_fast_on_an_unreachable_broker(monkeypatch):
    from kombu import Connection

    monkeypatch.setattr(
        celery.app,
        "connection_for_write",
        lambda: Connection("redis://127.0.0.1:1/0", connect_timeout=1),
    )
    started = time.monotonic()
    assert services.broker_available() is False
    assert time.monotonic() - started < 10


def test_running_the_task_twice_for_one_run_renders_once(cast, media, fake_document):
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    tasks.render_report.apply(args=[run.pk])
    tasks.render_report.apply(args=[run.pk])
    run.refresh_from_db()
    assert fake_document.calls == [(cast.board.pk, 2016)]
    assert run.status == RunStatus.SUCCEEDED
    assert run.attempts == 1
    assert len(stored_files(media)) == 1


def test_a_transient_error_after_claiming_is_retried_and_leaves_one_file(
    cast, media, fake_document, eager_retries
):
    # As if the worker died mid-render: the first attempt claims the row, then
    # an OSError; the retry claims it again and succeeds.
    fake_document.fail.append(OSError("disk went away"))
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    tasks.render_report.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert run.attempts == 2
    assert len(fake_document.calls) == 2
    assert stored_files(media) == [run.file.name.rsplit("/", 1)[1]]
    assert run.checksum == checksum_of(PDF)


def test_transient_errors_stop_after_three_attempts(
    cast, media, fake_document, eager_retries
):
    fake_document.fail.extend(OSError("again") for _ in range(5))
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    tasks.render_report.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.attempts == 3
    assert "again" in run.error
    assert stored_files(media) == []


def test_other_errors_fail_the_run_with_the_message(cast, media, fake_document):
    fake_document.fail.append(ValueError("No business plan covers 2016-17."))
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    tasks.render_report.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.attempts == 1
    assert run.error == "No business plan covers 2016-17."


def test_failed_run_shows_its_error_and_try_again_makes_a_new_run(
    cast, as_user, media, fake_document, django_capture_on_commit_callbacks
):
    failed = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.FAILED,
        error="No business plan covers 2016-17.",
        attempts=1,
        requested_by=cast.business_team,
    )
    client = as_user(cast.chair)
    page = client.get(f"/boards/north/reports/{failed.pk}/")
    assert "No business plan covers 2016-17." in page.text
    assert "Try again" in page.text
    assert "Refresh" not in page.headers
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/boards/north/reports/{failed.pk}/try-again/")
    new = ReportRun.objects.exclude(pk=failed.pk).get()
    assert response.status_code == 302
    assert response["Location"] == f"/boards/north/reports/{new.pk}/"
    assert new.params == {"year": 2016}
    assert new.requested_by == cast.chair
    assert new.status == RunStatus.SUCCEEDED
    page = client.get(response["Location"])
    assert "Ready" in page.text
    assert "Download the annual report 2016-17 (PDF)" in page.text


def test_status_page_refreshes_itself_while_the_run_is_unfinished(cast, as_user):
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.RUNNING,
        steps_done=2,
        steps_total=5,
        step_label="Drawing the scorecard",
        requested_by=cast.chair,
    )
    client = as_user(cast.board_member)
    page = client.get(f"/boards/north/reports/{run.pk}/")
    assert page.headers["Refresh"] == "2"
    assert "Step 2 of 5." in page.text
    assert '<progress id="run-progress" max="5" value="2">' in page.text
    body = client.get(f"/boards/north/reports/{run.pk}/status.json").json()
    assert body["status"] == "running"
    assert (body["steps_done"], body["steps_total"]) == (2, 5)
    assert body["download_url"] is None


def test_list_shows_the_boards_runs_with_status(cast, as_user):
    for year in (2015, 2016):
        ReportRun.objects.create(
            board=cast.board,
            kind="annual_report",
            params={"year": year},
            requested_by=cast.chair,
        )
    ReportRun.objects.create(
        board=cast.other_board,
        kind="annual_report",
        params={"year": 2014},
        requested_by=cast.other_board_member,
    )
    page = as_user(cast.board_member).get("/boards/north/reports/")
    assert "Annual report 2016-17" in page.text
    assert "Annual report 2015-16" in page.text
    assert "2014-15" not in page.text
    assert "Export annual report" not in page.text
    assert "Export meeting pack" not in page.text
    exporter = as_user(cast.chair).get(page.request["PATH_INFO"]).text
    assert "Export annual report" in exporter
    assert "Export meeting pack" in exporter


def _fill_runs(cast, size: int) -> None:
    """`size` approved reports, drafts and packs (each of its own meeting)."""
    make = ReportRun.objects.create
    for _ in range(size):
        make(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016},
            requested_by=cast.chair,
        )
        make(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016, "draft": True},
            requested_by=cast.business_team,
        )
        meeting = MeetingFactory(board=cast.board)
        make(
            board=cast.board,
            kind="meeting_pack",
            params={"meeting": meeting.pk},
            requested_by=cast.business_team,
        )


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize(
    ("role", "shown"), [("chair", 3), ("board_member", 2), ("contributor_x", 2)]
)
def test_list_queries_do_not_grow_with_the_runs(
    cast, as_user, django_assert_max_num_queries, size, role, shown
):
    _fill_runs(cast, size)
    client = as_user(cast.user(role))
    with django_assert_max_num_queries(10):
        page = client.get("/boards/north/reports/")
    # Drafts are listed for the exporters who check them, not for others.
    assert len(page.context["runs"]) == shown * size
    assert page.text.count("(draft)</a>") == (size if shown == 3 else 0)
    assert page.text.count(">Meeting pack: Board meeting ") == size


@pytest.mark.parametrize(
    ("role", "link"),
    [
        ("business_team", "Write and approve the report's foreword"),
        ("board_member", "Read the report's approved text"),
    ],
)
def test_list_links_the_years_web_edition_and_its_text(cast, as_user, role, link):
    page = as_user(cast.user(role)).get("/boards/north/reports/").text
    year = page.split('<h2 class="govuk-heading-m">Annual report ')[1][:7]
    assert f'href="/boards/north/annual-report/{year}/"' in page
    assert f'href="/boards/north/annual-report/{year}/narrative/"' in page
    assert link in page


def test_list_hides_draft_runs_from_members_who_do_not_export(cast, as_user):
    ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016, "draft": True},
        requested_by=cast.business_team,
    )
    url = "/boards/north/reports/"
    assert "Annual report 2016-17 (draft)" in as_user(cast.chair).get(url).text
    assert "Annual report 2016-17 (draft)" in as_user(cast.business_team).get(url).text
    for role in ("board_member", "lay_member", "contributor_x"):
        page = as_user(cast.user(role)).get(url).text
        assert "Annual report 2016-17" not in page
        assert "No reports have been exported yet." in page


def test_sweeper_requeues_lost_runs_and_fails_those_out_of_attempts(
    cast, media, fake_document, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    long_ago = timezone.now() - timedelta(hours=1)
    make = ReportRun.objects.create
    stuck = make(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.RUNNING,
        attempts=1,
        started_at=long_ago,
        requested_by=cast.chair,
    )
    waiting = make(
        board=cast.board,
        kind="annual_report",
        params={"year": 2015},
        requested_by=cast.chair,
    )
    ReportRun.objects.filter(pk=waiting.pk).update(requested_at=long_ago)
    spent = make(
        board=cast.board,
        kind="annual_report",
        params={"year": 2014},
        status=RunStatus.RUNNING,
        attempts=3,
        started_at=long_ago,
        requested_by=cast.chair,
    )
    fresh = make(
        board=cast.board,
        kind="annual_report",
        params={"year": 2013},
        status=RunStatus.RUNNING,
        attempts=1,
        started_at=timezone.now(),
        requested_by=cast.chair,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_lost_runs() == 3
    for run in (stuck, waiting, spent, fresh):
        run.refresh_from_db()
    assert stuck.status == waiting.status == RunStatus.SUCCEEDED
    assert stuck.attempts == 2
    assert spent.status == RunStatus.FAILED
    assert "lost" in spent.error
    assert fresh.status == RunStatus.RUNNING


def test_the_export_form_offers_the_latest_year_with_figures(cast, as_user):
    from boards.models import Contribution

    Contribution.objects.create(
        board=cast.board, year=2016, agency=cast.agency_x, amount="1000"
    )
    response = as_user(cast.chair).get("/boards/north/reports/annual-report/")
    assert response.context["form"].initial["year"] == 2016


EXPORT_ANNUAL = "/boards/north/reports/annual-report/"


def test_the_export_form_prints_the_approved_text_unless_asked(cast, as_user):
    form = as_user(cast.chair).get(EXPORT_ANNUAL).context["form"]
    assert form.initial["text"] == "approved"
    assert dict(form.fields["text"].choices) == {
        "approved": "The approved text (what board members download)",
        "draft": "The latest draft, for checking",
    }


@pytest.mark.parametrize(
    ("text", "params", "label"),
    [
        ("approved", {"year": 2016}, "Annual report 2016-17"),
        ("draft", {"year": 2016, "draft": True}, "Annual report 2016-17 (draft)"),
    ],
)
def test_export_records_which_text_to_print(
    cast,
    as_user,
    media,
    fake_document,
    django_capture_on_commit_callbacks,
    text,
    params,
    label,
):
    client = as_user(cast.business_team)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EXPORT_ANNUAL, {"year": "2016", "text": text})
    run = ReportRun.objects.get()
    assert response.status_code == 302
    assert run.params == params
    assert services.run_label(run) == label
    page = client.get(response["Location"]).text
    assert f'<h1 class="govuk-heading-l">{label}</h1>' in page
    assert ("Printed from the latest draft text" in page) is (text == "draft")
    download = client.get(f"/boards/north/reports/{run.pk}/download/")
    suffix = "-draft" if text == "draft" else ""
    assert download["Content-Disposition"] == (
        f'attachment; filename="north-annual-report-2016-17{suffix}.pdf"'
    )


@pytest.mark.parametrize("text", [None, "", "final", "draft "])
def test_export_without_a_known_text_choice_is_a_form_error(cast, as_user, text):
    data = {"year": "2016"} if text is None else {"year": "2016", "text": text}
    response = as_user(cast.chair).post(EXPORT_ANNUAL, data)
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "govuk-form-group--error" in response.text
    assert not ReportRun.objects.exists()


@pytest.mark.parametrize("draft", ["yes", 1, None, "true"])
def test_service_refuses_a_draft_flag_that_is_not_true_or_false(cast, draft):
    with pytest.raises(DomainError, match="which text"):
        services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016, "draft": draft},
            user=cast.chair,
        )
    assert not ReportRun.objects.exists()


def test_service_refuses_an_unknown_kind(cast):
    with pytest.raises(DomainError):
        services.run_request(
            board=cast.board, kind="minutes", params={}, user=cast.chair
        )
    assert not ReportRun.objects.exists()


def test_trying_a_draft_again_prints_the_draft_again(
    cast, as_user, media, fake_document, django_capture_on_commit_callbacks
):
    failed = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016, "draft": True},
        status=RunStatus.FAILED,
        requested_by=cast.business_team,
    )
    with django_capture_on_commit_callbacks(execute=True):
        as_user(cast.business_team).post(
            f"/boards/north/reports/{failed.pk}/try-again/"
        )
    new = ReportRun.objects.exclude(pk=failed.pk).get()
    assert new.params == {"year": 2016, "draft": True}


# The list component ----------------------------------------------------------------

RUNS = "/boards/north/reports/"


def test_run_list_sorts_by_report_and_ignores_unknown_keys(cast, as_user):
    _fill_runs(cast, 1)
    ascending = lists.assert_sorts(as_user(cast.chair), RUNS, "report")
    assert ascending[0][0].startswith("Annual report 2016-17")
    assert ascending[-1][0].startswith("Meeting pack: ")


def test_run_list_exports_what_the_reader_may_see(cast, as_user):
    _fill_runs(cast, 2)
    rows = lists.assert_exports(as_user(cast.board_member), RUNS, {"sort": "status"})
    assert len(rows) == 4
    assert not any("(draft)" in row[0] for row in rows)


def test_run_list_export_quotes_only_cells_that_start_a_formula(cast, as_user):
    cast.chair.full_name = "=2*3"
    cast.chair.save()
    _fill_runs(cast, 1)
    rows = lists.export(as_user(cast.chair), RUNS, "xlsx")
    assert any(row[1].endswith("by =2*3") for row in rows[1:])
    assert all(not cell.startswith("=") for row in rows for cell in row)


@pytest.mark.parametrize("size", [2, 12])
def test_run_export_queries_do_not_grow(
    cast, as_user, django_assert_max_num_queries, size
):
    _fill_runs(cast, size)
    client = as_user(cast.chair)
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(8):
            assert client.get(RUNS, {"export": kind}).status_code == 200


def test_a_render_past_its_soft_time_limit_fails_with_a_readable_reason(
    cast, media, fake_document
):
    fake_document.fail.append(SoftTimeLimitExceeded())
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.chair,
    )
    assert tasks.render_report.soft_time_limit == 600  # REPORT_SOFT_TIME_LIMIT
    tasks.render_report.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith(
        "The report took longer than 10 minutes to make and was stopped."
    )
    assert stored_files(media) == []


@pytest.mark.parametrize(
    "attempts, status", [(1, RunStatus.SUCCEEDED), (3, RunStatus.FAILED)]
)
def test_a_render_killed_at_its_hard_time_limit_counts_as_an_attempt(
    cast, media, fake_document, attempts, status
):
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.RUNNING,
        attempts=attempts,
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        requested_by=cast.chair,
    )
    # What the worker's main process calls once it has killed the render.
    task = tasks.render_report
    task.on_failure(TimeLimitExceeded(660), "task-id", (run.pk,), {}, None)
    run.refresh_from_db()
    assert run.status == status
    if status == RunStatus.FAILED:
        assert run.attempts == 3
        assert run.error.startswith("The report took longer than 11 minutes")
    else:
        assert run.attempts == 2  # queued again and rendered by the next attempt


def test_a_redelivery_after_the_last_attempt_was_killed_fails_the_run(
    cast, media, fake_document, settings
):
    # The third attempt's worker was killed (as the OOM killer would): its message
    # is delivered again once more, and the run is out of attempts.
    settings.REPORT_RUN_LEASE_SECONDS = 120
    beat = timezone.now() - timedelta(minutes=5)
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.RUNNING,
        attempts=3,
        started_at=beat,
        heartbeat_at=beat,
        requested_by=cast.chair,
    )
    tasks.render_report.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("The export was stopped before it finished 3 times")
    assert fake_document.calls == []


def test_a_delivery_looks_at_a_held_run_a_few_times_then_leaves_it(
    cast, media, fake_document
):
    run = ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.RUNNING,
        attempts=1,
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        requested_by=cast.chair,
    )
    task = tasks.render_report
    with pytest.raises(Retry):
        task.apply(args=[run.pk], retries=0, throw=True)
    task.apply(args=[run.pk], retries=task.max_retries, throw=True)  # no Retry
    run.refresh_from_db()
    assert (run.status, run.attempts) == (RunStatus.RUNNING, 1)
    assert fake_document.calls == []
