"""The API token pages: the business team and chair issue tokens (the key shown
once, only its hash kept) and revoke them."""

import hashlib
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from boards.models import ApiToken, Membership
from tests import lists

TOKENS = "/boards/north/api-tokens/"
NEW = TOKENS + "new/"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    cache.clear()
    yield
    cache.clear()


def form_data(cast, **changes):
    data = {
        "name": "Constabulary performance upload",
        "member": Membership.objects.get(user=cast.contributor_x, board=cast.board).pk,
        "scope": "read",
        "expires_on": (timezone.localdate() + timedelta(days=90)).isoformat(),
    }
    return {**data, **changes}


def issue_through_the_page(client, cast, **changes):
    response = client.post(NEW, form_data(cast, **changes))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("url", [TOKENS, NEW])
@pytest.mark.parametrize(
    "who, status",
    [
        ("business_team", 200),
        ("chair", 200),
        ("board_member", 403),
        ("lay_member", 403),
        ("contributor_x", 403),
        ("other_board_member", 404),
    ],
)
def test_who_may_open_the_token_pages(cast, as_user, url, who, status):
    assert as_user(cast.user(who)).get(url).status_code == status


@pytest.mark.parametrize("url", [TOKENS, NEW])
def test_anonymous_is_sent_to_sign_in(cast, client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


@pytest.mark.parametrize("who", ["board_member", "contributor_x"])
def test_others_cannot_issue_or_revoke(cast, as_user, who):
    token, _ = ApiToken.issue(
        user=cast.contributor_x,
        board=cast.board,
        name="t",
        scope="read",
        expires_at=timezone.now() + timedelta(days=1),
        created_by=cast.business_team,
    )
    client = as_user(cast.user(who))
    assert client.post(NEW, form_data(cast)).status_code == 403
    assert client.post(TOKENS, {"revoke": token.pk}).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None
    assert ApiToken.objects.count() == 1


def test_issuing_shows_the_key_once_and_stores_only_its_hash(cast, as_user):
    client = as_user(cast.business_team)
    response = issue_through_the_page(client, cast)
    key = response.context["key"]
    prefix, _, secret = key.partition(".")
    assert key in response.content.decode()

    token = ApiToken.objects.get()
    assert token.prefix == prefix
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in token.secret_hash
    assert token.user == cast.contributor_x
    assert token.board == cast.board
    assert token.scope == "read"
    assert token.created_by == cast.business_team
    assert timezone.localtime(
        token.expires_at
    ).date() == timezone.localdate() + timedelta(days=90)

    listing = client.get(TOKENS).content.decode()
    assert "Constabulary performance upload" in listing
    assert prefix in listing
    assert secret not in listing
    # Opening the issue form again does not show it either.
    assert secret not in client.get(NEW).content.decode()


def test_the_issued_token_works_and_revoking_stops_it_at_once(cast, as_user):
    client = as_user(cast.chair)
    key = issue_through_the_page(client, cast).context["key"]
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get("/api/v1/boards/")
    assert response.status_code == 200
    assert [b["slug"] for b in response.json()["results"]] == ["north"]

    token = ApiToken.objects.get()
    response = client.post(TOKENS, {"revoke": token.pk}, follow=True)
    assert response.redirect_chain[-1][0] == TOKENS
    assert "revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Revoked" in response.content.decode()

    response = api.get("/api/v1/boards/")
    assert response.status_code == 401
    assert response.json() == {"detail": "The token has expired or been revoked."}


def test_a_read_write_token_is_issued_with_that_scope(cast, as_user):
    client = as_user(cast.business_team)
    issue_through_the_page(client, cast, scope="write")
    assert ApiToken.objects.get().can_write


def test_another_boards_token_cannot_be_revoked_from_here(cast, as_user):
    south, _ = ApiToken.issue(
        user=cast.other_board_member,
        board=cast.other_board,
        name="south",
        scope="read",
        expires_at=timezone.now() + timedelta(days=1),
        created_by=cast.other_board_member,
    )
    client = as_user(cast.business_team)
    assert client.post(TOKENS, {"revoke": south.pk}).status_code == 404
    south.refresh_from_db()
    assert south.revoked_at is None


@pytest.mark.parametrize(
    "days, message",
    [
        (-1, "The expiry date must be in the future"),
        (0, "The expiry date must be in the future"),
        (732, "A token can last two years at most"),
        (2000, "A token can last two years at most"),
    ],
)
def test_an_expiry_outside_two_years_is_refused(cast, as_user, days, message):
    client = as_user(cast.business_team)
    day = timezone.localdate() + timedelta(days=days)
    response = client.post(NEW, form_data(cast, expires_on=day.isoformat()))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "key" not in response.context
    assert not ApiToken.objects.exists()


def test_two_years_ahead_is_allowed(cast, as_user):
    client = as_user(cast.business_team)
    day = timezone.localdate() + timedelta(days=731)
    issue_through_the_page(client, cast, expires_on=day.isoformat())
    assert timezone.localtime(ApiToken.objects.get().expires_at).date() == day


def test_the_member_must_be_of_this_board(cast, as_user):
    client = as_user(cast.business_team)
    south = Membership.objects.get(user=cast.other_board_member)
    response = client.post(NEW, form_data(cast, member=south.pk))
    assert response.status_code == 200
    assert "key" not in response.context
    assert not ApiToken.objects.exists()


# The list component ----------------------------------------------------------------


def issue(cast, name, days, who="contributor_x"):
    token, _ = ApiToken.issue(
        user=cast.user(who),
        board=cast.board,
        name=name,
        scope="read",
        expires_at=timezone.now() + timedelta(days=days),
        created_by=cast.business_team,
    )
    return token


@pytest.fixture
def tokens(cast):
    issue(cast, "Police upload", 30)
    issue(cast, "Health upload", 300, who="contributor_y")
    revoked = issue(cast, "Old upload", 90)
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())


def test_tokens_sort_and_ignore_unknown_keys(cast, as_user, tokens):
    client = as_user(cast.business_team)
    ascending = lists.assert_sorts(client, TOKENS, "expires")
    assert [row[0].split(" (")[0] for row in ascending] == [
        "Police upload",
        "Old upload",
        "Health upload",
    ]
    lists.assert_sorts(client, TOKENS, "token")


def test_tokens_export_every_row(cast, as_user, tokens, monkeypatch):
    from boards.views.tokens import TokenListView

    monkeypatch.setattr(TokenListView, "page_size", 2)
    rows = lists.assert_exports(as_user(cast.business_team), TOKENS, {"sort": "token"})
    assert [row[-1] for row in rows] == ["Active", "Revoked", "Active"]
    assert "Never" in rows[0]


def test_exported_token_names_are_neutralised(cast, as_user):
    issue(cast, "=HYPERLINK(x)", 30)
    rows = lists.export(as_user(cast.business_team), TOKENS, "xlsx")
    assert rows[1][0].startswith("'=HYPERLINK(x) (")


@pytest.mark.parametrize("who", ["board_member", "lay_member", "contributor_x"])
def test_only_token_managers_export_the_list(cast, as_user, tokens, who):
    client = as_user(cast.user(who))
    for kind in ("csv", "xlsx"):
        assert client.get(TOKENS, {"export": kind}).status_code == 403


@pytest.mark.parametrize("size", [2, 30])
def test_token_list_and_export_run_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    for n in range(size):
        issue(cast, f"Token {n}", n + 1, who=("contributor_x", "contributor_y")[n % 2])
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(7):
        assert client.get(TOKENS).status_code == 200
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(5):
            assert client.get(TOKENS, {"export": kind}).status_code == 200
