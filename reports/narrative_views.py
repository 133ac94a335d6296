"""Pages for the annual report's narrative, under
/boards/<slug>/annual-report/<year>/narrative/: the blocks with their status,
changing them (business team and chair), comparing with the approved version,
the chair's approval, and the history. Other members read the approved text."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from boards.forms import STALE_PAGE
from boards.mixins import BoardMixin
from boards.permissions import can_view_board
from lscb_portal.errors import DomainError
from lscb_portal.forms import GovukFormMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.periods import year_label
from lscb_portal.versioning import StaleVersion

from .documents import parse_year
from .models import NARRATIVE_FIELDS, NarrativeApproval, ReportNarrative
from .narrative import (
    BLOCKS,
    narrative_approve,
    narrative_save,
    narrative_state,
)
from .permissions import can_approve_narrative, can_edit_narrative

FORMAT_HINT = (
    "Leave a blank line between paragraphs. Start a line with “- ” to make it a "
    "bullet point."
)
LONG_BLOCKS = {"foreword", "views_of_children"}


class NarrativeForm(GovukFormMixin, forms.ModelForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )

    class Meta:
        model = ReportNarrative
        fields = list(NARRATIVE_FIELDS)
        widgets = {
            name: forms.Textarea(attrs={"rows": 12 if name in LONG_BLOCKS else 6})
            for name in NARRATIVE_FIELDS
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for block in BLOCKS:  # labelled as the pages name the blocks
            self.fields[block.key].label = block.label


class NarrativeMixin(BoardMixin):
    permission = staticmethod(can_view_board)

    def before_handler(self, request):
        try:
            self.year = parse_year(self.kwargs["year"])
        except ValueError:
            raise Http404("Not a reporting year") from None
        return None

    @cached_property
    def state(self):
        return narrative_state(self.board, self.year)

    def page_url(self, name="narrative"):
        return reverse(f"reports:{name}", args=[self.board.slug, year_label(self.year)])

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault("year", self.year)
        kwargs.setdefault("year_label", year_label(self.year))
        kwargs.setdefault("state", self.state)
        kwargs.setdefault("can_edit", can_edit_narrative(user, self.board))
        kwargs.setdefault("can_approve", can_approve_narrative(user, self.board))
        kwargs.setdefault("narrative_url", self.page_url())
        kwargs.setdefault("history_url", self.page_url("narrative-history"))
        kwargs.setdefault(
            "edition_url",
            reverse(
                "reports:annual-report-edition",
                args=[self.board.slug, year_label(self.year)],
            ),
        )
        return super().get_context_data(**kwargs)


class NarrativeView(NarrativeMixin, TemplateView):
    """Each block with its status; editors see the draft, others the approved
    text only."""

    template_name = "reports/narrative/narrative.html"


class ApprovalPostMixin:
    """POST: the chair approves the version the page showed. A version changed
    since is refused (409) with who changed it, and the page shown again with
    the reason. The one place an approval's refusal becomes a page, for the
    narrative and the members' statements alike: subclasses give approve()
    (returns the success message) and done_url()."""

    permission = staticmethod(can_approve_narrative)
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            return self.refused(STALE_PAGE, status=400)
        try:
            message = self.approve(version)
        except StaleVersion as refusal:
            return self.refused(str(refusal), status=409)
        except DomainError as refusal:
            return self.refused(str(refusal), status=400)
        messages.success(request, message)
        return redirect(self.done_url())

    def refused(self, message, *, status):
        context = self.get_context_data(approve_error=message)
        return self.render_to_response(context, status=status)


class NarrativeApproveView(ApprovalPostMixin, NarrativeView):
    def approve(self, version):
        approval = narrative_approve(
            board=self.board, year=self.year, version=version, user=self.request.user
        )
        return (
            f"Version {approval.version} is approved: the annual report now shows it."
        )

    def done_url(self):
        return self.page_url()


class NarrativeEditView(NarrativeMixin, VersionedEditMixin, FormView):
    permission = staticmethod(can_edit_narrative)
    form_class = NarrativeForm
    template_name = "reports/narrative/edit.html"

    def versioned_record(self):
        # Version 0: no narrative yet; the first save writes version 1.
        return self.state.narrative or ReportNarrative(
            board=self.board, year=self.year, version=0
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["rows"] = [(form[block.key], block) for block in self.state.blocks]
        context["format_hint"] = FORMAT_HINT
        return context

    def save(self, data, version):
        narrative_save(
            board=self.board,
            year=self.year,
            version=version,
            changes=data,
            user=self.request.user,
        )
        messages.success(
            self.request,
            "The narrative is saved. The chair's approval is needed before the "
            "annual report shows the changes.",
        )
        return redirect(self.page_url())


class NarrativeCompareView(NarrativeMixin, TemplateView):
    """The approved text beside the draft, block by block."""

    permission = staticmethod(can_edit_narrative)
    template_name = "reports/narrative/compare.html"


class NarrativeHistoryView(NarrativeMixin, TemplateView):
    permission = staticmethod(can_edit_narrative)
    template_name = "reports/narrative/history.html"

    def get_context_data(self, **kwargs):
        narrative = self.state.narrative
        if narrative is None:
            entries, approvals = [], []
        else:
            entries = history_entries(narrative.history.all())
            approvals = NarrativeApproval.objects.filter(
                narrative=narrative
            ).select_related("approved_by")
        return super().get_context_data(entries=entries, approvals=approvals, **kwargs)


narrative = "boards/<slug:board_slug>/annual-report/<str:year>/narrative/"

urlpatterns = [
    path(narrative, NarrativeView.as_view(), name="narrative"),
    path(narrative + "change/", NarrativeEditView.as_view(), name="narrative-edit"),
    path(
        narrative + "compare/",
        NarrativeCompareView.as_view(),
        name="narrative-compare",
    ),
    path(
        narrative + "approve/",
        NarrativeApproveView.as_view(),
        name="narrative-approve",
    ),
    path(
        narrative + "history/",
        NarrativeHistoryView.as_view(),
        name="narrative-history",
    ),
]
