import pytest
from django.core.management import CommandError, call_command

from boards.demo import DEMO_PASSWORD, sign_ins
from boards.models import Agency, Board, Membership, Role, User


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Board, Agency, Membership, User)
    }


@pytest.mark.django_db
def test_load_demo_twice_gives_the_same_rows(settings):
    settings.DEBUG = True
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert first["Board"] == 1
    assert first["Agency"] >= 15
    board = Board.objects.get(slug="cumbria")
    assert board.vision.startswith("We are working together")
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role.values)


@pytest.mark.django_db
def test_every_demo_sign_in_works_and_people_appear_by_role(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    for _role, email in sign_ins():
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)
    # Seats without a demo sign-in cannot be signed in to at all.
    assert User.objects.filter(password__startswith="!").count() > 10
    assert set(User.objects.values_list("full_name", flat=True)) >= {
        "Independent Chair",
        "Assistant Chief Constable",
    }


@pytest.mark.django_db
def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="published password"):
        call_command("load_demo")
    assert not Board.objects.exists()
