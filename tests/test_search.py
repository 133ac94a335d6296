"""The header's search across a board: each app's source finds its records, only
those the user may see, in a fixed number of queries. Runs on PostgreSQL (full-text
search) and SQLite (every word somewhere) alike, so it asserts what holds on both."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boards.models import AgendaItem, ChallengeLogEntry, Membership, Risk
from business_plan.models import BusinessPlan
from lscb_portal.search import MAX_QUERY, PER_SOURCE, clean_query, matching
from tests.business_plan.factories import (
    ActionFactory,
    ChallengeFactory,
    PlanFactory,
    SubgroupFactory,
    UpdateFactory,
)
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.reviews.factories import CaseReviewFactory
from tests.subgroups.factories import MeetingFactory
from tests.training.factories import CourseFactory

SEARCH = "/boards/north/search/"

# The title each source shows for the record `make` gives it, on board "north".
TITLES = {
    "action": "Audit kestrel referrals",
    "plan challenge": "Challenge on action 9.",
    "indicator": "Kestrel referrals re-referred",
    "meeting": "Kestrel House",
    "agenda item": "Kestrel update",
    "confidential item": "Kestrel allegation",
    "challenge": "Why are kestrel meetings late?",
    "risk": "Kestrel partners leave",
    "subgroup": "Kestrel Quality Group",
    "review": "Child KES",
    "course": "Kestrel awareness",
}


def make(board, prefix="", child="Child KES"):
    """One record of every kind, each with "kestrel" in a searched field."""
    plan = BusinessPlan.objects.filter(board=board).first() or PlanFactory(board=board)
    action = ActionFactory(plan=plan, text=prefix + TITLES["action"])
    ChallengeFactory(
        update=UpdateFactory(action=action), text=prefix + "Is kestrel work late?"
    )
    # With a measurement: an indicator's page without one trips a warning of
    # lscb_portal/charts.py (format_html without arguments).
    MeasurementFactory(
        indicator=IndicatorFactory(
            board=board, description=prefix + TITLES["indicator"]
        )
    )
    meeting = MeetingFactory(board=board, location=prefix + TITLES["meeting"])
    AgendaItem.objects.create(meeting=meeting, order=1, title=TITLES["agenda item"])
    AgendaItem.objects.create(
        meeting=meeting,
        order=2,
        title=prefix + TITLES["confidential item"],
        confidential=True,
    )
    member = Membership.objects.filter(board=board).first()
    ChallengeLogEntry.objects.create(
        board=board,
        date=date(2017, 1, 5),
        raised_by=member,
        agency_challenged=member.agency or board.agencies.first(),
        subject=prefix + TITLES["challenge"],
    )
    Risk.objects.create(
        board=board,
        title=prefix + TITLES["risk"],
        owner="Business team",
        likelihood=2,
        impact=3,
        review_date=date(2017, 1, 1),
    )
    SubgroupFactory(board=board, name=prefix + TITLES["subgroup"])
    CaseReviewFactory(
        board=board, child_reference=child, scope=prefix + "The kestrel scope."
    )
    CourseFactory(board=board, title=prefix + TITLES["course"])


@pytest.fixture
def records(cast):
    make(cast.board)
    make(cast.other_board, prefix="Southern ")


def found(client, q="kestrel", url=SEARCH):
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return response


def test_each_source_finds_its_records(cast, records, as_user):
    response = found(as_user(cast.business_team))
    page = response.content.decode()
    for kind, title in TITLES.items():
        assert title in page, kind
    titles = {group["title"] for group in response.context["groups"]}
    assert titles == {
        "Meetings",
        "Agenda items",
        "Challenge log",
        "Risk log",
        "Subgroups",
        "Business plan actions",
        "Challenges to action updates",
        "Indicators",
        "Case reviews",
        "Training courses",
    }


def test_a_result_links_to_its_page(cast, records, as_user):
    client = as_user(cast.business_team)
    response = found(client)
    for group in response.context["groups"]:
        for result in group["results"]:
            assert result.url.startswith("/boards/north/"), result
            assert client.get(result.url.split("#")[0]).status_code == 200, result


def test_another_boards_records_never_appear(cast, records, as_user):
    page = found(as_user(cast.business_team)).content.decode()
    assert "Southern" not in page
    assert (
        as_user(cast.other_board_member).get(SEARCH, {"q": "kestrel"}).status_code
        == 404
    )


def test_the_other_boards_member_finds_only_their_own(cast, records, as_user):
    page = found(
        as_user(cast.other_board_member), url="/boards/south/search/"
    ).content.decode()
    assert "Southern Kestrel partners leave" in page
    assert "Southern Audit kestrel referrals" in page
    assert "Kestrel partners leave</a>" not in page.replace(
        "Southern Kestrel partners leave</a>", ""
    )


@pytest.mark.parametrize(
    "role, sees",
    [("business_team", True), ("chair", True), ("board_member", True)]
    + [("lay_member", False), ("contributor_x", False)],
)
def test_confidential_agenda_items_only_for_those_who_may_see_them(
    cast, records, as_user, role, sees
):
    """The roles boards.permissions.can_view_confidential names: the chair, board
    members and the business team."""
    page = found(as_user(cast.user(role))).content.decode()
    assert TITLES["agenda item"] in page
    assert (TITLES["confidential item"] in page) is sees


@pytest.mark.parametrize(
    "role, sees",
    [("business_team", True), ("chair", True), ("board_member", False)]
    + [("lay_member", False), ("contributor_x", False)],
)
def test_restricted_reviews_only_for_those_who_may_open_them(
    cast, records, as_user, role, sees
):
    response = found(as_user(cast.user(role)))
    assert (TITLES["review"] in response.content.decode()) is sees
    titles = {group["title"] for group in response.context["groups"]}
    assert ("Case reviews" in titles) is sees


def test_a_contributor_finds_the_board_records_they_may_open(cast, records, as_user):
    client = as_user(cast.contributor_x)
    response = found(client)
    page = response.content.decode()
    for kind in ("action", "indicator", "risk", "subgroup", "course", "challenge"):
        assert TITLES[kind] in page, kind
    for group in response.context["groups"]:
        for result in group["results"]:
            assert client.get(result.url.split("#")[0]).status_code == 200, result


def test_every_word_must_match_in_any_field(cast, records, as_user):
    """ "kestrel team" finds the risk whose title and owner hold one word each."""
    response = found(as_user(cast.business_team), q="team kestrel")
    groups = {g["title"]: g for g in response.context["groups"]}
    assert [r.title for r in groups["Risk log"]["results"]] == [TITLES["risk"]]
    assert "Subgroups" not in groups


def test_an_indicator_is_found_by_its_code(cast, as_user):
    IndicatorFactory(board=cast.board, code="CS1.0", description="Re-referrals")
    IndicatorFactory(board=cast.board, code="CS2.0", description="Plans")
    response = found(as_user(cast.board_member), q="CS1.0")
    (group,) = response.context["groups"]
    assert [r.title for r in group["results"]] == ["CS1.0 Re-referrals"]


def test_an_empty_query_shows_the_box(cast, as_user):
    response = found(as_user(cast.lay_member), q="   ")
    page = response.content.decode()
    assert 'id="search-page-q"' in page
    assert "No results" not in page
    assert response.context["groups"] == []
    assert as_user(cast.lay_member).get(SEARCH).status_code == 200


def test_no_results_says_so(cast, records, as_user):
    page = found(as_user(cast.lay_member), q="zebra").content.decode()
    assert "No results for “zebra”" in page


@pytest.mark.parametrize(
    "q",
    ["x" * 5000, "kestrel " * 400, "'\"&|!():*<>\\", "-kestrel", "OR", '"a b', "\x00"],
)
def test_odd_input_never_fails(cast, records, as_user, q):
    response = as_user(cast.business_team).get(SEARCH, {"q": q})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert len(response.context["query"]) <= MAX_QUERY


def test_a_query_is_cut_to_its_cap():
    assert clean_query("  a   b  ") == "a b"
    assert len(clean_query("y" * 1000)) == MAX_QUERY
    assert clean_query(None) == ""


def test_a_source_shows_its_first_results_and_counts_the_rest(cast, as_user):
    for n in range(PER_SOURCE + 5):
        CourseFactory(board=cast.board, title=f"Kestrel course {n}")
    response = found(as_user(cast.lay_member))
    (group,) = response.context["groups"]
    assert group["total"] == PER_SOURCE + 5
    assert len(group["results"]) == PER_SOURCE
    assert group["more"] == 5
    assert "5 more match" in response.content.decode()


def test_anonymous_is_sent_to_sign_in(client, cast):
    response = client.get(SEARCH, {"q": "kestrel"})
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_results_are_not_kept_by_the_browser(cast, records, as_user):
    response = found(as_user(cast.business_team))
    assert "no-store" in response["Cache-Control"]


def test_the_header_holds_the_search_box_on_board_pages(cast, as_user):
    client = as_user(cast.lay_member)
    page = client.get("/boards/north/").content.decode()
    assert 'action="/boards/north/search/"' in page
    assert 'for="header-search-q"' in page
    assert 'id="header-search-q"' not in client.get("/accounts/").content.decode()


def test_matching_uses_the_databases_search(cast):
    """The one switch: full-text search on PostgreSQL, icontains elsewhere."""
    CourseFactory(board=cast.board, title="Neglect courses")
    from training.models import Course

    sql = str(matching(Course.objects.all(), ("title",), "neglect").query)
    if connection.vendor == "postgresql":
        assert "to_tsvector" in sql
    else:
        assert "LIKE" in sql.upper()
    assert matching(Course.objects.all(), ("title",), "neglect").count() == 1


def queries_for(client, q="kestrel") -> int:
    with CaptureQueriesContext(connection) as queries:
        found(client, q=q)
    return len(queries)


@pytest.mark.parametrize("role", ["business_team", "lay_member", "contributor_x"])
def test_query_budget_is_constant(cast, as_user, django_assert_max_num_queries, role):
    client = as_user(cast.user(role))
    make(cast.board)
    found(client)  # the session and the user's roles, once
    small = queries_for(client)
    for n in range(30):
        make(cast.board, prefix=f"More {n} ", child=f"Child K{n}")
    large = queries_for(client)
    assert large == small
    with django_assert_max_num_queries(30):
        found(client)
