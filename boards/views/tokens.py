"""API tokens: the business team issues them per person and board, shown once."""

from datetime import datetime, time

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.lists import Column, ListPageMixin, date_text

from .. import permissions
from ..forms.tokens import TokenForm
from ..mixins import BoardMixin
from ..models import ApiToken


def token_text(token) -> str:
    return f"{token.name} ({token.prefix}…, issued by {token.created_by})"


def last_used_text(token) -> str:
    if token.last_used_at is None:
        return "Never"
    return date_format(timezone.localtime(token.last_used_at), "j M Y H:i")


def status_text(token, now) -> str:
    if token.revoked_at:
        return "Revoked"
    return "Expired" if token.expires_at < now else "Active"


class TokenListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "boards/tokens/list.html"
    # The export is this view, so only those who manage tokens download the list.
    permission = staticmethod(permissions.can_manage_governance)
    list_name = "api-tokens"

    def get_columns(self):
        now = timezone.now()
        return [
            Column(
                "token",
                "Token",
                token_text,
                sort="name",
                row_header=True,
                template="boards/tokens/_token_cell.html",
            ),
            Column("for", "For", "user", sort=("user__full_name", "user__email")),
            Column("scope", "Scope", lambda t: t.get_scope_display(), sort="scope"),
            Column(
                "expires",
                "Expires",
                lambda t: date_text(timezone.localtime(t.expires_at)),
                sort="expires_at",
            ),
            Column("last_used", "Last used", last_used_text, sort="last_used_at"),
            Column(
                "status",
                "Status",
                lambda t: status_text(t, now),
                sort=("revoked_at", "expires_at"),
                template="boards/tokens/_status_cell.html",
            ),
        ]

    def get_list(self):
        return ApiToken.objects.filter(board=self.board).select_related(
            "user", "created_by"
        )

    def get_caption(self):
        return f"API tokens of {self.board.name}"

    def post(self, request, *args, **kwargs):
        """Revokes a token: refused from the next request on."""
        token = get_object_or_404(
            ApiToken, board=self.board, pk=request.POST.get("revoke")
        )
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            messages.success(request, f"{token} revoked.")
        return redirect("boards:tokens", self.board.slug)


class TokenCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = TokenForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Issue an API token"
    submit_label = "Issue token"

    def get_back_url(self):
        return reverse("boards:tokens", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        data = form.cleaned_data
        expires = timezone.make_aware(datetime.combine(data["expires_on"], time.max))
        token, key = ApiToken.issue(
            user=data["member"].user,
            board=self.board,
            name=data["name"],
            scope=data["scope"],
            expires_at=expires,
            created_by=self.request.user,
        )
        return self.response_class(
            request=self.request,
            template="boards/tokens/issued.html",
            context=self.get_context_data(token=token, key=key),
        )


urlpatterns = [
    path("<slug:board_slug>/api-tokens/", TokenListView.as_view(), name="tokens"),
    path(
        "<slug:board_slug>/api-tokens/new/",
        TokenCreateView.as_view(),
        name="token-create",
    ),
]
