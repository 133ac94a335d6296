"""Every link a demo role is shown leads somewhere: signed in as each role, follow
the links of the demo board's pages and expect no 403 and no 5xx."""

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
# Downloads and exports are files, not pages; a cap keeps the run short.
SKIP = re.compile(r"export=|/download/|/paper/|\.ics|/calendar/")
MAX_PAGES = 250


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield dict(sign_ins())
        transaction.set_rollback(True)


def crawl(client, start: str) -> dict[str, int]:
    seen, queue, statuses = set(), [start], {}
    while queue and len(statuses) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or SKIP.search(url):
            continue
        seen.add(url)
        response = client.get(url.replace("&amp;", "&"))
        statuses[url] = response.status_code
        if response.status_code == 200 and "html" in response["Content-Type"]:
            queue.extend(HREF.findall(response.content.decode()))
    return statuses


# The board home, and the newest section's home so its deeper pages are reached
# within the cap.
@pytest.mark.parametrize("start", ["/boards/cumbria/", "/boards/cumbria/training/"])
@pytest.mark.parametrize(
    "role",
    ["Business team", "Independent chair", "Board member", "Subgroup chair"]
    + ["Agency contributor"],
)
def test_no_link_shown_to_a_role_leads_to_a_403_or_an_error(demo, role, start):
    client = Client()
    client.force_login(User.objects.get(email=demo[role]))
    statuses = crawl(client, start)
    assert len(statuses) > 20
    broken = {url: s for url, s in statuses.items() if s == 403 or s >= 500}
    assert broken == {}
