"""Board members challenge updates; the business team or the owner responds."""

from datetime import date

import pytest

from business_plan.models import Challenge, ChallengeResponse

from .factories import ChallengeFactory, UpdateFactory, action_url, get_action


@pytest.fixture
def update(plan):
    return UpdateFactory(
        action=get_action(plan, "1.1"), date=date(2016, 12, 31), rag="G"
    )


def test_board_member_challenges_and_business_team_responds(update, cast, as_user):
    response = as_user(cast.board_member).post(
        action_url("1.1", f"updates/{update.pk}/challenge/"),
        {"text": "Why green when the review has not started?"},
    )
    assert response.status_code == 302
    challenge = Challenge.objects.get()
    assert (challenge.update, challenge.raised_by) == (update, cast.board_member)

    response = as_user(cast.business_team).post(
        action_url("1.1", f"challenges/{challenge.pk}/respond/"),
        {"text": "It starts in January; the date is agreed."},
    )
    assert response.status_code == 302
    answer = ChallengeResponse.objects.get()
    assert (answer.challenge, answer.author) == (challenge, cast.business_team)


def test_challenge_and_response_appear_on_the_action_page_with_who(
    update, cast, as_user
):
    challenge = ChallengeFactory(
        update=update, raised_by=cast.lay_member, text="Is the date realistic?"
    )
    ChallengeResponse.objects.create(
        challenge=challenge, author=cast.business_team, text="Yes: it is booked."
    )
    page = as_user(cast.board_member).get(action_url("1.1")).content.decode()
    assert f"from {cast.lay_member}" in page
    assert "Is the date realistic?" in page
    assert f"from {cast.business_team}" in page
    assert "Yes: it is booked." in page
    assert page.index("Is the date realistic?") < page.index("Yes: it is booked.")


def test_empty_challenge_is_refused(update, cast, as_user):
    response = as_user(cast.board_member).post(
        action_url("1.1", f"updates/{update.pk}/challenge/"), {"text": ""}
    )
    assert response.status_code == 200
    assert "Enter your challenge" in response.content.decode()
    assert not Challenge.objects.exists()


def test_empty_response_is_refused(update, cast, as_user):
    challenge = ChallengeFactory(update=update, raised_by=cast.board_member)
    response = as_user(cast.business_team).post(
        action_url("1.1", f"challenges/{challenge.pk}/respond/"), {"text": "  "}
    )
    assert response.status_code == 200
    assert "Enter your response" in response.content.decode()
    assert not ChallengeResponse.objects.exists()


def test_challenge_to_an_update_of_another_action_is_not_found(update, cast, as_user):
    response = as_user(cast.board_member).post(
        action_url("1.2", f"updates/{update.pk}/challenge/"), {"text": "Why?"}
    )
    assert response.status_code == 404
    assert not Challenge.objects.exists()
