"""The REST API's foundation, through the boards and subgroups read endpoints:
token authentication, board scoping, read-only tokens, throttling, pagination,
ordering, JSON errors and bounded queries."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from boards.api.defaults import TokenRateThrottle
from boards.models import Agency, ApiToken, Membership, Risk, Role
from subgroups.models import ReturnStatus, SubgroupKind
from tests.boards.factories import AgencyFactory, MembershipFactory
from tests.business_plan.factories import SubgroupFactory
from tests.subgroups.factories import PlanItemFactory, ReturnFactory

API = "/api/v1/"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """Throttle counts live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def issue(user, board, scope="read", expires_in=timedelta(days=1)):
    token, key = ApiToken.issue(
        user=user,
        board=board,
        name="Test token",
        scope=scope,
        expires_at=timezone.now() + expires_in,
        created_by=user,
    )
    return token, key


def risk(board, title):
    return Risk(
        board=board,
        title=title,
        owner="Business team",
        likelihood=2,
        impact=3,
        review_date="2017-01-01",
    )


def api_client(key) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


# Authentication ------------------------------------------------------------------


def test_a_valid_token_reads_its_board(cast):
    _, key = issue(cast.board_member, cast.board)
    response = api_client(key).get(f"{API}boards/")
    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == ["north"]


def test_no_credentials_is_a_json_401(cast, client):
    response = client.get(f"{API}agencies/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]
    assert response["WWW-Authenticate"] == "Token"


def test_a_wrong_secret_is_refused(cast):
    token, key = issue(cast.board_member, cast.board)
    response = api_client(f"{token.prefix}.not-the-secret").get(f"{API}agencies/")
    assert response.status_code == 401
    assert response.json() == {"detail": "The token is not valid."}


def test_an_unknown_prefix_is_refused(cast):
    _, key = issue(cast.board_member, cast.board)
    _, _, secret = key.partition(".")
    response = api_client(f"000000000000.{secret}").get(f"{API}agencies/")
    assert response.status_code == 401
    assert response.json() == {"detail": "The token is not valid."}


def test_a_key_without_a_value_is_refused(cast):
    response = Client(HTTP_AUTHORIZATION="Token").get(f"{API}agencies/")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_an_expired_token_is_refused(cast):
    _, key = issue(cast.board_member, cast.board, expires_in=timedelta(seconds=-1))
    response = api_client(key).get(f"{API}agencies/")
    assert response.status_code == 401
    assert response.json() == {"detail": "The token has expired or been revoked."}


def test_revocation_takes_effect_on_the_next_request(cast):
    token, key = issue(cast.board_member, cast.board)
    client = api_client(key)
    assert client.get(f"{API}agencies/").status_code == 200
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    response = client.get(f"{API}agencies/")
    assert response.status_code == 401
    assert response.json() == {"detail": "The token has expired or been revoked."}


def test_a_deactivated_user_token_is_refused(cast):
    _, key = issue(cast.board_member, cast.board)
    cast.board_member.is_active = False
    cast.board_member.save(update_fields=["is_active"])
    assert api_client(key).get(f"{API}agencies/").status_code == 401


def test_last_used_is_recorded(cast):
    token, key = issue(cast.board_member, cast.board)
    assert token.last_used_at is None
    before = timezone.now()
    assert api_client(key).get(f"{API}agencies/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None and token.last_used_at >= before


def test_bearer_is_accepted_as_well(cast):
    _, key = issue(cast.board_member, cast.board)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get(f"{API}agencies/").status_code == 200


# Board scoping -------------------------------------------------------------------


@pytest.fixture
def member_of_both(cast):
    """Someone with a role on both boards: a token still sees only its own."""
    membership = MembershipFactory(board=cast.board, role=Role.BOARD_MEMBER)
    MembershipFactory(user=membership.user, board=cast.other_board)
    return membership.user


def test_another_boards_record_is_a_json_404(cast, member_of_both):
    south_agency = AgencyFactory(board=cast.other_board)
    _, key = issue(member_of_both, cast.board)
    client = api_client(key)
    assert client.get(f"{API}agencies/{cast.agency_x.pk}/").status_code == 200
    response = client.get(f"{API}agencies/{south_agency.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_lists_hold_only_the_tokens_board(cast, member_of_both):
    AgencyFactory(board=cast.other_board)
    risk(cast.other_board, "South risk").save()
    north_risk = risk(cast.board, "North risk")
    north_risk.save()
    _, key = issue(member_of_both, cast.board)
    client = api_client(key)
    agencies = client.get(f"{API}agencies/").json()["results"]
    assert {a["id"] for a in agencies} == set(
        Agency.objects.filter(board=cast.board).values_list("pk", flat=True)
    )
    assert ids(client.get(f"{API}risks/")) == {north_risk.pk}
    boards = client.get(f"{API}boards/").json()["results"]
    assert [b["slug"] for b in boards] == ["north"]
    memberships = client.get(f"{API}memberships/").json()["results"]
    assert {m["id"] for m in memberships} == set(
        Membership.objects.filter(board=cast.board).values_list("pk", flat=True)
    )


def test_signed_in_the_user_sees_each_of_their_boards(cast, member_of_both, as_user):
    client = as_user(member_of_both)
    boards = client.get(f"{API}boards/").json()["results"]
    assert {b["slug"] for b in boards} == {"north", "south"}


def test_a_token_of_someone_who_has_left_the_board_is_forbidden(cast):
    _, key = issue(cast.contributor_x, cast.board)
    Membership.objects.filter(user=cast.contributor_x, board=cast.board).delete()
    response = api_client(key).get(f"{API}agencies/")
    assert response.status_code == 403
    assert response.json() == {"detail": "You no longer have a role on this board."}


def test_a_read_only_token_cannot_write(cast):
    _, key = issue(cast.business_team, cast.board, scope="read")
    response = api_client(key).post(
        f"{API}risks/", {"title": "New"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "This token is read-only."}


def test_a_write_token_still_cannot_write_a_read_only_endpoint(cast):
    _, key = issue(cast.business_team, cast.board, scope="write")
    response = api_client(key).post(
        f"{API}agencies/", {"name": "New"}, content_type="application/json"
    )
    assert response.status_code == 405
    assert not Agency.objects.filter(name="New").exists()


# Session authentication ----------------------------------------------------------


def test_the_browsable_api_works_signed_in(cast, as_user):
    client = as_user(cast.board_member)
    response = client.get(f"{API}agencies/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert cast.agency_x.name in response.content.decode()
    assert client.get(f"{API}agencies/").status_code == 200


def test_signed_in_someone_of_another_board_sees_none_of_this_one(cast, as_user):
    client = as_user(cast.other_board_member)
    assert client.get(f"{API}agencies/{cast.agency_x.pk}/").status_code == 404


# Throttling ----------------------------------------------------------------------


def test_too_many_requests_are_throttled(cast, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"api": "3/min"})
    _, key = issue(cast.board_member, cast.board)
    client = api_client(key)
    statuses = [client.get(f"{API}agencies/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get(f"{API}agencies/")
    assert response.status_code == 429
    assert "detail" in response.json()
    assert int(response["Retry-After"]) > 0


def test_throttling_counts_per_token(cast, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"api": "2/min"})
    _, first = issue(cast.board_member, cast.board)
    _, second = issue(cast.board_member, cast.board)
    for _ in range(2):
        assert api_client(first).get(f"{API}agencies/").status_code == 200
    assert api_client(first).get(f"{API}agencies/").status_code == 429
    assert api_client(second).get(f"{API}agencies/").status_code == 200


# Pagination and ordering ---------------------------------------------------------


def test_page_size_is_capped_at_200(cast):
    Agency.objects.bulk_create(
        Agency(board=cast.board, name=f"Agency {n:03d}") for n in range(210)
    )
    _, key = issue(cast.board_member, cast.board)
    client = api_client(key)
    body = client.get(f"{API}agencies/?page_size=500").json()
    assert body["count"] == 212
    assert len(body["results"]) == 200
    assert body["next"]
    assert len(client.get(f"{API}agencies/").json()["results"]) == 50
    assert len(client.get(f"{API}agencies/?page_size=10").json()["results"]) == 10


def test_ordering_uses_the_whitelist(cast):
    _, key = issue(cast.board_member, cast.board)
    client = api_client(key)

    def names(query):
        response = client.get(f"{API}agencies/{query}")
        assert response.status_code == 200
        return [a["name"] for a in response.json()["results"]]

    default = names("")
    assert names("?ordering=-name") == sorted(default, reverse=True)
    assert names("?ordering=name") == sorted(default)
    # Fields outside ordering_fields are refused, naming them: never a leak.
    for query, refused in [
        ("secret", "secret"),
        ("-board__api_tokens__secret_hash", "-board__api_tokens__secret_hash"),
        ("-name,board__name", "board__name"),
    ]:
        response = client.get(f"{API}agencies/?ordering={query}")
        assert response.status_code == 400
        assert refused in response.json()["ordering"][0]


def test_memberships_do_not_expose_email_addresses(cast):
    _, key = issue(cast.board_member, cast.board)
    response = api_client(key).get(f"{API}memberships/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "@" not in text
    assert cast.chair.email not in text
    for row in response.json()["results"]:
        assert "email" not in row and "user" not in row


# Subgroups -----------------------------------------------------------------------


@pytest.fixture
def subgroups(cast):
    chair = MembershipFactory(
        board=cast.board, role=Role.SUBGROUP_CHAIR, position="Head of Quality"
    )
    qa = SubgroupFactory(board=cast.board, name="Quality Assurance", chair=chair)
    cdop = SubgroupFactory(
        board=cast.board,
        name="Child Death Overview Panel",
        kind=SubgroupKind.PARTICULAR_INTEREST,
        parent=qa,
    )
    south = SubgroupFactory(board=cast.other_board, name="South Subgroup")
    return qa, cdop, south, chair.user


@pytest.fixture
def returns(subgroups, cast):
    qa, cdop, south, _ = subgroups
    return {
        "qa_draft": ReturnFactory(subgroup=qa, period="2016-17 Q4"),
        "qa_submitted": ReturnFactory(
            subgroup=qa,
            period="2016-17 Q3",
            status=ReturnStatus.SUBMITTED,
            submitted_at=timezone.now(),
            highlights="Audit done.",
            meetings_held=2,
        ),
        "cdop_draft": ReturnFactory(subgroup=cdop, period="2016-17 Q4"),
        "cdop_noted": ReturnFactory(
            subgroup=cdop, period="2016-17 Q2", status=ReturnStatus.NOTED
        ),
        "south": ReturnFactory(
            subgroup=south, period="2016-17 Q3", status=ReturnStatus.SUBMITTED
        ),
    }


def test_subgroups_list_with_chair_position_and_kind_filter(cast, subgroups):
    qa, cdop, _, _ = subgroups
    _, key = issue(cast.contributor_x, cast.board)
    client = api_client(key)
    rows = client.get(f"{API}subgroups/").json()["results"]
    assert rows == [
        {
            "id": cdop.pk,
            "name": "Child Death Overview Panel",
            "kind": "particular_interest",
            "parent": qa.pk,
            "chair_position": None,
            "active": True,
        },
        {
            "id": qa.pk,
            "name": "Quality Assurance",
            "kind": "subgroup",
            "parent": None,
            "chair_position": "Head of Quality",
            "active": True,
        },
    ]
    assert ids(client.get(f"{API}subgroups/?kind=subgroup")) == {qa.pk}
    assert client.get(f"{API}subgroups/?kind=nonsense").status_code == 400


@pytest.mark.parametrize(
    "who, sees_drafts_of",
    [
        ("contributor_x", set()),
        ("board_member", set()),
        ("business_team", {"qa_draft", "cdop_draft"}),
        ("chair", {"qa_draft", "cdop_draft"}),
        ("qa_chair", {"qa_draft"}),
    ],
)
def test_drafts_are_seen_only_by_those_who_may_enter_them(
    cast, subgroups, returns, who, sees_drafts_of
):
    user = subgroups[3] if who == "qa_chair" else cast.user(who)
    _, key = issue(user, cast.board)
    client = api_client(key)
    visible = {"qa_submitted", "cdop_noted"} | sees_drafts_of
    assert ids(client.get(f"{API}subgroup-returns/")) == {
        returns[name].pk for name in visible
    }
    for name in ("qa_draft", "cdop_draft"):
        response = client.get(f"{API}subgroup-returns/{returns[name].pk}/")
        assert response.status_code == (200 if name in sees_drafts_of else 404)
    assert (
        client.get(f"{API}subgroup-returns/{returns['south'].pk}/").status_code == 404
    )


def test_signed_in_drafts_follow_the_same_rule(cast, returns, as_user):
    client = as_user(cast.lay_member)
    assert ids(client.get(f"{API}subgroup-returns/")) == {
        returns["qa_submitted"].pk,
        returns["cdop_noted"].pk,
    }
    client = as_user(cast.business_team)
    assert returns["qa_draft"].pk in ids(client.get(f"{API}subgroup-returns/"))


def test_returns_filters_and_fields(cast, subgroups, returns):
    qa, cdop, _, _ = subgroups
    _, key = issue(cast.business_team, cast.board)
    client = api_client(key)
    assert ids(client.get(f"{API}subgroup-returns/?subgroup={qa.pk}")) == {
        returns["qa_draft"].pk,
        returns["qa_submitted"].pk,
    }
    assert ids(client.get(f"{API}subgroup-returns/?period=2016-17 Q4")) == {
        returns["qa_draft"].pk,
        returns["cdop_draft"].pk,
    }
    assert ids(client.get(f"{API}subgroup-returns/?status=noted")) == {
        returns["cdop_noted"].pk
    }
    row = client.get(f"{API}subgroup-returns/{returns['qa_submitted'].pk}/").json()
    assert set(row) == {
        "id",
        "subgroup",
        "period",
        "status",
        "highlights",
        "meetings_held",
        "exceptions",
        "risks",
        "submitted_at",
    }
    assert row["status"] == "submitted"
    assert row["highlights"] == "Audit done."
    assert row["meetings_held"] == 2
    assert row["subgroup"] == qa.pk


def test_a_contributor_cannot_filter_their_way_to_drafts(cast, returns):
    _, key = issue(cast.contributor_x, cast.board)
    response = api_client(key).get(f"{API}subgroup-returns/?status=draft")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_planner_items(cast, subgroups):
    qa = subgroups[0]
    item = PlanItemFactory(
        board=cast.board, what="Section 11 audit", subgroup=qa, frequency="annually"
    )
    other = PlanItemFactory(
        board=cast.board, what="Police report", producer="Constabulary", month=3
    )
    PlanItemFactory(board=cast.other_board, what="South report")
    _, key = issue(cast.contributor_x, cast.board)
    client = api_client(key)
    rows = client.get(f"{API}planner-items/").json()["results"]
    assert rows == [
        {
            "id": other.pk,
            "what": "Police report",
            "subgroup": None,
            "producer": "Constabulary",
            "frequency": "every_meeting",
            "month": 3,
            "destination": "board",
        },
        {
            "id": item.pk,
            "what": "Section 11 audit",
            "subgroup": qa.pk,
            "producer": "",
            "frequency": "annually",
            "month": None,
            "destination": "board",
        },
    ]
    assert ids(client.get(f"{API}planner-items/?subgroup={qa.pk}")) == {item.pk}


# Query budgets -------------------------------------------------------------------

SIZES = [5, 150]
# Token lookup, its last-used stamp, the user's roles, the count and the page (and,
# for returns, the subgroups and their members, who decide whose drafts the user
# may see).
BUDGETS = {"risks/": 5, "memberships/": 5, "subgroup-returns/": 7, "subgroups/": 5}


@pytest.fixture(params=SIZES)
def many_rows(request, cast):
    size = request.param
    Risk.objects.bulk_create(risk(cast.board, f"Risk {n}") for n in range(size))
    for _ in range(size // 5 + 1):
        MembershipFactory(
            board=cast.board, role=Role.BOARD_MEMBER, agency=cast.agency_x
        )
    chair = MembershipFactory(board=cast.board, role=Role.SUBGROUP_CHAIR)
    for _ in range(size // 5 + 1):
        group = SubgroupFactory(board=cast.board, chair=chair, vice_chair=chair)
        for period in ("2016-17 Q1", "2016-17 Q2", "2016-17 Q3", "2016-17 Q4"):
            ReturnFactory(subgroup=group, period=period, status=ReturnStatus.SUBMITTED)
    return size


@pytest.mark.parametrize("url", list(BUDGETS))
@pytest.mark.parametrize("who", ["business_team", "contributor_x"])
def test_list_endpoints_run_bounded_queries(
    many_rows, cast, url, who, django_assert_max_num_queries
):
    _, key = issue(cast.user(who), cast.board)
    client = api_client(key)
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(f"{API}{url}?page_size=200")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= many_rows // 5 + 1
    assert len(body["results"]) == min(body["count"], 200)
