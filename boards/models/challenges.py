from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .core import Agency, Board, Membership


class ChallengeStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class ChallengeLogEntry(models.Model):
    """A challenge the board made to an agency: the evidence of challenge inspectors
    look for (business plan 2014-17 action 1.8)."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="challenge_log"
    )
    date = models.DateField()
    raised_by = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        related_name="challenges_raised",
        help_text="The member who raised it (their agency is recorded with it).",
    )
    raised_by_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenges_made",
    )
    agency_challenged = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="challenges_received"
    )
    subject = models.CharField(max_length=300)
    details = models.TextField(blank=True)
    # What prompted it: a business-plan action, an indicator, a review or an audit.
    prompted_by_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True
    )
    prompted_by_id = models.PositiveBigIntegerField(null=True, blank=True)
    prompted_by = GenericForeignKey("prompted_by_type", "prompted_by_id")
    response = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    impact = models.TextField(
        blank=True, help_text="What changed for children as a result."
    )
    status = models.CharField(
        max_length=10, choices=ChallengeStatus.choices, default=ChallengeStatus.OPEN
    )
    closed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "challenge"
        verbose_name_plural = "challenge log"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ChallengeStatus.values),
                name="challenge_status_valid",
                violation_error_message="Choose open or closed.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="closed", outcome=""),
                name="challenge_closed_has_outcome",
                violation_error_message="Record the outcome before closing the "
                "challenge.",
            ),
        ]

    def __str__(self):
        return self.subject

    def clean(self):
        for field in ("raised_by", "agency_challenged", "raised_by_agency"):
            value = getattr(self, field, None)
            if value is not None and value.board_id != self.board_id:
                raise ValidationError({field: "Choose one of this board's."})
        if self.status == ChallengeStatus.CLOSED and not self.outcome.strip():
            raise ValidationError(
                {"outcome": "Record the outcome before closing the challenge."}
            )
