"""Pages under /boards/<slug>/reports/: the board's exports, starting one, its
status (refreshing itself while it runs) and the download."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.text import slugify
from django.utils.timezone import localtime
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from boards.mixins import BoardMixin
from boards.models import Meeting
from lscb_portal.errors import DomainError
from lscb_portal.forms import FormPageMixin, GovukForm
from lscb_portal.lists import Column, ListPageMixin
from lscb_portal.periods import year_label

from . import services
from .models import ReportRun, RunKind, RunStatus
from .permissions import can_download_reports, can_download_run, can_export_reports

REFRESH_SECONDS = 2


class AnnualReportForm(GovukForm):
    year = forms.TypedChoiceField(
        label="Reporting year",
        help_text="The year runs from 1 April to 31 March.",
        coerce=int,
        choices=(),
    )
    text = forms.ChoiceField(
        label="Which text",
        choices=[
            ("approved", "The approved text (what board members download)"),
            ("draft", "The latest draft, for checking"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select which text to print."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = services.year_choices()


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_kind_display()}, {obj.date:%-d %B %Y}"


class MeetingPackForm(GovukForm):
    meeting = MeetingChoiceField(
        label="Meeting",
        help_text="The pack holds the agenda and the reports due at the meeting.",
        queryset=Meeting.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Select the meeting.",
            "invalid_choice": "Select a meeting of this board from the list.",
        },
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(board=board).order_by(
            "-date", "kind"
        )


class RunMixin(BoardMixin):
    permission = staticmethod(can_download_reports)

    def get_run(self):
        run = get_object_or_404(
            ReportRun.objects.filter(board=self.board),
            pk=self.kwargs["run_id"],
        )
        run.board = self.board
        # A draft is for the exporters checking it: to others it does not exist.
        if not can_download_run(self.request.user, run):
            raise Http404("No such export.")
        return run


class RunListView(ListPageMixin, BoardMixin, TemplateView):
    permission = staticmethod(can_download_reports)
    template_name = "reports/run_list.html"
    list_name = "report-exports"
    page_size = 50

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "report",
                "Report",
                "label",
                sort=("kind", "requested_at"),
                link=lambda run: reverse("reports:run", args=[slug, run.pk]),
            ),
            Column("requested", "Requested", requested_text, sort="requested_at"),
            Column(
                "status",
                "Status",
                lambda run: run.get_status_display(),
                sort="status",
                template="reports/_run_status_cell.html",
            ),
            Column(
                "edition",
                "On screen",
                lambda run: run.edition_url or "",
                template="reports/_run_edition_cell.html",
                exported=False,
            ),
        ]

    def get_list(self):
        runs = ReportRun.objects.filter(board=self.board).select_related(
            "board", "requested_by"
        )
        if not can_export_reports(self.request.user, self.board):
            # Not exclude(params__draft=True): a missing key is NULL, and NOT NULL
            # would hide every approved run too.
            runs = runs.filter(~Q(params__has_key="draft") | Q(params__draft=False))
        return runs

    def decorate(self, rows):
        services.label_runs(rows)
        return rows

    def get_caption(self):
        return "Exports"

    def get_context_data(self, **kwargs):
        kwargs["can_export"] = can_export_reports(self.request.user, self.board)
        kwargs["report_year"] = year_label(services.default_year(self.board))
        context = super().get_context_data(**kwargs)
        context["runs"] = context["page"].object_list
        return context


def requested_text(run) -> str:
    """ "3 March 2017 14:05 by Ann Jones" (their e-mail when they have no name)."""
    who = run.requested_by.get_full_name() or run.requested_by.email
    return f"{date_format(localtime(run.requested_at), 'j F Y H:i')} by {who}"


class ExportMixin(BoardMixin, FormPageMixin):
    """Starts a run from a valid form; a refused request is a form error."""

    permission = staticmethod(can_export_reports)
    submit_label = "Export"
    intro = (
        "The report is made in the background. You can leave the next page and "
        "come back to it from the board's reports."
    )

    def get_back_url(self):
        return reverse("reports:list", args=[self.board.slug])

    def export(self, form, kind, params):
        run = services.run_request(
            board=self.board, kind=kind, params=params, user=self.request.user
        )
        return redirect("reports:run", self.board.slug, run.pk)


class AnnualReportExportView(ExportMixin, FormView):
    form_class = AnnualReportForm
    page_title = "Export the annual report"

    def get_initial(self):
        return {"year": services.default_year(self.board), "text": "approved"}

    def form_save(self, form):
        return self.export(
            form,
            RunKind.ANNUAL_REPORT,
            {
                "year": form.cleaned_data["year"],
                "draft": form.cleaned_data["text"] == "draft",
            },
        )


class MeetingPackExportView(ExportMixin, FormView):
    """The form; the meeting page posts here straight away with its meeting."""

    form_class = MeetingPackForm
    page_title = "Export a meeting pack"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def get_initial(self):
        """The meeting named by ?meeting=, else the next one, else the latest
        with an agenda (a pack with something in it), else the latest."""
        meetings = Meeting.objects.filter(board=self.board)
        asked = self.request.GET.get("meeting", "")
        chosen = None
        if asked.isascii() and asked.isdigit():
            chosen = meetings.filter(pk=int(asked)).first()
        if chosen is None:
            latest = meetings.order_by("-date", "kind")
            chosen = (
                meetings.filter(date__gte=timezone.localdate())
                .order_by("date", "kind")
                .first()
                or latest.filter(agenda_items__isnull=False).first()
                or latest.first()
            )
        return {"meeting": chosen}

    def form_save(self, form):
        return self.export(
            form, RunKind.MEETING_PACK, {"meeting": form.cleaned_data["meeting"].pk}
        )


class RunDetailView(RunMixin, DetailView):
    template_name = "reports/run_detail.html"
    context_object_name = "run"

    def get_object(self, queryset=None):
        return self.get_run()

    def get_context_data(self, **kwargs):
        run = self.object
        services.label_runs([run])
        kwargs["label"] = run.label
        subject = run.subject[:1].lower() + run.subject[1:]
        kwargs["download_text"] = (
            f"Download the draft {subject} (PDF)"
            if services.is_draft(run)
            else f"Download the {subject} (PDF)"
        )
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
            "phase": run.phase,
            "phase_label": run.phase_label,
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
        label = services.run_label(run)
        return FileResponse(
            handle,
            as_attachment=True,
            filename=f"{slugify(f'{self.board.slug} {label}')}.pdf",
            content_type="application/pdf",
        )


class RunRetryView(RunMixin, View):
    def post(self, request, *args, **kwargs):
        run = self.get_run()
        if not can_export_reports(request.user, self.board):
            raise PermissionDenied
        try:
            new = services.run_retry(run=run, user=request.user)
        except DomainError as error:
            messages.error(request, str(error))
            return redirect("reports:run", self.board.slug, run.pk)
        return redirect("reports:run", self.board.slug, new.pk)
