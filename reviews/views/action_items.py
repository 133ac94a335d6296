"""A review's action plan: its SMART items, the progress the owning agencies and
the business team record on them, the list of the items a user may see, and the
review's dissemination steps and assurance responses."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin, LogsRecordViewMixin
from lscb_portal.forms import FormPageMixin, FormSaveMixin, VersionedEditMixin
from lscb_portal.lists import Column, ListPageMixin, date_text
from lscb_portal.templatetags.portal import rag_label

from .. import permissions, services
from ..filters import ActionItemFilter
from ..forms.action_items import (
    ActionItemEditForm,
    ActionItemForm,
    AssuranceReceiveForm,
    AssuranceRequestForm,
    DisseminationForm,
    ProgressForm,
)
from ..models import AssuranceResponse, ItemStatus

PAGE_SIZE = 50
RAG_ORDER = Case(
    When(current_rag="R", then=Value(0)),
    When(current_rag="A", then=Value(1)),
    When(current_rag="G", then=Value(2)),
    When(current_rag="C", then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)


def review_url(board_slug: str, review_id: int) -> str:
    """The review's own page. Link to it only for users who may open restricted
    reviews."""
    return reverse("reviews:review", args=[board_slug, review_id])


def items_url(board_slug: str) -> str:
    return reverse("reviews:items", args=[board_slug])


def item_log_label(item) -> str:
    return f"{item.review.child_reference}, action {item.number}"


# Pages of one review (the business team) --------------------------------------


class ReviewMixin(BoardMixin):
    """A page of one of the board's reviews that only the business team uses: a
    review the user may not see is a 404, one they see but may not change a 403."""

    @cached_property
    def review(self):
        return get_object_or_404(
            permissions.visible_reviews(self.request.user, self.board),
            pk=self.kwargs["review_id"],
        )

    def before_handler(self, request):
        self.review  # noqa: B018 - 404 if the user may not see it
        if not permissions.can_manage_reviews(request.user, self.board):
            raise PermissionDenied
        return super().before_handler(request)

    def get_back_url(self):
        return review_url(self.board.slug, self.review.pk)

    def done(self, message: str):
        messages.success(self.request, message)
        return redirect(self.get_back_url())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("review", self.review)
        kwargs.setdefault("caption", str(self.review))
        return super().get_context_data(**kwargs)


class ItemCreateView(ReviewMixin, FormPageMixin, FormView):
    form_class = ActionItemForm
    page_title = "Add an action plan item"
    submit_label = "Add item"
    intro = (
        "Make it SMART: a specific action, the agency that owns it, a due date and "
        "how success will be measured."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.review}

    def form_save(self, form):
        data = dict(form.cleaned_data)
        item = services.action_item_create(
            review=self.review, user=self.request.user, **data
        )
        return self.done(f"Action {item.number} added to the action plan.")


class ItemEditView(ReviewMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = ActionItemEditForm
    submit_label = "Save changes"

    @cached_property
    def item(self):
        return get_object_or_404(self.review.action_items, pk=self.kwargs["item_id"])

    def before_handler(self, request):
        response = super().before_handler(request)
        self.item  # noqa: B018 - 404 if it is not this review's
        return response

    def get_page_title(self):
        return f"Change action {self.item.number}"

    def versioned_record(self):
        return self.item

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "review": self.review}

    def save(self, data, version):
        item = services.action_item_edit(
            item=self.item, user=self.request.user, version=version, changes=data
        )
        return self.done(f"Action {item.number} saved.")


class DisseminationCreateView(ReviewMixin, FormPageMixin, FormView):
    form_class = DisseminationForm
    page_title = "Record a dissemination step"
    submit_label = "Record step"

    def form_save(self, form):
        services.dissemination_record(
            review=self.review, user=self.request.user, **form.cleaned_data
        )
        return self.done("Dissemination step recorded.")


class AssuranceCreateView(ReviewMixin, FormPageMixin, FormView):
    form_class = AssuranceRequestForm
    page_title = "Request assurance from an agency"
    submit_label = "Record request"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        data = form.cleaned_data
        response = services.assurance_request(
            review=self.review,
            user=self.request.user,
            agency=data["agency"],
            requested_on=data["requested_on"],
        )
        return self.done(f"Assurance requested from {response.agency}.")


class AssuranceEditView(ReviewMixin, FormPageMixin, FormView):
    form_class = AssuranceReceiveForm
    submit_label = "Save answer"

    @cached_property
    def response(self):
        return get_object_or_404(
            AssuranceResponse.objects.select_related("agency"),
            review=self.review,
            pk=self.kwargs["response_id"],
        )

    def before_handler(self, request):
        result = super().before_handler(request)
        self.response  # noqa: B018 - 404 if it is not this review's
        return result

    def get_page_title(self):
        return f"Record the assurance from {self.response.agency}"

    def get_initial(self):
        return {
            "received_on": self.response.received_on,
            "summary": self.response.summary,
        }

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "intro", f"Requested on {self.response.requested_on:%-d %B %Y}."
        )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        services.assurance_receive(
            response=self.response, user=self.request.user, **form.cleaned_data
        )
        return self.done(f"Assurance from {self.response.agency} recorded.")


# The items a user may see, and progress on one ---------------------------------


class ItemListView(LogsRecordViewMixin, ListPageMixin, BoardMixin, TemplateView):
    """Every action item the user may see (an agency contributor: its agency's),
    overdue first, then by due date. Each item shown is a view of a review's
    action plan, and logged."""

    template_name = "reviews/item_list.html"
    permission = staticmethod(permissions.can_view_reviews)
    list_name = "review-action-items"
    page_size = PAGE_SIZE
    anchor = "items"
    shown = ()

    @cached_property
    def can_open_reviews(self):
        return permissions.can_view_restricted_reviews(self.request.user, self.board)

    def get_columns(self):
        slug = self.board.slug
        user = self.request.user

        def review_link(item):
            return review_url(slug, item.review_id) if self.can_open_reviews else ""

        def status_text(item):
            text = item.get_status_display()
            return f"{text} (overdue)" if item.is_overdue else text

        def progress_link(item):
            if not permissions.can_update_action_item(user, item):
                return ""
            return reverse("reviews:item-progress", args=[slug, item.pk])

        columns = [
            Column(
                "review",
                "Review",
                "review.child_reference",
                sort="review__child_reference",
                link=review_link,
                row_header=True,
            ),
            Column("number", "Item", "number", sort="number", numeric=True),
            Column("action", "Action", "action", sort="action"),
            Column(
                "owner", "Owner agency", "owner_agency.name", sort="owner_agency__name"
            ),
            Column("due", "Due", lambda i: date_text(i.due_date), sort="due_date"),
            Column(
                "status",
                "Status",
                status_text,
                sort="status",
                template="reviews/_item_status_cell.html",
            ),
            Column(
                "rag",
                "RAG",
                lambda i: rag_label(i.current_rag),
                sort=RAG_ORDER,
                template="reviews/_item_rag_cell.html",
            ),
        ]
        if permissions.can_update_any_action_item(user, self.board):
            columns.append(
                Column(
                    "progress",
                    "Progress",
                    lambda i: "",
                    link=progress_link,
                    template="reviews/_item_progress_cell.html",
                    exported=False,
                )
            )
        return columns

    @cached_property
    def filter(self):
        items = permissions.visible_action_items(
            self.request.user, self.board
        ).select_related("review__board", "owner_agency")
        return ActionItemFilter(self.filter_data(), queryset=items, board=self.board)

    def get_list(self):
        today = timezone.localdate()
        late = Q(due_date__lt=today) & ~Q(status=ItemStatus.COMPLETE)
        return self.filter.qs.annotate(
            on_time=Case(
                When(late, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        ).order_by("on_time", "due_date", "review__child_reference", "number", "pk")

    def decorate(self, rows):
        self.shown = [*self.shown, *rows]
        return rows

    def viewed_records(self):
        return self.shown

    def record_label(self, item):
        return item_log_label(item)

    def get_caption(self):
        return "Action plan items, overdue first"

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filter, **kwargs)


class ItemProgressView(LogsRecordViewMixin, FormSaveMixin, BoardMixin, FormView):
    """Record progress on an item (status, RAG, evidence, narrative), with the
    item's update history, newest first."""

    template_name = "reviews/item_progress.html"
    form_class = ProgressForm
    permission = staticmethod(permissions.can_view_reviews)

    @cached_property
    def item(self):
        return get_object_or_404(
            permissions.visible_action_items(self.request.user, self.board)
            .select_related("review__board", "owner_agency", "business_plan_action")
            .prefetch_related("lessons"),
            pk=self.kwargs["item_id"],
        )

    def before_handler(self, request):
        if not permissions.can_update_action_item(request.user, self.item):
            raise PermissionDenied
        return super().before_handler(request)

    def viewed_records(self):
        return [self.item]

    def record_label(self, item):
        return item_log_label(item)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "item": self.item}

    def get_context_data(self, **kwargs):
        item = self.item
        return super().get_context_data(
            item=item,
            review=item.review,
            updates=item.updates.select_related("author"),
            back_url=items_url(self.board.slug),
            **kwargs,
        )

    def form_save(self, form):
        data = form.cleaned_data
        item = services.action_item_record_progress(
            item=self.item,
            user=self.request.user,
            version=data["version"],
            status=data["status"],
            rag=data["rag"],
            evidence=data["evidence"],
            narrative=data["narrative"],
            on=data["date"],
        )
        messages.success(
            self.request,
            f"Progress recorded on {item.review.child_reference} action {item.number}.",
        )
        return redirect("reviews:item-progress", self.board.slug, item.pk)
