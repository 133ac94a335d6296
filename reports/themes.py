"""A priority theme's year (neglect, domestic abuse, CSE and MFH…) followed
through the golden thread: the plan's actions on it with their RAG at the year's
end, its indicators' values in the year, the case audits on it, the review
lessons tagged with it, the good practice examples on it, the courses on it
with their attendances and the chair's
approved statement of its strengths and priorities. A constant number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce

from audits.models import CaseAudit
from business_plan.models import Action
from good_practice.models import GoodPracticeExample
from indicators.models import Indicator, Measurement
from lscb_portal.memo import once_per_build
from lscb_portal.periods import reporting_year_start, reporting_years, year_bounds
from reviews import permissions as review_permissions
from reviews.models import LearningTheme, Lesson
from training.selectors import course_totals, theme_total

from .models import Statement
from .statements import statement_texts

# The annual report's priority theme sections: section key → the learning theme
# (its slug) each follows through the year.
PRIORITY_THEMES = {
    "neglect": "neglect",
    "domestic_abuse": "domestic-abuse",
    "cse_missing": "child-sexual-exploitation",
}


@dataclass
class ThemeYear:
    theme: object
    year: int
    actions: list = field(default_factory=list)
    measurements: list = field(default_factory=list)
    audits: list = field(default_factory=list)
    lessons: list = field(default_factory=list)
    lessons_withheld: int = 0
    examples: list = field(default_factory=list)
    training: object = None
    statement: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.actions
            or self.measurements
            or self.audits
            or self.lessons
            or self.examples
            or self.training.courses
            or self.statement
        )


def _lessons(theme, start: date, end: date, user, board):
    """Lessons of reviews published in the year print as the published report
    prints them; lessons of unpublished reviews only for a user who may see
    restricted reviews, otherwise counted."""
    lessons = (
        Lesson.objects.filter(themes=theme, review__board=board)
        .select_related("review")
        .order_by("review__published_on", "review__child_reference", "number")
    )
    published = [
        lesson
        for lesson in lessons
        if lesson.review.published_on and start <= lesson.review.published_on <= end
    ]
    unpublished = [lesson for lesson in lessons if not lesson.review.published_on]
    if user is not None and review_permissions.can_view_restricted_reviews(user, board):
        return published + unpublished, 0
    return published, len(unpublished)


def theme_year(board, theme, year: int, user=None, *, draft: bool = False):
    """The theme's year on `board`; `user` None is the published annual report."""
    start, end = year_bounds(year)
    actions = list(
        Action.objects.filter(plan__board=board, learning_themes=theme)
        .with_rag_as_of(end)
        .select_related("plan", "theme")
        .filter(plan__first_year__lte=year, plan__last_year__gt=year)
        .order_by("plan__first_year", "sort_key")
    )
    measurements = list(
        Measurement.objects.filter(
            indicator__board=board,
            indicator__learning_themes=theme,
            period_end__range=(year_bounds(year - 1)[0], end),
        )
        .select_related("indicator")
        .order_by("indicator__sort_key", "period_end")
    )
    audits = list(
        CaseAudit.objects.filter(
            board=board, themes=theme, audited_on__range=(start, end)
        ).order_by("audited_on")
    )
    lessons, withheld = _lessons(theme, start, end, user, board)
    examples = list(
        GoodPracticeExample.objects.filter(
            board=board, themes=theme, date__range=(start, end)
        )
        .select_related("agency")
        .order_by("date", "pk")
    )
    statements = statement_texts(board, year, draft=draft, by="theme")
    return ThemeYear(
        theme=theme,
        year=year,
        actions=actions,
        measurements=measurements,
        audits=audits,
        lessons=lessons,
        lessons_withheld=withheld,
        examples=examples,
        training=theme_total(board, year, theme),
        statement=statements.get(theme.pk, []),
    )


def theme_latest_year(board, theme) -> int:
    """The latest reporting year with something on the theme: an audit, an
    indicator value or a statement; with none, the year under way. Three
    queries."""
    days = [
        CaseAudit.objects.filter(board=board, themes=theme).aggregate(
            d=Max("audited_on")
        )["d"],
        Measurement.objects.filter(
            indicator__board=board, indicator__learning_themes=theme
        ).aggregate(d=Max("period_end"))["d"],
    ]
    years = [reporting_year_start(day) for day in days if day]
    stated = Statement.objects.filter(board=board, theme=theme).aggregate(
        y=Max("year")
    )["y"]
    if stated is not None:
        years.append(stated)
    return max(years, default=reporting_years()[0])


@dataclass
class ThemeHeadline:
    """A priority theme's year in figures."""

    theme: object
    actions: int
    indicators: int
    audits: int
    lessons: int
    examples: int
    attendances: int

    @property
    def empty(self) -> bool:
        return not (
            self.actions
            or self.indicators
            or self.audits
            or self.lessons
            or self.examples
            or self.attendances
        )


def _count_on_theme(queryset, theme_field: str):
    """The number of `queryset`'s records on the outer query's theme, as a
    subquery: one per figure keeps the joins from multiplying."""
    on_theme = (
        queryset.filter(**{theme_field: OuterRef("pk")})
        .order_by()
        .values(theme_field)
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(on_theme), 0)


@once_per_build  # the priorities and the report on a page both print them
def theme_headlines(board, year: int) -> list[ThemeHeadline]:
    """The priority themes' year in figures, in the report's order, those with
    any: the actions on each in the year's plans, the indicators with a value in
    the year, the case audits, the lessons of reviews published in it, the good
    practice examples and the training attendances. Four queries, whatever the
    number of themes or records."""
    start, end = year_bounds(year)
    themes = LearningTheme.objects.filter(
        board=board, slug__in=PRIORITY_THEMES.values()
    ).annotate(
        n_actions=_count_on_theme(
            Action.objects.filter(plan__first_year__lte=year, plan__last_year__gt=year),
            "learning_themes",
        ),
        n_indicators=_count_on_theme(
            Indicator.objects.filter(measurements__period_end__range=(start, end)),
            "learning_themes",
        ),
        n_audits=_count_on_theme(
            CaseAudit.objects.filter(audited_on__range=(start, end)), "themes"
        ),
        n_lessons=_count_on_theme(
            Lesson.objects.filter(review__published_on__range=(start, end)), "themes"
        ),
        n_examples=_count_on_theme(
            GoodPracticeExample.objects.filter(date__range=(start, end)), "themes"
        ),
    )
    attended = {t.course.pk: t.attendances for t in course_totals(board, year)}
    order = list(PRIORITY_THEMES.values())
    found = []
    for theme in sorted(
        themes.prefetch_related("training_courses"), key=lambda t: order.index(t.slug)
    ):
        headline = ThemeHeadline(
            theme,
            actions=theme.n_actions,
            indicators=theme.n_indicators,
            audits=theme.n_audits,
            lessons=theme.n_lessons,
            examples=theme.n_examples,
            attendances=sum(
                attended.get(course.pk, 0) for course in theme.training_courses.all()
            ),
        )
        if not headline.empty:
            found.append(headline)
    return found


def theme_section(slug: str):
    """An annual report section's build for the board's theme `slug`: None when
    the board has no such theme or it has nothing for the year."""

    def build(board, year, draft=False):
        theme = board.learning_themes.filter(slug=slug).first()
        if theme is None:
            return None
        found = theme_year(board, theme, year, draft=draft)
        return None if found.empty else {"theme_year": found}

    return build
