from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from .core import Board

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


def risk_band(score: int) -> str:
    """R, A or G for a likelihood × impact score: 15 and over red, 5 to 12 amber."""
    if score >= 15:
        return "R"
    if score >= 5:
        return "A"
    return "G"


class Risk(models.Model):
    """A risk to delivering the plan, scored likelihood × impact (each 1 to 5); its
    history keeps every earlier score."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="risks")
    title = models.CharField("risk", max_length=300)
    description = models.TextField(blank=True)
    owner = models.CharField(max_length=200)
    likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    mitigations = models.TextField(blank=True)
    review_date = models.DateField()
    status = models.CharField(
        max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-likelihood", "-impact", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5),
                name="risk_likelihood_1_to_5",
                violation_error_message="Likelihood must be from 1 to 5.",
            ),
            models.CheckConstraint(
                condition=models.Q(impact__gte=1, impact__lte=5),
                name="risk_impact_1_to_5",
                violation_error_message="Impact must be from 1 to 5.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RiskStatus.values),
                name="risk_status_valid",
                violation_error_message="Choose open or closed.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> str:
        return risk_band(self.score)
