"""The business team's imports: the board's list of organisations, and a cycle's
survey export (a submission per responding organisation). All rows or none: the
page lists each row's problem in the error summary."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from lscb_portal.forms import IMPORT_ALL_OR_NONE, FormPageMixin, ImportFileForm

from .. import permissions, services
from ..models import Rating, Sector
from .section11 import AuditsMixin, CycleMixin, cycle_label, cycle_url


class ImportMixin(AuditsMixin, FormPageMixin):
    form_class = ImportFileForm
    permission = staticmethod(permissions.can_import_audits)
    submit_label = "Import"
    multipart = True
    intro = IMPORT_ALL_OR_NONE

    def form_save(self, form):
        message = self.run_import(form.cleaned_data["file"])
        messages.success(self.request, message)
        return redirect(self.get_back_url())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("sectors", Sector.choices)
        kwargs.setdefault("ratings", Rating.choices)
        return super().get_context_data(**kwargs)


class OrganisationImportView(ImportMixin, FormView):
    template_name = "audits/import_organisations.html"
    page_title = "Import organisations"

    def get_back_url(self):
        return reverse("audits:organisations", args=[self.board.slug])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("agencies", self.board.agencies.all()[:3])
        return super().get_context_data(**kwargs)

    def run_import(self, upload) -> str:
        result = services.organisations_import(
            board=self.board, upload=upload, user=self.request.user
        )
        message = f"{result.added} added, {result.updated} updated"
        if result.unchanged:
            message += f", {result.unchanged} unchanged"
        return message + "."


class SurveyImportView(CycleMixin, ImportMixin, FormView):
    template_name = "audits/import_survey.html"
    page_title = "Import a survey export"

    def get_back_url(self):
        return cycle_url(self.cycle, "audits:submissions")

    def get_context_data(self, **kwargs):
        questions = [
            question
            for standard in self.cycle.standards.prefetch_related("questions")
            for question in standard.questions.all()
        ]
        kwargs.setdefault("caption", f"Section 11 audit {cycle_label(self.cycle)}")
        kwargs.setdefault("questions", questions)
        kwargs.setdefault("example_questions", questions[:2])
        return super().get_context_data(**kwargs)

    def run_import(self, upload) -> str:
        count = services.survey_export_import(
            cycle=self.cycle, upload=upload, user=self.request.user
        )
        return f"{count} submission{'s' if count != 1 else ''} imported."
