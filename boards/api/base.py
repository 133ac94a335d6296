"""Shared plumbing of the REST API for each app's ViewSets: board scoping and safe
writes (versions, If-Match, ETag, Idempotency-Key, the history reason naming the
token), with their OpenAPI parameters declared here once. Authentication,
throttling and JSON errors are in defaults.py. The API base lives in boards, beside
the token models it reads, so the project package depends on no domain app."""

import hashlib
import json

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from ..models import Board, IdempotencyRecord
from .defaults import history_reason, token_of


class BoardScopedMixin:
    """Lists and looks up only the records of the token's board, or, signed in,
    of the user's boards: anything else is a 404."""

    board_path = "board"  # how the model reaches its Board

    def get_queryset(self):
        queryset = super().get_queryset()
        token = token_of(self.request)
        if token is not None:
            return queryset.filter(**{self.board_path: token.board})
        boards = Board.objects.visible_to(self.request.user)
        return queryset.filter(**{f"{self.board_path}__in": boards})

    def can_write(self, user, obj) -> bool:
        """Each writable ViewSet says who may change an object."""
        return False

    def request_board(self):
        """The board a create is for: the token's, or the only one the user has."""
        token = token_of(self.request)
        if token is not None:
            return token.board
        boards = list(Board.objects.visible_to(self.request.user)[:2])
        if len(boards) == 1:
            return boards[0]
        raise exceptions.ValidationError(
            {"detail": "Use a token: it names the board the request is for."}
        )


def etag_for(version: int) -> str:
    return f'"v{version}"'


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The ETag of the version you change (e.g. "v3"); instead of '
    '"version" in the body. A stale one is refused with 412.',
)
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="A key of your choosing (up to 100 characters) that makes a POST "
    "safe to retry: a retry with the same key and the same body creates nothing and "
    "gets the first response again, marked `Idempotent-Replayed: true`. The same key "
    "with a different body is refused with 422, and on another path with 409; use a "
    "new key for each new request. Keys belong to the user.",
)


class VersionedUpdateMixin:
    """Updates name the version they start from, in the body ("version") or in
    If-Match: a stale one is refused (412 for If-Match, 409 for the body), never
    silently overwritten. One record is sent with its ETag.

    A ViewSet declares `update_serializer_class` (what a PATCH may change, and
    "version") and `update_record(instance, *, version, changes, user, reason)`,
    the service call; `reason` names the token on the history record."""

    update_serializer_class = None

    def update_record(self, instance, *, version, changes, user, reason):
        raise NotImplementedError(f"{type(self).__name__} names no update service.")

    def get_serializer_class(self):
        if self.action == "partial_update" and self.update_serializer_class:
            return self.update_serializer_class
        return super().get_serializer_class()

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag_for(self.get_object().version)
        return response

    @extend_schema(parameters=[IF_MATCH])
    def partial_update(self, request, *args, **kwargs):
        instance = self.get_object()
        version = self.expected_version(request, instance)
        given = self.get_serializer(instance, data=request.data, partial=True)
        given.is_valid(raise_exception=True)
        changes = {k: v for k, v in given.validated_data.items() if k != "version"}
        self.update_record(
            instance,
            version=version,
            changes=changes,
            user=request.user,
            reason=history_reason(request),
        )
        fresh = self.get_queryset().get(pk=instance.pk)
        response = Response(
            self.serializer_class(fresh, context=self.get_serializer_context()).data
        )
        response["ETag"] = etag_for(fresh.version)
        return response

    def expected_version(self, request, instance) -> int:
        if_match = request.headers.get("If-Match")
        if if_match:
            if if_match.strip() not in ("*", etag_for(instance.version)):
                raise PreconditionFailed()
            return instance.version
        # A body that is not a JSON object is the serializer's to refuse.
        body = request.data if isinstance(request.data, dict) else {}
        version = body.get("version")
        if version in (None, ""):
            raise exceptions.ValidationError(
                {"version": "Give the version you change, or an If-Match header."}
            )
        try:
            return int(version)
        except (TypeError, ValueError):
            raise exceptions.ValidationError({"version": "A whole number."}) from None


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record has changed since the ETag you sent."
    default_code = "precondition_failed"


def body_hash(request) -> str:
    """The parsed body's digest, so the same JSON spaced or ordered differently is
    the same request."""
    canonical = json.dumps(
        request.data, sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class IdempotentCreateMixin:
    """A POST with an Idempotency-Key is done once: a retry with the same key and
    body gets the first response again and creates nothing; the same key with
    another body is refused (422), as a client reusing keys would otherwise be told
    its new request succeeded when nothing was done."""

    @extend_schema(parameters=[IDEMPOTENCY_KEY])
    def create(self, request, *args, **kwargs):
        key = request.headers.get("Idempotency-Key", "").strip()[:100]
        if not key:
            return super().create(request, *args, **kwargs)
        digest = body_hash(request)
        previous = IdempotencyRecord.objects.filter(user=request.user, key=key).first()
        if previous is not None:
            if previous.path != request.path:
                return Response(
                    {"detail": "This Idempotency-Key was used for another request."},
                    status=status.HTTP_409_CONFLICT,
                )
            # Records from before hashes were kept have none to compare.
            if previous.request_hash and previous.request_hash != digest:
                return Response(
                    {
                        "detail": "This Idempotency-Key was used with a different "
                        "body. Use a new key for a new request."
                    },
                    status=status.HTTP_422_UNPROCESSABLE_ENTITY,
                )
            response = Response(previous.body, status=previous.status)
            response["Idempotent-Replayed"] = "true"
            return response
        with transaction.atomic():
            response = super().create(request, *args, **kwargs)
            if 200 <= response.status_code < 300:
                IdempotencyRecord.objects.create(
                    user=request.user,
                    key=key,
                    path=request.path,
                    request_hash=digest,
                    status=response.status_code,
                    body=response.data,
                )
        return response
