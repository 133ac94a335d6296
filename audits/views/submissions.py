"""Completing a Section 11 submission in the browser: the open audits an agency
contributor (or the business team) answers, the task list of a submission, one
question page per standard (saved at each step), the evidence files and actions
(views/submission_parts.py), and "Check your answers" before submitting. A
submission the user may not see is a 404; a submitted one, or one the user may
read but not change, is shown read-only."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal.errors import AlreadyRecorded
from lscb_portal.forms import FormSaveMixin

from .. import permissions, services
from ..forms import StandardAnswersForm, SubmissionStartForm, SubmissionSubmitForm
from ..models import Section11Cycle, Submission, SubmissionStatus

NOT_STARTED = "Not started"
CARRIED = "Carried forward – check"
IN_PROGRESS = "In progress"
COMPLETED = "Completed"
STATUS_CSS = {
    NOT_STARTED: "govuk-tag--blue",
    CARRIED: "govuk-tag--yellow",
    IN_PROGRESS: "govuk-tag--light-blue",
}


def submission_url(board_slug: str, submission_id: int) -> str:
    return reverse("audits:submission", args=[board_slug, submission_id])


def standard_url(board_slug: str, submission_id: int, number: int) -> str:
    return reverse(
        "audits:submission-standard", args=[board_slug, submission_id, number]
    )


def check_url(board_slug: str, submission_id: int) -> str:
    return reverse("audits:submission-check", args=[board_slug, submission_id])


def evidence_url(board_slug: str, submission_id: int) -> str:
    return reverse("audits:submission-evidence", args=[board_slug, submission_id])


def actions_url(board_slug: str, submission_id: int) -> str:
    return reverse("audits:submission-actions", args=[board_slug, submission_id])


def year_label(year: int) -> str:
    """ "2015-16" for 2015."""
    return f"{year}-{(year + 1) % 100:02d}"


# The open audits the user answers ----------------------------------------------


class MySubmissionsView(FormSaveMixin, BoardMixin, FormView):
    """The audits open today and, for each organisation the user answers for,
    "Start your submission" or "Continue". The business team answers for any
    organisation and chooses which."""

    template_name = "audits/submissions_mine.html"
    form_class = SubmissionStartForm
    permission = staticmethod(permissions.can_view_audits)

    @cached_property
    def manages(self):
        return permissions.can_manage_audits(self.request.user, self.board)

    @cached_property
    def organisations(self):
        if self.manages:
            return self.board.audit_organisations.filter(active=True)
        return permissions.own_organisations(self.request.user, self.board)

    @cached_property
    def cycles(self):
        today = timezone.localdate()
        return Section11Cycle.objects.filter(
            board=self.board, opens_on__lte=today, closes_on__gte=today
        ).order_by("-year")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "cycles": self.cycles,
            "organisations": self.organisations,
        }

    def post(self, request, *args, **kwargs):
        if not self.manages and not self.organisations.exists():
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_save(self, form):
        data = form.cleaned_data
        try:
            submission = services.submission_start(
                cycle=data["cycle"],
                organisation=data["organisation"],
                user=self.request.user,
            )
        except AlreadyRecorded as already:
            messages.info(self.request, f"{already} Continue it here.")
            return redirect(submission_url(self.board.slug, already.existing.pk))
        carried = submission.answers.count()
        text = f"Submission for {submission.organisation} started."
        if carried:
            text += (
                f" {carried} answer{'s' if carried != 1 else ''} carried forward "
                "from last year: check and confirm them."
            )
        messages.success(self.request, text)
        return redirect(submission_url(self.board.slug, submission.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cycles = list(self.cycles)
        started = {}
        if cycles:
            visible = permissions.visible_submissions(self.request.user, self.board)
            for s in visible.filter(cycle__in=cycles).select_related("organisation"):
                started[(s.cycle_id, s.organisation_id)] = s
        rows = []
        own = [] if self.manages else list(self.organisations)
        for cycle in cycles:
            entries = []
            for organisation in own:
                s = started.get((cycle.pk, organisation.pk))
                entries.append(
                    {
                        "organisation": organisation,
                        "submission": s,
                        "url": submission_url(self.board.slug, s.pk) if s else "",
                    }
                )
            if self.manages:
                entries = [
                    {
                        "organisation": s.organisation,
                        "submission": s,
                        "url": submission_url(self.board.slug, s.pk),
                    }
                    for (cycle_id, _), s in started.items()
                    if cycle_id == cycle.pk
                ]
            rows.append({"cycle": cycle, "entries": entries})
        context.update(
            cycles=rows,
            manages=self.manages,
            answers_for_any=bool(own) or self.manages,
            submitted=SubmissionStatus.SUBMITTED,
        )
        return context


# One submission -----------------------------------------------------------------


class SubmissionMixin(BoardMixin):
    """A page of one submission the user may see (else 404); `editable` says
    whether they may change it now."""

    permission = staticmethod(permissions.can_view_audits)

    @cached_property
    def submission(self):
        return get_object_or_404(
            permissions.visible_submissions(
                self.request.user, self.board
            ).select_related("cycle__board", "organisation"),
            pk=self.kwargs["submission_id"],
        )

    @cached_property
    def editable(self):
        return self.submission.status == SubmissionStatus.DRAFT and (
            permissions.can_edit_submission(self.request.user, self.submission)
        )

    @cached_property
    def standards(self):
        return list(self.submission.cycle.standards.prefetch_related("questions"))

    @cached_property
    def answers(self):
        """The submission's answers by question id."""
        return {a.question_id: a for a in self.submission.answers.all()}

    @cached_property
    def evidence_files(self):
        return list(self.submission.evidence_files.current().select_related("standard"))

    @cached_property
    def actions(self):
        return list(self.submission.actions.select_related("standard"))

    @cached_property
    def carried_from(self) -> str:
        """ "2015-16": the year of the organisation's previous submission, where
        carried-forward answers come from (asked only when the page shows one)."""
        submission = self.submission
        year = (
            Submission.objects.filter(
                organisation=submission.organisation_id,
                cycle__year__lt=submission.cycle.year,
            )
            .order_by("-cycle__year")
            .values_list("cycle__year", flat=True)
            .first()
        )
        return year_label(year if year is not None else submission.cycle.year - 1)

    def before_handler(self, request):
        self.submission  # noqa: B018 - 404 if the user may not see it
        if request.method == "POST" and not self.editable:
            raise PermissionDenied
        return super().before_handler(request)

    @cached_property
    def steps(self) -> int:
        """The flow's pages: one per standard, then the evidence files, the
        actions and "Check your answers"."""
        return len(self.standards) + 3

    def get_step(self):
        """Which of the steps this page is (None: not a page of the flow)."""
        return None

    def standard_status(self, standard) -> str:
        questions = list(standard.questions.all())
        answers = [self.answers[q.pk] for q in questions if q.pk in self.answers]
        if any(a.carried_forward for a in answers):
            return CARRIED
        if not answers:
            return NOT_STARTED
        return COMPLETED if len(answers) == len(questions) else IN_PROGRESS

    def get_context_data(self, **kwargs):
        submission = self.submission
        caption = f"{submission.organisation} – {submission.cycle}"
        step = self.get_step()
        if step and self.editable:  # "Step 2 of 9" while the user goes through it
            caption = f"Step {step} of {self.steps} – {submission.organisation}"
        kwargs.update(
            submission=submission,
            cycle=submission.cycle,
            editable=self.editable,
            caption=caption,
            submission_url=submission_url(self.board.slug, submission.pk),
            check_url=check_url(self.board.slug, submission.pk),
            evidence_url=evidence_url(self.board.slug, submission.pk),
            actions_url=actions_url(self.board.slug, submission.pk),
        )
        return super().get_context_data(**kwargs)


class SubmissionView(SubmissionMixin, TemplateView):
    """The task list: each standard with its status and a link to its questions."""

    template_name = "audits/submission.html"

    def get_context_data(self, **kwargs):
        slug, pk = self.board.slug, self.submission.pk
        tasks = []
        for standard in self.standards:
            status = self.standard_status(standard)
            tasks.append(
                {
                    "standard": standard,
                    "status": status,
                    "css": STATUS_CSS.get(status, ""),
                    "url": standard_url(slug, pk, standard.number),
                }
            )
        done = sum(1 for t in tasks if t["status"] == COMPLETED)
        files, actions = len(self.evidence_files), len(self.actions)
        actions_carried = any(a.carried_forward for a in self.actions)
        extras = [
            {
                "id": "evidence",
                "name": "Evidence files",
                "status": f"{files} file{'s' if files != 1 else ''}",
                "css": "",
                "url": evidence_url(slug, pk),
            },
            {
                "id": "actions",
                "name": "Actions you commit to",
                "status": CARRIED
                if actions_carried
                else f"{actions} action{'s' if actions != 1 else ''}",
                "css": STATUS_CSS[CARRIED] if actions_carried else "",
                "url": actions_url(slug, pk),
            },
        ]
        return super().get_context_data(
            tasks=tasks,
            extras=extras,
            done=done,
            any_carried=any(t["status"] == CARRIED for t in tasks) or actions_carried,
            files=self.evidence_files,
            **kwargs,
        )


class StandardView(SubmissionMixin, FormSaveMixin, FormView):
    """The questions of one standard, each rated with its evidence; "Save and
    continue" records each answer (confirming a carried-forward one) and goes to
    the next standard, or after the last to the evidence files (then the
    actions, then "Check your answers")."""

    template_name = "audits/submission_standard.html"
    form_class = StandardAnswersForm

    @cached_property
    def standard(self):
        for standard in self.standards:
            if standard.number == self.kwargs["number"]:
                return standard
        raise Http404("No such standard in this audit.")

    @cached_property
    def questions(self):
        return list(self.standard.questions.all())

    def before_handler(self, request):
        self.standard  # noqa: B018 - 404 if it is not one of the cycle's
        return super().before_handler(request)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": self.questions}

    def get_initial(self):
        initial = {"version": self.submission.version}
        for question in self.questions:
            answer = self.answers.get(question.pk)
            if answer:
                initial[f"q{question.pk}-rating"] = answer.rating
                initial[f"q{question.pk}-evidence"] = answer.evidence
        return initial

    def next_url(self) -> str:
        slug, pk = self.board.slug, self.submission.pk
        later = [s for s in self.standards if s.number > self.standard.number]
        if later:
            return standard_url(slug, pk, later[0].number)
        return evidence_url(slug, pk)

    def get_step(self):
        return self.standards.index(self.standard) + 1

    def form_save(self, form):
        if form.needs_confirming():
            # Nothing saved yet: the page again, as entered, asking to confirm.
            codes = [question.code for question in form.unanswered()]
            unanswered = " and ".join(
                [", ".join(codes[:-1]), codes[-1]] if codes[1:] else codes
            )
            return self.render_to_response(
                self.get_context_data(form=form, unanswered=unanswered)
            )
        version = form.cleaned_data["version"]
        with transaction.atomic():  # every answer of the page, or none
            answers = list(form.answers())
            for question, rating, evidence in answers:
                services.answer_record(
                    submission=self.submission,
                    user=self.request.user,
                    question=question,
                    rating=rating,
                    evidence=evidence,
                    version=version,
                )
                version += 1
        left = len(form.unanswered())
        saved = f"Answers to standard {self.standard} saved." if answers else ""
        if left:
            saved += (
                f" {left} question{'s' if left != 1 else ''} left unanswered:"
                " answer before submitting."
            )
        messages.success(self.request, saved.strip())
        return redirect(self.next_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            standard=self.standard,
            rows=[
                {
                    "question": question,
                    "rating": rating,
                    "evidence": evidence,
                    "answer": self.answers.get(question.pk),
                }
                for question, rating, evidence in form.rows()
            ],
        )
        return context


class CheckView(SubmissionMixin, FormSaveMixin, FormView):
    """Check your answers (and the evidence files and actions), then submit.
    After the close date only the business team may submit, accepting it late
    with a reason."""

    template_name = "audits/submission_check.html"

    def get_step(self):
        return len(self.standards) + 3

    form_class = SubmissionSubmitForm

    @cached_property
    def manages(self):
        return permissions.can_manage_audits(self.request.user, self.board)

    @cached_property
    def late(self):
        return timezone.localdate() > self.submission.cycle.closes_on

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "late": self.late and self.manages}

    def get_initial(self):
        return {"version": self.submission.version}

    def form_save(self, form):
        data = form.cleaned_data
        submission = services.submission_send(
            submission=self.submission,
            user=self.request.user,
            version=data["version"],
            late_reason=data.get("late_reason", ""),
            may_accept_late=self.manages,
        )
        text = f"Submission for {submission.organisation} sent."
        if submission.late_reason:
            text = f"Late submission for {submission.organisation} accepted."
        messages.success(self.request, text)
        return redirect(submission_url(self.board.slug, submission.pk))

    def get_context_data(self, **kwargs):
        slug, pk = self.board.slug, self.submission.pk
        sections = []
        for standard in self.standards:
            sections.append(
                {
                    "standard": standard,
                    "status": self.standard_status(standard),
                    "url": standard_url(slug, pk, standard.number),
                    "rows": [
                        {"question": q, "answer": self.answers.get(q.pk)}
                        for q in standard.questions.all()
                    ],
                }
            )
        return super().get_context_data(
            sections=sections,
            late=self.late,
            files=self.evidence_files,
            actions=self.actions,
            **kwargs,
        )
