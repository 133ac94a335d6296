"""Pages under /boards/<slug>/reports/: the board's exports, starting one, its
status (refreshing itself while it runs) and the download."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from boards.mixins import BoardMixin
from lscb_portal.forms import FormPageMixin, GovukForm

from . import services
from .models import ReportRun, RunKind, RunStatus
from .permissions import can_download_reports, can_export_reports

REFRESH_SECONDS = 2


class AnnualReportForm(GovukForm):
    year = forms.TypedChoiceField(
        label="Reporting year",
        help_text="The year runs from 1 April to 31 March.",
        coerce=int,
        choices=(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = services.year_choices()


class RunMixin(BoardMixin):
    permission = staticmethod(can_download_reports)

    def get_run(self):
        return get_object_or_404(
            ReportRun.objects.visible_to(self.request.user).filter(board=self.board),
            pk=self.kwargs["run_id"],
        )


class RunListView(BoardMixin, ListView):
    permission = staticmethod(can_download_reports)
    template_name = "reports/run_list.html"
    context_object_name = "runs"
    paginate_by = 50

    def get_queryset(self):
        return (
            ReportRun.objects.visible_to(self.request.user)
            .filter(board=self.board)
            .select_related("requested_by")
        )

    def get_context_data(self, **kwargs):
        kwargs["can_export"] = can_export_reports(self.request.user, self.board)
        context = super().get_context_data(**kwargs)
        for run in context["runs"]:
            run.label = services.run_label(run)
        return context


class AnnualReportExportView(BoardMixin, FormPageMixin, FormView):
    permission = staticmethod(can_export_reports)
    form_class = AnnualReportForm
    page_title = "Export the annual report"
    submit_label = "Export"
    intro = (
        "The report is made in the background. You can leave the next page and "
        "come back to it from the board's reports."
    )

    def get_initial(self):
        return {"year": services.default_year(self.board)}

    def get_back_url(self):
        return reverse("reports:list", args=[self.board.slug])

    def form_valid(self, form):
        try:
            run = services.run_request(
                board=self.board,
                kind=RunKind.ANNUAL_REPORT,
                params={"year": form.cleaned_data["year"]},
                user=self.request.user,
            )
        except services.ReportError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return redirect("reports:run", self.board.slug, run.pk)


class RunDetailView(RunMixin, DetailView):
    template_name = "reports/run_detail.html"
    context_object_name = "run"

    def get_object(self, queryset=None):
        return self.get_run()

    def get_context_data(self, **kwargs):
        run = self.object
        kwargs["label"] = services.run_label(run)
        kwargs["can_export"] = can_export_reports(self.request.user, self.board)
        return super().get_context_data(**kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_finished:
            # Reloads the page while the export runs, without JavaScript. An HTTP
            # header rather than <meta>: base.html has no head block.
            response["Refresh"] = str(REFRESH_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


class RunStatusJsonView(RunMixin, View):
    def get(self, request, *args, **kwargs):
        run = self.get_run()
        body = {
            "id": run.pk,
            "status": run.status,
            "status_label": run.get_status_display(),
            "steps_done": run.steps_done,
            "steps_total": run.steps_total,
            "step_label": run.step_label,
            "finished": run.is_finished,
            "error": run.error if run.status == RunStatus.FAILED else "",
            "download_url": reverse("reports:download", args=[self.board.slug, run.pk])
            if run.status == RunStatus.SUCCEEDED
            else None,
        }
        return JsonResponse(body, headers={"Cache-Control": "no-store"})


class RunDownloadView(RunMixin, View):
    def get(self, request, *args, **kwargs):
        run = self.get_run()
        if run.status != RunStatus.SUCCEEDED or not run.file:
            raise Http404("This export has no file yet.")
        try:
            handle = run.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file of this export is missing.") from None
        filename = f"{self.board.slug}-{services.run_label(run)}.pdf"
        return FileResponse(
            handle,
            as_attachment=True,
            filename=filename.replace(" ", "-").lower(),
            content_type="application/pdf",
        )


class RunRetryView(RunMixin, View):
    def post(self, request, *args, **kwargs):
        run = self.get_run()
        if not can_export_reports(request.user, self.board):
            raise PermissionDenied
        try:
            new = services.run_retry(run=run, user=request.user)
        except services.ReportError as error:
            messages.error(request, str(error))
            return redirect("reports:run", self.board.slug, run.pk)
        return redirect("reports:run", self.board.slug, new.pk)
