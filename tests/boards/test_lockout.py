"""Sign-in lockout by member and IP address together, plus a higher limit for one
IP address across many accounts: nobody outside can lock a member out by typing
their address five times, and one address trying many accounts is still stopped."""

from tests.boards.factories import TEST_PASSWORD, UserFactory

OUTSIDE = "203.0.113.7"
OFFICE = "198.51.100.20"


def sign_in(client, email, password, ip):
    return client.post(
        "/accounts/sign-in/",
        {"username": email, "password": password},
        REMOTE_ADDR=ip,
    )


def test_failures_from_outside_do_not_lock_the_member_out_elsewhere(
    cast, client, settings
):
    email = cast.board_member.email
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, email, "wrong", OUTSIDE)
    # The address that tried is locked out, even with the right password...
    assert sign_in(client, email, TEST_PASSWORD, OUTSIDE).status_code == 429
    # ...but the member signs in from their own office.
    response = sign_in(client, email, TEST_PASSWORD, OFFICE)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_one_ip_address_trying_many_accounts_is_locked_out(db, client, settings):
    settings.AXES_IP_FAILURE_LIMIT = 13
    # Fewer tries per account than the member limit, so only the address limit
    # can stop them: 3 accounts x 4 tries, then the 13th failure locks the address.
    tries = settings.AXES_FAILURE_LIMIT - 1
    for user in [UserFactory() for _ in range(3)]:
        for _ in range(tries):
            assert sign_in(client, user.email, "wrong", OUTSIDE).status_code == 200
    assert sign_in(client, UserFactory().email, "wrong", OUTSIDE).status_code == 429
    fresh = UserFactory()
    assert sign_in(client, fresh.email, TEST_PASSWORD, OUTSIDE).status_code == 429
    # Another address is not affected.
    assert sign_in(client, fresh.email, TEST_PASSWORD, OFFICE).status_code == 302


def test_signing_in_does_not_clear_the_address_count(db, client, settings):
    settings.AXES_IP_FAILURE_LIMIT = 10
    own = UserFactory()
    for _ in range(2):
        for user in (UserFactory(), UserFactory()):
            for _ in range(2):
                sign_in(client, user.email, "wrong", OUTSIDE)
        # The attacker signs in to their own account between rounds.
        assert sign_in(client, own.email, TEST_PASSWORD, OUTSIDE).status_code == 302
        client.post("/accounts/sign-out/")
    # 8 failures so far: two more reach the address limit.
    sign_in(client, UserFactory().email, "wrong", OUTSIDE)
    assert sign_in(client, UserFactory().email, "wrong", OUTSIDE).status_code == 429
    assert sign_in(client, own.email, TEST_PASSWORD, OUTSIDE).status_code == 429
