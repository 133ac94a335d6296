"""The reports permission matrix: (role, method, page, expected status)."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from reports.models import ReportRun, RunStatus, checksum_of
from reports.permissions import can_download_run
from tests.matrix import (
    MANAGE,
    MANAGE_POST,
    MANAGERS,
    READ,
    allow,
    permission_matrix,
)
from tests.subgroups.factories import MeetingFactory

PDF = b"%PDF-1.7 a finished report"
DRAFT_PDF = b"%PDF-1.7 a draft for checking"

# A draft is for the exporters to check: to other members it does not exist.
DRAFT_READ = allow(200, *MANAGERS, others=404)

REPORTS = "/boards/north/reports/"
RUN = REPORTS + "{run}/"
DRAFT = REPORTS + "{draft}/"

# (page, method, expected status per cast member)
MATRIX = [
    (REPORTS, "get", READ),
    (REPORTS + "annual-report/", "get", MANAGE),
    (REPORTS + "annual-report/", "post", MANAGE_POST),
    (REPORTS + "meeting-pack/", "get", MANAGE),
    (REPORTS + "meeting-pack/", "post", MANAGE_POST),
    (RUN, "get", READ),
    (RUN + "status.json", "get", READ),
    (RUN + "download/", "get", READ),
    (DRAFT, "get", DRAFT_READ),
    (DRAFT + "status.json", "get", DRAFT_READ),
    (DRAFT + "download/", "get", DRAFT_READ),
]


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


@permission_matrix(MATRIX)
def test_permission_matrix(
    cast, visit, finished_run, draft_run, who, method, url, expected
):
    meeting = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    data = {
        "annual-report/": {"year": "2016", "text": "approved"},
        "meeting-pack/": {"meeting": str(meeting.pk)},
    }
    address = url.format(run=finished_run.pk, draft=draft_run.pk)
    post = data[url.removeprefix(REPORTS)] if method == "post" else {}
    response = visit(who, method, address, expected, data=post)
    if url.endswith("download/") and expected == 200:
        assert response["Content-Disposition"].startswith("attachment;")
        body = b"".join(response.streaming_content)
        assert body == (DRAFT_PDF if url.startswith(DRAFT) else PDF)
    if method == "post":
        exported = who in MANAGERS
        assert ReportRun.objects.count() == (3 if exported else 2)
        if exported:
            new = ReportRun.objects.latest("pk")
            assert new.requested_by == cast.user(who)
            assert new.kind == (
                "meeting_pack" if url.endswith("meeting-pack/") else "annual_report"
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
