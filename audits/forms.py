"""Forms of the audits app's pages."""

from django import forms

from boards.forms import STALE_PAGE
from lscb_portal.forms import GovukFormMixin

from .models import Exclusion, Organisation, Sector

# Section 11 set-up ------------------------------------------------------------------


class CycleForm(GovukFormMixin, forms.Form):
    year = forms.IntegerField(
        label="Reporting year it starts",
        help_text="2016 for 2016-17.",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the reporting year",
            "invalid": "The reporting year must be a whole number, like 2016",
            "min_value": "The reporting year must be from 2000 to 2100",
            "max_value": "The reporting year must be from 2000 to 2100",
        },
    )
    opens_on = forms.DateField(
        label="Opens on", error_messages={"required": "Enter the date it opens"}
    )
    closes_on = forms.DateField(
        label="Closes on", error_messages={"required": "Enter the date it closes"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget.attrs["class"] += " govuk-input--width-4"

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The audit cannot close before it opens")
        return data


def number_field(what: str) -> forms.IntegerField:
    return forms.IntegerField(
        label="Number",
        min_value=1,
        max_value=99,
        error_messages={
            "required": f"Enter the {what}'s number",
            "invalid": f"The {what}'s number must be a whole number",
            "min_value": f"The {what}'s number must be from 1 to 99",
            "max_value": f"The {what}'s number must be from 1 to 99",
        },
    )


class StandardForm(GovukFormMixin, forms.Form):
    number = number_field("standard")
    title = forms.CharField(
        max_length=300, error_messages={"required": "Enter the standard's title"}
    )
    text = forms.CharField(
        label="Description (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class QuestionForm(GovukFormMixin, forms.Form):
    number = number_field("question")
    text = forms.CharField(
        label="Question",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the question"},
    )


class OrganisationForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "sector", "agency", "active"]
        widgets = {"sector": forms.RadioSelect}
        labels = {"agency": "Board agency it is (optional)", "active": "Active"}
        help_texts = {"active": "Inactive organisations are not asked to answer."}
        error_messages = {
            "name": {"required": "Enter the organisation's name"},
            "sector": {"required": "Choose the organisation's sector"},
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["sector"].choices = Sector.choices
        self.fields["agency"].queryset = board.agencies.all()
        self.fields["agency"].empty_label = "Not a board agency"


class ExclusionForm(GovukFormMixin, forms.Form):
    exclusion = forms.ChoiceField(
        label="Why it is left out of the results",
        choices=Exclusion.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose partial or duplicate"},
    )
    reason = forms.CharField(
        label="Reason",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the submission is excluded"},
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )
