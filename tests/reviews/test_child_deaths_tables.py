"""The demo's child death records reproduce tables 1-4 of the CDOP report 2015-16
(section 27 of the annual report 2016-17) cell by cell, count and percentage, with
England's column; and the statistics page shows them."""

import re
from decimal import Decimal

import pytest

from boards.models import Role
from reviews.demo import child_deaths as demo
from reviews.models import ChildDeathReview, SignOffBand
from reviews.selectors.child_deaths import (
    cdop_tables,
    ethnicity_summary,
    factor_counts,
    recommendations,
)
from tests.boards.factories import BoardFactory, MembershipFactory

YEARS = ["2012/13", "2013/14", "2014/15", "2015/16"]

# The seed's tables, as printed: (row label, [(count, %) per year], England %).
TABLE_1 = [
    ("Male", [(12, 57), (19, 73), (10, 37), (21, 62)], "58"),
    ("Female", [(9, 43), (7, 27), (17, 63), (13, 38)], "42"),
]
TABLE_2 = [
    ("0 - 27 days", [(5, 24), (8, 31), (15, 56), (17, 50)], "43.1"),
    ("28 - 364 days", [(8, 38), (4, 15), (4, 15), (9, 26)], "21.4"),
    ("1 year - 4 years", [(2, 10), (4, 15), (2, 7), (3, 9)], "11.7"),
    ("5 - 9 years", [(1, 5), (3, 12), (1, 4), (1, 3)], "7.6"),
    ("10 - 14 years", [(1, 5), (3, 12), (3, 11), (1, 3)], "7.1"),
    ("15 - 17 years", [(4, 19), (4, 15), (2, 7), (3, 9)], "9.1"),
]
TABLE_3 = [
    (
        "1 - Deliberately inflicted injury, abuse or neglect",
        [(0, 0), (0, 0), (0, 0), (0, 0)],
        "1.6",
    ),
    (
        "2 - Suicide or deliberate self-inflicted harm",
        [(0, 0), (2, 8), (1, 4), (0, 0)],
        "3.3",
    ),
    (
        "3 - Trauma and other external factors",
        [(3, 14), (1, 4), (2, 7), (3, 9)],
        "5.1",
    ),
    ("4 - Malignancy", [(0, 0), (2, 8), (0, 0), (2, 6)], "7.1"),
    (
        "5 - Acute medical or surgical condition",
        [(2, 10), (2, 8), (2, 7), (4, 12)],
        "6.1",
    ),
    ("6 - Chronic medical condition", [(0, 0), (5, 19), (1, 4), (4, 12)], "4.9"),
    (
        "7 - Chromosomal, genetic and congenital anomalies",
        [(4, 19), (5, 19), (9, 33), (2, 6)],
        "26.0",
    ),
    ("8 - Perinatal/neonatal event", [(5, 24), (5, 19), (11, 41), (16, 47)], "32.2"),
    ("9 - Infection", [(4, 19), (4, 15), (0, 0), (1, 3)], "5.9"),
    (
        "10 - Sudden unexpected, unexplained death",
        [(3, 14), (0, 0), (1, 4), (2, 6)],
        "7.6",
    ),
    ("Category unknown/not reported", [(0, 0), (0, 0), (0, 0), (0, 0)], "0.3"),
]
# Table 4 prints percentages only.
TABLE_4 = [
    ("Under 6 months", [5, 23, 0, 3], "29"),
    ("6 - 7 months", [5, 4, 0, 9], "14"),
    ("8 - 9 months", [14, 8, 15, 15], "12"),
    ("10 - 11 months", [5, 15, 19, 18], "10"),
    ("12 months", [14, 8, 7, 12], "5"),
    ("More than 12 months", [57, 42, 59, 44], "30"),
]
TOTALS = [21, 26, 27, 34]


@pytest.fixture
def cumbria(db):
    board = BoardFactory(slug="cumbria", name="Cumbria LSCB")
    demo.load(board)
    return board


def shown(percentage: str) -> str:
    """England's figure as the page prints it: as the report does."""
    return f"{percentage}%"


def test_demo_reproduces_tables_1_to_3_cell_by_cell(cumbria):
    tables = {t.key: t for t in cdop_tables(cumbria, 2015)}
    for key, seed in (("sex", TABLE_1), ("age", TABLE_2), ("category", TABLE_3)):
        table = tables[key]
        assert table.year_labels == YEARS
        assert table.totals == TOTALS, key
        assert table.england_year == 2015
        assert [r.label for r in table.rows] == [s[0] for s in seed], key
        for row, (label, cells, england_percent) in zip(table.rows, seed, strict=True):
            assert [(c.count, c.percent) for c in row.cells] == cells, (key, label)
            assert row.england == Decimal(england_percent), (key, label)


def test_demo_reproduces_table_4_percentages(cumbria):
    table = {t.key: t for t in cdop_tables(cumbria, 2015)}["sign_off"]
    assert not table.show_counts
    assert table.totals == TOTALS
    assert [r.label for r in table.rows] == [s[0] for s in TABLE_4]
    for row, (label, percents, england_percent) in zip(
        table.rows, TABLE_4, strict=True
    ):
        assert [c.percent for c in row.cells] == percents, label
        assert row.england == Decimal(england_percent), label


def test_demo_modifiable_share_and_factors(cumbria):
    table = {t.key: t for t in cdop_tables(cumbria, 2015)}["modifiable"]
    rows = {r.key: r for r in table.rows}
    assert (rows["no"].cells[-1].count, rows["no"].cells[-1].percent) == (25, 74)
    assert (rows["yes"].cells[-1].count, rows["yes"].cells[-1].percent) == (9, 26)
    assert rows["no"].england == Decimal("76")
    assert rows["yes"].england is None  # the report gives England's "no" only
    # Earlier years' reports gave no modifiable share.
    assert [c.count for c in rows["no"].cells[:-1]] == [0, 0, 0]
    assert [c.percent for c in rows["no"].cells[:-1]] == [None, None, None]
    factors = {f.label: f.count for f in factor_counts(cumbria, 2015)}
    assert factors == {
        "Parental smoking": 5,
        "Incidents during health care provision": 1,
    }


def test_demo_ethnicity_all_but_one_white_british(cumbria):
    summary = ethnicity_summary(cumbria, 2015)
    assert summary[0].label == "White British"
    assert summary[0].count == 33
    assert sum(c.count for c in summary) == 34


def test_demo_dates_agree_with_sign_off_band_and_year_of_review(cumbria):
    deaths = ChildDeathReview.objects.filter(board=cumbria)
    assert deaths.count() == sum(TOTALS)
    for death in deaths:
        year = death.year_of_review
        assert death.reference.startswith(
            f"CDOP-{year % 100:02d}{(year + 1) % 100:02d}-"
        )
        signed = death.signed_off_on
        # Within its reporting year, April to March.
        assert (signed.year, signed.month) >= (year, 4)
        assert (signed.year, signed.month) <= (year + 1, 3)
        assert death.month_of_death.day == 1
        assert death.month_of_death <= signed
        assert death.sign_off_band in SignOffBand.values
        if year < 2015:
            assert death.modifiable is None


def test_demo_recommendations_with_progress(cumbria):
    recs = recommendations(cumbria, 2015)
    assert [r.number for r in recs["previous"]] == [1, 2, 3, 4]
    assert all(r.progress for r in recs["previous"])
    assert recs["previous"][2].progress == (
        "Implemented in full in this year's annual report."
    )
    assert [r.number for r in recs["new"]] == [1, 2, 3, 4]
    assert recs["new"][0].text.startswith("All agencies should take action")


def test_demo_load_is_idempotent(cumbria):
    before = ChildDeathReview.objects.filter(board=cumbria).count()
    demo.load(cumbria)
    assert ChildDeathReview.objects.filter(board=cumbria).count() == before
    assert cdop_tables(cumbria, 2015)[0].totals == TOTALS


# The page ---------------------------------------------------------------------


def page_tables(html: str) -> dict[str, list[list[str]]]:
    """Each table's caption and its rows' cell texts."""
    tables = {}
    for match in re.finditer(r"<table\b.*?</table>", html, re.S):
        block = match.group(0)
        caption = re.search(r"<caption[^>]*>(.*?)</caption>", block, re.S)
        rows = []
        for tr in re.findall(r"<tr\b.*?</tr>", block, re.S):
            cells = re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", tr, re.S)
            rows.append([" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells])
        key = " ".join(re.sub(r"<[^>]+>", " ", caption.group(1)).split())
        tables[key] = rows
    return tables


def test_statistics_page_shows_the_seed_tables(cumbria, client):
    user = MembershipFactory(board=cumbria, role=Role.BUSINESS_TEAM).user
    client.force_login(user)
    response = client.get("/boards/cumbria/child-deaths/statistics/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2015/16" in html
    tables = page_tables(html)
    sex = next(v for k, v in tables.items() if k.startswith("Table 1"))
    assert sex[0] == ["Gender", *YEARS, "England 2015/16"]
    by_label = {row[0]: row[1:] for row in sex[1:]}
    for label, cells, england_percent in TABLE_1:
        assert by_label[label] == [f"{n} {p}%" for n, p in cells] + [
            shown(england_percent)
        ]
    assert by_label["Totals"][:4] == [str(t) for t in TOTALS]
    for number, seed in (("2", TABLE_2), ("3", TABLE_3)):
        rows = next(v for k, v in tables.items() if k.startswith(f"Table {number}"))
        by_label = {row[0]: row[1:] for row in rows[1:]}
        for label, cells, england_percent in seed:
            assert by_label[label] == [f"{n} {p}%" for n, p in cells] + [
                shown(england_percent)
            ], label
        assert by_label["Totals"][:4] == [str(t) for t in TOTALS]
    modifiable = next(v for k, v in tables.items() if k.startswith("Deaths with"))
    by_label = {row[0]: row[1:] for row in modifiable[1:]}
    assert by_label["No modifiable factors"] == [
        *["Not recorded"] * 3,
        "25 74%",
        "76%",
    ]
    assert by_label["Modifiable factors identified"][3] == "9 26%"
    category = next(v for k, v in tables.items() if k.startswith("Table 3"))
    by_label = {row[0]: row[1:] for row in category[1:]}
    for label, cells, england_percent in TABLE_3:
        assert by_label[label] == [f"{n} {p}%" for n, p in cells] + [
            shown(england_percent)
        ]
    sign_off = next(v for k, v in tables.items() if k.startswith("Table 4"))
    by_label = {row[0]: row[1:] for row in sign_off[1:]}
    for label, percents, england_percent in TABLE_4:
        assert by_label[label] == [f"{p}%" for p in percents] + [shown(england_percent)]
    assert "Parental smoking" in html
    assert "Implemented in full in this year" in html
