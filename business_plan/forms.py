from datetime import timedelta

from django import forms
from django.utils import timezone

from boards.forms import STALE_PAGE
from boards.models import Agency
from lscb_portal.forms import DateInput, GovukFormMixin
from lscb_portal.rag import RagEntryForm, update_rag_field
from subgroups.models import Subgroup

from .models import Action, BusinessPlan, PlanStatus, Theme


def version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


class PlanForm(GovukFormMixin, forms.ModelForm):
    status = forms.ChoiceField(
        choices=[c for c in PlanStatus.choices if c[0] != PlanStatus.CLOSED],
        initial=PlanStatus.DRAFT,
    )

    class Meta:
        model = BusinessPlan
        fields = ["title", "first_year", "last_year", "status"]
        error_messages = {
            "title": {"required": "Enter the plan's title"},
            "first_year": {"required": "Enter the year the plan starts"},
            "last_year": {"required": "Enter the year the plan ends"},
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        for name in ("first_year", "last_year"):
            self.fields[name].widget.attrs.update(
                {"class": "govuk-input govuk-input--width-4", "inputmode": "numeric"}
            )


class PlanEditForm(PlanForm):
    version = version_field()


class ThemeForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["number", "title"]
        error_messages = {
            "number": {"required": "Enter the theme's number"},
            "title": {"required": "Enter the theme's title"},
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["number"].widget.attrs["class"] += " govuk-input--width-3"


class ActionForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "theme",
            "ref",
            "text",
            "owner_subgroups",
            "owner_agencies",
            "owner_role",
            "when_text",
            "due_date",
            "outcome",
            "source",
        ]
        widgets = {
            "due_date": DateInput(),
            "owner_subgroups": forms.SelectMultiple(attrs={"size": 8}),
            "owner_agencies": forms.SelectMultiple(attrs={"size": 8}),
            "text": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "due_date": "Leave blank to read it from “when” (e.g. Jul-17 is 31 July "
            "2017); none for Annually or Ongoing.",
        }
        error_messages = {
            "theme": {"required": "Choose the theme"},
            "ref": {"required": "Enter the action's reference, e.g. 1.10"},
            "text": {"required": "Enter what the action is"},
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["theme"].queryset = Theme.objects.filter(plan=plan)
        self.fields["owner_subgroups"].queryset = Subgroup.objects.filter(
            board=plan.board
        )
        self.fields["owner_agencies"].queryset = Agency.objects.filter(board=plan.board)
        self.fields["ref"].widget.attrs["class"] += " govuk-input--width-5"
        self.fields["theme"].empty_label = "Choose a theme"


class ActionEditForm(ActionForm):
    version = version_field()


class UpdateForm(GovukFormMixin, forms.Form):
    date = forms.DateField(
        widget=DateInput(),
        error_messages={
            "required": "Enter the date of the update",
            "invalid": "Enter a real date",
        },
    )
    rag = update_rag_field()
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="What has been done, and for red or amber what is being done about "
        "it.",
    )
    subgroup = forms.ModelChoiceField(
        queryset=Subgroup.objects.none(),
        required=False,
        label="Entered for subgroup",
        empty_label="Not for a subgroup",
    )

    def __init__(self, *args, action, **kwargs):
        today = action.plan.clamp(timezone.localdate())
        kwargs.setdefault("initial", {}).setdefault("date", today)
        super().__init__(*args, **kwargs)
        self.fields["subgroup"].queryset = action.owner_subgroups.all()


class ChallengeForm(GovukFormMixin, forms.Form):
    text = forms.CharField(
        label="Your challenge",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter your challenge"},
    )


class ResponseForm(GovukFormMixin, forms.Form):
    text = forms.CharField(
        label="Response",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter your response"},
    )


class CarryForwardForm(GovukFormMixin, forms.Form):
    into = forms.ModelChoiceField(
        queryset=BusinessPlan.objects.none(),
        label="Carry incomplete actions into",
        empty_label="Choose a plan",
        error_messages={"required": "Choose the plan to carry actions into"},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            BusinessPlan.objects.filter(board=plan.board)
            .exclude(pk=plan.pk)
            .exclude(status=PlanStatus.CLOSED)
        )


class ImportForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="CSV or XLSX file",
        help_text="Columns: theme, ref, action, who, when, outcome. A blank theme or "
        "outcome repeats the row above.",
        error_messages={"required": "Choose a file to import"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV or XLSX file")
        return upload


class BulkUpdateDateForm(GovukFormMixin, forms.Form):
    date = forms.DateField(
        label="Date of the updates",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date of the updates",
            "invalid": "Enter a real date",
        },
    )


class BulkRowForm(RagEntryForm):
    """One row of the quarterly bulk form; `action_id` ties it to its action. A red
    or amber without a narrative is refused by the service, for all rows at once."""

    action_id = forms.IntegerField(widget=forms.HiddenInput)


class SinceForm(GovukFormMixin, forms.Form):
    """Changes since one of the board's past meetings, or from a start date of
    one's own (used instead of the meeting), up to an end date or today."""

    meeting = forms.ChoiceField(
        label="Since the board meeting",
        required=False,
        error_messages={
            "invalid_choice": "Choose one of this board's meetings from the list"
        },
    )
    since = forms.DateField(
        label="Start date",
        required=False,
        help_text="Or show changes from this date: it is used instead of the meeting.",
    )
    until = forms.DateField(
        label="End date",
        required=False,
        help_text="Leave blank for changes up to today.",
    )

    def __init__(self, *args, meetings, **kwargs):
        """`meetings`: the board's past board meetings, newest first."""
        super().__init__(*args, **kwargs)
        self.meetings = {str(m.pk): m for m in meetings}
        self.fields["meeting"].choices = [
            ("", "Choose a meeting"),
            *((pk, str(m)) for pk, m in self.meetings.items()),
        ]

    def clean_meeting(self):
        return self.meetings.get(self.cleaned_data["meeting"])

    def clean(self):
        data = super().clean()
        meeting, since, until = (data.get(k) for k in ("meeting", "since", "until"))
        if since is not None:
            data["meeting"] = None  # the date entered wins
        elif meeting is not None:
            # The day after the meeting: what changed once it had met.
            since = data["since"] = meeting.date + timedelta(days=1)
        elif (
            since is None
            and not self.has_error("meeting")
            and not self.has_error("since")
        ):
            self.add_error("meeting", "Choose a meeting or enter a start date")
        if since and until and until < since:
            self.add_error(
                "until",
                "End date must be after the meeting"
                if data["meeting"]
                else "End date must be the same as or after the start date",
            )
        return data
