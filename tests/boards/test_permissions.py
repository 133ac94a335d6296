"""The role x page matrix for the boards app's pages."""

from boards.models import Board
from tests.matrix import MANAGE, MANAGE_POST, NOT_OURS, READ, THEIRS, permission_matrix

# (page, method, expected status per cast member)
MATRIX = [
    ("/boards/north/", "get", READ),
    ("/boards/north/history/", "get", READ),
    ("/boards/north/edit/", "get", MANAGE),
    ("/boards/north/edit/", "post", MANAGE_POST),
    ("/boards/south/", "get", THEIRS),
    ("/boards/no-such-board/", "get", NOT_OURS),
]


def snapshot():
    return list(Board.objects.order_by("pk").values())


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, visit, who, method, url, expected):
    data = {}
    if method == "post":
        data = {
            "name": "Northshire Board",
            "area": "Northshire",
            "vision": "Safe children",
            "version": cast.board.version,
        }
    visit(who, method, url, expected, data=data, snapshot=snapshot)


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
