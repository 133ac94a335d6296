import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import ApiToken

pytestmark = pytest.mark.django_db(transaction=True)

CONTRIBUTOR = (
    "Max Sample-Ivers, Performance and Information Officer – Agency contributor "
    "(Cumbria Constabulary)"
)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")
    cache.clear()


@pytest.fixture
def api(playwright, live_server):
    """A request context with no cookies: only the token authenticates."""
    context = playwright.request.new_context(base_url=live_server.url)
    yield context
    context.dispose()


def test_business_team_issues_a_token_that_works_until_revoked(
    demo, live_server, page, api, sign_in, assert_accessible
):
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/")
    page.get_by_role("link", name="API tokens for partner agencies").click()
    expect(page.get_by_role("heading", level=1, name="API tokens")).to_be_visible()
    expect(page.get_by_text("No tokens have been issued.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Issue a token").click()
    expect(page.get_by_role("heading", name="Issue an API token")).to_be_visible()
    assert_accessible(page)
    # Refused without a name, with the error announced.
    page.get_by_role("button", name="Issue token").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Name").fill("Constabulary performance upload")
    page.get_by_label("Whose access it gives").select_option(label=CONTRIBUTOR)
    page.get_by_label("Read only").check()
    page.get_by_role("button", name="Issue token").click()
    expect(page.get_by_role("heading", name="Token issued")).to_be_visible()
    assert_accessible(page)
    key = page.locator("#token-key").inner_text().strip()
    token = ApiToken.objects.get()
    assert key.startswith(token.prefix + ".")
    assert token.user.email == demo_email("agency.contributor")
    assert not token.can_write

    headers = {"Authorization": f"Token {key}"}
    response = api.get("/api/v1/agencies/", headers=headers)
    assert response.status == 200
    names = [a["name"] for a in response.json()["results"]]
    assert "Cumbria Constabulary" in names
    # Read only: no writes.
    response = api.post("/api/v1/risks/", headers=headers, data={"title": "x"})
    assert response.status == 403

    page.get_by_role("link", name="Back to API tokens").click()
    row = page.get_by_role("row", name="Constabulary performance upload")
    expect(row.get_by_text("Active")).to_be_visible()
    assert key.partition(".")[2] not in page.content()
    assert_accessible(page)
    row.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("revoked.")).to_be_visible()
    expect(row.get_by_text("Revoked")).to_be_visible()
    assert_accessible(page)

    response = api.get("/api/v1/agencies/", headers=headers)
    assert response.status == 401
    assert response.json() == {"detail": "The token has expired or been revoked."}
