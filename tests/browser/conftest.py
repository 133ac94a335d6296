"""Playwright on Debian's Chromium against a live server; axe-core on each page."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.two_factor import two_factor_required
from boards.models import User
from tests.two_factor import app_code_for

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# from the same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Every browser flow also checks the Content-Security-Policy: a script, style
    or image the policy refuses fails the test (Chromium reports it on the
    console)."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield
    assert not refused, "\n".join(refused)


def axe_violations(page) -> list[str]:
    """Serious and critical axe-core violations on the page, as readable lines."""
    # Evaluated, not added as a <script>: the CSP refuses inline scripts, and axe is
    # the test's, not the page's.
    page.evaluate(AXE.read_text())
    results = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert not violations, f"axe on {page.url}:\n" + "\n".join(violations)

    return check


@pytest.fixture
def sign_in(live_server):
    """Signs in through the form, then gives the code of an authenticator app
    when the person needs one (test_two_factor_flow sets one up for real)."""

    def go(page, email, password, *, second_factor=True):
        user = User.objects.filter(email__iexact=email).first()
        code = None
        if second_factor and user and user.check_password(password):
            code = app_code_for(user) if two_factor_required(user) else None
        page.goto(f"{live_server.url}/accounts/sign-in/")
        page.get_by_label("E-mail address").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        if code is not None:
            page.wait_for_url("**/accounts/two-factor/**")
            page.get_by_label("Code", exact=True).fill(code)
            page.get_by_role("button", name="Continue").click()
            page.wait_for_url(lambda url: "/two-factor/" not in url)

    return go


def date_group(page, legend):
    """The GOV.UK date input (day, month, year) whose legend is `legend`."""
    return page.get_by_role("group", name=legend, exact=True)


@pytest.fixture
def fill_date():
    """Types a YYYY-MM-DD date (or "" to clear it) into a GOV.UK date input."""

    def fill(page, legend, iso):
        year, month, day = iso.split("-") if iso else ("", "", "")
        group = date_group(page, legend)
        group.get_by_label("Day").fill(day.lstrip("0"))
        group.get_by_label("Month").fill(month.lstrip("0"))
        group.get_by_label("Year").fill(year)

    return fill


@pytest.fixture
def expect_date():
    """Checks that a GOV.UK date input shows a YYYY-MM-DD date."""

    def check(page, legend, iso):
        year, month, day = iso.split("-")
        group = date_group(page, legend)
        expect(group.get_by_label("Day")).to_have_value(str(int(day)))
        expect(group.get_by_label("Month")).to_have_value(str(int(month)))
        expect(group.get_by_label("Year")).to_have_value(year)

    return check
