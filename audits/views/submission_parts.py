"""A Section 11 submission's evidence files and the actions its organisation
commits to: a page for each after the standards' pages and before "Check your
answers", and an evidence file's download. Both change only while the submission
is a draft; a file is served only to those who may see the submission (others
get a 404, as for the submission itself)."""

from functools import cached_property

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, View

from lscb_portal.errors import DomainError
from lscb_portal.forms import FormPageMixin, FormSaveMixin

from .. import services
from ..forms import CommittedActionChangeForm, CommittedActionForm, EvidenceFileForm
from .submissions import SubmissionMixin, actions_url, check_url, evidence_url


class EvidenceView(SubmissionMixin, FormSaveMixin, FormView):
    """The submission's evidence files: each listed with its download, removable
    while the submission is a draft; another uploaded, for a standard or the
    whole submission."""

    template_name = "audits/submission_evidence.html"
    form_class = EvidenceFileForm

    def get_step(self):
        return len(self.standards) + 1

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cycle": self.submission.cycle}

    def form_save(self, form):
        evidence = services.evidence_file_add(
            submission=self.submission,
            user=self.request.user,
            upload=form.cleaned_data["file"],
            standard=form.cleaned_data["standard"],
        )
        messages.success(self.request, f"{evidence.name} uploaded.")
        return redirect(evidence_url(self.board.slug, self.submission.pk))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            files=self.evidence_files,
            next_url=actions_url(self.board.slug, self.submission.pk),
            **kwargs,
        )


class EvidenceFileMixin(SubmissionMixin):
    @cached_property
    def evidence_file(self):
        found = get_object_or_404(
            self.submission.evidence_files.current(), pk=self.kwargs["file_id"]
        )
        found.submission = self.submission
        return found


class EvidenceDownloadView(EvidenceFileMixin, View):
    def get(self, request, *args, **kwargs):
        evidence = self.evidence_file
        return FileResponse(
            evidence.file.open("rb"), as_attachment=True, filename=evidence.name
        )


class EvidenceRemoveView(EvidenceFileMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            evidence = services.evidence_file_remove(
                evidence_file=self.evidence_file, user=request.user
            )
        except DomainError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, f"{evidence.name} removed.")
        return redirect(evidence_url(self.board.slug, self.submission.pk))


class ActionsView(SubmissionMixin, FormSaveMixin, FormView):
    """The actions the organisation commits to: each with its owner and due
    date, those carried forward from last year to confirm or change; another
    added below."""

    template_name = "audits/submission_actions.html"
    form_class = CommittedActionForm

    def get_step(self):
        return len(self.standards) + 2

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cycle": self.submission.cycle}

    def form_save(self, form):
        action = services.action_add(
            submission=self.submission, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Action {action.number} added.")
        return redirect(actions_url(self.board.slug, self.submission.pk))

    def get_context_data(self, **kwargs):
        slug, pk = self.board.slug, self.submission.pk
        return super().get_context_data(
            actions=self.actions,
            next_url=check_url(slug, pk),
            back_url=evidence_url(slug, pk),
            **kwargs,
        )


class ActionMixin(SubmissionMixin):
    @cached_property
    def action(self):
        found = get_object_or_404(
            self.submission.actions.select_related("standard"),
            pk=self.kwargs["action_id"],
        )
        found.submission = self.submission
        return found

    def before_handler(self, request):
        self.action  # noqa: B018 - 404 if it is not this submission's
        return super().before_handler(request)


class ActionChangeView(ActionMixin, FormPageMixin, FormView):
    """Change an action, or confirm one carried forward by saving it."""

    form_class = CommittedActionChangeForm
    submit_label = "Save action"

    def get_page_title(self):
        if self.action.carried_forward:
            return f"Confirm or change action {self.action.number}"
        return f"Change action {self.action.number}"

    def get_back_url(self):
        return actions_url(self.board.slug, self.submission.pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cycle": self.submission.cycle}

    def get_initial(self):
        action = self.action
        return {
            "text": action.text,
            "standard": action.standard,
            "owner": action.owner,
            "due_date": action.due_date,
            "version": action.version,
        }

    def before_handler(self, request):
        response = super().before_handler(request)
        if not self.editable:
            return redirect(self.get_back_url())
        return response

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", f"{self.submission.organisation}")
        if self.action.carried_forward:
            kwargs.setdefault(
                "intro",
                f"Carried forward from {self.carried_from}, not yet complete: "
                "check it, change what has changed, and save it to confirm it.",
            )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        action = services.action_change(
            action=self.action, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Action {action.number} saved.")
        return redirect(self.get_back_url())


class ActionRemoveView(ActionMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            services.action_remove(action=self.action, user=request.user)
        except DomainError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, f"Action {self.action.number} removed.")
        return redirect(actions_url(self.board.slug, self.submission.pk))
