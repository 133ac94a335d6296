"""The annual report's HTML edition at /boards/<slug>/annual-report/<year>/."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boards.models import GlossaryTerm
from reports.sections import SECTIONS

from .helpers import fill_board

pytestmark = pytest.mark.django_db


def url(board, year="2016-17"):
    return f"/boards/{board.slug}/annual-report/{year}/"


@pytest.mark.parametrize(
    "who", ["chair", "board_member", "lay_member", "contributor_x"]
)
def test_members_see_it(cast, as_user, who):
    fill_board(cast.board, 1)
    response = as_user(cast.user(who)).get(url(cast.board))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Annual report 2016-17" in page
    assert 'id="budget"' in page and "£1,000.00" in page
    assert "2. LSCB Structure" in page


def test_other_boards_members_get_404(cast, as_user):
    assert as_user(cast.other_board_member).get(url(cast.board)).status_code == 404


def test_anonymous_is_sent_to_sign_in(cast, as_user):
    response = as_user(None).get(url(cast.board))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_not_a_year_is_404(cast, as_user):
    assert as_user(cast.chair).get(url(cast.board, "someday")).status_code == 404


def test_typed_markup_is_escaped(cast, as_user):
    GlossaryTerm.objects.create(
        board=cast.board, acronym="X", meaning='<img src="file:///etc/passwd">'
    )
    page = as_user(cast.chair).get(url(cast.board, "2016")).content.decode()
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in page
    assert '<img src="file:///etc/passwd">' not in page


def test_query_budget_does_not_grow_with_the_data(cast, as_user):
    client = as_user(cast.board_member)

    def queries(size, start):
        fill_board(cast.board, size, start=start)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(cast.board)).status_code == 200
        return len(captured)

    client.get(url(cast.board))  # warm the caches a first request fills
    small = queries(1, 0)
    large = queries(8, 1)  # 9 of each now
    assert small == large
    # One or two a section, whatever the data: a bound that grows with sections.
    assert large <= 2 * len(SECTIONS), large
