"""Forms for a meeting: its details, minutes approval, agenda items, attendance,
actions arising."""

from django import forms

from lscb_portal.forms import DateInput, GovukFormMixin

from ..models import (
    AgendaItem,
    AttendanceStatus,
    Meeting,
    MeetingActionStatus,
    MeetingKind,
)
from ..selectors.members import member_label
from .core import STALE_PAGE


def version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return member_label(obj)


class MeetingEditForm(GovukFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Kind of meeting",
        choices=MeetingKind.choices,
        error_messages={"required": "Choose the kind of meeting"},
    )
    date = forms.DateField(
        label="Date",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Enter the date of the meeting as a real date",
        },
    )
    starts_at = forms.TimeField(
        label="Start time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Enter the start time as hours and minutes"},
    )
    location = forms.CharField(label="Where", max_length=200, required=False)
    version = version_field()


class ApproveMinutesForm(GovukFormMixin, forms.Form):
    approving = forms.ModelChoiceField(
        label="Meeting that approved the minutes",
        queryset=Meeting.objects.none(),
        empty_label="Choose a meeting",
        error_messages={
            "required": "Choose the meeting that approved the minutes",
            "invalid_choice": "Choose a meeting of this board from the list",
        },
    )
    version = version_field()

    def __init__(self, *args, meeting, choices, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["approving"]
        # Any other meeting of the board is accepted here, so that the service can
        # say why a meeting cannot approve; only eligible ones are offered.
        field.queryset = Meeting.objects.filter(board_id=meeting.board_id).exclude(
            pk=meeting.pk
        )
        field.choices = [("", "Choose a meeting")] + [(m.pk, str(m)) for m in choices]


PAPER_HINT = "A PDF, Word (.docx) or Excel (.xlsx) file smaller than 10 MB."


class AgendaItemForm(GovukFormMixin, forms.Form):
    order = forms.IntegerField(
        label="Item number",
        min_value=1,
        max_value=999,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter the item's number on the agenda",
            "invalid": "Enter the item's number as a whole number, like 3",
            "min_value": "The item's number must be 1 or more",
            "max_value": "The item's number must be 999 or less",
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=300,
        error_messages={"required": "Enter the item's title"},
    )
    presenter = forms.CharField(
        label="Presented by",
        max_length=200,
        required=False,
        help_text="A role, e.g. Independent Chair.",
    )
    paper_file = forms.FileField(
        label="Paper",
        required=False,
        help_text=PAPER_HINT,
        widget=forms.ClearableFileInput,
    )
    standing = forms.BooleanField(
        label="Standing item (on the agenda of every meeting)", required=False
    )
    confidential = forms.BooleanField(
        label="Confidential",
        help_text=AgendaItem._meta.get_field("confidential").help_text,
        required=False,
    )


class AgendaItemEditForm(AgendaItemForm):
    remove_paper = forms.BooleanField(label="Remove the current paper", required=False)

    def __init__(self, *args, has_paper=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paper_file"].label = "Replace the paper" if has_paper else "Paper"
        if not has_paper:
            del self.fields["remove_paper"]
        # The file comes last but one, before "remove".
        self.order_fields(
            ["order", "title", "presenter", "standing", "confidential", "paper_file"]
        )


class MinutesForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["minutes", "decisions"]
        labels = {"minutes": "Minutes", "decisions": "Decisions"}
        help_texts = {
            "minutes": "What was discussed.",
            "decisions": "What the meeting decided, if anything.",
        }
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 8}),
            "decisions": forms.Textarea(attrs={"rows": 4}),
        }


class AttendanceRowForm(forms.Form):
    """One member's row on the attendance form."""

    status = forms.ChoiceField(
        choices=AttendanceStatus.choices,
        error_messages={
            "required": "Choose present, apologies or absent",
            "invalid_choice": "Choose present, apologies or absent",
        },
    )
    deputy = forms.CharField(max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("deputy", "").strip() and data.get("status") not in (
            None,
            AttendanceStatus.APOLOGIES,
        ):
            self.add_error(
                "deputy",
                "Only a member who sent apologies can send a deputy: clear the "
                "deputy or choose apologies",
            )
        return data


class ActionForm(GovukFormMixin, forms.Form):
    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what is to be done"},
    )
    owner = MemberChoiceField(
        label="Owner",
        queryset=None,
        required=False,
        empty_label="Not a member of the board",
        help_text="Choose a member, or type the owner below.",
        error_messages={"invalid_choice": "Choose a member of this board"},
    )
    owner_text = forms.CharField(
        label="Owner, if not a member of the board",
        max_length=200,
        required=False,
        help_text="A role or a group, e.g. Business Group.",
    )
    due_date = forms.DateField(
        label="Due by",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Enter the due date as a real date"},
    )
    agenda_item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=None,
        required=False,
        empty_label="None",
        error_messages={"invalid_choice": "Choose an item of this meeting"},
    )

    def __init__(self, *args, meeting, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("order")

    def clean(self):
        data = super().clean()
        owner, text = data.get("owner"), data.get("owner_text", "").strip()
        if "owner" in self.errors:
            return data
        if owner is None and not text:
            self.add_error("owner", "Choose who owns the action, or type who owns it")
        elif owner is not None and text:
            self.add_error(
                "owner_text", "Choose an owner from the list or type one, not both"
            )
        return data


class ActionUpdateForm(GovukFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=MeetingActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose open or closed"},
    )
    update = forms.CharField(
        label="Latest update",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    closed_on = forms.DateField(
        label="Date closed",
        required=False,
        widget=DateInput(),
        help_text="Needed when the action is closed.",
        error_messages={"invalid": "Enter the date the action was closed as a date"},
    )
    version = version_field()

    def clean(self):
        data = super().clean()
        closing = data.get("status") == MeetingActionStatus.CLOSED
        if closing and not data.get("closed_on") and "closed_on" not in self.errors:
            self.add_error("closed_on", "Enter the date the action was closed")
        return data


class ItemDeclarationForm(GovukFormMixin, forms.Form):
    membership = MemberChoiceField(
        label="Member",
        queryset=None,
        empty_label="Choose a member",
        error_messages={
            "required": "Choose the member who declared an interest",
            "invalid_choice": "Choose a member of this board",
        },
    )
    interest = forms.CharField(
        label="Interest declared",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the interest declared"},
    )
    declared_on = forms.DateField(
        label="Date declared",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the interest was declared",
            "invalid": "Enter the date the interest was declared as a real date",
        },
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = members
