from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import Agency, Board
from reviews.models import LearningTheme

TEXT_LIMIT = 2000


class GoodPracticeExample(models.Model):
    """An example of good practice an agency gave the board: what was done, what it
    meant for the child and the learning it shows (annual report section 14)."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="good_practice_examples"
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="good_practice_examples",
        help_text="The agency whose practice it is.",
    )
    date = models.DateField(help_text="When the practice happened.")
    title = models.CharField(max_length=200)
    what_was_done = models.TextField("what was done", max_length=TEXT_LIMIT)
    outcome = models.TextField("outcome for the child", max_length=TEXT_LIMIT)
    learning = models.TextField("the learning it shows", max_length=TEXT_LIMIT)
    themes = models.ManyToManyField(
        LearningTheme,
        blank=True,
        related_name="good_practice_examples",
        verbose_name="learning themes",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["board", "date"])]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = "The date of the practice must be today or in the past"
        if self.agency_id and self.board_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose one of this board's agencies"
        if errors:
            raise ValidationError(errors)
