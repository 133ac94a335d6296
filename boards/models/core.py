from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in to the portal with their e-mail address."""

    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        default=False, help_text="Can sign in to the Django admin."
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ci",
                violation_error_message="A user with this e-mail address exists.",
            )
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.email.lower()

    def get_full_name(self):
        return str(self)

    def get_short_name(self):
        return str(self)


def current_membership(user, prefix="") -> models.Q:
    """A role the user holds today: memberships that have ended give no access."""
    return models.Q(**{f"{prefix}user": user}) & (
        models.Q(**{f"{prefix}member_to__isnull": True})
        | models.Q(**{f"{prefix}member_to__gte": timezone.localdate()})
    )


class BoardQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(current_membership(user, prefix="memberships__")).distinct()


class Board(models.Model):
    """A safeguarding children board (or partnership) for one area."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        unique=True, help_text="Used in the board's web addresses, e.g. cumbria."
    )
    area = models.CharField(max_length=200, help_text="The local authority area.")
    vision = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = BoardQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Agency(models.Model):
    """A partner organisation represented on the board (police, council, health…)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, blank=True)
    statutory_partner = models.BooleanField(
        default=False,
        help_text="A statutory partner under section 13 of the Children Act 2004.",
    )
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(
                fields=["board", "name"],
                name="agency_name_unique_per_board",
                violation_error_message="This board already has an agency with "
                "this name.",
            )
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    CHAIR = "chair", "Independent chair"
    VICE_CHAIR = "vice_chair", "Vice chair"
    BOARD_MEMBER = "board_member", "Board member"
    LAY_MEMBER = "lay_member", "Lay member"
    OBSERVER = "observer", "Observer"
    BUSINESS_TEAM = "business_team", "Business team"
    SUBGROUP_CHAIR = "subgroup_chair", "Subgroup chair"
    AGENCY_CONTRIBUTOR = "agency_contributor", "Agency contributor"


class Membership(models.Model):
    """A person's role on a board, and the agency they represent there."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    position = models.CharField(
        max_length=200,
        blank=True,
        help_text="Job title, e.g. Assistant Chief Constable.",
    )
    member_from = models.DateField(null=True, blank=True)
    member_to = models.DateField(null=True, blank=True)
    induction_done = models.DateField("induction completed", null=True, blank=True)
    handbook_signed = models.DateField(
        "members' handbook signed", null=True, blank=True
    )
    last_one_to_one = models.DateField(
        "last one-to-one with the chair", null=True, blank=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["board", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "board", "role"],
                name="membership_unique_role",
                violation_error_message="This person already has this role on "
                "this board.",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values),
                name="membership_role_valid",
                violation_error_message="Choose a role from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(member_to__isnull=True)
                | models.Q(member_from__isnull=True)
                | models.Q(member_to__gte=models.F("member_from")),
                name="membership_dates_in_order",
                violation_error_message="“Member to” must be after “member from”.",
            ),
            models.CheckConstraint(
                condition=~models.Q(role=Role.AGENCY_CONTRIBUTOR)
                | models.Q(agency__isnull=False),
                name="membership_contributor_has_agency",
                violation_error_message="An agency contributor must belong to an "
                "agency.",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} ({self.board})"

    @property
    def person(self) -> str:
        """The member's name, then their position: "Sam Example, Head teacher".
        The name is the user's full name, or e-mail without one; a position equal
        to the name is not repeated. Needs the user: select_related("user")."""
        name = str(self.user)
        if self.position and self.position != name:
            return f"{name}, {self.position}"
        return name

    def clean(self):
        if self.agency_id and self.board_id and self.agency.board_id != self.board_id:
            raise ValidationError({"agency": "Choose an agency of this board."})
