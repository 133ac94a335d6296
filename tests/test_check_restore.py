"""manage.py check_restore: a restored database passes, and what is wrong with one is
named (a missing file, a wrong checksum, an unapplied migration, a lost row)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from boards.models import Agency
from reports.models import ReportRun, checksum_of
from subgroups.models import ReturnAttachment, SubgroupReturn
from tests.business_plan.factories import SubgroupFactory

PDF = b"%PDF-1.4 the annual report\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def run(cast):
    run = ReportRun(
        board=cast.board,
        kind="annual_report",
        status="succeeded",
        requested_by=cast.business_team,
        checksum=checksum_of(PDF),
    )
    run.file.save("annual-report.pdf", ContentFile(PDF))
    return run


@pytest.fixture
def attachment(cast):
    subgroup_return = SubgroupReturn.objects.create(
        subgroup=SubgroupFactory(board=cast.board),
        period="2016-17 Q4",
        created_by=cast.business_team,
    )
    attachment = ReturnAttachment(
        subgroup_return=subgroup_return,
        name="minutes.pdf",
        size=len(PDF),
        uploaded_by=cast.business_team,
    )
    attachment.file.save("minutes.pdf", ContentFile(PDF))
    return attachment


def check(*args):
    """What the command printed and wrote as problems, and whether it failed."""

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("check_restore", *args, stdout=out, stderr=err)
    except CommandError as failed:
        return out.getvalue(), err.getvalue(), str(failed)
    return out.getvalue(), err.getvalue(), ""


def test_a_good_restore_passes_and_prints_row_counts(run, attachment, cast):
    out, err, failed = check()
    assert (err, failed) == ("", "")
    assert "The restored database checks out." in out
    assert "2 stored files checked." in out
    agencies = Agency.objects.count()
    assert any(
        line.split() == ["boards.Agency", str(agencies)] for line in out.splitlines()
    )


def test_a_missing_file_is_named(run):
    run.file.storage.delete(run.file.name)
    _, err, failed = check()
    assert failed == "The restore is not complete: 1 problems."
    assert f"File missing: reports.ReportRun {run.pk} file {run.file.name}" in err


def test_a_file_whose_checksum_differs_from_the_row_is_named(run):
    with run.file.storage.open(run.file.name, "wb") as stored:
        stored.write(b"%PDF-1.4 something else")
    _, err, failed = check()
    assert failed
    assert f"Checksum does not match the row's: reports.ReportRun {run.pk}" in err


def test_an_unapplied_migration_is_named(db):
    recorder = MigrationRecorder(connection)
    last = recorder.migration_qs.filter(app="reports").order_by("-id").first()
    last.delete()
    _, err, failed = check()
    assert failed
    assert f"Migration not applied: reports.{last.name}" in err


def test_the_manifest_written_at_backup_time_finds_lost_rows_and_changed_files(
    run, attachment, cast, tmp_path
):
    spare = Agency.objects.create(board=cast.board, name="Spare agency")
    manifest = tmp_path / "manifest.json"
    out, _, failed = check("--write-manifest", str(manifest))
    assert not failed and "Wrote" in out
    assert check("--manifest", str(manifest))[2] == ""

    agencies = Agency.objects.count()
    spare.delete()
    with attachment.file.storage.open(attachment.file.name, "wb") as stored:
        stored.write(b"%PDF-1.4 changed after the backup")
    _, err, failed = check("--manifest", str(manifest))
    assert failed
    assert (
        f"Row count of boards.Agency: {agencies - 1} restored, {agencies} at backup."
        in err
    )
    assert (
        "Checksum does not match the manifest's: subgroups.ReturnAttachment "
        f"{attachment.pk} file {attachment.file.name}" in err
    )
