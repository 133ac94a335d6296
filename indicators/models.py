from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from boards.models import Agency, Board


class Unit(models.TextChoices):
    PERCENTAGE = "percentage", "Percentage"
    RATE = "rate", "Rate per 10,000 children"
    COUNT = "count", "Count"
    DAYS = "days", "Days"


class Polarity(models.TextChoices):
    HIGH = "high", "High"
    LOW = "low", "Low"
    NEITHER = "neither", "Neither"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUALLY = "annually", "Annually"


class ToleranceKind(models.TextChoices):
    POINTS = "points", "Points"
    PERCENT = "percent", "Percent of the target"


class Rag(models.TextChoices):
    RED = "R", "Red"
    AMBER = "A", "Amber"
    GREEN = "G", "Green"


class IndicatorSettings(models.Model):
    """A board's defaults for indicators: the amber tolerance and the trend
    threshold."""

    board = models.OneToOneField(
        Board, on_delete=models.CASCADE, related_name="indicator_settings"
    )
    tolerance_kind = models.CharField(
        max_length=10, choices=ToleranceKind.choices, default=ToleranceKind.PERCENT
    )
    tolerance = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        default=Decimal("10"),
        help_text="Amber band beyond the target: points, or percent of the target.",
    )
    trend_threshold = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        default=Decimal("2"),
        help_text="A change against last year of this percent or less is no change.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "indicator settings"

    def __str__(self):
        return f"Indicator settings of {self.board}"


class Scorecard(models.Model):
    """A named set of indicators reported together (the LSCB performance report)."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="scorecards"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField()
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "slug"],
                name="scorecard_slug_unique",
                violation_error_message="This board already has a scorecard with "
                "this address.",
            )
        ]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """A performance indicator with a code such as CS1.0."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(max_length=20)
    sort_key = models.CharField(max_length=60, editable=False, db_index=True)
    description = models.CharField(max_length=300)
    unit = models.CharField(max_length=12, choices=Unit.choices)
    polarity = models.CharField(
        "good performance is", max_length=8, choices=Polarity.choices
    )
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    owning_agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    source = models.CharField(max_length=200, blank=True)
    tolerance_kind = models.CharField(
        max_length=10,
        choices=ToleranceKind.choices,
        blank=True,
        help_text="Leave blank to use the board's default tolerance.",
    )
    tolerance = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True
    )
    scorecards = models.ManyToManyField(
        Scorecard, blank=True, related_name="indicators"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[scorecards])

    class Meta:
        ordering = ["board", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "code"],
                name="indicator_code_unique",
                violation_error_message="This board already has an indicator with "
                "this code.",
            ),
            models.CheckConstraint(
                condition=models.Q(unit__in=Unit.values),
                name="indicator_unit_valid",
                violation_error_message="Choose a unit from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(polarity__in=Polarity.values),
                name="indicator_polarity_valid",
                violation_error_message="Choose high, low or neither.",
            ),
            models.CheckConstraint(
                condition=models.Q(tolerance__isnull=True) | models.Q(tolerance__gte=0),
                name="indicator_tolerance_not_negative",
                violation_error_message="The tolerance cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.description}"

    def save(self, *args, **kwargs):
        self.sort_key = code_sort_key(self.code)
        super().save(*args, **kwargs)

    def clean(self):
        if bool(self.tolerance_kind) != (self.tolerance is not None):
            raise ValidationError(
                {
                    "tolerance": "Give both the kind of tolerance and its size, or "
                    "neither to use the board's default."
                }
            )
        if self.owning_agency_id and self.owning_agency.board_id != self.board_id:
            raise ValidationError({"owning_agency": "Choose an agency of this board."})


def code_sort_key(code: str) -> str:
    """Orders CS2.7 before CS2.10 and CS7-0 with CS7.x."""
    key, number = [], ""
    for char in code + " ":
        if char.isdigit():
            number += char
            continue
        if number:
            key.append(f"{int(number):05d}")
            number = ""
        key.append("." if char in ".-" else char)
    return "".join(key).strip()


class Target(models.Model):
    """An indicator's target for a reporting year: a value, a range, or none."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The reporting year it starts, e.g. 2016 for 2016-17."
    )
    value = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    low = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    high = models.DecimalField(max_digits=12, decimal_places=3, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="target_once_per_year",
                violation_error_message="This indicator already has a target for "
                "the year.",
            ),
            models.CheckConstraint(
                condition=models.Q(low__isnull=True)
                | models.Q(high__isnull=True)
                | models.Q(low__lte=models.F("high")),
                name="target_range_in_order",
                violation_error_message="The low end of the range must not be above "
                "the high end.",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True)
                | models.Q(low__isnull=True, high__isnull=True),
                name="target_value_or_range",
                violation_error_message="Give a target value or a range, not both.",
            ),
            models.CheckConstraint(
                condition=models.Q(low__isnull=True, high__isnull=True)
                | models.Q(low__isnull=False, high__isnull=False),
                name="target_range_has_both_ends",
                violation_error_message="Give both ends of the range.",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.display}"

    @property
    def is_set(self) -> bool:
        return self.value is not None or self.low is not None

    @property
    def display(self) -> str:
        from .rag import format_value

        unit = self.indicator.unit
        if self.value is not None:
            return format_value(self.value, unit)
        if self.low is not None:
            return f"{format_value(self.low, unit)}–{format_value(self.high, unit)}"
        return "Not set"


class PeriodKind(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year end"


class Measurement(models.Model):
    """An indicator's value for a period (month, quarter or year end)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements"
    )
    period_kind = models.CharField(max_length=8, choices=PeriodKind.choices)
    period_end = models.DateField(help_text="The last day of the period.")
    value = models.DecimalField(max_digits=14, decimal_places=3)
    numerator = models.DecimalField(
        max_digits=14, decimal_places=3, null=True, blank=True
    )
    denominator = models.DecimalField(
        max_digits=14, decimal_places=3, null=True, blank=True
    )
    source = models.CharField(max_length=200, blank=True)
    recorded_rag = models.CharField(
        "recorded RAG",
        max_length=1,
        choices=Rag.choices,
        blank=True,
        help_text="Only to override the computed RAG; give the reason.",
    )
    rag_reason = models.TextField("reason for the recorded RAG", blank=True)
    recorded_trend = models.CharField(
        max_length=20,
        blank=True,
        help_text="As reported, for history loaded without last year's value.",
    )
    commentary = models.TextField(
        blank=True, help_text="The owning agency's commentary: what is being done."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_end"]
        indexes = [models.Index(fields=["indicator", "period_kind", "period_end"])]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_kind", "period_end"],
                name="measurement_once_per_period",
                violation_error_message="This indicator already has a value for "
                "the period.",
            ),
            models.CheckConstraint(
                condition=models.Q(recorded_rag__in=[*Rag.values, ""]),
                name="measurement_rag_valid",
                violation_error_message="RAG must be R, A, G or blank.",
            ),
            models.CheckConstraint(
                condition=models.Q(recorded_rag="") | ~models.Q(rag_reason=""),
                name="measurement_recorded_rag_has_reason",
                violation_error_message="Give the reason for a recorded RAG.",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.period_end}: {self.value}"


class Comparator(models.Model):
    """Statistical neighbours' and England's values for an indicator and year."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="comparators"
    )
    year = models.PositiveSmallIntegerField()
    statistical_neighbours = models.DecimalField(
        max_digits=14, decimal_places=3, null=True, blank=True
    )
    england = models.DecimalField(
        max_digits=14, decimal_places=3, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="comparator_once_per_year",
                violation_error_message="Comparators for this year are already "
                "recorded.",
            )
        ]

    def __str__(self):
        return f"{self.indicator.code} comparators {self.year}"


class BreakdownTable(models.Model):
    """A table of rows × columns the annual report prints (LADO allegations by
    employer type and category, private fostering by year…)."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="breakdowns"
    )
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120)
    row_label = models.CharField(max_length=100)
    column_label = models.CharField(max_length=100)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Blank when the columns are years."
    )
    rows = models.JSONField(default=list, help_text="Row names in order.")
    columns = models.JSONField(default=list, help_text="Column names in order.")
    # A total is printed only where adding up means something: not across
    # comparator areas (Cumbria + North West + England), outcomes that overlap,
    # or counts at a date across years (children on a plan at 31 March).
    rows_add_up = models.BooleanField(
        "the rows add up",
        default=False,
        help_text="Each row is a separate part of one whole (employers, agencies): "
        "print a Total row.",
    )
    columns_add_up = models.BooleanField(
        "the columns add up",
        default=False,
        help_text="Each column is a separate part of one whole (categories of "
        "abuse): print a Total column.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "slug"],
                name="breakdown_slug_unique",
                violation_error_message="This board already has a table with this "
                "address.",
            )
        ]

    def __str__(self):
        return self.title


class BreakdownCell(models.Model):
    table = models.ForeignKey(
        BreakdownTable, on_delete=models.CASCADE, related_name="cells"
    )
    row = models.CharField(max_length=200)
    column = models.CharField(max_length=200)
    value = models.DecimalField(max_digits=14, decimal_places=3)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["table", "row", "column"],
                name="breakdown_cell_unique",
                violation_error_message="This cell already has a value.",
            )
        ]

    def __str__(self):
        return f"{self.table}: {self.row} × {self.column} = {self.value}"
