from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .core import Board, Membership


class MeetingKind(models.TextChoices):
    BOARD = "board", "Board meeting"
    BUSINESS_GROUP = "business_group", "Business Group"
    DEVELOPMENT_DAY = "development_day", "Development day"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class Meeting(models.Model):
    """A meeting of the board, its Business Group, or a development day."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    kind = models.CharField(
        max_length=20, choices=MeetingKind.choices, default=MeetingKind.BOARD
    )
    location = models.CharField(max_length=200, blank=True)
    minutes_status = models.CharField(
        max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    minutes_approved_at = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_minutes_of",
        help_text="The meeting that approved these minutes.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=MeetingKind.values),
                name="meeting_kind_valid",
                violation_error_message="Choose a kind of meeting from the list.",
            ),
            models.UniqueConstraint(
                fields=["board", "kind", "date"],
                name="meeting_unique_per_day",
                violation_error_message="There is already a meeting of this kind "
                "on this day.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.date:%-d %B %Y}"


class AgendaItem(models.Model):
    """An item on a meeting's agenda, with its paper, minutes and decisions."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True)
    # The paper: a record of another app (a subgroup return, a report…) or a file.
    paper_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True
    )
    paper_id = models.PositiveBigIntegerField(null=True, blank=True)
    paper = GenericForeignKey("paper_type", "paper_id")
    paper_file = models.FileField(upload_to="agenda-papers/", blank=True)
    standing = models.BooleanField(
        "standing item", default=False, help_text="On the agenda of every meeting."
    )
    confidential = models.BooleanField(
        default=False,
        help_text="Only the chair, board members and the business team see it and "
        "its minutes.",
    )
    minutes = models.TextField(blank=True)
    decisions = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="agenda_item_order_unique",
                violation_error_message="Another item already has this number.",
            )
        ]

    def __str__(self):
        return f"{self.order}. {self.title}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    """Whether a member attended a meeting (or sent apologies, with a deputy)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance"
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    deputy = models.CharField(
        max_length=200, blank=True, help_text="Who attended in their place."
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"],
                name="attendance_once_per_meeting",
                violation_error_message="Attendance is already recorded for this "
                "member.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AttendanceStatus.values),
                name="attendance_status_valid",
                violation_error_message="Choose present, apologies or absent.",
            ),
        ]

    def __str__(self):
        return f"{self.membership} – {self.get_status_display()}"


class MeetingActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class MeetingAction(models.Model):
    """An action arising from a meeting; it stays on every later meeting's action
    log until it is closed."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="actions_arising"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions_arising",
    )
    description = models.TextField()
    owner = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_actions",
    )
    owner_text = models.CharField("owner (if not a member)", max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10,
        choices=MeetingActionStatus.choices,
        default=MeetingActionStatus.OPEN,
    )
    update = models.TextField("latest update", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting__date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=MeetingActionStatus.values),
                name="meeting_action_status_valid",
                violation_error_message="Choose open or closed.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="closed", closed_on__isnull=True),
                name="meeting_action_closed_has_date",
                violation_error_message="Give the date the action was closed.",
            ),
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def owner_display(self) -> str:
        if self.owner_id:
            return self.owner.person
        return self.owner_text


class Declaration(models.Model):
    """A declaration of interest: a member's annual declaration, or one made on
    a meeting's agenda item."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="declarations"
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="For an annual declaration: the reporting year it starts, e.g. 2016.",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="declarations",
    )
    interest = models.TextField(help_text='Write "None" for a nil declaration.')
    declared_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-declared_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__isnull=False, agenda_item__isnull=True)
                | models.Q(year__isnull=True, agenda_item__isnull=False),
                name="declaration_annual_or_item",
                violation_error_message="A declaration is either annual or for an "
                "agenda item.",
            )
        ]

    def __str__(self):
        return f"Declaration by {self.membership}: {self.interest[:40]}"

    def clean(self):
        if (
            self.agenda_item_id
            and self.membership_id
            and self.agenda_item.meeting.board_id != self.membership.board_id
        ):
            raise ValidationError({"agenda_item": "Choose an item of this board."})
