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

CAST = [
    "chair",
    "business_team",
    "board_member",
    "lay_member",
    "contributor_x",  # agency X owns indicator A (CS1.1)
    "contributor_y",
    "other_board_member",
    "anonymous",
]

READ = [200, 200, 200, 200, 200, 200, 404, 302]
MANAGE = [200, 200, 403, 403, 403, 403, 404, 302]
MANAGE_POST = [302, 302, 403, 403, 403, 403, 404, 302]
RECORD_A = [200, 200, 403, 403, 200, 403, 404, 302]
RECORD_A_POST = [302, 302, 403, 403, 302, 403, 404, 302]

A, B = "CS1.1", "CS3.1"  # B is owned by no agency

# (page, method, expected status per cast member, in CAST order)
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

CASES = [
    (who, method, url, statuses[index])
    for url, method, statuses in MATRIX
    for index, who in enumerate(CAST)
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


@pytest.mark.parametrize(("who", "method", "url", "expected"), CASES)
def test_role_page_matrix(cast, ids, as_user, who, method, url, expected):
    client = as_user(cast.user(who))
    url = url.format(**ids)
    data = post_data(url.split("?")[0], cast) if method == "post" else {}
    IndicatorSettings.objects.get_or_create(board=cast.board)
    before = snapshot()
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/?next=")
    if method == "post":
        changed = snapshot() != before
        assert changed is (expected == 302 and who != "anonymous")


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
