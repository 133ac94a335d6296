"""The view log: who viewed which restricted record, when, through which page or
API call. Append-only evidence, read by the business team."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .core import Board


class RecordView(models.Model):
    """One view of a restricted record (a confidential agenda item, a review…)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    viewed_at = models.DateTimeField(default=timezone.now)
    record_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    record_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("record_type", "record_id")
    # Kept as text so the log still names a record that has since changed or gone.
    record_label = models.CharField(max_length=300)
    via = models.CharField(
        max_length=300, help_text="The page (its name and address) or API call."
    )

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [
            models.Index(
                fields=["board", "-viewed_at", "-id"], name="recordview_board_newest"
            ),
            models.Index(fields=["record_type", "record_id"], name="recordview_record"),
        ]

    def __str__(self):
        return (
            f"{self.user} viewed {self.record_label} at {self.viewed_at:%Y-%m-%d %H:%M}"
        )

    def save(self, *args, **kwargs):
        # Append-only: a view, once logged, is never changed.
        if not self._state.adding:
            raise ValueError("A logged view is never changed.")
        super().save(*args, **kwargs)
