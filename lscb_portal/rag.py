"""The RAG of a progress update on a business plan action, below both apps that
take one (the business plan's forms and API, and subgroup returns): the choices,
the rule that a red or amber update needs a narrative, and the form row of the
quarterly bulk form and of a return's actions page. (indicators/rag.py is another
thing: an indicator's RAG against its target.)"""

from django import forms
from django.db import models


class Rag(models.TextChoices):
    RED = "R", "Red"
    AMBER = "A", "Amber"
    GREEN = "G", "Green"
    COMPLETE = "C", "Complete"


NO_UPDATE = ""  # "no update required": recorded, but leaves the RAG as it was
NEEDS_NARRATIVE = [Rag.RED, Rag.AMBER]

ENTRY_CHOICES = [
    (Rag.RED, "Red – off track"),
    (Rag.AMBER, "Amber – slipping"),
    (Rag.GREEN, "Green – on track"),
    (Rag.COMPLETE, "Complete"),
    (NO_UPDATE, "No update required"),
]

INVALID_RAG = "Choose Red, Amber, Green, Complete or no update required."
NARRATIVE_NEEDED = (
    "Explain a red or amber rating: what is off track and what is being done."
)


def update_rag_field() -> forms.ChoiceField:
    """The RAG radios of a page that records one progress update (a business-plan
    action's, a review action item's)."""
    return forms.ChoiceField(
        label="RAG",
        choices=ENTRY_CHOICES,
        required=False,  # "" is a choice: no update required
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose Red, Amber, Green or Complete"},
    )


def entry_errors(rag: str, narrative: str) -> dict[str, str]:
    """What is wrong with a RAG and its narrative, by field; empty when nothing."""
    errors = {}
    if rag not in (*Rag.values, NO_UPDATE):
        errors["rag"] = INVALID_RAG
    if rag in NEEDS_NARRATIVE and not narrative.strip():
        errors["narrative"] = NARRATIVE_NEEDED
    return errors


class RagEntryForm(forms.Form):
    """One action's row of a list of updates: a RAG, or "skip" to leave the action
    out, and a narrative."""

    skip_label = "No change – leave out"

    rag = forms.ChoiceField(
        choices=ENTRY_CHOICES,
        required=False,  # "" is a choice: no update required
        initial="skip",
    )
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rag"].choices = [("skip", self.skip_label), *ENTRY_CHOICES]

    def clean_rag(self):
        # A row the browser did not send is left out, never saved as "no update".
        if self.add_prefix("rag") not in self.data:
            return "skip"
        return self.cleaned_data["rag"]
