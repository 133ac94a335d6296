"""Forms of the audits pages."""

from django import forms

from lscb_portal.forms import WIDGET_CLASSES, GovukForm, limit_length

from .models import Rating

# Submission forms -------------------------------------------------------------

RATING_REQUIRED = "Choose whether the question is met"
EVIDENCE_MAX = 4000


class SubmissionStartForm(GovukForm):
    """Which organisation starts (or continues) its submission to which cycle."""

    cycle = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        queryset=None,
        label="Organisation",
        error_messages={"required": "Choose the organisation that is answering"},
    )

    def __init__(self, *args, cycles, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = cycles
        self.fields["organisation"].queryset = organisations


def rating_field(name: str) -> str:
    return f"{name}-rating"


def evidence_field(name: str) -> str:
    return f"{name}-evidence"


class StandardAnswersForm(GovukForm):
    """One standard's questions: a rating and the evidence for each."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            name = f"q{question.pk}"
            self.fields[rating_field(name)] = forms.ChoiceField(
                label=f"{question.code} {question.text}",
                choices=Rating.choices,
                widget=forms.RadioSelect,
                error_messages={"required": RATING_REQUIRED},
            )
            self.fields[evidence_field(name)] = forms.CharField(
                label=f"Evidence for {question.code}",
                required=False,
                max_length=EVIDENCE_MAX,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text="What shows that the question is met (optional).",
            )
        self._style_added_fields()

    def _style_added_fields(self):
        # GovukFormMixin styled the fields present when it ran: style these.
        for name, field in self.fields.items():
            if name == "version":
                continue
            if isinstance(field, forms.CharField):
                limit_length(field, field.label)
            widget = field.widget
            css = next(c for t, c in WIDGET_CLASSES.items() if isinstance(widget, t))
            widget.attrs["class"] = css
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}-hint"

    def answers(self):
        """(question, rating, evidence) for each question, in order."""
        data = self.cleaned_data
        for question in self.questions:
            name = f"q{question.pk}"
            yield (
                question,
                data[rating_field(name)],
                data.get(evidence_field(name), ""),
            )

    def rows(self):
        """Each question with its bound rating and evidence fields, for the page."""
        for question in self.questions:
            name = f"q{question.pk}"
            yield question, self[rating_field(name)], self[evidence_field(name)]


class SubmissionSubmitForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    late_reason = forms.CharField(
        label="Why is this late submission accepted?",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The audit has closed: only the business team may accept it.",
    )

    def __init__(self, *args, late: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not late:
            del self.fields["late_reason"]
