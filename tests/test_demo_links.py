"""Every link a demo role is shown leads somewhere: signed in as each role, follow
the links of the demo board's pages and expect no 403 and no 5xx. The roles that
enter their own data (a subgroup chair, an agency contributor) find a page to
enter it on, and what they post there is saved."""

import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from io import StringIO
from typing import NamedTuple

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from boards.demo import sign_ins
from boards.models import User
from business_plan.models import ActionUpdate
from indicators.models import Measurement
from subgroups.models import ReturnStatus, SubgroupReturn

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/boards/cumbria/[^"#]*)"')
# Downloads and exports are files, not pages; a cap keeps the run short.
SKIP = re.compile(r"export=|/download/|/paper/|/file/|\.ics|/calendar/")
MAX_PAGES = 250
# The pages on which each role enters its own data: its subgroup's return, or its
# agency's actions and indicators.
OWN_PAGES = {
    "Subgroup chair": re.compile(
        r"/returns/new/$|/returns/\d+/(highlights|exceptions|actions|check)/$"
    ),
    "Agency contributor": re.compile(
        r"/actions/[^/]+/update/$|/values/new/$|/good-practice/new/$"
    ),
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield dict(sign_ins())
        transaction.set_rollback(True)


class Crawl(NamedTuple):
    statuses: dict[str, int]
    with_post_form: set[str]  # pages (answering 200) that hold a POST form


def crawl(client, start: str, limit: int = MAX_PAGES, within: str = "/") -> Crawl:
    """The pages reached from `start` by following links (those under `within`)."""
    seen, queue, found = set(), [start], Crawl({}, set())
    while queue and len(found.statuses) < limit:
        url = queue.pop(0)
        if url in seen or SKIP.search(url) or not url.startswith(within):
            continue
        seen.add(url)
        response = client.get(url.replace("&amp;", "&"))
        found.statuses[url] = response.status_code
        if response.status_code == 200 and "html" in response["Content-Type"]:
            page = response.content.decode()
            queue.extend(HREF.findall(page))
            if 'method="post"' in page:
                found.with_post_form.add(url)
    return found


def broken(statuses) -> dict[str, int]:
    return {url: s for url, s in statuses.items() if s == 403 or s >= 500}


def signed_in(demo, role) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=demo[role]))
    return client


# The board home, and the newest section's home so its deeper pages are reached
# within the cap.
@pytest.mark.parametrize("start", ["/boards/cumbria/", "/boards/cumbria/training/"])
@pytest.mark.parametrize(
    "role",
    ["Business team", "Independent chair", "Board member", "Subgroup chair"]
    + ["Agency contributor"],
)
def test_no_link_shown_to_a_role_leads_to_a_403_or_an_error(demo, role, start):
    statuses = crawl(signed_in(demo, role), start).statuses
    assert len(statuses) > 20
    assert broken(statuses) == {}


# The cap stops the crawls above before the deeper pages of audits and reviews:
# these stay within the app.
@pytest.mark.parametrize("app", ["audits", "reviews", "good-practice"])
@pytest.mark.parametrize(
    "role",
    ["Business team", "Independent chair", "Board member", "Subgroup chair"]
    + ["Agency contributor"],
)
def test_no_link_of_an_app_leads_a_role_to_a_403_or_an_error(demo, role, app):
    home = f"/boards/cumbria/{app}/"
    statuses = crawl(signed_in(demo, role), home, limit=300, within=home).statuses
    assert len(statuses) > 10
    assert broken(statuses) == {}


class _FormReader(HTMLParser):
    """The fields of a page's POST form with their values, as a browser sends
    them unchanged (text inputs, hidden inputs, textareas, selected options)."""

    def __init__(self):
        super().__init__()
        self.fields, self._in_post, self._textarea, self._select = {}, False, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_post = a.get("method") == "post"
        elif not self._in_post or "name" not in a and tag != "option":
            return
        elif tag == "input" and a.get("type") not in ("submit", "checkbox", "radio"):
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = a["name"]
            self.fields[a["name"]] = ""
        elif tag == "select":
            self._select = a["name"]
            self.fields.setdefault(a["name"], "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_post = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def post_form(client, url, **answers):
    """Opens the page, fills in its form with `answers` over what it shows, and
    posts it; the response to the post."""
    reader = _FormReader()
    reader.feed(client.get(url).content.decode())
    response = client.post(url, {**reader.fields, **answers})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.fixture(scope="module")
def own_pages(demo):
    """Each role's own pages, as its crawl from the board home finds them (the
    whole demo is crawled: these pages lie deeper than the cap above)."""
    pages = {}
    for role, pattern in OWN_PAGES.items():
        found = crawl(signed_in(demo, role), "/boards/cumbria/", limit=3000)
        assert broken(found.statuses) == {}
        pages[role] = sorted(u for u in found.with_post_form if pattern.search(u))
    return pages


@pytest.mark.parametrize("role", list(OWN_PAGES))
def test_a_role_that_enters_its_own_data_reaches_a_page_to_enter_it(own_pages, role):
    assert own_pages[role]


def test_the_subgroup_chair_completes_and_submits_the_return_that_is_due(
    demo, own_pages
):
    client = signed_in(demo, "Subgroup chair")
    [highlights] = [u for u in own_pages["Subgroup chair"] if "highlights" in u]
    return_id = int(re.search(r"/returns/(\d+)/", highlights)[1])
    due = SubgroupReturn.objects.get(pk=return_id)
    assert (due.period, due.status) == ("2016-17 Q4", ReturnStatus.DRAFT)

    post_form(client, highlights, highlights="The learning programme reached 3995.")
    due.refresh_from_db()
    assert due.highlights == "The learning programme reached 3995."
    assert due.subgroup.chaired_by(User.objects.get(email=demo["Subgroup chair"]))

    post_form(client, highlights.replace("highlights", "check"))
    due.refresh_from_db()
    assert due.status == ReturnStatus.SUBMITTED
    assert due.submitted_by.email == demo["Subgroup chair"]


def test_the_agency_contributor_updates_its_agencys_action_and_indicator(
    demo, own_pages
):
    client = signed_in(demo, "Agency contributor")
    contributor = User.objects.get(email=demo["Agency contributor"])
    pages = own_pages["Agency contributor"]

    [update] = [u for u in pages if u.endswith("/update/")][:1]
    post_form(
        client,
        update,
        date="2017-06-30",
        rag="G",
        narrative="HMIC action plan: progress reported to the Business Group.",
    )
    saved = ActionUpdate.objects.get(author=contributor)
    assert saved.date == date(2017, 6, 30) and saved.rag == "G"
    assert saved.action.owner_agencies.filter(name="Cumbria Constabulary").exists()

    [values] = [u for u in pages if u.endswith("/values/new/")][:1]
    post_form(client, values, period_kind="quarter", period_end="2017-06-30", value="1")
    measurement = Measurement.objects.get(period_end=date(2017, 6, 30))
    assert measurement.value == Decimal("1")
    assert measurement.indicator.owning_agency.name == "Cumbria Constabulary"
