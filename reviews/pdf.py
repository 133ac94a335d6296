"""The reviews app's sections of the annual report and parts of the meeting pack
(see reports.sections and reports.meeting_pack).

The annual report is a published document: it prints published reviews only
(never one not yet published; reviews under way are only counted) and child death
statistics only in aggregate. The meeting pack goes to the board table, which
reads published reviews' action plans."""

from collections import Counter
from datetime import date

from django.db.models import Count, Prefetch, Q

from lscb_portal.periods import year_label

from .models import (
    ActionItem,
    AssuranceResponse,
    CaseReview,
    CdopRecommendation,
    ChildDeathReview,
    ComparisonTable,
    DisseminationKind,
    ItemStatus,
    Lesson,
    ModifiableFactor,
    ReviewEvent,
    ReviewType,
    Stage,
)
from .selectors.child_deaths import cdop_tables
from .selectors.child_deaths import year_label as cdop_year_label

SERIOUS = (ReviewType.SCR, ReviewType.LCSPR)
SHORT_NAMES = {ReviewType.SCR: "SCR", ReviewType.LCSPR: "LCSPR"}


def _bounds(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def _article(words: str) -> str:
    return ("an " if words[:1].lower() in "aeiou" else "a ") + words


# 24. Learning from reviews -----------------------------------------------------


def learning_from_reviews(board, year):
    """The kinds of review the board runs and, for each, how many were published
    in the year and how many were under way at its end. Counts only. Two
    queries."""
    start, end = _bounds(year)
    published = Counter()
    under_way = Counter()
    kinds = set()
    for kind, referred, published_on, closed in CaseReview.objects.filter(
        board=board
    ).values_list("review_type", "referred_on", "published_on", "closed_on"):
        kinds.add(kind)
        if published_on and start <= published_on <= end:
            published[kind] += 1
        elif (
            referred <= end
            and (published_on is None or published_on > end)
            and (closed is None or closed > end)
        ):
            under_way[kind] += 1
    if not published and not under_way:
        return None
    rows = [
        {
            "kind": label,
            "published": published[value],
            "under_way": under_way[value],
        }
        for value, label in ReviewType.choices
        if value in kinds
    ]
    return {
        "kinds": [label for value, label in ReviewType.choices if value in kinds]
        + (
            ["Child death overview review"]
            if ChildDeathReview.objects.filter(board=board).exists()
            else []
        ),
        "rows": rows,
        "published": sum(published.values()),
        "practice_completed": published[ReviewType.PRACTICE],
        "under_way": sum(under_way.values()),
        "year_end": end,
        "year_label": year_label(year),
    }


# 25. Serious case reviews ------------------------------------------------------


def _published_in(board, year, types):
    start, end = _bounds(year)
    return CaseReview.objects.filter(
        board=board, review_type__in=types, published_on__range=(start, end)
    ).order_by("published_on", "child_reference")


def serious_case_reviews(board, year):
    """Each SCR and LCSPR published in the year: its date, scope, the child's story
    and numbered lessons; reviews begun as one and re-categorised; the action
    plans' completed and outstanding items; the dissemination done and the
    assurance received. A fixed number of queries."""
    start, end = _bounds(year)
    reviews = list(
        _published_in(board, year, SERIOUS).prefetch_related(
            Prefetch("lessons", queryset=Lesson.objects.order_by("number")),
            "dissemination",
        )
    )
    recategorised = [
        {
            "reference": event.review.child_reference,
            "from": SHORT_NAMES.get(event.from_type, event.get_from_type_display()),
            "to": _article(event.review.get_review_type_display()),
        }
        for event in ReviewEvent.objects.filter(
            review__board=board,
            kind=ReviewEvent.Kind.RECATEGORISED,
            from_type__in=SERIOUS,
            review__published_on__isnull=False,
        )
        .filter(
            Q(date__range=(start, end)) | Q(review__published_on__range=(start, end))
        )
        .exclude(review__review_type__in=SERIOUS)
        .select_related("review")
        .order_by("review__child_reference", "date")
    ]
    if not reviews and not recategorised:
        return None
    plans = {
        row["review"]: row
        for row in ActionItem.objects.filter(review__in=reviews)
        .values("review")
        .annotate(
            completed=Count("pk", filter=Q(status=ItemStatus.COMPLETE)),
            outstanding=Count("pk", filter=~Q(status=ItemStatus.COMPLETE)),
        )
    }
    plan_rows = [
        {
            "reference": r.child_reference,
            "completed": plans.get(r.pk, {}).get("completed", 0),
            "outstanding": plans.get(r.pk, {}).get("outstanding", 0),
        }
        for r in reviews
        if r.pk in plans
    ]
    dissemination = []
    for kind, label in DisseminationKind.choices:
        done = [
            (r.child_reference, step.done_on)
            for r in reviews
            for step in r.dissemination.all()
            if step.kind == kind
        ]
        if done:
            dissemination.append({"step": label, "done": done})
    assurance = AssuranceResponse.objects.filter(review__in=reviews).aggregate(
        requested=Count("pk"), received=Count("pk", filter=Q(received_on__isnull=False))
    )
    return {
        "reviews": reviews,
        "legacy": sum(1 for r in reviews if r.legacy),
        "recategorised": recategorised,
        "plans": plan_rows,
        "plans_completed": sum(p["completed"] for p in plan_rows),
        "plans_outstanding": sum(p["outstanding"] for p in plan_rows),
        "dissemination": dissemination,
        "assurance": assurance,
        "year_label": year_label(year),
    }


# 26. Practice reviews ----------------------------------------------------------


def practice_reviews(board, year):
    """The practice reviews completed (published) in the year and their combined
    learning, grouped by the lessons' titles (or first theme). Three queries."""
    reviews = list(
        _published_in(board, year, [ReviewType.PRACTICE]).prefetch_related(
            Prefetch(
                "lessons",
                queryset=Lesson.objects.order_by("number").prefetch_related("themes"),
            )
        )
    )
    if not reviews:
        return None
    groups: dict[str, list[str]] = {}
    for review in reviews:
        for lesson in review.lessons.all():
            themes = sorted(lesson.themes.all(), key=lambda t: t.name)
            heading = lesson.title or (themes[0].name if themes else "Other learning")
            texts = groups.setdefault(heading, [])
            if lesson.text not in texts:
                texts.append(lesson.text)
    return {
        "reviews": reviews,
        "learning": [{"heading": h, "texts": t} for h, t in groups.items()],
        "year_label": year_label(year),
    }


# 27. Learning from child deaths -------------------------------------------------

ROW_HEADINGS = {
    ComparisonTable.SEX: "Gender",
    ComparisonTable.AGE: "Age",
    ComparisonTable.CATEGORY: "Category of death (hierarchical category number)",
    ComparisonTable.SIGN_OFF: "Time taken to sign off",
}
CAPTIONS = {
    ComparisonTable.SEX: "Gender of child deaths by year of review",
    ComparisonTable.AGE: "Age at death by year of review",
    ComparisonTable.CATEGORY: "Child deaths by category of death and year of review",
    ComparisonTable.SIGN_OFF: "Time taken to sign off cases by year of review",
}


def _caption(table) -> str:
    number = table.title.split(".", 1)[0]  # "Table 1"
    caption = f"{number}. {CAPTIONS[table.key]}"
    if table.england_year is not None:
        caption += f", compared to England {cdop_year_label(table.england_year)}"
    return caption


def child_deaths(board, year, *, in_arrears: bool = True):
    """The Child Death Overview Panel's report, a year in arrears: the 2016-17
    annual report prints the deaths reviewed in 2015/16. Tables 1-4 by year of
    review beside England, the modifiable share and factors, and the panel's
    recommendations with their progress. Aggregates only."""
    review_year = year - 1 if in_arrears else year
    tables = cdop_tables(board, review_year)
    if tables is None:
        return None
    by_key = {t.key: t for t in tables}
    modifiable = by_key.get(ComparisonTable.MODIFIABLE)
    share = None
    if modifiable is not None:
        no = next(r for r in modifiable.rows if r.key == "no")
        share = {
            "total": modifiable.totals[-1],
            "none": no.cells[-1].count,
            "percent": no.cells[-1].percent,
            "england": no.england,
            "some": modifiable.totals[-1] - no.cells[-1].count,
        }
    factors = list(
        ModifiableFactor.objects.filter(
            board=board,
            child_deaths__year_of_review=review_year,
            child_deaths__modifiable=True,
        )
        .annotate(deaths=Count("child_deaths", distinct=True))
        .order_by("-deaths", "name")
    )
    recommendations = list(
        CdopRecommendation.objects.filter(
            board=board, year__in=[review_year - 1, review_year]
        )
    )
    label = cdop_year_label(review_year)
    return {
        "section_title": f"Learning from Child Deaths ({year_label(review_year)})"
        + (" (always a year in arrears)" if in_arrears else ""),
        "review_year": review_year,
        "in_arrears": in_arrears,
        "review_label": label,
        "start": date(review_year, 4, 1),
        "end": date(review_year + 1, 3, 31),
        "reviewed": by_key[ComparisonTable.SEX].totals[-1],
        "tables": [
            {"table": t, "heading": ROW_HEADINGS[t.key], "caption": _caption(t)}
            for t in tables
            if t.key != ComparisonTable.MODIFIABLE
        ],
        "modifiable": share,
        "factors": factors,
        "previous_label": cdop_year_label(review_year - 1),
        "previous_recommendations": [
            r for r in recommendations if r.year == review_year - 1
        ],
        "new_recommendations": [r for r in recommendations if r.year == review_year],
    }


# The meeting pack ----------------------------------------------------------------


def review_action_plans(board, today: date):
    """The "SCR action plan update": each published review not yet closed, with
    every item of its action plan (RAG, owner agency, due date), overdue first.
    Reviews with overdue items come first. Two queries."""
    reviews = list(
        CaseReview.objects.filter(board=board, published_on__isnull=False)
        .exclude(stage=Stage.CLOSED)
        .prefetch_related(
            Prefetch(
                "action_items",
                queryset=ActionItem.objects.select_related("owner_agency"),
            )
        )
        .order_by("published_on", "child_reference")
    )
    plans = []
    for review in reviews:
        items = sorted(
            review.action_items.all(),
            key=lambda i: (
                0 if i.is_overdue_on(today) else 1 if i.is_open else 2,
                i.due_date,
                i.number,
            ),
        )
        if not items:
            continue
        overdue = [i for i in items if i.is_overdue_on(today)]
        plans.append(
            {
                "review": review,
                "items": [
                    {"item": i, "overdue": i.is_overdue_on(today)} for i in items
                ],
                "overdue": len(overdue),
                "open": sum(1 for i in items if i.is_open),
            }
        )
    if not plans:
        return None
    plans.sort(key=lambda p: p["overdue"] == 0)
    return {
        "plans": plans,
        "today": today,
        "overdue": sum(p["overdue"] for p in plans),
        "open": sum(p["open"] for p in plans),
    }


def latest_child_deaths(board):
    """The CDOP tables for the latest year of review, for the meeting pack."""
    tables = cdop_tables(board)
    if tables is None:
        return None
    return child_deaths(board, tables[0].years[-1], in_arrears=False)
