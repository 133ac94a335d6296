"""The audits app's section of the annual report (see reports.sections)."""

from collections import Counter, defaultdict
from datetime import date, timedelta

from lscb_portal.charts import bar_chart
from lscb_portal.periods import year_label

from .models import (
    Answer,
    Question,
    Rating,
    Section11Cycle,
    Sector,
    StaffSurvey,
    Submission,
)
from .selectors import percent, previous_survey, survey_results, year_on_year


def _change(change: int | None) -> str:
    if change is None:
        return "no data"
    return f"{change:+d}%" if change else "-"


def _difference(change: int) -> str:
    """ "-53", "+1" or "-" (no change), as the seed's table prints them."""
    return f"{change:+d}" if change else "-"


def _statutory(cycle) -> dict:
    """The statutory partners' findings: how many fully met every standard, and
    per question how many answered each rating. Three queries."""
    submissions = Submission.objects.valid().filter(
        cycle=cycle, organisation__sector=Sector.STATUTORY
    )
    answers = Answer.objects.filter(submission__in=submissions).values_list(
        "submission_id", "question_id", "rating"
    )
    by_question: dict[int, Counter] = defaultdict(Counter)
    short = set()
    seen = set()
    for submission_id, question_id, rating in answers:
        seen.add(submission_id)
        by_question[question_id][rating] += 1
        if rating not in (Rating.FULLY, Rating.NOT_APPLICABLE):
            short.add(submission_id)
    total = len(seen)
    questions = Question.objects.filter(standard__cycle=cycle).select_related(
        "standard"
    )
    rows = [
        {
            "code": q.code,
            "text": q.text,
            "fully": by_question[q.pk][Rating.FULLY],
            "partially": by_question[q.pk][Rating.PARTIALLY],
            "not_met": by_question[q.pk][Rating.NOT_MET],
            "na": by_question[q.pk][Rating.NOT_APPLICABLE],
        }
        for q in questions
    ]
    not_met = [r for r in rows if r["not_met"]]
    fully_all = total - len(short)
    return {
        "total": total,
        "fully_all": fully_all,
        "fully_all_percent": percent(fully_all, total),
        "not_met": not_met,
        "not_met_total": sum(r["not_met"] for r in rows),
        "rows": rows,
    }


def section_11(board, year):
    """The year's Section 11 audit: the process (dates, responses, exclusions,
    valid responses by kind), the statutory partners' findings and compliance per
    standard beside the previous cycle's. None without valid submissions."""
    cycle = Section11Cycle.objects.filter(board=board, year=year).first()
    if cycle is None:
        return None
    submitted = Submission.objects.filter(cycle=cycle, status="submitted")
    responses = Submission.objects.filter(cycle=cycle).count()
    sectors = Counter(
        submitted.filter(exclusion="").values_list("organisation__sector", flat=True)
    )
    valid = sum(sectors.values())
    if not valid:
        return None
    now, before, rows = year_on_year(cycle)
    excluded = submitted.exclude(exclusion="").count()
    return {
        "cycle": cycle,
        "year_label": year_label(year),
        "responses": responses,
        "excluded": excluded,
        "never_submitted": responses - valid - excluded,
        "valid": valid,
        "schools": sectors[Sector.SCHOOL],
        "gps": sectors[Sector.GP],
        "statutory": _statutory(cycle) if sectors[Sector.STATUTORY] else None,
        "before": before,
        "before_label": year_label(before.cycle.year) if before else "",
        "responses_change": _difference(valid - before.valid) if before else "",
        "rows": [
            {
                "number": r.number,
                "title": r.title,
                "before": r.before,
                "now": r.now,
                "change": _change(r.change),
            }
            for r in rows
        ],
    }


# Staff survey -----------------------------------------------------------------


def percent_text(value) -> str:
    return "no answers" if value is None else f"{value}%"


def survey_chart(result, chart_id: str):
    """A question's answers as horizontal bars of their percentages, each
    labelled with its answer, percentage and count."""
    return bar_chart(
        [
            (o.answer, o.percent or 0, f"{percent_text(o.percent)} ({o.count})")
            for o in result.options
        ],
        title=f"Answers to “{result.question}” ({result.question.answered} answered)",
        chart_id=chart_id,
        maximum=100,
    )


def _respondents_change(now: int, before: int) -> str:
    if now > before:
        return "an increase"
    if now < before:
        return "a decrease"
    return "the same number as"


def staff_survey(board, year):
    """The staff survey that ran in the reporting year (April to March): when it
    ran, its respondents beside the previous survey's, and each question's answers
    (table and chart), a repeated one beside the earlier year's. None when no
    survey ran in the year."""
    survey = (
        StaffSurvey.objects.filter(
            board=board,
            opened_on__gte=date(year, 4, 1),
            opened_on__lte=date(year + 1, 3, 31),
        )
        .order_by("opened_on")
        .first()
    )
    if survey is None:
        return None
    before = previous_survey(survey)
    results = survey_results(survey)
    charts = {}
    for result in results:
        name = f"staff-survey-q{result.question.pk}"
        result.chart_name = name
        result.chart = charts[name] = survey_chart(result, name)
        result.chart_alt = "; ".join(
            f"{o.answer} {percent_text(o.percent)} ({o.count})" for o in result.options
        )
    return {
        "survey": survey,
        "before": before,
        "change": _respondents_change(survey.respondents, before.respondents)
        if before
        else "",
        "results": results,
        "charts": charts,
    }


# Board home, agency page, meeting pack and annual report ----------------------


def _lines(text: str) -> list[str]:
    """A findings text's bullets ("- …" lines, or plain lines) as a list."""
    return [
        line.strip().removeprefix("- ").strip()
        for line in text.splitlines()
        if line.strip().removeprefix("-").strip()
    ]


def _gradings_text(gradings) -> str:
    """ "3 requires improvement, 1 good", best grading first; "" for none."""
    from .models import GRADING_ORDER, Grading

    counts = Counter(g.grading for g in gradings)
    return ", ".join(
        f"{counts[value]} {Grading(value).label.lower()}"
        for value in GRADING_ORDER
        if counts[value]
    )


def _rag_text(rag: str) -> str:
    from lscb_portal.rag import Rag

    return Rag(rag).label if rag else "Not rated"


def _recommendation(rec) -> dict:
    return {
        "number": rec.number,
        "text": rec.text,
        "owner": rec.owner_agency.name,
        "due_date": rec.due_date,
        "status": rec.get_status_display(),
        "rag": rec.rag,
        "rag_text": _rag_text(rec.rag),
        "open": rec.is_open,
    }


def _case_audit_rows(audits, *, open_only: bool = False) -> list[dict]:
    rows = []
    for audit in audits:
        gradings = list(audit.gradings.all())
        recommendations = [_recommendation(r) for r in audit.recommendations.all()]
        if open_only:
            recommendations = [r for r in recommendations if r["open"]]
        rows.append(
            {
                "audit": audit,
                "group": audit.group.name if audit.group else "",
                "good_practice": _lines(audit.good_practice),
                "areas_for_improvement": _lines(audit.areas_for_improvement),
                "gradings": gradings,
                "gradings_text": _gradings_text(gradings),
                "recommendations": recommendations,
            }
        )
    return rows


def _case_audits_between(board, start, end) -> list:
    """The board's case audits dated start..end (inclusive), oldest first, with
    their group (and its chair's agency), gradings and recommendations: three
    queries."""
    from django.db.models import Prefetch

    from .models import CaseAudit, CaseAuditRecommendation

    return list(
        CaseAudit.objects.filter(board=board, audited_on__range=(start, end))
        .select_related("group__chair__agency")
        .prefetch_related(
            "gradings",
            Prefetch(
                "recommendations",
                queryset=CaseAuditRecommendation.objects.select_related("owner_agency"),
            ),
        )
        .order_by("audited_on", "theme")
    )


def _groups(audits) -> list[dict]:
    """The groups that ran the audits, in the order they first audited, with the
    agency that chairs each where the chair is an agency's member."""
    groups = {}
    for audit in audits:
        group = audit.group
        if group is not None and group.pk not in groups:
            agency = group.chair.agency if group.chair else None
            groups[group.pk] = {
                "name": group.name,
                "chair": agency.name if agency else "",
            }
    return list(groups.values())


def case_audits(board, year):
    """Section 13, multi-agency quality audits: the case audits dated in the
    reporting year (April to March), the groups that ran them, the themes, each
    audit's key themes (good practice, areas for improvement), gradings and
    recommendations. None without an audit in the year. Three queries."""
    from datetime import date

    audits = _case_audits_between(board, date(year, 4, 1), date(year + 1, 3, 31))
    if not audits:
        return None
    return {
        "year_label": year_label(year),
        "groups": _groups(audits),
        "themes": [a.theme for a in audits],
        "audits": _case_audit_rows(audits),
    }


def section_11_pack(board, meeting_date):
    """The meeting pack's Section 11 report: the latest cycle with valid
    submissions that had opened by the meeting, as the annual report prints it
    (counts, compliance per standard beside the year before, the statutory
    partners' summary). None when no cycle has valid submissions."""
    from .models import SubmissionStatus

    cycle = (
        Section11Cycle.objects.filter(
            board=board,
            opens_on__lte=meeting_date,
            submissions__status=SubmissionStatus.SUBMITTED,
            submissions__exclusion="",
        )
        .order_by("-year")
        .first()
    )
    return section_11(board, cycle.year) if cycle else None


def case_audits_pack(board, meeting_date, since=None):
    """The meeting pack's multi-agency audits report: the case audits dated after
    `since` (the meeting that last had this report) up to the meeting, or without
    `since` those of the latest reporting year with an audit; each with its
    gradings and open recommendations. None without an audit."""
    from datetime import date

    from lscb_portal.periods import reporting_year_start

    from .models import CaseAudit

    if since is not None:
        start = since + timedelta(days=1)
        period = f"since {since:%-d %B %Y}"
    else:
        latest = (
            CaseAudit.objects.filter(board=board, audited_on__lte=meeting_date)
            .order_by("-audited_on")
            .values_list("audited_on", flat=True)
            .first()
        )
        if latest is None:
            return None
        year = reporting_year_start(latest)
        start = date(year, 4, 1)
        period = f"in {year_label(year)}"
    audits = _case_audits_between(board, start, meeting_date)
    if not audits:
        return None
    rows = _case_audit_rows(audits, open_only=True)
    return {
        "period": period,
        "audits": rows,
        "cases": sum(a.cases_audited for a in audits),
        "open": sum(len(r["recommendations"]) for r in rows),
    }
