"""The HTML editions of the PDFs: a board member opens the meeting pack from the
meeting's page and follows its agenda to a paper; the annual report on screen.
Both are axe clean, their headings in order (axe heading-order)."""

from datetime import date

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import Meeting

from .conftest import AXE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def heading_order(page) -> list[str]:
    """axe's heading-order violations (a level skipped), whatever their impact."""
    page.evaluate(AXE.read_text())
    results = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['heading-order']})"
    )
    return [node["target"][0] for v in results["violations"] for node in v["nodes"]]


def test_board_member_reads_the_meeting_pack_on_screen(
    demo, live_server, page, sign_in, assert_accessible
):
    meeting = Meeting.objects.get(kind="board", date=date(2017, 3, 9))
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Read the meeting pack on screen (HTML)").click()

    title = "Meeting pack: Board meeting 9 March 2017"
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Agenda", level=2)).to_be_visible()
    assert_accessible(page)
    assert not heading_order(page)

    # The numbered agenda leads to each paper on the page.
    agenda = page.locator("section.agenda")
    agenda.get_by_role("link", name="4.1 LSCB Risk Log").click()
    paper = page.get_by_role("heading", name="4.1 LSCB Risk Log", level=2)
    expect(paper).to_be_in_viewport()
    expect(page.locator("section[aria-labelledby='part-4-1']")).to_contain_text(
        "Open risks as the log stood on 9 March 2017"
    )
    agenda.get_by_role("link", name="Reports not received").click()
    expect(
        page.get_by_role("heading", name="Reports not received", level=2)
    ).to_be_in_viewport()

    page.get_by_role("link", name="Back to the meeting").click()
    expect(page.get_by_role("heading", name=str(meeting), level=1)).to_be_visible()


def test_board_member_reads_the_annual_report_on_screen(
    demo, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/reports/")
    page.get_by_role(
        "link", name="Read the annual report 2016-17 as a web page"
    ).click()
    expect(
        page.get_by_role("heading", name="Annual report 2016-17", level=1)
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Contents", level=2)).to_be_visible()
    assert_accessible(page)
    assert not heading_order(page)
