from django.db import models
from simple_history.models import HistoricalRecords

from .core import Board


class GlossaryTerm(models.Model):
    """An acronym the board's reports use, and what it stands for."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="glossary")
    acronym = models.CharField(max_length=40)
    meaning = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["acronym"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "acronym"],
                name="glossary_acronym_unique",
                violation_error_message="This acronym is already in the glossary.",
            )
        ]

    def __str__(self):
        return f"{self.acronym}: {self.meaning}"


class StrategicLink(models.Model):
    """Another strategic board the board reports to or works with."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="strategic_links"
    )
    name = models.CharField(max_length=200)
    relationship = models.TextField(
        blank=True, help_text="How the two boards work together."
    )
    url = models.URLField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
