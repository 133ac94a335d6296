"""The challenge log: who challenged which agency about what, the response, the
outcome and its impact (business plan 2014-17 action 1.8)."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text

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


class ChallengeListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "boards/challenges/challenge_list.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "challenge-log"
    page_size = PAGE_SIZE
    anchor = "challenges"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column("date", "Date", lambda c: date_text(c.date), sort="date"),
            Column(
                "challenge",
                "Challenge",
                "subject",
                sort="subject",
                row_header=True,
                link=lambda c: reverse("boards:challenge", args=[slug, c.pk]),
            ),
            Column(
                "raised_by",
                "Raised by",
                raised_by_text,
                sort="raised_by__user__full_name",
            ),
            Column(
                "agency",
                "Agency challenged",
                "agency_challenged",
                sort="agency_challenged__name",
            ),
            Column(
                "status",
                "Status",
                status_text,
                sort=("status", "closed_on"),
                template="boards/challenges/_status_cell.html",
            ),
        ]

    @cached_property
    def filter(self):
        return ChallengeFilter(
            self.filter_data(),
            queryset=selectors.challenges_for_list(self.board),
            board=self.board,
        )

    def get_list(self):
        return self.filter.qs

    def get_caption(self):
        return f"Challenges logged by {self.board.name}, newest first"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            filter=self.filter,
            counts=selectors.challenge_counts(self.board),
            can_log=permissions.can_log_challenge(user, self.board),
            **kwargs,
        )


def raised_by_text(challenge) -> str:
    """ "Ann Jones, Head of Service (Police)": the member, their seat and agency."""
    text = challenge.raised_by.person
    if challenge.raised_by_agency:
        text += f" ({challenge.raised_by_agency})"
    return text


def status_text(challenge) -> str:
    text = challenge.get_status_display()
    return f"{text} {date_text(challenge.closed_on)}" if challenge.closed_on else text


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

    def form_save(self, form):
        data = form.cleaned_data
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

    def form_save(self, form):
        self.save(form)
        messages.success(self.request, self.success_message)
        return redirect("boards:challenge", self.board.slug, self.challenge.pk)


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
