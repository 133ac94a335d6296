"""The role x page matrix for the glossary and strategic links pages."""

import pytest

from boards.models import GlossaryTerm, StrategicLink
from tests.matrix import MANAGE, MANAGE_POST, READ, permission_matrix

GLOSSARY = "/boards/north/glossary/"
LINKS = "/boards/north/strategic-links/"

# (page, method, expected status per cast member)
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


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url) if method == "post" else {}
    visit(who, method, url, expected, data=data, snapshot=snapshot)


def test_only_managers_see_change_links(cast, ids, as_user):
    for who, shown in [("business_team", True), ("contributor_x", False)]:
        client = as_user(cast.user(who))
        glossary = client.get(GLOSSARY).content.decode()
        links = client.get(LINKS).content.decode()
        assert (f"{ids['term']}/edit/" in glossary) is shown
        assert (f"{ids['link']}/edit/" in links) is shown
