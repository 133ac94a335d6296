import hashlib

from django.conf import settings
from django.db import models

from boards.models import Board, BoardScopedQuerySet


class RunKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", "Annual report"
    MEETING_PACK = "meeting_pack", "Meeting pack"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Ready"
    FAILED = "failed", "Failed"


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

    objects = BoardScopedQuerySet.as_manager()

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
    def is_finished(self) -> bool:
        return self.status in (RunStatus.SUCCEEDED, RunStatus.FAILED)


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
