"""lscb_portal.lists: what a spreadsheet would run is quoted; cell texts."""

from datetime import date

import pytest

from lscb_portal.lists import Column, date_text, neutralise


@pytest.mark.parametrize(
    ("text", "exported"),
    [
        ("=1+2", "'=1+2"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_are_quoted(text, exported):
    assert neutralise(text) == exported


def test_column_text_follows_attribute_and_key_paths():
    class Row:
        tag = {"label": "Good"}
        owner = None
        when = date(2016, 3, 3)

    assert Column("t", "T", "tag.label").text(Row()) == "Good"
    assert Column("o", "O", "owner.name").text(Row()) == ""
    assert Column("w", "W", lambda r: date_text(r.when)).text(Row()) == "3 Mar 2016"
