"""Ended memberships give no access through any path: each app's pages and API
answer 404 to someone whose membership ended yesterday, as to a stranger."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.models import ReportRun, RunKind
from tests.business_plan.factories import ActionFactory, PlanFactory, SubgroupFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.subgroups.factories import MeetingFactory


def records(cast):
    """Per app, (page, API list, API detail) of one record of the cast's board;
    reports has no API."""
    board = cast.board
    meeting = MeetingFactory(board=board)
    subgroup = SubgroupFactory(board=board)
    plan = PlanFactory(board=board)
    action = ActionFactory(plan=plan)
    indicator = IndicatorFactory(board=board)
    MeasurementFactory(indicator=indicator)  # a page with a chart
    run = ReportRun.objects.create(
        board=board, kind=RunKind.ANNUAL_REPORT, requested_by=cast.business_team
    )
    api = "/api/v1/"
    return {
        "boards": (
            f"/boards/north/meetings/{meeting.pk}/",
            api + "meetings/",
            f"{api}meetings/{meeting.pk}/",
        ),
        "subgroups": (
            f"/boards/north/subgroups/{subgroup.pk}/",
            api + "subgroups/",
            f"{api}subgroups/{subgroup.pk}/",
        ),
        "business_plan": (
            f"/boards/north/plans/{plan.slug}/actions/{action.ref}/",
            api + "actions/",
            f"{api}actions/{action.pk}/",
        ),
        "indicators": (
            f"/boards/north/indicators/{indicator.code}/",
            api + "indicators/",
            f"{api}indicators/{indicator.pk}/",
        ),
        "reports": (f"/boards/north/reports/{run.pk}/", None, None),
    }


@pytest.mark.parametrize(
    "app", ["boards", "subgroups", "business_plan", "indicators", "reports"]
)
def test_a_membership_that_ended_yesterday_gives_404_on_pages_and_api(
    cast, as_user, app
):
    page, api_list, api_detail = records(cast)[app]
    client = as_user(cast.business_team)
    # While the membership lasts, everything answers.
    assert client.get(page).status_code == 200
    if api_list:
        assert len(client.get(api_list).json()["results"]) == 1
        assert client.get(api_detail).status_code == 200

    membership = cast.business_team.memberships.get()
    membership.member_to = timezone.localdate() - timedelta(days=1)
    membership.save()

    client = as_user(cast.business_team)
    assert client.get(page).status_code == 404
    if api_list:
        response = client.get(api_list)
        assert response.status_code == 200
        assert response.json()["results"] == []
        assert client.get(api_detail).status_code == 404
