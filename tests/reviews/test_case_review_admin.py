"""The reviews admin is read-mostly: a superuser reads reviews and their history,
but changes them only through the portal (the services keep their rules)."""

import pytest

from reviews import admin as reviews_admin  # noqa: F401  (registers the models)
from reviews.models import CaseReview, ReviewSettings
from tests.boards.factories import UserFactory

from .factories import ActionItemFactory, LessonFactory, review_groups

pytestmark = pytest.mark.django_db

ADMIN = "/admin/reviews/"


@pytest.fixture
def superuser(client, cast):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return client


def test_every_reviews_model_has_an_admin_list(cast, superuser):
    item = ActionItemFactory(owner_agency=cast.agency_x)
    LessonFactory(review=item.review)
    review_groups(cast.board)
    from django.apps import apps

    for model in apps.get_app_config("reviews").get_models():
        if model._meta.model_name.startswith("historical") or model._meta.auto_created:
            continue
        url = f"{ADMIN}{model._meta.model_name}/"
        assert superuser.get(url).status_code == 200, url


def test_a_review_is_read_not_changed_in_the_admin(cast, superuser):
    review = ActionItemFactory(owner_agency=cast.agency_x).review
    page = superuser.get(f"{ADMIN}casereview/{review.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert superuser.get(f"{ADMIN}casereview/add/").status_code == 403
    response = superuser.post(
        f"{ADMIN}casereview/{review.pk}/change/", {"child_reference": "Child X"}
    )
    assert response.status_code == 403
    assert CaseReview.objects.get().child_reference == review.child_reference
    history = superuser.get(f"{ADMIN}casereview/{review.pk}/history/")
    assert history.status_code == 200


def test_the_boards_review_groups_are_set_in_the_admin(cast, superuser):
    settings = review_groups(cast.board)
    page = superuser.get(f"{ADMIN}reviewsettings/{settings.pk}/change/")
    assert b'name="_save"' in page.content
    assert ReviewSettings.objects.count() == 1
