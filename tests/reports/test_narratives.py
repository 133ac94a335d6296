"""The annual report's narrative: who may read, change and approve it; stale
edits and approvals refused; the approved copy printed until the chair approves
again; plain text shown as text."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lscb_portal.errors import DomainError
from reports.documents import annual_report, annual_report_context
from reports.models import NARRATIVE_FIELDS, NarrativeApproval, ReportNarrative
from reports.narrative import (
    BulletList,
    Paragraph,
    narrative_approve,
    narrative_save,
    text_blocks,
)
from reports.sections import build_sections
from tests.matrix import MANAGE, MANAGE_POST, READ, allow, permission_matrix

from .helpers import page_texts

pytestmark = pytest.mark.django_db

YEAR = 2016
BASE = "/boards/north/annual-report/2016-17/"
NARRATIVE = BASE + "narrative/"
EVIL = '<img src="file:///etc/passwd"> and <script>alert("x")</script>'


def write(cast, user=None, year=YEAR, **texts):
    """Saves texts as the business team (or `user`) from the current version."""
    current = ReportNarrative.objects.filter(board=cast.board, year=year).first()
    return narrative_save(
        board=cast.board,
        year=year,
        version=current.version if current else 0,
        changes=texts,
        user=user or cast.business_team,
    )


def approve(cast, narrative):
    return narrative_approve(
        board=cast.board,
        year=narrative.year,
        version=narrative.version,
        user=cast.chair,
    )


def form_data(narrative, **texts):
    data = {name: getattr(narrative, name) for name in NARRATIVE_FIELDS}
    return {**data, **texts, "version": narrative.version}


def section_keys(cast, draft=False):
    return [s.key for s in build_sections(cast.board, YEAR, draft=draft)]


# Who may do what -------------------------------------------------------------------

# (page, method, expected status per cast member)
MATRIX = [
    (NARRATIVE, "get", READ),
    (NARRATIVE + "change/", "get", MANAGE),
    (NARRATIVE + "change/", "post", MANAGE_POST),
    (NARRATIVE + "compare/", "get", MANAGE),
    (NARRATIVE + "history/", "get", MANAGE),
    (NARRATIVE + "approve/", "post", allow(302, "chair")),
    (BASE + "?draft=1", "get", MANAGE),
]


@permission_matrix(MATRIX)
def test_permission_matrix(cast, visit, who, method, url, expected):
    narrative = write(cast, foreword="Draft words.")
    data = form_data(narrative, foreword="Changed words.") if method == "post" else {}
    visit(who, method, url, expected, data=data)
    allowed = expected == 302 and who != "anonymous"
    changed = ReportNarrative.objects.get().foreword == "Changed words."
    assert changed == (url.endswith("change/") and method == "post" and allowed)
    assert NarrativeApproval.objects.exists() == (url.endswith("approve/") and allowed)


def test_approve_page_answers_only_post(cast, as_user):
    write(cast, foreword="Words.")
    assert as_user(cast.chair).get(NARRATIVE + "approve/").status_code == 405


@pytest.mark.parametrize("year", ["someday", "0000", "2016-18", "9999"])
def test_not_a_reporting_year_is_404(cast, as_user, year):
    client = as_user(cast.chair)
    url = f"/boards/north/annual-report/{year}/narrative/"
    assert client.get(url).status_code == 404
    assert client.get(f"/boards/north/annual-report/{year}/").status_code == 404


def test_readers_see_the_approved_text_only(cast, as_user):
    approve(cast, write(cast, foreword="Approved words."))
    write(cast, foreword="Unapproved words.")
    page = as_user(cast.board_member).get(NARRATIVE).content.decode()
    assert "Approved words." in page
    assert "Unapproved words." not in page
    assert "Changes since the approved version" not in page


def test_readers_are_told_when_nothing_is_approved(cast, as_user):
    write(cast, foreword="Draft words.")
    page = as_user(cast.lay_member).get(NARRATIVE).content.decode()
    assert "Draft words." not in page
    assert "has not approved a version" in page


# Editing ----------------------------------------------------------------------------


def test_first_save_writes_version_one_with_its_author(cast, as_user):
    client = as_user(cast.business_team)
    form = client.get(NARRATIVE + "change/")
    assert form.status_code == 200
    assert 'name="version" value="0"' in form.content.decode()
    response = client.post(
        NARRATIVE + "change/",
        {"version": 0, "foreword": "Line one\r\n\r\n- a bullet\r\n", "conclusion": ""},
    )
    assert response.status_code == 302
    narrative = ReportNarrative.objects.get()
    assert (narrative.board, narrative.year, narrative.version) == (cast.board, 2016, 1)
    assert narrative.foreword == "Line one\n\n- a bullet"  # one newline convention
    assert narrative.updated_by == cast.business_team
    assert narrative.history.get().history_user == cast.business_team


def test_a_stale_edit_is_refused_naming_who_saved_first(cast, as_user):
    narrative = write(cast, foreword="First.")
    opened = form_data(narrative, foreword="Team's change.")
    write(cast, user=cast.chair, foreword="Chair's change.")
    response = as_user(cast.business_team).post(NARRATIVE + "change/", opened)
    assert response.status_code == 409
    page = response.content.decode()
    assert f"changed by {cast.chair.full_name}" in page
    assert "There is a problem" in page
    assert ReportNarrative.objects.get().foreword == "Chair's change."


def test_a_stale_first_save_is_refused(cast, as_user):
    write(cast, user=cast.chair, foreword="Chair got there first.")
    response = as_user(cast.business_team).post(
        NARRATIVE + "change/", {"version": 0, "foreword": "Mine."}
    )
    assert response.status_code == 409
    assert ReportNarrative.objects.get().foreword == "Chair got there first."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": "x", "foreword": "Hi"}, "This page is out of date"),
        ({"foreword": "Hi"}, "This page is out of date"),
        ({"version": 0, "foreword": "x" * 20_001}, "be 20,000 characters or fewer"),
        ({"version": 0, "foreword": "null \x00 byte"}, "Null characters"),
    ],
)
def test_bad_input_shows_errors_not_a_crash(cast, as_user, data, message):
    response = as_user(cast.business_team).post(NARRATIVE + "change/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert not ReportNarrative.objects.exists()


def test_saving_unchanged_text_makes_no_new_version(cast):
    narrative = write(cast, foreword="Same.")
    again = write(cast, foreword="Same.")
    assert again.version == narrative.version == 1
    assert again.history.count() == 1


def test_history_records_each_change_with_its_author(cast, as_user):
    write(cast, foreword="First.")
    narrative = write(cast, user=cast.chair, foreword="Second.")
    approve(cast, narrative)
    records = list(narrative.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert [r.history_user for r in records] == [cast.business_team, cast.chair]
    page = as_user(cast.business_team).get(NARRATIVE + "history/").content.decode()
    assert "Foreword from the Chair: “First.” to “Second.”" in page
    assert "Approvals" in page and cast.chair.full_name in page


# Approving --------------------------------------------------------------------------


def test_approval_records_a_copy_of_the_texts(cast, as_user):
    narrative = write(cast, foreword="Foreword.", achievements="- One\n- Two")
    response = as_user(cast.chair).post(NARRATIVE + "approve/", {"version": 1})
    assert response.status_code == 302
    approval = NarrativeApproval.objects.get()
    assert approval.narrative == narrative
    assert approval.version == 1
    assert approval.approved_by == cast.chair
    assert approval.texts == narrative.texts()
    page = as_user(cast.chair).get(NARRATIVE).content.decode()
    assert f"Approved version 1 by {cast.chair.full_name}" in page
    assert "not yet approved" not in page


def test_a_stale_approval_is_refused(cast, as_user):
    narrative = write(cast, foreword="What the chair read.")
    write(cast, foreword="Changed while the chair was reading.")
    response = as_user(cast.chair).post(
        NARRATIVE + "approve/", {"version": narrative.version}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert f"changed by {cast.business_team.full_name}" in page
    assert "Version 1 has not been approved" in page
    assert not NarrativeApproval.objects.exists()


@pytest.mark.parametrize("version", ["", "two", "1.5"])
def test_approval_with_a_bad_version_is_refused(cast, as_user, version):
    write(cast, foreword="Words.")
    response = as_user(cast.chair).post(NARRATIVE + "approve/", {"version": version})
    assert response.status_code == 400
    assert not NarrativeApproval.objects.exists()


def test_approving_twice_or_nothing_is_refused(cast, as_user):
    client = as_user(cast.chair)
    response = client.post(NARRATIVE + "approve/", {"version": 0})
    assert response.status_code == 400
    assert "no narrative to approve" in response.content.decode()
    approve(cast, write(cast, foreword="Words."))
    response = client.post(NARRATIVE + "approve/", {"version": 1})
    assert response.status_code == 400
    assert "approved already" in response.content.decode()
    assert NarrativeApproval.objects.count() == 1


def test_an_empty_narrative_cannot_be_approved_first(cast):
    narrative = write(cast, foreword="")
    with pytest.raises(DomainError):
        approve(cast, narrative)


def test_an_approval_is_never_changed(cast):
    approval = approve(cast, write(cast, foreword="Words."))
    approval.texts = {"foreword": "Rewritten."}
    with pytest.raises(ValidationError):
        approval.save()
    assert NarrativeApproval.objects.get().texts["foreword"] == "Words."


def test_editing_after_approval_keeps_the_approved_text_in_the_report(cast, as_user):
    approve(cast, write(cast, foreword="Approved foreword."))
    write(cast, foreword="New foreword.")

    def foreword(draft):
        sections = annual_report_context(cast.board, YEAR, draft=draft)["sections"]
        found = next(s for s in sections if s.key == "foreword")
        return found.context["blocks"][0].text

    assert foreword(draft=False) == "Approved foreword."
    assert foreword(draft=True) == "New foreword."

    client = as_user(cast.chair)
    page = client.get(NARRATIVE).content.decode()
    assert "Changes since the approved version are not yet approved" in page
    assert "Changed since approval" in page
    assert "Approve this version" in page
    compare = client.get(NARRATIVE + "compare/").content.decode()
    assert "Approved foreword." in compare and "New foreword." in compare

    edition = client.get(BASE).content.decode()
    assert "Approved foreword." in edition and "New foreword." not in edition
    assert "Draft — not approved" not in edition
    draft = client.get(BASE + "?draft=1").content.decode()
    assert "New foreword." in draft and "Draft — not approved" in draft

    approve(cast, ReportNarrative.objects.get())
    assert foreword(draft=False) == "New foreword."


def test_compare_marks_the_changed_paragraphs(cast, as_user):
    approve(cast, write(cast, conclusion="Kept.\n\nOld ending.\n\n- a\n- b"))
    write(cast, conclusion="Kept.\n\nNew ending.\n\n- a\n- b")
    page = as_user(cast.business_team).get(NARRATIVE + "compare/").content.decode()
    assert page.count("New or changed") == page.count("Not in the draft") == 1
    assert re.search(r"New or changed</p>\s*<p class=\"govuk-body\">New ending", page)
    assert re.search(r"Not in the draft</p>\s*<p class=\"govuk-body\">Old ending", page)


def test_the_business_team_sees_the_approval_awaited(cast, as_user):
    write(cast, foreword="Words.")
    page = as_user(cast.business_team).get(NARRATIVE).content.decode()
    assert "awaiting the chair's approval" in page
    assert "Approve this version" not in page  # the chair's button only


# In the report ----------------------------------------------------------------------


def test_nothing_approved_prints_no_narrative(cast):
    write(cast, foreword="Draft only.", conclusion="Draft only.")
    assert "foreword" not in section_keys(cast)
    assert {"foreword", "conclusion"} <= set(section_keys(cast, draft=True))


def test_empty_blocks_are_left_out(cast):
    approve(cast, write(cast, foreword="Foreword.", priorities="  \n\n "))
    keys = section_keys(cast)
    assert "foreword" in keys
    assert not {"introduction", "views_of_children", "conclusion", "priorities"} & set(
        keys
    )
    assert "report_on_a_page" not in keys  # no achievements, view or figures


def test_narrative_sections_in_the_seed_order(cast):
    approve(
        cast,
        write(cast, **{name: f"Text of {name}." for name in NARRATIVE_FIELDS}),
    )
    built = build_sections(cast.board, YEAR)
    assert [s.key for s in built] == [
        "foreword",
        "introduction",
        "views_of_children",
        "context",
        "members",
        "governance",
        "private_fostering",
        "conclusion",
        "priorities",
        "report_on_a_page",
    ]
    assert built[8].heading == "9. LSCB Priorities 2017-20"


def test_other_years_narrative_is_not_printed(cast):
    approve(cast, write(cast, year=2015, foreword="Last year's."))
    assert "foreword" not in section_keys(cast)


def test_typed_markup_is_text_on_every_page(cast, as_user):
    narrative = write(cast, foreword=EVIL, achievements=f"- {EVIL}")
    approve(cast, narrative)
    escaped = "&lt;img src=&quot;file:///etc/passwd&quot;&gt;"
    client = as_user(cast.chair)
    for url in (NARRATIVE, NARRATIVE + "change/", BASE, BASE + "?draft=1"):
        page = client.get(url).content.decode()
        assert escaped in page, url
        assert '<img src="file:///etc/passwd">' not in page, url
        assert "<script>alert" not in page, url


def test_draft_pdf_says_so_and_prints_markup_as_text(cast):
    write(cast, foreword=EVIL)
    data, pages = annual_report(cast.board, YEAR, draft=True)
    texts = page_texts(data)
    assert all("Draft – not approved" in text for text in texts[1:])
    assert "Draft – not approved" in texts[0]  # on the cover too
    joined = "\n".join(texts)
    assert '<img src="file:///etc/passwd">' in joined
    assert "root:" not in joined


# Plain text -------------------------------------------------------------------------


def test_text_blocks_split_paragraphs_and_bullets():
    text = (
        "First paragraph\nsame paragraph.\r\n\r\n"
        "- one\n- two\n\n- three\n\n"
        "Closing <b>line</b>.\n-not a bullet"
    )
    assert text_blocks(text) == [
        Paragraph("First paragraph\nsame paragraph."),
        BulletList(["one", "two", "three"]),
        Paragraph("Closing <b>line</b>.\n-not a bullet"),
    ]
    assert text_blocks("") == text_blocks("  \n \n") == []


def test_line_breaks_show_on_screen(cast, as_user):
    approve(cast, write(cast, foreword="Independent Chair\n22nd August 2017"))
    page = as_user(cast.board_member).get(BASE).content.decode()
    assert "Independent Chair<br>22nd August 2017" in page


# Query budgets ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("chair", NARRATIVE),
        ("board_member", NARRATIVE),
        ("business_team", NARRATIVE + "change/"),
        ("business_team", NARRATIVE + "compare/"),
        ("business_team", NARRATIVE + "history/"),
    ],
)
def test_narrative_pages_query_budget_does_not_grow(
    cast, as_user, django_assert_max_num_queries, who, url
):
    client = as_user(cast.user(who))

    def queries(start, edits):
        for n in range(start, start + edits):
            approve(cast, write(cast, foreword=f"Version {n}.", achievements=f"- {n}"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = queries(0, 1)
    large = queries(1, 8)
    assert small == large
    with django_assert_max_num_queries(8):
        client.get(url)
