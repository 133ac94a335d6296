"""A Section 11 cycle's follow-up actions (the committed actions of submitted
submissions) tracked to completion: the list (everything for the business team
and the chair, its own organisations' for an agency contributor, open or
complete), progress updates with RAG in words and colour (kept, versioned), the
agency page's part; and the challenge event "Learning from Each Other" with the
organisations taking part. Permission matrix and query budgets at two sizes."""

from datetime import date

import pytest
from django.utils import timezone

from audits import services
from audits.models import (
    ActionProgress,
    ActionStatus,
    ChallengeEvent,
    ChallengeParticipant,
    CommittedAction,
    Organisation,
    Sector,
    Submission,
    SubmissionStatus,
)
from audits.permissions import visible_follow_up_actions
from lscb_portal.rag import Rag
from lscb_portal.sections import agency_sections_for
from tests.audits.factories import (
    ChallengeEventFactory,
    CommittedActionFactory,
    OrganisationFactory,
    cycle_with,
    submitted,
)
from tests.matrix import MEMBERS, READ, allow, permission_matrix

pytestmark = pytest.mark.django_db

B = "/boards/north/audits/"
S = B + "section-11/"
FOLLOW = S + "2016/follow-up/"
EVENTS = S + "2016/challenge-events/"


@pytest.fixture
def follow_up(cast):
    """2016-17: X's submitted submission with an open and a complete action, Y's
    submitted one with an open action, and a draft with an action (not yet a
    follow-up action)."""
    cycle = cycle_with(cast.board, year=2016, standards=2, questions=1)
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
    sub_x, sub_y = submitted(cycle, org_x), submitted(cycle, org_y)
    draft = Submission.objects.create(
        cycle=cycle, organisation=OrganisationFactory(board=cast.board)
    )
    x_open = CommittedActionFactory(
        submission=sub_x,
        number=1,
        text="Review staff checks every year",
        standard=cycle.standards.get(number=1),
        rag=Rag.AMBER,
        status=ActionStatus.IN_PROGRESS,
        due_date=date(2017, 9, 30),
    )
    x_done = CommittedActionFactory(
        submission=sub_x,
        number=2,
        text="Train recruiters",
        status=ActionStatus.COMPLETE,
        rag=Rag.COMPLETE,
    )
    y_open = CommittedActionFactory(
        submission=sub_y, number=1, text="Hear the voice of the child"
    )
    CommittedActionFactory(submission=draft, number=1, text="A draft's action")
    return cycle, x_open, x_done, y_open


def action_url(action):
    return f"{FOLLOW}{action.pk}/"


# The list ---------------------------------------------------------------------------


def test_the_business_team_lists_every_follow_up_action_with_rag_in_words(
    cast, as_user, follow_up
):
    text = as_user(cast.business_team).get(FOLLOW).content.decode()
    assert "3 actions found." in text
    for words in ("Review staff checks", "Train recruiters", "Hear the voice"):
        assert words in text
    assert "A draft&#x27;s action" not in text
    assert '<strong class="govuk-tag govuk-tag--orange">Amber</strong>' in text
    assert "Complete" in text


def test_a_contributor_lists_only_its_own_organisations_actions(
    cast, as_user, follow_up
):
    text = as_user(cast.contributor_x).get(FOLLOW).content.decode()
    assert "2 actions found." in text
    assert "Hear the voice" not in text
    exported = as_user(cast.contributor_y).get(FOLLOW + "?export=csv")
    csv = exported.content.decode()
    assert "Hear the voice of the child" in csv and "Constabulary" not in csv


@pytest.mark.parametrize(
    ("state", "found"),
    [("open", ["Hear the voice", "Review staff checks"]), ("complete", ["Train"])],
)
def test_the_list_filters_open_or_complete(cast, as_user, follow_up, state, found):
    text = as_user(cast.chair).get(f"{FOLLOW}?state={state}").content.decode()
    assert f"{len(found)} action{'s' if len(found) > 1 else ''} found." in text
    for words in found:
        assert words in text


def test_an_unknown_filter_lists_everything(cast, as_user, follow_up):
    response = as_user(cast.chair).get(f"{FOLLOW}?state=pirates")
    assert response.status_code == 200
    assert "3 actions found." in response.content.decode()


@pytest.mark.parametrize("size", [3, 60])
def test_the_list_runs_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    cycle = cycle_with(cast.board, year=2016, standards=2, questions=1)
    orgs = Organisation.objects.bulk_create(
        Organisation(board=cast.board, name=f"Org {i}", sector=Sector.SCHOOL)
        for i in range(size)
    )
    subs = Submission.objects.bulk_create(
        Submission(
            cycle=cycle,
            organisation=org,
            status=SubmissionStatus.SUBMITTED,
            submitted_at=timezone.now(),
        )
        for org in orgs
    )
    standard = cycle.standards.first()
    CommittedAction.objects.bulk_create(
        CommittedAction(
            submission=sub,
            number=1,
            text="Act",
            owner="Lead",
            due_date=date(2017, 9, 1),
            standard=standard,
            rag=Rag.GREEN,
        )
        for sub in subs
    )
    client = as_user(cast.business_team)
    client.get(FOLLOW)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(FOLLOW + "?state=open&sort=rag").status_code == 200


# Session, user, board, roles, the cycle, the count and the page of actions.
LIST_QUERIES = 9


# Progress ---------------------------------------------------------------------------


def progress(action, **changes):
    return {
        "status": ActionStatus.IN_PROGRESS,
        "rag": Rag.GREEN,
        "note": "",
        "version": action.version,
        **changes,
    }


def test_the_owning_contributor_records_progress_kept_as_history(
    cast, as_user, follow_up
):
    cycle, x_open, x_done, y_open = follow_up
    client = as_user(cast.contributor_x)
    url = action_url(x_open) + "progress/"
    response = client.post(url, progress(x_open, note="Checks scheduled"))
    assert response.status_code == 302
    x_open.refresh_from_db()
    assert (x_open.rag, x_open.version) == (Rag.GREEN, 2)
    # "No update required" keeps the RAG; complete makes it Complete.
    client.post(url, progress(x_open, rag=""))
    x_open.refresh_from_db()
    assert x_open.rag == Rag.GREEN
    client.post(url, progress(x_open, status=ActionStatus.COMPLETE, rag=""))
    x_open.refresh_from_db()
    assert (x_open.status, x_open.rag, x_open.is_open) == ("complete", "C", False)
    assert x_open.updates.count() == 3
    assert x_open.history.count() == 4  # created, then three updates
    page = client.get(action_url(x_open)).content.decode()
    assert "Checks scheduled" in page and "No change" in page
    assert page.count("govuk-tag--green") >= 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rag": Rag.RED}, "Explain a red or amber rating"),
        ({"status": ""}, "Select not started, in progress or complete"),
        ({"rag": "Z"}, "Choose Red, Amber, Green or Complete"),
        ({"rag": Rag.COMPLETE}, "An action rated Complete has the status complete"),
        (
            {"status": ActionStatus.COMPLETE, "rag": Rag.AMBER, "note": "Nearly"},
            "A complete action is rated Complete",
        ),
        ({"note": "x" * 2001}, "Progress note must be 2,000 characters or fewer"),
    ],
)
def test_bad_progress_saves_nothing(cast, as_user, follow_up, changes, message):
    cycle, x_open, x_done, y_open = follow_up
    response = as_user(cast.business_team).post(
        action_url(x_open) + "progress/", progress(x_open, **changes)
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text and message in text
    assert not ActionProgress.objects.exists()
    x_open.refresh_from_db()
    assert (x_open.rag, x_open.version) == (Rag.AMBER, 1)


def test_a_stale_progress_page_names_who_saved_first(cast, as_user, follow_up):
    cycle, x_open, x_done, y_open = follow_up
    client = as_user(cast.business_team)
    data = progress(x_open)
    assert client.post(action_url(x_open) + "progress/", data).status_code == 302
    stale = client.post(action_url(x_open) + "progress/", data)
    assert stale.status_code == 409
    assert x_open.updates.count() == 1


def test_no_progress_on_a_draft_submissions_action(cast, follow_up):
    draft_action = CommittedAction.objects.get(text="A draft's action")
    with pytest.raises(Exception, match="once the submission has been submitted"):
        services.action_record_progress(
            action=draft_action,
            user=cast.business_team,
            version=1,
            status=ActionStatus.IN_PROGRESS,
            rag=Rag.GREEN,
        )


# The agency page --------------------------------------------------------------------


def agency_url(agency):
    return f"/boards/north/agencies/{agency.pk}/"


@pytest.mark.parametrize("who", ["business_team", "chair", "contributor_x"])
def test_the_agency_page_lists_its_open_follow_up_actions(
    cast, as_user, follow_up, who
):
    page = as_user(cast.user(who)).get(agency_url(cast.agency_x)).content.decode()
    assert "Section 11 follow-up actions" in page
    assert "1 open Section 11 follow-up action." in page
    assert "Review staff checks" in page and "Train recruiters" not in page
    assert "Hear the voice" not in page


@pytest.mark.parametrize("who", ["board_member", "contributor_y"])
def test_others_see_no_follow_up_part_on_the_agency_page(cast, as_user, follow_up, who):
    page = as_user(cast.user(who)).get(agency_url(cast.agency_x)).content.decode()
    assert "Section 11 follow-up actions" not in page
    assert "Review staff checks" not in page
    titles = [s["title"] for s in agency_sections_for(cast.agency_x)]
    assert "Section 11 follow-up actions" not in titles


def test_the_visible_actions_of_another_board_are_none(cast, follow_up):
    assert not visible_follow_up_actions(cast.other_board_member, cast.board).exists()


# Challenge events -------------------------------------------------------------------


def test_the_business_team_records_an_event_and_who_took_part(cast, as_user, follow_up):
    client = as_user(cast.business_team)
    form = client.get(EVENTS + "new/").content.decode()
    assert 'value="Learning from Each Other"' in form
    response = client.post(
        EVENTS + "new/",
        {
            "held_on_day": "21",
            "held_on_month": "9",
            "held_on_year": "2017",
            "title": "Learning from Each Other",
            "notes": "Half-day event for statutory partners and voluntary sector.",
        },
    )
    event = ChallengeEvent.objects.get()
    assert response["Location"] == f"{EVENTS}{event.pk}/"
    org = Organisation.objects.get(name="Constabulary")
    response = client.post(
        f"{EVENTS}{event.pk}/participants/new/",
        {
            "organisation": org.pk,
            "challenged_on": "How it reviews staff checks",
            "response": "An annual audit of records from 2017",
        },
    )
    assert response.status_code == 302
    again = client.get(f"{EVENTS}{event.pk}/participants/new/").content.decode()
    assert f'value="{org.pk}"' not in again  # taken already
    page = as_user(cast.lay_member).get(f"{EVENTS}{event.pk}/").content.decode()
    assert "Learning from Each Other" in page and "21 September 2017" in page
    assert "How it reviews staff checks" in page
    assert "An annual audit of records from 2017" in page
    assert "Add an organisation" not in page
    listing = as_user(cast.board_member).get(EVENTS).content.decode()
    assert "Learning from Each Other, 21 September 2017" in listing


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Event"}, "Enter the date of the event"),
        (
            {
                "held_on_day": "31",
                "held_on_month": "2",
                "held_on_year": "2017",
                "title": "Event",
            },
            "Enter a real date",
        ),
        (
            {
                "held_on_day": "1",
                "held_on_month": "9",
                "held_on_year": "2017",
                "title": "",
            },
            "Enter the event&#x27;s title",
        ),
    ],
)
def test_bad_event_input_saves_nothing(cast, as_user, follow_up, data, message):
    response = as_user(cast.business_team).post(EVENTS + "new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ChallengeEvent.objects.exists()


def test_bad_participant_input_saves_nothing(cast, as_user, follow_up):
    cycle = follow_up[0]
    event = ChallengeEventFactory(cycle=cycle)
    org = Organisation.objects.get(name="Constabulary")
    services.challenge_participant_add(
        event=event, user=cast.business_team, organisation=org, challenged_on="A"
    )
    other = OrganisationFactory(board=cast.other_board, name="Elsewhere")
    client = as_user(cast.business_team)
    url = f"{EVENTS}{event.pk}/participants/new/"
    for data, message in [
        ({"organisation": org.pk, "challenged_on": "B"}, "Choose an organisation"),
        ({"organisation": other.pk, "challenged_on": "B"}, "Choose an organisation"),
        ({"organisation": ""}, "Select the organisation taking part"),
        (
            {"organisation": Organisation.objects.get(name="Harbour Youth Trust").pk},
            "Enter what it was challenged on",
        ),
    ]:
        response = client.post(url, data)
        assert response.status_code == 200
        assert message in response.content.decode(), data
    assert ChallengeParticipant.objects.count() == 1


# Permissions ------------------------------------------------------------------------

READERS = allow(
    200, "chair", "business_team", "contributor_x", "contributor_y", others=404
)
OWN_X = allow(200, "chair", "business_team", "contributor_x", others=404)
UPDATE_X = OWN_X | {"chair": 403}
BUSINESS = allow(200, "business_team")

MATRIX = [
    (FOLLOW, "get", READERS),
    (FOLLOW + "{x_open}/", "get", OWN_X),
    (FOLLOW + "{x_open}/progress/", "get", UPDATE_X),
    (FOLLOW + "{x_open}/progress/", "post", UPDATE_X),
    (FOLLOW + "{draft_action}/", "get", allow(404, *MEMBERS)),
    (EVENTS, "get", READ),
    (EVENTS + "new/", "get", BUSINESS),
    (EVENTS + "new/", "post", BUSINESS),
    (EVENTS + "{event}/", "get", READ),
    (EVENTS + "{event}/participants/new/", "get", BUSINESS),
    (EVENTS + "{event}/participants/new/", "post", BUSINESS),
    (S + "2015/challenge-events/{event}/", "get", allow(404, *MEMBERS)),
]


@permission_matrix(MATRIX)
def test_follow_up_permission_matrix(follow_up, visit, who, method, url, expected):
    cycle, x_open, x_done, y_open = follow_up
    cycle_with(cycle.board, year=2015, standards=1, questions=1)
    event = ChallengeEventFactory(cycle=cycle)
    draft_action = CommittedAction.objects.get(text="A draft's action")
    # An empty POST is refused by the form (200) once the role may post at all.
    visit(
        who,
        method,
        url.format(x_open=x_open.pk, event=event.pk, draft_action=draft_action.pk),
        expected,
    )
