import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import Agency, Board, Meeting, Membership


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
    purpose = models.TextField(blank=True)
    chair = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_subgroups",
    )
    vice_chair = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vice_chaired_subgroups",
    )
    members = models.ManyToManyField(
        Membership, blank=True, related_name="subgroups", verbose_name="member people"
    )
    member_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="subgroups"
    )
    meeting_frequency = models.CharField(
        max_length=100, blank=True, help_text="e.g. Bi-monthly."
    )
    active_from = models.DateField(null=True, blank=True)
    active_to = models.DateField(null=True, blank=True)
    terms_review_date = models.DateField(
        "terms of reference review date", null=True, blank=True
    )
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[members, member_agencies])

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
                condition=models.Q(kind__in=SubgroupKind.values),
                name="subgroup_kind_valid",
                violation_error_message="Choose a kind of group from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(active_to__isnull=True)
                | models.Q(active_from__isnull=True)
                | models.Q(active_to__gte=models.F("active_from")),
                name="subgroup_active_dates_in_order",
                violation_error_message="“Active to” must be after “active from”.",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        for field in ("chair", "vice_chair"):
            membership = getattr(self, field)
            if membership is not None and membership.board_id != self.board_id:
                raise ValidationError(
                    {field: "Choose a member of this board as the chair."}
                )
        if self.parent_id and self.parent.board_id != self.board_id:
            raise ValidationError({"parent": "Choose a group of this board."})

    def chaired_by(self, user) -> bool:
        return any(
            m is not None and m.user_id == user.pk
            for m in (self.chair, self.vice_chair)
        )


class Responsibility(models.Model):
    """A numbered responsibility in a subgroup's terms of reference."""

    subgroup = models.ForeignKey(
        Subgroup, on_delete=models.CASCADE, related_name="responsibilities"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["subgroup", "number"]
        verbose_name_plural = "responsibilities"
        constraints = [
            models.UniqueConstraint(
                fields=["subgroup", "number"],
                name="responsibility_number_unique",
                violation_error_message="This number is already used.",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.text[:60]}"


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    NOTED = "noted", "Noted at a meeting"


# A quarter's meetings of one group: more than this is a typing error.
MAX_MEETINGS_HELD = 99


class SubgroupReturn(models.Model):
    """A subgroup's periodic report to the board: highlights, exceptions, risks,
    and a RAG update on each business-plan action it owns."""

    subgroup = models.ForeignKey(
        Subgroup, on_delete=models.CASCADE, related_name="returns"
    )
    period = models.CharField(
        "reporting period", max_length=12, help_text='A quarter, e.g. "2016-17 Q4".'
    )
    status = models.CharField(
        max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT
    )
    highlights = models.TextField(blank=True)
    exceptions = models.TextField("exceptions for the board's attention", blank=True)
    risks = models.TextField("risks raised", blank=True)
    meetings_held = models.PositiveSmallIntegerField(
        "meetings held in the quarter",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_MEETINGS_HELD)],
        help_text="How many times the subgroup met in the return's quarter: "
        "blank if not recorded.",
    )
    # Draft RAG entries by action id: {"12": {"rag": "G", "narrative": "…"}}; they
    # become the actions' updates when the return is submitted.
    action_entries = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    noted_at = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="noted_returns",
        verbose_name="noted at meeting",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(excluded_fields=["action_entries"])

    class Meta:
        ordering = ["-period", "subgroup__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["subgroup", "period"],
                name="return_unique_per_period",
                violation_error_message="This subgroup already has a return for "
                "this period.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ReturnStatus.values),
                name="return_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(meetings_held__isnull=True)
                | models.Q(meetings_held__lte=MAX_MEETINGS_HELD),
                name="return_meetings_held_range",
                violation_error_message="Meetings held in the quarter must be "
                f"between 0 and {MAX_MEETINGS_HELD}.",
            ),
        ]

    def __str__(self):
        return f"{self.subgroup} return, {self.period}"

    @property
    def is_draft(self) -> bool:
        return self.status == ReturnStatus.DRAFT


def attachment_path(instance, filename):
    return f"returns/{instance.subgroup_return_id}/{secrets.token_hex(8)}-{filename}"


class ReturnAttachment(models.Model):
    """A file attached to a subgroup return (checked for size and type on upload)."""

    subgroup_return = models.ForeignKey(
        SubgroupReturn, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.name


class Frequency(models.TextChoices):
    EVERY_MEETING = "every_meeting", "Every meeting"
    BI_MONTHLY = "bi_monthly", "Bi-monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUALLY = "annually", "Annually"
    ROLLING = "rolling", "Rolling programme"


class Destination(models.TextChoices):
    BOARD = "board", "The board"
    BUSINESS_GROUP = "business_group", "Business Group"
    PMQAG = "pmqag", "PMQAG"
    OTHER_BOARD = "other_board", "Another board"


class ReportKind(models.TextChoices):
    """What a planner report is, which decides its part of the meeting pack."""

    BUSINESS_PLAN = "business_plan", "Business plan exceptions and highlights"
    INDICATORS = "indicators", "Indicator scorecard"
    RISK_LOG = "risk_log", "Risk log"
    SUBGROUP_RETURN = "subgroup_return", "Subgroup return"
    REVIEW_ACTION_PLANS = "review_action_plans", "Review action plans"
    SECTION_11 = "section_11", "Section 11"
    MULTI_AGENCY_AUDITS = "multi_agency_audits", "Multi-agency audits"
    CHILD_DEATHS = "child_deaths", "Child death review"
    TRAINING = "training", "Training"
    OTHER = "other", "Other report"


MONTHS = [
    (n, name)
    for n, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
]


class ReportingPlanItem(models.Model):
    """A row of the Reporting Planner: a report, who produces it, what it tells
    the board, how often it is due and where it goes."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="reporting_plan"
    )
    what = models.CharField("report", max_length=200)
    kind = models.CharField(
        "kind of report",
        max_length=30,
        choices=ReportKind.choices,
        default=ReportKind.OTHER,
        help_text="Decides what the meeting pack prints for it.",
    )
    subgroup = models.ForeignKey(
        Subgroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name="producing subgroup",
    )
    producer = models.CharField(
        "producer (if not a subgroup)", max_length=200, blank=True
    )
    tells = models.TextField("what it tells the board", blank=True)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    month = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=MONTHS,
        help_text="For annual reports; blank means the first meeting of the year.",
    )
    destination = models.CharField(
        max_length=20, choices=Destination.choices, default=Destination.BOARD
    )
    destination_other = models.CharField("other board", max_length=200, blank=True)
    deadline_working_days = models.PositiveSmallIntegerField(
        "paper deadline (working days before the meeting)", default=5
    )
    as_written = models.CharField(
        "when (as written in the planner)", max_length=200, blank=True
    )
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["what"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(frequency__in=Frequency.values),
                name="plan_item_frequency_valid",
                violation_error_message="Choose a frequency from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ReportKind.values),
                name="plan_item_kind_valid",
                violation_error_message="Choose a kind of report from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(destination__in=Destination.values),
                name="plan_item_destination_valid",
                violation_error_message="Choose a destination from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(month__isnull=True)
                | models.Q(month__gte=1, month__lte=12),
                name="plan_item_month_valid",
                violation_error_message="Choose a month from the list.",
            ),
        ]

    def __str__(self):
        return self.what

    def clean(self):
        if self.subgroup_id and self.subgroup.board_id != self.board_id:
            raise ValidationError({"subgroup": "Choose a subgroup of this board."})
        if self.destination == Destination.OTHER_BOARD and not self.destination_other:
            raise ValidationError({"destination_other": "Name the other board."})

    @property
    def produced_by(self) -> str:
        return self.subgroup.name if self.subgroup_id else self.producer


class MeetingPaper(models.Model):
    """A report due under the planner, received for a meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="papers"
    )
    plan_item = models.ForeignKey(
        ReportingPlanItem, on_delete=models.CASCADE, related_name="papers"
    )
    subgroup_return = models.ForeignKey(
        SubgroupReturn,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="papers",
    )
    note = models.CharField(max_length=200, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "plan_item"],
                name="paper_unique_per_meeting",
                violation_error_message="This report is already received for the "
                "meeting.",
            )
        ]

    def __str__(self):
        return f"{self.plan_item} for {self.meeting}"


class ReminderKind(models.TextChoices):
    DUE = "due", "Due soon"
    LATE = "late", "Late"


class ReturnReminder(models.Model):
    """A reminder e-mailed to a subgroup chair: one per report, meeting and kind.
    The row is the attempt: `sent_at` is set only once the mail server took it."""

    plan_item = models.ForeignKey(
        ReportingPlanItem, on_delete=models.CASCADE, related_name="reminders"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_to = models.EmailField()
    attempted_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan_item", "meeting", "kind"],
                name="reminder_sent_once",
                violation_error_message="This reminder has been sent already.",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder: {self.plan_item} ({self.meeting})"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A user's secret address for a board's calendar of meetings and deadlines."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "board"],
                name="calendar_feed_unique",
                violation_error_message="This person already has a feed here.",
            )
        ]

    def __str__(self):
        return f"Calendar feed of {self.user} for {self.board}"
