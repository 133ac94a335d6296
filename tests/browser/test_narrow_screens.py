"""At 320 px wide (a phone, or 1280 px at 400% zoom) no page scrolls sideways as a
whole: every table scrolls inside a labelled region that takes keyboard focus,
and axe finds nothing serious."""

import pytest
from django.core.management import call_command

from boards.demo import DEMO_PASSWORD, demo_email

pytestmark = pytest.mark.django_db(transaction=True)

WIDEST_PAGES = [
    "/boards/cumbria/challenges/",
    "/boards/cumbria/plans/2016-19/",
    "/boards/cumbria/plans/2016-19/bulk-update/",
    "/boards/cumbria/indicators/scorecards/lscb-performance-report/",
    "/boards/cumbria/members/",
    "/boards/cumbria/risks/matrix/",
    "/boards/cumbria/planner/",
    "/boards/cumbria/plans/2016-19/monitoring/",
    "/boards/cumbria/meetings/",
    "/boards/cumbria/inspections/",
    "/boards/cumbria/",
]


def test_the_widest_pages_fit_a_320_pixel_screen(
    settings, live_server, page, sign_in, assert_accessible
):
    settings.DEBUG = True
    call_command("load_demo")
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.set_viewport_size({"width": 320, "height": 800})
    for path in WIDEST_PAGES:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 321, f"{path} is {width} px wide"
        bare = page.locator("table:not(.portal-scroll table)")
        assert not bare.count(), f"{path} has a table outside a scroll region"
        regions = page.locator(".portal-scroll")
        assert regions.count(), f"{path} has no scroll region"
        for region in regions.all():
            assert region.get_attribute("role") == "region"
            assert region.get_attribute("aria-label")
            assert region.get_attribute("tabindex") == "0"
        regions.first.focus()
        assert page.evaluate(
            "document.activeElement.classList.contains('portal-scroll')"
        )
        assert_accessible(page)
