"""The audits app's section of the annual report (see reports.sections)."""

from collections import Counter, defaultdict
from datetime import date

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
# (block: survey)


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
# (block: joins)
