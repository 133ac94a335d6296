"""The role x page matrix for every page of the indicators app."""

from datetime import date
from decimal import Decimal as D

import pytest

from indicators.models import (
    BreakdownCell,
    BreakdownTable,
    Comparator,
    Indicator,
    IndicatorSettings,
    Measurement,
    Scorecard,
    Target,
)
from tests.matrix import (
    MANAGE,
    MANAGE_POST,
    MANAGERS,
    READ,
    allow,
    permission_matrix,
)

from .factories import (
    INDICATORS,
    BreakdownCellFactory,
    BreakdownTableFactory,
    IndicatorFactory,
    MeasurementFactory,
    ScorecardFactory,
    TargetFactory,
    csv_file,
    indicator_url,
)

# Agency X owns indicator A; B is owned by no agency.
RECORD_A = allow(200, *MANAGERS, "contributor_x")
RECORD_A_POST = allow(302, *MANAGERS, "contributor_x")

A, B = "CS1.1", "CS3.1"

# (page, method, expected status per cast member)
MATRIX = [
    (INDICATORS, "get", READ),
    (f"{INDICATORS}all/", "get", READ),
    (f"{INDICATORS}all/?rag=none&q=CS", "get", READ),
    (f"{INDICATORS}scorecards/performance/", "get", READ),
    (f"{INDICATORS}scorecards/performance/?rag=G", "get", READ),
    (f"{INDICATORS}new/", "get", MANAGE),
    (f"{INDICATORS}new/", "post", MANAGE_POST),
    (f"{INDICATORS}import/", "get", MANAGE),
    (f"{INDICATORS}import/", "post", MANAGE_POST),
    (f"{INDICATORS}tables/", "get", READ),
    (f"{INDICATORS}tables/lado/", "get", READ),
    (indicator_url(A), "get", READ),
    (indicator_url(B), "get", READ),
    (indicator_url(A, "edit/"), "get", MANAGE),
    (indicator_url(A, "edit/"), "post", MANAGE_POST),
    (indicator_url(A, "history/"), "get", READ),
    (indicator_url(A, "targets/"), "get", MANAGE),
    (indicator_url(A, "targets/"), "post", MANAGE_POST),
    (indicator_url(A, "values/new/"), "get", RECORD_A),
    (indicator_url(A, "values/new/"), "post", RECORD_A_POST),
    (indicator_url(A, "values/{value_a}/"), "get", RECORD_A),
    (indicator_url(A, "values/{value_a}/"), "post", RECORD_A_POST),
    (indicator_url(B, "values/new/"), "get", MANAGE),
    (indicator_url(B, "values/new/"), "post", MANAGE_POST),
    (indicator_url(B, "values/{value_b}/"), "get", MANAGE),
    (indicator_url(B, "values/{value_b}/"), "post", MANAGE_POST),
]


@pytest.fixture
def ids(cast):
    """Indicators A (agency X's) and B (no agency's) on a scorecard, each with a
    target and a value for 2016-17; a breakdown table."""
    scorecard = ScorecardFactory(board=cast.board, slug="performance")
    found = {}
    for code, agency, key in ((A, cast.agency_x, "value_a"), (B, None, "value_b")):
        indicator = IndicatorFactory(
            board=cast.board, code=code, owning_agency=agency, scorecards=[scorecard]
        )
        TargetFactory(indicator=indicator, year=2016, value=D("80"))
        found[key] = MeasurementFactory(indicator=indicator, value=D("75")).pk
    table = BreakdownTableFactory(board=cast.board, slug="lado")
    BreakdownCellFactory(table=table)
    return found


def post_data(url, cast):
    if url.endswith("/new/") and "/values/" not in url:
        return {
            "code": "CS9.1",
            "description": "Children seen alone",
            "unit": "percentage",
            "polarity": "high",
            "frequency": "quarterly",
        }
    if url.endswith("import/"):
        rows = [["code", "period", "value"], [A, "2016-17 Q3", "70"]]
        return {"file": csv_file(rows)}
    if url.endswith("edit/"):
        indicator = Indicator.objects.get(board=cast.board, code=A)
        return {
            "code": A,
            "description": "Assessments completed within 45 working days",
            "unit": "percentage",
            "polarity": "high",
            "frequency": "quarterly",
            "owning_agency": cast.agency_x.pk,
            "source": "Children's services",
            "tolerance_kind": "",
            "tolerance": "",
            "version": indicator.version,
        }
    if url.endswith("targets/"):
        return {"year": "2017", "value": "90", "low": "", "high": ""}
    if url.endswith("values/new/"):
        return {"period_kind": "quarter", "period_end": "2016-12-31", "value": "72"}
    measurement = Measurement.objects.get(pk=url.rstrip("/").rsplit("/", 1)[1])
    return {
        "value": "76",
        "numerator": "",
        "denominator": "",
        "source": "",
        "recorded_rag": "",
        "rag_reason": "",
        "commentary": "Improving after the audit.",
        "version": measurement.version,
    }


def snapshot():
    """Everything a page of the matrix could write."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Scorecard,
            Indicator,
            Indicator.scorecards.through,
            Target,
            Measurement,
            Comparator,
            BreakdownTable,
            BreakdownCell,
        )
    ]


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url.split("?")[0], cast) if method == "post" else {}
    IndicatorSettings.objects.get_or_create(board=cast.board)
    visit(who, method, url, expected, data=data, snapshot=snapshot)


def test_contributor_records_a_value_for_its_agencys_indicator(cast, ids, as_user):
    response = as_user(cast.contributor_x).post(
        indicator_url(A, "values/new/"),
        {"period_kind": "quarter", "period_end": "2016-12-31", "value": "72"},
    )
    assert response.status_code == 302
    saved = Measurement.objects.get(period_end=date(2016, 12, 31))
    assert (saved.indicator.code, saved.value) == (A, D("72"))
    assert saved.entered_by == cast.contributor_x


def test_record_link_shows_only_to_who_may_record(cast, ids, as_user):
    record = indicator_url(A, "values/new/")
    for who, shown in (
        ("contributor_x", True),
        ("business_team", True),
        ("contributor_y", False),
        ("board_member", False),
    ):
        page = as_user(cast.user(who)).get(indicator_url(A)).content.decode()
        assert (record in page) is shown, who
