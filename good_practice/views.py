"""Pages of the good practice catalogue: the list, an example and its history,
adding and changing an example."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text

from . import permissions, selectors, services
from .filters import GoodPracticeFilter
from .forms import ExampleEditForm, ExampleForm

PAGE_SIZE = 50


class GoodPracticeMixin(BoardMixin):
    permission = staticmethod(permissions.can_view_good_practice)


def themes_text(example) -> str:
    return ", ".join(theme.name for theme in example.themes.all())


class ExampleListView(ListPageMixin, GoodPracticeMixin, TemplateView):
    template_name = "good_practice/example_list.html"
    list_name = "good-practice"
    page_size = PAGE_SIZE
    anchor = "examples"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column("date", "Date", lambda e: date_text(e.date), sort="date"),
            Column(
                "title",
                "Example",
                "title",
                sort="title",
                row_header=True,
                link=lambda e: reverse("good_practice:example", args=[slug, e.pk]),
            ),
            Column("agency", "Agency", "agency.name", sort="agency__name"),
            Column("themes", "Learning themes", themes_text),
            Column("outcome", "Outcome for the child", "outcome"),
        ]

    @cached_property
    def filter(self):
        return GoodPracticeFilter(
            self.filter_data(),
            queryset=selectors.examples_for_list(self.board),
            board=self.board,
        )

    def get_list(self):
        return self.filter.qs

    def get_caption(self):
        return f"Good practice examples of {self.board.name}, newest first"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filter,
            can_add=permissions.can_add_good_practice(self.request.user, self.board),
            **kwargs,
        )


class ExampleMixin(GoodPracticeMixin):
    """Resolves .../good-practice/<pk>/ to one of the board's examples."""

    @cached_property
    def example(self):
        return selectors.example_for_page(self.board, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("example", self.example)
        return super().get_context_data(**kwargs)

    def example_url(self):
        return reverse("good_practice:example", args=[self.board.slug, self.example.pk])


class ExampleDetailView(ExampleMixin, TemplateView):
    template_name = "good_practice/example_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=permissions.can_edit_example(self.request.user, self.example),
            **kwargs,
        )


class ExampleHistoryView(ExampleMixin, TemplateView):
    template_name = "good_practice/example_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.example.history.all()), **kwargs
        )


class ExampleCreateView(GoodPracticeMixin, FormPageMixin, FormView):
    form_class = ExampleForm
    permission = staticmethod(permissions.can_add_good_practice)
    page_title = "Add a good practice example"
    submit_label = "Add the example"
    intro = (
        "An intervention that made a positive difference to a child, or a change "
        "to an agency's systems after learning from a review. Do not name children, "
        "families or staff."
    )

    def get_back_url(self):
        return reverse("good_practice:list", args=[self.board.slug])

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.board,
            "agency_ids": permissions.agencies_user_enters_for(
                self.request.user, self.board
            ),
        }

    def form_save(self, form):
        example = services.example_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, "The good practice example has been added.")
        return redirect("good_practice:example", self.board.slug, example.pk)


class ExampleEditView(ExampleMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = ExampleEditForm
    submit_label = "Save changes"

    def before_handler(self, request):
        if not permissions.can_edit_example(request.user, self.example):
            raise PermissionDenied
        return None

    def get_page_title(self):
        return f"Change “{self.example.title}”"

    def get_back_url(self):
        return self.example_url()

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.board,
            "agency_ids": permissions.agencies_user_enters_for(
                self.request.user, self.board
            ),
        }

    def versioned_record(self):
        return self.example

    def save(self, data, version):
        services.example_update(
            example=self.example, version=version, changes=data, user=self.request.user
        )
        messages.success(self.request, "Example saved.")
        return redirect(self.example_url())
