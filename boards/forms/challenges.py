"""Forms of the challenge log: raise, change, and record the response and outcome."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from lscb_portal.forms import DateInput, GovukFormMixin

from ..models import Agency, ChallengeStatus, Membership
from ..services.challenges import CLOSE_NEEDS_OUTCOME, CLOSED_BEFORE_RAISED
from .core import STALE_PAGE

NOT_LINKABLE = "The record that prompted the challenge cannot be linked to it"


def initial_with(given: dict | None, record: dict) -> dict:
    """A form's starting values: the record's, unless the view gives others."""
    return {**record, **(given or {})}


class MembershipChoiceField(forms.ModelChoiceField):
    """A board member as "Name (role, agency)"; the queryset must select_related
    user and agency."""

    def label_from_instance(self, obj):
        parts = [obj.get_role_display()]
        if obj.position and obj.position != str(obj.user):
            parts.insert(0, obj.position)
        if obj.agency_id:
            parts.append(obj.agency.name)
        return f"{obj.user} ({', '.join(parts)})"


def board_members(board):
    return (
        Membership.objects.filter(board=board)
        .select_related("user", "agency")
        .order_by("user__full_name", "user__email", "role")
    )


def own_memberships(board, user):
    return board_members(board).filter(user=user)


def default_membership(memberships):
    """The membership a challenge is raised in by default: a seat at the board
    table before a business-team or other role."""
    preferred = ["chair", "vice_chair", "board_member", "lay_member"]
    ranked = sorted(
        memberships,
        key=lambda m: preferred.index(m.role) if m.role in preferred else 99,
    )
    return ranked[0] if ranked else None


class ChallengeDetailsMixin(forms.Form):
    date = forms.DateField(
        label="Date raised",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the challenge was raised",
            "invalid": "Enter the date the challenge was raised as a real date",
        },
    )
    raised_by = MembershipChoiceField(
        label="Raised by",
        queryset=Membership.objects.none(),
        empty_label="Choose a member",
        help_text="Their agency is recorded with the challenge.",
        error_messages={
            "required": "Choose the member who raised the challenge",
            "invalid_choice": "Choose the member who raised the challenge",
        },
    )
    agency_challenged = forms.ModelChoiceField(
        label="Agency challenged",
        queryset=Agency.objects.none(),
        empty_label="Choose an agency",
        error_messages={
            "required": "Choose the agency that was challenged",
            "invalid_choice": "Choose the agency that was challenged",
        },
    )
    subject = forms.CharField(
        label="What the challenge is about",
        max_length=300,
        error_messages={
            "required": "Enter what the challenge is about",
            "max_length": "What the challenge is about must be 300 characters or fewer",
        },
    )
    details = forms.CharField(
        label="Details",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The question put to the agency and the evidence behind it.",
    )

    def setup_choices(self, board, members):
        self.fields["raised_by"].queryset = members
        self.fields["agency_challenged"].queryset = Agency.objects.filter(
            board=board
        ).order_by("name")

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date raised must be today or in the past")
        return value


class ChallengeRaiseForm(GovukFormMixin, ChallengeDetailsMixin):
    """Raise a challenge. Members may raise one in their own name only; the
    business team and chair log challenges made by any member."""

    prompted_by = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, board, user, any_member: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.board, self.user = board, user
        members = board_members(board) if any_member else own_memberships(board, user)
        self.setup_choices(board, members)
        self.fields["date"].initial = timezone.localdate()
        default = default_membership(
            [m for m in members if m.user_id == user.pk]
            if any_member
            else list(members)
        )
        if default is not None:
            self.fields["raised_by"].initial = default.pk
        self.prompting_record = None

    def clean_prompted_by(self):
        """ "app_label.model:pk" of a record of this board the user can see."""
        value = (self.cleaned_data.get("prompted_by") or "").strip()
        if not value:
            return ""
        try:
            natural_key, pk = value.split(":", 1)
            app_label, model = natural_key.split(".", 1)
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
            pk = int(pk)
        except (ValueError, ContentType.DoesNotExist):
            raise forms.ValidationError(NOT_LINKABLE) from None
        model_class = content_type.model_class()
        # A record the board keeps (one with a history), not a token, a log row or
        # a history row.
        if model_class is None or not hasattr(model_class, "history"):
            raise forms.ValidationError(NOT_LINKABLE)
        # The board is the unit of access: a record of this board (which the view
        # has checked the user sees) may be linked, nothing else.
        record = model_class._default_manager.filter(pk=pk).first()
        if record is None or _board_id_of(record) != self.board.pk:
            raise forms.ValidationError(NOT_LINKABLE)
        self.prompting_record = record
        return value


def _board_id_of(record):
    board_id = getattr(record, "board_id", None)
    if board_id is None:
        board_id = getattr(getattr(record, "board", None), "pk", None)
    return board_id


class ChallengeEditForm(GovukFormMixin, ChallengeDetailsMixin):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )

    def __init__(self, *args, board, challenge, **kwargs):
        kwargs["initial"] = initial_with(
            kwargs.get("initial"),
            {
                "date": challenge.date,
                "raised_by": challenge.raised_by_id,
                "agency_challenged": challenge.agency_challenged_id,
                "subject": challenge.subject,
                "details": challenge.details,
                "version": challenge.version,
            },
        )
        super().__init__(*args, **kwargs)
        self.challenge = challenge
        self.setup_choices(board, board_members(board))

    def clean(self):
        data = super().clean()
        when, closed_on = data.get("date"), self.challenge.closed_on
        if when and closed_on and closed_on < when:
            self.add_error("date", CLOSED_BEFORE_RAISED)
        return data


class ChallengeRespondForm(GovukFormMixin, forms.Form):
    response = forms.CharField(
        label="The agency's response",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    outcome = forms.CharField(
        label="Outcome",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What was agreed or done. Needed to close the challenge.",
    )
    impact = forms.CharField(
        label="Impact",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What changed for children as a result.",
    )
    status = forms.ChoiceField(
        label="Is the challenge open or closed?",
        choices=ChallengeStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the challenge is open or closed",
            "invalid_choice": "Choose whether the challenge is open or closed",
        },
    )
    closed_on = forms.DateField(
        label="Date closed",
        required=False,
        widget=DateInput(),
        help_text="Only if closed. Leave blank for today.",
        error_messages={"invalid": "Enter the date closed as a real date"},
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )

    def __init__(self, *args, challenge, **kwargs):
        kwargs["initial"] = initial_with(
            kwargs.get("initial"),
            {
                "response": challenge.response,
                "outcome": challenge.outcome,
                "impact": challenge.impact,
                "status": challenge.status,
                "closed_on": challenge.closed_on,
                "version": challenge.version,
            },
        )
        super().__init__(*args, **kwargs)
        self.challenge = challenge

    def clean(self):
        data = super().clean()
        closing = data.get("status") == ChallengeStatus.CLOSED
        if closing and not data.get("outcome"):
            self.add_error("outcome", CLOSE_NEEDS_OUTCOME)
        closed_on = data.get("closed_on")
        if closing and closed_on:
            if closed_on > timezone.localdate():
                self.add_error(
                    "closed_on", "The date closed must be today or in the past"
                )
            elif closed_on < self.challenge.date:
                self.add_error("closed_on", CLOSED_BEFORE_RAISED)
        return data
