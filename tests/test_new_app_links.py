"""No link of the newer apps' pages (audits, case reviews) leads a demo role to a
403: signed in as each role, follow every link that stays within the app, from
its home, and expect neither a 403 nor a server error. (tests/test_demo_links.py
crawls from the board home and the training home, where a cap stops it before
these apps' deeper pages.)"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from boards.demo import sign_ins
from boards.models import User

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/boards/cumbria/[^"#]*)"')
# Downloads are files, not pages.
SKIP = re.compile(r"export=|/download/|/paper/|/file/")
MAX_PAGES = 300


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield dict(sign_ins())
        transaction.set_rollback(True)


def crawl(client, start: str) -> dict[str, tuple[int, str]]:
    """Each page reached within `start`: its status and the page linking to it."""
    seen, queue, found = set(), [(start, "")], {}
    while queue and len(found) < MAX_PAGES:
        url, source = queue.pop(0)
        if url in seen or SKIP.search(url) or not url.startswith(start):
            continue
        seen.add(url)
        response = client.get(url.replace("&amp;", "&"))
        found[url] = (response.status_code, source)
        if response.status_code == 200 and "html" in response["Content-Type"]:
            queue.extend(
                (href, url) for href in HREF.findall(response.content.decode())
            )
    return found


@pytest.mark.parametrize("app", ["audits", "reviews"])
@pytest.mark.parametrize(
    "role",
    ["Business team", "Independent chair", "Board member", "Subgroup chair"]
    + ["Agency contributor"],
)
def test_no_link_of_the_app_leads_a_role_to_a_403(demo, role, app):
    client = Client()
    client.force_login(User.objects.get(email=demo[role]))
    found = crawl(client, f"/boards/cumbria/{app}/")
    assert len(found) > 10
    broken = {url: s for url, s in found.items() if s[0] == 403 or s[0] >= 500}
    assert broken == {}
