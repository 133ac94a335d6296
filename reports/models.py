import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import Board
from lscb_portal.periods import year_label


class RunKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", "Annual report"
    MEETING_PACK = "meeting_pack", "Meeting pack"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Ready"
    FAILED = "failed", "Failed"


# What a run is doing, for its status page: after the last section (or report of
# a pack) is gathered, the whole PDF is laid out in one render, the longest part.
PHASES = {
    "queued": "Waiting to start",
    "gathering": "Gathering the contents",
    "rendering": "Rendering the PDF",
    "ready": "Ready",
    "failed": "Failed",
}


class ReportRun(models.Model):
    """One export of a PDF: a job row the worker claims and the page polls."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="report_runs"
    )
    kind = models.CharField(max_length=20, choices=RunKind.choices)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    steps_done = models.PositiveSmallIntegerField(default=0)
    steps_total = models.PositiveSmallIntegerField(default=0)
    step_label = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to="reports/", blank=True)
    checksum = models.CharField("SHA-256", max_length=64, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Bumped by the worker after each step: a running row whose heartbeat is older
    # than REPORT_RUN_LEASE_SECONDS was lost with its worker and may be claimed again.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=RunStatus.values),
                name="report_run_status_valid",
                violation_error_message="Unknown status.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=RunKind.values),
                name="report_run_kind_valid",
                violation_error_message="Unknown kind of report.",
            ),
        ]

    def __str__(self):
        return (
            f"{self.get_kind_display()} for {self.board} ({self.get_status_display()})"
        )

    @property
    def percent(self) -> int:
        if not self.steps_total:
            return 0
        return round(100 * self.steps_done / self.steps_total)

    @property
    def phase(self) -> str:
        """A key of PHASES: a running run is rendering once every step is done."""
        if self.status == RunStatus.RUNNING:
            gathered = self.steps_total and self.steps_done >= self.steps_total
            return "rendering" if gathered else "gathering"
        return {RunStatus.SUCCEEDED: "ready"}.get(self.status, self.status)

    @property
    def phase_label(self) -> str:
        return PHASES[self.phase]

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.SUCCEEDED, RunStatus.FAILED)


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# The annual report's narrative -------------------------------------------------

# The written blocks, in the order the editing page shows them.
NARRATIVE_FIELDS = (
    "foreword",
    "introduction",
    "views_of_children",
    "context",
    "governance",
    "private_fostering",
    "conclusion",
    "priorities",
    "achievements",
    "members_view",
)
NARRATIVE_MAX_LENGTH = 20_000  # about eight printed pages: a block, not a book


def _narrative_text(label: str, help_text: str):
    return models.TextField(
        label, blank=True, max_length=NARRATIVE_MAX_LENGTH, help_text=help_text
    )


class ReportNarrative(models.Model):
    """The words of a board's annual report for one reporting year: the chair's
    foreword, the introduction, the conclusion and the report on a page."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="report_narratives"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The reporting year it starts, e.g. 2016 for 2016-17."
    )
    foreword = _narrative_text(
        "foreword from the Chair",
        "The chair's welcome to the report. Sign it with the role, for example "
        "“Independent Chair”.",
    )
    introduction = _narrative_text(
        "introduction", "What the report covers and who it is for."
    )
    views_of_children = _narrative_text(
        "the views of children and young people",
        "What children and young people told the board and what changed as a result.",
    )
    context = _narrative_text(
        "children and young people in the area",
        "Who the area's children are, with sources: how many, poverty, ethnicity, "
        "rurality, child protection plans, children in need and looked after.",
    )
    governance = _narrative_text(
        "governance",
        "The board's statutory objectives and functions and how it is organised to "
        "meet them. The report prints its meetings and attendance after it.",
    )
    private_fostering = _narrative_text(
        "privately fostered children",
        "How the area finds and supports privately fostered children. The report "
        "prints the year's private fostering figures before it.",
    )
    conclusion = _narrative_text("conclusion", "The year in summary.")
    priorities = _narrative_text(
        "LSCB priorities", "The board's priorities for the years ahead."
    )
    achievements = _narrative_text(
        "achievements",
        "For the report on a page: the year's main achievements, one a line "
        "starting with “- ”.",
    )
    members_view = _narrative_text(
        "view from LSCB members",
        "For the report on a page: what members said about the board, one a line "
        "starting with “- ”.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Who and when are the history row's own; repeating them is noise.
    history = HistoricalRecords(excluded_fields=["updated_by", "updated_at"])

    class Meta:
        ordering = ["board", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year"],
                name="report_narrative_once_per_year",
                violation_error_message="The board already has a narrative for "
                "this year.",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100),
                name="report_narrative_year_range",
                violation_error_message="The year must be between 1990 and 2100.",
            ),
        ]

    def __str__(self):
        return f"Annual report narrative {self.year}-{str(self.year + 1)[2:]}"

    def texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in NARRATIVE_FIELDS}

    @property
    def is_empty(self) -> bool:
        return not any(text.strip() for text in self.texts().values())


class NarrativeApproval(models.Model):
    """The chair's approval of one version of a narrative, with a copy of its
    texts: what the published report prints. Never changed once written."""

    narrative = models.ForeignKey(
        ReportNarrative, on_delete=models.CASCADE, related_name="approvals"
    )
    version = models.PositiveIntegerField()
    texts = models.JSONField(help_text="The approved text of each block.")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        get_latest_by = "version"
        constraints = [
            models.UniqueConstraint(
                fields=["narrative", "version"],
                name="narrative_version_approved_once",
                violation_error_message="This version is already approved.",
            )
        ]

    def __str__(self):
        return f"{self.narrative}: version {self.version} approved"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("An approval is a record: it is never changed.")
        super().save(*args, **kwargs)

    def text(self, name: str) -> str:
        value = self.texts.get(name, "") if isinstance(self.texts, dict) else ""
        return value if isinstance(value, str) else ""


# Statements: short words about one agency's or one theme's year ------------------

STATEMENT_MAX_LENGTH = 4_000  # a statement is a few paragraphs, not a section


class Statement(models.Model):
    """The board's words about one subject of a reporting year: a member agency's
    brief word (annual report section 6, written by the agency's contributor or
    the business team) or a priority theme's strengths and priorities (written by
    the business team). The chair approves a version; reports print the approved
    text, which stays as approved while the draft changes."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(
        help_text="The reporting year it starts, e.g. 2016 for 2016-17."
    )
    agency = models.ForeignKey(
        "boards.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="statements",
    )
    theme = models.ForeignKey(
        "reviews.LearningTheme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="statements",
    )
    text = models.TextField(blank=True, max_length=STATEMENT_MAX_LENGTH)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    approved_text = models.TextField(blank=True, editable=False)
    approved_version = models.PositiveIntegerField(null=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["updated_by", "updated_at"])

    class Meta:
        ordering = ["board", "-year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(agency__isnull=False, theme__isnull=True)
                    | models.Q(agency__isnull=True, theme__isnull=False)
                ),
                name="statement_about_one_subject",
                violation_error_message="A statement is about one agency or one theme.",
            ),
            models.UniqueConstraint(
                fields=["board", "year", "agency"],
                name="statement_once_per_agency_year",
                violation_error_message="This agency already has a statement for "
                "this year.",
            ),
            models.UniqueConstraint(
                fields=["board", "year", "theme"],
                name="statement_once_per_theme_year",
                violation_error_message="This theme already has a statement for "
                "this year.",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100),
                name="statement_year_range",
                violation_error_message="The year must be between 1990 and 2100.",
            ),
        ]

    def __str__(self):
        return f"{self.agency or self.theme}: statement {year_label(self.year)}"

    def clean(self):
        for subject in (self.agency, self.theme):
            if subject is not None and subject.board_id not in (None, self.board_id):
                raise ValidationError("The subject belongs to another board.")

    @property
    def status(self) -> str:
        """As the narrative blocks say it (reports.narrative.BlockState)."""
        if self.approved_version is None:
            return "Not yet approved" if self.text else "Not written"
        if self.approved_version == self.version:
            return "Approved"
        return "Changed since approval"
