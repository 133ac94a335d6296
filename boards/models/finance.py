from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from .core import Agency, Board

NOT_NEGATIVE = [MinValueValidator(0)]


class Contribution(models.Model):
    """A partner agency's contribution to the board's budget for a year."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="contributions"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The reporting year it starts, e.g. 2016 for 2016-17."
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="contributions"
    )
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=NOT_NEGATIVE
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "-amount"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year", "agency"],
                name="contribution_once_per_agency_year",
                violation_error_message="This agency's contribution for the year "
                "is already recorded: change it instead.",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0),
                name="contribution_not_negative",
                violation_error_message="The amount cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.agency} {self.year}: £{self.amount:,.2f}"


class Spend(models.Model):
    """What the board spent under one heading in a year."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="spend")
    year = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=200)
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=NOT_NEGATIVE
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "-amount"]
        verbose_name_plural = "spend"
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year", "heading"],
                name="spend_once_per_heading_year",
                violation_error_message="This heading is already recorded for the "
                "year: change it instead.",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0),
                name="spend_not_negative",
                violation_error_message="The amount cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.heading} {self.year}: £{self.amount:,.2f}"
