"""What our reviews teach: the lessons of published reviews, by learning theme
across reviews and years, with the action items and business-plan actions that
answer them; a published review's lessons; and the business team's pages for
lessons and learning themes."""

import copy
from functools import cached_property

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from business_plan.permissions import can_view_plans
from lscb_portal.forms import FormPageMixin
from lscb_portal.lists import Column, ListPageMixin

from .. import permissions, services
from ..forms.action_items import LessonForm, ThemeForm
from ..models import LearningTheme, reporting_year
from ..selectors import case_reviews as selectors
from .action_items import ReviewMixin

# Published lessons and the learning page (every board viewer) ----------------------


class LearningMixin(BoardMixin):
    permission = staticmethod(permissions.can_view_reviews)

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault(
            "can_manage", permissions.can_manage_reviews(user, self.board)
        )
        kwargs.setdefault(
            "can_open_reviews",
            permissions.can_view_restricted_reviews(user, self.board),
        )
        kwargs.setdefault("can_view_plans", can_view_plans(user, self.board))
        return super().get_context_data(**kwargs)


class LearningView(LearningMixin, TemplateView):
    """Lessons by theme; ?year=2016 keeps the reviews published in 2016-17."""

    template_name = "reviews/learning.html"
    theme = None

    @cached_property
    def years(self):
        return selectors.publication_years(self.request.user, self.board)

    @cached_property
    def year(self):
        chosen = self.request.GET.get("year", "")
        return int(chosen) if chosen.isdigit() and int(chosen) in self.years else None

    def groups(self):
        return selectors.learning_by_theme(
            self.request.user, self.board, year=self.year
        )

    def get_context_data(self, **kwargs):
        groups = self.groups()
        return super().get_context_data(
            theme=self.theme,
            groups=groups,
            lesson_count=len({e.lesson.pk for g in groups for e in g.entries}),
            years=[(y, selectors.year_label(y)) for y in self.years],
            year=self.year,
            year_label=selectors.year_label(self.year) if self.year else "",
            **kwargs,
        )


class ThemeView(LearningView):
    """One theme's lessons, across reviews and years."""

    @cached_property
    def theme(self):
        return get_object_or_404(
            LearningTheme, board=self.board, slug=self.kwargs["theme_slug"]
        )

    def groups(self):
        entries = selectors.lesson_entries(
            self.request.user, self.board, year=self.year, theme=self.theme
        )
        return [selectors.ThemeGroup(self.theme, entries)]


class PublishedReviewView(LearningMixin, TemplateView):
    """A published review's lessons, for every board viewer (404 until it is
    published, whoever asks)."""

    template_name = "reviews/published.html"

    def get_context_data(self, **kwargs):
        review = get_object_or_404(
            permissions.visible_published_reviews(
                self.request.user, self.board
            ).prefetch_related("lessons__themes"),
            pk=self.kwargs["review_id"],
        )
        return super().get_context_data(
            review=review,
            year_label=selectors.year_label(reporting_year(review.published_on)),
            **kwargs,
        )


# Lessons (the business team) -----------------------------------------------------


class LessonCreateView(ReviewMixin, FormPageMixin, FormView):
    form_class = LessonForm
    page_title = "Add a lesson"
    submit_label = "Add lesson"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.review}

    def form_save(self, form):
        lesson = services.lesson_create(
            review=self.review, user=self.request.user, **form.cleaned_data
        )
        return self.done(f"Lesson {lesson.number} added.")


class LessonEditView(ReviewMixin, FormPageMixin, FormView):
    form_class = LessonForm
    submit_label = "Save changes"

    @cached_property
    def lesson(self):
        return get_object_or_404(self.review.lessons, pk=self.kwargs["lesson_id"])

    def before_handler(self, request):
        response = super().before_handler(request)
        self.lesson  # noqa: B018 - 404 if it is not this review's
        return response

    def get_page_title(self):
        return f"Change lesson {self.lesson.number}"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "review": self.review,
            "instance": copy.copy(self.lesson),
        }

    def form_save(self, form):
        lesson = services.lesson_edit(
            lesson=self.lesson, user=self.request.user, changes=dict(form.cleaned_data)
        )
        return self.done(f"Lesson {lesson.number} saved.")


# Learning themes (the business team) ---------------------------------------------


class ThemesMixin(BoardMixin):
    permission = staticmethod(permissions.can_manage_reviews)

    def themes_url(self):
        return reverse("reviews:themes", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}


class ThemeListView(ThemesMixin, ListPageMixin, TemplateView):
    template_name = "reviews/themes.html"
    list_name = "learning-themes"
    page_size = 100

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "name",
                "Theme",
                "name",
                sort="name",
                row_header=True,
                link=lambda t: reverse("reviews:theme", args=[slug, t.slug]),
            ),
            Column("description", "Description", "description"),
            Column(
                "lessons", "Lessons", "lesson_count", sort="lesson_count", numeric=True
            ),
            Column(
                "change",
                "Change",
                lambda t: "Rename",
                link=lambda t: reverse("reviews:theme-edit", args=[slug, t.pk]),
                template="reviews/_theme_change_cell.html",
                exported=False,
            ),
        ]

    def get_list(self):
        return (
            LearningTheme.objects.filter(board=self.board)
            .annotate(lesson_count=Count("lessons"))
            .order_by("name")
        )

    def get_caption(self):
        return "Learning themes"


class ThemeCreateView(ThemesMixin, FormPageMixin, FormView):
    form_class = ThemeForm
    page_title = "Add a learning theme"
    submit_label = "Add theme"

    def get_back_url(self):
        return self.themes_url()

    def form_save(self, form):
        theme = services.theme_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Theme “{theme.name}” added.")
        return redirect(self.themes_url())


class ThemeEditView(ThemesMixin, FormPageMixin, FormView):
    form_class = ThemeForm
    submit_label = "Save changes"

    @cached_property
    def theme(self):
        return get_object_or_404(
            LearningTheme, board=self.board, pk=self.kwargs["theme_id"]
        )

    def before_handler(self, request):
        self.theme  # noqa: B018 - 404 if it is not this board's
        return super().before_handler(request)

    def get_page_title(self):
        return f"Rename “{self.theme.name}”"

    def get_back_url(self):
        return self.themes_url()

    def get_initial(self):
        return {
            "name": self.theme.name,
            "description": self.theme.description,
            "actions": list(self.theme.actions.all()),
            "indicators": list(self.theme.indicators.all()),
        }

    def form_save(self, form):
        theme = services.theme_edit(
            theme=self.theme, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Theme renamed “{theme.name}”.")
        return redirect(self.themes_url())
