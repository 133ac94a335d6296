"""Reads of case reviews' learning: the lessons of published reviews grouped by
learning theme across reviews and years, with the action items that answer them
(only those the reader may see) and the business-plan actions that carry those
items out."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from business_plan.models import Action

from .. import permissions
from ..models import ActionItem, CaseReview, LearningTheme, Lesson, reporting_year

NOT_THEMED = "Not yet themed"


def year_label(year: int) -> str:
    """2016 → "2016-17", as the board's reporting years are written."""
    return f"{year}-{(year + 1) % 100:02d}"


@dataclass
class LessonEntry:
    lesson: Lesson
    review: CaseReview
    year: int  # the reporting year of publication (2016 for 2016-17)
    items: list[ActionItem] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def year_label(self) -> str:
        return year_label(self.year)


@dataclass
class ThemeGroup:
    theme: LearningTheme | None  # None: lessons not yet themed
    entries: list[LessonEntry] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.theme.name if self.theme else NOT_THEMED


def publication_years(user, board) -> list[int]:
    """The reporting years in which the reviews the user may read were published,
    newest first."""
    days = permissions.visible_published_reviews(user, board).values_list(
        "published_on", flat=True
    )
    return sorted({reporting_year(day) for day in days}, reverse=True)


def published_in(reviews, year: int | None):
    if year is None:
        return reviews
    return reviews.filter(
        published_on__gte=date(year, 4, 1), published_on__lte=date(year + 1, 3, 31)
    )


def lesson_entries(user, board, *, year=None, theme=None) -> list[LessonEntry]:
    """The lessons of published reviews (of one reporting year, of one theme),
    newest publication first, each with the items the user may see that answer it
    and those items' business-plan actions (with their current RAG)."""
    reviews = published_in(permissions.visible_published_reviews(user, board), year)
    items = (
        permissions.visible_action_items(user, board)
        .select_related("owner_agency")
        .order_by("number")
    )
    lessons = (
        Lesson.objects.filter(review__in=reviews)
        .select_related("review")
        .prefetch_related(
            "themes", Prefetch("action_items", queryset=items, to_attr="visible_items")
        )
        .order_by("-review__published_on", "review__child_reference", "number")
    )
    if theme is not None:
        lessons = lessons.filter(themes=theme)
    lessons = list(lessons)
    action_ids = {
        item.business_plan_action_id
        for lesson in lessons
        for item in lesson.visible_items
        if item.business_plan_action_id
    }
    actions = {}
    if action_ids:
        actions = {
            a.pk: a
            for a in Action.objects.with_current_rag()
            .filter(pk__in=action_ids)
            .select_related("plan")
        }
    entries = []
    for lesson in lessons:
        linked = []
        for item in lesson.visible_items:
            action = actions.get(item.business_plan_action_id)
            if action is not None and action not in linked:
                linked.append(action)
        entries.append(
            LessonEntry(
                lesson=lesson,
                review=lesson.review,
                year=reporting_year(lesson.review.published_on),
                items=list(lesson.visible_items),
                actions=linked,
            )
        )
    return entries


def learning_by_theme(user, board, *, year=None) -> list[ThemeGroup]:
    """Every theme with lessons (a lesson under each of its themes), by name, and
    last the lessons not yet themed."""
    entries = lesson_entries(user, board, year=year)
    groups = {
        theme.pk: ThemeGroup(theme)
        for theme in LearningTheme.objects.filter(board=board)
    }
    unthemed = ThemeGroup(None)
    for entry in entries:
        themes = entry.lesson.themes.all()
        for theme in themes:
            groups[theme.pk].entries.append(entry)
        if not themes:
            unthemed.entries.append(entry)
    result = [group for group in groups.values() if group.entries]
    if unthemed.entries:
        result.append(unthemed)
    return result
