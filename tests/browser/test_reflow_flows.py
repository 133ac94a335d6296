"""At 320 px (a phone, or 1280 px at 400% zoom) no page of any kind scrolls
sideways as a whole (WCAG 1.4.10): wide tables scroll inside their labelled
focusable region and long words wrap. The Reporting Planner fits at 1280 px, its
meetings scrolling inside the table's region beside a sticky first column."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from audits.models import Section11Cycle
from boards.demo import DEMO_PASSWORD, demo_email
from business_plan.models import Action, PlanStatus
from indicators.models import Indicator
from training.models import Session, SessionStatus

pytestmark = pytest.mark.django_db(transaction=True)

BOARD = "cumbria"


def one_page_of_each_type() -> list[str]:
    """The board home, a list page of each app, a record page of each, a form
    and the planner, on the demo's records."""
    action = (
        # The current plan: a closed plan's actions take no updates.
        Action.objects.filter(plan__board__slug=BOARD, plan__status=PlanStatus.ACTIVE)
        .select_related("plan")
        .order_by("pk")
        .first()
    )
    indicator = Indicator.objects.filter(board__slug=BOARD).order_by("pk").first()
    cycle = Section11Cycle.objects.filter(board__slug=BOARD).order_by("-year").first()
    session = (
        Session.objects.filter(course__board__slug=BOARD, status=SessionStatus.HELD)
        .order_by("pk")
        .first()
    )
    plan = (BOARD, action.plan.slug)
    return [
        reverse("boards:home", args=[BOARD]),
        reverse("business_plan:overview", args=plan),
        reverse("indicators:all", args=[BOARD]),
        reverse("reviews:home", args=[BOARD]),
        reverse("reviews:items", args=[BOARD]),
        reverse("audits:home", args=[BOARD]),
        reverse("audits:organisations", args=[BOARD]),
        reverse("training:courses", args=[BOARD]),
        reverse("training:elearning", args=[BOARD]),
        reverse("business_plan:action", args=[*plan, action.ref]),
        reverse("indicators:indicator", args=[BOARD, indicator.code]),
        reverse("audits:results", args=[BOARD, cycle.year]),
        reverse("training:session", args=[BOARD, session.pk]),
        reverse("business_plan:update-create", args=[*plan, action.ref]),
        reverse("subgroups:planner", args=[BOARD]),
    ]


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_page_scrolls_sideways_at_320_pixels(
    settings, live_server, page, sign_in, assert_accessible
):
    settings.DEBUG = True
    call_command("load_demo")
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.set_viewport_size({"width": 320, "height": 800})
    for path in one_page_of_each_type():
        response = page.goto(live_server.url + path)
        assert response.ok and page.url.endswith(path), path
        expect(page.locator("main h1")).to_be_visible()
        width = page_width(page)
        assert width <= 321, f"{path} is {width} px wide"
        bare = page.locator("table:not(.portal-scroll table)")
        assert not bare.count(), f"{path} has a table outside a scroll region"
        for region in page.locator(".portal-scroll").all():
            assert region.get_attribute("role") == "region", path
            assert region.get_attribute("aria-label"), path
            assert region.get_attribute("tabindex") == "0", path
        assert_accessible(page)


def test_the_planner_fits_1280_pixels_with_a_sticky_first_column(
    settings, live_server, page, sign_in, assert_accessible
):
    settings.DEBUG = True
    call_command("load_demo")
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("subgroups:planner", args=[BOARD]))
    assert page_width(page) <= 1281
    region = page.get_by_role("region", name="Reporting planner table")
    # A column per meeting: the table scrolls inside its region, not the page.
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    report = region.locator("tbody th").first
    before = report.bounding_box()["x"]
    region.evaluate("r => { r.scrollLeft = 400; }")
    assert region.evaluate("r => r.scrollLeft") > 0
    assert page.evaluate("window.scrollX") == 0
    assert report.evaluate("th => getComputedStyle(th).position") == "sticky"
    assert report.bounding_box()["x"] == before, "the report names scrolled away"
    # A meeting's column did move.
    meeting = region.locator("thead th").nth(1)
    assert meeting.bounding_box()["x"] < before + 220
    assert_accessible(page)
