"""Assurance: the Section 11 audit (a cycle a year of standards and questions,
answered by board agencies and by organisations outside the board). Multi-agency
case audits and the staff survey follow in later changes."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from boards.models import Agency, Board
from lscb_portal.rag import Rag


class Sector(models.TextChoices):
    STATUTORY = "statutory", "Statutory agency"
    SCHOOL = "school", "School"
    GP = "gp", "GP practice"
    VOLUNTARY = "voluntary", "Voluntary"
    OTHER = "other", "Other"


class Organisation(models.Model):
    """An organisation that answers the Section 11 audit: a board agency, or one
    not on the board (a school, a GP practice…), kept on the board's list."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="audit_organisations"
    )
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=10, choices=Sector.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_organisations",
        help_text="The board agency it is, if it is one.",
    )
    active = models.BooleanField(default=True)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "name"],
                name="audit_organisation_name_unique",
                violation_error_message="This board already has an organisation "
                "with this name.",
            ),
            models.CheckConstraint(
                condition=models.Q(sector__in=Sector.values),
                name="audit_organisation_sector_valid",
                violation_error_message="Choose a sector from the list.",
            ),
        ]

    def __str__(self):
        return self.name


class Section11Cycle(models.Model):
    """A year's Section 11 audit: when it is open, its standards and questions."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="section11_cycles"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The reporting year it belongs to: 2016 for 2016-17."
    )
    opens_on = models.DateField()
    closes_on = models.DateField()
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year"],
                name="section11_cycle_year_unique",
                violation_error_message="This board already has a Section 11 audit "
                "for this year.",
            ),
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="section11_cycle_closes_after_opening",
                violation_error_message="The audit cannot close before it opens.",
            ),
        ]

    def __str__(self):
        return f"Section 11 audit {self.year}-{(self.year + 1) % 100:02d}"

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": "The audit cannot close before it opens."}
            )


class Standard(models.Model):
    """One of a cycle's standards (section 11's nine elements)."""

    cycle = models.ForeignKey(
        Section11Cycle, on_delete=models.CASCADE, related_name="standards"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True, max_length=4000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "number"],
                name="standard_number_unique",
                violation_error_message="This audit already has a standard with this "
                "number.",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Question(models.Model):
    """A question under a standard, answered fully met / partially met / not met /
    not applicable."""

    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="questions"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField(max_length=2000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["standard", "number"],
                name="question_number_unique",
                violation_error_message="This standard already has a question with "
                "this number.",
            )
        ]

    def __str__(self):
        return f"{self.code} {self.text[:60]}"

    @property
    def code(self) -> str:
        """ "5.2": the second question of standard 5."""
        return f"{self.standard.number}.{self.number}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Exclusion(models.TextChoices):
    PARTIAL = "partial", "Partial response"
    DUPLICATE = "duplicate", "Duplicate response"


class SubmissionQuerySet(models.QuerySet):
    def valid(self):
        """Submitted and not excluded: what the results count."""
        return self.filter(status=SubmissionStatus.SUBMITTED, exclusion="")


class Submission(models.Model):
    """An organisation's answers to a cycle: one per organisation and cycle."""

    cycle = models.ForeignKey(
        Section11Cycle, on_delete=models.CASCADE, related_name="submissions"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
        editable=False,
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    late_reason = models.CharField(
        "why a late submission was accepted", max_length=500, blank=True
    )
    exclusion = models.CharField(
        max_length=10, choices=Exclusion.choices, blank=True, editable=False
    )
    exclusion_reason = models.CharField(max_length=500, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["cycle", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "organisation"],
                name="submission_once_per_organisation",
                violation_error_message="This organisation already has a submission "
                "for this audit.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=SubmissionStatus.values),
                name="submission_status_valid",
                violation_error_message="Choose draft or submitted.",
            ),
            models.CheckConstraint(
                condition=models.Q(exclusion__in=[*Exclusion.values, ""]),
                name="submission_exclusion_valid",
                violation_error_message="Choose partial or duplicate.",
            ),
            models.CheckConstraint(
                condition=models.Q(exclusion="") | ~models.Q(exclusion_reason=""),
                name="submission_exclusion_has_reason",
                violation_error_message="An excluded submission needs a reason.",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.cycle}"

    @property
    def is_valid(self) -> bool:
        return self.status == SubmissionStatus.SUBMITTED and not self.exclusion


class Rating(models.TextChoices):
    FULLY = "fully", "Fully met"
    PARTIALLY = "partially", "Partially met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "na", "Not applicable"


class Answer(models.Model):
    """A submission's answer to one question, with its evidence. An answer carried
    forward from the organisation's previous submission says so until confirmed."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="answers"
    )
    rating = models.CharField(max_length=10, choices=Rating.choices)
    evidence = models.TextField(blank=True, max_length=4000)
    carried_forward = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["submission", "question__standard__number", "question__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "question"],
                name="answer_once_per_question",
                violation_error_message="This question is already answered in this "
                "submission.",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__in=Rating.values),
                name="answer_rating_valid",
                violation_error_message="Choose fully met, partially met, not met or "
                "not applicable.",
            ),
        ]

    def __str__(self):
        return f"{self.submission}: {self.question.code} {self.get_rating_display()}"


# Multi-agency case audits ---------------------------------------------------------


class Grading(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


GRADING_ORDER = list(Grading.values)
INVALID_GRADING = "Choose outstanding, good, requires improvement or inadequate."


class CaseAudit(models.Model):
    """A multi-agency themed case audit, run by a Quality Assurance Group: the cases
    it looked at, their gradings, what it found and what it recommends."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="case_audits"
    )
    theme = models.CharField(max_length=200)
    group = models.ForeignKey(
        "subgroups.Subgroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_audits",
        help_text="The Quality Assurance Group that ran it.",
    )
    audited_on = models.DateField("date of the audit")
    cases_audited = models.PositiveSmallIntegerField()
    good_practice = models.TextField(blank=True, max_length=4000)
    areas_for_improvement = models.TextField(blank=True, max_length=4000)
    themes = models.ManyToManyField(
        "reviews.LearningTheme",
        blank=True,
        related_name="case_audits",
        verbose_name="learning themes",
        help_text="The learning themes it looked at (neglect, domestic abuse…).",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-audited_on", "theme"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cases_audited__gte=1),
                name="case_audit_cases_positive",
                violation_error_message="An audit looks at at least 1 case.",
            ),
        ]

    def __str__(self):
        return f"{self.theme} ({self.audited_on:%B %Y})"


class CaseAuditGrading(models.Model):
    """The overall grading a case audit gave one of its cases ("Case 1": good)."""

    audit = models.ForeignKey(
        CaseAudit, on_delete=models.CASCADE, related_name="gradings"
    )
    case = models.CharField("case reference", max_length=50)
    grading = models.CharField(max_length=20, choices=Grading.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "case"],
                name="case_audit_grading_case_unique",
                violation_error_message="This audit already has a grading for this "
                "case.",
            ),
            models.CheckConstraint(
                condition=models.Q(grading__in=Grading.values),
                name="case_audit_grading_valid",
                violation_error_message=INVALID_GRADING,
            ),
        ]

    def __str__(self):
        return f"{self.case}: {self.get_grading_display()}"


class RecommendationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class CaseAuditRecommendation(models.Model):
    """A recommendation of a case audit, owned by an agency, whose progress the
    board monitors (status, RAG, and evidence once complete)."""

    audit = models.ForeignKey(
        CaseAudit, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField("recommendation", max_length=2000)
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="case_audit_recommendations"
    )
    due_date = models.DateField()
    status = models.CharField(
        max_length=12,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.NOT_STARTED,
        editable=False,
    )
    rag = models.CharField(
        "RAG", max_length=1, choices=Rag.choices, blank=True, editable=False
    )
    evidence = models.TextField(
        "evidence of completion", blank=True, max_length=4000, editable=False
    )
    business_plan_action = models.ForeignKey(
        "business_plan.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_audit_recommendations",
        help_text="The business plan action that carries it out.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "number"],
                name="case_audit_recommendation_number_unique",
                violation_error_message="This audit already has a recommendation "
                "with this number.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RecommendationStatus.values),
                name="case_audit_recommendation_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(rag__in=[*Rag.values, ""]),
                name="case_audit_recommendation_rag_valid",
                violation_error_message="RAG must be Red, Amber, Green, Complete or "
                "blank.",
            ),
        ]

    def __str__(self):
        return f"{self.audit.theme}, recommendation {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status != RecommendationStatus.COMPLETE


# Staff survey -----------------------------------------------------------------


class StaffSurvey(models.Model):
    """A year's survey of front-line staff: when it ran, how many answered it,
    its questions (copied from the survey tool's summary)."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="staff_surveys"
    )
    year = models.PositiveSmallIntegerField(help_text="The year it ran: 2016.")
    opened_on = models.DateField("ran from")
    closed_on = models.DateField("ran to")
    respondents = models.PositiveIntegerField(
        help_text="How many staff responded to the survey."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year"],
                name="staff_survey_year_unique",
                violation_error_message="This board already has a staff survey for "
                "this year.",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__gte=models.F("opened_on")),
                name="staff_survey_closes_after_opening",
                violation_error_message="The survey cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"Staff survey {self.year}"

    def clean(self):
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            raise ValidationError(
                {"closed_on": "The survey cannot end before it starts."}
            )


class SurveyQuestion(models.Model):
    """A question of a survey as the survey tool summarised it: how many answered
    and skipped it, and its answer options with their counts. `repeat_of` is the
    same question (perhaps reworded) in an earlier survey of the board."""

    survey = models.ForeignKey(
        StaffSurvey, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField()
    number = models.CharField(
        max_length=20, blank=True, help_text="As the survey tool printed it: Q20."
    )
    text = models.TextField("question", max_length=2000)
    answered = models.PositiveIntegerField()
    skipped = models.PositiveIntegerField()
    repeat_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="repeats",
        help_text="The same question in an earlier year's survey.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"],
                name="survey_question_position_unique",
                violation_error_message="This survey already has a question in this "
                "place.",
            )
        ]

    def __str__(self):
        label = f"{self.number} " if self.number else ""
        return f"{label}{self.text[:60]}"


class SurveyOption(models.Model):
    """One answer option of a survey question and how many chose it."""

    question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, related_name="options"
    )
    position = models.PositiveSmallIntegerField()
    answer = models.CharField(max_length=300)
    count = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "position"],
                name="survey_option_position_unique",
                violation_error_message="This question already has an option in "
                "this place.",
            )
        ]

    def __str__(self):
        return f"{self.answer}: {self.count}"


# Section 11 evidence files, committed actions and challenge events ------------


def evidence_path(instance, filename):
    return f"section11/{instance.submission_id}/{secrets.token_hex(8)}-{filename}"


class EvidenceFileQuerySet(models.QuerySet):
    def current(self):
        """Not removed: what the submission's pages list and serve."""
        return self.filter(removed_at__isnull=True)


class EvidenceFile(models.Model):
    """A file of evidence attached to a Section 11 submission, for one standard
    or for the whole submission (checked for size and type on upload). Removing
    one keeps its row and history."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="evidence_files"
    )
    standard = models.ForeignKey(
        Standard,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence_files",
        help_text="The standard it is evidence for; none for the whole submission.",
    )
    file = models.FileField(upload_to=evidence_path)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = EvidenceFileQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class CommittedActionQuerySet(models.QuerySet):
    def follow_up(self):
        """The actions of submitted submissions: the cycle's follow-up actions."""
        return self.filter(submission__status=SubmissionStatus.SUBMITTED)

    def open(self):
        return self.exclude(status=ActionStatus.COMPLETE)


class CommittedAction(models.Model):
    """An action an organisation commits to in its Section 11 submission (with an
    owner and a due date); once submitted, a follow-up action of the cycle,
    tracked to completion. One carried forward from the organisation's previous
    submission says so until confirmed."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="actions"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField("action", max_length=2000)
    standard = models.ForeignKey(
        Standard,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committed_actions",
    )
    owner = models.CharField(
        max_length=200, help_text="The person or post responsible for it."
    )
    due_date = models.DateField()
    status = models.CharField(
        max_length=12,
        choices=ActionStatus.choices,
        default=ActionStatus.NOT_STARTED,
        editable=False,
    )
    rag = models.CharField(
        "RAG", max_length=1, choices=Rag.choices, blank=True, editable=False
    )
    carried_forward = models.BooleanField(default=False, editable=False)
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="carried_to",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = CommittedActionQuerySet.as_manager()

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"],
                name="committed_action_number_unique",
                violation_error_message="This submission already has an action "
                "with this number.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ActionStatus.values),
                name="committed_action_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(rag__in=[*Rag.values, ""]),
                name="committed_action_rag_valid",
                violation_error_message="RAG must be Red, Amber, Green, Complete or "
                "blank.",
            ),
        ]

    def __str__(self):
        return f"{self.submission.organisation}, action {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status != ActionStatus.COMPLETE


class ActionProgress(models.Model):
    """A progress update on a follow-up action: its status, RAG and a note, by
    whom and when. Append-only: a correction is a new update."""

    action = models.ForeignKey(
        CommittedAction, on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(max_length=12, choices=ActionStatus.choices)
    rag = models.CharField("RAG", max_length=1, choices=Rag.choices, blank=True)
    note = models.TextField(blank=True, max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.action} {self.get_status_display()} {self.rag or '-'}"


CHALLENGE_TITLE = "Learning from Each Other"


class ChallengeEvent(models.Model):
    """A Section 11 challenge event ("Learning from Each Other"): agencies that
    answered the audit challenge each other on how they embed safeguarding."""

    cycle = models.ForeignKey(
        Section11Cycle, on_delete=models.CASCADE, related_name="challenge_events"
    )
    held_on = models.DateField("date of the event")
    title = models.CharField(max_length=200, default=CHALLENGE_TITLE)
    notes = models.TextField(blank=True, max_length=4000)
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "held_on", "pk"]

    def __str__(self):
        return f"{self.title} ({self.held_on:%-d %B %Y})"


class ChallengeParticipant(models.Model):
    """An organisation taking part in a challenge event: what it was challenged
    on and its response."""

    event = models.ForeignKey(
        ChallengeEvent, on_delete=models.CASCADE, related_name="participants"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="challenges"
    )
    challenged_on = models.TextField("what it was challenged on", max_length=2000)
    response = models.TextField("its response", blank=True, max_length=2000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation"],
                name="challenge_participant_once",
                violation_error_message="This organisation already takes part in "
                "this event.",
            )
        ]

    def __str__(self):
        return f"{self.organisation} at {self.event}"
