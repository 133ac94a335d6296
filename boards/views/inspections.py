"""Inspections, their judgements, recommendations and yearly updates."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.lists import Column, ListPageMixin
from lscb_portal.periods import reporting_year_start

from .. import permissions
from ..forms.inspections import (
    FindingForm,
    InspectionForm,
    RecommendationForm,
    RecommendationUpdateForm,
    SubJudgementForm,
)
from ..mixins import BoardMixin
from ..models import Inspection, InspectionFinding, Recommendation
from ..selectors.inspections import inspection_detail, inspection_list, judgement_tag
from ..services import inspections as services
from ..services.finance import last_change_id

PAGE_SIZE = 50


def inspection_url(inspection) -> str:
    return reverse("boards:inspection", args=[inspection.board.slug, inspection.pk])


class InspectionListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "boards/inspections/inspection_list.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "inspections"
    page_size = PAGE_SIZE

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "inspection",
                "Inspection",
                "title",
                sort="title",
                row_header=True,
                link=lambda i: reverse("boards:inspection", args=[slug, i.pk]),
            ),
            Column("by", "By", "body", sort="body"),
            Column(
                "dates",
                "Dates",
                dates_text,
                sort=("start_date", "end_date"),
                template="boards/inspections/_dates_cell.html",
            ),
            Column(
                "judgement",
                "Overall judgement",
                "tag.label",
                sort="overall",
                template="boards/inspections/_judgement_cell.html",
            ),
            Column(
                "recommendations",
                "Recommendations",
                "recommendation_count",
                sort="recommendation_count",
                numeric=True,
            ),
        ]

    def get_list(self):
        return inspection_list(self.board)

    def decorate(self, rows):
        for inspection in rows:
            inspection.tag = judgement_tag(inspection.overall)
        return rows

    def get_caption(self):
        return f"Inspections of {self.board.name} and its area, newest first"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


def dates_text(inspection) -> str:
    """ "3 March 2015 to 25 March 2015", as boards/inspections/_dates.html."""
    text = date_format(inspection.start_date, "j F Y")
    end = inspection.end_date
    if end and end != inspection.start_date:
        text += f" to {date_format(end, 'j F Y')}"
    return text


class InspectionCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = InspectionForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Add an inspection"
    submit_label = "Add inspection"

    def get_back_url(self):
        return reverse("boards:inspections", args=[self.board.slug])

    def form_save(self, form):
        inspection = services.inspection_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{inspection.title} added.")
        return redirect(inspection_url(inspection))


class InspectionMixin(BoardMixin):
    """Resolves .../inspections/<pk>/ to self.inspection (404 on another board)."""

    permission = staticmethod(permissions.can_manage_governance)

    @cached_property
    def inspection(self) -> Inspection:
        return get_object_or_404(
            Inspection.objects.select_related("board"),
            board=self.board,
            pk=self.kwargs["pk"],
        )

    def before_handler(self, request):
        self.inspection  # noqa: B018 -- 404 before anything else
        return super().before_handler(request)

    def get_back_url(self):
        return inspection_url(self.inspection)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("inspection", self.inspection)
        kwargs.setdefault("caption", self.inspection.title)
        return super().get_context_data(**kwargs)


class InspectionDetailView(InspectionMixin, TemplateView):
    template_name = "boards/inspections/inspection_detail.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **inspection_detail(self.inspection),
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


class SubJudgementCreateView(InspectionMixin, FormPageMixin, FormView):
    form_class = SubJudgementForm
    page_title = "Add a judgement on an area"
    submit_label = "Add judgement"

    def form_save(self, form):
        sub = services.sub_judgement_create(
            inspection=self.inspection, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Judgement added: {sub}.")
        return redirect(self.get_back_url())


class FindingMixin(InspectionMixin):
    """Resolves .../findings/<finding>/ to self.finding, or None on the add page."""

    @cached_property
    def finding(self) -> InspectionFinding | None:
        if "finding" not in self.kwargs:
            return None
        return get_object_or_404(
            InspectionFinding, inspection=self.inspection, pk=self.kwargs["finding"]
        )

    def before_handler(self, request):
        self.finding  # noqa: B018 -- another inspection's finding is a 404 first
        return super().before_handler(request)

    def get_back_url(self):
        return f"{inspection_url(self.inspection)}#findings"


class FindingFormView(FindingMixin, FormPageMixin, FormView):
    """Adds a finding, or changes one (refused if changed since it was opened)."""

    form_class = FindingForm

    def get_page_title(self):
        if self.finding is None:
            return "Add what the inspectors found"
        return "Change what the inspectors found"

    @property
    def submit_label(self):
        return "Add finding" if self.finding is None else "Save changes"

    def get_initial(self):
        if self.finding is None:
            return {}
        return {
            "kind": self.finding.kind,
            "text": self.finding.text,
            "seen": last_change_id(self.finding),
        }

    def form_save(self, form):
        data = form.cleaned_data
        if self.finding is None:
            services.finding_create(
                inspection=self.inspection,
                kind=data["kind"],
                text=data["text"],
                user=self.request.user,
            )
            messages.success(self.request, "Finding added.")
        else:
            services.finding_update(
                finding=self.finding,
                seen=data["seen"],
                kind=data["kind"],
                text=data["text"],
                user=self.request.user,
            )
            messages.success(self.request, "Finding saved.")
        return redirect(self.get_back_url())


class FindingDeleteView(FindingMixin, TemplateView):
    template_name = "boards/reference/confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Remove this finding",
            question=f"“{self.finding.text}” will no longer be listed with the "
            "inspection or printed in the annual report. Its history is kept.",
            submit_label="Remove finding",
            back_url=self.get_back_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        services.finding_delete(finding=self.finding, user=request.user)
        messages.success(request, "Finding removed.")
        return redirect(self.get_back_url())


class RecommendationCreateView(InspectionMixin, FormPageMixin, FormView):
    form_class = RecommendationForm
    page_title = "Add a recommendation"
    submit_label = "Add recommendation"

    def get_initial(self):
        return {"number": services.next_recommendation_number(self.inspection)}

    def form_save(self, form):
        recommendation = services.recommendation_create(
            inspection=self.inspection, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Recommendation {recommendation.number} added.")
        return redirect(self.get_back_url())


class RecommendationUpdateCreateView(InspectionMixin, FormPageMixin, FormView):
    form_class = RecommendationUpdateForm
    submit_label = "Record update"

    @cached_property
    def recommendation(self) -> Recommendation:
        return get_object_or_404(
            Recommendation, inspection=self.inspection, number=self.kwargs["number"]
        )

    def before_handler(self, request):
        self.recommendation  # noqa: B018 -- 404 before anything else
        return super().before_handler(request)

    def get_page_title(self):
        return f"Record an update on recommendation {self.recommendation.number}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.recommendation.text, **kwargs)

    def get_initial(self):
        today = timezone.localdate()
        return {"year": reporting_year_start(today), "date": today}

    def form_save(self, form):
        data = form.cleaned_data
        services.recommendation_update_record(
            recommendation=self.recommendation,
            year=data["year"],
            update_date=data["date"],
            text=data["text"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            f"Update recorded on recommendation {self.recommendation.number}.",
        )
        return redirect(
            f"{self.get_back_url()}#recommendation-{self.recommendation.number}"
        )


urlpatterns = [
    path(
        "<slug:board_slug>/inspections/",
        InspectionListView.as_view(),
        name="inspections",
    ),
    path(
        "<slug:board_slug>/inspections/new/",
        InspectionCreateView.as_view(),
        name="inspection-create",
    ),
    path(
        "<slug:board_slug>/inspections/<int:pk>/",
        InspectionDetailView.as_view(),
        name="inspection",
    ),
    path(
        "<slug:board_slug>/inspections/<int:pk>/judgements/new/",
        SubJudgementCreateView.as_view(),
        name="sub-judgement-create",
    ),
    path(
        "<slug:board_slug>/inspections/<int:pk>/findings/new/",
        FindingFormView.as_view(),
        name="finding-create",
    ),
    path(
        "<slug:board_slug>/inspections/<int:pk>/findings/<int:finding>/",
        FindingFormView.as_view(),
        name="finding-edit",
    ),
    path(
        "<slug:board_slug>/inspections/<int:pk>/findings/<int:finding>/remove/",
        FindingDeleteView.as_view(),
        name="finding-delete",
    ),
    path(
        "<slug:board_slug>/inspections/<int:pk>/recommendations/new/",
        RecommendationCreateView.as_view(),
        name="recommendation-create",
    ),
    path(
        "<slug:board_slug>/inspections/<int:pk>/recommendations/<int:number>/"
        "updates/new/",
        RecommendationUpdateCreateView.as_view(),
        name="recommendation-update-create",
    ),
]
