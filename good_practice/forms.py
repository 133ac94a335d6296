from django import forms

from boards.forms import STALE_PAGE
from boards.models import Agency
from lscb_portal.forms import GovukFormMixin
from reviews.models import LearningTheme

from .models import GoodPracticeExample


class ExampleForm(GovukFormMixin, forms.ModelForm):
    """An example of good practice. `agency_ids` limits the agencies offered
    (an agency contributor's own); None offers all the board's."""

    class Meta:
        model = GoodPracticeExample
        fields = [
            "agency",
            "date",
            "title",
            "what_was_done",
            "outcome",
            "learning",
            "themes",
        ]
        labels = {
            "date": "Date of the practice",
            "what_was_done": "What was done",
            "outcome": "Outcome for the child",
            "learning": "The learning it shows",
            "themes": "Learning themes (optional)",
        }
        help_texts = {
            "agency": "",
            "date": "When it happened, for example 27 3 2017.",
            "what_was_done": "The intervention, or the change to a system or "
            "process. Do not name the child or family.",
            "outcome": "What changed for the child or young person.",
            "learning": "What other practitioners can take from it.",
        }
        widgets = {
            "what_was_done": forms.Textarea(attrs={"rows": 5}),
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "learning": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "agency": {
                "required": "Select the agency whose practice it is",
                "invalid_choice": "Select the agency whose practice it is",
            },
            "date": {"required": "Enter the date of the practice"},
            "title": {"required": "Enter a title for the example"},
            "what_was_done": {"required": "Enter what was done"},
            "outcome": {"required": "Enter the outcome for the child"},
            "learning": {"required": "Enter the learning it shows"},
            "themes": {"invalid_choice": "Choose learning themes from the list"},
        }

    def __init__(self, *args, board, agency_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        agencies = Agency.objects.filter(board=board).order_by("name")
        if agency_ids is not None:
            agencies = agencies.filter(pk__in=agency_ids)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].empty_label = "Choose an agency"
        if agency_ids is not None and len(agency_ids) == 1:
            self.fields["agency"].initial = next(iter(agency_ids))
        self.fields["themes"].queryset = LearningTheme.objects.filter(board=board)


class ExampleEditForm(ExampleForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )
