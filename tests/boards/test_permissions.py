"""The role x page matrix for the boards app's pages."""

import pytest

CAST = [
    "chair",
    "business_team",
    "board_member",
    "lay_member",
    "contributor_x",
    "other_board_member",
    "anonymous",
]

# (page, method, expected status per cast member, in CAST order)
MATRIX = [
    ("/boards/north/", "get", [200, 200, 200, 200, 200, 404, 302]),
    ("/boards/north/history/", "get", [200, 200, 200, 200, 200, 404, 302]),
    ("/boards/north/edit/", "get", [200, 200, 403, 403, 403, 404, 302]),
    ("/boards/north/edit/", "post", [302, 302, 403, 403, 403, 404, 302]),
    ("/boards/south/", "get", [404, 404, 404, 404, 404, 200, 302]),
    ("/boards/no-such-board/", "get", [404, 404, 404, 404, 404, 404, 302]),
]

CASES = [
    (who, method, url, statuses[index])
    for url, method, statuses in MATRIX
    for index, who in enumerate(CAST)
]


@pytest.mark.parametrize(("who", "method", "url", "expected"), CASES)
def test_role_page_matrix(cast, as_user, who, method, url, expected):
    client = as_user(cast.user(who))
    data = {}
    if method == "post":
        data = {
            "name": "Northshire Board",
            "area": "Northshire",
            "vision": "Safe children",
            "version": cast.board.version,
        }
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if expected == 302 and who == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/?next=")


def test_home_lists_only_the_users_boards(cast, as_user):
    page = as_user(cast.board_member).get("/").content.decode()
    assert "Northshire Safeguarding Children Board" in page
    assert "Southshire" not in page


def test_user_without_a_role_sees_no_boards(as_user, user_factory):
    page = as_user(user_factory()).get("/").content.decode()
    assert "You do not have a role on any board yet" in page


def test_superuser_sees_every_board(cast, as_user, user_factory):
    admin = user_factory(is_superuser=True, is_staff=True)
    assert as_user(admin).get("/boards/south/").status_code == 200


def test_posts_without_a_csrf_token_are_refused(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.business_team)
    response = client.post(
        "/boards/north/edit/",
        {"name": "Forged", "area": "Northshire", "vision": "", "version": 1},
    )
    assert response.status_code == 403
    cast.board.refresh_from_db()
    assert cast.board.name != "Forged"


def test_a_membership_that_has_ended_gives_no_access(cast, as_user):
    from datetime import timedelta

    from django.utils import timezone

    membership = cast.lay_member.memberships.get()
    membership.member_to = timezone.localdate() - timedelta(days=1)
    membership.save()
    client = as_user(cast.lay_member)
    assert client.get("/boards/north/").status_code == 404
    assert "Northshire" not in client.get("/").content.decode()
