"""The role x page matrix for the inspection pages."""

from datetime import date

import pytest

from boards.models import (
    FindingKind,
    Inspection,
    InspectionFinding,
    Judgement,
    Recommendation,
    RecommendationUpdate,
    SubJudgement,
)
from tests.matrix import MANAGE, MANAGE_POST, READ, permission_matrix

LIST = "/boards/north/inspections/"
PAGE = LIST + "{inspection}/"

# (page, method, expected status per cast member)
MATRIX = [
    (LIST, "get", READ),
    (LIST + "?page=2", "get", READ),
    (LIST + "new/", "get", MANAGE),
    (LIST + "new/", "post", MANAGE_POST),
    (PAGE, "get", READ),
    (PAGE + "judgements/new/", "get", MANAGE),
    (PAGE + "judgements/new/", "post", MANAGE_POST),
    (PAGE + "findings/new/", "get", MANAGE),
    (PAGE + "findings/new/", "post", MANAGE_POST),
    (PAGE + "findings/{finding}/", "get", MANAGE),
    (PAGE + "findings/{finding}/", "post", MANAGE_POST),
    (PAGE + "findings/{finding}/remove/", "get", MANAGE),
    (PAGE + "findings/{finding}/remove/", "post", MANAGE_POST),
    (PAGE + "recommendations/new/", "get", MANAGE),
    (PAGE + "recommendations/new/", "post", MANAGE_POST),
    (PAGE + "recommendations/1/updates/new/", "get", MANAGE),
    (PAGE + "recommendations/1/updates/new/", "post", MANAGE_POST),
]


@pytest.fixture
def ids(cast):
    inspection = Inspection.objects.create(
        board=cast.board,
        body="Ofsted",
        title="Review of the LSCB",
        start_date=date(2015, 3, 3),
        overall=Judgement.REQUIRES_IMPROVEMENT,
    )
    Recommendation.objects.create(inspection=inspection, number=1, text="One")
    finding = InspectionFinding.objects.create(
        inspection=inspection, kind=FindingKind.STRENGTH, text="Strong challenge"
    )
    return {"inspection": inspection.pk, "finding": finding.pk}


def post_data(url):
    if url.endswith("inspections/new/"):
        return {"body": "Ofsted", "title": "JTAI", "start_date": "2017-09-04"}
    if url.endswith("judgements/new/"):
        return {"area": "Adoption performance", "judgement": Judgement.GOOD}
    if url.endswith("remove/"):
        return {}
    if "/findings/" in url:
        return {"kind": FindingKind.IMPROVEMENT, "text": "Respond to CSE"}
    if url.endswith("recommendations/new/"):
        return {"number": "2", "text": "Two"}
    return {"year": "2016", "date": "2017-03-31", "text": "Done."}


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Inspection,
            SubJudgement,
            InspectionFinding,
            Recommendation,
            RecommendationUpdate,
        )
    ]


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url) if method == "post" else {}
    visit(who, method, url, expected, data=data, snapshot=snapshot)


def test_only_managers_see_the_add_links(cast, ids, as_user):
    url = PAGE.format(**ids)
    for who, shown in [("chair", True), ("lay_member", False)]:
        html = as_user(cast.user(who)).get(url).content.decode()
        assert ("Add a recommendation" in html) is shown
        assert ("Add what the inspectors found" in html) is shown
        assert ("Remove<span" in html) is shown
        assert ("Record an update" in html) is shown
