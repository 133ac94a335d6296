"""The glossary (A to Z, duplicates refused) and links to other strategic boards."""

import pytest

from boards.models import GlossaryTerm, StrategicLink
from tests import lists

GLOSSARY = "/boards/north/glossary/"
LINKS = "/boards/north/strategic-links/"


def term(cast, acronym, meaning="Meaning", board=None):
    return GlossaryTerm.objects.create(
        board=board or cast.board, acronym=acronym, meaning=meaning
    )


def test_glossary_lists_acronyms_a_to_z_with_letter_anchors(cast, as_user):
    for acronym in ["SCR", "CSE", "ChIB", "CHOC", "abe", "3Ps"]:
        term(cast, acronym, f"Meaning of {acronym}")
    response = as_user(cast.contributor_x).get(GLOSSARY)
    html = response.content.decode()
    order = [t.acronym for group in response.context["letters"] for t in group["terms"]]
    assert order == ["abe", "ChIB", "CHOC", "CSE", "SCR", "3Ps"]
    assert 'href="#letter-c"' in html and 'id="letter-c"' in html
    assert 'id="letter-other"' in html
    assert 'href="#letter-b"' not in html  # no B terms: a letter, not a link
    assert "Meaning of ChIB" in html


def test_empty_glossary_says_so(cast, as_user):
    assert (
        "The glossary is empty." in as_user(cast.chair).get(GLOSSARY).content.decode()
    )


def test_business_team_adds_an_acronym(cast, as_user):
    response = as_user(cast.business_team).post(
        GLOSSARY + "new/",
        {"acronym": " CDOP ", "meaning": "Child Death Overview Panel"},
    )
    assert response["Location"] == GLOSSARY + "#letter-c"
    added = GlossaryTerm.objects.get()
    assert added.acronym == "CDOP"
    assert added.history.first().history_user == cast.business_team


@pytest.mark.parametrize("acronym", ["CSE", "cse", "Cse"])
def test_a_duplicate_acronym_is_refused(cast, as_user, acronym):
    existing = term(cast, "CSE", "Child Sexual Exploitation")
    response = as_user(cast.chair).post(
        GLOSSARY + "new/", {"acronym": acronym, "meaning": "Something else"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This acronym is already in the glossary" in html
    assert f"/boards/north/glossary/{existing.pk}/edit/" in html
    assert list(GlossaryTerm.objects.values_list("meaning", flat=True)) == [
        "Child Sexual Exploitation"
    ]


def test_the_same_acronym_on_another_board_is_fine(cast, as_user):
    term(cast, "CSE", board=cast.other_board)
    response = as_user(cast.chair).post(
        GLOSSARY + "new/", {"acronym": "CSE", "meaning": "Child Sexual Exploitation"}
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.count() == 2


def test_changing_an_acronym_into_another_is_refused(cast, as_user):
    term(cast, "CSE")
    other = term(cast, "CSA", "Child Sexual Abuse")
    response = as_user(cast.chair).post(
        f"{GLOSSARY}{other.pk}/edit/", {"acronym": "CSE", "meaning": "Child abuse"}
    )
    assert response.status_code == 200
    other.refresh_from_db()
    assert (other.acronym, other.meaning) == ("CSA", "Child Sexual Abuse")


def test_an_acronym_is_changed_and_removed(cast, as_user):
    entry = term(cast, "WT", "Working Together 2013")
    client = as_user(cast.chair)
    seen = client.get(f"{GLOSSARY}{entry.pk}/edit/").context["form"].initial["seen"]
    response = client.post(
        f"{GLOSSARY}{entry.pk}/edit/",
        {"acronym": "WT", "meaning": "Working Together 2015", "seen": seen},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.meaning == "Working Together 2015"
    assert client.post(f"{GLOSSARY}{entry.pk}/remove/").status_code == 302
    assert not GlossaryTerm.objects.exists()


def test_strategic_links_list_and_add(cast, as_user):
    client = as_user(cast.business_team)
    response = client.post(
        LINKS + "new/",
        {
            "name": "Health and Well-being Board",
            "relationship": "Produces the JSNA.\n\nReceives our annual report.",
            "url": "www.example.org/hwb",
        },
    )
    assert response["Location"] == LINKS
    link = StrategicLink.objects.get()
    assert link.url == "https://www.example.org/hwb"
    html = as_user(cast.lay_member).get(LINKS).content.decode()
    assert "Health and Well-being Board" in html
    assert "<p>Receives our annual report.</p>" in html
    assert 'href="https://www.example.org/hwb"' in html


def test_a_link_needs_a_name_and_a_real_web_address(cast, as_user):
    response = as_user(cast.chair).post(
        LINKS + "new/", {"name": "", "relationship": "", "url": "javascript:alert(1)"}
    )
    html = response.content.decode()
    assert "Enter the name of the board or partnership" in html
    assert "Enter a web address such as https://www.example.org" in html
    assert not StrategicLink.objects.exists()


def test_a_link_is_edited(cast, as_user):
    link = StrategicLink.objects.create(board=cast.board, name="CTB")
    response = as_user(cast.chair).post(
        f"{LINKS}{link.pk}/edit/",
        {"name": "Children's Trust Board", "relationship": "Sets priorities."},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.name, link.relationship) == (
        "Children's Trust Board",
        "Sets priorities.",
    )


def test_another_boards_entries_are_404(cast, as_user):
    theirs = term(cast, "XYZ", board=cast.other_board)
    link = StrategicLink.objects.create(board=cast.other_board, name="Theirs")
    client = as_user(cast.chair)
    assert client.get(f"{GLOSSARY}{theirs.pk}/edit/").status_code == 404
    assert client.post(f"{GLOSSARY}{theirs.pk}/remove/").status_code == 404
    assert client.get(f"{LINKS}{link.pk}/edit/").status_code == 404
    assert GlossaryTerm.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("size", [10, 300])
def test_glossary_and_links_run_bounded_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(board=cast.board, acronym=f"{chr(65 + n % 26)}{n}", meaning="M")
        for n in range(size)
    )
    StrategicLink.objects.bulk_create(
        StrategicLink(board=cast.board, name=f"Board {n}") for n in range(size // 5)
    )
    client = as_user(cast.chair)
    with django_assert_max_num_queries(5):
        response = client.get(GLOSSARY)
    assert response.context["term_count"] == size
    with django_assert_max_num_queries(5):
        response = client.get(LINKS)
    assert len(response.context["links"]) == size // 5


# The list component ----------------------------------------------------------------


@pytest.fixture
def glossary(cast):
    for acronym, meaning in [
        ("SCR", "Serious Case Review"),
        ("cse", "Child Sexual Exploitation"),
        ("3Ps", "Prevent, Protect, Pursue"),
        ("ABE", "Achieving Best Evidence"),
    ]:
        term(cast, acronym, meaning)


def test_glossary_sorts_and_ignores_unknown_keys(cast, as_user, glossary):
    client = as_user(cast.lay_member)
    ascending = lists.assert_sorts(client, GLOSSARY, "acronym")
    assert [row[0] for row in ascending] == ["ABE", "cse", "SCR", "3Ps"]
    by_meaning = lists.assert_sorts(client, GLOSSARY, "meaning")
    assert by_meaning[0][1] == "Achieving Best Evidence"
    # Sorted otherwise, the letters would not lead to their terms: no letters.
    html = client.get(GLOSSARY, {"sort": "meaning"}).content.decode()
    assert 'href="#letter-c"' not in html


def test_glossary_exports_the_terms_without_the_page_controls(cast, as_user, glossary):
    rows = lists.assert_exports(as_user(cast.business_team), GLOSSARY)
    assert rows[0][:2] == ["ABE", "Achieving Best Evidence"]
    exported = lists.export(as_user(cast.business_team), GLOSSARY, "csv")
    assert exported[0] == ["Acronym", "What it stands for"]
    assert len(exported) == 5
    assert lists.export(as_user(cast.lay_member), GLOSSARY, "xlsx") == exported


def test_exported_meanings_are_neutralised(cast, as_user):
    term(cast, "X", "=cmd|' /C calc'!A0")
    rows = lists.export(as_user(cast.chair), GLOSSARY, "csv")
    assert rows[1] == ["X", "'=cmd|' /C calc'!A0"]


@pytest.fixture
def links(cast):
    StrategicLink.objects.create(
        board=cast.board, name="Health and Well-being Board", url="https://a.org"
    )
    StrategicLink.objects.create(
        board=cast.board, name="Children's Trust Board", relationship="Priorities."
    )
    StrategicLink.objects.create(board=cast.board, name="Adults Board")


def test_links_sort_and_ignore_unknown_keys(cast, as_user, links):
    ascending = lists.assert_sorts(as_user(cast.lay_member), LINKS, "name")
    assert [row[0] for row in ascending] == [
        "Adults Board",
        "Children's Trust Board",
        "Health and Well-being Board",
    ]


def test_links_export_every_link(cast, as_user, links):
    rows = lists.assert_exports(as_user(cast.business_team), LINKS, {"sort": "name"})
    assert rows[1][1:3] == ["Priorities.", "Not recorded"]
    exported = lists.export(as_user(cast.business_team), LINKS, "xlsx")
    assert exported[0] == [
        "Board or partnership",
        "How the boards work together",
        "Web address",
    ]


def test_exported_link_texts_are_neutralised(cast, as_user):
    StrategicLink.objects.create(board=cast.board, name="@SUM(A1)", relationship="-1")
    rows = lists.export(as_user(cast.chair), LINKS, "csv")
    assert rows[1][:2] == ["'@SUM(A1)", "'-1"]


def test_another_boards_lists_do_not_export(cast, as_user, glossary):
    client = as_user(cast.other_board_member)
    assert client.get(GLOSSARY, {"export": "csv"}).status_code == 404
    assert client.get(LINKS, {"export": "csv"}).status_code == 404


@pytest.mark.parametrize("size", [10, 300])
def test_glossary_and_links_export_in_bounded_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(board=cast.board, acronym=f"{chr(65 + n % 26)}{n}", meaning="M")
        for n in range(size)
    )
    StrategicLink.objects.bulk_create(
        StrategicLink(board=cast.board, name=f"Board {n}") for n in range(size // 5)
    )
    client = as_user(cast.chair)
    for url in (GLOSSARY, LINKS):
        for kind in ("csv", "xlsx"):
            with django_assert_max_num_queries(5):
                assert client.get(url, {"export": kind}).status_code == 200
