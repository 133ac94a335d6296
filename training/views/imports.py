"""Imports of attendance counts and e-learning returns from CSV or XLSX. All
rows or none: the page lists each row's problem, by row number, in the error
summary. The business team imports any agency's figures; an agency
contributor its own agency's."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView

from lscb_portal.forms import IMPORT_ALL_OR_NONE, FormPageMixin
from lscb_portal.periods import year_label

from .. import imports, permissions
from ..forms_pool import ElearningImportForm, ImportFileForm
from .base import TrainingMixin
from .elearning import elearning_url


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class ImportMixin(TrainingMixin, FormPageMixin):
    permission = staticmethod(permissions.can_record_some_agency_figures)
    submit_label = "Import"
    multipart = True
    intro = IMPORT_ALL_OR_NONE

    def form_save(self, form):
        message = self.run_import(form.cleaned_data)
        messages.success(self.request, message)
        return redirect(self.done_url())

    def get_context_data(self, **kwargs):
        user = self.request.user
        agencies = self.board.agencies.all()
        if not permissions.can_manage_training(user, self.board):
            own = permissions.contributor_agency_ids(user, self.board)
            agencies = agencies.filter(pk__in=own)
            kwargs.setdefault("own_agencies", list(agencies))
        kwargs.setdefault("example_agency", agencies.first())
        return super().get_context_data(**kwargs)


class AttendanceImportView(ImportMixin, FormView):
    form_class = ImportFileForm
    template_name = "training/import_attendance.html"
    page_title = "Import attendance counts"

    def done_url(self):
        # The programme's pages are another part's; the page shows the result.
        return reverse("training:attendance-import", args=[self.board.slug])

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "example_session",
            self.board.training_courses.filter(sessions__isnull=False)
            .values("title", "sessions__date")
            .order_by("-sessions__date")
            .first(),
        )
        return super().get_context_data(**kwargs)

    def run_import(self, data) -> str:
        result = imports.attendance_import(
            board=self.board, user=self.request.user, upload=data["file"]
        )
        parts = [f"{_plural(result.created, 'count')} added"]
        parts.append(f"{result.changed:,} changed")
        if result.removed:
            parts.append(f"{result.removed:,} removed")
        return "Attendance imported: " + ", ".join(parts) + "."


class ElearningImportView(ImportMixin, FormView):
    form_class = ElearningImportForm
    template_name = "training/import_elearning.html"
    page_title = "Import e-learning returns"

    def get_back_url(self):
        return reverse("training:elearning", args=[self.board.slug])

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.board,
            "today": timezone.localdate(),
        }

    def run_import(self, data) -> str:
        self.year = data["year"]
        result = imports.elearning_import(
            board=self.board,
            user=self.request.user,
            year=self.year,
            upload=data["file"],
        )
        return (
            f"E-learning returns for {year_label(self.year)} imported: "
            f"{_plural(result.created, 'department')} added, "
            f"{result.changed:,} replaced."
        )

    def done_url(self):
        return elearning_url(self.board, self.year)
