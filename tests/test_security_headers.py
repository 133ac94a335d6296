"""Security headers: a strict Content-Security-Policy on every page, which no page
breaks (no inline script, event handler or style attribute), and Cache-Control:
no-store on the API and on pages of restricted records."""

import re
from datetime import date

import pytest
from django.test import Client

from boards.models import User
from tests.boards.test_api import api_client, issue
from tests.boards.test_meetings_data import AgendaItemFactory, MeetingFactory
from tests.subgroups.factories import ReturnFactory
from tests.test_demo_links import HREF, SKIP, demo  # noqa: F401 - fixture

# A <script> without src, an on…= handler, a style attribute or <style> element.
INLINE = {
    "inline script": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I),
    "event handler": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
    "style element": re.compile(r"<style\b", re.I),
}
MAX_PAGES = 120


def inline_parts(html: str) -> list[str]:
    return [name for name, pattern in INLINE.items() if pattern.search(html)]


def test_the_patterns_catch_what_the_policy_refuses():
    assert inline_parts("<script>alert(1)</script>") == ["inline script"]
    assert inline_parts('<a href="/" onclick="go()">') == ["event handler"]
    assert inline_parts('<td style="color: red">') == ["style attribute"]
    assert inline_parts('<script type="module" src="/static/a.js"></script>') == []


def policy_of(response) -> dict[str, set[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: set(values)
        for name, *values in (part.split() for part in header.split(";") if part)
    }


def assert_strict(response):
    policy = policy_of(response)
    assert policy["default-src"] == {"'self'"}
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["img-src"] == {"'self'", "data:"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["object-src"] == {"'none'"}


def test_sign_in_page_has_the_policy_and_nothing_inline(db, client):
    response = client.get("/accounts/sign-in/")
    assert_strict(response)
    assert inline_parts(response.content.decode()) == []


@pytest.mark.parametrize("role", ["Business team", "Agency contributor"])
def test_every_demo_page_has_the_policy_and_nothing_inline(demo, role):  # noqa: F811
    """Follows the links of the demo board as the role (the widest and a narrow
    view) and checks each page it reaches."""
    client = Client()
    client.force_login(User.objects.get(email=demo[role]))
    seen, checked = set(), {}
    queue = ["/boards/cumbria/", "/", "/boards/cumbria/risks/matrix/"]
    while queue and len(checked) < MAX_PAGES:
        url = queue.pop(0).replace("&amp;", "&")
        if url in seen or SKIP.search(url):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        assert_strict(response)
        html = response.content.decode()
        checked[url] = inline_parts(html)
        queue.extend(HREF.findall(html))
    assert len(checked) > 40
    assert {url: found for url, found in checked.items() if found} == {}


# Cache-Control: no-store ------------------------------------------------------------


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_api_responses_are_not_stored(cast):
    _, key = issue(cast.board_member, cast.board)
    client = api_client(key)
    for url in ("/api/v1/", "/api/v1/meetings/", "/api/v1/meetings/999999/"):
        assert no_store(client.get(url)), url
    assert no_store(Client().get("/api/v1/meetings/"))  # 401 too


@pytest.fixture
def restricted(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting = MeetingFactory(board=cast.board, date=date(2016, 5, 12))
    secret = AgendaItemFactory(meeting=meeting, order=1, confidential=True)
    draft = ReturnFactory(subgroup__board=cast.board, created_by=cast.business_team)
    return meeting, secret, draft


def test_pages_of_restricted_records_are_not_stored(cast, as_user, restricted):
    meeting, secret, draft = restricted
    client = as_user(cast.business_team)
    meeting_url = f"/boards/north/meetings/{meeting.pk}/"
    for url in (
        meeting_url,
        f"{meeting_url}items/{secret.pk}/minutes/",
        f"/boards/north/returns/{draft.pk}/",
        f"/boards/north/returns/{draft.pk}/history/",
        "/boards/north/view-log/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert no_store(response), url
