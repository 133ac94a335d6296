"""Shared plumbing of the REST API: token authentication, board scoping, safe
writes (versions, If-Match, Idempotency-Key), throttling and JSON errors. Each
app's api/ package builds its ViewSets from these pieces."""

from datetime import timedelta

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions, permissions, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from boards.models import ApiToken, Board, IdempotencyRecord
from boards.models.api import hash_secret
from boards.permissions import can_view_board
from lscb_portal.versioning import StaleVersion


class TokenAuthentication(BaseAuthentication):
    """`Authorization: Token <key>` (or Bearer) with a key issued in the portal."""

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() not in (b"token", b"bearer"):
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Give the token after “Token ”.")
        prefix, _, secret = header[1].decode(errors="replace").partition(".")
        token = (
            ApiToken.objects.select_related("user", "board")
            .filter(prefix=prefix)
            .first()
        )
        if token is None or not constant_time_compare(
            token.secret_hash, hash_secret(secret)
        ):
            raise exceptions.AuthenticationFailed("The token is not valid.")
        if not token.is_active or not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                "The token has expired or been revoked."
            )
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > timedelta(
            minutes=1
        ):
            # Not an audited record: a plain update keeps the request cheap.
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return "Token"


def token_of(request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


class ApiAccess(permissions.BasePermission):
    """Signed in or holding a token for a board the user still belongs to; writes
    need a read-write token and the view's own permission for the object."""

    def has_permission(self, request, view):
        user = request.user
        if not user or not user.is_authenticated:
            return False
        token = token_of(request)
        if token is not None:
            if not can_view_board(user, token.board):
                raise exceptions.PermissionDenied(
                    "You no longer have a role on this board."
                )
            if request.method not in permissions.SAFE_METHODS and not token.can_write:
                raise exceptions.PermissionDenied("This token is read-only.")
        return True

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return view.can_write(request.user, obj)


class TokenRateThrottle(SimpleRateThrottle):
    """Requests per token (or per signed-in user) per minute."""

    scope = "api"

    def get_cache_key(self, request, view):
        token = token_of(request)
        ident = f"token-{token.pk}" if token else f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def exception_handler(exc, context):
    """Service errors become JSON: a ValidationError is 400 with field messages, a
    stale version 409."""
    # Imported here: rest_framework.views reads these settings when it loads.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "message_dict") else exc.messages
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, StaleVersion):
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    elif isinstance(exc, IntegrityError):
        exc = exceptions.ValidationError({"detail": "This conflicts with a record."})
    return drf_exception_handler(exc, context)


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


class VersionedUpdateMixin:
    """Updates name the version they start from, in the body ("version") or in
    If-Match: a stale one is refused (412 for If-Match, 409 for the body), never
    silently overwritten."""

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag_for(self.get_object().version)
        return response

    def expected_version(self, request, instance) -> int:
        if_match = request.headers.get("If-Match")
        if if_match:
            if if_match.strip() not in ("*", etag_for(instance.version)):
                raise PreconditionFailed()
            return instance.version
        version = request.data.get("version")
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


class IdempotentCreateMixin:
    """A POST with an Idempotency-Key is done once: a retry with the same key gets
    the first response again and creates nothing."""

    def create(self, request, *args, **kwargs):
        key = request.headers.get("Idempotency-Key", "").strip()[:100]
        if not key:
            return super().create(request, *args, **kwargs)
        previous = IdempotencyRecord.objects.filter(user=request.user, key=key).first()
        if previous is not None:
            if previous.path != request.path:
                return Response(
                    {"detail": "This Idempotency-Key was used for another request."},
                    status=status.HTTP_409_CONFLICT,
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
                    status=response.status_code,
                    body=response.data,
                )
        return response


def history_reason(request) -> str:
    """Recorded with every API write, so history says which token made it."""
    token = token_of(request)
    return f"API token “{token.name}” ({token.prefix})" if token else "API (signed in)"


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Describes the token scheme in the OpenAPI schema."""

    target_class = "lscb_portal.api_base.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "“Token <key>”: a key issued by the board's business team.",
        }
