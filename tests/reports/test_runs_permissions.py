"""The reports permission matrix: (role, method, page, expected status)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from reports.models import ReportRun, RunStatus, checksum_of

PDF = b"%PDF-1.7 a finished report"

MEMBER_READS = {"list": 200, "run": 200, "status": 200, "download": 200}
EXPORTER = {**MEMBER_READS, "export": 302, "export_form": 200}
READER = {**MEMBER_READS, "export": 403, "export_form": 403}
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
    "run": ("get", "/boards/north/reports/{run}/"),
    "status": ("get", "/boards/north/reports/{run}/status.json"),
    "download": ("get", "/boards/north/reports/{run}/download/"),
}


@pytest.fixture
def finished_run(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("reports/north/done.pdf", ContentFile(PDF))
    return ReportRun.objects.create(
        board=cast.board,
        kind="annual_report",
        params={"year": 2016},
        status=RunStatus.SUCCEEDED,
        file=name,
        checksum=checksum_of(PDF),
        page_count=1,
        requested_by=cast.chair,
    )


@pytest.mark.parametrize(
    ("role", "page", "expected"),
    [
        (role, page, status)
        for role, statuses in EXPECTED.items()
        for page, status in statuses.items()
    ],
)
def test_permission_matrix(cast, as_user, finished_run, role, page, expected):
    method, url = PAGES[page]
    client = as_user(cast.user(role))
    response = getattr(client, method)(
        url.format(run=finished_run.pk), {"year": "2016"} if method == "post" else {}
    )
    assert response.status_code == expected
    if page == "download" and expected == 200:
        assert response["Content-Disposition"].startswith("attachment;")
        assert b"".join(response.streaming_content) == PDF
    if page == "export":
        exported = role in ("chair", "business_team")
        assert ReportRun.objects.count() == (2 if exported else 1)


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
