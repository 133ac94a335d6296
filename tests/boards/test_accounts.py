import re

import pytest
from django.core import mail

from tests.boards.factories import TEST_PASSWORD


def sign_in(client, email, password):
    return client.post(
        "/accounts/sign-in/", {"username": email, "password": password}, follow=True
    )


def test_sign_in_by_email_in_any_case(cast, client):
    # A contributor: the password alone signs them in (board members then give a
    # second factor, tests/accounts).
    response = sign_in(client, cast.contributor_x.email.upper(), TEST_PASSWORD)
    assert response.redirect_chain[-1][0] == "/"
    assert "Northshire Safeguarding Children Board" in response.content.decode()


def test_wrong_password_gives_an_error_summary(cast, client):
    page = sign_in(client, cast.board_member.email, "wrong").content.decode()
    assert "There is a problem" in page
    assert "Enter a correct e-mail address and password." in page


@pytest.mark.parametrize("known", [True, False])
def test_lockout_after_repeated_failures_looks_the_same_for_any_address(
    cast, client, settings, known
):
    email = cast.board_member.email if known else "nobody@example.org"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert "Enter a correct" in sign_in(client, email, "wrong").content.decode()
    response = sign_in(client, email, "wrong")
    assert response.status_code == 429
    assert "too many failed attempts" in response.content.decode()
    # Locked even with the right password, so guessing cannot go on.
    response = sign_in(client, email.upper(), TEST_PASSWORD)
    assert response.status_code == 429


def test_sign_out_is_a_post(cast, as_user):
    client = as_user(cast.chair)
    assert client.get("/accounts/sign-out/").status_code == 405
    client.post("/accounts/sign-out/")
    assert client.get("/boards/north/").status_code == 302


def test_password_reset_by_email(cast, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/password-reset/", {"email": cast.lay_member.email}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    response = client.post(
        form_url,
        {
            "new_password1": "a-new-long-password",
            "new_password2": "a-new-long-password",
        },
    )
    assert response.status_code == 302
    cast.lay_member.refresh_from_db()
    assert cast.lay_member.check_password("a-new-long-password")


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(
    db, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True
        )
    assert "Check your e-mail" in response.content.decode()
    assert mail.outbox == []
