"""The role x page matrix for the inspection pages."""

from datetime import date

import pytest

from boards.models import (
    Inspection,
    Judgement,
    Recommendation,
    RecommendationUpdate,
    SubJudgement,
)

CAST = [
    "chair",
    "business_team",
    "board_member",
    "lay_member",
    "contributor_x",
    "contributor_y",
    "other_board_member",
    "anonymous",
]

READ = [200, 200, 200, 200, 200, 200, 404, 302]
MANAGE = [200, 200, 403, 403, 403, 403, 404, 302]
MANAGE_POST = [302, 302, 403, 403, 403, 403, 404, 302]

LIST = "/boards/north/inspections/"
PAGE = LIST + "{inspection}/"

# (page, method, expected status per cast member, in CAST order)
MATRIX = [
    (LIST, "get", READ),
    (LIST + "?page=2", "get", READ),
    (LIST + "new/", "get", MANAGE),
    (LIST + "new/", "post", MANAGE_POST),
    (PAGE, "get", READ),
    (PAGE + "judgements/new/", "get", MANAGE),
    (PAGE + "judgements/new/", "post", MANAGE_POST),
    (PAGE + "recommendations/new/", "get", MANAGE),
    (PAGE + "recommendations/new/", "post", MANAGE_POST),
    (PAGE + "recommendations/1/updates/new/", "get", MANAGE),
    (PAGE + "recommendations/1/updates/new/", "post", MANAGE_POST),
]

CASES = [
    (who, method, url, statuses[index])
    for url, method, statuses in MATRIX
    for index, who in enumerate(CAST)
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
    return {"inspection": inspection.pk}


def post_data(url):
    if url.endswith("inspections/new/"):
        return {"body": "Ofsted", "title": "JTAI", "start_date": "2017-09-04"}
    if url.endswith("judgements/new/"):
        return {"area": "Adoption performance", "judgement": Judgement.GOOD}
    if url.endswith("recommendations/new/"):
        return {"number": "2", "text": "Two"}
    return {"year": "2016", "date": "2017-03-31", "text": "Done."}


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Inspection, SubJudgement, Recommendation, RecommendationUpdate)
    ]


@pytest.mark.parametrize(("who", "method", "url", "expected"), CASES)
def test_role_page_matrix(cast, ids, as_user, who, method, url, expected):
    client = as_user(cast.user(who))
    url = url.format(**ids)
    data = post_data(url) if method == "post" else {}
    before = snapshot()
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/?next=")
    if method == "post":
        changed = snapshot() != before
        assert changed is (expected == 302 and who != "anonymous")


def test_only_managers_see_the_add_links(cast, ids, as_user):
    url = PAGE.format(**ids)
    for who, shown in [("chair", True), ("lay_member", False)]:
        html = as_user(cast.user(who)).get(url).content.decode()
        assert ("Add a recommendation" in html) is shown
        assert ("Record an update" in html) is shown
