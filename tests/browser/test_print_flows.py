"""Printed pages carry the content only: the print stylesheet hides the header,
navigation, footer, skip link, buttons, filters and pagination, keeps the links'
text, and lets tables fit the paper instead of scrolling out of it."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email

pytestmark = pytest.mark.django_db(transaction=True)

# A4 at 15 mm margins is 180 mm wide, about 680 CSS pixels; a page with a wide
# table prints landscape, 267 mm, about 1009 pixels.
PORTRAIT, LANDSCAPE = 680, 1009

PAGES = [
    "/boards/cumbria/",  # the board home
    "/boards/cumbria/challenges/",  # a list page: filters, sort links, exports
    "/boards/cumbria/plans/2016-19/actions/1.1/",  # a record page
    "/boards/cumbria/plans/2016-19/actions/1.1/update/",  # a form page
    "/boards/cumbria/planner/",  # the widest table
]

# The @page rule the content prints on ("wide" is landscape).
NAMED_PAGE = "getComputedStyle(document.querySelector('main')).page"

HIDDEN = [
    "header",
    ".govuk-service-navigation",
    ".govuk-footer",
    ".govuk-skip-link",
    ".govuk-back-link",
    "main .govuk-button",
    "main form[method='get']",
    ".govuk-pagination",
    ".portal-exports",
]


def test_a_printed_page_shows_its_content_without_navigation(
    settings, live_server, page, sign_in
):
    settings.DEBUG = True
    call_command("load_demo")
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.emulate_media(media="print")
    landscape = []
    for path in PAGES:
        page.set_viewport_size({"width": PORTRAIT, "height": 900})
        page.goto(live_server.url + path)
        paper = PORTRAIT
        if page.evaluate(NAMED_PAGE) == "wide":
            paper = LANDSCAPE
            landscape.append(path)
            page.set_viewport_size({"width": LANDSCAPE, "height": 700})
        expect(page.locator("main")).to_be_visible()
        expect(page.locator("main h1")).to_be_visible()
        for selector in HIDDEN:
            for element in page.locator(selector).all():
                expect(element, f"{selector} prints on {path}").to_be_hidden()
        if path == "/boards/cumbria/challenges/":
            # The links in a list keep their text.
            expect(page.locator("main table a.govuk-link").first).to_be_visible()
            expect(page.locator("main table a.govuk-link").first).not_to_be_empty()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= paper + 1, f"{path} prints {width} px wide"
        cut = page.evaluate(
            "[...document.querySelectorAll('.portal-scroll')]"
            ".filter(r => r.scrollWidth > r.clientWidth + 1)"
            ".map(r => r.getAttribute('aria-label'))"
        )
        assert not cut, f"{path} cuts off {cut}"

    # The planner's column per meeting goes on landscape paper.
    assert landscape == ["/boards/cumbria/planner/"]

    # On screen the navigation is back.
    page.emulate_media(media="screen")
    expect(page.locator(".govuk-service-navigation")).to_be_visible()
