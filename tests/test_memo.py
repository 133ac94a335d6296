"""Reads several sections share run once per document build, and as usual
outside one."""

import pytest

from lscb_portal.memo import once_per_build, one_build

calls = []


@once_per_build
def figures(board, year):
    calls.append((board, year))
    return [year]


class Row:
    def __init__(self, pk):
        self.pk = pk


@pytest.fixture(autouse=True)
def _forget_calls():
    calls.clear()


def test_runs_once_per_arguments_inside_a_build_and_always_outside():
    with one_build():
        assert figures(Row(1), 2016) is figures(Row(1), 2016)  # another copy of row 1
        figures(Row(1), 2015)
        figures(Row(2), 2016)
    assert len(calls) == 3
    figures(Row(1), 2016)
    figures(Row(1), 2016)
    assert len(calls) == 5


def test_builds_do_not_share_results():
    with one_build():
        figures(Row(1), 2016)
    with one_build():
        figures(Row(1), 2016)
    assert len(calls) == 2
