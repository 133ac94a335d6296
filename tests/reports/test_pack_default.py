"""The meeting pack export opens on a meeting with something in it: with no
meeting ahead (the demo's meetings stop in March 2017), the latest meeting with an
agenda rather than a later one without."""

from datetime import date

from boards.models import MeetingKind
from tests.boards.test_meetings_data import AgendaItemFactory
from tests.subgroups.factories import MeetingFactory

EXPORT = "/boards/north/reports/meeting-pack/"


def test_pack_opens_on_the_latest_meeting_with_an_agenda(cast, as_user):
    january = MeetingFactory(board=cast.board, date=date(2017, 1, 12))
    march = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    MeetingFactory(
        board=cast.board, kind=MeetingKind.BUSINESS_GROUP, date=date(2017, 3, 16)
    )
    for meeting in (january, march):
        AgendaItemFactory(meeting=meeting)
    AgendaItemFactory(
        meeting=MeetingFactory(board=cast.other_board, date=date(2017, 3, 30))
    )
    response = as_user(cast.business_team).get(EXPORT)
    assert response.context["form"].initial["meeting"] == march
    assert (
        f'<option value="{march.pk}" selected>Board meeting, 9 March 2017</option>'
        in response.text
    )


def test_pack_without_agendas_opens_on_the_latest_meeting(cast, as_user):
    MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    latest = MeetingFactory(
        board=cast.board, kind=MeetingKind.BUSINESS_GROUP, date=date(2017, 3, 16)
    )
    response = as_user(cast.business_team).get(EXPORT)
    assert response.context["form"].initial["meeting"] == latest
