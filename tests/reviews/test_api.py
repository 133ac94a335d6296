"""The reviews API through tokens: case reviews only for the restricted roles
(an empty list and a 404 for everyone else), each review returned logged in the
view log; action items scoped by role, an agency recording progress on its own
items (versioned, idempotent, refused in words); learning themes for the board;
no child death data anywhere; bounded queries at two sizes."""

import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from boards.models import ApiToken, Membership, RecordView
from reviews.models import (
    ActionItem,
    ActionItemUpdate,
    CaseReview,
    ItemStatus,
    NationalComparison,
    ReviewType,
    Stage,
)
from reviews.models import CdopRecommendation as Recommendation
from tests.boards.factories import AgencyFactory
from tests.boards.test_api_list_filters import ENDPOINTS

from .factories import (
    ActionItemFactory,
    CaseReviewFactory,
    ChildDeathFactory,
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
    review_groups,
)

API = "/api/v1/"
REVIEWS = f"{API}reviews/"
ITEMS = f"{API}review-action-items/"
THEMES = f"{API}learning-themes/"


def key_for(user, board, scope="write") -> str:
    _, key = ApiToken.issue(
        user=user,
        board=board,
        name="Case system",
        scope=scope,
        expires_at=timezone.now() + timedelta(days=1),
        created_by=user,
    )
    return key


@pytest.fixture
def api(client):
    """A client holding a token of `user` on `board` (the cast's by default)."""

    def with_token(user, board=None, *, scope="write"):
        board = board or user.memberships.first().board
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key_for(user, board, scope)}"
        return client

    return with_token


@pytest.fixture
def group_member(cast):
    """The board member, sitting on the Case Review Group."""
    settings = review_groups(cast.board)
    settings.case_review_group.members.add(
        Membership.objects.get(user=cast.board_member, board=cast.board)
    )
    return cast.board_member


@pytest.fixture
def reviews(cast):
    """A published SCR with a themed lesson, and an LCSPR still in progress."""
    neglect = LearningThemeFactory(board=cast.board, name="Neglect", slug="neglect")
    published = PublishedReviewFactory(board=cast.board, child_reference="Child N")
    LessonFactory(
        review=published, number=1, title="Share information", themes=[neglect]
    )
    ongoing = CaseReviewFactory(
        board=cast.board,
        child_reference="Child Q",
        review_type=ReviewType.LCSPR,
        stage=Stage.IN_PROGRESS,
    )
    return published, ongoing


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def post(client, url, body, **headers):
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, raw, content_type="application/json", **headers)


# Reviews: restricted -----------------------------------------------------------


@pytest.mark.parametrize(
    "who, sees",
    [
        ("business_team", True),
        ("chair", True),
        ("group_member", True),
        ("board_member", False),
        ("lay_member", False),
        ("contributor_x", False),
    ],
)
def test_only_the_restricted_roles_see_reviews(cast, api, reviews, request, who, sees):
    if who == "group_member":
        user = request.getfixturevalue("group_member")
    else:
        user = cast.user(who)
    client = api(user, cast.board, scope="read")
    published, ongoing = reviews
    expected = {published.pk, ongoing.pk} if sees else set()
    assert set(ids(client.get(REVIEWS))) == expected
    for review in reviews:
        response = client.get(f"{REVIEWS}{review.pk}/")
        assert response.status_code == (200 if sees else 404)


def test_a_review_of_another_board_is_not_found(cast, api, reviews):
    other = CaseReviewFactory(board=cast.other_board, child_reference="Child Z")
    client = api(cast.business_team, cast.board)
    assert other.pk not in ids(client.get(REVIEWS))
    assert client.get(f"{REVIEWS}{other.pk}/").status_code == 404


def test_a_review_is_sent_with_its_lessons_lifecycle_and_due_dates(cast, api):
    review = CaseReviewFactory(
        board=cast.board,
        child_reference="Child R",
        review_type=ReviewType.RAPID,
        # Friday 6 January 2017: five working days on is Friday 13 January.
        incident_known_on=date(2017, 1, 6),
        panel_notified_on=date(2017, 1, 16),
    )
    review.events.create(
        kind="stage", date=date(2017, 1, 6), to_stage=Stage.REFERRED, by=cast.chair
    )
    theme = LearningThemeFactory(board=cast.board, name="Neglect", slug="neglect")
    LessonFactory(review=review, number=2, title="Ask", text="Ask.", themes=[theme])
    client = api(cast.business_team)
    body = client.get(f"{REVIEWS}{review.pk}/").json()
    assert body["child_reference"] == "Child R"
    assert body["notification_due"] == "2017-01-13"
    assert body["notification_late"] is True
    # 15 working days after Monday 16 January 2017.
    assert body["rapid_review_due"] == "2017-02-06"
    assert body["rapid_review_late"] is True  # never sent, and long past
    assert body["lessons"] == [
        {"number": 2, "title": "Ask", "text": "Ask.", "themes": ["neglect"]}
    ]
    assert [(e["kind"], e["to_stage"], e["by_name"]) for e in body["events"]] == [
        ("stage", "referred", cast.chair.full_name)
    ]
    assert body["version"] == review.version


def test_reviews_filter_by_type_stage_legacy_and_publication(cast, api, reviews):
    published, ongoing = reviews
    legacy = CaseReviewFactory(board=cast.board, legacy=True)
    client = api(cast.business_team)

    def found(**query):
        return set(ids(client.get(REVIEWS, query)))

    assert found(review_type="lcspr") == {ongoing.pk}
    assert found(stage="published") == {published.pk}
    assert found(legacy="true") == {legacy.pk}
    assert found(legacy="false") == {published.pk, ongoing.pk}
    assert found(published="true") == {published.pk}
    assert found(published="false") == {ongoing.pk, legacy.pk}
    for bad in ({"published": "yes"}, {"stage": "done"}, {"ordering": "story"}):
        response = client.get(REVIEWS, bad)
        assert response.status_code == 400
        assert set(bad) <= set(response.json())
    ordered = ids(client.get(REVIEWS, {"ordering": "child_reference"}))
    assert ordered == list(
        CaseReview.objects.order_by("child_reference").values_list("pk", flat=True)
    )


# The view log --------------------------------------------------------------------


def test_every_review_listed_or_retrieved_is_logged_per_call(cast, api, reviews):
    published, ongoing = reviews
    client = api(cast.business_team)
    client.get(REVIEWS)
    listed = RecordView.objects.filter(via=f"API GET {REVIEWS}")
    assert {v.record_id for v in listed} == {published.pk, ongoing.pk}
    assert {v.user for v in listed} == {cast.business_team}
    assert {v.board for v in listed} == {cast.board}
    client.get(f"{REVIEWS}{ongoing.pk}/")
    one = RecordView.objects.get(via=f"API GET {REVIEWS}{ongoing.pk}/")
    assert (one.record, one.record_label) == (ongoing, str(ongoing))
    client.get(REVIEWS)
    assert RecordView.objects.count() == 5  # each call logs again


def test_nothing_is_logged_for_those_who_see_no_review(cast, api, reviews):
    client = api(cast.board_member)
    client.get(REVIEWS)
    client.get(f"{REVIEWS}{reviews[0].pk}/")
    assert not RecordView.objects.exists()


def test_a_filtered_list_logs_only_what_it_returns(cast, api, reviews):
    published, _ = reviews
    api(cast.chair).get(REVIEWS, {"published": "true"})
    assert list(RecordView.objects.values_list("record_id", flat=True)) == [
        published.pk
    ]


# Action items: who sees which --------------------------------------------------


@pytest.fixture
def items(cast, reviews):
    """Agency X's and Y's items on the published review, and agency X's item on
    the review still in progress."""
    published, ongoing = reviews
    return {
        "x_published": ActionItemFactory(
            review=published, number=1, owner_agency=cast.agency_x
        ),
        "y_published": ActionItemFactory(
            review=published, number=2, owner_agency=cast.agency_y
        ),
        "x_ongoing": ActionItemFactory(
            review=ongoing, number=1, owner_agency=cast.agency_x
        ),
    }


@pytest.mark.parametrize(
    "who, sees",
    [
        ("business_team", {"x_published", "y_published", "x_ongoing"}),
        ("chair", {"x_published", "y_published", "x_ongoing"}),
        ("board_member", {"x_published", "y_published"}),
        ("lay_member", {"x_published", "y_published"}),
        ("contributor_x", {"x_published", "x_ongoing"}),
        ("contributor_y", {"y_published"}),
    ],
)
def test_each_role_sees_only_the_items_it_may(cast, api, items, who, sees):
    client = api(cast.user(who), scope="read")
    assert set(ids(client.get(ITEMS))) == {items[name].pk for name in sees}
    for name, item in items.items():
        response = client.get(f"{ITEMS}{item.pk}/")
        assert response.status_code == (200 if name in sees else 404), name


def test_another_boards_token_sees_no_item(cast, api, items):
    client = api(cast.other_board_member, cast.other_board)
    assert ids(client.get(ITEMS)) == []
    assert client.get(f"{ITEMS}{items['x_published'].pk}/").status_code == 404


def test_an_item_is_sent_with_its_review_lessons_and_plan_action(cast, api, items):
    from tests.business_plan.factories import ActionFactory

    item = items["x_published"]
    lesson = item.review.lessons.get()
    plan_action = ActionFactory(plan__board=cast.board)
    item.lessons.set([lesson])
    ActionItem.objects.filter(pk=item.pk).update(business_plan_action=plan_action)
    body = api(cast.contributor_x).get(f"{ITEMS}{item.pk}/").json()
    assert body["review"] == {"id": item.review_id, "child_reference": "Child N"}
    assert body["lessons"] == [lesson.pk]
    assert body["business_plan_action"] == {
        "id": plan_action.pk,
        "ref": plan_action.ref,
    }
    assert body["owner_agency"] == cast.agency_x.pk
    assert (body["status"], body["current_rag"], body["is_overdue"]) == (
        "not_started",
        "",
        True,  # due 31 March 2017, and open
    )


def test_items_filter_by_status_overdue_review_and_agency(cast, api, items):
    late, _, ongoing = items.values()
    ActionItem.objects.filter(pk=ongoing.pk).update(
        due_date=timezone.localdate() + timedelta(days=30)
    )
    ActionItem.objects.filter(pk=items["y_published"].pk).update(
        status=ItemStatus.COMPLETE
    )
    client = api(cast.business_team)

    def found(**query):
        return set(ids(client.get(ITEMS, query)))

    assert found(overdue="true") == {late.pk}
    assert found(overdue="false") == {items["y_published"].pk, ongoing.pk}
    assert found(status="complete") == {items["y_published"].pk}
    assert found(review=ongoing.review_id) == {ongoing.pk}
    assert found(agency=cast.agency_x.pk) == {late.pk, ongoing.pk}
    assert client.get(ITEMS, {"overdue": "soon"}).status_code == 400


def test_a_view_of_an_unpublished_reviews_item_is_logged_except_for_its_owner(
    cast, api, items
):
    api(cast.contributor_x).get(ITEMS)
    api(cast.contributor_x).get(f"{ITEMS}{items['x_ongoing'].pk}/")
    assert not RecordView.objects.exists()  # its own agency's items
    api(cast.board_member).get(ITEMS)
    assert not RecordView.objects.exists()  # published reviews' items only
    api(cast.business_team).get(ITEMS)
    logged = RecordView.objects.get()
    assert (logged.user, logged.record) == (cast.business_team, items["x_ongoing"])
    assert logged.via == f"API GET {ITEMS}"
    api(cast.chair).get(f"{ITEMS}{items['x_ongoing'].pk}/")
    assert RecordView.objects.filter(user=cast.chair).count() == 1


# Action items: progress ----------------------------------------------------------


def progress_url(item) -> str:
    return f"{ITEMS}{item.pk}/progress/"


def progress(item, **changes):
    return {
        "status": "in_progress",
        "rag": "G",
        "evidence": "",
        "narrative": "Toolkit training booked for May.",
        "date": "2017-04-10",
        "version": item.version,
        **changes,
    }


def test_an_agency_records_progress_on_its_own_item(cast, api, items):
    item = items["x_published"]
    client = api(cast.contributor_x)
    response = post(client, progress_url(item), progress(item))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["id"], body["status"], body["current_rag"]) == (
        item.pk,
        "in_progress",
        "G",
    )
    assert body["version"] == item.version + 1
    update = ActionItemUpdate.objects.get()
    assert (update.item, update.author, update.date) == (
        item,
        cast.contributor_x,
        date(2017, 4, 10),
    )
    assert update.entered_via.startswith("API token “Case system”")
    done = post(
        client,
        progress_url(item),
        progress(
            item,
            status="complete",
            rag="",
            evidence="Audit of 40 cases.",
            version=body["version"],
        ),
    )
    assert done.status_code == 201, done.content
    assert (done.json()["status"], done.json()["current_rag"]) == ("complete", "C")
    assert done.json()["evidence"] == "Audit of 40 cases."
    assert done.json()["is_overdue"] is False


def test_the_business_team_records_progress_on_any_item(cast, api, items):
    item = items["y_published"]
    response = post(api(cast.business_team), progress_url(item), progress(item))
    assert response.status_code == 201
    assert not RecordView.objects.exists()  # a published review's item


def test_the_answer_to_progress_on_an_unpublished_reviews_item_is_logged(
    cast, api, items
):
    item = items["x_ongoing"]
    assert (
        post(api(cast.contributor_x), progress_url(item), progress(item)).status_code
        == 201
    )
    assert not RecordView.objects.exists()  # its owner's
    item.refresh_from_db()
    response = post(api(cast.business_team), progress_url(item), progress(item))
    assert response.status_code == 201
    logged = RecordView.objects.get()
    assert (logged.user, logged.record) == (cast.business_team, item)
    assert logged.via == f"API POST {progress_url(item)}"


@pytest.mark.parametrize(
    "who, item, status",
    [
        # Visible to them but not theirs: 403.
        ("board_member", "x_published", 403),
        ("chair", "x_ongoing", 403),
        # Another agency's item, which they may not see: 404.
        ("contributor_y", "x_published", 404),
        ("contributor_x", "y_published", 404),
        ("board_member", "x_ongoing", 404),
    ],
)
def test_progress_on_an_item_not_theirs_is_refused(cast, api, items, who, item, status):
    item = items[item]
    response = post(api(cast.user(who)), progress_url(item), progress(item))
    assert response.status_code == status, response.content
    assert "detail" in response.json()
    assert not ActionItemUpdate.objects.exists()


def test_a_read_only_token_cannot_record_progress(cast, api, items):
    item = items["x_published"]
    client = api(cast.contributor_x, scope="read")
    assert post(client, progress_url(item), progress(item)).status_code == 403
    assert not ActionItemUpdate.objects.exists()


def test_an_id_out_of_range_is_a_json_404(cast, api, items):
    client = api(cast.business_team)
    response = post(client, f"{ITEMS}{2**70}/progress/", {"version": 1})
    assert response.status_code == 404
    for url in (REVIEWS, ITEMS, THEMES):
        response = client.get(f"{url}{2**70}/")
        assert response.status_code == 404
        assert "detail" in response.json()


def test_a_stale_version_is_a_409_saying_who_changed_it(cast, api, items):
    item = items["x_published"]
    client = api(cast.contributor_x)
    assert post(client, progress_url(item), progress(item)).status_code == 201
    response = post(client, progress_url(item), progress(item, rag="A"))
    assert response.status_code == 409
    assert "changed by" in response.json()["detail"]
    assert ActionItemUpdate.objects.count() == 1
    item.refresh_from_db()
    assert item.current_rag == "G"


def test_an_idempotent_retry_gets_the_same_answer_and_writes_once(cast, api, items):
    item = items["x_published"]
    client = api(cast.contributor_x)
    first = post(
        client, progress_url(item), progress(item), HTTP_IDEMPOTENCY_KEY="upd-1"
    )
    again = post(
        client, progress_url(item), progress(item), HTTP_IDEMPOTENCY_KEY="upd-1"
    )
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert ActionItemUpdate.objects.count() == 1
    other_body = post(
        client,
        progress_url(item),
        progress(item, rag="A"),
        HTTP_IDEMPOTENCY_KEY="upd-1",
    )
    assert other_body.status_code == 422
    other_item = items["x_ongoing"]
    elsewhere = post(
        client,
        progress_url(other_item),
        progress(other_item),
        HTTP_IDEMPOTENCY_KEY="upd-1",
    )
    assert elsewhere.status_code == 409
    assert ActionItemUpdate.objects.count() == 1


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"status": "finished"}, "status", "is not a valid choice"),
        ({"rag": "P"}, "rag", "is not a valid choice"),
        ({"rag": "R", "narrative": ""}, "narrative", "Explain a red or amber"),
        ({"status": "complete", "evidence": ""}, "evidence", "Enter the evidence"),
        ({"status": "in_progress", "rag": "C"}, "status", "rated Complete"),
        ({"date": "2017-02-30"}, "date", "Date has wrong format"),
        ({"date": "1066-10-14"}, "date", "Enter a date from 1900"),
        ({"date": "2099-01-01"}, "date", "cannot be in the future"),
        ({"version": "two"}, "version", "A valid integer is required."),
        ({"version": None}, "version", "This field may not be null."),
        ({"evidence": "x" * 4001}, "evidence", "no more than 4000 characters"),
        ({"narrative": "a\x00b"}, "narrative", "Null characters are not allowed."),
    ],
)
def test_bad_progress_is_a_400_naming_the_field(
    cast, api, items, changes, field, message
):
    item = items["x_published"]
    body = progress(item, **changes)
    response = post(api(cast.contributor_x), progress_url(item), body)
    assert response.status_code == 400, response.content
    assert message in " ".join(response.json()[field])
    assert not ActionItemUpdate.objects.exists()
    item.refresh_from_db()
    assert item.version == 1


@pytest.mark.parametrize("body", ["[1, 2]", '"complete"', "{}", "null"])
def test_a_body_that_is_no_progress_is_a_400(cast, api, items, body):
    item = items["x_published"]
    response = post(api(cast.contributor_x), progress_url(item), body)
    assert response.status_code == 400, response.content
    assert not ActionItemUpdate.objects.exists()


# Learning themes -----------------------------------------------------------------


@pytest.mark.parametrize(
    "who", ["business_team", "board_member", "lay_member", "contributor_y"]
)
def test_every_token_of_the_board_lists_its_learning_themes(cast, api, who):
    neglect = LearningThemeFactory(
        board=cast.board, name="Neglect", slug="neglect", description="Of needs."
    )
    LearningThemeFactory(board=cast.other_board, name="Neglect", slug="neglect")
    client = api(cast.user(who), scope="read")
    rows = client.get(THEMES).json()["results"]
    assert [(r["id"], r["name"], r["slug"], r["description"]) for r in rows] == [
        (neglect.pk, "Neglect", "neglect", "Of needs.")
    ]
    assert client.get(f"{THEMES}{neglect.pk}/").status_code == 200
    assert ids(client.get(THEMES, {"slug": "cse"})) == []


# No child death data -------------------------------------------------------------


def test_no_path_of_the_schema_is_about_child_deaths(settings, client, db):
    settings.DEBUG = True
    schema = client.get(f"{API}schema/?format=json").json()
    text = json.dumps(
        {"paths": list(schema["paths"]), "schemas": schema["components"]["schemas"]}
    ).lower()
    for word in ("death", "cdop", "modifiable", "national_comparison", "mortality"):
        assert word not in text, word


@pytest.mark.parametrize("who", ["contributor_x", "business_team"])
def test_no_list_returns_child_death_data(cast, api, items, who):
    death = ChildDeathFactory(
        board=cast.board, reference="CDOP-MARKER-7", notes="Marker notes."
    )
    NationalComparison.objects.create(
        board=cast.board, year=2015, table="sex", row="male", percentage="97.9"
    )
    Recommendation.objects.create(
        board=cast.board, year=2015, number=1, text="Safe sleeping marker."
    )
    client = api(cast.user(who), scope="read")
    for prefix in ENDPOINTS:
        response = client.get(f"{API}{prefix}/", {"page_size": 200})
        assert response.status_code == 200, prefix
        text = response.content.decode().lower()
        for marker in ("cdop-marker-7", "marker notes", "97.9", "safe sleeping"):
            assert marker not in text, (prefix, marker)
    assert death.pk  # and it is there to be leaked


# Query budgets -------------------------------------------------------------------


def grow(cast, size):
    agency = AgencyFactory(board=cast.board)
    themes = [LearningThemeFactory(board=cast.board) for _ in range(size)]
    for _ in range(size):
        review = CaseReviewFactory(board=cast.board)
        review.events.create(kind="stage", date=date(2016, 4, 1), by=cast.chair)
        lesson = LessonFactory(review=review, themes=themes)
        item = ActionItemFactory(review=review, owner_agency=agency)
        item.lessons.set([lesson])
        ActionItemFactory(review=review, owner_agency=cast.agency_x)


@pytest.mark.parametrize(
    "url, who, budget",
    [
        (REVIEWS, "business_team", 10),
        (ITEMS, "business_team", 9),
        (ITEMS, "contributor_x", 9),
        (THEMES, "board_member", 5),
    ],
)
def test_lists_run_a_constant_number_of_queries(
    cast, api, django_assert_max_num_queries, url, who, budget
):
    client = api(cast.user(who), scope="read")
    for size in (2, 12):
        grow(cast, size)
        with django_assert_max_num_queries(budget):
            assert len(ids(client.get(url))) >= size


def test_schema_generates_without_warnings(tmp_path, settings):
    settings.DEBUG = True
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(target))
    text = target.read_text()
    for path in (
        "/api/v1/reviews/",
        "/api/v1/reviews/{id}/",
        "/api/v1/review-action-items/",
        "/api/v1/review-action-items/{id}/progress/",
        "/api/v1/learning-themes/",
    ):
        assert f"{path}:" in text
