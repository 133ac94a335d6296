"""Who may open the trainer pool, providers, e-learning and import pages: every
member of the board reads the pool, the providers and e-learning; the business
team and the chair change them; an agency contributor enters and imports its
own agency's figures only. Another board's member gets 404, anonymous signs in."""

import pytest

from tests.matrix import (
    MANAGE,
    MANAGE_NOT_OURS,
    MANAGE_POST,
    READ,
    allow,
    permission_matrix,
)
from training.models import Endorsement, Provider

from .factories import ElearningReturnFactory, ElearningYearFactory, TrainerFactory

pytestmark = pytest.mark.django_db

FIGURES = allow(200, "chair", "business_team", "contributor_x", "contributor_y")
# A department returned under agency x: only its contributor and the managers.
X_RETURN = allow(200, "chair", "business_team", "contributor_x")

B = "/boards/north/training/"


@pytest.fixture
def records(cast):
    trainer = TrainerFactory(board=cast.board, agency=cast.agency_x)
    provider = Provider.objects.create(
        board=cast.board, name="Example Training Ltd", decision=Endorsement.PENDING
    )
    year = ElearningYearFactory(board=cast.board, year=2016)
    mine = ElearningReturnFactory(elearning_year=year, agency=cast.agency_x)
    other = TrainerFactory(
        board=cast.other_board, agency__board=cast.other_board, name="Elsewhere"
    )
    return {"trainer": trainer, "provider": provider, "ret": mine, "other": other}


MATRIX = [
    (B + "pool/", "get", READ),
    (B + "pool/trainers/new/", "get", MANAGE),
    (B + "pool/trainers/new/", "post", MANAGE),
    (B + "pool/trainers/{trainer}/edit/", "get", MANAGE),
    (B + "pool/trainers/{other}/edit/", "get", MANAGE_NOT_OURS),
    (B + "pool/development-days/new/", "get", MANAGE),
    (B + "providers/", "get", READ),
    (B + "providers/new/", "get", MANAGE),
    (B + "providers/new/", "post", MANAGE),
    (B + "providers/{provider}/edit/", "get", MANAGE),
    (B + "providers/999999/edit/", "get", MANAGE_NOT_OURS),
    (B + "e-learning/", "get", READ),
    (B + "e-learning/?year=2016", "get", READ),
    (B + "e-learning/2016/totals/", "get", MANAGE),
    (B + "e-learning/2016/totals/", "post", MANAGE_POST),
    (B + "e-learning/2016/returns/", "get", FIGURES),
    (B + "e-learning/2016/returns/", "post", FIGURES),
    (B + "e-learning/2016/returns/?department={ret}", "get", X_RETURN),
    (B + "import/attendance/", "get", FIGURES),
    (B + "import/attendance/", "post", FIGURES),
    (B + "import/e-learning/", "get", FIGURES),
    (B + "import/e-learning/", "post", FIGURES),
]


@permission_matrix(MATRIX)
def test_pool_elearning_and_import_pages_permission_matrix(
    records, visit, who, method, url, expected
):
    # An empty POST is refused by the form (200) once the role may post at all;
    # empty reported totals are a valid change (302).
    ids = {name: record.pk for name, record in records.items()}
    visit(who, method, url.format(**ids), expected)


def test_links_to_forms_are_shown_only_to_those_who_may_use_them(
    cast, records, as_user
):
    for who, sees in ((cast.business_team, True), (cast.board_member, False)):
        client = as_user(who)
        pool = client.get(B + "pool/").content.decode()
        providers = client.get(B + "providers/").content.decode()
        elearning = client.get(B + "e-learning/").content.decode()
        assert ("Add a trainer" in pool) is sees
        assert ("Add a provider" in providers) is sees
        assert ("/edit/" in providers) is sees
        assert ("Change the reported totals" in elearning) is sees
        assert ("Import returns" in elearning) is sees
    # A contributor enters its own agency's returns, and changes only those.
    page = as_user(cast.contributor_y).get(B + "e-learning/").content.decode()
    assert "Enter a department's return" in page
    assert f"?department={records['ret'].pk}" not in page
    assert "Change the reported totals" not in page
    page = as_user(cast.contributor_x).get(B + "e-learning/").content.decode()
    assert f"?department={records['ret'].pk}" in page
