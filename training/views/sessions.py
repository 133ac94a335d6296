"""A session's page (status, trainers, attendance against capacity, named
attendees for those allowed, counts per agency, evaluation averages and comments,
impact follow-ups beside it) and the pages that record them. An agency
contributor records its own agencies' counts; the business team everything."""

from collections import defaultdict
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import NoStoreMixin
from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin

from .. import permissions, selectors, services
from ..forms import (
    AttendeeForm,
    ConfirmForm,
    CountsForm,
    EvaluationForm,
    ImpactForm,
    QuestionForm,
    SessionEditForm,
    SessionForm,
)
from ..models import (
    AttendanceCount,
    Attendee,
    EvaluationScore,
    Session,
    SessionStatus,
)
from .base import ManageMixin, TrainingMixin
from .programme import CourseMixin


def session_url(board_slug: str, session_id: int) -> str:
    return reverse("training:session", args=[board_slug, session_id])


def warn_over_capacity(request, session) -> None:
    """Attendance above capacity is saved; the page says so."""
    warning = selectors.capacity_warning(session)
    if warning:
        messages.warning(request, warning)


class SessionMixin(TrainingMixin):
    """A page of one of the board's sessions (another board's is a 404)."""

    @cached_property
    def session(self):
        return get_object_or_404(
            Session.objects.filter(course__board=self.board).select_related("course"),
            pk=self.kwargs["session_id"],
        )

    def get_back_url(self):
        return session_url(self.board.slug, self.session.pk)

    def done(self, message: str):
        messages.success(self.request, message)
        return redirect(self.get_back_url())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("session", self.session)
        kwargs.setdefault("caption", str(self.session))
        return super().get_context_data(**kwargs)


class ManageSessionMixin(ManageMixin, SessionMixin):
    def record(self):
        return self.session


class SessionDetailView(NoStoreMixin, ListPageMixin, SessionMixin, TemplateView):
    """Named attendees are personal data: no copy of the page is kept, and only
    those who may see them get them, on the page or in a download."""

    template_name = "training/session.html"
    anchor = "attendees"

    def get_columns(self):
        slug, pk = self.board.slug, self.session.pk
        manage = permissions.can_manage_training(self.request.user, self.board)

        def link(name):
            if not manage:
                return None
            return lambda a: reverse(f"training:{name}", args=[slug, pk, a.pk])

        columns = [
            Column(
                "name", "Name", "name", sort=lambda a: a.name.lower(), row_header=True
            ),
            Column("agency", "Agency", "agency.name", sort=lambda a: a.agency.name),
            Column("role", "Role", lambda a: a.role or "–", sort=lambda a: a.role),
            Column(
                "attended",
                "Attended",
                lambda a: "Yes" if a.attended else "No",
                sort=lambda a: a.attended,
                link=link("attendee-mark"),
                template="training/_attended_cell.html",
            ),
        ]
        if manage:
            columns.append(
                Column(
                    "remove",
                    "Remove",
                    lambda a: "Remove",
                    link=link("attendee-remove"),
                    template="training/_remove_attendee_cell.html",
                    exported=False,
                )
            )
        return columns

    def get_caption(self):
        return "Named attendees of the session"

    @property
    def list_name(self):
        return f"session-{self.session.pk}-attendees"

    @cached_property
    def attendees(self):
        return list(self.session.attendees.select_related("agency"))

    def get_list(self):
        if not permissions.can_view_attendees(self.request.user, self.board):
            return []
        return self.attendees

    def get_context_data(self, **kwargs):
        user, session = self.request.user, self.session
        attendance = (
            selectors.with_attendance(Session.objects.filter(pk=session.pk))
            .values("named", "counted", "attendance")
            .get()
        )
        attendees = self.attendees
        counts = list(session.attendance_counts.select_related("agency"))
        return super().get_context_data(
            attendance=attendance,
            capacity_warning=_over_capacity(session, attendance["attendance"]),
            trainers=list(session.trainers.select_related("agency")),
            can_view_attendees=permissions.can_view_attendees(user, self.board),
            can_record_counts=session.status != SessionStatus.CANCELLED
            and permissions.can_record_some_agency_figures(user, self.board),
            attendees=attendees,
            by_agency=_by_agency(attendees, counts),
            any_illustrative=any(c.illustrative for c in counts),
            averages=list(
                EvaluationScore.objects.filter(evaluation__session=session)
                .values("question__number", "question__text")
                .annotate(average=Avg("score"), answers=Count("pk"))
                .order_by("question__number")
            ),
            evaluations=session.evaluations.count(),
            comments=list(session.evaluations.exclude(comments="")),
            follow_ups=list(session.impact_follow_ups.all()),
            is_held=session.status == SessionStatus.HELD,
            **kwargs,
        )


def _over_capacity(session, total: int) -> str:
    """selectors.capacity_warning's words, from the total already read."""
    if session.capacity and total > session.capacity:
        return selectors.capacity_warning(session)
    return ""


def _by_agency(attendees, counts) -> list[dict]:
    """Attendance per agency, named attendees who attended and counts alike."""
    rows = defaultdict(lambda: {"named": 0, "counted": 0, "illustrative": False})
    names = {}
    for person in attendees:
        names[person.agency_id] = person.agency.name
        rows[person.agency_id]["named"] += person.attended
    for count in counts:
        names[count.agency_id] = count.agency.name
        row = rows[count.agency_id]
        row["counted"] += count.count
        row["illustrative"] = row["illustrative"] or count.illustrative
    table = [
        {"agency": names[pk], "total": r["named"] + r["counted"], **r}
        for pk, r in rows.items()
    ]
    return sorted(table, key=lambda r: (-r["total"], r["agency"]))


class SessionHistoryView(SessionMixin, TemplateView):
    template_name = "training/session_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.session.history.all()), **kwargs
        )


class SessionCreateView(ManageMixin, CourseMixin, FormPageMixin, FormView):
    form_class = SessionForm
    submit_label = "Add session"

    def record(self):
        return self.course

    def get_page_title(self):
        return f"Add a session of “{self.course.title}”"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "course": self.course}

    def form_save(self, form):
        session = services.session_create(
            course=self.course, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Session of {session.date:%-d %B %Y} added.")
        return redirect(session_url(self.board.slug, session.pk))


class SessionEditView(ManageSessionMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = SessionEditForm
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change the session of {self.session.date:%-d %B %Y}"

    def versioned_record(self):
        return self.session

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "course": self.session.course}

    def save(self, data, version):
        trainers = data.pop("trainers")
        session = services.session_update(
            session=self.session,
            user=self.request.user,
            version=version,
            changes=data,
            trainers=trainers,
        )
        warn_over_capacity(self.request, session)
        return self.done(f"Session of {session.date:%-d %B %Y} saved.")


class AttendeeAddView(ManageSessionMixin, FormPageMixin, FormView):
    form_class = AttendeeForm
    page_title = "Add an attendee"
    submit_label = "Add attendee"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        attendee = services.attendee_add(
            session=self.session, user=self.request.user, **form.cleaned_data
        )
        warn_over_capacity(self.request, self.session)
        return self.done(f"{attendee.name} added.")


class AttendeeRemoveView(ManageSessionMixin, FormPageMixin, FormView):
    """Asks first (GET), removes on POST."""

    form_class = ConfirmForm
    submit_label = "Remove attendee"

    @cached_property
    def attendee(self):
        return get_object_or_404(
            Attendee.objects.select_related("agency"),
            session=self.session,
            pk=self.kwargs["attendee_id"],
        )

    def record(self):
        return self.attendee

    def get_page_title(self):
        return f"Remove {self.attendee.name} from this session?"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "intro",
            f"{self.attendee.name} ({self.attendee.agency.name}) will no longer "
            "count in the session's attendance.",
        )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        name = self.attendee.name
        services.attendee_remove(attendee=self.attendee, user=self.request.user)
        return self.done(f"{name} removed.")


class AttendeeMarkView(AttendeeRemoveView):
    """Asks first (GET), then records on POST that a booked person attended or,
    for one recorded as attending, that they did not."""

    def get_page_title(self):
        if self.attendee.attended:
            return f"Record that {self.attendee.name} did not attend?"
        return f"Record that {self.attendee.name} attended?"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "submit_label",
            "Did not attend" if self.attendee.attended else "Attended",
        )
        kwargs.setdefault(
            "intro",
            "Only those who attended count in the session's attendance.",
        )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        attendee = services.attendee_mark(
            attendee=self.attendee,
            user=self.request.user,
            attended=not self.attendee.attended,
        )
        verb = "attended" if attendee.attended else "did not attend"
        return self.done(f"Recorded that {attendee.name} {verb}.")


class CountsView(SessionMixin, FormPageMixin, FormView):
    """One count per agency the user may record for: a writer every agency of the
    board, an agency contributor its own."""

    form_class = CountsForm
    submit_label = "Save counts"
    intro = (
        "How many attended from each agency, when their names are not recorded. "
        "Leave a box empty to keep it as it is; 0 removes the agency's count."
    )

    @cached_property
    def agencies(self):
        user = self.request.user
        return [
            agency
            for agency in self.board.agencies.order_by("name")
            if permissions.can_record_agency_figures(user, self.board, agency.pk)
        ]

    def before_handler(self, request):
        self.session  # noqa: B018 - 404 if it is not this board's
        if not permissions.can_record_some_agency_figures(request.user, self.board):
            raise PermissionDenied
        if request.method == "POST":
            self._refuse_other_agencies(request)
        return super().before_handler(request)

    def _refuse_other_agencies(self, request) -> None:
        """A count posted for an agency the user may not record for is refused
        whole, not quietly dropped."""
        allowed = {f"agency_{a.pk}" for a in self.agencies}
        posted = {
            name
            for name, value in request.POST.items()
            if name.startswith("agency_") and value.strip()
        }
        if posted - allowed:
            raise PermissionDenied

    def get_page_title(self):
        return "Attendance counts by agency"

    def get_form_kwargs(self):
        current = dict(
            AttendanceCount.objects.filter(session=self.session).values_list(
                "agency", "count"
            )
        )
        return {
            **super().get_form_kwargs(),
            "agencies": self.agencies,
            "current": current,
        }

    def form_save(self, form):
        rows = [
            (agency.name, {"session": self.session, "agency": agency, "count": count})
            for agency, count in form.rows()
        ]
        services.attendance_counts_record(
            board=self.board, user=self.request.user, rows=rows
        )
        total = (
            selectors.with_attendance(Session.objects.filter(pk=self.session.pk))
            .get()
            .attendance
        )
        warn_over_capacity(self.request, self.session)
        return self.done(f"Attendance counts saved: {total} attended in all.")


class EvaluationAddView(ManageSessionMixin, FormPageMixin, FormView):
    form_class = EvaluationForm
    template_name = "training/evaluation_form.html"
    page_title = "Record an evaluation form"
    submit_label = "Record evaluation"
    intro = "One attendee's form: a score from 1 to 5 for each question answered."

    @cached_property
    def questions(self):
        return list(self.board.training_questions.all())

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": self.questions}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("has_questions", bool(self.questions))
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        services.evaluation_record(
            session=self.session,
            user=self.request.user,
            scores=form.scores(),
            comments=form.cleaned_data["comments"],
        )
        return self.done("Evaluation recorded.")


class QuestionAddView(ManageSessionMixin, FormPageMixin, FormView):
    """A set question every session's evaluation scores, numbered after the others."""

    form_class = QuestionForm
    page_title = "Add an evaluation question"
    submit_label = "Add question"

    def get_back_url(self):
        return reverse(
            "training:evaluation-add", args=[self.board.slug, self.session.pk]
        )

    def form_save(self, form):
        question = services.question_create(
            board=self.board, user=self.request.user, text=form.cleaned_data["text"]
        )
        return self.done(f"Question {question.number} added.")


class ImpactAddView(ManageSessionMixin, FormPageMixin, FormView):
    form_class = ImpactForm
    page_title = "Record an impact follow-up"
    submit_label = "Record follow-up"
    intro = (
        "Some months after the session, a sample of its attendees were asked whether "
        "their practice changed."
    )

    def form_save(self, form):
        services.impact_follow_up_record(
            session=self.session, user=self.request.user, **form.cleaned_data
        )
        return self.done("Impact follow-up recorded.")
