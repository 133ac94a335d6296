"""The business plan API: board-scoped reads, progress updates appended by those
who may update the action, safe edits of an action's details."""

import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from boards.models import ApiToken
from business_plan.models import Action, ActionUpdate, PlanStatus, Rag
from business_plan.models import ref_sort_key as sort_key

from .factories import ActionFactory, PlanFactory, UpdateFactory, get_action

API = "/api/v1/"


def token_for(user, board, scope="write", expires_in=timedelta(days=1)):
    _, key = ApiToken.issue(
        user=user,
        board=board,
        name="Test token",
        scope=scope,
        expires_at=timezone.now() + expires_in,
        created_by=user,
    )
    return key


@pytest.fixture
def api(client, cast):
    """A request function with a token of the given user on the cast's board."""

    def call(user, method, url, data=None, scope="write", board=None, **headers):
        key = token_for(user, board or cast.board, scope=scope)
        return getattr(client, method)(
            url,
            data=data,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {key}",
            **headers,
        )

    return call


def new_update(action, **changes):
    body = {
        "action": action.pk,
        "date": "2017-03-31",
        "rag": "G",
        "narrative": "On track.",
    }
    return {**body, **changes}


# Reads


def test_actions_list_carries_current_rag_and_owners(api, cast, plan):
    action = get_action(plan, "1.1")
    UpdateFactory(action=action, date=date(2016, 9, 30), rag=Rag.AMBER)
    UpdateFactory(action=action, date=date(2016, 12, 31), rag="", narrative="")
    response = api(cast.board_member, "get", f"{API}actions/?plan={plan.pk}")
    assert response.status_code == 200
    rows = {row["ref"]: row for row in response.json()["results"]}
    assert list(rows) == ["1.1", "1.2", "1.10", "2.1"]
    assert rows["1.1"]["current_rag"] == "A"
    assert rows["1.1"]["owners"] == "Northshire Constabulary"
    assert rows["1.1"]["owner_agencies"] == [cast.agency_x.pk]
    assert rows["1.1"]["when_text"] == "Jul-17"
    assert rows["1.1"]["due_date"] == "2017-07-31"
    assert rows["1.1"]["version"] == 1
    assert rows["1.2"]["current_rag"] == ""


def test_actions_filter_by_rag_theme_and_subgroup(api, cast, plan, subgroup):
    UpdateFactory(action=get_action(plan, "2.1"), rag=Rag.RED, narrative="Late.")
    theme_2 = plan.themes.get(number=2)

    def refs(query):
        response = api(cast.board_member, "get", f"{API}actions/?{query}")
        assert response.status_code == 200
        return [row["ref"] for row in response.json()["results"]]

    assert refs("rag=R") == ["2.1"]
    assert refs("rag=none") == ["1.1", "1.2", "1.10"]
    assert refs(f"theme={theme_2.pk}") == ["2.1"]
    assert refs(f"subgroup={subgroup.pk}") == ["1.2", "2.1"]


def test_actions_filter_refuses_another_boards_theme(api, cast, plan):
    other_action = ActionFactory(plan=PlanFactory(board=cast.other_board))
    response = api(
        cast.board_member, "get", f"{API}actions/?theme={other_action.theme_id}"
    )
    assert response.status_code == 400
    assert "theme" in response.json()


def test_another_boards_action_is_not_found(api, cast, plan):
    other_action = ActionFactory(plan=PlanFactory(board=cast.other_board))
    UpdateFactory(action=other_action)
    assert (
        api(cast.board_member, "get", f"{API}actions/{other_action.pk}/").status_code
        == 404
    )
    listed = api(cast.board_member, "get", f"{API}actions/").json()
    assert other_action.pk not in [row["id"] for row in listed["results"]]
    updates = api(cast.board_member, "get", f"{API}action-updates/").json()
    assert updates["count"] == 0
    # The other board's member reads their board and not ours.
    theirs = api(
        cast.other_board_member,
        "get",
        f"{API}actions/{get_action(plan, '1.1').pk}/",
        board=cast.other_board,
    )
    assert theirs.status_code == 404


def test_plans_and_themes_are_scoped_and_filtered(api, cast, plan):
    PlanFactory(board=cast.board, first_year=2019, last_year=2022, status="draft")
    PlanFactory(board=cast.other_board)
    plans = api(cast.lay_member, "get", f"{API}plans/?ordering=first_year").json()
    assert [p["slug"] for p in plans["results"]] == ["2016-19", "2019-22"]
    drafts = api(cast.lay_member, "get", f"{API}plans/?status=draft").json()
    assert [p["slug"] for p in drafts["results"]] == ["2019-22"]
    themes = api(cast.lay_member, "get", f"{API}themes/?plan={plan.pk}").json()
    assert [t["number"] for t in themes["results"]] == [1, 2]


def test_action_updates_filter_by_action_rag_and_dates(api, cast, plan):
    first, second = get_action(plan, "1.1"), get_action(plan, "1.2")
    UpdateFactory(action=first, date=date(2016, 6, 30), rag=Rag.GREEN)
    UpdateFactory(action=first, date=date(2016, 12, 31), rag=Rag.RED, narrative="x")
    UpdateFactory(action=second, date=date(2017, 3, 31), rag=Rag.GREEN)

    def dates(query):
        response = api(cast.board_member, "get", f"{API}action-updates/?{query}")
        assert response.status_code == 200
        return [row["date"] for row in response.json()["results"]]

    assert dates(f"action={first.pk}") == ["2016-12-31", "2016-06-30"]
    assert dates("rag=G") == ["2017-03-31", "2016-06-30"]
    assert dates("date_after=2016-07-01&date_before=2016-12-31") == ["2016-12-31"]
    assert dates(f"plan={plan.pk}&ordering=date") == [
        "2016-06-30",
        "2016-12-31",
        "2017-03-31",
    ]


# Recording updates


def test_read_only_token_cannot_post(api, cast, plan):
    response = api(
        cast.business_team,
        "post",
        f"{API}action-updates/",
        new_update(get_action(plan, "1.1")),
        scope="read",
    )
    assert response.status_code == 403
    assert not ActionUpdate.objects.exists()


@pytest.mark.parametrize(
    ("user", "ref", "expected"),
    [
        ("contributor_x", "1.1", 201),  # agency X owns 1.1
        ("contributor_y", "1.1", 403),
        ("contributor_x", "1.2", 403),  # owned by the subgroup
        ("business_team", "1.10", 201),
        ("chair", "2.1", 201),
        ("board_member", "1.1", 403),
        ("lay_member", "1.1", 403),
    ],
)
def test_who_may_post_an_update(api, cast, plan, user, ref, expected):
    action = get_action(plan, ref)
    response = api(cast.user(user), "post", f"{API}action-updates/", new_update(action))
    assert response.status_code == expected, response.json()
    assert ActionUpdate.objects.filter(action=action).count() == (expected == 201)


def test_subgroup_chair_may_post_on_their_subgroups_action(api, plan, subgroup_chair):
    mine = api(
        subgroup_chair,
        "post",
        f"{API}action-updates/",
        new_update(get_action(plan, "1.2")),
    )
    assert mine.status_code == 201
    theirs = api(
        subgroup_chair,
        "post",
        f"{API}action-updates/",
        new_update(get_action(plan, "1.1")),
    )
    assert theirs.status_code == 403


def test_posted_update_is_recorded_with_its_author(api, cast, plan, subgroup):
    action = get_action(plan, "1.1")
    response = api(
        cast.contributor_x,
        "post",
        f"{API}action-updates/",
        new_update(action, rag="A", narrative=" Slipping. ", subgroup=subgroup.pk),
    )
    assert response.status_code == 201
    body = response.json()
    assert body["quarter"] == "2016-17 Q4"
    assert body["narrative"] == "Slipping."
    assert body["author_name"] == cast.contributor_x.full_name
    update = ActionUpdate.objects.get(pk=body["id"])
    assert (update.author, update.subgroup, update.rag) == (
        cast.contributor_x,
        subgroup,
        "A",
    )


def test_cannot_post_on_another_boards_action(api, cast):
    other_action = ActionFactory(plan=PlanFactory(board=cast.other_board))
    response = api(
        cast.business_team, "post", f"{API}action-updates/", new_update(other_action)
    )
    assert response.status_code == 400
    assert "action" in response.json()
    assert not ActionUpdate.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rag": "X"}, "rag"),
        ({"date": "2019-04-01"}, "date"),
        ({"date": "2016-03-31"}, "date"),
        ({"rag": "R", "narrative": "  "}, "narrative"),
        ({"rag": "A", "narrative": ""}, "narrative"),
        ({"date": "not a date"}, "date"),
    ],
)
def test_invalid_update_is_refused_with_field_messages(api, cast, plan, changes, field):
    action = get_action(plan, "1.1")
    response = api(
        cast.business_team,
        "post",
        f"{API}action-updates/",
        new_update(action, **changes),
    )
    assert response.status_code == 400
    assert field in response.json()
    assert isinstance(response.json()[field][0], str)
    assert not ActionUpdate.objects.exists()


def test_blank_rag_means_no_update_required(api, cast, plan):
    action = get_action(plan, "1.1")
    response = api(
        cast.business_team,
        "post",
        f"{API}action-updates/",
        new_update(action, rag="", narrative=""),
    )
    assert response.status_code == 201
    assert response.json()["rag"] == ""


def test_closed_plan_refuses_updates(api, cast, plan):
    plan.status = PlanStatus.CLOSED
    plan.save()
    response = api(
        cast.business_team,
        "post",
        f"{API}action-updates/",
        new_update(get_action(plan, "1.1")),
    )
    assert response.status_code == 400
    assert "is closed" in response.json()["detail"][0]


def test_idempotency_key_retry_creates_one_update(client, cast, plan):
    key = token_for(cast.contributor_x, cast.board)
    body = new_update(get_action(plan, "1.1"))

    def post():
        return client.post(
            f"{API}action-updates/",
            data=body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {key}",
            HTTP_IDEMPOTENCY_KEY="q4-1.1",
        )

    first, retry = post(), post()
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry["Idempotent-Replayed"] == "true"
    assert ActionUpdate.objects.count() == 1


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_updates_are_append_only(api, cast, plan, method):
    update = UpdateFactory(action=get_action(plan, "1.1"))
    response = api(
        cast.business_team,
        method,
        f"{API}action-updates/{update.pk}/",
        {"narrative": "Rewritten."},
    )
    assert response.status_code == 405
    update.refresh_from_db()
    assert update.narrative == "On track."


# Editing an action's details


def test_business_team_patches_action_with_version(api, cast, plan):
    action = get_action(plan, "1.1")
    response = api(
        cast.business_team,
        "patch",
        f"{API}actions/{action.pk}/",
        {"version": 1, "text": "Review the membership", "when_text": "Sep-17"},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    assert response.json()["due_date"] == "2017-09-30"
    assert response["ETag"] == '"v2"'
    action.refresh_from_db()
    assert action.text == "Review the membership"
    last = action.history.first()
    assert last.history_user == cast.business_team
    assert "Test token" in last.history_change_reason


def test_patch_changes_owners_within_the_board(api, cast, plan, subgroup):
    action = get_action(plan, "1.10")
    response = api(
        cast.chair,
        "patch",
        f"{API}actions/{action.pk}/",
        {"version": 1, "owner_agencies": [cast.agency_y.pk]},
    )
    assert response.status_code == 200
    assert response.json()["owner_agencies"] == [cast.agency_y.pk]
    foreign = PlanFactory(board=cast.other_board)
    other_theme = ActionFactory(plan=foreign).theme
    refused = api(
        cast.chair,
        "patch",
        f"{API}actions/{action.pk}/",
        {"version": 2, "theme": other_theme.pk},
    )
    assert refused.status_code == 400
    assert "theme" in refused.json()


def test_stale_version_in_body_is_409(api, cast, plan):
    action = get_action(plan, "1.1")
    url = f"{API}actions/{action.pk}/"
    assert (
        api(cast.business_team, "patch", url, {"version": 1, "text": "A"}).status_code
        == 200
    )
    stale = api(cast.business_team, "patch", url, {"version": 1, "text": "B"})
    assert stale.status_code == 409
    assert "changed by" in stale.json()["detail"]
    action.refresh_from_db()
    assert (action.text, action.version) == ("A", 2)


def test_every_history_record_of_a_patch_names_the_token(api, cast, plan):
    action = get_action(plan, "1.10")
    before = action.history.count()
    response = api(
        cast.chair,
        "patch",
        f"{API}actions/{action.pk}/",
        {"version": 1, "text": "Changed", "owner_agencies": [cast.agency_y.pk]},
    )
    assert response.status_code == 200
    written = list(action.history.all()[: action.history.count() - before])
    assert written
    assert all("Test token" in h.history_change_reason for h in written)


def test_patch_without_version_is_400(api, cast, plan):
    action = get_action(plan, "1.1")
    response = api(
        cast.business_team, "patch", f"{API}actions/{action.pk}/", {"text": "A"}
    )
    assert response.status_code == 400
    assert "version" in response.json()


def test_if_match_guards_the_edit(api, cast, plan):
    action = get_action(plan, "1.1")
    url = f"{API}actions/{action.pk}/"
    etag = api(cast.business_team, "get", url)["ETag"]
    assert etag == '"v1"'
    good = api(cast.business_team, "patch", url, {"text": "A"}, HTTP_IF_MATCH=etag)
    assert good.status_code == 200
    assert good.json()["version"] == 2
    stale = api(cast.business_team, "patch", url, {"text": "B"}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    action.refresh_from_db()
    assert (action.text, action.version) == ("A", 2)


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("business_team", 200),
        ("chair", 200),
        ("contributor_x", 403),
        ("board_member", 403),
        ("lay_member", 403),
    ],
)
def test_who_may_patch_an_action(api, cast, plan, user, expected):
    action = get_action(plan, "1.1")
    response = api(
        cast.user(user),
        "patch",
        f"{API}actions/{action.pk}/",
        {"version": 1, "text": "A"},
    )
    assert response.status_code == expected
    action.refresh_from_db()
    assert action.version == (2 if expected == 200 else 1)


def test_patch_on_closed_plan_is_400(api, cast, plan):
    plan.status = PlanStatus.CLOSED
    plan.save()
    action = get_action(plan, "1.1")
    response = api(
        cast.business_team,
        "patch",
        f"{API}actions/{action.pk}/",
        {"version": 1, "text": "A"},
    )
    assert response.status_code == 400
    assert "is closed" in response.json()["detail"][0]


def test_actions_cannot_be_put_or_deleted(api, cast, plan):
    url = f"{API}actions/{get_action(plan, '1.1').pk}/"
    assert api(cast.business_team, "put", url, {"version": 1}).status_code == 405
    assert api(cast.business_team, "delete", url).status_code == 405
    assert api(cast.business_team, "post", f"{API}actions/", {}).status_code == 405


# Authentication


def test_expired_and_revoked_tokens_are_401(client, cast, plan):
    expired = token_for(cast.business_team, cast.board, expires_in=timedelta(days=-1))
    assert (
        client.get(f"{API}actions/", HTTP_AUTHORIZATION=f"Token {expired}").status_code
        == 401
    )
    token, key = ApiToken.issue(
        user=cast.business_team,
        board=cast.board,
        name="Revoked",
        scope="write",
        expires_at=timezone.now() + timedelta(days=1),
        created_by=cast.business_team,
    )
    token.revoked_at = timezone.now()
    token.save()
    response = client.post(
        f"{API}action-updates/",
        data=new_update(get_action(plan, "1.1")),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 401
    assert not ActionUpdate.objects.exists()


@pytest.mark.parametrize("path", ["plans/", "themes/", "actions/", "action-updates/"])
def test_anonymous_is_refused(client, plan, path):
    assert client.get(f"{API}{path}").status_code in (401, 403)


def test_anonymous_cannot_post(client, plan):
    response = client.post(
        f"{API}action-updates/",
        data=new_update(get_action(plan, "1.1")),
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    assert not ActionUpdate.objects.exists()


def test_signed_in_user_may_post_without_a_token(as_user, cast, plan):
    response = as_user(cast.contributor_x).post(
        f"{API}action-updates/",
        data=new_update(get_action(plan, "1.1")),
        content_type="application/json",
    )
    assert response.status_code == 201


# Query budgets


def add_actions(plan, subgroup, agency, size):
    theme = plan.themes.first()
    refs = [f"1.{n}" for n in range(100, 100 + size)]
    actions = Action.objects.bulk_create(
        Action(plan=plan, theme=theme, ref=ref, sort_key=sort_key(ref), text=ref)
        for ref in refs
    )
    Action.owner_subgroups.through.objects.bulk_create(
        Action.owner_subgroups.through(action=a, subgroup=subgroup) for a in actions
    )
    Action.owner_agencies.through.objects.bulk_create(
        Action.owner_agencies.through(action=a, agency=agency) for a in actions
    )
    ActionUpdate.objects.bulk_create(
        ActionUpdate(
            action=a, date=date(2016, 12, 31), quarter="2016-17 Q3", rag=Rag.GREEN
        )
        for a in actions
    )


@pytest.mark.parametrize("path", ["actions/", "action-updates/", "plans/", "themes/"])
def test_list_queries_do_not_grow_with_the_data(
    client, cast, plan, subgroup, django_assert_max_num_queries, path
):
    key = token_for(cast.board_member, cast.board, scope="read")
    url = f"{API}{path}?page_size=200"

    def count(size):
        add_actions(plan, subgroup, cast.agency_x, size)
        client.get(url, HTTP_AUTHORIZATION=f"Token {key}")  # marks the token used
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, HTTP_AUTHORIZATION=f"Token {key}")
        assert response.status_code == 200
        Action.objects.filter(ref__startswith="1.1", ref__regex=r"^1\.1\d\d$").delete()
        return len(queries)

    small = count(5)
    large = count(50)
    assert small == large
    with django_assert_max_num_queries(8):
        client.get(url, HTTP_AUTHORIZATION=f"Token {key}")


# Schema


def test_schema_generates_without_warnings(tmp_path):
    call_command(
        "spectacular",
        "--fail-on-warn",
        "--validate",
        "--file",
        str(tmp_path / "schema.yml"),
    )
    assert "/api/v1/action-updates/" in (tmp_path / "schema.yml").read_text()


def test_schema_declares_the_shared_write_headers(tmp_path):
    """If-Match and Idempotency-Key come from the shared API base's mixins, on
    every versioned PATCH and idempotent POST."""
    out = tmp_path / "schema.json"
    call_command("spectacular", "--format", "openapi-json", "--file", str(out))
    paths = json.loads(out.read_text())["paths"]

    def headers(path, method):
        parameters = paths[f"/api/v1/{path}"][method].get("parameters", [])
        return {p["name"] for p in parameters if p["in"] == "header"}

    for path in ("actions/{id}/", "measurements/{id}/"):
        assert "If-Match" in headers(path, "patch")
    for path in ("action-updates/", "measurements/", "measurements/bulk/"):
        assert "Idempotency-Key" in headers(path, "post")


def test_an_update_posted_through_the_api_names_its_token(client, cast, plan):
    key = token_for(cast.contributor_x, cast.board)
    response = client.post(
        f"{API}action-updates/",
        data=new_update(get_action(plan, "1.1")),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 201
    update = ActionUpdate.objects.get()
    assert update.author == cast.contributor_x
    assert update.entered_via.startswith("API token “Test token”")
