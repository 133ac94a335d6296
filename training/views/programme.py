"""The training programme's pages: the training home for a year (attendances year
on year, by course, level and agency, the e-learning headline, sessions coming up
and those held without attendance recorded), the course list and a course's page,
and the business team's pages that add and change courses."""

from collections import defaultdict
from functools import cached_property

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text
from lscb_portal.periods import reporting_year_start, year_label

from .. import permissions, selectors, services
from ..forms import CourseEditForm, CourseForm
from ..models import Course, ElearningYear, Session, SessionStatus
from ..reminders import endorsements_due_text
from .base import ManageMixin, TrainingMixin

# Held sessions listed on the home as lacking attendance, at most.
HELD_WITHOUT_ATTENDANCE_SHOWN = 10


def course_url(board_slug: str, course_id: int) -> str:
    return reverse("training:course", args=[board_slug, course_id])


class HomeView(TrainingMixin, TemplateView):
    template_name = "training/home.html"

    @cached_property
    def totals(self):
        return selectors.year_totals(self.board)

    @cached_property
    def years(self) -> list[int]:
        elearning = ElearningYear.objects.filter(board=self.board).values_list(
            "year", flat=True
        )
        return sorted({t.year for t in self.totals} | set(elearning), reverse=True)

    @cached_property
    def year(self) -> int | None:
        chosen = self.request.GET.get("year", "")
        if chosen.isdigit() and int(chosen) in self.years:
            return int(chosen)
        latest = selectors.latest_year(self.board)
        if latest is None and self.years:
            return self.years[0]
        return latest

    def get_context_data(self, **kwargs):
        year = self.year
        today = timezone.localdate()
        context = {
            "year": year,
            "year_label": year_label(year) if year is not None else "",
            "years": [(y, year_label(y)) for y in self.years],
            "year_totals": [
                {"label": year_label(t.year), **vars(t)} for t in reversed(self.totals)
            ],
            "upcoming": list(selectors.upcoming_sessions(self.board, today)),
            "held_without": list(
                selectors.held_without_attendance(self.board)[
                    : HELD_WITHOUT_ATTENDANCE_SHOWN + 1
                ]
            ),
            "held_without_limit": HELD_WITHOUT_ATTENDANCE_SHOWN,
            "can_record": permissions.can_record_some_agency_figures(
                self.request.user, self.board
            ),
            "endorsements_due": endorsements_due_text(self.board, today),
        }
        if year is not None:
            courses = selectors.course_totals(self.board, year)
            agencies = selectors.agency_totals(self.board, year)
            context.update(
                this_year=next((t for t in self.totals if t.year == year), None),
                course_totals=courses,
                level_totals=selectors.level_totals(self.board, year),
                agency_totals=agencies,
                any_illustrative=any(a.illustrative for a in agencies),
                elearning=selectors.elearning_summary(self.board, year),
            )
        return super().get_context_data(**context, **kwargs)


class CourseListView(ListPageMixin, TrainingMixin, TemplateView):
    template_name = "training/courses.html"
    list_name = "training-courses"
    anchor = "courses"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "title",
                "Course",
                "title",
                sort="title",
                row_header=True,
                link=lambda c: course_url(slug, c.pk),
            ),
            Column("level", "Level", lambda c: c.get_level_display(), sort="level"),
            Column("format", "Format", lambda c: c.get_format_display(), sort="format"),
            Column(
                "runs_from",
                "Runs from",
                lambda c: date_text(c.runs_from),
                sort="runs_from",
            ),
            Column(
                "runs_until",
                "Runs until",
                lambda c: date_text(c.runs_until) or "Ongoing",
                sort="runs_until",
            ),
            Column(
                "sessions_held",
                "Sessions held",
                "sessions_held",
                sort="sessions_held",
                numeric=True,
            ),
            Column(
                "attendances", "Attendances (all years)", "attendances", numeric=True
            ),
        ]

    def get_list(self):
        return (
            Course.objects.filter(board=self.board)
            .annotate(
                sessions_held=Count(
                    "sessions", filter=Q(sessions__status=SessionStatus.HELD)
                )
            )
            .order_by("title", "pk")
        )

    def decorate(self, rows):
        """Each course's attendances, counted as every total counts them."""
        totals = defaultdict(int)
        sessions = selectors.with_attendance(Session.objects.filter(course__in=rows))
        for course_id, attendance in sessions.values_list("course", "attendance"):
            totals[course_id] += attendance
        for course in rows:
            course.attendances = totals[course.pk]
        return rows

    def get_caption(self):
        return "Courses and learning events of the programme"


class CourseMixin(TrainingMixin):
    """A page of one of the board's courses (another board's is a 404)."""

    @cached_property
    def course(self):
        return get_object_or_404(
            Course.objects.filter(board=self.board), pk=self.kwargs["course_id"]
        )

    def get_back_url(self):
        return course_url(self.board.slug, self.course.pk)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("course", self.course)
        return super().get_context_data(**kwargs)


class CourseDetailView(ListPageMixin, CourseMixin, TemplateView):
    """A course: its attendances by year, its sessions as a list that sorts and
    exports, and what it answers."""

    template_name = "training/course.html"
    anchor = "sessions"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "date",
                "Date",
                lambda s: date_text(s.date),
                sort="date",
                link=lambda s: reverse("training:session", args=[slug, s.pk]),
                row_header=True,
            ),
            Column("venue", "Venue", lambda s: s.venue or "–", sort="venue"),
            Column("status", "Status", lambda s: s.get_status_display(), sort="status"),
            Column(
                "trainers",
                "Trainers",
                lambda s: ", ".join(t.name for t in s.trainers.all()) or "–",
            ),
            Column(
                "places",
                "Places",
                lambda s: s.capacity or "–",
                sort="capacity",
                numeric=True,
            ),
            Column(
                "attendance",
                "Attendance",
                "attendance",
                sort="attendance",
                numeric=True,
                template="training/_attendance_cell.html",
            ),
        ]

    def get_caption(self):
        return "Sessions of the course, by date"

    @property
    def list_name(self):
        return f"course-{self.course.pk}-sessions"

    def get_list(self):
        return (
            selectors.with_attendance(self.course.sessions.all())
            .prefetch_related("trainers")
            .order_by("date", "pk")
        )

    def get_context_data(self, **kwargs):
        course = self.course
        by_year = defaultdict(int)
        for day, attendance in selectors.with_attendance(
            course.sessions.all()
        ).values_list("date", "attendance"):
            by_year[reporting_year_start(day)] += attendance
        return super().get_context_data(
            attendance_by_year=[(year_label(y), n) for y, n in sorted(by_year.items())],
            plan_themes=list(course.plan_themes.select_related("plan")),
            lessons=list(course.lessons.select_related("review")),
            themes=list(course.themes.all()),
            **kwargs,
        )


class CourseHistoryView(CourseMixin, TemplateView):
    template_name = "training/course_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.course.history.all()), **kwargs
        )


class CourseCreateView(TrainingMixin, FormPageMixin, FormView):
    form_class = CourseForm
    permission = staticmethod(permissions.can_manage_training)
    page_title = "Add a course"
    submit_label = "Add course"
    intro = "Its sessions are added on the course's page."

    def get_back_url(self):
        return reverse("training:courses", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        course = services.course_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Course “{course.title}” added.")
        return redirect(course_url(self.board.slug, course.pk))


class CourseEditView(
    ManageMixin, CourseMixin, VersionedEditMixin, FormPageMixin, FormView
):
    form_class = CourseEditForm
    submit_label = "Save changes"

    def record(self):
        return self.course

    def get_page_title(self):
        return f"Change the course “{self.course.title}”"

    def versioned_record(self):
        return self.course

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def save(self, data, version):
        links = {name: data.pop(name) for name in ("plan_themes", "lessons", "themes")}
        course = services.course_update(
            course=self.course,
            user=self.request.user,
            version=version,
            changes=data,
            **links,
        )
        messages.success(self.request, f"Course “{course.title}” saved.")
        return redirect(course_url(self.board.slug, course.pk))
