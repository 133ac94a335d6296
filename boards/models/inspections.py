from django.db import models
from simple_history.models import HistoricalRecords

from .core import Board


class Judgement(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class Inspection(models.Model):
    """An inspection of the board or its area (e.g. Ofsted) and its judgement."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="inspections"
    )
    body = models.CharField(max_length=100, help_text="e.g. Ofsted.")
    title = models.CharField(max_length=300)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    overall = models.CharField(
        "overall judgement", max_length=30, choices=Judgement.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(overall__in=[*Judgement.values, ""]),
                name="inspection_judgement_valid",
                violation_error_message="Choose a judgement from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="inspection_dates_in_order",
                violation_error_message="The end date must be on or after the start.",
            ),
        ]

    def __str__(self):
        return self.title


class SubJudgement(models.Model):
    """A judgement on one area of an inspection."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="sub_judgements"
    )
    area = models.CharField(max_length=300)
    judgement = models.CharField(max_length=30, choices=Judgement.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "id"]

    def __str__(self):
        return f"{self.area}: {self.get_judgement_display()}"


class FindingKind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    IMPROVEMENT = "improvement", "Area for improvement"


class InspectionFinding(models.Model):
    """What the inspectors said: a strength or an area for improvement, worded as
    their report words it; listed in the order entered."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="findings"
    )
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=FindingKind.values),
                name="inspection_finding_kind_valid",
                violation_error_message="Choose a strength or an area for improvement.",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Recommendation(models.Model):
    """A numbered recommendation of an inspection."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "number"],
                name="recommendation_number_unique",
                violation_error_message="This number is already used.",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"


class RecommendationUpdate(models.Model):
    """What the board has done about a recommendation, reported each year."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="updates"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The reporting year it reports on, e.g. 2016 for 2016-17."
    )
    date = models.DateField()
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "-date"]

    def __str__(self):
        return f"Update on recommendation {self.recommendation.number}, {self.date}"
