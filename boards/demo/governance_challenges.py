"""Demo challenge log and risk log for the Cumbria board.

The themes and every figure come from the Annual Report 2016-17 (seed 004) and the
Business Plan 2014-17 (seed 003): the rise in child protection plans (325 at March
2015, 416 at March 2016, 525 at March 2017; 56.6 per 10,000 against 39 for
statistical neighbours and 43.4 nationally), return home interviews (50.8% within
72 hours against a target of 80%; intelligence on children placed in Cumbria by
other authorities not shared with the Police), early help assessments (57.7%
closed with a satisfactory outcome against 75%; the data cleansing exercise and
the Early Help Panels), CSE (reports to police 317 then 684; 61 and 58 children
under a CSE category in June and December 2016; category 1 from 60% to 65%), the
CAMHS indicators (92% and 88%), the LADO audits paused by staffing reductions, the
0-19 service and the CCG boundary change named in members' feedback, the budget
(£212,588 in and out) and "continuing reductions to public sector funding".

Illustrative, because the seeds publish no challenge log or risk log: which member
raised each challenge and to which agency; the dates raised and closed (most fall
on the demo board meetings' days, and that meeting is then what prompted them);
the wording of responses, outcomes and impact beyond what the report says was
done; every likelihood and impact score and the earlier scores in two risks'
history; the owners; and the review dates (set relative to the day the demo is
first loaded, one of them already overdue). People appear by their seat
(Membership.position) only.
"""

from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from ..models import (
    Agency,
    ChallengeLogEntry,
    ChallengeStatus,
    Meeting,
    MeetingKind,
    Membership,
    Risk,
    RiskStatus,
)

CHILDRENS_SERVICES = "Cumbria County Council, Children's Services"
CCG = "Cumbria Clinical Commissioning Group"
POLICE = "Cumbria Constabulary"
PUBLIC_HEALTH = "Public Health"

# (raised by (position, agency or None), agency challenged, date, subject, details,
#  response, outcome, impact, closed on)
CHALLENGES = [
    (
        ("Independent Chair", None),
        CHILDRENS_SERVICES,
        date(2016, 9, 8),
        "Rise in the number of children subject to a child protection plan",
        "The number of children on a child protection plan rose from 325 at March "
        "2015 to 416 at March 2016 (34.6 to 44.6 per 10,000). The Board asked what "
        "lay behind the rise and whether children were on plans for the right "
        "reasons.",
        "The Performance Management and Quality Assurance subgroup and Children's "
        "Services developed and tested hypotheses through data analysis and a case "
        "file audit.",
        "The findings and recommendations were turned into an action plan, which "
        "is being delivered. The rate stays an area of focus for the Board in "
        "2017-18.",
        "At March 2017, 525 children were on a plan (56.6 per 10,000, against 43.4 "
        "nationally): the Board now sees the figure at every meeting.",
        date(2017, 3, 9),
    ),
    (
        ("Lay Member 1", None),
        CHILDRENS_SERVICES,
        date(2016, 7, 14),
        "Early help assessments closed without a satisfactory outcome",
        "Only 57.7% of early help assessments were closed with a 'satisfactory "
        "outcome' against a target of 75%. An Ofsted monitoring visit found too "
        "many closed for lack of engagement or non-consent from parents, which "
        "could be a reason to escalate rather than to close.",
        "The Early Help subgroup commissioned a data cleansing exercise with "
        "partners so that assessments are closed, and the reason for closure "
        "recorded.",
        "Early Help Panels now run in each of the six districts, all with social "
        "care representation, to take 'stuck' assessments and manage step up and "
        "step down.",
        "Practitioners have a forum for stuck cases, and confidence with early help "
        "is increasing across professionals.",
        date(2017, 1, 12),
    ),
    (
        ("Assistant Chief Constable", POLICE),
        CHILDRENS_SERVICES,
        date(2016, 11, 10),
        "Return home interviews not completed within 72 hours",
        "Return interviews within 72 hours stood at 50.8% against a target of 80%. "
        "When children placed in Cumbria by other local authorities had gone "
        "missing, the intelligence from their return home interviews was not being "
        "shared with the Police.",
        "A Missing from Home task and finish group was set up in late 2016 to "
        "improve completion within timescale, and a 12-month fixed-term Missing "
        "from Home Coordinator was recruited in February 2017.",
        "",
        "",
        None,
    ),
    (
        ("Independent Chair", None),
        POLICE,
        date(2017, 1, 12),
        "Children managed under a CSE category stayed level while reports rose",
        "CSE reports to the police rose from 317 in 2015-16 to 684 in 2016-17, yet "
        "the number of children managed under a CSE category held steady (61 in "
        "June 2016, 58 in December 2016). The Board asked whether screening was "
        "thorough.",
        "Awareness is high and screening and risk assessment are thorough; the "
        "figures should be triangulated with assurance work such as case audit.",
        "The CSE/MFH subgroup carried out an audit deep dive, reported to the Board "
        "in March 2017, and the CSE Working Group plans a themed audit in June 2017.",
        "The share of children with a CSE category managed at the preventative "
        "level (category 1) rose from 60% to 65% between June and December 2016.",
        date(2017, 3, 9),
    ),
    (
        ("Lay Member 2", None),
        CCG,
        date(2017, 2, 9),
        "Health performance data in the multi-agency scorecard",
        "Only two health indicators appear in the scorecard: CAMHS patients seen "
        "within 35 days of referral (92%) and urgent cases seen within 48 hours "
        "(88% against 90%). The Board asked for a fuller picture from health "
        "partners.",
        "",
        "",
        "",
        None,
    ),
    (
        ("Assistant Director (Children's Services)", "Barnardo's"),
        CHILDRENS_SERVICES,
        date(2016, 12, 8),
        "LADO audits of closed cases paused",
        "The LADO service's quarterly audits of a random sample of closed cases "
        "were paused for a period in 2016-17 because of significant reductions in "
        "staffing capacity.",
        "Staff absence and a secondment reduced capacity for a short period; the "
        "audits will be restarted.",
        "",
        "",
        None,
    ),
    (
        ("Designated Nurse for Safeguarding", CCG),
        PUBLIC_HEALTH,
        date(2017, 5, 11),
        "Safeguarding in the newly commissioned 0-19 service",
        "Members asked for assurance that the implementation of the 0-19 service "
        "strengthens rather than weakens the safeguarding system.",
        "",
        "",
        "",
        None,
    ),
    (
        ("Independent Chair", None),
        CCG,
        date(2017, 4, 13),
        "Safeguarding arrangements after the CCG boundary change",
        "Cumbria has two clinical commissioning groups from 1 April 2017. The Board "
        "asked what this means for the designated professionals and for "
        "safeguarding arrangements, and what needs to change.",
        "",
        "",
        "",
        None,
    ),
]

# The day the risks' current scores were set: the March 2017 board meeting.
SCORED_ON = date(2017, 3, 9)

# (title, description, owner, likelihood, impact, mitigations, days to review,
#  status, earlier (likelihood, impact, date) or None)
RISKS = [
    (
        "Rising number of children subject to a child protection plan",
        "Children on a plan rose from 325 (March 2015) to 525 (March 2017); "
        "Cumbria's rate of 56.6 per 10,000 is above statistical neighbours (39) "
        "and England (43.4).",
        "Performance Management and Quality Assurance subgroup",
        4,
        4,
        "Hypotheses tested through data analysis and a case file audit; the "
        "resulting action plan is being delivered and reported to the Board.",
        45,
        RiskStatus.OPEN,
        (3, 4, date(2016, 4, 14)),
    ),
    (
        "Return home interviews not completed within 72 hours",
        "50.8% of return interviews were within 72 hours against a target of 80%, "
        "so intelligence about children who go missing is lost.",
        "CSE/MFH subgroup",
        4,
        4,
        "Missing from Home task and finish group (late 2016); fixed-term Missing "
        "from Home Coordinator in post from February 2017.",
        -14,
        RiskStatus.OPEN,
        (5, 4, date(2016, 11, 10)),
    ),
    (
        "Continuing reductions to public sector funding",
        "The LSCB's 2016-17 budget of £212,588 is funded entirely by partner "
        "contributions and was fully spent; a cut by any partner reduces the work "
        "the Board can do.",
        "Independent Chair",
        3,
        4,
        "Contributions agreed each year with partners; spend reviewed by the "
        "Business Group.",
        60,
        RiskStatus.OPEN,
        None,
    ),
    (
        "Capacity of the LSCB business team to manage the system",
        "Members' feedback: capacity to manage the system remains a challenge, "
        "despite the LSCB team working so hard.",
        "Senior Manager - LSCB and Improvement",
        4,
        3,
        "Work prioritised through the business plan; subgroups lead on their own "
        "actions.",
        30,
        RiskStatus.OPEN,
        None,
    ),
    (
        "Quality of partner data in the multi-agency scorecard",
        "Early help assessments were not being closed appropriately or with a "
        "reason for closure, and health partners supply only two indicators.",
        "Performance Management and Quality Assurance subgroup",
        3,
        3,
        "Data cleansing exercise with partners commissioned by the Early Help "
        "subgroup; data sets reviewed regularly against the Board's priorities.",
        90,
        RiskStatus.OPEN,
        None,
    ),
    (
        "CCG boundary change from 1 April 2017",
        "Cumbria has two clinical commissioning groups from 1 April 2017; "
        "safeguarding arrangements may need to change.",
        "Designated Nurse for Safeguarding",
        3,
        2,
        "Implications being worked through with both CCGs.",
        75,
        RiskStatus.OPEN,
        None,
    ),
    (
        "Online procedures manual falls out of date",
        "Procedures (for example the CSE procedure) are reviewed in line with the "
        "Tri-X update deadlines.",
        "Policy and Procedures subgroup",
        1,
        3,
        "Tri-X manual subscription (£9,660 in 2016-17); reviews aligned with its "
        "deadlines.",
        120,
        RiskStatus.OPEN,
        None,
    ),
    (
        "No second lay member with a remit for children and young people",
        "Business plan 2014-17 action 1.7: secure the appointment of a second lay "
        "member.",
        "Independent Chair",
        1,
        2,
        "Two lay members sit on the Board in 2016-17.",
        0,
        RiskStatus.CLOSED,
        None,
    ),
]


def _seat(board, position, agency_name):
    seats = Membership.objects.filter(board=board, position=position)
    if agency_name:
        seats = seats.filter(agency__name=agency_name)
    else:
        seats = seats.filter(agency__isnull=True)
    return seats.select_related("agency").first()


def _save_if_changed(instance, values: dict) -> None:
    changed = [k for k, v in values.items() if getattr(instance, k) != v]
    if changed:
        for key in changed:
            setattr(instance, key, values[key])
        instance.full_clean()
        instance.save()


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))


def _load_challenges(board) -> None:
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    # A challenge raised on the day of a board meeting was prompted by it.
    meetings = {
        m.date: m.pk
        for m in Meeting.objects.filter(board=board, kind=MeetingKind.BOARD)
    }
    meeting_type = ContentType.objects.get_for_model(Meeting)
    for (
        (position, agency_name),
        challenged,
        raised_on,
        subject,
        details,
        response,
        outcome,
        impact,
        closed_on,
    ) in CHALLENGES:
        seat = _seat(board, position, agency_name)
        if seat is None or challenged not in agencies:
            continue  # a board without this seat or agency: nothing to show
        values = {
            "date": raised_on,
            "raised_by": seat,
            "raised_by_agency": seat.agency,
            "agency_challenged": agencies[challenged],
            "details": details,
            "response": response,
            "outcome": outcome,
            "impact": impact,
            "status": ChallengeStatus.CLOSED if closed_on else ChallengeStatus.OPEN,
            "closed_on": closed_on,
            "prompted_by_type": meeting_type if raised_on in meetings else None,
            "prompted_by_id": meetings.get(raised_on),
        }
        existing = ChallengeLogEntry.objects.filter(
            board=board, subject=subject
        ).first()
        if existing is None:
            challenge = ChallengeLogEntry(board=board, subject=subject, **values)
            challenge.full_clean()
            challenge._history_date = _at(closed_on or raised_on)
            challenge.save()
        else:
            _save_if_changed(existing, values)


def _load_risks(board) -> None:
    today = timezone.localdate()
    for (
        title,
        description,
        owner,
        likelihood,
        impact,
        mitigations,
        review_in_days,
        status,
        earlier,
    ) in RISKS:
        values = {
            "description": description,
            "owner": owner,
            "likelihood": likelihood,
            "impact": impact,
            "mitigations": mitigations,
            "status": status,
        }
        existing = Risk.objects.filter(board=board, title=title).first()
        if existing is not None:
            _save_if_changed(existing, values)
            continue
        review_date = today + timedelta(days=review_in_days)
        risk = Risk(board=board, title=title, review_date=review_date, **values)
        if earlier is not None:
            first_likelihood, first_impact, scored_on = earlier
            risk.likelihood, risk.impact = first_likelihood, first_impact
            risk.full_clean()
            risk._history_date = _at(scored_on)
            risk.save()
            risk.likelihood, risk.impact = likelihood, impact
            risk.version += 1
        risk.full_clean()
        risk._history_date = _at(SCORED_ON)
        risk.save()


@transaction.atomic
def load(board) -> None:
    """The board's challenges and risks; running it again changes nothing."""
    _load_challenges(board)
    _load_risks(board)
