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
    # Loading again names the people of an older demo, named after their seats.
    User.objects.filter(email="chair@cumbria.demo.example").update(
        full_name="Independent Chair"
    )
    call_command("load_demo")
    assert counts() == first
    chair = User.objects.get(email="chair@cumbria.demo.example")
    assert chair.full_name == "Morgan Example-Hart"
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
    # People have their own (invented) names, never their positions.
    names = set(User.objects.values_list("full_name", flat=True))
    assert names >= {"Morgan Example-Hart", "Charlie Example-Stone"}
    assert "" not in names
    assert not names & set(Membership.objects.values_list("position", flat=True))


@pytest.mark.django_db
def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="published password"):
        call_command("load_demo")
    assert not Board.objects.exists()
