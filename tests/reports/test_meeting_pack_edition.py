"""A meeting pack's HTML edition at /boards/<slug>/meetings/<id>/pack/: the PDF's
context and partials on screen, for whoever may download the pack, in the PDF's
reading order; both editions' headings skip no level and the PDF's bookmarks are
its headings. The annual report's editions likewise."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from reports.documents import annual_report, annual_report_context
from reports.meeting_pack import meeting_pack, meeting_pack_context
from reports.models import ReportRun, RunStatus
from tests.matrix import NOT_OURS, READ, permission_matrix
from tests.subgroups.factories import MeetingFactory

from .helpers import bookmarks, fill_board, headings, skipped_levels
from .test_pack_agenda import DAY, _fill

pytestmark = pytest.mark.django_db

PACK = "/boards/north/meetings/{meeting}/pack/"


def pack_url(meeting):
    return f"/boards/{meeting.board.slug}/meetings/{meeting.pk}/pack/"


@pytest.fixture
def meeting(cast):
    return MeetingFactory(board=cast.board, date=DAY)


@permission_matrix(
    [
        (PACK, "get", READ),
        # Another board's meeting under this board's address does not exist here.
        ("/boards/north/meetings/{theirs}/pack/", "get", NOT_OURS),
        ("/boards/north/meetings/0/pack/", "get", NOT_OURS),
    ]
)
def test_permission_matrix(cast, visit, meeting, who, method, url, expected):
    theirs = MeetingFactory(board=cast.other_board, date=DAY)
    visit(who, method, url.format(meeting=meeting.pk, theirs=theirs.pk), expected)


def test_other_boards_member_reads_their_own_pack(cast, as_user):
    theirs = MeetingFactory(board=cast.other_board, date=DAY)
    client = as_user(cast.other_board_member)
    assert client.get(pack_url(theirs)).status_code == 200


def screen_outline(page: str) -> list[tuple[int, str]]:
    """The edition's headings under its page title, a level up: the PDF's levels
    (the page's own header and footer left out)."""
    main = page[page.index("<main") : page.index("</main>")]
    found = headings(main)
    start = next(i for i, (level, _) in enumerate(found) if level == 1)
    return [(level - 1, text) for level, text in found[start + 1 :]]


def test_edition_has_the_pdfs_parts_in_the_pdfs_order(cast, as_user, meeting):
    _fill(cast, meeting, 0, 2)
    context = meeting_pack_context(meeting)
    printed = headings(render_to_string("reports/pdf/meeting_pack.html", context))
    page = as_user(cast.board_member).get(pack_url(meeting)).content.decode()

    assert screen_outline(page) == printed
    parts = [p["heading"] for p in context["parts"]]
    assert [text for level, text in printed if level == 1] == [
        "Agenda",
        "Contents",
        *parts,
        "Reports not received",
    ]
    assert parts[0] == "1.1 Business Plan 2016-19: exceptions and highlights"
    # The numbered agenda links to each paper, on the page itself.
    for part in context["parts"]:
        assert f'href="#{part["key"]}"' in page and f'id="{part["key"]}"' in page
    assert 'href="#not-received"' in page and "Missing 0" in page
    assert not skipped_levels(headings(page))
    assert not skipped_levels(printed)


def test_pack_bookmarks_are_its_headings_in_order(cast, meeting):
    _fill(cast, meeting, 0, 2)
    context = meeting_pack_context(meeting)
    printed = headings(render_to_string("reports/pdf/meeting_pack.html", context))
    data, _ = meeting_pack(meeting)
    assert bookmarks(data) == [h for h in printed if h[0] <= 2]
    assert bookmarks(data)[:3] == [
        (1, "Agenda"),
        (1, "Contents"),
        (1, "1.1 Business Plan 2016-19: exceptions and highlights"),
    ]
    assert (2, "Red actions") in bookmarks(data)


def test_annual_report_bookmarks_and_edition_follow_its_headings(cast, as_user):
    fill_board(cast.board, 2)
    context = annual_report_context(cast.board, 2016)
    printed = headings(render_to_string("reports/pdf/annual_report.html", context))
    data, _ = annual_report(cast.board, 2016)
    assert bookmarks(data) == [h for h in printed if h[0] <= 2]
    sections = [s.heading for s in context["sections"]]
    assert [text for level, text in bookmarks(data) if level == 1] == [
        "Contents",
        *sections,
    ]
    assert not skipped_levels(printed)
    page = as_user(cast.board_member).get("/boards/north/annual-report/2016-17/")
    on_screen = page.content.decode()
    assert not skipped_levels(headings(on_screen))
    assert screen_outline(on_screen) == printed


def test_edition_runs_a_constant_number_of_queries(
    cast, as_user, meeting, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(cast.board_member)
    _fill(cast, meeting, 0, 2)
    client.get(pack_url(meeting))  # warm the caches a first request fills
    with CaptureQueriesContext(connection) as small:
        page = client.get(pack_url(meeting)).content.decode()
    assert "2.1 Risk log" in page
    _fill(cast, meeting, 2, 6)
    with django_assert_max_num_queries(len(small)):
        page = client.get(pack_url(meeting)).content.decode()
    assert "Missing 7" in page and "Group 7" in page


def test_confidential_items_words_are_not_on_screen(cast, as_user, meeting):
    from tests.boards.test_meetings_data import AgendaItemFactory

    AgendaItemFactory(meeting=meeting, order=1, title="Named XYZZY", confidential=True)
    page = as_user(cast.chair).get(pack_url(meeting)).content.decode()
    assert '<span class="number">1.</span> Confidential item' in page
    assert "XYZZY" not in page


def test_meeting_page_links_to_the_edition(cast, as_user, meeting):
    link = f'href="{pack_url(meeting)}"'
    for who in ("board_member", "chair"):
        page = as_user(cast.user(who)).get(f"/boards/north/meetings/{meeting.pk}/")
        assert link in page.content.decode()
        assert "Read the meeting pack on screen (HTML)" in page.content.decode()


def _run(cast, kind, params):
    return ReportRun.objects.create(
        board=cast.board,
        kind=kind,
        params=params,
        status=RunStatus.SUCCEEDED,
        page_count=1,
        requested_by=cast.chair,
    )


@pytest.mark.parametrize(
    ("kind", "params", "edition"),
    [
        ("meeting_pack", {"meeting": "MEETING"}, "PACK"),
        ("annual_report", {"year": 2016}, "/boards/north/annual-report/2016-17/"),
        (
            "annual_report",
            {"year": 2016, "draft": True},
            "/boards/north/annual-report/2016-17/?draft=1",
        ),
    ],
)
def test_run_pages_link_to_the_edition(cast, as_user, meeting, kind, params, edition):
    params = {k: meeting.pk if v == "MEETING" else v for k, v in params.items()}
    run = _run(cast, kind, params)
    edition = pack_url(meeting) if edition == "PACK" else edition
    link = f'href="{edition}"'.replace("&", "&amp;")
    client = as_user(cast.chair)
    detail = client.get(f"/boards/north/reports/{run.pk}/").content.decode()
    assert link in detail and "Read on screen (HTML)" in detail
    listed = client.get("/boards/north/reports/").content.decode()
    assert link in listed
    assert client.get(edition).status_code == 200


def test_a_deleted_meetings_run_links_to_no_edition(cast, as_user, meeting):
    run = _run(cast, "meeting_pack", {"meeting": meeting.pk})
    meeting.delete()
    page = as_user(cast.chair).get(f"/boards/north/reports/{run.pk}/").content
    assert b"Read on screen (HTML)" not in page


def test_run_list_query_count_does_not_grow_with_the_runs(
    cast, as_user, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(cast.chair)

    def add(n):
        for _ in range(n):
            day = date(2017, 1, 1 + ReportRun.objects.count())
            meeting = MeetingFactory(board=cast.board, date=day)
            _run(cast, "meeting_pack", {"meeting": meeting.pk})
            _run(cast, "annual_report", {"year": 2016})

    add(1)
    client.get("/boards/north/reports/")
    with CaptureQueriesContext(connection) as small:
        client.get("/boards/north/reports/")
    add(5)
    with django_assert_max_num_queries(len(small)):
        page = client.get("/boards/north/reports/").content.decode()
    assert page.count("Read on screen (HTML)") == 12
