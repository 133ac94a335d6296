"""Who may open and change the case review pages (the role x page matrix), the view
log every restricted page writes, and the pages' query budgets at two sizes."""

from datetime import date

import pytest
from django.urls import reverse

from boards.models import RecordView, Role
from reviews import services
from reviews.models import (
    CaseReview,
    DisseminationKind,
    ReviewEvent,
    ReviewType,
    Stage,
)
from tests.boards.factories import MembershipFactory
from tests.matrix import cast_with, permission_matrix

from .factories import (
    REVIEWS,
    ActionItemFactory,
    CaseReviewFactory,
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
    review_groups,
)

GROUP = "case_review_group_member"
CAST = cast_with(GROUP)
BOARD = ("chair", "business_team", "board_member", "lay_member")
EVERYONE = (*BOARD, "contributor_x", "contributor_y", GROUP)


def statuses(**by_status) -> dict:
    """A row of the matrix: each status for the cast members named; another board's
    member gets 404 and anonymous a 302, as on every board page."""
    row = {"other_board_member": 404, "anonymous": 302}
    for status, who in by_status.items():
        row |= dict.fromkeys(who, int(status.removeprefix("s")))
    assert set(row) == set(CAST), set(CAST) - set(row)
    return row


READ = statuses(s200=EVERYONE)
MANAGE = statuses(
    s200=["business_team"], s403=[w for w in EVERYONE if w != "business_team"]
)
MANAGE_POST = MANAGE | {"business_team": 302}
RESTRICTED = statuses(
    s200=["chair", "business_team", GROUP],
    s404=["board_member", "lay_member", "contributor_x", "contributor_y"],
)
# A restricted record's change: hidden (404) from those who may not see it, refused
# (403) to those who may see it but not change it.
CHANGE = statuses(
    s200=["business_team"],
    s403=["chair", GROUP],
    s404=["board_member", "lay_member", "contributor_x", "contributor_y"],
)
CHANGE_POST = CHANGE | {"business_team": 302}
NOBODY = statuses(s404=EVERYONE)

ONE = REVIEWS + "{review}/"
THEIRS = REVIEWS + "{theirs}/"

MATRIX = [
    (REVIEWS, "get", READ),
    (REVIEWS + "?stage=published&export=csv", "get", READ),
    (REVIEWS + "new/", "get", MANAGE),
    (REVIEWS + "new/", "post", MANAGE_POST),
    (ONE, "get", RESTRICTED),
    (ONE + "history/", "get", RESTRICTED),
    (ONE + "edit/", "get", CHANGE),
    (ONE + "edit/", "post", CHANGE_POST),
    (ONE + "stage/", "get", CHANGE),
    (ONE + "stage/", "post", CHANGE_POST),
    (ONE + "type/", "get", CHANGE),
    (ONE + "type/", "post", CHANGE_POST),
    (ONE + "notification/", "get", CHANGE),
    (ONE + "notification/", "post", CHANGE_POST),
    (ONE + "rapid-review/", "get", CHANGE),
    (ONE + "rapid-review/", "post", CHANGE_POST),
    # Another board's review under this board's address: no one's.
    (THEIRS, "get", NOBODY),
    (THEIRS + "history/", "get", NOBODY),
    (THEIRS + "edit/", "get", NOBODY),
    (THEIRS + "stage/", "post", NOBODY),
]


@pytest.fixture
def case_review_group_member(cast):
    """An agency contributor of agency Y who sits on the board's Case Review
    Group: they may read the restricted reviews."""
    settings = review_groups(cast.board)
    membership = MembershipFactory(
        board=cast.board, role=Role.AGENCY_CONTRIBUTOR, agency=cast.agency_y
    )
    settings.case_review_group.members.add(membership)
    return membership.user


@pytest.fixture
def ids(cast):
    """A notified rapid review on the board; another board's review."""
    review = services.review_create(
        board=cast.board,
        user=cast.business_team,
        child_reference="Child Z",
        review_type=ReviewType.RAPID,
        referred_on=date(2026, 3, 2),
    )
    services.review_record_notification(
        review=review,
        user=cast.business_team,
        incident_known_on=date(2026, 3, 2),
        panel_notified_on=date(2026, 3, 4),
    )
    theirs = CaseReviewFactory(board=cast.other_board, child_reference="Child T")
    return {"review": review.pk, "theirs": theirs.pk}


def post_data(url):
    review = CaseReview.objects.get(pk=url.split("/")[4])
    version = {"version": review.version}
    if url.endswith("edit/"):
        return version | {
            "child_reference": review.child_reference,
            "referred_on": review.referred_on.isoformat(),
            "story": "Told again.",
        }
    if url.endswith("stage/"):
        return version | {
            "to_stage": Stage.DECIDED,
            "on": "2026-03-20",
            "criteria_met": "yes",
            "decided_by": "Case Review Group",
            "note": "Met.",
        }
    if url.endswith("type/"):
        return version | {
            "to_type": ReviewType.LEARNING,
            "on": "2026-03-20",
            "reason": "A learning review serves better.",
        }
    if url.endswith("notification/"):
        return version | {
            "incident_known_on": "2026-03-02",
            "panel_notified_on": "2026-03-05",
        }
    return version | {"sent_on": "2026-03-20", "decision": "no_lcspr"}


CREATE = {
    "child_reference": "Child N",
    "review_type": ReviewType.SCR,
    "referred_on": "2014-03-05",
}


def snapshot():
    return (
        list(CaseReview.objects.order_by("pk").values()),
        list(ReviewEvent.objects.order_by("pk").values()),
    )


@permission_matrix(MATRIX, cast=CAST)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = {}
    if method == "post":
        data = CREATE if url.endswith("/new/") else post_data(url)
    visit(who, method, url, expected, data=data, snapshot=snapshot)


def test_only_the_business_team_sees_the_buttons_that_change_a_review(
    cast, ids, as_user, case_review_group_member
):
    one = REVIEWS + f"{ids['review']}/"
    links = ["new/", "edit/", "stage/", "type/", "notification/", "rapid-review/"]
    for user, shown in (
        (cast.business_team, True),
        (cast.chair, False),
        (case_review_group_member, False),
    ):
        client = as_user(user)
        text = client.get(one).content.decode() + client.get(REVIEWS).content.decode()
        for link in links:
            href = REVIEWS + link if link == "new/" else one + link
            assert (f'href="{href}"' in text) is shown, (user, link)
    board_home = as_user(cast.board_member).get(REVIEWS).content.decode()
    assert f'href="{REVIEWS}new/"' not in board_home
    assert f'href="{child_deaths()}"' not in board_home


def test_child_deaths_link_shows_to_who_may_see_them(cast, ids, as_user):
    page = as_user(cast.business_team).get(REVIEWS).content.decode()
    assert f'href="{child_deaths()}"' in page


def child_deaths():
    return reverse("reviews:child-deaths", args=["north"])


# The view log ------------------------------------------------------------------


def test_opening_a_review_logs_one_view_naming_it_and_the_page(cast, ids, as_user):
    url = REVIEWS + f"{ids['review']}/"
    as_user(cast.chair).get(url)
    view = RecordView.objects.get()
    assert (view.user, view.record_id, view.board) == (
        cast.chair,
        ids["review"],
        cast.board,
    )
    assert view.record_label == "Child Z (Rapid review)"
    assert view.via == f"reviews:review {url}"
    assert view.record == CaseReview.objects.get(pk=ids["review"])


def test_history_and_forms_of_a_review_log_their_views(cast, ids, as_user):
    one = REVIEWS + f"{ids['review']}/"
    client = as_user(cast.business_team)
    for tail in ("history/", "edit/", "stage/"):
        client.get(one + tail)
    assert list(RecordView.objects.order_by("pk").values_list("via", flat=True)) == [
        f"reviews:history {one}history/",
        f"reviews:edit {one}edit/",
        f"reviews:transition {one}stage/",
    ]


def test_a_refused_view_is_not_logged(cast, ids, as_user):
    as_user(cast.board_member).get(REVIEWS + f"{ids['review']}/")
    as_user(cast.other_board_member).get(REVIEWS + f"{ids['theirs']}/")
    assert not RecordView.objects.exists()


def test_the_list_logs_each_review_it_shows(cast, ids, as_user):
    PublishedReviewFactory(board=cast.board, child_reference="Child P")
    CaseReviewFactory(board=cast.board, child_reference="Child S")
    as_user(cast.business_team).get(REVIEWS + "?stage=published")
    logged = set(RecordView.objects.values_list("record_label", flat=True))
    # The published one the filter keeps, and Child Z in the "Due and late" panel.
    assert logged == {"Child P (Serious case review)", "Child Z (Rapid review)"}


def test_a_download_logs_each_review_in_it(cast, ids, as_user):
    CaseReviewFactory(board=cast.board, child_reference="Child S")
    as_user(cast.chair).get(REVIEWS + "?export=xlsx")
    logged = set(RecordView.objects.values_list("record_label", flat=True))
    assert logged == {"Child S (Serious case review)", "Child Z (Rapid review)"}


def test_published_reviews_for_the_board_are_not_logged(cast, ids, as_user):
    PublishedReviewFactory(board=cast.board, child_reference="Child P")
    response = as_user(cast.lay_member).get(REVIEWS)
    assert response.status_code == 200
    assert not RecordView.objects.exists()


# Query budgets -------------------------------------------------------------------

SIZES = {"small": 3, "large": 30}


def build(board, agency, user, n):
    """n published reviews, each with lessons, themes, items, dissemination,
    assurance and events; n referred ones awaiting their notification."""
    themes = [LearningThemeFactory(board=board, name=f"Theme {i}") for i in range(3)]
    reviews = []
    for _ in range(n):
        review = PublishedReviewFactory(board=board)
        for number in (1, 2):
            LessonFactory(review=review, number=number, themes=themes)
            ActionItemFactory(review=review, number=number, owner_agency=agency)
        review.dissemination.create(
            kind=DisseminationKind.WEBSITE, done_on=date(2017, 2, 1)
        )
        review.assurance_responses.create(agency=agency, requested_on=date(2017, 2, 1))
        for stage in (Stage.REFERRED, Stage.DECIDED):
            ReviewEvent.objects.create(
                review=review,
                kind="stage",
                date=date(2016, 4, 1),
                to_stage=stage,
                by=user,
            )
        CaseReviewFactory(
            board=board,
            review_type=ReviewType.RAPID,
            incident_known_on=date(2026, 3, 2),
        )
        reviews.append(review)
    return reviews


@pytest.fixture(params=list(SIZES))
def size(request, cast):
    return build(cast.board, cast.agency_x, cast.business_team, SIZES[request.param])


# Session, user, board, roles; the list's count and page (or the download's rows);
# for restricted roles what is due and the view log's insert (and the log's
# content type, once a process).
BUDGETS = {
    ("business_team", ""): 9,
    ("business_team", "?stage=published&sort=open_items&order=desc"): 9,
    ("business_team", "?export=csv&sort=stage"): 8,
    ("board_member", ""): 7,
    ("board_member", "?export=xlsx"): 6,
}


@pytest.mark.parametrize(("who", "query"), list(BUDGETS))
def test_the_reviews_home_runs_bounded_queries(
    cast, size, as_user, django_assert_max_num_queries, who, query
):
    client = as_user(cast.user(who))
    with django_assert_max_num_queries(BUDGETS[who, query]):
        response = client.get(REVIEWS + query)
    assert response.status_code == 200
    if "export" in query:
        return
    count = response.context["page"].paginator.count
    if who == "board_member":
        assert count == len(size)
    elif "stage=published" in query:
        assert count == len(size)
        assert len(response.context["due"]) == len(size)
    else:
        assert count == 2 * len(size)


def test_a_review_page_runs_bounded_queries(
    cast, size, as_user, django_assert_max_num_queries
):
    review = size[-1]
    client = as_user(cast.business_team)
    # Session, user, board, roles; the review and its five prefetches (lessons and
    # their themes, items and their agencies, dissemination, assurance and their
    # agencies, events and who made them); the view log's insert (and its content
    # type, once a process).
    with django_assert_max_num_queries(16):
        response = client.get(REVIEWS + f"{review.pk}/")
    assert response.status_code == 200
    assert len(response.context["timeline"]) == 2


def test_a_review_number_no_database_holds_is_a_404(cast, as_user):
    response = as_user(cast.business_team).get(REVIEWS + "99999999999999999999/")
    assert response.status_code == 404
