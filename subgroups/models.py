from django.db import models
from simple_history.models import HistoricalRecords

from boards.models import Board, BoardScopedQuerySet, Membership


class SubgroupKind(models.TextChoices):
    SUBGROUP = "subgroup", "Subgroup"
    LOCALITY = "locality", "Locality group"
    TASK_AND_FINISH = "task_and_finish", "Task-and-finish group"
    PARTICULAR_INTEREST = "particular_interest", "Particular-interest group"


class Subgroup(models.Model):
    """A subgroup or working group of the board (Case Review, CDOP, a QAG…)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="subgroups")
    name = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=30, choices=SubgroupKind.choices, default=SubgroupKind.SUBGROUP
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    chair = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_subgroups",
    )
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    objects = BoardScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "name"],
                name="subgroup_name_unique_per_board",
                violation_error_message="This board already has a subgroup with "
                "this name.",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[value for value, _ in SubgroupKind.choices]
                ),
                name="subgroup_kind_valid",
                violation_error_message="Choose a kind of group from the list.",
            ),
        ]

    def __str__(self):
        return self.name
