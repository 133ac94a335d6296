"""The API's defaults that settings.REST_FRAMEWORK names: token authentication,
access, throttling, pagination, the JSON parser and JSON errors. Kept apart from
base.py because DRF imports these while it loads its views, before
drf-spectacular's decorators (which base.py uses) can be imported."""

from datetime import timedelta

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions, permissions, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser as DrfJSONParser
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from lscb_portal.versioning import StaleVersion

from ..models import ApiToken
from ..models.api import hash_secret
from ..permissions import can_view_board


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
    """A page that is not a whole number from 1 to the last page is a 400 naming
    the parameter, like any other invalid query parameter (DRF answers 404)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = "There is no page “{page_number}”: {message}."

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound as error:
            raise exceptions.ValidationError(
                {self.page_query_param: [str(error.detail)]}
            ) from None


class JSONParser(DrfJSONParser):
    """The API's only parser (anything else is a 415). JSON nested too deeply for
    Python to decode is a 400 like any other malformed JSON, not a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(
                "JSON parse error - nested too deeply."
            ) from None


def exception_handler(exc, context):
    """Service errors become JSON: a stale version is 409; a DomainError (or any
    ValidationError) 400 with its field messages, or {"detail": [...]} when they
    belong to no field. Every error body is an object in the one shape the schema
    documents (boards/api/schema.py): a bare list of messages goes under "detail",
    and a field's one message in a list."""
    # Imported here: rest_framework.views reads these settings when it loads.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, StaleVersion):
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        )
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, IntegrityError):
        exc = exceptions.ValidationError({"detail": "This conflicts with a record."})
    elif isinstance(exc, OverflowError):
        # An id too large for the database (SQLite refuses it before querying).
        exc = exceptions.ValidationError(
            {"detail": "A number in the request is too large."}
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, list):
        response.data = {"detail": response.data}
    elif response is not None and isinstance(response.data, dict):
        # A field's messages are always a list, however the error was raised.
        response.data = {
            name: [value] if isinstance(value, str) and name != "detail" else value
            for name, value in response.data.items()
        }
    return response


def history_reason(request) -> str:
    """Recorded with every API write, so history says which token made it."""
    token = token_of(request)
    return f"API token “{token.name}” ({token.prefix})" if token else "API (signed in)"


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Describes the token scheme in the OpenAPI schema."""

    target_class = "boards.api.defaults.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "“Token <key>”: a key issued by the board's business team.",
        }
