"""The export commands' atomic write: all of the new file or the old one, never
half, and no temporary file left behind."""

import os

import pytest

from lscb_portal.files import write_atomically


def test_writes_the_data_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary_one(
    tmp_path, monkeypatch
):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
