"""The permission matrix every app's tests share (pretix's
`src/tests/api/test_permissions.py` is the model): the cast in one order, the
statuses most pages give, a table of (url, method, statuses) turned into one pytest
case per cast member, and the `visit` fixture that signs in as that member and
asserts the status.

A row's statuses are a dict by cast member, built with `allow`; its defaults are the
rule every board page follows: another board's member gets a 404 (the board is not
theirs) and anonymous a 302 to the sign-in page.
"""

from dataclasses import fields

import pytest

MANAGERS = ("chair", "business_team")
# The cast of tests/conftest.py, in the order every matrix lists it.
CAST = (
    *MANAGERS,
    "board_member",
    "lay_member",
    "contributor_x",
    "contributor_y",
    "other_board_member",
    "anonymous",
)
OUTSIDERS = CAST[-2:]
# Everyone with a role on the cast's board; the subgroup chairs (and a subgroup's
# member) are fixtures of the business plan and subgroups tests, in the matrices
# that name them (`cast_with`).
MEMBERS = (*CAST[:-2], "subgroup_chair", "other_subgroup_chair", "subgroup_member")

SIGN_IN = "/accounts/sign-in/?next="


def cast_with(*extra):
    """The cast with more of the board's members (named by their fixtures)."""
    return (*CAST[:-2], *extra, *OUTSIDERS)


def allow(status, *who, others=403):
    """One page's statuses: `status` for `who`, `others` for the board's other
    members, 404 for another board's member and 302 for anonymous."""
    row = {name: status if name in who else others for name in MEMBERS}
    return row | {"other_board_member": 404, "anonymous": 302}


READ = allow(200, *MEMBERS)
MANAGE = allow(200, *MANAGERS)
MANAGE_POST = allow(302, *MANAGERS)
# A record that is not this board's (or does not exist) under its address.
NOT_OURS = allow(404, *MEMBERS)
# The same behind a page only managers may open: the rest are refused first.
MANAGE_NOT_OURS = allow(404, *MANAGERS)
# Another board's page: only its own member sees it.
THEIRS = NOT_OURS | {"other_board_member": 200}


def permission_matrix(matrix, cast=CAST):
    """Parametrize a test with (who, method, url, expected): one case per cast
    member for each (url, method, statuses) row of `matrix`."""
    cases = [
        (who, method, url, statuses[who])
        for url, method, statuses in matrix
        for who in cast
    ]
    return pytest.mark.parametrize(("who", "method", "url", "expected"), cases)


def failure(response, who, method, url):
    """What a failed status assertion says: the request and the page's start (a
    download streams, so it has no content to show)."""
    page = getattr(response, "content", b"").decode(errors="replace")
    return f"{who} {method} {url}: {page[:2000]}"


@pytest.fixture
def cast_member(request, cast):
    """A cast member by name: the cast's own, or a fixture (the subgroup chairs)."""
    names = {field.name for field in fields(cast)} | {"anonymous"}

    def find(who):
        return cast.user(who) if who in names else request.getfixturevalue(who)

    return find


@pytest.fixture
def visit(cast_member, as_user):
    """Open a page as a cast member and assert its status; anonymous must be sent to
    sign in, and a POST with a `snapshot` must change the database exactly when it
    was allowed (302 for a signed-in member)."""

    def visit(who, method, url, expected, *, data=None, snapshot=None):
        client = as_user(cast_member(who))
        before = snapshot() if snapshot else None
        response = getattr(client, method)(url, data or {})
        assert response.status_code == expected, failure(response, who, method, url)
        if who == "anonymous":
            assert response["Location"].startswith(SIGN_IN)
        if snapshot and method == "post":
            allowed = expected == 302 and who != "anonymous"
            assert (snapshot() != before) is allowed, (who, method, url)
        return response

    return visit
