"""/api/v1/docs/: the API's documentation as a portal page, from the schema."""

import pytest

from lscb_portal import api_docs
from lscb_portal.api_docs import inline_code, type_words

pytestmark = pytest.mark.django_db

COMPONENTS = {
    "Meeting": {"type": "object"},
    "KindEnum": {"enum": ["board", "extra"]},
    "BlankEnum": {"enum": [""]},
    "NullEnum": {"enum": [None]},
}


def test_docs_page_lists_every_operation_and_data_type(cast, as_user):
    spec = api_docs.schema()
    page = as_user(cast.board_member).get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="en-GB"' in html and '<main class="govuk-main-wrapper"' in html
    assert "<title>LSCB portal API – LSCB portal</title>" in html
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            assert f'id="{operation["operationId"]}"' in html, (method, path)
            assert f"<code>{path}</code>" in html
    assert 'id="type-Meeting"' in html and 'href="#type-Meeting"' in html
    assert "<code>Authorization: Token &lt;key&gt;</code>" in html
    assert 'href="/api/v1/schema/?format=json"' in html


def test_docs_page_asks_to_sign_in(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_docs_page_runs_few_queries(cast, as_user, django_assert_max_num_queries):
    client = as_user(cast.board_member)
    client.get("/api/v1/docs/")  # the schema is generated once
    with django_assert_max_num_queries(12):
        client.get("/api/v1/docs/")


def test_types_in_words():
    assert type_words({"$ref": "#/components/schemas/Meeting"}, COMPONENTS) == (
        "Meeting",
        "Meeting",
    )
    assert type_words({"$ref": "#/components/schemas/KindEnum"}, COMPONENTS) == (
        "one of 'board', 'extra'",
        "",
    )
    nullable_kind = {
        "oneOf": [
            {"$ref": "#/components/schemas/KindEnum"},
            {"$ref": "#/components/schemas/BlankEnum"},
            {"$ref": "#/components/schemas/NullEnum"},
        ],
        "nullable": True,
    }
    assert type_words(nullable_kind, COMPONENTS)[0] == (
        "one of 'board', 'extra' or blank, or null"
    )
    listed = {"type": "array", "items": {"$ref": "#/components/schemas/Meeting"}}
    assert type_words(listed, COMPONENTS) == ("list of Meeting", "Meeting")
    assert type_words({"type": "string", "format": "date"}, COMPONENTS) == (
        "string (date)",
        "",
    )


def test_inline_code_escapes_the_rest():
    assert (
        inline_code("Use `a<b>` not <i>") == "Use <code>a&lt;b&gt;</code> not &lt;i&gt;"
    )
