"""Forms for members: their dates and induction record, and annual declarations."""

from django import forms

from lscb_portal.forms import DateInput, GovukFormMixin

from .meetings import version_field


def _date(label, help_text=""):
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        widget=DateInput(),
        error_messages={"invalid": f"Enter the date ({label.lower()}) as a real date"},
    )


class MembershipEditForm(GovukFormMixin, forms.Form):
    member_from = _date("Member from")
    member_to = _date("Member to", "Leave blank while they are a member.")
    induction_done = _date("Induction completed")
    handbook_signed = _date("Members' handbook signed")
    last_one_to_one = _date("Last one-to-one with the chair")
    version = version_field()

    def clean(self):
        data = super().clean()
        start, end = data.get("member_from"), data.get("member_to")
        if start and end and end < start:
            self.add_error(
                "member_to", "The date they left must be after the date they joined"
            )
        return data


class AnnualDeclarationForm(GovukFormMixin, forms.Form):
    year = forms.IntegerField(
        label="Reporting year it starts",
        min_value=2000,
        max_value=2100,
        help_text="For 2016-17, enter 2016.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter the reporting year, like 2016 for 2016-17",
            "invalid": "Enter the reporting year as a year, like 2016",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year before 2100",
        },
    )
    interest = forms.CharField(
        label="Interests declared",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text='Write "None" for a nil declaration.',
        error_messages={"required": 'Enter the interests declared, or "None"'},
    )
    declared_on = forms.DateField(
        label="Date declared",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date of the declaration",
            "invalid": "Enter the date of the declaration as a real date",
        },
    )
