"""Forms of the child death pages: a record (anonymised by design: there is no
name, date of birth or address field), England's figures for a year, and a CDOP
recommendation. The rules are the services'; these forms read and check input."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

from boards.forms import STALE_PAGE
from lscb_portal.forms import GovukFormMixin
from lscb_portal.periods import EARLIEST_YEAR, LATEST_YEAR

from ..models import (
    AgeBand,
    ChildDeathReview,
    DeathCategory,
    Ethnicity,
    ModifiableFactor,
    Sex,
)
from ..selectors.child_deaths import ROWS, year_label

MONTH_PARTS = ("month", "year")

MODIFIABLE_CHOICES = [
    ("yes", "Yes: modifiable factors were identified"),
    ("no", "No modifiable factors"),
    ("not_decided", "Not decided yet"),
]
MODIFIABLE_VALUES = {"yes": True, "no": False, "not_decided": None}


def modifiable_key(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "not_decided"}[value]


class MonthInput(forms.MultiWidget):
    """The GOV.UK date input with only its month and year boxes, posted as
    <name>_month and <name>_year (components/date_input.html draws them)."""

    example = "5 2015"

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput() for part in MONTH_PARTS}, attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for part, sub in zip(MONTH_PARTS, context["widget"]["subwidgets"], strict=True):
            sub["part"] = part
        return context

    def subwidgets(self, name, value, attrs=None):
        yield from self.get_context(name, value, attrs)["widget"]["subwidgets"]

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get(part, "") for part in MONTH_PARTS]
        if isinstance(value, datetime.date):
            return [value.month, value.year]
        return [None, None]

    def value_from_datadict(self, data, files, name):
        return {part: data.get(f"{name}_{part}", "") for part in MONTH_PARTS}

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}_{part}" in data for part in MONTH_PARTS)


class MonthField(forms.Field):
    """A month and year, as the first day of the month."""

    widget = MonthInput

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        value = value or {}
        parts = {part: str(value.get(part) or "").strip() for part in MONTH_PARTS}
        if not any(parts.values()):
            return None
        label = self.label or "The month"
        missing = [part for part in MONTH_PARTS if not parts[part]]
        if missing:
            raise ValidationError(
                f"{label} must include a {' and '.join(missing)}", code="incomplete"
            )
        real = f"Enter a real month for {label[:1].lower()}{label[1:]}"
        if not all(parts[part].isdigit() for part in MONTH_PARTS):
            raise ValidationError(real, code="invalid")
        if len(parts["year"]) != 4:
            raise ValidationError(
                f"{label} must include a year of 4 numbers", code="invalid"
            )
        month, year = int(parts["month"]), int(parts["year"])
        if not 1 <= month <= 12:
            raise ValidationError(real, code="invalid")
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise ValidationError(
                f"{label} must be from {EARLIEST_YEAR} to {LATEST_YEAR}",
                code="date_range",
            )
        return datetime.date(year, month, 1)


class ChildDeathForm(GovukFormMixin, forms.Form):
    """A child death record. Every choice is exactly the data collection's list."""

    reference = forms.CharField(
        label="Reference",
        max_length=20,
        help_text="The panel's case number, like CDOP-1516-07. Never a name.",
        error_messages={"required": "Enter the panel's reference for the death"},
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=Sex.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select male or female",
            "invalid_choice": "Select male or female",
        },
    )
    age_band = forms.ChoiceField(
        label="Age at death",
        choices=AgeBand.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the age band at death",
            "invalid_choice": "Select an age band from the list",
        },
    )
    category = forms.ChoiceField(
        label="Category of death (as decided by CDOP)",
        choices=[("", "Choose a category"), *DeathCategory.choices],
        error_messages={
            "required": "Select the category of death",
            "invalid_choice": "Select a category of death from the list",
        },
    )
    modifiable = forms.ChoiceField(
        label="Were modifiable factors identified?",
        choices=MODIFIABLE_CHOICES,
        widget=forms.RadioSelect,
        initial="not_decided",
        error_messages={
            "required": "Select whether modifiable factors were identified",
            "invalid_choice": "Select yes, no or not decided",
        },
    )
    modifiable_factors = forms.ModelMultipleChoiceField(
        label="Modifiable factors",
        queryset=ModifiableFactor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only when modifiable factors were identified.",
        error_messages={
            "invalid_choice": "Select factors from the list",
            "invalid_pk_value": "Select factors from the list",
        },
    )
    month_of_death = MonthField(
        label="Month of death",
        help_text="The month and year only.",
        error_messages={"required": "Enter the month of death"},
    )
    signed_off_on = forms.DateField(
        label="Date signed off", required=False, help_text="Blank until signed off."
    )
    ethnicity = forms.ChoiceField(
        label="Ethnicity group",
        choices=[("", "Choose a group"), *Ethnicity.choices],
        error_messages={
            "required": "Select the ethnicity group",
            "invalid_choice": "Select an ethnicity group from the list",
        },
    )
    notes = forms.CharField(
        label="Panel's notes",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Learning and circumstances, anonymised: no names or dates of birth.",
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["modifiable_factors"].queryset = ModifiableFactor.objects.filter(
            board=board
        )

    def clean_reference(self):
        return self.cleaned_data["reference"].strip()

    def clean_modifiable(self):
        return MODIFIABLE_VALUES[self.cleaned_data["modifiable"]]

    @classmethod
    def initial_for(cls, death: ChildDeathReview) -> dict:
        return {
            "reference": death.reference,
            "sex": death.sex,
            "age_band": death.age_band,
            "category": death.category,
            "modifiable": modifiable_key(death.modifiable),
            "modifiable_factors": list(death.modifiable_factors.all()),
            "month_of_death": death.month_of_death,
            "signed_off_on": death.signed_off_on,
            "ethnicity": death.ethnicity,
            "notes": death.notes,
            "version": death.version,
        }


class ChildDeathEditForm(ChildDeathForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


def england_field_name(table: str, row: str) -> str:
    return f"{table}__{row}"


class EnglandForm(GovukFormMixin, forms.Form):
    """England's percentage for each row of each table, for one year: blank for
    not known."""

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year
        self.groups = []
        for table, rows in ROWS.items():
            names = []
            for row, label in rows:
                name = england_field_name(table, row)
                share = f"England's percentage for “{label}”"
                between = f"{share} must be between 0 and 100"
                self.fields[name] = forms.DecimalField(
                    label=label,
                    required=False,
                    min_value=0,
                    max_value=100,
                    max_digits=4,
                    decimal_places=1,
                    # Added after GovukFormMixin styled the declared fields.
                    widget=forms.TextInput(
                        attrs={
                            "class": "govuk-input govuk-input--width-4",
                            "inputmode": "decimal",
                            "spellcheck": "false",
                        }
                    ),
                    error_messages={
                        "invalid": f"{share} must be a number, like 43.1",
                        "min_value": between,
                        "max_value": between,
                        "max_decimal_places": f"{share} must have no more than "
                        "1 decimal place",
                        "max_digits": between,
                        "max_whole_digits": between,
                    },
                )
                names.append(name)
            self.groups.append((table, names))

    def figures(self) -> dict[tuple[str, str], object]:
        return {
            (table, row): self.cleaned_data[england_field_name(table, row)]
            for table, rows in ROWS.items()
            for row, _ in rows
        }

    @property
    def year_text(self) -> str:
        return year_label(self.year)


class RecommendationForm(GovukFormMixin, forms.Form):
    year = forms.IntegerField(
        label="Report year made in",
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        help_text="The first year of the report: 2015 for the 2015/16 report.",
        error_messages={
            "required": "Enter the year of the report that made the recommendation",
            "invalid": "The year must be a whole number, like 2015",
            "min_value": f"The year must be between {EARLIEST_YEAR} and {LATEST_YEAR}",
            "max_value": f"The year must be between {EARLIEST_YEAR} and {LATEST_YEAR}",
        },
    )
    number = forms.IntegerField(
        label="Number",
        min_value=1,
        max_value=999,
        required=False,
        help_text="Blank for the next number.",
        error_messages={
            "invalid": "The recommendation's number must be a whole number, like 3",
            "min_value": "The recommendation's number must be between 1 and 999",
            "max_value": "The recommendation's number must be between 1 and 999",
        },
    )
    text = forms.CharField(
        label="Recommendation",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the recommendation"},
    )
    progress = forms.CharField(
        label="Progress",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("year", "number"):
            self.fields[name].widget.attrs["class"] += " govuk-input--width-4"
