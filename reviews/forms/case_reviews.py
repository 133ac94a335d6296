"""Forms of the case review pages: a review's record, its lifecycle steps, its
re-categorisation, the serious incident notification and the rapid review. They
check the input; the rules are the services'."""

from django import forms

from boards.forms import STALE_PAGE
from lscb_portal.forms import GovukFormMixin

from ..models import CaseReview, RapidReviewDecision, ReviewType, Stage

# Working Together 2018: the types that begin with a serious incident notification.
NOTIFIED_TYPES = (ReviewType.RAPID, ReviewType.LCSPR)


def version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


CONTENT_WIDGETS = {
    "scope": forms.Textarea(attrs={"rows": 4}),
    "story": forms.Textarea(attrs={"rows": 10}),
    "recommendations": forms.Textarea(attrs={"rows": 6}),
}
CONTENT_MESSAGES = {
    "child_reference": {"required": 'Enter the child\'s reference, like "Child N"'},
    "review_type": {
        "required": "Select the type of review",
        "invalid_choice": "Select the type of review from the list",
    },
    "referred_on": {"required": "Enter the date it was referred"},
}


class CaseReviewForm(GovukFormMixin, forms.ModelForm):
    """A new review, referred to the Case Review Group."""

    class Meta:
        model = CaseReview
        fields = [
            "child_reference",
            "review_type",
            "legacy",
            "referred_on",
            "incident_known_on",
            "period_examined",
            "scope",
            "story",
            "recommendations",
        ]
        widgets = {"review_type": forms.RadioSelect, **CONTENT_WIDGETS}
        error_messages = CONTENT_MESSAGES
        labels = {"legacy": "Legacy review"}
        help_texts = {
            "incident_known_on": "Rapid reviews and local child safeguarding practice "
            "reviews only: the serious incident notification is due 5 working days "
            "after it."
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["review_type"].choices = ReviewType.choices
        if not self.is_bound:
            self.initial.pop("review_type", None)  # GOV.UK: no radio preselected
        self.fields["child_reference"].widget.attrs["class"] += " govuk-input--width-10"

    def clean(self):
        data = super().clean()
        kind = data.get("review_type")
        if data.get("incident_known_on") and kind and kind not in NOTIFIED_TYPES:
            self.add_error(
                "incident_known_on",
                "Only a rapid review or a local child safeguarding practice review "
                "has a serious incident notification: leave the date blank",
            )
        return data


class CaseReviewEditForm(GovukFormMixin, forms.ModelForm):
    """A review's details and content; its type and stage change on their own
    pages, so their history says why."""

    version = version_field()

    class Meta:
        model = CaseReview
        fields = [
            "child_reference",
            "legacy",
            "referred_on",
            "period_examined",
            "scope",
            "story",
            "recommendations",
        ]
        widgets = CONTENT_WIDGETS
        error_messages = CONTENT_MESSAGES
        labels = {"legacy": "Legacy review"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child_reference"].widget.attrs["class"] += " govuk-input--width-10"


YES_NO = [("yes", "Yes, the criteria are met"), ("no", "No, the criteria are not met")]


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


class TransitionForm(GovukFormMixin, forms.Form):
    """The next step of a review's life, with what that step records."""

    to_stage = forms.ChoiceField(
        label="What happened next",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what happened next",
            "invalid_choice": "Select a stage from the list",
        },
    )
    on = forms.DateField(
        label="Date of this step",
        error_messages={"required": "Enter the date of this step"},
    )
    criteria_met = forms.TypedChoiceField(
        label="Are the criteria for a review met?",
        choices=YES_NO,
        coerce=_yes_no,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    decided_by = forms.CharField(
        label="Who decided",
        required=False,
        max_length=200,
        help_text="For example, the Case Review Group or the independent chair.",
    )
    reviewer = forms.CharField(
        label="Independent reviewer", required=False, max_length=200
    )
    publication_url = forms.URLField(
        label="Link to the published report",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter the link in the correct format, like https://www.example.com"
        },
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For a decision, the reason for it.",
    )
    version = version_field()

    # The fields each stage asks for, and the legend that groups them.
    STAGE_FIELDS = {
        Stage.DECIDED: ("For a decision", ("criteria_met", "decided_by")),
        Stage.COMMISSIONED: ("For a commission", ("reviewer",)),
        Stage.PUBLISHED: ("For a publication", ("publication_url",)),
    }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages = review.next_stages
        self.fields["to_stage"].choices = [(s, Stage(s).label) for s in self.stages]
        if len(self.stages) == 1:
            self.fields["to_stage"].initial = self.stages[0]
        self.fields["version"].initial = review.version

    def stage_groups(self):
        """The fields of the stages this review may move to, by stage, for the
        template; the others are not shown (and stay empty)."""
        return [
            {"legend": legend, "fields": [self[name] for name in names]}
            for stage, (legend, names) in self.STAGE_FIELDS.items()
            if stage in self.stages
        ]

    def common_fields(self):
        return [self["to_stage"], self["on"], self["note"]]


class RecategoriseForm(GovukFormMixin, forms.Form):
    to_type = forms.ChoiceField(
        label="New type",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the new type of review",
            "invalid_choice": "Select a type of review from the list",
        },
    )
    reason = forms.CharField(
        label="Why it is re-categorised",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter why the review is re-categorised"},
    )
    on = forms.DateField(
        label="Date of the decision",
        error_messages={"required": "Enter the date of the decision"},
    )
    version = version_field()

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_type"].choices = [
            (value, label)
            for value, label in ReviewType.choices
            if value != review.review_type
        ]
        self.fields["version"].initial = review.version


class NotificationForm(GovukFormMixin, forms.Form):
    incident_known_on = forms.DateField(
        label="Date the local authority became aware",
        error_messages={
            "required": "Enter the date the local authority became aware of the "
            "incident"
        },
    )
    panel_notified_on = forms.DateField(
        label="Date the national panel was notified",
        required=False,
        help_text="Due within 5 working days. Leave blank if not yet notified.",
    )
    version = version_field()

    def __init__(self, *args, review, **kwargs):
        kwargs["initial"] = {
            "incident_known_on": review.incident_known_on,
            "panel_notified_on": review.panel_notified_on,
            "version": review.version,
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)


class RapidReviewForm(GovukFormMixin, forms.Form):
    sent_on = forms.DateField(
        label="Date the rapid review went to the panel",
        error_messages={
            "required": "Enter the date the rapid review went to the panel"
        },
    )
    decision = forms.ChoiceField(
        label="The rapid review's decision",
        choices=RapidReviewDecision.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the rapid review's decision",
            "invalid_choice": "Select the rapid review's decision from the list",
        },
    )
    panel_response = forms.CharField(
        label="The national panel's response",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    panel_responded_on = forms.DateField(
        label="Date the panel responded", required=False
    )
    version = version_field()

    def __init__(self, *args, review, **kwargs):
        kwargs["initial"] = {
            "sent_on": review.rapid_review_sent_on,
            "decision": review.rapid_review_decision,
            "panel_response": review.panel_response,
            "panel_responded_on": review.panel_responded_on,
            "version": review.version,
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
