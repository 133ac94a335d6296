from django import forms

from lscb_portal.forms import GovukForm


class CodeForm(GovukForm):
    """One code: from the authenticator app (6 digits), or a recovery code."""

    code = forms.CharField(
        max_length=20,
        error_messages={
            "required": "Enter the code",
            "max_length": "The code must be 20 characters or fewer",
        },
    )

    def __init__(self, *args, label, hint, numeric=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = label
        field.help_text = hint  # the code's own hint, not a length limit
        attrs = field.widget.attrs
        attrs.update(autocomplete="one-time-code", spellcheck="false")
        attrs["class"] += " govuk-input--width-10"
        if numeric:
            attrs["inputmode"] = "numeric"


class ContinueForm(GovukForm):
    """A button and nothing else (the recovery codes page)."""
