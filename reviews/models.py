"""Case reviews (SCR, LCSPR, rapid, practice, IMR, learning reviews) and child
death reviews: the board's most sensitive records. Who may see them is decided in
permissions.py; every view of a restricted record goes to the shared view log."""

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import Agency, Board
from business_plan.models import Action
from indicators.models import Indicator
from lscb_portal.periods import EARLIEST_YEAR, LATEST_YEAR
from lscb_portal.rag import Rag
from subgroups.models import Subgroup

# "Child N", "Child AD", "Child MW2": a reference, never a name.
CHILD_REFERENCE = re.compile(r"^Child [A-Z]{1,4}[0-9]{0,3}$")
CHILD_REFERENCE_MESSAGE = (
    'Enter the anonymised reference as "Child" and up to four capital letters, '
    'like "Child N" or "Child AD" – never the child\'s name.'
)


def validate_child_reference(value: str) -> None:
    if not CHILD_REFERENCE.match(value):
        raise ValidationError(CHILD_REFERENCE_MESSAGE)


class ReviewSettings(models.Model):
    """Which of a board's subgroups are its Case Review Group and its Child Death
    Overview Panel: their members may see the restricted records."""

    board = models.OneToOneField(
        Board, on_delete=models.CASCADE, related_name="review_settings"
    )
    case_review_group = models.ForeignKey(
        Subgroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Case Review Group",
    )
    child_death_panel = models.ForeignKey(
        Subgroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Child Death Overview Panel",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "review settings"

    def __str__(self):
        return f"Review settings of {self.board}"


class LearningTheme(models.Model):
    """A learning theme tagged on lessons: neglect, domestic abuse, CSE…"""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="learning_themes"
    )
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    description = models.TextField(blank=True, max_length=2000)
    actions = models.ManyToManyField(
        Action,
        blank=True,
        related_name="learning_themes",
        verbose_name="business-plan actions",
        help_text="The business-plan actions on this theme.",
    )
    indicators = models.ManyToManyField(
        Indicator,
        blank=True,
        related_name="learning_themes",
        help_text="The performance indicators that show this theme.",
    )
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[actions, indicators])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "slug"],
                name="learning_theme_slug_unique",
                violation_error_message="This board already has a theme with this "
                "name.",
            )
        ]

    def __str__(self):
        return self.name


class ReviewType(models.TextChoices):
    SCR = "scr", "Serious case review"
    LCSPR = "lcspr", "Local child safeguarding practice review"
    RAPID = "rapid", "Rapid review"
    PRACTICE = "practice", "Practice review"
    IMR = "imr", "Internal management review"
    LEARNING = "learning", "Learning review"


class Stage(models.TextChoices):
    REFERRED = "referred", "Referred to the Case Review Group"
    DECIDED = "decided", "Decision made"
    COMMISSIONED = "commissioned", "Commissioned"
    IN_PROGRESS = "in_progress", "In progress"
    DRAFT_RECEIVED = "draft_received", "Draft received"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


# The lifecycle: the stages each stage may move to. A draft may go back for more
# work; a decision that the criteria are not met may close the review.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.REFERRED: (Stage.DECIDED,),
    Stage.DECIDED: (Stage.COMMISSIONED, Stage.CLOSED),
    Stage.COMMISSIONED: (Stage.IN_PROGRESS,),
    Stage.IN_PROGRESS: (Stage.DRAFT_RECEIVED,),
    Stage.DRAFT_RECEIVED: (Stage.PUBLISHED, Stage.IN_PROGRESS),
    Stage.PUBLISHED: (Stage.CLOSED,),
    Stage.CLOSED: (),
}


class RapidReviewDecision(models.TextChoices):
    LCSPR = "lcspr", "Commission a local child safeguarding practice review"
    NO_LCSPR = "no_lcspr", "No local child safeguarding practice review"
    NATIONAL = "national", "Refer to the national panel for a national review"


class CaseReviewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_on__isnull=False)


class CaseReview(models.Model):
    """A review of a serious case, known by the child's anonymised reference."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="case_reviews"
    )
    child_reference = models.CharField(
        max_length=20,
        validators=[validate_child_reference],
        help_text='The anonymised reference, like "Child N". Never a name.',
    )
    review_type = models.CharField(
        "type", max_length=12, choices=ReviewType.choices, default=ReviewType.SCR
    )
    legacy = models.BooleanField(
        default=False, help_text="Begun under arrangements that have since ended."
    )
    stage = models.CharField(
        max_length=20, choices=Stage.choices, default=Stage.REFERRED, editable=False
    )
    referred_on = models.DateField("referred to the Case Review Group")
    # The decision whether the criteria are met.
    criteria_met = models.BooleanField(null=True, blank=True, editable=False)
    decided_on = models.DateField(null=True, blank=True, editable=False)
    decided_by = models.CharField(max_length=200, blank=True, editable=False)
    decision_reason = models.TextField(blank=True, max_length=4000, editable=False)
    reviewer = models.CharField(
        "independent reviewer", max_length=200, blank=True, editable=False
    )
    commissioned_on = models.DateField(null=True, blank=True, editable=False)
    draft_received_on = models.DateField(null=True, blank=True, editable=False)
    published_on = models.DateField(null=True, blank=True, editable=False)
    publication_url = models.URLField(
        "link to the published report", blank=True, max_length=500, editable=False
    )
    closed_on = models.DateField(null=True, blank=True, editable=False)
    # Since Working Together 2018: the serious incident notification and the
    # rapid review. Due dates are derived (services.working_days_after).
    incident_known_on = models.DateField(
        "date the local authority became aware", null=True, blank=True
    )
    panel_notified_on = models.DateField(
        "date the national panel was notified", null=True, blank=True
    )
    rapid_review_sent_on = models.DateField(
        "date the rapid review went to the panel", null=True, blank=True
    )
    rapid_review_decision = models.CharField(
        max_length=10, choices=RapidReviewDecision.choices, blank=True
    )
    panel_response = models.TextField(
        "the national panel's response", blank=True, max_length=4000
    )
    panel_responded_on = models.DateField(null=True, blank=True)
    # Content.
    period_examined = models.CharField(
        max_length=200, blank=True, help_text='e.g. "March 2011 to December 2012".'
    )
    scope = models.TextField("what the review looked at", blank=True, max_length=4000)
    story = models.TextField("the child's story", blank=True, max_length=10000)
    recommendations = models.TextField(blank=True, max_length=10000)
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = CaseReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_on", "child_reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "child_reference"],
                name="case_review_child_unique",
                violation_error_message="This board already has a review of this "
                "child reference.",
            ),
            models.CheckConstraint(
                condition=models.Q(review_type__in=ReviewType.values),
                name="case_review_type_valid",
                violation_error_message="Choose a type of review from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(stage__in=Stage.values),
                name="case_review_stage_valid",
                violation_error_message="Choose a stage from the list.",
            ),
            models.CheckConstraint(
                condition=~models.Q(stage=Stage.PUBLISHED, published_on__isnull=True),
                name="case_review_published_has_date",
                violation_error_message="A published review needs its publication "
                "date.",
            ),
        ]

    def __str__(self):
        return f"{self.child_reference} ({self.get_review_type_display()})"

    def clean(self):
        errors = {}
        if (
            self.incident_known_on
            and self.panel_notified_on
            and self.panel_notified_on < self.incident_known_on
        ):
            errors["panel_notified_on"] = (
                "The panel cannot be notified before the local authority became "
                "aware of the incident."
            )
        if (
            self.panel_notified_on
            and self.rapid_review_sent_on
            and self.rapid_review_sent_on < self.panel_notified_on
        ):
            errors["rapid_review_sent_on"] = (
                "The rapid review cannot go to the panel before the notification."
            )
        if self.panel_notified_on and not self.incident_known_on:
            errors["incident_known_on"] = (
                "Enter the date the local authority became aware of the incident."
            )
        if self.rapid_review_decision and not self.panel_notified_on:
            errors["rapid_review_decision"] = (
                "Record the notification to the national panel before the rapid "
                "review's decision."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.published_on is not None

    @property
    def next_stages(self) -> tuple[str, ...]:
        return TRANSITIONS[self.stage]


class ReviewEvent(models.Model):
    """A dated, attributed step of a review's life: a stage reached, or the type
    changed with a reason. Append-only."""

    class Kind(models.TextChoices):
        STAGE = "stage", "Stage"
        RECATEGORISED = "recategorised", "Re-categorised"
        NOTIFICATION = "notification", "Serious incident notification"
        RAPID_REVIEW = "rapid_review", "Rapid review"

    review = models.ForeignKey(
        CaseReview, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    date = models.DateField(help_text="When it happened.")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    from_type = models.CharField(max_length=12, choices=ReviewType.choices, blank=True)
    to_type = models.CharField(max_length=12, choices=ReviewType.choices, blank=True)
    note = models.TextField(blank=True, max_length=4000, help_text="Why, or what.")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="review_events",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.review.child_reference} {self.date} {self.get_kind_display()}"


class Lesson(models.Model):
    """A numbered lesson a review teaches, tagged with learning themes."""

    review = models.ForeignKey(
        CaseReview, on_delete=models.CASCADE, related_name="lessons"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(
        max_length=200,
        blank=True,
        help_text='A heading, as combined learning is printed: "Share information".',
    )
    text = models.TextField(max_length=4000)
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="lessons")
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"],
                name="lesson_number_unique",
                violation_error_message="This review already has a lesson with this "
                "number.",
            )
        ]

    def __str__(self):
        return f"{self.review.child_reference} lesson {self.number}"


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class ActionItemQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ItemStatus.COMPLETE)

    def overdue_on(self, day: date):
        return self.open().filter(due_date__lt=day)


class ActionItem(models.Model):
    """A SMART item of a review's action plan, owned by an agency."""

    review = models.ForeignKey(
        CaseReview, on_delete=models.CASCADE, related_name="action_items"
    )
    number = models.PositiveSmallIntegerField()
    action = models.TextField(max_length=4000)
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="review_action_items"
    )
    due_date = models.DateField()
    measure_of_success = models.TextField(max_length=4000)
    status = models.CharField(
        max_length=12,
        choices=ItemStatus.choices,
        default=ItemStatus.NOT_STARTED,
        editable=False,
    )
    evidence = models.TextField(
        "evidence of completion", blank=True, max_length=4000, editable=False
    )
    current_rag = models.CharField(
        "RAG", max_length=1, choices=Rag.choices, blank=True, editable=False
    )
    lessons = models.ManyToManyField(Lesson, blank=True, related_name="action_items")
    business_plan_action = models.ForeignKey(
        Action,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_action_items",
        help_text="The business plan action that carries it out.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[lessons])

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"],
                name="action_item_number_unique",
                violation_error_message="This action plan already has an item with "
                "this number.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ItemStatus.values),
                name="action_item_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(current_rag__in=[*Rag.values, ""]),
                name="action_item_rag_valid",
                violation_error_message="RAG must be R, A, G, C or blank.",
            ),
        ]

    def __str__(self):
        return f"{self.review.child_reference} action {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status != ItemStatus.COMPLETE

    def is_overdue_on(self, day: date) -> bool:
        return self.is_open and self.due_date < day

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


class ActionItemUpdate(models.Model):
    """A dated progress update on an action item: status, RAG, evidence and a
    narrative, as business-plan actions are updated. Append-only."""

    item = models.ForeignKey(
        ActionItem, on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField()
    status = models.CharField(max_length=12, choices=ItemStatus.choices)
    rag = models.CharField("RAG", max_length=1, choices=Rag.choices, blank=True)
    narrative = models.TextField(blank=True, max_length=4000)
    evidence = models.TextField(blank=True, max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="review_item_updates",
    )
    entered_via = models.CharField(
        max_length=200, blank=True, help_text="The API token it came through, if any."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"{self.item} {self.date} {self.rag or '-'}"


class DisseminationKind(models.TextChoices):
    TRAINING = "training", "Training materials reviewed"
    PROCEDURES = "procedures", "Policies and procedures reviewed"
    WEBSITE = "website", "Website updated"
    NEWSLETTER = "newsletter", "Newsletter published"
    WORKSHOPS = "workshops", "Practitioner-forum workshops or conference"
    ASSURANCE = "assurance", "Assurance sought from agencies"


class DisseminationStep(models.Model):
    """A step taken to spread a review's learning, with the date it was done."""

    review = models.ForeignKey(
        CaseReview, on_delete=models.CASCADE, related_name="dissemination"
    )
    kind = models.CharField(max_length=12, choices=DisseminationKind.choices)
    done_on = models.DateField()
    note = models.CharField(max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "done_on", "id"]

    def __str__(self):
        return f"{self.review.child_reference} {self.get_kind_display()}"


class AssuranceResponse(models.Model):
    """An agency's answer to the board's request for assurance that a review's
    lessons are being used."""

    review = models.ForeignKey(
        CaseReview, on_delete=models.CASCADE, related_name="assurance_responses"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="review_assurances"
    )
    requested_on = models.DateField()
    received_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True, max_length=4000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "agency"],
                name="assurance_once_per_agency",
                violation_error_message="Assurance has already been requested from "
                "this agency for this review.",
            )
        ]

    def __str__(self):
        return f"{self.review.child_reference} {self.agency}"

    def clean(self):
        if (
            self.received_on
            and self.requested_on
            and self.received_on < (self.requested_on)
        ):
            raise ValidationError(
                {"received_on": "An answer cannot arrive before it was requested."}
            )


# Child deaths ---------------------------------------------------------------------


class Sex(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"


class AgeBand(models.TextChoices):
    NEONATAL = "0-27d", "0 - 27 days"
    INFANT = "28-364d", "28 - 364 days"
    ONE_TO_FOUR = "1-4", "1 year - 4 years"
    FIVE_TO_NINE = "5-9", "5 - 9 years"
    TEN_TO_FOURTEEN = "10-14", "10 - 14 years"
    FIFTEEN_TO_SEVENTEEN = "15-17", "15 - 17 years"


class DeathCategory(models.TextChoices):
    """The ten hierarchical categories of the child death data collection."""

    DELIBERATE = "1", "1 - Deliberately inflicted injury, abuse or neglect"
    SUICIDE = "2", "2 - Suicide or deliberate self-inflicted harm"
    TRAUMA = "3", "3 - Trauma and other external factors"
    MALIGNANCY = "4", "4 - Malignancy"
    ACUTE = "5", "5 - Acute medical or surgical condition"
    CHRONIC = "6", "6 - Chronic medical condition"
    CHROMOSOMAL = "7", "7 - Chromosomal, genetic and congenital anomalies"
    PERINATAL = "8", "8 - Perinatal/neonatal event"
    INFECTION = "9", "9 - Infection"
    SUDDEN = "10", "10 - Sudden unexpected, unexplained death"
    UNKNOWN = "unknown", "Category unknown/not reported"


class SignOffBand(models.TextChoices):
    UNDER_6 = "under_6", "Under 6 months"
    SIX_SEVEN = "6-7", "6 - 7 months"
    EIGHT_NINE = "8-9", "8 - 9 months"
    TEN_ELEVEN = "10-11", "10 - 11 months"
    TWELVE = "12", "12 months"
    OVER_12 = "over_12", "More than 12 months"


def sign_off_band(months: int) -> str:
    if months < 6:
        return SignOffBand.UNDER_6
    if months <= 7:
        return SignOffBand.SIX_SEVEN
    if months <= 9:
        return SignOffBand.EIGHT_NINE
    if months <= 11:
        return SignOffBand.TEN_ELEVEN
    if months == 12:
        return SignOffBand.TWELVE
    return SignOffBand.OVER_12


class Ethnicity(models.TextChoices):
    WHITE_BRITISH = "white_british", "White British"
    WHITE_OTHER = "white_other", "White other"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black or Black British"
    OTHER = "other", "Other ethnic group"
    NOT_KNOWN = "not_known", "Not known"


class ModifiableFactor(models.Model):
    """A factor CDOP found may have contributed to a death (parental smoking…)."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="modifiable_factors"
    )
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "name"],
                name="modifiable_factor_unique",
                violation_error_message="This board already has this factor.",
            )
        ]

    def __str__(self):
        return self.name


def reporting_year(day: date) -> int:
    """The first calendar year of the April-to-March year `day` falls in."""
    return day.year if day.month >= 4 else day.year - 1


class ChildDeathReview(models.Model):
    """A child death reviewed by the Child Death Overview Panel. Anonymised by
    design: there is no field for a name, a date of birth or an address."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="child_death_reviews"
    )
    reference = models.CharField(
        max_length=20, help_text="The panel's case number, e.g. CDOP-2015-07."
    )
    sex = models.CharField(max_length=6, choices=Sex.choices)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices)
    category = models.CharField(
        "category of death", max_length=8, choices=DeathCategory.choices
    )
    modifiable = models.BooleanField(
        "modifiable factors identified", null=True, blank=True
    )
    modifiable_factors = models.ManyToManyField(
        ModifiableFactor, blank=True, related_name="child_deaths"
    )
    month_of_death = models.DateField(help_text="The first day of the month.")
    signed_off_on = models.DateField("date signed off", null=True, blank=True)
    year_of_review = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="The reporting year it was signed off in (2015 for 2015/16).",
    )
    ethnicity = models.CharField(
        "ethnicity group", max_length=16, choices=Ethnicity.choices
    )
    notes = models.TextField(
        "panel's notes",
        blank=True,
        max_length=4000,
        help_text="Learning and circumstances, anonymised: no names or dates of birth.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(m2m_fields=[modifiable_factors])

    class Meta:
        ordering = ["-month_of_death", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "reference"],
                name="child_death_reference_unique",
                violation_error_message="This board already has a child death "
                "review with this reference.",
            ),
            models.CheckConstraint(
                condition=models.Q(sex__in=Sex.values),
                name="child_death_sex_valid",
                violation_error_message="Choose male or female.",
            ),
            models.CheckConstraint(
                condition=models.Q(age_band__in=AgeBand.values),
                name="child_death_age_band_valid",
                violation_error_message="Choose an age band from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(category__in=DeathCategory.values),
                name="child_death_category_valid",
                violation_error_message="Choose a category of death from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(month_of_death__day=1),
                name="child_death_month_is_first_day",
                violation_error_message="The month of death is stored as its first "
                "day.",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        self.year_of_review = (
            reporting_year(self.signed_off_on) if self.signed_off_on else None
        )
        super().save(*args, **kwargs)

    def clean(self):
        if (
            self.signed_off_on
            and self.month_of_death
            and self.signed_off_on < (self.month_of_death)
        ):
            raise ValidationError(
                {
                    "signed_off_on": "A review cannot be signed off before the month "
                    "of death."
                }
            )
        if self.month_of_death and not (
            EARLIEST_YEAR <= self.month_of_death.year <= LATEST_YEAR
        ):
            raise ValidationError({"month_of_death": "Enter a real month of death."})

    @property
    def months_to_sign_off(self) -> int | None:
        if not self.signed_off_on:
            return None
        death, signed = self.month_of_death, self.signed_off_on
        return (signed.year - death.year) * 12 + signed.month - death.month

    @property
    def sign_off_band(self) -> str:
        months = self.months_to_sign_off
        return "" if months is None else sign_off_band(months)


class ComparisonTable(models.TextChoices):
    """The CDOP annual report's tables that England's figures sit beside."""

    SEX = "sex", "Table 1. Gender"
    AGE = "age", "Table 2. Age at death"
    CATEGORY = "category", "Table 3. Category of death"
    SIGN_OFF = "sign_off", "Table 4. Time taken to sign off"
    MODIFIABLE = "modifiable", "Modifiable deaths"


class NationalComparison(models.Model):
    """England's percentage for one row of a CDOP table and year, entered by the
    business team from the Department for Education's statistical release."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="national_comparisons"
    )
    year = models.PositiveSmallIntegerField(help_text="2015 for 2015/16.")
    table = models.CharField(max_length=12, choices=ComparisonTable.choices)
    row = models.CharField(
        max_length=16,
        help_text="The row's value: a sex, age band, category, sign-off band, or "
        '"modifiable".',
    )
    percentage = models.DecimalField(max_digits=5, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "table", "row"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year", "table", "row"],
                name="national_comparison_unique",
                violation_error_message="England's figure for this row and year is "
                "already recorded.",
            ),
            models.CheckConstraint(
                condition=models.Q(percentage__gte=0, percentage__lte=100),
                name="national_comparison_percentage_range",
                violation_error_message="A percentage is between 0 and 100.",
            ),
        ]

    def __str__(self):
        return f"England {self.year} {self.table} {self.row}: {self.percentage}%"


class CdopRecommendation(models.Model):
    """A recommendation of a CDOP annual report, and the progress made on it."""

    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="cdop_recommendations"
    )
    year = models.PositiveSmallIntegerField(
        help_text="The report year that made it: 2014 for the 2014/15 report."
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField(max_length=4000)
    progress = models.TextField(blank=True, max_length=4000)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year", "number"],
                name="cdop_recommendation_unique",
                violation_error_message="This report already has a recommendation "
                "with this number.",
            )
        ]

    def __str__(self):
        return f"CDOP {self.year} recommendation {self.number}"


# Reminders ------------------------------------------------------------------------


class DeadlineKind(models.TextChoices):
    NOTIFICATION = "notification", "Notification to the national panel"
    RAPID_REVIEW = "rapid_review", "Rapid review to the national panel"


class ReviewReminder(models.Model):
    """A reminder e-mailed to a member of the business team that a review's
    notification or rapid review is due or late: one per review, deadline, due
    date and person. The row is the attempt: `sent_at` is set only once the mail
    server took it."""

    review = models.ForeignKey(
        CaseReview, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=12, choices=DeadlineKind.choices)
    due_date = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_to = models.EmailField()
    late = models.BooleanField(default=False, help_text="Sent after the due date.")
    attempted_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["review", "kind", "due_date", "recipient"],
                name="review_reminder_sent_once",
                violation_error_message="This reminder has been sent already.",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder: {self.review.child_reference}"
