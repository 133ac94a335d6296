from decimal import Decimal

from django import forms

from lscb_portal.forms import GovukFormMixin

from ..models import Agency
from ..services.finance import NEGATIVE
from .core import STALE_PAGE

YEAR_HELP = "The year it starts: 2016 for 2016-17 (April 2016 to March 2017)."
YEAR_ERRORS = {
    "required": "Enter the year, for example 2016 for 2016-17",
    "invalid": "Enter the year as four digits, for example 2016",
    "min_value": "Enter a year from 2000",
    "max_value": "Enter a year before 2100",
}
AMOUNT_ERRORS = {
    "required": "Enter the amount in pounds, for example 13811 or 13,811.50",
    "invalid": "Enter the amount in pounds, for example 13811 or 13,811.50",
    "min_value": NEGATIVE,
    "max_digits": "Enter an amount under £10,000,000,000",
    "max_whole_digits": "Enter an amount under £10,000,000,000",
    "max_decimal_places": "Enter the amount to the nearest penny",
}


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Year")
        kwargs.setdefault("help_text", YEAR_HELP)
        super().__init__(
            min_value=2000,
            max_value=2099,
            error_messages=YEAR_ERRORS,
            widget=forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}
            ),
            **kwargs,
        )


class MoneyField(forms.DecimalField):
    """An amount in pounds; "£13,811.50" is read as 13811.50."""

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=12,
            decimal_places=2,
            min_value=Decimal(0),
            error_messages=AMOUNT_ERRORS,
            widget=forms.TextInput(
                attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}
            ),
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removeprefix("£").replace(",", "").strip()
        return super().to_python(value)


class ContributionForm(GovukFormMixin, forms.Form):
    seen = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"invalid": STALE_PAGE},
    )
    year = YearField()
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        empty_label="Choose the agency",
        error_messages={
            "required": "Choose the agency that contributed",
            "invalid_choice": "Choose one of the board's agencies",
        },
    )
    amount = MoneyField(label="Amount (£)")

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(board=board)


class SpendForm(GovukFormMixin, forms.Form):
    seen = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"invalid": STALE_PAGE},
    )
    year = YearField()
    heading = forms.CharField(
        max_length=200,
        help_text="What the money was spent on, for example Independent Chair.",
        error_messages={
            "required": "Enter the heading the money was spent under",
            "max_length": "Enter a heading of 200 characters or fewer",
        },
    )
    amount = MoneyField(label="Amount (£)")


class BudgetYearForm(forms.Form):
    """?year=2016 on the budget page; anything else shows the default year."""

    year = forms.IntegerField(min_value=2000, max_value=2099)
