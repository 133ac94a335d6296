"""The audits app's section of the annual report (see reports.sections)."""

from collections import Counter, defaultdict

from lscb_portal.periods import year_label

from .models import Answer, Question, Rating, Section11Cycle, Sector, Submission
from .selectors import percent, year_on_year


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


# Board home, agency page, meeting pack and annual report ----------------------
# (block: joins)
