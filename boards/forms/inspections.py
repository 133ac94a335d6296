from django import forms

from lscb_portal.forms import DateInput, GovukFormMixin

from ..models import FindingKind, Judgement
from .core import STALE_PAGE
from .finance import YearField

DATE_INVALID = "Enter a real date, for example 31 March 2017"


class InspectionForm(GovukFormMixin, forms.Form):
    body = forms.CharField(
        label="Who inspected",
        max_length=100,
        help_text="For example Ofsted, CQC or HMIC.",
        error_messages={
            "required": "Enter who inspected, for example Ofsted",
            "max_length": "Enter who inspected in 100 characters or fewer",
        },
    )
    title = forms.CharField(
        label="Title of the inspection",
        max_length=300,
        error_messages={
            "required": "Enter the title of the inspection",
            "max_length": "Enter a title of 300 characters or fewer",
        },
    )
    start_date = forms.DateField(
        label="Start date",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the inspection started",
            "invalid": DATE_INVALID,
        },
    )
    end_date = forms.DateField(
        label="End date (optional)",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": DATE_INVALID},
    )
    published_on = forms.DateField(
        label="Report published (optional)",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": DATE_INVALID},
    )
    overall = forms.ChoiceField(
        label="Overall judgement",
        required=False,
        choices=[("", "Not judged")] + Judgement.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a judgement from the list"},
    )


class SubJudgementForm(GovukFormMixin, forms.Form):
    area = forms.CharField(
        label="Area judged",
        max_length=300,
        help_text="For example Children who need help and protection.",
        error_messages={
            "required": "Enter the area the judgement is on",
            "max_length": "Enter an area of 300 characters or fewer",
        },
    )
    judgement = forms.ChoiceField(
        choices=Judgement.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the judgement",
            "invalid_choice": "Choose a judgement from the list",
        },
    )


class FindingForm(GovukFormMixin, forms.Form):
    seen = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"invalid": STALE_PAGE},
    )
    kind = forms.ChoiceField(
        label="What the inspectors found",
        choices=FindingKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a strength or an area for improvement",
            "invalid_choice": "Choose a strength or an area for improvement",
        },
    )
    text = forms.CharField(
        label="Finding",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="As the inspection report words it.",
        error_messages={"required": "Enter what the inspectors found"},
    )


class RecommendationForm(GovukFormMixin, forms.Form):
    number = forms.IntegerField(
        min_value=1,
        max_value=999,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
        ),
        error_messages={
            "required": "Enter the recommendation's number",
            "invalid": "Enter the number as digits, for example 3",
            "min_value": "Enter a number from 1",
            "max_value": "Enter a number under 1000",
        },
    )
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="As the inspection report words it.",
        error_messages={"required": "Enter the recommendation"},
    )


class RecommendationUpdateForm(GovukFormMixin, forms.Form):
    year = YearField(
        label="Year it reports on",
        help_text="The year it starts: 2016 for the 2016-17 update.",
    )
    date = forms.DateField(
        widget=DateInput(),
        error_messages={
            "required": "Enter the date of the update",
            "invalid": DATE_INVALID,
        },
    )
    text = forms.CharField(
        label="What has been done",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter what has been done"},
    )
