from django import forms
from django.utils import timezone

from boards.forms import STALE_PAGE
from boards.models import Membership
from lscb_portal.forms import DateInput, GovukFormMixin
from lscb_portal.periods import quarter_of, quarters_between
from lscb_portal.rag import RagEntryForm, entry_errors

from .models import MAX_MEETINGS_HELD, ReportingPlanItem, Subgroup, SubgroupReturn


def version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


def period_choices(first_year: int = 2014) -> list[tuple[str, str]]:
    """Quarters from April of `first_year` to now, most recent first."""
    today = timezone.localdate()
    start = timezone.datetime(first_year, 4, 1).date()
    return [(q, q) for q in reversed(quarters_between(start, today))]


class ReturnStartForm(GovukFormMixin, forms.Form):
    period = forms.ChoiceField(
        label="Which quarter is the return for?",
        help_text="The reporting year runs from April to March.",
        error_messages={"required": "Choose the quarter the return is for"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [("", "Choose a quarter"), *period_choices()]
        self.fields["period"].initial = quarter_of(timezone.localdate())


MEETINGS_HELD_RANGE = (
    f"Meetings held in the quarter must be between 0 and {MAX_MEETINGS_HELD}"
)


class HighlightsForm(GovukFormMixin, forms.ModelForm):
    version = version_field()
    meetings_held = forms.IntegerField(
        label="How many times did the subgroup meet in the quarter?",
        help_text="Leave blank if you do not know. The annual report adds up the "
        "year's meetings of each subgroup from its submitted returns.",
        required=False,
        min_value=0,
        max_value=MAX_MEETINGS_HELD,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}
        ),
        error_messages={
            "invalid": "Meetings held in the quarter must be a whole number, like 2",
            "min_value": MEETINGS_HELD_RANGE,
            "max_value": MEETINGS_HELD_RANGE,
        },
    )

    class Meta:
        model = SubgroupReturn
        fields = ["highlights", "meetings_held"]
        labels = {"highlights": "What are the subgroup's highlights this period?"}
        help_texts = {"highlights": "Progress and achievements the board should know."}
        widgets = {"highlights": forms.Textarea(attrs={"rows": 8})}


class ExceptionsForm(GovukFormMixin, forms.ModelForm):
    version = version_field()

    class Meta:
        model = SubgroupReturn
        fields = ["exceptions", "risks"]
        labels = {
            "exceptions": "What needs the board's attention?",
            "risks": "What risks does the subgroup raise?",
        }
        help_texts = {
            "exceptions": "Exceptions and escalations: leave blank if there are none.",
            "risks": "Risks to the business plan or to children: leave blank if none.",
        }
        widgets = {
            "exceptions": forms.Textarea(attrs={"rows": 6}),
            "risks": forms.Textarea(attrs={"rows": 6}),
        }


class ActionEntryForm(RagEntryForm):
    """One owned action's RAG and narrative on the return's actions page."""

    skip_label = "No update in this return"

    def clean(self):
        data = super().clean()
        # The entries wait in the draft until submission: say now what the
        # business plan would refuse then.
        errors = entry_errors(data.get("rag", ""), data.get("narrative", ""))
        if "narrative" in errors:
            self.add_error("narrative", errors["narrative"])
        return data


class AttachmentForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Attach a file",
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument text, PNG or JPEG, "
        "smaller than 10 MB.",
        error_messages={"required": "Choose a file to attach"},
    )


class SubgroupForm(GovukFormMixin, forms.ModelForm):
    version = version_field()

    class Meta:
        model = Subgroup
        fields = [
            "name",
            "kind",
            "parent",
            "purpose",
            "chair",
            "vice_chair",
            "members",
            "member_agencies",
            "meeting_frequency",
            "active_from",
            "active_to",
            "terms_review_date",
        ]
        widgets = {
            "active_from": DateInput(),
            "active_to": DateInput(),
            "terms_review_date": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "members": forms.SelectMultiple(attrs={"size": 8}),
            "member_agencies": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        people = Membership.objects.filter(board=board).select_related("user")
        for name in ("chair", "vice_chair", "members"):
            self.fields[name].queryset = people
        self.fields["parent"].queryset = Subgroup.objects.filter(board=board).exclude(
            pk=self.instance.pk
        )
        self.fields["member_agencies"].queryset = board.agencies.all()


class PlanItemForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = ReportingPlanItem
        fields = [
            "what",
            "kind",
            "subgroup",
            "producer",
            "tells",
            "frequency",
            "month",
            "destination",
            "destination_other",
            "deadline_working_days",
        ]
        widgets = {"tells": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "what": {"required": "Enter the report's name"},
            "kind": {
                "required": "Choose the kind of report",
                "invalid_choice": "Choose a kind of report from the list",
            },
            "frequency": {
                "required": "Choose how often the report is due",
                "invalid_choice": "Choose a frequency from the list",
            },
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["subgroup"].queryset = Subgroup.objects.filter(board=board)


class ReceivePaperForm(forms.Form):
    plan_item = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(required=False, max_length=200)
