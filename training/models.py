"""Multi-agency training: the courses the board commissions, their sessions and
who attended from which agency, evaluations and impact follow-ups, the volunteer
trainer pool, endorsed external providers, and the e-learning provider's returns.

Attendance is recorded per person (name, agency, role, attended or not) or, when
only totals are known, as a count per agency; `Session.attendance_total` and the
selectors count both the same way: an attended person is one, a count is its
number."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from boards.models import Agency, Board, Recommendation
from business_plan.models import Theme as PlanTheme
from lscb_portal.periods import reporting_year_start, year_label
from reviews.models import LearningTheme, Lesson


class Level(models.TextChoices):
    AWARENESS = "awareness", "Awareness"
    INTERMEDIATE = "intermediate", "Intermediate"
    ENHANCED = "enhanced", "Enhanced / specialist"


class Format(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face-to-face"
    E_LEARNING = "e_learning", "E-learning"
    CONFERENCE = "conference", "Conference"
    ROADSHOW = "roadshow", "Roadshow"
    FORUM_WORKSHOP = "forum_workshop", "Practitioner-forum workshop"


class Course(models.Model):
    """A course or learning event of the board's programme."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="training_courses"
    )
    title = models.CharField(max_length=200)
    level = models.CharField(max_length=12, choices=Level.choices)
    format = models.CharField(max_length=14, choices=Format.choices)
    learning_outcomes = models.TextField(blank=True, max_length=4000)
    runs_from = models.DateField(help_text="The first day sessions may be held.")
    runs_until = models.DateField(
        null=True, blank=True, help_text="The last day; empty while it runs on."
    )
    trains_trainers = models.BooleanField(
        default=False,
        help_text="A train-the-trainer course: its attendees join the trainer pool.",
    )
    plan_themes = models.ManyToManyField(
        PlanTheme,
        blank=True,
        related_name="training_courses",
        help_text="The business-plan priorities it answers.",
    )
    lessons = models.ManyToManyField(
        Lesson,
        blank=True,
        related_name="training_courses",
        help_text="The review lessons it answers.",
    )
    themes = models.ManyToManyField(
        LearningTheme,
        blank=True,
        related_name="training_courses",
        help_text="The learning themes it covers (domestic abuse, neglect…).",
    )
    version = models.PositiveIntegerField(default=1)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[plan_themes, lessons, themes])

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "title"],
                name="training_course_title_unique",
                violation_error_message="This board already has a course with this "
                "title.",
            ),
            models.CheckConstraint(
                condition=models.Q(level__in=Level.values),
                name="training_course_level_valid",
                violation_error_message="Choose a level from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(format__in=Format.values),
                name="training_course_format_valid",
                violation_error_message="Choose a format from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(runs_until__isnull=True)
                | models.Q(runs_until__gte=models.F("runs_from")),
                name="training_course_runs_in_order",
                violation_error_message="The last day must be on or after the first.",
            ),
        ]

    def __str__(self):
        return self.title

    def runs_on(self, day) -> bool:
        return self.runs_from <= day and (
            self.runs_until is None or day <= self.runs_until
        )


class SessionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Trainer(models.Model):
    """A volunteer trainer of the board's pool, from a partner agency."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="trainers")
    name = models.CharField(max_length=200)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="trainers"
    )
    agreement_signed_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the volunteer trainer agreement was signed.",
    )
    trained_at = models.ForeignKey(
        "Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainers_trained",
        help_text="The train-the-trainer session that brought them into the pool.",
    )
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "name", "agency"],
                name="trainer_unique_per_agency",
                violation_error_message="This agency already has a trainer with this "
                "name in the pool.",
            )
        ]

    def __str__(self):
        return self.name


class Session(models.Model):
    """One run of a course: a date, a venue, its trainers and who came."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField()
    venue = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places available; empty when not limited."
    )
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    trainers = models.ManyToManyField(Trainer, blank=True, related_name="sessions")
    note = models.CharField(max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[trainers])

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SessionStatus.values),
                name="training_session_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gt=0),
                name="training_session_capacity_positive",
                violation_error_message="Capacity must be at least 1.",
            ),
        ]

    def __str__(self):
        return f"{self.course.title}, {self.date:%-d %B %Y}"

    @property
    def year(self) -> int:
        return reporting_year_start(self.date)

    def clean(self):
        if self.course_id and self.date and not self.course.runs_on(self.date):
            raise ValidationError(
                {
                    "date": "The session must fall within the course's running dates "
                    f"({_running(self.course)})."
                }
            )


def _running(course) -> str:
    start = f"{course.runs_from:%-d %B %Y}"
    if course.runs_until is None:
        return f"from {start}"
    return f"{start} to {course.runs_until:%-d %B %Y}"


class Attendee(models.Model):
    """A person booked on a session, and whether they attended."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendees"
    )
    name = models.CharField(max_length=200)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=200, blank=True)
    attended = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("name"),
                "agency",
                "session",
                name="training_attendee_once_per_session",
                violation_error_message="This person is already recorded for this "
                "session.",
            )
        ]

    def __str__(self):
        return self.name


class AttendanceCount(models.Model):
    """How many attended a session from an agency, when names are not recorded."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance_counts"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField()
    illustrative = models.BooleanField(
        default=False,
        help_text="An illustrative split of a total the source gives only in sum.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "agency"],
                name="training_count_once_per_agency",
                violation_error_message="This session already has a count for this "
                "agency.",
            ),
            models.CheckConstraint(
                condition=models.Q(count__gte=0),
                name="training_count_not_negative",
                violation_error_message="A count cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.agency}: {self.count}"


class EvaluationQuestion(models.Model):
    """A set question every session's evaluation scores from 1 to 5."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="training_questions"
    )
    number = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["board", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "number"],
                name="training_question_number_unique",
                violation_error_message="This board already has a question with "
                "this number.",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.text}"


class Evaluation(models.Model):
    """One attendee's evaluation form for a session: a score per set question
    and their comments."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="evaluations"
    )
    comments = models.TextField(blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "pk"]

    def __str__(self):
        return f"Evaluation of {self.session}"


class EvaluationScore(models.Model):
    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="scores"
    )
    question = models.ForeignKey(
        EvaluationQuestion, on_delete=models.PROTECT, related_name="scores"
    )
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "question"],
                name="training_score_once_per_question",
                violation_error_message="This question is already scored.",
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5),
                name="training_score_1_to_5",
                violation_error_message="A score must be from 1 to 5.",
            ),
        ]

    def __str__(self):
        return f"{self.question.number}: {self.score}"


class ImpactFollowUp(models.Model):
    """Some months after a session, a sample of its attendees asked whether
    their practice changed, with examples."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="impact_follow_ups"
    )
    followed_up_on = models.DateField()
    sampled = models.PositiveIntegerField(help_text="Attendees asked.")
    practice_changed = models.PositiveIntegerField(
        help_text="Of those, how many said their practice changed."
    )
    examples = models.TextField(blank=True, max_length=4000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "followed_up_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(practice_changed__lte=models.F("sampled")),
                name="training_impact_changed_within_sample",
                violation_error_message="More said their practice changed than were "
                "asked.",
            )
        ]

    def __str__(self):
        return f"Follow-up of {self.session}, {self.followed_up_on:%-d %B %Y}"

    def clean(self):
        if (
            self.session_id
            and self.followed_up_on
            and (self.followed_up_on < self.session.date)
        ):
            raise ValidationError(
                {"followed_up_on": "A follow-up comes after the session it follows."}
            )


class DevelopmentDay(models.Model):
    """A development event for the trainer pool, and who came."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="trainer_development_days"
    )
    date = models.DateField()
    title = models.CharField(max_length=200)
    trainers = models.ManyToManyField(
        Trainer, blank=True, related_name="development_days"
    )
    history = HistoricalRecords(m2m_fields=[trainers])

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.title}, {self.date:%-d %B %Y}"


class Endorsement(models.TextChoices):
    PENDING = "pending", "Awaiting decision"
    ENDORSED = "endorsed", "Endorsed"
    REFUSED = "refused", "Not endorsed"


class Provider(models.Model):
    """An external training provider seeking the board's endorsement."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="training_providers"
    )
    name = models.CharField(max_length=200)
    courses = models.CharField(
        max_length=500, blank=True, help_text="The courses it offers for endorsement."
    )
    self_assessment_received_on = models.DateField(null=True, blank=True)
    decision = models.CharField(
        max_length=10, choices=Endorsement.choices, default=Endorsement.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "name"],
                name="training_provider_name_unique",
                violation_error_message="This board already has a provider with "
                "this name.",
            ),
            models.CheckConstraint(
                condition=models.Q(decision__in=Endorsement.values),
                name="training_provider_decision_valid",
                violation_error_message="Choose a decision from the list.",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.decision != Endorsement.PENDING:
            if not self.self_assessment_received_on:
                errors["self_assessment_received_on"] = (
                    "A decision needs the self-assessment it was made on."
                )
            if not self.decided_on:
                errors["decided_on"] = "Enter the date of the decision."
        if self.decision == Endorsement.ENDORSED and not self.expires_on:
            errors["expires_on"] = "An endorsement needs an expiry date."
        if self.expires_on and self.decided_on and self.expires_on <= self.decided_on:
            errors["expires_on"] = "The expiry date must be after the decision."
        if errors:
            raise ValidationError(errors)


class ElearningYear(models.Model):
    """A membership year of the e-learning provider: the totals its report
    gives, learner feedback, and (below) the returns by department."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="elearning_years"
    )
    year = models.PositiveSmallIntegerField(help_text="2016 for 2016-17.")
    reported_allocated = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Courses allocated, as the provider's report totals them.",
    )
    reported_passed = models.PositiveIntegerField(
        null=True, blank=True, help_text="Passes, as the provider's report totals them."
    )
    version = models.PositiveIntegerField(default=1)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["board", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year"],
                name="elearning_year_unique",
                violation_error_message="This board already has this e-learning year.",
            ),
            models.CheckConstraint(
                condition=models.Q(reported_passed__isnull=True)
                | models.Q(reported_allocated__isnull=True)
                | models.Q(reported_passed__lte=models.F("reported_allocated")),
                name="elearning_year_passed_within_allocated",
                violation_error_message="More passed than were allocated.",
            ),
        ]

    def __str__(self):
        return f"E-learning {year_label(self.year)}"


class ElearningReturn(models.Model):
    """A department's e-learning figures for a year: allocated and passed."""

    elearning_year = models.ForeignKey(
        ElearningYear, on_delete=models.CASCADE, related_name="returns"
    )
    department = models.CharField(max_length=200)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elearning_returns",
        help_text="The board agency the department belongs to, if any.",
    )
    allocated = models.PositiveIntegerField()
    passed = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["department"]
        constraints = [
            models.UniqueConstraint(
                fields=["elearning_year", "department"],
                name="elearning_return_once_per_department",
                violation_error_message="This year already has a return for this "
                "department.",
            ),
            models.CheckConstraint(
                condition=models.Q(passed__lte=models.F("allocated")),
                name="elearning_return_passed_within_allocated",
                violation_error_message="More passed than were allocated.",
            ),
        ]

    def __str__(self):
        return self.department

    @property
    def completion_rate(self) -> int | None:
        return completion_rate(self.passed, self.allocated)


class LearnerFeedback(models.Model):
    """A percentage from the e-learning provider's learner questionnaire."""

    elearning_year = models.ForeignKey(
        ElearningYear, on_delete=models.CASCADE, related_name="feedback"
    )
    number = models.PositiveSmallIntegerField()
    statement = models.CharField(
        max_length=300, help_text='"found the system easy to access and navigate"'
    )
    percent = models.PositiveSmallIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["elearning_year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["elearning_year", "number"],
                name="learner_feedback_number_unique",
                violation_error_message="This year already has feedback with this "
                "number.",
            ),
            models.CheckConstraint(
                condition=models.Q(percent__lte=100),
                name="learner_feedback_percent_valid",
                violation_error_message="A percentage is from 0 to 100.",
            ),
        ]

    def __str__(self):
        return f"{self.percent}% {self.statement}"


class ReportedYear(models.Model):
    """A year's attendance total as reported before sessions were recorded one by
    one (the 2015-16 total of 1,401): it stands in only for a year without sessions."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="training_reported_years"
    )
    year = models.PositiveSmallIntegerField()
    attendances = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["board", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year"],
                name="training_reported_year_unique",
                violation_error_message="This board already has a total for this year.",
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.attendances}"


def completion_rate(passed: int, allocated: int) -> int | None:
    """Passed as a whole percentage of allocated (half up), None when none were."""
    if not allocated:
        return None
    return (200 * passed + allocated) // (2 * allocated)


class RecommendationTraining(models.Model):
    """An inspection recommendation whose yearly update prints the year's
    training table: the courses on a learning theme, or every course."""

    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.CASCADE, related_name="training_table"
    )
    theme = models.ForeignKey(
        LearningTheme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only the courses on this theme; empty for every course.",
    )
    caption = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation"]

    def __str__(self):
        return f"Training table of recommendation {self.recommendation.number}"

    def clean(self):
        if (
            self.theme_id
            and self.recommendation_id
            and self.theme.board_id != self.recommendation.inspection.board_id
        ):
            raise ValidationError({"theme": "Choose a learning theme of this board."})
