"""Who may open the Section 11 pages: every board viewer reads the audits home, a
cycle and its results; the business team and the chair read the organisations and
every submission; an agency contributor reads its own submissions; only the
business team changes anything. Links a role cannot use are not shown."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from audits.models import Sector, Submission, SubmissionStatus
from tests.audits.factories import OrganisationFactory, cycle_with
from tests.matrix import MANAGE, MEMBERS, READ, allow, permission_matrix

pytestmark = pytest.mark.django_db

BUSINESS = allow(200, "business_team")
SUBMISSION_READERS = allow(
    200, "chair", "business_team", "contributor_x", "contributor_y", others=404
)


@pytest.fixture
def audit(cast):
    cycle = cycle_with(cast.board, year=2016)
    soon = timezone.localdate() + timedelta(days=30)
    cycle_with(cast.board, year=2030, opens_on=soon, closes_on=soon + timedelta(60))
    org_x = OrganisationFactory(
        board=cast.board,
        name="Constabulary",
        agency=cast.agency_x,
        sector=Sector.STATUTORY,
    )
    org_y = OrganisationFactory(
        board=cast.board,
        name="Harbour Youth Trust",
        agency=cast.agency_y,
        sector=Sector.VOLUNTARY,
    )
    sub_x = Submission.objects.create(
        cycle=cycle,
        organisation=org_x,
        status=SubmissionStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    sub_y = Submission.objects.create(cycle=cycle, organisation=org_y)
    return cycle, org_x, sub_x, sub_y


B = "/boards/north/audits/"
S = B + "section-11/"
MATRIX = [
    (B, "get", READ),
    (S + "new/", "get", BUSINESS),
    (S + "2016/", "get", READ),
    (S + "2030/standards/new/", "get", BUSINESS),
    (S + "2030/standards/1/questions/new/", "get", BUSINESS),
    (S + "2016/results/", "get", READ),
    (S + "results/", "get", allow(302, *MEMBERS)),
    (B + "organisations/", "get", MANAGE),
    (B + "organisations/new/", "get", BUSINESS),
    (B + "organisations/{org}/", "get", BUSINESS),
    (S + "2016/submissions/", "get", SUBMISSION_READERS),
    (S + "2016/submissions/{sub_x}/exclude/", "get", BUSINESS),
    (S + "2016/submissions/{sub_x}/exclude/", "post", allow(200, "business_team")),
    (S + "new/", "post", BUSINESS),
    (B + "organisations/new/", "post", BUSINESS),
]


@permission_matrix(MATRIX)
def test_section11_pages_permission_matrix(audit, visit, who, method, url, expected):
    cycle, org_x, sub_x, sub_y = audit
    # An empty POST is refused by the form (200) once the role may post at all.
    visit(who, method, url.format(org=org_x.pk, sub_x=sub_x.pk), expected)


def test_only_the_business_team_can_exclude_a_submission(audit, cast, as_user):
    cycle, org_x, sub_x, sub_y = audit
    url = f"{S}2016/submissions/{sub_x.pk}/exclude/"
    data = {"exclusion": "duplicate", "reason": "Sent twice", "version": sub_x.version}
    assert as_user(cast.chair).post(url, data).status_code == 403
    sub_x.refresh_from_db()
    assert sub_x.exclusion == ""
    assert as_user(cast.business_team).post(url, data).status_code == 302
    sub_x.refresh_from_db()
    assert (sub_x.exclusion, sub_x.exclusion_reason) == ("duplicate", "Sent twice")


def test_a_contributor_lists_only_its_own_agencys_submissions(audit, cast, as_user):
    page = as_user(cast.contributor_x).get(f"{S}2016/submissions/")
    text = page.content.decode()
    assert "Constabulary" in text
    assert "Harbour Youth Trust" not in text
    assert "/exclude/" not in text
    other = as_user(cast.contributor_y).get(f"{S}2016/submissions/?export=csv")
    exported = other.content.decode()
    assert "Harbour Youth Trust" in exported and "Constabulary" not in exported


def test_a_contributor_cannot_exclude_even_its_own_submission(audit, cast, as_user):
    cycle, org_x, sub_x, sub_y = audit
    url = f"{S}2016/submissions/{sub_x.pk}/exclude/"
    response = as_user(cast.contributor_x).post(
        url, {"exclusion": "partial", "reason": "x", "version": sub_x.version}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("who", ["board_member", "lay_member"])
def test_board_members_see_no_link_to_business_team_pages(audit, cast, as_user, who):
    for url in (B, f"{S}2016/", f"{S}2016/results/", f"{S}2030/"):
        text = as_user(cast.user(who)).get(url).content.decode()
        assert "/organisations/" not in text, url
        assert "/submissions/" not in text, url
        assert "/section-11/new/" not in text, url
        assert "/standards/new/" not in text, url
        assert "/questions/new/" not in text, url
    assert "/results/" in as_user(cast.user(who)).get(B).content.decode()


def test_a_contributor_sees_the_submissions_link_but_not_organisations(
    audit, cast, as_user
):
    text = as_user(cast.contributor_x).get(B).content.decode()
    assert f"{S}2016/submissions/" in text
    assert "/organisations/" not in text
    assert "/section-11/new/" not in text


def test_the_chair_sees_organisations_and_submissions_but_no_change_links(
    audit, cast, as_user
):
    text = as_user(cast.chair).get(B).content.decode()
    assert "/organisations/" in text and f"{S}2016/submissions/" in text
    assert "/section-11/new/" not in text
    listing = as_user(cast.chair).get(B + "organisations/").content.decode()
    assert "/organisations/new/" not in listing
    subs = as_user(cast.chair).get(f"{S}2016/submissions/").content.decode()
    assert "/exclude/" not in subs


def test_the_business_team_sees_its_links(audit, cast, as_user):
    client = as_user(cast.business_team)
    text = client.get(B).content.decode()
    assert "/section-11/new/" in text and "/organisations/" in text
    assert "/standards/new/" in client.get(f"{S}2030/").content.decode()
    assert "/standards/new/" not in client.get(f"{S}2016/").content.decode()
    assert "/exclude/" in client.get(f"{S}2016/submissions/").content.decode()


def test_another_boards_cycle_year_is_not_found(audit, cast, as_user):
    cycle_with(cast.other_board, year=2014)
    client = as_user(cast.business_team)
    assert client.get(f"{S}2014/").status_code == 404
    assert client.get(f"{S}2014/results/").status_code == 404
    assert date(2016, 1, 1)  # the fixture's cycle year stays ours
