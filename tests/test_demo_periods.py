"""Tried as a new user would, the demo opens on its data: its meetings are those of
2016-17, the year its figures describe, and every page that picks a period opens on
2016-17 (whatever today's date) and says so."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from boards.demo import sign_ins
from boards.models import Meeting, MeetingKind, User
from subgroups.models import Subgroup

pytestmark = pytest.mark.django_db

BOARD = "/boards/cumbria/"
PLAN = f"{BOARD}plans/2016-19/"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield dict(sign_ins())
        transaction.set_rollback(True)


def signed_in(demo, role):
    client = Client()
    client.force_login(User.objects.get(email=demo[role]))
    return client


def test_demo_meetings_are_those_of_2016_17_only(demo):
    dates = Meeting.objects.filter(board__slug="cumbria").values_list("date", flat=True)
    assert min(dates) >= date(2016, 4, 1)
    assert max(dates) == date(2017, 3, 16)  # the Business Group of March 2017


def test_demo_home_shows_the_march_2017_board_meeting_as_the_latest(demo):
    page = signed_in(demo, "Board member").get(BOARD).text
    assert "The latest board meeting" in page
    assert "Board meeting, 9 March 2017</a> (no board meeting is arranged" in page


def test_demo_planner_opens_on_2016_17(demo):
    response = signed_in(demo, "Board member").get(f"{BOARD}planner/")
    assert response.context["year"] == 2016
    assert len(response.context["meetings"]) == 17  # 6 board, 11 Business Group
    assert "the planner opens on 2016-17, the latest year with meetings" in (
        response.text
    )


def test_demo_since_the_last_meeting_opens_on_march_2017_with_changes(demo):
    response = signed_in(demo, "Board member").get(f"{PLAN}since/")
    meeting = response.context["meeting"]
    assert (meeting.kind, meeting.date) == (MeetingKind.BOARD, date(2017, 3, 9))
    assert response.context["until"] == date(2017, 3, 31)
    assert response.context["changes"] and response.context["completions"]
    assert "board meeting of 9 March 2017</a> up to 31 March 2017" in response.text


def test_demo_monitoring_report_opens_on_2016_17_q4(demo):
    response = signed_in(demo, "Board member").get(f"{PLAN}monitoring/")
    assert response.context["report"]["quarter"] == "2016-17 Q4"
    assert "The report opens on the latest quarter with updates" in response.text


def test_demo_new_returns_offer_quarters_with_data(demo):
    client = signed_in(demo, "Business team")
    # The subgroup chair's group returned for 2016-17 Q4: its next is 2017-18 Q1.
    returned = Subgroup.objects.get(name="Learning and Improvement Subgroup")
    not_returned = Subgroup.objects.get(name="Case Review Subgroup")
    for group, quarter in ((returned, "2017-18 Q1"), (not_returned, "2016-17 Q4")):
        url = f"{BOARD}subgroups/{group.pk}/returns/new/"
        response = client.get(url)
        assert response.context["form"]["period"].value() == quarter
        assert f"The quarter offered is {quarter}" in response.text


def test_demo_scorecard_opens_on_31_march_2017(demo):
    response = signed_in(demo, "Board member").get(f"{BOARD}indicators/all/")
    assert response.context["period"][1] == date(2017, 3, 31)
    assert " at 31 March 2017." in response.text


def test_demo_exports_open_on_2016_17(demo):
    client = signed_in(demo, "Business team")
    annual = client.get(f"{BOARD}reports/annual-report/")
    assert annual.context["form"].initial["year"] == 2016
    pack = client.get(f"{BOARD}reports/meeting-pack/").context["form"]
    chosen = pack.initial["meeting"]
    assert (chosen.kind, chosen.date) == (MeetingKind.BOARD, date(2017, 3, 9))
