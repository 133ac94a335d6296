from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import Agency, Board
from lscb_portal.periods import validate_year_range
from lscb_portal.rag import NEEDS_NARRATIVE, NO_UPDATE, Rag
from subgroups.models import Subgroup, SubgroupReturn


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    CLOSED = "closed", "Closed"


class BusinessPlan(models.Model):
    """The board's three-year business plan (e.g. 2016-19)."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="business_plans"
    )
    title = models.CharField(max_length=200)
    first_year = models.PositiveSmallIntegerField(
        help_text="The reporting year the plan starts, e.g. 2016 for 2016-17.",
        validators=[validate_year_range],
    )
    last_year = models.PositiveSmallIntegerField(
        help_text="The year the plan ends, e.g. 2019 for a plan ending March 2019.",
        validators=[validate_year_range],
    )
    status = models.CharField(
        max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    carried_forward_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_forward_from",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "first_year", "last_year"],
                name="plan_period_unique_per_board",
                violation_error_message="This board already has a plan for these "
                "years.",
            ),
            models.CheckConstraint(
                condition=models.Q(last_year__gt=models.F("first_year")),
                name="plan_years_in_order",
                violation_error_message="The last year must be after the first year.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PlanStatus.values),
                name="plan_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def slug(self) -> str:
        """ "2016-19": how the plan is named in its web address."""
        return f"{self.first_year}-{str(self.last_year)[2:]}"

    @property
    def starts(self) -> date:
        return date(self.first_year, 4, 1)

    @property
    def ends(self) -> date:
        return date(self.last_year, 3, 31)

    def clamp(self, day: date) -> date:
        """The day, or the nearest day within the plan's years."""
        return min(max(day, self.starts), self.ends)

    @property
    def is_closed(self) -> bool:
        return self.status == PlanStatus.CLOSED


class Theme(models.Model):
    """A numbered theme of a plan, e.g. "1. Leadership and Governance"."""

    plan = models.ForeignKey(
        BusinessPlan, on_delete=models.CASCADE, related_name="themes"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="theme_number_unique_per_plan",
                violation_error_message="This plan already has a theme with this "
                "number.",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class ActionQuerySet(models.QuerySet):
    # An action's RAG is its latest dated rated update's (the latest entered when
    # two share a date); "no update required" leaves it as it was.

    def with_current_rag(self):
        """Annotates current_rag ("" when never rated) and last_update_date."""
        return self.annotate(
            current_rag=_latest("rag"), last_update_date=_latest("date", rated=False)
        )

    def with_rag_as_of(self, day: date, name: str = "then"):
        """Annotates rag_<name>, the RAG on `day` ("" when not rated by then), and
        narrative_<name>, the latest update's narrative on or before `day`."""
        return self.annotate(
            **{
                f"rag_{name}": _latest("rag", day=day),
                f"narrative_{name}": _latest("narrative", day=day, rated=False),
            }
        )

    def overdue(self, day: date | None = None):
        """Past their due date on `day` (today) and not complete: on a queryset
        with_current_rag(). The same rule for one row is Action.is_overdue_on."""
        day = day or timezone.localdate()
        return self.filter(due_date__lt=day).exclude(current_rag=Rag.COMPLETE)


def _latest(column, *, day=None, rated=True):
    """`column` of the action's latest update (on or before `day`; rated only)."""
    updates = ActionUpdate.objects.filter(action=OuterRef("pk"))
    if day is not None:
        updates = updates.filter(date__lte=day)
    if rated:
        updates = updates.exclude(rag=NO_UPDATE)
    latest = Subquery(updates.order_by("-date", "-id").values(column)[:1])
    if column == "date":
        return latest
    return Coalesce(latest, models.Value(""), output_field=models.TextField())


class Action(models.Model):
    """One action of the plan: what will be done, by whom, by when, and why."""

    plan = models.ForeignKey(
        BusinessPlan, on_delete=models.CASCADE, related_name="actions"
    )
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="actions")
    ref = models.CharField(
        "reference", max_length=20, help_text="As numbered in the plan, e.g. 1.10."
    )
    sort_key = models.CharField(max_length=60, editable=False, db_index=True)
    text = models.TextField("action")
    owner_subgroups = models.ManyToManyField(
        Subgroup, blank=True, related_name="actions", verbose_name="owning subgroups"
    )
    owner_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="actions", verbose_name="owning agencies"
    )
    owner_role = models.CharField(
        "owner (role)",
        max_length=200,
        blank=True,
        help_text="A role as written in the plan, e.g. LSCB Senior Manager.",
    )
    when_text = models.CharField(
        "when",
        max_length=100,
        blank=True,
        help_text='As written, e.g. "Jul-17", "Annually", "November 2016 and ongoing".',
    )
    due_date = models.DateField(null=True, blank=True)
    outcome = models.TextField(
        "what we are trying to achieve", blank=True, help_text="The intended outcome."
    )
    source = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where the action came from, e.g. an Ofsted recommendation.",
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_into",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[owner_subgroups, owner_agencies])

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "ref"],
                name="action_ref_unique_per_plan",
                violation_error_message="This plan already has an action with this "
                "reference.",
            )
        ]

    def __str__(self):
        return f"{self.ref} {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.sort_key = ref_sort_key(self.ref)
        super().save(*args, **kwargs)

    def clean(self):
        if self.theme_id and self.plan_id and self.theme.plan_id != self.plan_id:
            raise ValidationError({"theme": "Choose a theme of this plan."})

    def is_overdue_on(self, day: date, rag: str) -> bool:
        """Past its due date on `day` and not complete, `rag` being its RAG then."""
        return bool(self.due_date and self.due_date < day and rag != Rag.COMPLETE)

    @property
    def is_overdue(self) -> bool:
        """Overdue today; needs the current_rag of with_current_rag()."""
        return self.is_overdue_on(timezone.localdate(), self.current_rag)

    def owners_display(self, subgroups=None, agencies=None) -> str:
        if subgroups is None:
            subgroups = self.owner_subgroups.all()
        if agencies is None:
            agencies = self.owner_agencies.all()
        names = [s.name for s in subgroups] + [a.name for a in agencies]
        if self.owner_role:
            names.append(self.owner_role)
        return ", ".join(names)


def ref_sort_key(ref: str) -> str:
    """Orders "1.2" before "1.10" and "3.2" before "3.2b"."""
    parts = []
    for part in ref.split("."):
        digits = "".join(c for c in part if c.isdigit())
        rest = part[len(digits) :] if part.startswith(digits) else part
        parts.append(f"{int(digits) if digits else 0:05d}{rest}")
    return ".".join(parts)


class ActionUpdate(models.Model):
    """A dated progress update on an action. Append-only: a correction is a new one."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    quarter = models.CharField(
        "reporting quarter", max_length=12, help_text='e.g. "2016-17 Q4".'
    )
    narrative = models.TextField(blank=True)
    rag = models.CharField(
        "RAG",
        max_length=1,
        choices=Rag.choices,
        blank=True,
        help_text='Leave blank for "no update required".',
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="action_updates",
    )
    subgroup = models.ForeignKey(
        Subgroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_updates",
        help_text="The subgroup the update was entered for.",
    )
    subgroup_return = models.ForeignKey(
        SubgroupReturn,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_updates",
        help_text="The subgroup return the update was part of.",
    )
    entered_via = models.CharField(
        max_length=200, blank=True, help_text="The API token it came through, if any."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["action", "-date", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rag__in=[*Rag.values, ""]),
                name="update_rag_valid",
                violation_error_message="RAG must be R, A, G, C or blank.",
            ),
            models.CheckConstraint(
                condition=~models.Q(rag__in=NEEDS_NARRATIVE, narrative=""),
                name="update_red_amber_has_narrative",
                violation_error_message="A red or amber update needs a narrative.",
            ),
        ]

    def __str__(self):
        return f"{self.action.ref} {self.date} {self.rag or '-'}"


class Challenge(models.Model):
    """A board member's challenge to an update; kept with the update it questions."""

    update = models.ForeignKey(
        ActionUpdate, on_delete=models.CASCADE, related_name="challenges"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField()
    raised_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["raised_at", "id"]

    def __str__(self):
        return f"Challenge by {self.raised_by} on {self.raised_at:%d %b %Y}"


class ChallengeResponse(models.Model):
    """The business team's or the owner's answer to a challenge."""

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="responses"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField()
    responded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["responded_at", "id"]

    def __str__(self):
        return f"Response by {self.author} on {self.responded_at:%d %b %Y}"
