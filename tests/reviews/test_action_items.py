"""A review's action plan in the browser-less client: the business team adds and
changes SMART items, dissemination steps and assurance; the owning agency's
contributor records progress on its items (and no one else's); every update is
kept; the list shows each user the items they may see, overdue first."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils import timezone

from boards.models import RecordView
from reviews.models import (
    ActionItem,
    ActionItemUpdate,
    AssuranceResponse,
    CaseReview,
    DisseminationKind,
    ItemStatus,
)
from reviews.views.action_items import review_url
from tests.business_plan.factories import ActionFactory
from tests.lists import assert_exports, assert_sorts, page_rows, table
from tests.reviews.factories import (
    REVIEWS,
    ActionItemFactory,
    CaseReviewFactory,
    LessonFactory,
    PublishedReviewFactory,
)

pytestmark = pytest.mark.django_db

ITEMS = f"{REVIEWS}actions/"


def progress_url(item):
    return f"{ITEMS}{item.pk}/progress/"


def day(value: date) -> dict:
    return {"day": value.day, "month": value.month, "year": value.year}


def date_fields(name, value: date) -> dict:
    return {f"{name}_{part}": v for part, v in day(value).items()}


@pytest.fixture
def review(cast):
    return CaseReviewFactory(board=cast.board, child_reference="Child Q")


@pytest.fixture
def item_x(cast, review):
    return ActionItemFactory(
        review=review, number=1, owner_agency=cast.agency_x, due_date=date(2030, 1, 1)
    )


def item_form(cast, **changes):
    data = {
        "number": "1",
        "action": "Every practitioner completes the neglect toolkit training.",
        "owner_agency": cast.agency_x.pk,
        **date_fields("due_date", date(2018, 3, 31)),
        "measure_of_success": "90% of front-line staff trained by March 2018.",
    }
    data.update(changes)
    return data


def progress_form(item, **changes):
    data = {
        **date_fields("date", timezone.localdate()),
        "status": ItemStatus.IN_PROGRESS,
        "rag": "G",
        "evidence": "",
        "narrative": "Training booked for every team.",
        "version": item.version,
    }
    data.update(changes)
    return data


# The business team writes the plan ------------------------------------------------


def test_business_team_adds_a_smart_item_answering_lessons(cast, as_user, review):
    lesson = LessonFactory(review=review, number=1)
    action = ActionFactory(plan__board=cast.board, ref="2.3")
    client = as_user(cast.business_team)
    form = client.get(f"{REVIEWS}{review.pk}/actions/new/")
    assert form.status_code == 200
    assert form.context["form"].initial["number"] == 1
    response = client.post(
        f"{REVIEWS}{review.pk}/actions/new/",
        item_form(cast, lessons=[lesson.pk], business_plan_action=action.pk),
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(review=review)
    assert item.owner_agency == cast.agency_x
    assert item.due_date == date(2018, 3, 31)
    assert list(item.lessons.all()) == [lesson]
    assert item.business_plan_action == action
    assert item.status == ItemStatus.NOT_STARTED
    assert item.history.first().history_user == cast.business_team


def test_an_item_without_an_owner_or_due_date_is_refused_with_a_summary(
    cast, as_user, review
):
    client = as_user(cast.business_team)
    data = item_form(cast, owner_agency="")
    data.pop("due_date_day")
    response = client.post(f"{REVIEWS}{review.pk}/actions/new/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Select the agency that owns the action" in page
    assert "must include a day" in page
    assert not ActionItem.objects.exists()


def test_an_agency_of_another_board_cannot_own_an_item(cast, as_user, review):
    foreign = cast.other_board.agencies.first()
    response = as_user(cast.business_team).post(
        f"{REVIEWS}{review.pk}/actions/new/", item_form(cast, owner_agency=foreign.pk)
    )
    assert response.status_code == 200
    assert not ActionItem.objects.exists()


def test_business_team_changes_an_item_and_a_stale_form_is_refused(
    cast, as_user, review, item_x
):
    client = as_user(cast.business_team)
    url = f"{REVIEWS}{review.pk}/actions/{item_x.pk}/edit/"
    assert client.get(url).context["form"].initial["version"] == item_x.version
    data = item_form(cast, owner_agency=cast.agency_y.pk, version=item_x.version)
    assert client.post(url, data).status_code == 302
    item_x.refresh_from_db()
    assert item_x.owner_agency == cast.agency_y
    stale = client.post(url, item_form(cast, action="Too late.", version=1))
    assert stale.status_code == 409
    assert "changed by" in stale.content.decode()
    item_x.refresh_from_db()
    assert item_x.action != "Too late."


def test_item_edit_of_another_reviews_item_is_404(cast, as_user, review, item_x):
    other = CaseReviewFactory(board=cast.board)
    response = as_user(cast.business_team).get(
        f"{REVIEWS}{other.pk}/actions/{item_x.pk}/edit/"
    )
    assert response.status_code == 404


def test_business_team_records_dissemination_and_assurance(cast, as_user, review):
    client = as_user(cast.business_team)
    response = client.post(
        f"{REVIEWS}{review.pk}/dissemination/new/",
        {
            "kind": DisseminationKind.NEWSLETTER,
            **date_fields("done_on", date(2017, 2, 1)),
            "note": "Spring newsletter",
        },
    )
    assert response.status_code == 302
    step = review.dissemination.get()
    assert (step.kind, step.done_on) == (DisseminationKind.NEWSLETTER, date(2017, 2, 1))

    response = client.post(
        f"{REVIEWS}{review.pk}/assurance/new/",
        {"agency": cast.agency_x.pk, **date_fields("requested_on", date(2017, 2, 2))},
    )
    assert response.status_code == 302
    answer = AssuranceResponse.objects.get(review=review)
    assert answer.received_on is None
    again = client.post(
        f"{REVIEWS}{review.pk}/assurance/new/",
        {"agency": cast.agency_x.pk, **date_fields("requested_on", date(2017, 2, 3))},
    )
    assert again.status_code == 200
    assert "already been requested" in again.content.decode()

    url = f"{REVIEWS}{review.pk}/assurance/{answer.pk}/"
    early = client.post(
        url, {**date_fields("received_on", date(2017, 1, 1)), "summary": "Done."}
    )
    assert early.status_code == 200
    assert "cannot arrive before it was requested" in early.content.decode()
    response = client.post(
        url,
        {
            **date_fields("received_on", date(2017, 3, 1)),
            "summary": "Toolkit in use.",
        },
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert (answer.received_on, answer.summary) == (date(2017, 3, 1), "Toolkit in use.")


def test_a_dissemination_step_without_a_date_is_refused(cast, as_user, review):
    response = as_user(cast.business_team).post(
        f"{REVIEWS}{review.pk}/dissemination/new/",
        {"kind": DisseminationKind.WEBSITE},
    )
    assert response.status_code == 200
    assert "Enter the date it was done" in response.content.decode()
    assert not review.dissemination.exists()


def test_after_saving_the_team_returns_to_the_review(cast, as_user, review):
    response = as_user(cast.business_team).post(
        f"{REVIEWS}{review.pk}/actions/new/", item_form(cast)
    )
    expected = review_url("north", review.pk)
    assert response["Location"] == expected


# Progress by the owning agency ------------------------------------------------


def test_the_owning_agencys_contributor_records_progress(cast, as_user, item_x):
    client = as_user(cast.contributor_x)
    page = client.get(progress_url(item_x))
    assert page.status_code == 200
    assert "Red – off track" in page.content.decode()  # the business plan's words
    response = client.post(progress_url(item_x), progress_form(item_x))
    assert response.status_code == 302
    item_x.refresh_from_db()
    assert (item_x.status, item_x.current_rag) == (ItemStatus.IN_PROGRESS, "G")
    update = item_x.updates.get()
    assert update.author == cast.contributor_x
    assert update.narrative == "Training booked for every team."


def test_another_agencys_contributor_cannot_see_the_item(cast, as_user, item_x):
    client = as_user(cast.contributor_y)
    assert client.get(progress_url(item_x)).status_code == 404
    assert client.post(progress_url(item_x), progress_form(item_x)).status_code == 404
    assert not ActionItemUpdate.objects.exists()


def test_a_board_member_sees_a_published_reviews_item_but_may_not_update_it(
    cast, as_user
):
    item = ActionItemFactory(
        review=PublishedReviewFactory(board=cast.board), owner_agency=cast.agency_x
    )
    client = as_user(cast.board_member)
    assert client.get(progress_url(item)).status_code == 403
    assert client.post(progress_url(item), progress_form(item)).status_code == 403
    rows = table(client.get(ITEMS))["rows"]
    assert [row["obj"] for row in rows] == [item]
    assert all(cell["href"] == "" for cell in rows[0]["cells"])  # no 403 link
    headers = [h["column"].label for h in table(client.get(ITEMS))["headers"]]
    assert "Progress" not in headers


def test_an_unpublished_reviews_item_is_404_for_a_board_member(cast, as_user, item_x):
    client = as_user(cast.board_member)
    assert client.get(progress_url(item_x)).status_code == 404
    assert page_rows(client.get(ITEMS)) == []


def test_every_update_is_kept_and_shown_newest_first(cast, as_user, item_x):
    client = as_user(cast.contributor_x)
    first = progress_form(item_x, **date_fields("date", date(2017, 1, 10)))
    assert client.post(progress_url(item_x), first).status_code == 302
    item_x.refresh_from_db()
    second = progress_form(
        item_x,
        **date_fields("date", date(2017, 2, 10)),
        rag="A",
        narrative="Two teams still to train.",
    )
    response = as_user(cast.business_team).post(progress_url(item_x), second)
    assert response.status_code == 302
    page = as_user(cast.contributor_x).get(progress_url(item_x))
    updates = list(page.context["updates"])
    assert [(u.date, u.rag, u.author) for u in updates] == [
        (date(2017, 2, 10), "A", cast.business_team),
        (date(2017, 1, 10), "G", cast.contributor_x),
    ]
    text = page.content.decode()
    assert text.index("Two teams still to train.") < text.index("Training booked")
    assert "Amber" in text


def test_complete_needs_evidence(cast, as_user, item_x):
    client = as_user(cast.contributor_x)
    data = progress_form(item_x, status=ItemStatus.COMPLETE, rag="C", evidence="")
    response = client.post(progress_url(item_x), data)
    assert response.status_code == 200
    assert "Enter the evidence that the action is complete." in (
        response.content.decode()
    )
    item_x.refresh_from_db()
    assert item_x.status == ItemStatus.NOT_STARTED
    assert not item_x.updates.exists()
    data["evidence"] = "Audit of 40 cases: toolkit used in 36."
    assert client.post(progress_url(item_x), data).status_code == 302
    item_x.refresh_from_db()
    assert (item_x.status, item_x.current_rag) == (ItemStatus.COMPLETE, "C")
    assert item_x.evidence == "Audit of 40 cases: toolkit used in 36."


def test_a_red_rating_needs_a_narrative(cast, as_user, item_x):
    data = progress_form(item_x, rag="R", narrative="")
    response = as_user(cast.contributor_x).post(progress_url(item_x), data)
    assert response.status_code == 200
    assert "Explain a red or amber rating" in response.content.decode()
    assert not item_x.updates.exists()


def test_a_stale_progress_form_is_refused(cast, as_user, item_x):
    client = as_user(cast.contributor_x)
    old = progress_form(item_x)
    assert client.post(progress_url(item_x), old).status_code == 302
    response = client.post(progress_url(item_x), {**old, "narrative": "Again."})
    assert response.status_code == 409
    assert "changed by" in response.content.decode()
    assert item_x.updates.count() == 1


def test_the_progress_page_logs_a_view_of_the_item(cast, as_user, item_x):
    as_user(cast.contributor_x).get(progress_url(item_x))
    view = RecordView.objects.get()
    assert view.user == cast.contributor_x
    assert view.record_type == ContentType.objects.get_for_model(ActionItem)
    assert view.record_id == item_x.pk
    assert view.record_label == "Child Q, action 1"
    assert "reviews:item-progress" in view.via


# The list of items ------------------------------------------------------------


@pytest.fixture
def items(cast, review):
    today = timezone.localdate()
    published = PublishedReviewFactory(board=cast.board, child_reference="Child P")
    return {
        "late_x": ActionItemFactory(
            review=review,
            number=1,
            owner_agency=cast.agency_x,
            due_date=today - timedelta(days=30),
        ),
        "soon_x": ActionItemFactory(
            review=review,
            number=2,
            owner_agency=cast.agency_x,
            due_date=today + timedelta(days=5),
        ),
        "late_done_y": ActionItemFactory(
            review=published,
            number=1,
            owner_agency=cast.agency_y,
            due_date=today - timedelta(days=60),
            status=ItemStatus.COMPLETE,
            current_rag="C",
        ),
        "later_y": ActionItemFactory(
            review=published,
            number=2,
            owner_agency=cast.agency_y,
            due_date=today + timedelta(days=90),
        ),
    }


def objs(response):
    return [row["obj"] for row in table(response)["rows"]]


def test_the_list_puts_overdue_items_first(cast, as_user, items):
    response = as_user(cast.business_team).get(ITEMS)
    assert objs(response) == [
        items["late_x"],
        items["late_done_y"],
        items["soon_x"],
        items["later_y"],
    ]
    row = page_rows(response)[0]
    assert row[:2] == ["Child Q", "1"]
    assert row[5] == "Not started (overdue)"
    assert "Not rated" in row[6]


def test_an_agency_contributor_sees_only_its_agencys_items(cast, as_user, items):
    response = as_user(cast.contributor_y).get(ITEMS)
    assert set(objs(response)) == {items["late_done_y"], items["later_y"]}
    for row in table(response)["rows"]:
        review_cell, *_, progress_cell = row["cells"]
        assert review_cell["href"] == ""
        assert progress_cell["href"] == progress_url(row["obj"])


def test_the_list_filters_by_agency_status_and_overdue(cast, as_user, items):
    client = as_user(cast.business_team)
    by_agency = client.get(ITEMS, {"agency": cast.agency_y.pk})
    assert set(objs(by_agency)) == {items["late_done_y"], items["later_y"]}
    done = client.get(ITEMS, {"status": ItemStatus.COMPLETE})
    assert objs(done) == [items["late_done_y"]]
    overdue = client.get(ITEMS, {"overdue": "on"})
    assert objs(overdue) == [items["late_x"]]


def test_the_list_sorts_and_exports_what_it_shows(cast, as_user, items):
    client = as_user(cast.business_team)
    assert_sorts(client, ITEMS, "due")
    assert_sorts(client, ITEMS, "rag")
    rows = assert_exports(client, ITEMS, {"agency": cast.agency_x.pk})
    assert len(rows) == 2


def test_the_list_logs_a_view_of_each_item_shown(cast, as_user, items):
    as_user(cast.contributor_y).get(ITEMS)
    logged = set(RecordView.objects.values_list("record_id", flat=True))
    assert logged == {items["late_done_y"].pk, items["later_y"].pk}


# The partials the review's page includes --------------------------------------


def test_the_review_page_partials_draw_the_plan_without_further_queries(
    cast, review, item_x, django_assert_num_queries
):
    LessonFactory(review=review, number=1, text="Name the neglect.")
    review.dissemination.create(
        kind=DisseminationKind.WEBSITE, done_on=date(2017, 2, 1)
    )
    AssuranceResponse.objects.create(
        review=review, agency=cast.agency_y, requested_on=date(2017, 2, 2)
    )
    loaded = CaseReview.objects.prefetch_related(
        "lessons__themes",
        "action_items__owner_agency",
        "dissemination",
        "assurance_responses__agency",
    ).get(pk=review.pk)
    pages = {}
    for can_manage in (True, False):
        context = {"review": loaded, "board": cast.board, "can_manage": can_manage}
        with django_assert_num_queries(0):
            pages[can_manage] = "".join(
                render_to_string(f"reviews/_{name}.html", context)
                for name in ("lessons", "action_plan", "dissemination")
            )
    managing, reading = pages[True], pages[False]
    for page in (managing, reading):
        assert "Name the neglect." in page
        assert "Review the neglect toolkit." in page
        assert "Website updated" in page
        assert cast.agency_y.name in page
        assert "Not rated" in page
    assert f"{REVIEWS}{review.pk}/actions/{item_x.pk}/edit/" in managing
    assert progress_url(item_x) in managing
    assert f"{REVIEWS}{review.pk}/assurance/new/" in managing
    assert "/edit/" not in reading and "/new/" not in reading
