"""The reviews API: case reviews (restricted: each record returned is logged in
the view log), action plan items with their progress (an agency contributor
records progress on its own agency's items), and learning themes. Who sees what
is decided in reviews/permissions.py; writes go through reviews/services.py. No
child death record, CDOP statistic or national figure has an endpoint."""

from collections.abc import Callable

from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, status, viewsets
from rest_framework.response import Response

from boards.api.base import (
    IDEMPOTENCY_KEY,
    BoardScopedMixin,
    IdempotentCreateMixin,
    history_reason,
    token_of,
)
from boards.api.viewlog import LogsRecordViewApiMixin
from boards.models import Board
from lscb_portal.errors import DomainError
from lscb_portal.versioning import StaleVersion

from .. import permissions, services
from ..filters import (
    ActionItemApiFilterSet,
    LearningThemeApiFilterSet,
    ReviewApiFilterSet,
)
from ..models import ActionItem, CaseReview, LearningTheme, Lesson, ReviewEvent
from . import serializers as s


class VisibleOnlyMixin:
    """Lists and looks up only what `visible(user, board)` (a predicate of
    reviews.permissions, which each viewset names) lets the user see, on the
    token's board or on each board of a signed-in user: a record outside it is a
    404, and a list leaves it out."""

    visible: Callable  # (user, board) -> queryset

    def get_queryset(self):
        queryset = super().get_queryset()
        user, token = self.request.user, token_of(self.request)
        boards = [token.board] if token else Board.objects.visible_to(user)
        allowed = Q(pk__in=[])
        for board in boards:
            visible = self.visible(user, board)
            if not visible.query.is_empty():
                allowed |= Q(pk__in=visible.values("pk"))
        return queryset.filter(allowed)


class CaseReviewViewSet(
    LogsRecordViewApiMixin,
    VisibleOnlyMixin,
    BoardScopedMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Case reviews, for those who may see restricted reviews (the business team,
    the chair and the Case Review Group): anyone else gets an empty list and a 404.
    Every review returned, listed or retrieved, is logged in the view log."""

    queryset = CaseReview.objects.prefetch_related(
        Prefetch("lessons", queryset=Lesson.objects.prefetch_related("themes")),
        Prefetch("events", queryset=ReviewEvent.objects.select_related("by")),
    )
    serializer_class = s.CaseReviewSerializer
    filterset_class = ReviewApiFilterSet
    ordering_fields = [
        "referred_on",
        "child_reference",
        "published_on",
        "modified_at",
    ]
    lookup_value_regex = r"\d+"

    visible = staticmethod(permissions.visible_reviews)


class _Items(LogsRecordViewApiMixin, VisibleOnlyMixin, BoardScopedMixin):
    """Action items as the user may see them; a view of one is logged when it is a
    view of a restricted record."""

    queryset = ActionItem.objects.select_related(
        "review__board", "business_plan_action"
    ).prefetch_related(Prefetch("lessons", to_attr="lesson_list"))
    board_path = "review__board"

    visible = staticmethod(permissions.visible_action_items)

    def is_restricted(self, record) -> bool:
        return permissions.is_restricted_view_of_action_item(self.request.user, record)

    def record_board_id(self, record) -> int:
        return record.review.board_id


class ActionItemViewSet(_Items, viewsets.ReadOnlyModelViewSet):
    """Items of reviews' action plans: every item for those who may see restricted
    reviews; the items of published reviews at the board table; an agency
    contributor's own agency's items. Progress is recorded by POST to
    `review-action-items/{id}/progress/`.

    A view of an item is logged when it is a view of a restricted record: the
    item's review is unpublished and the reader is not a contributor of the
    agency that owns it (an item is no secret from its owner, and items of
    published reviews are read at the board table)."""

    serializer_class = s.ActionItemSerializer
    filterset_class = ActionItemApiFilterSet
    ordering_fields = ["due_date", "number", "status", "modified_at"]
    lookup_value_regex = r"\d+"


class _RecordProgress:
    """Records progress on one item through the service (under
    IdempotentCreateMixin, so a retry with the same key is done once)."""

    def create(self, request, *args, **kwargs):
        item = self.get_queryset().filter(pk=kwargs["id"]).first()
        if item is None:
            raise exceptions.NotFound("No such action item (or not one you may see).")
        if not permissions.can_update_action_item(request.user, item):
            raise exceptions.PermissionDenied(
                "You may record progress only on the items your agency owns."
            )
        given = s.ProgressSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        try:
            services.action_item_record_progress(
                item=item,
                user=request.user,
                version=data["version"],
                status=data["status"],
                rag=data["rag"],
                evidence=data["evidence"],
                narrative=data["narrative"],
                on=data.get("date"),
                entered_via=history_reason(request),
            )
        except StaleVersion:
            raise
        except DomainError as error:
            # The service names the update's date "on"; the API calls it "date".
            messages = error.message_dict if hasattr(error, "error_dict") else {}
            raise exceptions.ValidationError(
                {("date" if k == "on" else k): v for k, v in messages.items()}
                or {"detail": error.messages}
            ) from None
        fresh = self.get_queryset().get(pk=item.pk)
        self.log_views([fresh])  # the answer shows the item: logged if restricted
        return Response(
            s.ActionItemSerializer(fresh, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    create=extend_schema(
        summary="Record progress on an action item",
        description="A dated progress update (kept, never edited) and the item's "
        "status, RAG and evidence now. The business team may record it on any "
        "item, an agency contributor on its own agency's items (403 for another "
        "agency's item it may see; 404 for one it may not). Name the version you "
        "start from: a stale one is refused with 409.",
        request=s.ProgressSerializer,
        responses={201: s.ActionItemSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
)
class ActionItemProgressViewSet(
    IdempotentCreateMixin, _RecordProgress, _Items, viewsets.GenericViewSet
):
    serializer_class = s.ProgressSerializer
    pagination_class = None
    filter_backends = []


class LearningThemeViewSet(
    VisibleOnlyMixin, BoardScopedMixin, viewsets.ReadOnlyModelViewSet
):
    """The board's learning themes, tagged on lessons: anyone on the board."""

    queryset = LearningTheme.objects.all()
    serializer_class = s.LearningThemeSerializer
    filterset_class = LearningThemeApiFilterSet
    ordering_fields = ["name", "slug", "modified_at"]
    lookup_value_regex = r"\d+"

    visible = staticmethod(permissions.visible_learning_themes)
