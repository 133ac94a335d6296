"""The agenda: confidential items, items and their papers, minutes, declarations."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from boards.models import (
    AgendaItem,
    Role,
)
from boards.services.meetings import MAX_PAPER_BYTES

from .factories import MembershipFactory
from .test_meetings_data import (  # noqa: F401 - fixtures
    DOCX,
    PDF,
    AgendaItemFactory,
    DeclarationFactory,
    MeetingActionFactory,
    media_fixture,
    text,
    url,
    year_fixture,
)

pytestmark = pytest.mark.usefixtures("media_in_tmp")


# Confidential items --------------------------------------------------------------


@pytest.fixture
def secret(cast, year, tmp_path):
    item = AgendaItemFactory(
        meeting=year[0],
        order=5,
        title="Allegation against a professional",
        presenter="Designated Officer",
        confidential=True,
        minutes="Discussed the referral in detail.",
        decisions="Refer to the Case Review Group.",
        paper_file=SimpleUploadedFile("referral.pdf", PDF),
    )
    MeetingActionFactory(
        meeting=year[0],
        agenda_item=item,
        description="Write to the employer about the allegation",
        update="Letter drafted.",
    )
    DeclarationFactory(
        membership=cast.board_member.memberships.get(),
        year=None,
        agenda_item=item,
        interest="Knows the professional concerned",
    )
    return item


def observer(cast):
    return MembershipFactory(
        board=cast.board, role=Role.OBSERVER, agency=cast.agency_y
    ).user


SECRETS = [
    "Allegation against a professional",
    "Designated Officer",
    "Discussed the referral in detail.",
    "Refer to the Case Review Group.",
    "referral",
    "Write to the employer about the allegation",
    "Letter drafted.",
    "Knows the professional concerned",
]


@pytest.mark.parametrize("who", ["chair", "business_team", "board_member"])
def test_the_roles_the_help_text_names_see_confidential_items(
    cast, as_user, year, secret, who
):
    page = text(as_user(cast.user(who)).get(url(year[0])))
    for words in SECRETS:
        assert words in page
    assert "Confidential" in page


@pytest.mark.parametrize(
    "who", ["lay_member", "contributor_x", "contributor_y", "observer"]
)
def test_others_see_only_that_a_confidential_item_exists(
    cast, as_user, year, secret, who
):
    user = observer(cast) if who == "observer" else cast.user(who)
    client = as_user(user)
    page = text(client.get(url(year[0])))
    assert "5. Confidential item" in page
    assert "Action on a confidential item" in page
    for words in SECRETS:
        assert words not in page
    membership = cast.board_member.memberships.get()
    member_page = text(client.get(f"/boards/north/members/{membership.pk}/"))
    assert "Confidential item" in member_page
    assert "Knows the professional concerned" not in member_page
    assert "Allegation" not in member_page


@pytest.mark.parametrize("page", ["edit/", "minutes/", "paper/", "declarations/new/"])
def test_confidential_item_pages_are_a_404_for_those_who_may_not_see_it(
    cast, as_user, year, secret, page
):
    address = url(year[0], f"items/{secret.pk}/{page}")
    assert as_user(cast.contributor_x).get(address).status_code == 404
    assert as_user(cast.lay_member).get(address).status_code == 404
    assert as_user(observer(cast)).get(address).status_code == 404
    expected = 200 if page == "paper/" else 403
    assert as_user(cast.board_member).get(address).status_code == expected
    assert as_user(cast.business_team).get(address).status_code == 200


def test_confidential_items_are_for_exactly_the_roles_the_help_text_names(cast):
    """The help text is what the business team reads when ticking the box; the
    predicate must let in those it names and nobody else."""
    from boards.permissions import can_view_confidential

    hint = AgendaItem._meta.get_field("confidential").help_text
    assert hint == (
        "Only the chair, board members and the business team see it and its minutes."
    )
    named = {Role.CHAIR, Role.BOARD_MEMBER, Role.BUSINESS_TEAM}
    for role in Role:
        user = MembershipFactory(board=cast.board, role=role, agency=cast.agency_x).user
        assert can_view_confidential(user, cast.board) is (role in named), role


def test_open_item_edit_is_a_403_for_a_contributor(cast, as_user, year):
    item = AgendaItemFactory(meeting=year[0])
    address = url(year[0], f"items/{item.pk}/edit/")
    assert as_user(cast.contributor_x).get(address).status_code == 403


# Agenda items and papers ---------------------------------------------------------


def item_data(**changes):
    return {"order": 1, "title": "Risk log", "presenter": "Business team", **changes}


def test_agenda_item_added_with_a_paper_and_downloaded(cast, as_user, year):
    client = as_user(cast.business_team)
    response = client.post(
        url(year[0], "items/new/"),
        item_data(paper_file=SimpleUploadedFile("Risk log.pdf", PDF), standing="on"),
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.standing and not item.confidential
    assert item.history.first().history_user == cast.business_team
    page = text(as_user(cast.contributor_x).get(url(year[0])))
    assert "1. Risk log" in page and "Standing item" in page
    paper_url = url(year[0], f"items/{item.pk}/paper/")
    assert paper_url in page
    download = as_user(cast.contributor_x).get(paper_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_agenda_item_paper_too_big_is_refused(cast, as_user, year):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * MAX_PAPER_BYTES)
    response = as_user(cast.chair).post(
        url(year[0], "items/new/"), item_data(paper_file=big)
    )
    assert response.status_code == 200
    assert "The paper must be smaller than 10 MB." in text(response)
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("paper.exe", b"MZ\x90\x00"),
        ("paper.pdf", b"MZ\x90\x00 not a pdf"),  # right name, wrong bytes
        ("paper.docx", PDF),  # a PDF called .docx
        ("paper.txt", b"plain text"),
        ("paper", PDF),
    ],
)
def test_agenda_item_paper_of_the_wrong_type_is_refused(
    cast, as_user, year, name, content
):
    response = as_user(cast.chair).post(
        url(year[0], "items/new/"),
        item_data(paper_file=SimpleUploadedFile(name, content)),
    )
    assert response.status_code == 200
    assert "The paper must be a PDF, Word (.docx) or Excel (.xlsx) file." in text(
        response
    )
    assert not AgendaItem.objects.exists()


def test_agenda_item_edit_replaces_or_removes_the_paper(cast, as_user, year):
    item = AgendaItemFactory(
        meeting=year[0], order=2, paper_file=SimpleUploadedFile("old.pdf", PDF)
    )
    client = as_user(cast.business_team)
    address = url(year[0], f"items/{item.pk}/edit/")
    bad = client.post(
        address, item_data(order=2, paper_file=SimpleUploadedFile("x.xlsx", PDF))
    )
    assert "The paper must be a PDF" in text(bad)
    item.refresh_from_db()
    assert item.paper_file.name.endswith("old.pdf")
    good = client.post(
        address,
        item_data(order=2, paper_file=SimpleUploadedFile("new.docx", DOCX)),
    )
    assert good.status_code == 302
    item.refresh_from_db()
    assert item.paper_file.name.endswith("new.docx")
    client.post(address, item_data(order=2, remove_paper="on"))
    item.refresh_from_db()
    assert not item.paper_file


def test_agenda_item_number_clash_is_explained(cast, as_user, year):
    AgendaItemFactory(meeting=year[0], order=1)
    response = as_user(cast.chair).post(url(year[0], "items/new/"), item_data())
    assert "Item 1 already exists: choose another number." in text(response)
    assert AgendaItem.objects.count() == 1


def test_linked_paper_links_to_its_record(cast, as_user, year):
    linked = AgendaItemFactory(meeting=year[0], order=1, paper=year[1])
    AgendaItemFactory(meeting=year[0], order=2, paper=cast.agency_x)
    page = text(as_user(cast.lay_member).get(url(year[0])))
    assert linked.paper == year[1]
    # A meeting has no get_absolute_url: its name is shown; so is an agency's.
    assert str(year[1]) in page
    assert cast.agency_x.name in page


def test_minutes_and_decisions_recorded_per_item(cast, as_user, year):
    item = AgendaItemFactory(meeting=year[0], order=3)
    response = as_user(cast.business_team).post(
        url(year[0], f"items/{item.pk}/minutes/"),
        {"minutes": "The board noted the report.", "decisions": "Agreed the plan."},
    )
    assert response.status_code == 302
    page = text(as_user(cast.contributor_y).get(url(year[0])))
    assert "The board noted the report." in page and "Agreed the plan." in page


def test_declaration_on_an_item(cast, as_user, year):
    item = AgendaItemFactory(meeting=year[0], order=1)
    membership = cast.board_member.memberships.get()
    response = as_user(cast.business_team).post(
        url(year[0], f"items/{item.pk}/declarations/new/"),
        {
            "membership": membership.pk,
            "interest": "Trustee of a bidder",
            "declared_on": "2016-05-12",
        },
    )
    assert response.status_code == 302
    declaration = membership.declarations.get()
    assert declaration.agenda_item == item and declaration.year is None
    assert "Trustee of a bidder" in text(as_user(cast.chair).get(url(year[0])))
