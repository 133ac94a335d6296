"""The challenge log: who challenged which agency about what, the response, the
outcome and its impact (business plan 2014-17 action 1.8)."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin, add_errors, save_or_refuse
from lscb_portal.history import history_entries

from .. import permissions
from ..filters.challenges import ChallengeFilter
from ..forms.challenges import (
    ChallengeEditForm,
    ChallengeRaiseForm,
    ChallengeRespondForm,
)
from ..mixins import BoardMixin
from ..selectors import challenges as selectors
from ..services import challenges as services

PAGE_SIZE = 50


def challenge_url(challenge):
    return reverse("boards:challenge", args=[challenge.board.slug, challenge.pk])


class ChallengeListView(BoardMixin, TemplateView):
    template_name = "boards/challenges/challenge_list.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        user = self.request.user
        challenge_filter = ChallengeFilter(
            self.request.GET or None,
            queryset=selectors.challenges_for_list(self.board),
            board=self.board,
        )
        page = Paginator(challenge_filter.qs, PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=challenge_filter,
            page=page,
            query=query.urlencode(),
            counts=selectors.challenge_counts(self.board),
            can_log=permissions.can_log_challenge(user, self.board),
            **kwargs,
        )


class ChallengeMixin(BoardMixin):
    """Resolves .../challenges/<pk>/ to one of the board's challenges."""

    permission = staticmethod(permissions.can_view_board)

    @cached_property
    def challenge(self):
        return selectors.challenge_for_page(self.board, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("challenge", self.challenge)
        return super().get_context_data(**kwargs)


class ChallengeDetailView(ChallengeMixin, TemplateView):
    template_name = "boards/challenges/challenge_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            prompted_by=selectors.prompted_by(self.challenge),
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


class ChallengeHistoryView(ChallengeMixin, TemplateView):
    template_name = "boards/challenges/challenge_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.challenge.history.all()), **kwargs
        )


class ChallengeCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = ChallengeRaiseForm
    permission = staticmethod(permissions.can_log_challenge)
    page_title = "Raise a challenge"
    submit_label = "Log the challenge"
    intro = (
        "Record a challenge the board made to an agency. The agency's response and "
        "the outcome are recorded later by the business team."
    )

    def get_back_url(self):
        return reverse("boards:challenges", args=[self.board.slug])

    def get_initial(self):
        return {"prompted_by": self.request.GET.get("prompted_by", "")}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.board,
            "user": self.request.user,
            "any_member": permissions.can_manage_governance(
                self.request.user, self.board
            ),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            challenge = services.challenge_raise(
                board=self.board,
                raised_by=data["raised_by"],
                agency_challenged=data["agency_challenged"],
                subject=data["subject"],
                details=data["details"],
                date=data["date"],
                prompted_by=form.prompting_record,
                user=self.request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The challenge has been logged.")
        return redirect("boards:challenge", self.board.slug, challenge.pk)


class VersionedChallengeFormView(ChallengeMixin, FormPageMixin, FormView):
    permission = staticmethod(permissions.can_manage_governance)
    submit_label = "Save changes"
    success_message = "Challenge saved."

    def get_back_url(self):
        return reverse("boards:challenge", args=[self.board.slug, self.challenge.pk])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", self.challenge.subject)
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        def save():
            self.save(form)
            messages.success(self.request, self.success_message)
            return redirect("boards:challenge", self.board.slug, self.challenge.pk)

        return save_or_refuse(self, form, save)


class ChallengeEditView(VersionedChallengeFormView):
    form_class = ChallengeEditForm
    page_title = "Change the challenge"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.board,
            "challenge": self.challenge,
        }

    def save(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        services.challenge_update_details(
            challenge=self.challenge,
            version=version,
            changes=data,
            user=self.request.user,
        )


class ChallengeRespondView(VersionedChallengeFormView):
    form_class = ChallengeRespondForm
    page_title = "Record the response and outcome"
    intro = (
        "To close the challenge, record its outcome and choose closed. A closed "
        "challenge can be reopened."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "challenge": self.challenge}

    def save(self, form):
        data = form.cleaned_data
        updated = services.challenge_respond(
            challenge=self.challenge,
            version=data["version"],
            response=data["response"],
            outcome=data["outcome"],
            impact=data["impact"],
            status=data["status"],
            closed_on=data["closed_on"],
            user=self.request.user,
        )
        self.success_message = (
            "Challenge closed." if updated.status == "closed" else "Response saved."
        )


urlpatterns = [
    path(
        "<slug:board_slug>/challenges/",
        ChallengeListView.as_view(),
        name="challenges",
    ),
    path(
        "<slug:board_slug>/challenges/new/",
        ChallengeCreateView.as_view(),
        name="challenge-create",
    ),
    path(
        "<slug:board_slug>/challenges/<int:pk>/",
        ChallengeDetailView.as_view(),
        name="challenge",
    ),
    path(
        "<slug:board_slug>/challenges/<int:pk>/edit/",
        ChallengeEditView.as_view(),
        name="challenge-edit",
    ),
    path(
        "<slug:board_slug>/challenges/<int:pk>/respond/",
        ChallengeRespondView.as_view(),
        name="challenge-respond",
    ),
    path(
        "<slug:board_slug>/challenges/<int:pk>/history/",
        ChallengeHistoryView.as_view(),
        name="challenge-history",
    ),
]
