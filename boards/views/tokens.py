"""API tokens: the business team issues them per person and board, shown once."""

from datetime import datetime, time

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin

from .. import permissions
from ..forms.tokens import TokenForm
from ..mixins import BoardMixin
from ..models import ApiToken


class TokenListView(BoardMixin, TemplateView):
    template_name = "boards/tokens/list.html"
    permission = staticmethod(permissions.can_manage_governance)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tokens=ApiToken.objects.filter(board=self.board).select_related(
                "user", "created_by"
            ),
            now=timezone.now(),
            **kwargs,
        )

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
