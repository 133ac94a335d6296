"""Multi-agency case audits: the list every board viewer reads, an audit's page
(its gradings, findings and recommendations with their RAG), and the business
team's pages that record them. The agency that owns a recommendation records its
progress too."""

from collections import Counter
from datetime import date
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal.forms import FormPageMixin, FormSaveMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ExtraList, ListPageMixin, date_text

from .. import permissions, services
from ..forms import (
    CaseAuditEditForm,
    CaseAuditFilterForm,
    CaseAuditForm,
    GradingForm,
    RecommendationForm,
    RecommendationProgressForm,
)
from ..models import (
    GRADING_ORDER,
    CaseAudit,
    CaseAuditRecommendation,
    Grading,
    RecommendationStatus,
)


def audit_url(board_slug: str, audit_id: int) -> str:
    return reverse("audits:case-audit", args=[board_slug, audit_id])


def gradings_summary(gradings) -> str:
    """ "3 requires improvement, 1 good": the most common grading first."""
    counts = Counter(g.grading for g in gradings)
    labels = dict(Grading.choices)
    ordered = sorted(counts, key=lambda g: (-counts[g], GRADING_ORDER.index(g)))
    return ", ".join(f"{counts[g]} {labels[g].lower()}" for g in ordered)


def reporting_year(day: date) -> int:
    """2016 for a day from 1 April 2016 to 31 March 2017."""
    return day.year if day.month >= 4 else day.year - 1


class CaseAuditListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "audits/case_audits.html"
    permission = staticmethod(permissions.can_view_audits)
    list_name = "case-audits"
    anchor = "audits"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "theme",
                "Theme",
                "theme",
                sort="theme",
                link=lambda a: audit_url(slug, a.pk),
                row_header=True,
            ),
            Column("group", "Group", "group.name", sort="group__name"),
            Column(
                "date", "Date", lambda a: date_text(a.audited_on), sort="audited_on"
            ),
            Column(
                "cases", "Cases", "cases_audited", sort="cases_audited", numeric=True
            ),
            Column(
                "gradings", "Gradings", lambda a: gradings_summary(a.gradings.all())
            ),
            Column(
                "open",
                "Open recommendations",
                "open_recommendations",
                sort="open_recommendations",
                numeric=True,
            ),
        ]

    @cached_property
    def years(self) -> list[int]:
        dates = CaseAudit.objects.filter(board=self.board).values_list(
            "audited_on", flat=True
        )
        return sorted({reporting_year(d) for d in dates}, reverse=True)

    @cached_property
    def filter_form(self):
        return CaseAuditFilterForm(
            self.filter_data(), board=self.board, years=self.years
        )

    def get_list(self):
        audits = (
            CaseAudit.objects.filter(board=self.board)
            .select_related("group")
            .prefetch_related("gradings")
            .annotate(
                open_recommendations=Count(
                    "recommendations",
                    filter=~Q(recommendations__status=RecommendationStatus.COMPLETE),
                )
            )
            .order_by("-audited_on", "theme", "pk")
        )
        form = self.filter_form
        if form.is_bound and not form.is_valid():
            return audits.none()
        data = form.cleaned_data if form.is_bound else {}
        if data.get("group"):
            audits = audits.filter(group=data["group"])
        if data.get("year"):
            year = data["year"]
            audits = audits.filter(
                audited_on__gte=date(year, 4, 1), audited_on__lte=date(year + 1, 3, 31)
            )
        return audits

    def get_caption(self):
        return "Multi-agency case audits, newest first"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("filter_form", self.filter_form)
        kwargs.setdefault(
            "can_manage",
            permissions.can_manage_audits(self.request.user, self.board),
        )
        return super().get_context_data(**kwargs)


class AuditMixin(BoardMixin):
    """A page of one of the board's case audits (another board's is a 404)."""

    permission = staticmethod(permissions.can_view_audits)

    @cached_property
    def audit(self):
        return get_object_or_404(
            CaseAudit.objects.filter(board=self.board).select_related("group"),
            pk=self.kwargs["audit_id"],
        )

    def get_back_url(self):
        return audit_url(self.board.slug, self.audit.pk)

    def done(self, message: str):
        messages.success(self.request, message)
        return redirect(self.get_back_url())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("audit", self.audit)
        kwargs.setdefault("caption", str(self.audit))
        return super().get_context_data(**kwargs)


class ManageAuditMixin(AuditMixin):
    """The business team's pages of an audit: 404 first, then 403."""

    def before_handler(self, request):
        self.audit  # noqa: B018 - 404 if it is not this board's
        if not permissions.can_manage_audits(request.user, self.board):
            raise PermissionDenied
        return super().before_handler(request)


class GradingList(ExtraList):
    """The cases audited and the overall grading of each."""

    prefix = "gradings-"
    context_name = "gradings_table"
    anchor = "gradings"
    columns = (
        Column("case", "Case", "case", sort=lambda g: g.case, row_header=True),
        Column(
            "grading",
            "Overall grading",
            lambda g: g.get_grading_display(),
            sort=lambda g: Grading.values.index(g.grading),
        ),
    )

    def get_caption(self):
        return "Gradings of the cases audited"

    @property
    def list_name(self):
        return f"case-audit-{self.view.audit.pk}-gradings"

    def get_list(self):
        return self.view.gradings


class CaseAuditDetailView(ListPageMixin, AuditMixin, TemplateView):
    """A case audit: its gradings, findings and recommendations (each list sorts
    and exports)."""

    template_name = "audits/case_audit.html"
    anchor = "recommendations"
    extra_lists = (GradingList,)

    def get_columns(self):
        return [
            Column("number", "No.", "number", sort=lambda r: r.number, numeric=True),
            Column(
                "text",
                "Recommendation",
                "text",
                template="audits/_recommendation_cell.html",
            ),
            Column(
                "owner",
                "Owner agency",
                "owner_agency.name",
                sort=lambda r: r.owner_agency.name,
            ),
            Column(
                "due", "Due", lambda r: date_text(r.due_date), sort=lambda r: r.due_date
            ),
            Column(
                "status",
                "Status",
                lambda r: r.get_status_display(),
                sort=lambda r: r.status,
            ),
            Column(
                "rag",
                "RAG",
                lambda r: r.get_rag_display() or "Not rated",
                sort=lambda r: r.rag,
                template="audits/_follow_up_rag_cell.html",
            ),
            Column(
                "progress",
                "Progress",
                lambda r: "Record progress" if r.progress_url else "",
                link=lambda r: r.progress_url,
                template="audits/_recommendation_progress_cell.html",
                exported=False,
            ),
        ]

    def get_caption(self):
        return "Recommendations of the audit"

    @property
    def list_name(self):
        return f"case-audit-{self.audit.pk}-recommendations"

    # Both lists are a few rows, read once: sorted in Python, no count query.
    def get_list(self):
        return list(
            self.audit.recommendations.select_related(
                "owner_agency", "business_plan_action__plan"
            ).order_by("number", "pk")
        )

    @cached_property
    def gradings(self):
        return list(self.audit.gradings.order_by("pk"))

    def decorate(self, rows):
        user = self.request.user
        for rec in rows:
            rec.audit = self.audit  # the permission reads its board
            rec.progress_url = (
                reverse(
                    "audits:recommendation-progress",
                    args=[self.board.slug, self.audit.pk, rec.pk],
                )
                if permissions.can_update_case_audit_recommendation(user, rec)
                else ""
            )
        return rows

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            gradings=self.gradings,
            summary=gradings_summary(self.gradings),
            can_manage=permissions.can_manage_audits(self.request.user, self.board),
            entries=history_entries(self.audit.history.all()),
            **kwargs,
        )


class CaseAuditCreateView(FormPageMixin, BoardMixin, FormView):
    form_class = CaseAuditForm
    permission = staticmethod(permissions.can_manage_audits)
    page_title = "Record a multi-agency case audit"
    submit_label = "Record audit"
    intro = "Its gradings and recommendations are added on the audit's page."

    def get_back_url(self):
        return reverse("audits:case-audits", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        audit = services.case_audit_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Audit “{audit.theme}” recorded.")
        return redirect(audit_url(self.board.slug, audit.pk))


class CaseAuditEditView(ManageAuditMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = CaseAuditEditForm
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change the audit “{self.audit.theme}”"

    def versioned_record(self):
        return self.audit

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def save(self, data, version):
        audit = services.case_audit_update(
            audit=self.audit, user=self.request.user, version=version, changes=data
        )
        messages.success(self.request, f"Audit “{audit.theme}” saved.")
        return redirect(audit_url(self.board.slug, audit.pk))


class GradingCreateView(ManageAuditMixin, FormPageMixin, FormView):
    form_class = GradingForm
    page_title = "Record a case's grading"
    submit_label = "Record grading"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "audit": self.audit}

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "intro",
            f"{self.audit.gradings.count()} of {self.audit.cases_audited} cases "
            "graded so far.",
        )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        grading = services.grading_record(
            audit=self.audit, user=self.request.user, **form.cleaned_data
        )
        return self.done(f"{grading.case} graded {grading.get_grading_display()}.")


class RecommendationCreateView(ManageAuditMixin, FormPageMixin, FormView):
    form_class = RecommendationForm
    page_title = "Add a recommendation"
    submit_label = "Add recommendation"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "audit": self.audit}

    def form_save(self, form):
        rec = services.recommendation_create(
            audit=self.audit, user=self.request.user, **form.cleaned_data
        )
        return self.done(f"Recommendation {rec.number} added.")


class RecommendationProgressView(AuditMixin, FormPageMixin, FormSaveMixin, FormView):
    form_class = RecommendationProgressForm
    submit_label = "Save progress"

    @cached_property
    def recommendation(self):
        rec = get_object_or_404(
            CaseAuditRecommendation.objects.select_related("owner_agency"),
            audit=self.audit,
            pk=self.kwargs["rec_id"],
        )
        rec.audit = self.audit
        return rec

    def before_handler(self, request):
        rec = self.recommendation
        if not permissions.can_update_case_audit_recommendation(request.user, rec):
            raise PermissionDenied
        return super().before_handler(request)

    def get_page_title(self):
        return f"Progress on recommendation {self.recommendation.number}"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "intro",
            f"{self.recommendation.text} (owned by "
            f"{self.recommendation.owner_agency}, due "
            f"{self.recommendation.due_date:%-d %B %Y}).",
        )
        return super().get_context_data(**kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "recommendation": self.recommendation}

    def form_save(self, form):
        data = form.cleaned_data
        rec = services.recommendation_record_progress(
            recommendation=self.recommendation,
            user=self.request.user,
            version=data["version"],
            status=data["status"],
            rag=data["rag"] or "",
            evidence=data["evidence"],
        )
        return self.done(
            f"Progress on recommendation {rec.number} saved: "
            f"{rec.get_status_display()}."
        )
