"""After the Section 11 audit of 2016-17: the statutory partners' committed
actions, followed up with RAG, and the "Learning from Each Other" challenge event
(section 18 of the annual report 2016-17, "Quality Assurance Process").

From the seed: the event is a half day in September 2017 for the statutory
partners and the voluntary sector respondents, whose Chief Executives and/or
Safeguarding Leads challenge each other's services on how their organisation
embeds safeguarding in its policies, procedures and structures and share good
practice, with members of the Young Perspective Board taking part.

Illustrative (the seed gives no detail, and the report was written before the
event): its day (21 September 2017); which voluntary organisations took part
(three of the demo's fictitious ones); what each was challenged on (for a
statutory partner, the standards it did not fully meet in its 2016-17 answers)
and its response. The committed actions are illustrative too: one for each
standard a statutory partner did not fully meet in 2016-17 (the police fully met
every standard, so it has none), owned by a post, due through 2017-18; a fixed
pattern makes some complete and the others open, rated Green, Amber or Red.

Writes: actions with the ORM (the submissions are already submitted, as a survey
import leaves them, and action_add changes drafts only); their progress through
audits.services.action_record_progress and the event through
challenge_event_create and challenge_participant_add. Idempotent: a cycle that
already has follow-up actions or a challenge event is left alone."""

from datetime import date

from django.db import transaction

from boards.models import Membership, Role
from lscb_portal.rag import Rag

from .. import services
from ..models import (
    ActionStatus,
    Answer,
    CommittedAction,
    Organisation,
    Rating,
    Section11Cycle,
    Sector,
    SubmissionStatus,
)

YEAR = 2016
EVENT_DAY = date(2017, 9, 21)
EVENT_NOTES = (
    "A half-day event for the statutory partners and the voluntary sector "
    "respondents to the 2016-17 Section 11 audit. Chief Executives and/or "
    "Safeguarding Leads challenged each other's services on how their "
    "organisation embeds safeguarding in its policies, procedures and "
    "structures, and shared areas of good practice. Members of the Young "
    "Perspective Board took part."
)
VOLUNTARY_TAKING_PART = [f"Example Voluntary Organisation {n:03d}" for n in (1, 2, 3)]

# What an organisation commits to where it did not fully meet a standard.
ACTIONS = {
    1: "Add the section 11 safeguarding requirement to every commissioning "
    "contract and check it at contract review.",
    2: "Confirm the senior lead's safeguarding responsibilities in their role "
    "profile and report them to the board annually.",
    3: "Set up a young people's reference group and show how its views change "
    "the service.",
    4: "Relaunch the whistle-blowing procedure and tell every member of staff "
    "and volunteer how to use it.",
    5: "Brief all staff on the information-sharing guidance and on when "
    "information may be shared without consent.",
    6: "Publish the designated professional lead's name and contact details to "
    "all staff.",
    7: "Review staff checks and records every year and train everyone who "
    "recruits in safer recruitment.",
    8: "Audit supervision records each quarter and follow up staff without "
    "regular supervision.",
    9: "Bring the allegations policy into line with the LSCB's and brief "
    "managers on it.",
}
OWNER = "Designated safeguarding lead"
DUE = [date(2017, 6, 30), date(2017, 9, 30), date(2017, 12, 31), date(2018, 3, 31)]
# (status, RAG, note) by position: a fixed pattern, so every load is the same.
PROGRESS = [
    (ActionStatus.COMPLETE, "", "Done and checked by the PMQAG."),
    (ActionStatus.IN_PROGRESS, Rag.GREEN, "On track for the due date."),
    (
        ActionStatus.IN_PROGRESS,
        Rag.AMBER,
        "Slipping: the training dates moved; new dates booked.",
    ),
    (ActionStatus.COMPLETE, "", "Completed before the challenge event."),
    (
        ActionStatus.IN_PROGRESS,
        Rag.RED,
        "Off track: the post holder left; the interim lead has taken it on.",
    ),
    (ActionStatus.NOT_STARTED, "", ""),
]


def _not_fully_met(cycle) -> dict:
    """Each valid statutory submission's standards not fully met, by
    submission."""
    found = {}
    answers = (
        Answer.objects.filter(
            submission__in=cycle.submissions.valid(),
            submission__organisation__sector=Sector.STATUTORY,
            rating__in=[Rating.PARTIALLY, Rating.NOT_MET],
        )
        .select_related("submission__organisation", "question__standard")
        .order_by("submission__organisation__name", "question__standard__number")
    )
    for answer in answers:
        standards = found.setdefault(answer.submission, {})
        standards[answer.question.standard.number] = answer.question.standard
    return found


def _actions(gaps, user) -> None:
    """A committed action for each standard not fully met, and its progress."""
    position = 0
    for submission, standards in gaps.items():
        for number, (standard_number, standard) in enumerate(
            sorted(standards.items()), start=1
        ):
            action = CommittedAction.objects.create(
                submission=submission,
                number=number,
                text=ACTIONS[standard_number],
                standard=standard,
                owner=OWNER,
                due_date=DUE[position % len(DUE)],
            )
            status, rag, note = PROGRESS[position % len(PROGRESS)]
            if status != ActionStatus.NOT_STARTED:
                services.action_record_progress(
                    action=action,
                    user=user,
                    version=action.version,
                    status=status,
                    rag=rag,
                    note=note,
                )
            position += 1


def _event(cycle, user, gaps) -> None:
    event = services.challenge_event_create(
        cycle=cycle, user=user, held_on=EVENT_DAY, notes=EVENT_NOTES
    )
    statutory = Organisation.objects.filter(
        board=cycle.board,
        sector=Sector.STATUTORY,
        submissions__cycle=cycle,
        submissions__status=SubmissionStatus.SUBMITTED,
        submissions__exclusion="",
    ).order_by("name")
    for organisation in statutory:
        standards = gaps.get(organisation.pk, [])
        if standards:
            titles = "; ".join(s.title.lower() for s in standards)
            challenged = f"Standards not fully met in 2016-17: {titles}."
            response = (
                "Set out its committed actions and their progress; asked a "
                "partner to look at its evidence again before the next audit."
            )
        else:
            challenged = (
                "How it keeps every standard fully met, and what others can "
                "learn from its evidence."
            )
            response = "Shared its policies and evidence as good practice."
        services.challenge_participant_add(
            event=event,
            user=user,
            organisation=organisation,
            challenged_on=challenged,
            response=response,
        )
    for organisation in Organisation.objects.filter(
        board=cycle.board, name__in=VOLUNTARY_TAKING_PART
    ):
        services.challenge_participant_add(
            event=event,
            user=user,
            organisation=organisation,
            challenged_on="How volunteers are recruited safely and supervised.",
            response="Agreed to share its volunteer induction pack with the "
            "voluntary sector reference group.",
        )


@transaction.atomic
def load(board) -> None:
    cycle = Section11Cycle.objects.filter(board=board, year=YEAR).first()
    if cycle is None:
        return
    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first()
    user = team.user if team else None
    gaps = _not_fully_met(cycle)
    if not CommittedAction.objects.filter(submission__cycle=cycle).exists():
        _actions(gaps, user)
    if not cycle.challenge_events.exists():
        by_organisation = {
            s.organisation_id: list(standards.values()) for s, standards in gaps.items()
        }
        _event(cycle, user, by_organisation)
