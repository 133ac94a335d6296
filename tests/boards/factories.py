import factory

from boards.models import Agency, Board, Membership, Role, User

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Board {n} Safeguarding Children Board")
    slug = factory.Sequence(lambda n: f"board-{n}")
    area = factory.Sequence(lambda n: f"Area {n}")
    vision = "Working together to keep children safe."


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    board = factory.SubFactory(BoardFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    statutory_partner = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    board = factory.SubFactory(BoardFactory)
    role = Role.BOARD_MEMBER
    position = "Representative"
