"""Pages for section 6 of the annual report, "A brief word from the LSCB
Members", under /boards/<slug>/annual-report/<year>/narrative/members/: the
board's agencies with their statement's status, writing an agency's statement
(its contributor, the business team, the chair) and the chair's approval. Other
members read the approved statements."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.generic import FormView, TemplateView

from boards.forms import STALE_PAGE
from boards.models import Agency
from lscb_portal.errors import DomainError
from lscb_portal.forms import GovukFormMixin, VersionedEditMixin

from .models import Statement
from .narrative import text_blocks
from .narrative_views import FORMAT_HINT, ApprovalPostMixin, NarrativeMixin
from .permissions import (
    can_write_statement,
    can_write_statements,
)
from .statements import statement_approve, statement_for, statement_save

TAG_CLASSES = {"Approved": "govuk-tag--green", "Not written": "govuk-tag--grey"}


class StatementForm(GovukFormMixin, forms.ModelForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )

    class Meta:
        model = Statement
        fields = ["text"]
        labels = {"text": "The agency's statement"}
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}


class Row:
    """An agency and its statement (or None) as the list shows them."""

    def __init__(self, agency, statement, can_write):
        self.agency = agency
        self.statement = statement
        self.can_write = can_write

    @property
    def status(self) -> str:
        return self.statement.status if self.statement else "Not written"

    @property
    def tag_class(self) -> str:
        return TAG_CLASSES.get(self.status, "govuk-tag--yellow")

    @property
    def draft_blocks(self):
        return text_blocks(self.statement.text if self.statement else "")

    @property
    def approved_blocks(self):
        return text_blocks(self.statement.approved_text if self.statement else "")

    @property
    def can_be_approved(self) -> bool:
        return self.status in ("Not yet approved", "Changed since approval")


class StatementsMixin(NarrativeMixin):
    def statements_url(self):
        return self.page_url("member-statements")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("statements_url", self.statements_url())
        return super().get_context_data(**kwargs)


class MemberStatementsView(StatementsMixin, TemplateView):
    """Every agency of the board with its statement: writers see the drafts and
    status, other members the approved text only. Two queries whatever the
    number of agencies."""

    template_name = "reports/narrative/member_statements.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        statements = {
            s.agency_id: s
            for s in Statement.objects.filter(
                board=self.board, year=self.year, agency__isnull=False
            )
        }
        rows = [
            Row(
                agency,
                statements.get(agency.pk),
                can_write_statement(user, self.board, agency),
            )
            for agency in Agency.objects.filter(board=self.board).order_by("name")
        ]
        kwargs.setdefault("rows", rows)
        kwargs.setdefault("sees_drafts", can_write_statements(user, self.board))
        return super().get_context_data(**kwargs)


class AgencyStatementMixin(StatementsMixin):
    def before_handler(self, request):
        response = super().before_handler(request)
        self.agency = get_object_or_404(
            Agency, board=self.board, pk=self.kwargs["agency_id"]
        )
        return response

    @cached_property
    def statement(self):
        return statement_for(self.board, self.year, agency=self.agency)


class StatementEditView(AgencyStatementMixin, VersionedEditMixin, FormView):
    form_class = StatementForm
    template_name = "reports/narrative/statement_edit.html"

    permission = staticmethod(can_write_statements)

    def before_handler(self, request):
        response = super().before_handler(request)
        if not can_write_statement(request.user, self.board, self.agency):
            raise PermissionDenied
        return response

    def versioned_record(self):
        return self.statement or Statement(
            board=self.board, year=self.year, agency=self.agency, version=0
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("agency", self.agency)
        kwargs.setdefault("statement", self.statement)
        if self.statement is not None:
            kwargs.setdefault(
                "approved_blocks", text_blocks(self.statement.approved_text)
            )
        kwargs.setdefault("format_hint", FORMAT_HINT)
        return super().get_context_data(**kwargs)

    def save(self, data, version):
        statement_save(
            board=self.board,
            year=self.year,
            version=version,
            text=data["text"],
            user=self.request.user,
            agency=self.agency,
        )
        messages.success(
            self.request,
            f"The statement of {self.agency.name} is saved. The chair's approval is "
            "needed before the annual report shows it.",
        )
        return redirect(self.statements_url())


class StatementApproveView(ApprovalPostMixin, AgencyStatementMixin, TemplateView):
    """A refusal shows the list of statements again with the reason."""

    template_name = "reports/narrative/member_statements.html"

    def approve(self, version):
        if self.statement is None:
            raise DomainError("There is no statement to approve yet.")
        statement_approve(self.statement, version=version, user=self.request.user)
        return (
            f"The statement of {self.agency.name} is approved: the annual report "
            "now shows it."
        )

    def done_url(self):
        return self.statements_url()

    def get_context_data(self, **kwargs):
        view = MemberStatementsView(request=self.request, kwargs=self.kwargs)
        view.board, view.year = self.board, self.year
        return view.get_context_data(**kwargs)


members = "boards/<slug:board_slug>/annual-report/<str:year>/narrative/members/"

urlpatterns = [
    path(members, MemberStatementsView.as_view(), name="member-statements"),
    path(
        members + "<int:agency_id>/",
        StatementEditView.as_view(),
        name="member-statement-edit",
    ),
    path(
        members + "<int:agency_id>/approve/",
        StatementApproveView.as_view(),
        name="member-statement-approve",
    ),
]
