"""The multi-agency case audits of the annual report 2016-17 (section 13 and the
update on Ofsted recommendation 1).

- The three themed audits the Quality Assurance Groups undertook in 2016/17:
  missing from home, parental substance misuse and children with disabilities.
  Their key themes are the report's bullets, verbatim, each put under good
  practice or areas for improvement (a bullet that says both, such as "some
  strong evidence of voice of the child but this wasn't consistent", goes under
  improvement). The report does not say which QAG ran which audit, on what date or
  how many cases each looked at, nor how the cases were graded: the groups, dates
  and counts are illustrative and no gradings are recorded for them.
- The domestic abuse audit of January 2017: 4 cases, 3 graded requires
  improvement and 1 good (which case had which grading is illustrative). The
  business plan 2016-19 (action 9.2) dates it 9 January 2017 and gives it to the
  Domestic Abuse Task and Finish Group. Section 16's "deep dive" audit of 5 cases
  has findings of its own; the report does not say it is the same audit, so they
  are not copied here.
- Every recommendation, its owner, due date and progress is illustrative: the
  report says recommendations were made and monitored, not what they were. Some
  are complete (with evidence); the demo agency contributor's agency (Cumbria
  Constabulary) owns an open one; one is linked to business plan action 9.4.

Writes go through audits.services, so versions and history are real. Idempotent:
a record that exists is left as it is, and progress is recorded only when it
differs, so a second load changes no row."""

from datetime import date

from django.db import transaction

from boards.models import Agency, Membership, Role
from business_plan.models import Action
from reviews.models import LearningTheme
from subgroups.models import Subgroup

from .. import services
from ..models import CaseAudit, Grading, RecommendationStatus

CHILDREN = "Cumbria County Council, Children's Services"
POLICE = "Cumbria Constabulary"
NCUH = "North Cumbria University Hospitals"
CPFT = "Cumbria Partnership NHS Foundation Trust"
PLAN = "Business Plan 2016-19"
RI = Grading.REQUIRES_IMPROVEMENT
DONE, DOING = RecommendationStatus.COMPLETE, RecommendationStatus.IN_PROGRESS

# theme, group, date, cases audited, good practice, areas for improvement,
# gradings, recommendations: (number, text, owner, due, status, RAG, evidence,
# business plan action ref or "")
AUDITS = [
    {
        "theme": "Missing from Home",
        "group": "Quality Assurance Group North",
        "audited_on": date(2016, 7, 14),
        "cases_audited": 8,
        "good_practice": [
            "effective multi-agency working with good information sharing between "
            "agencies resulting in an appropriate response to missing episodes",
            "Improved processes within the Hub had resulted in information being "
            "shared in a more timely way",
        ],
        "areas_for_improvement": [
            "Stage 1 and 2 meetings were not consistently taking place",
            "In a number of cases the 72 hour timeframe was not being met for return "
            "interviews, this was due in some instances to late notifications",
            "Some strong evidence of voice of the child but this wasn't consistent "
            "across all cases audited",
            "When children placed in Cumbria by other Local Authorities had gone "
            "missing the intelligence from the return home interviews was not being "
            "shared with the Police.",
        ],
        "gradings": [],
        "recommendations": [
            (
                1,
                "Hold stage 1 and stage 2 meetings for every child who meets the "
                "threshold, and record them on the child's file.",
                CHILDREN,
                date(2016, 12, 31),
                DONE,
                "",
                "A dip sample in February 2017 found the meetings held and recorded "
                "in every case that met the threshold.",
                "",
            ),
            (
                2,
                "Notify Children's Services of each missing episode on the day the "
                "child is found, so return interviews can be held within 72 hours.",
                POLICE,
                date(2017, 6, 30),
                DOING,
                "A",
                "",
                "",
            ),
            (
                3,
                "Share the intelligence from return home interviews with the Police "
                "when a child placed in Cumbria by another local authority goes "
                "missing.",
                CHILDREN,
                date(2017, 3, 31),
                DOING,
                "G",
                "",
                "",
            ),
        ],
    },
    {
        "theme": "Parental Substance Misuse",
        "group": "Quality Assurance Group South",
        "audited_on": date(2016, 10, 13),
        "cases_audited": 6,
        "good_practice": [
            "There was good evidence of multi-agency working in a number of cases "
            "with improvements for the child seen",
        ],
        "areas_for_improvement": [
            "Drift was a factor in a number of cases",
            "There was some good evidence of voice of the child in the cases "
            "audited but it was not always clear how it had been used to inform "
            "planning for the child",
            "Some plans needed to be more SMART with defined outcomes and timescales.",
        ],
        "gradings": [],
        "recommendations": [
            (
                1,
                "Make child in need and child protection plans SMART, with defined "
                "outcomes and timescales.",
                CHILDREN,
                date(2017, 3, 31),
                DONE,
                "",
                "Plan templates revised in January 2017; the QAG's re-audit found "
                "outcomes and timescales in each plan sampled.",
                "",
            ),
            (
                2,
                "Record in each plan how the child's views have informed it.",
                CPFT,
                date(2017, 9, 30),
                DOING,
                "G",
                "",
                "",
            ),
        ],
    },
    {
        "theme": "Children with Disabilities",
        "group": "Quality Assurance Group West",
        "audited_on": date(2017, 2, 9),
        "cases_audited": 6,
        "good_practice": [
            "Good examples of the voice of the child being assessed, recorded and "
            "acted upon for non-verbal children",
            "Good information sharing between agencies",
            "Early planning for transition to adult services and transition from "
            "school to school",
        ],
        "areas_for_improvement": [
            "There wasn't always consistent attendance at core groups",
            "Assessments were not always up to date",
        ],
        "gradings": [],
        "recommendations": [
            (
                1,
                "Every agency in a child's plan attends its core groups, or sends a "
                "written contribution.",
                NCUH,
                date(2017, 6, 30),
                DOING,
                "R",
                "",
                "",
            ),
            (
                2,
                "Review each disabled child's assessment at least once a year.",
                CHILDREN,
                date(2017, 9, 30),
                RecommendationStatus.NOT_STARTED,
                "",
                "",
                "",
            ),
        ],
    },
    {
        "theme": "Domestic Abuse",
        "group": "Domestic Abuse Task and Finish Group",
        "audited_on": date(2017, 1, 9),
        "cases_audited": 4,
        "good_practice": [],
        "areas_for_improvement": [],
        "gradings": [RI, RI, Grading.GOOD, RI],
        "recommendations": [
            (
                1,
                "Train practitioners to identify and respond to domestic abuse "
                "sooner, using the Risk Identification Matrix.",
                CHILDREN,
                date(2018, 3, 31),
                DOING,
                "G",
                "",
                "9.4",
            ),
            (
                2,
                "Report the audit's findings to the Business Group and the PMQAG.",
                CHILDREN,
                date(2017, 3, 31),
                DONE,
                "",
                "Findings reported to the Business Group in February 2017 and the "
                "final report to the PMQAG in March 2017.",
                "",
            ),
        ],
    },
]


def _bullets(lines) -> str:
    return "\n".join(f"- {line}" for line in lines)


# The learning themes each audit looked at (the annual report's priority themes).
AUDIT_THEMES = {
    "Missing from Home": ["child-sexual-exploitation"],
    "Domestic Abuse": ["domestic-abuse"],
}


def _audit(board, user, row, groups) -> CaseAudit:
    themes = list(
        LearningTheme.objects.filter(
            board=board, slug__in=AUDIT_THEMES.get(row["theme"], [])
        )
    )
    audit = CaseAudit.objects.filter(
        board=board, theme=row["theme"], audited_on=row["audited_on"]
    ).first()
    if audit is not None and set(audit.themes.all()) != set(themes):
        audit = services.case_audit_update(
            audit=audit, user=user, version=audit.version, changes={"themes": themes}
        )
    if audit is None:
        audit = services.case_audit_create(
            board=board,
            user=user,
            theme=row["theme"],
            group=groups.get(row["group"]),
            audited_on=row["audited_on"],
            cases_audited=row["cases_audited"],
            good_practice=_bullets(row["good_practice"]),
            areas_for_improvement=_bullets(row["areas_for_improvement"]),
            themes=themes,
        )
    return audit


@transaction.atomic
def load(board) -> None:
    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first()
    user = team.user if team else None
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    police = agencies.get(POLICE)
    contributor = Membership.objects.filter(
        board=board, role=Role.AGENCY_CONTRIBUTOR, agency=police
    ).first()
    groups = {g.name: g for g in Subgroup.objects.filter(board=board)}
    actions = {
        a.ref: a for a in Action.objects.filter(plan__board=board, plan__title=PLAN)
    }

    for row in AUDITS:
        audit = _audit(board, user, row, groups)
        recorded = set(audit.gradings.values_list("case", flat=True))
        for n, grading in enumerate(row["gradings"], start=1):
            if f"Case {n}" not in recorded:
                services.grading_record(
                    audit=audit, user=user, case=f"Case {n}", grading=grading
                )
        existing = {r.number: r for r in audit.recommendations.all()}
        for number, text, owner, due, status, rag, evidence, ref in row[
            "recommendations"
        ]:
            rec = existing.get(number)
            if rec is None:
                rec = services.recommendation_create(
                    audit=audit,
                    user=user,
                    number=number,
                    text=text,
                    owner_agency=agencies[owner],
                    due_date=due,
                    business_plan_action=actions.get(ref) if ref else None,
                )
            wanted_rag = "C" if status == DONE else rag
            if (rec.status, rec.rag, rec.evidence) != (status, wanted_rag, evidence):
                by = contributor.user if contributor and owner == POLICE else user
                services.recommendation_record_progress(
                    recommendation=rec,
                    user=by,
                    version=rec.version,
                    status=status,
                    rag=rag,
                    evidence=evidence,
                )
