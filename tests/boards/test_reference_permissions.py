"""The role x page matrix for the glossary and strategic links pages."""

import pytest

from boards.models import GlossaryTerm, StrategicLink

CAST = [
    "chair",
    "business_team",
    "board_member",
    "lay_member",
    "contributor_x",
    "contributor_y",
    "other_board_member",
    "anonymous",
]

READ = [200, 200, 200, 200, 200, 200, 404, 302]
MANAGE = [200, 200, 403, 403, 403, 403, 404, 302]
MANAGE_POST = [302, 302, 403, 403, 403, 403, 404, 302]

GLOSSARY = "/boards/north/glossary/"
LINKS = "/boards/north/strategic-links/"

# (page, method, expected status per cast member, in CAST order)
MATRIX = [
    (GLOSSARY, "get", READ),
    (GLOSSARY + "new/", "get", MANAGE),
    (GLOSSARY + "new/", "post", MANAGE_POST),
    (GLOSSARY + "{term}/edit/", "get", MANAGE),
    (GLOSSARY + "{term}/edit/", "post", MANAGE_POST),
    (GLOSSARY + "{term}/remove/", "get", MANAGE),
    (GLOSSARY + "{term}/remove/", "post", MANAGE_POST),
    (LINKS, "get", READ),
    (LINKS + "new/", "get", MANAGE),
    (LINKS + "new/", "post", MANAGE_POST),
    (LINKS + "{link}/edit/", "get", MANAGE),
    (LINKS + "{link}/edit/", "post", MANAGE_POST),
    (LINKS + "{link}/remove/", "get", MANAGE),
    (LINKS + "{link}/remove/", "post", MANAGE_POST),
]

CASES = [
    (who, method, url, statuses[index])
    for url, method, statuses in MATRIX
    for index, who in enumerate(CAST)
]


@pytest.fixture
def ids(cast):
    term = GlossaryTerm.objects.create(
        board=cast.board, acronym="CSE", meaning="Child Sexual Exploitation"
    )
    link = StrategicLink.objects.create(board=cast.board, name="Children's Trust")
    return {"term": term.pk, "link": link.pk}


def post_data(url):
    if url.startswith(GLOSSARY):
        if url.endswith("new/"):
            return {"acronym": "CDOP", "meaning": "Child Death Overview Panel"}
        return {"acronym": "CSE", "meaning": "Child sexual exploitation"}
    return {"name": "Safer Cumbria Partnership", "relationship": "DA lead", "url": ""}


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (GlossaryTerm, StrategicLink)
    ]


@pytest.mark.parametrize(("who", "method", "url", "expected"), CASES)
def test_role_page_matrix(cast, ids, as_user, who, method, url, expected):
    client = as_user(cast.user(who))
    url = url.format(**ids)
    data = post_data(url) if method == "post" else {}
    before = snapshot()
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/?next=")
    if method == "post":
        changed = snapshot() != before
        assert changed is (expected == 302 and who != "anonymous")


def test_only_managers_see_change_links(cast, ids, as_user):
    for who, shown in [("business_team", True), ("contributor_x", False)]:
        client = as_user(cast.user(who))
        glossary = client.get(GLOSSARY).content.decode()
        links = client.get(LINKS).content.decode()
        assert (f"{ids['term']}/edit/" in glossary) is shown
        assert (f"{ids['link']}/edit/" in links) is shown
