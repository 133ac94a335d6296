from django import forms

from lscb_portal.forms import GovukFormMixin

from .core import STALE_PAGE


class GlossaryTermForm(GovukFormMixin, forms.Form):
    seen = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"invalid": STALE_PAGE},
    )
    acronym = forms.CharField(
        max_length=40,
        help_text="As the board's reports write it, for example ChIB.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter the acronym",
            "max_length": "Enter an acronym of 40 characters or fewer",
        },
    )
    meaning = forms.CharField(
        label="What it stands for",
        max_length=300,
        error_messages={
            "required": "Enter what the acronym stands for",
            "max_length": "Enter a meaning of 300 characters or fewer",
        },
    )


class StrategicLinkForm(GovukFormMixin, forms.Form):
    seen = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"invalid": STALE_PAGE},
    )
    name = forms.CharField(
        label="Name of the board or partnership",
        max_length=200,
        help_text="For example Health and Well-being Board.",
        error_messages={
            "required": "Enter the name of the board or partnership",
            "max_length": "Enter a name of 200 characters or fewer",
        },
    )
    relationship = forms.CharField(
        label="How the boards work together (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What each board is responsible for, and who reports to whom.",
    )
    url = forms.URLField(
        label="Web address (optional)",
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={
            "invalid": "Enter a web address such as https://www.example.org",
            "max_length": "Enter a web address of 200 characters or fewer",
        },
    )
