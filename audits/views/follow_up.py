"""After a Section 11 audit: its follow-up actions (the actions organisations
committed to in their submitted submissions) tracked to completion with RAG, and
its challenge events ("Learning from Each Other") with the organisations taking
part. The business team and the chair see every follow-up action, an agency
contributor its own organisations' (others' are 404); the business team or the
owning agency's contributor records progress. Challenge events are for everyone
on the board to read and the business team to record."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.lists import Column, ListPageMixin, date_text

from .. import permissions, services
from ..forms import (
    ActionProgressForm,
    ChallengeEventForm,
    ChallengeParticipantForm,
    FollowUpFilterForm,
)
from ..models import ActionStatus, ChallengeEvent
from .section11 import PAGE_SIZE, AuditsMixin, CycleMixin, SubmissionsMixin

RAG_CELL = "audits/_follow_up_rag_cell.html"


def follow_up_url(cycle) -> str:
    return reverse("audits:follow-up", args=[cycle.board.slug, cycle.year])


def follow_up_action_url(board_slug: str, year: int, action_id: int) -> str:
    return reverse("audits:follow-up-action", args=[board_slug, year, action_id])


def challenge_url(cycle, event_id: int) -> str:
    return reverse("audits:challenge", args=[cycle.board.slug, cycle.year, event_id])


def challenges_url(cycle) -> str:
    return reverse("audits:challenges", args=[cycle.board.slug, cycle.year])


# Follow-up actions ---------------------------------------------------------------


class FollowUpListView(ListPageMixin, SubmissionsMixin, TemplateView):
    """A cycle's follow-up actions, open or complete, as far as the user may see
    them."""

    template_name = "audits/follow_up.html"
    page_size = PAGE_SIZE
    anchor = "actions"

    @property
    def list_name(self):
        return f"section-11-{self.cycle.year}-follow-up-actions"

    def get_columns(self):
        slug, year = self.board.slug, self.cycle.year
        return [
            Column(
                "organisation",
                "Organisation",
                "submission.organisation.name",
                sort="submission__organisation__name",
                row_header=True,
            ),
            Column(
                "action",
                "Action",
                "text",
                sort="text",
                link=lambda a: follow_up_action_url(slug, year, a.pk),
            ),
            Column(
                "standard",
                "Standard",
                lambda a: str(a.standard) if a.standard else "",
                sort="standard__number",
            ),
            Column("owner", "Owner", "owner", sort="owner"),
            Column("due", "Due", lambda a: date_text(a.due_date), sort="due_date"),
            Column("status", "Status", lambda a: a.get_status_display(), sort="status"),
            Column(
                "rag",
                "RAG",
                lambda a: a.get_rag_display(),
                sort="rag",
                template=RAG_CELL,
            ),
        ]

    @cached_property
    def filter_form(self):
        return FollowUpFilterForm(self.filter_data())

    def get_list(self):
        actions = (
            permissions.visible_follow_up_actions(self.request.user, self.board)
            .filter(submission__cycle=self.cycle)
            .select_related("submission__organisation", "standard")
        )
        state = self.filter_form.state_value()
        if state == "open":
            actions = actions.open()
        elif state == "complete":
            actions = actions.filter(status=ActionStatus.COMPLETE)
        return actions.order_by("due_date", "submission__organisation__name", "pk")

    def get_caption(self):
        return f"Follow-up actions of the Section 11 audit {self.cycle_label()}"

    def cycle_label(self):
        return f"{self.cycle.year}-{(self.cycle.year + 1) % 100:02d}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class FollowUpActionMixin(CycleMixin, AuditsMixin):
    """One follow-up action of the cycle the user may see (else 404)."""

    @cached_property
    def action(self):
        return get_object_or_404(
            permissions.visible_follow_up_actions(self.request.user, self.board)
            .filter(submission__cycle=self.cycle)
            .select_related("submission__organisation", "submission__cycle__board"),
            pk=self.kwargs["action_id"],
        )

    @cached_property
    def may_update(self):
        return permissions.can_update_follow_up_action(self.request.user, self.action)

    def before_handler(self, request):
        self.action  # noqa: B018 - 404 if the user may not see it
        return None

    def get_context_data(self, **kwargs):
        kwargs.setdefault("action", self.action)
        kwargs.setdefault("may_update", self.may_update)
        kwargs.setdefault("list_url", follow_up_url(self.cycle))
        return super().get_context_data(**kwargs)


class FollowUpActionView(FollowUpActionMixin, TemplateView):
    """A follow-up action: what, who, when, where it stands, and every progress
    update, newest first."""

    template_name = "audits/follow_up_action.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            updates=self.action.updates.select_related("author"),
            progress_url=reverse(
                "audits:follow-up-progress",
                args=[self.board.slug, self.cycle.year, self.action.pk],
            ),
            **kwargs,
        )


class FollowUpProgressView(FollowUpActionMixin, FormPageMixin, FormView):
    form_class = ActionProgressForm
    submit_label = "Save progress"

    def before_handler(self, request):
        super().before_handler(request)
        if not self.may_update:
            raise PermissionDenied
        return None

    def get_page_title(self):
        return f"Progress on action {self.action.number}"

    def get_back_url(self):
        return follow_up_action_url(self.board.slug, self.cycle.year, self.action.pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.action}

    def get_context_data(self, **kwargs):
        action = self.action
        kwargs.setdefault("caption", str(action.submission.organisation))
        kwargs.setdefault(
            "intro",
            f"{action.text} (owner: {action.owner}, due "
            f"{action.due_date:%-d %B %Y}; RAG now "
            f"{action.get_rag_display() or 'not rated'}).",
        )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        data = form.cleaned_data
        action = services.action_record_progress(
            action=self.action,
            user=self.request.user,
            version=data["version"],
            status=data["status"],
            rag=data["rag"] or "",
            note=data["note"],
        )
        messages.success(
            self.request,
            f"Progress on action {action.number} saved: {action.get_status_display()}.",
        )
        return redirect(self.get_back_url())


# Challenge events ----------------------------------------------------------------


class ChallengeListView(CycleMixin, AuditsMixin, TemplateView):
    template_name = "audits/challenges.html"
    permission = staticmethod(permissions.can_view_challenge_events)

    def get_context_data(self, **kwargs):
        events = list(self.cycle.challenge_events.all())
        for event in events:
            event.url = challenge_url(self.cycle, event.pk)
        return super().get_context_data(
            events=events,
            can_record=permissions.can_manage_challenge_events(
                self.request.user, self.board
            ),
            **kwargs,
        )


class ChallengeCreateView(CycleMixin, AuditsMixin, FormPageMixin, FormView):
    form_class = ChallengeEventForm
    permission = staticmethod(permissions.can_manage_challenge_events)
    submit_label = "Record event"
    intro = (
        "A challenge event where agencies that answered the audit challenge each "
        "other on how they embed safeguarding, and share good practice."
    )

    def get_page_title(self):
        return f"Record a challenge event of the Section 11 audit {self.cycle.year}"

    def get_back_url(self):
        return challenges_url(self.cycle)

    def form_save(self, form):
        event = services.challenge_event_create(
            cycle=self.cycle, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{event} recorded.")
        return redirect(challenge_url(self.cycle, event.pk))


class ChallengeMixin(CycleMixin, AuditsMixin):
    permission = staticmethod(permissions.can_view_challenge_events)

    @cached_property
    def event(self):
        return get_object_or_404(
            ChallengeEvent, cycle=self.cycle, pk=self.kwargs["event_id"]
        )

    def before_handler(self, request):
        self.event  # noqa: B018 - 404 if it is not this cycle's
        return None


class ChallengeView(ChallengeMixin, TemplateView):
    """A challenge event: when, its notes, and each organisation taking part with
    what it was challenged on and its response."""

    template_name = "audits/challenge.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            participants=self.event.participants.select_related("organisation"),
            can_record=permissions.can_manage_challenge_events(
                self.request.user, self.board
            ),
            **kwargs,
        )


class ChallengeParticipantAddView(ChallengeMixin, FormPageMixin, FormView):
    form_class = ChallengeParticipantForm
    submit_label = "Add organisation"

    def before_handler(self, request):
        super().before_handler(request)
        if not permissions.can_manage_challenge_events(request.user, self.board):
            raise PermissionDenied
        return None

    def get_page_title(self):
        return f"Add an organisation taking part in {self.event.title}"

    def get_back_url(self):
        return challenge_url(self.cycle, self.event.pk)

    def get_form_kwargs(self):
        taken = self.event.participants.values("organisation")
        return {
            **super().get_form_kwargs(),
            "organisations": self.board.audit_organisations.exclude(pk__in=taken),
        }

    def form_save(self, form):
        participant = services.challenge_participant_add(
            event=self.event, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{participant.organisation} added.")
        return redirect(self.get_back_url())
