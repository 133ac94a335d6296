"""Forms of a review's learning and action plan: lessons and learning themes,
SMART action items and their progress, dissemination steps and assurance."""

from django import forms
from django.utils import timezone

from boards.forms import STALE_PAGE
from business_plan.models import Action
from indicators.models import Indicator
from lscb_portal.forms import DateInput, GovukFormMixin
from lscb_portal.rag import update_rag_field

from ..models import (
    ActionItem,
    DisseminationKind,
    ItemStatus,
    LearningTheme,
    Lesson,
)


def version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


class LessonForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["number", "title", "text", "themes"]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "text": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {
            "title": "Heading (optional)",
            "text": "The lesson",
            "themes": "Learning themes",
        }
        help_texts = {"number": "The next number is filled in for you."}
        error_messages = {
            "number": {
                "required": "Enter the lesson's number",
                "invalid": "The lesson's number must be a whole number",
            },
            "text": {"required": "Enter the lesson"},
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.review = review
        self.fields["themes"].queryset = LearningTheme.objects.filter(
            board=review.board_id
        )
        self.fields["number"].widget.attrs["class"] += " govuk-input--width-3"
        if not self.instance.pk and not self.is_bound:
            last = review.lessons.order_by("-number").first()
            self.initial.setdefault("number", (last.number if last else 0) + 1)


class ActionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, action):
        return f"{action.plan.title}, action {action.ref}: {action.text[:80]}"


class ActionItemForm(GovukFormMixin, forms.ModelForm):
    """An item's SMART terms (its progress is recorded on its own page)."""

    business_plan_action = ActionChoiceField(
        queryset=Action.objects.none(),
        required=False,
        label="Business plan action that carries it out (optional)",
        empty_label="None",
    )

    class Meta:
        model = ActionItem
        fields = [
            "number",
            "action",
            "owner_agency",
            "due_date",
            "measure_of_success",
            "lessons",
            "business_plan_action",
        ]
        widgets = {
            "due_date": DateInput(),
            "action": forms.Textarea(attrs={"rows": 4}),
            "measure_of_success": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.CheckboxSelectMultiple,
        }
        labels = {
            "action": "What will be done (specific)",
            "measure_of_success": "Measure of success (how we will know)",
            "lessons": "The lessons it answers",
            "owner_agency": "Owner agency",
            "due_date": "Due date",
        }
        help_texts = {
            "number": "The next number is filled in for you.",
            "due_date": "For example, 31 3 2018",
        }
        error_messages = {
            "number": {
                "required": "Enter the item's number",
                "invalid": "The item's number must be a whole number",
            },
            "action": {"required": "Enter what will be done"},
            "owner_agency": {"required": "Select the agency that owns the action"},
            "due_date": {"required": "Enter the due date"},
            "measure_of_success": {"required": "Enter the measure of success"},
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.review = review
        board = review.board
        self.fields["owner_agency"].queryset = board.agencies.all()
        self.fields["owner_agency"].empty_label = "Choose an agency"
        self.fields["lessons"].queryset = review.lessons.all()
        self.fields["lessons"].label_from_instance = lambda lesson: (
            f"{lesson.number}. {lesson.title or lesson.text[:100]}"
        )
        self.fields["business_plan_action"].queryset = Action.objects.filter(
            plan__board=board
        ).select_related("plan")
        self.fields["number"].widget.attrs["class"] += " govuk-input--width-3"
        if not self.instance.pk and not self.is_bound:
            last = review.action_items.order_by("-number").first()
            self.initial.setdefault("number", (last.number if last else 0) + 1)


class ActionItemEditForm(ActionItemForm):
    version = version_field()


class ProgressForm(GovukFormMixin, forms.Form):
    """Progress on an item: a dated update, as business-plan actions are updated."""

    date = forms.DateField(
        label="Date of the update",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the update"},
    )
    status = forms.ChoiceField(
        choices=ItemStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select not started, in progress or complete",
            "invalid_choice": "Select not started, in progress or complete",
        },
    )
    rag = update_rag_field()
    evidence = forms.CharField(
        label="Evidence of completion",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What shows the action is done: needed when it is complete.",
    )
    narrative = forms.CharField(
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What has been done, and for red or amber what is being done "
        "about it.",
    )
    version = version_field()

    def __init__(self, *args, item, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("date", timezone.localdate())
        initial.setdefault("status", item.status)
        initial.setdefault("evidence", item.evidence)
        initial.setdefault("version", item.version)
        super().__init__(*args, **kwargs)


class DisseminationForm(GovukFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="What was done",
        choices=DisseminationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what was done"},
    )
    done_on = forms.DateField(
        label="Date done",
        widget=DateInput(),
        error_messages={"required": "Enter the date it was done"},
    )
    note = forms.CharField(required=False, max_length=500)


class AssuranceRequestForm(GovukFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        queryset=None,
        empty_label="Choose an agency",
        error_messages={"required": "Select the agency asked for assurance"},
    )
    requested_on = forms.DateField(
        label="Date requested",
        widget=DateInput(),
        error_messages={"required": "Enter the date assurance was requested"},
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = board.agencies.all()


class AssuranceReceiveForm(GovukFormMixin, forms.Form):
    received_on = forms.DateField(
        label="Date received",
        widget=DateInput(),
        error_messages={"required": "Enter the date the answer was received"},
    )
    summary = forms.CharField(
        label="Summary of the agency's assurance",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter a summary of the agency's assurance"},
    )


class ThemeForm(GovukFormMixin, forms.Form):
    name = forms.CharField(
        max_length=100, error_messages={"required": "Enter the theme's name"}
    )
    description = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    actions = forms.ModelMultipleChoiceField(
        queryset=Action.objects.none(),
        required=False,
        label="Business-plan actions on this theme (optional)",
        widget=forms.CheckboxSelectMultiple,
    )
    indicators = forms.ModelMultipleChoiceField(
        queryset=Indicator.objects.none(),
        required=False,
        label="Indicators that show this theme (optional)",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.filter(
            plan__board=board
        ).select_related("plan")
        self.fields["actions"].label_from_instance = lambda a: (
            f"{a.ref} {a.text[:90]} ({a.plan})"
        )
        self.fields["indicators"].queryset = Indicator.objects.filter(board=board)
