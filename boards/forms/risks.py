"""Forms of the risk log: add or change a risk, and the list's status filter."""

from django import forms

from lscb_portal.forms import DateInput, GovukFormMixin

from ..models import RiskStatus
from ..selectors.risks import IMPACT_LABELS, LIKELIHOOD_LABELS
from ..services.risks import IMPACT_RANGE, LIKELIHOOD_RANGE
from .challenges import initial_with
from .core import STALE_PAGE


def score_field(label, labels, message, help_text):
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        choices=[(n, f"{n} – {word}") for n, word in labels.items()],
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": message, "invalid_choice": message},
    )


class RiskForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        label="Risk",
        max_length=300,
        help_text="What might happen, and what it would stop the board doing.",
        error_messages={
            "required": "Enter the risk",
            "max_length": "The risk must be 300 characters or fewer",
        },
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    owner = forms.CharField(
        label="Owner",
        max_length=200,
        help_text="The role, subgroup or agency that manages the risk.",
        error_messages={
            "required": "Enter who owns the risk",
            "max_length": "The owner must be 200 characters or fewer",
        },
    )
    likelihood = score_field(
        "Likelihood",
        LIKELIHOOD_LABELS,
        LIKELIHOOD_RANGE,
        "How likely the risk is to happen, from 1 to 5.",
    )
    impact = score_field(
        "Impact",
        IMPACT_LABELS,
        IMPACT_RANGE,
        "How serious it would be if it happened, from 1 to 5.",
    )
    mitigations = forms.CharField(
        label="Mitigations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What is being done to make the risk less likely or less serious.",
    )
    review_date = forms.DateField(
        label="Review date",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the risk is next reviewed",
            "invalid": "Enter the review date as a real date",
        },
    )


class RiskEditForm(RiskForm):
    status = forms.ChoiceField(
        label="Status",
        choices=RiskStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether the risk is open or closed",
            "invalid_choice": "Choose whether the risk is open or closed",
        },
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )

    def __init__(self, *args, risk, **kwargs):
        kwargs["initial"] = initial_with(
            kwargs.get("initial"),
            {
                name: getattr(risk, name)
                for name in (
                    "title",
                    "description",
                    "owner",
                    "likelihood",
                    "impact",
                    "mitigations",
                    "review_date",
                    "status",
                    "version",
                )
            },
        )
        super().__init__(*args, **kwargs)


STATUS_FILTER_CHOICES = [*RiskStatus.choices, ("all", "Open and closed")]


class RiskStatusFilterForm(GovukFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Show",
        choices=STATUS_FILTER_CHOICES,
        required=False,
        error_messages={"invalid_choice": "Choose open, closed or both"},
    )

    def status_value(self) -> str | None:
        """The status to list (None for every risk); open unless chosen."""
        if not self.is_bound or not self.is_valid():
            return RiskStatus.OPEN
        value = self.cleaned_data["status"] or RiskStatus.OPEN
        return None if value == "all" else value
