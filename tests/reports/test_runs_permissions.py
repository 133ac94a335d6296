"""The reports permission matrix: (role, method, page, expected status)."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from reports.models import ReportRun, RunStatus, checksum_of
from reports.permissions import can_download_run
from tests.subgroups.factories import MeetingFactory

PDF = b"%PDF-1.7 a finished report"
DRAFT_PDF = b"%PDF-1.7 a draft for checking"

MEMBER_READS = {"list": 200, "run": 200, "status": 200, "download": 200}
DRAFT_READS = {"draft_run": 200, "draft_status": 200, "draft_download": 200}
EXPORTS = {"export": 302, "export_form": 200, "pack_export": 302, "pack_form": 200}
EXPORTER = {**MEMBER_READS, **DRAFT_READS, **EXPORTS}
# A draft is for the exporters to check: to other members it does not exist.
READER = {
    **MEMBER_READS,
    **dict.fromkeys(DRAFT_READS, 404),
    **dict.fromkeys(EXPORTS, 403),
}
OUTSIDER = dict.fromkeys(EXPORTER, 404)
ANONYMOUS = dict.fromkeys(EXPORTER, 302)

EXPECTED = {
    "chair": EXPORTER,
    "business_team": EXPORTER,
    "board_member": READER,
    "lay_member": READER,
    "contributor_x": READER,
    "other_board_member": OUTSIDER,
    "anonymous": ANONYMOUS,
}

PAGES = {
    "list": ("get", "/boards/north/reports/"),
    "export_form": ("get", "/boards/north/reports/annual-report/"),
    "export": ("post", "/boards/north/reports/annual-report/"),
    "pack_form": ("get", "/boards/north/reports/meeting-pack/"),
    "pack_export": ("post", "/boards/north/reports/meeting-pack/"),
    "run": ("get", "/boards/north/reports/{run}/"),
    "status": ("get", "/boards/north/reports/{run}/status.json"),
    "download": ("get", "/boards/north/reports/{run}/download/"),
    "draft_run": ("get", "/boards/north/reports/{draft}/"),
    "draft_status": ("get", "/boards/north/reports/{draft}/status.json"),
    "draft_download": ("get", "/boards/north/reports/{draft}/download/"),
}


def _finished(cast, name, data, params):
    stored = default_storage.save(f"reports/north/{name}", ContentFile(data))
    return ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params=params,
        status=RunStatus.SUCCEEDED,
        file=stored,
        checksum=checksum_of(data),
        page_count=1,
        requested_by=cast.chair,
    )


@pytest.fixture
def finished_run(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return _finished(cast, "done.pdf", PDF, {"year": 2016})


@pytest.fixture
def draft_run(cast, finished_run):
    return _finished(cast, "draft.pdf", DRAFT_PDF, {"year": 2016, "draft": True})


@pytest.mark.parametrize(
    ("role", "page", "expected"),
    [
        (role, page, status)
        for role, statuses in EXPECTED.items()
        for page, status in statuses.items()
    ],
)
def test_permission_matrix(
    cast, as_user, finished_run, draft_run, role, page, expected
):
    meeting = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    method, url = PAGES[page]
    client = as_user(cast.user(role))
    data = {
        "export": {"year": "2016", "text": "approved"},
        "pack_export": {"meeting": str(meeting.pk)},
    }.get(page, {})
    response = getattr(client, method)(
        url.format(run=finished_run.pk, draft=draft_run.pk), data
    )
    assert response.status_code == expected
    if page.endswith("download") and expected == 200:
        assert response["Content-Disposition"].startswith("attachment;")
        body = b"".join(response.streaming_content)
        assert body == (DRAFT_PDF if page == "draft_download" else PDF)
    if page.endswith("export"):
        exported = role in ("chair", "business_team")
        assert ReportRun.objects.count() == (3 if exported else 2)
        if exported:
            new = ReportRun.objects.latest("pk")
            assert new.requested_by == cast.user(role)
            assert new.kind == (
                "meeting_pack" if page == "pack_export" else "annual_report"
            )


def test_other_boards_run_is_not_found_under_this_board(cast, as_user, finished_run):
    client = as_user(cast.other_board_member)
    theirs = ReportRun.objects.create(
        board=cast.other_board,
        kind="annual_report",
        params={"year": 2016},
        requested_by=cast.other_board_member,
    )
    assert client.get(f"/boards/south/reports/{theirs.pk}/").status_code == 200
    chair = as_user(cast.chair)
    for suffix in ("", "status.json", "download/"):
        assert (
            chair.get(f"/boards/north/reports/{theirs.pk}/{suffix}").status_code == 404
        )
        assert (
            chair.get(f"/boards/south/reports/{theirs.pk}/{suffix}").status_code == 404
        )


def test_only_exporters_may_try_again(cast, as_user, finished_run):
    ReportRun.objects.filter(pk=finished_run.pk).update(status=RunStatus.FAILED)
    url = f"/boards/north/reports/{finished_run.pk}/try-again/"
    assert as_user(cast.board_member).post(url).status_code == 403
    assert as_user(cast.other_board_member).post(url).status_code == 404
    assert ReportRun.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "params", "allowed"),
    [
        (role, params, allowed)
        for role, (approved, draft) in {
            "chair": (True, True),
            "business_team": (True, True),
            "board_member": (True, False),
            "lay_member": (True, False),
            "contributor_x": (True, False),
            "other_board_member": (False, False),
            "anonymous": (False, False),
        }.items()
        for params, allowed in (
            ({"year": 2016}, approved),
            ({"year": 2016, "draft": True}, draft),
            ({"meeting": 1}, approved),
        )
    ],
)
def test_can_download_run(cast, role, params, allowed):
    run = ReportRun(board=cast.board, kind="annual_report", params=params)
    user = cast.user(role) or AnonymousUser()
    assert can_download_run(user, run) is allowed
