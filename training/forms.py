"""Forms of the training pages: they validate input, and services decide the rules
(a session's date within its course's running dates, the same person twice,
scores from 1 to 5, counts not negative)."""

from django import forms

from boards.forms import STALE_PAGE
from business_plan.models import Theme as PlanTheme
from lscb_portal.forms import DateInput, GovukForm, GovukFormMixin
from reviews.models import LearningTheme, Lesson

from .models import Course, Session, SessionStatus, Trainer


def _version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


class PlanThemeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.plan.title}: {obj}"


class LessonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        heading = f" – {obj.title}" if obj.title else ""
        return f"{obj.review.child_reference}, lesson {obj.number}{heading}"


class CourseForm(GovukFormMixin, forms.ModelForm):
    plan_themes = PlanThemeChoice(
        queryset=PlanTheme.objects.none(),
        required=False,
        label="Business-plan priorities it answers",
        widget=forms.CheckboxSelectMultiple,
    )
    lessons = LessonChoice(
        queryset=Lesson.objects.none(),
        required=False,
        label="Review lessons it answers",
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=LearningTheme.objects.none(),
        required=False,
        label="Learning themes it covers",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "level",
            "format",
            "learning_outcomes",
            "runs_from",
            "runs_until",
            "trains_trainers",
            "plan_themes",
            "lessons",
            "themes",
        ]
        labels = {
            "runs_from": "First day",
            "runs_until": "Last day (optional)",
            "trains_trainers": "A train-the-trainer course",
        }
        widgets = {
            "level": forms.RadioSelect,
            "format": forms.RadioSelect,
            "learning_outcomes": forms.Textarea(attrs={"rows": 4}),
            "runs_from": DateInput(),
            "runs_until": DateInput(),
        }
        error_messages = {
            "title": {"required": "Enter the course's title"},
            "level": {"required": "Select the level"},
            "format": {"required": "Select the format"},
            "runs_from": {"required": "Enter the first day sessions may be held"},
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["level"].choices = self.fields["level"].choices[1:]
        self.fields["format"].choices = self.fields["format"].choices[1:]
        self.fields["plan_themes"].queryset = PlanTheme.objects.filter(
            plan__board=board
        ).select_related("plan")
        self.fields["lessons"].queryset = Lesson.objects.filter(
            review__board=board
        ).select_related("review")
        self.fields["themes"].queryset = LearningTheme.objects.filter(board=board)

    def validate_unique(self):
        """The service checks the title is the board's only one."""


class CourseEditForm(CourseForm):
    version = _version_field()


class TrainerChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.agency.name})"


class SessionForm(GovukFormMixin, forms.ModelForm):
    trainers = TrainerChoice(
        queryset=Trainer.objects.none(),
        required=False,
        label="Trainers",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Session
        fields = ["date", "venue", "capacity", "status", "trainers", "note"]
        labels = {
            "date": "Date of the session",
            "capacity": "Places (optional)",
            "venue": "Venue (optional)",
            "note": "Note (optional)",
        }
        widgets = {"date": DateInput(), "status": forms.RadioSelect}
        error_messages = {
            "date": {"required": "Enter the date of the session"},
            "capacity": {
                "min_value": "Places must be 1 or more",
                "invalid": "Places must be a whole number",
            },
        }

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.course = course
        self.fields["status"].initial = SessionStatus.PLANNED
        self.fields["trainers"].queryset = Trainer.objects.filter(
            board=course.board, active=True
        ).select_related("agency")
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs.update(min=1)
        self.fields["capacity"].widget.attrs["class"] += " govuk-input--width-5"

    def _post_clean(self):
        """Model rules (the running dates) are the service's, shown on the form."""


class SessionEditForm(SessionForm):
    version = _version_field()


class AttendeeForm(GovukForm):
    name = forms.CharField(
        max_length=200, error_messages={"required": "Enter the person's name"}
    )
    agency = forms.ModelChoiceField(
        queryset=None,
        empty_label="Choose the agency",
        error_messages={
            "required": "Select the person's agency",
            "invalid_choice": "Select an agency from the list",
        },
    )
    role = forms.CharField(label="Role (optional)", required=False, max_length=200)
    attended = forms.TypedChoiceField(
        label="Did they attend?",
        choices=[("yes", "Attended"), ("no", "Booked, did not attend")],
        coerce=lambda value: value == "yes",
        initial="yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether they attended"},
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = board.agencies.order_by("name")


class ConfirmForm(GovukForm):
    """A confirmation with nothing to fill in."""


class CountsForm(GovukForm):
    """One count per agency the user may record for; empty leaves it as it is,
    0 removes it."""

    def __init__(self, *args, agencies, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = {f"agency_{a.pk}": a for a in agencies}
        for name, agency in self.agencies.items():
            field = forms.IntegerField(
                label=agency.name,
                required=False,
                initial=current.get(agency.pk),
                error_messages={
                    "invalid": f"The count for {agency.name} must be a whole number"
                },
            )
            field.widget.attrs.update(
                {"inputmode": "numeric", "class": "govuk-input govuk-input--width-5"}
            )
            self.fields[name] = field

    def rows(self):
        """(agency, count) for each count given."""
        return [
            (agency, self.cleaned_data[name])
            for name, agency in self.agencies.items()
            if self.cleaned_data.get(name) is not None
        ]


class EvaluationForm(GovukForm):
    """A score field per set question (1-5, checked by the service) and comments."""

    comments = forms.CharField(
        label="Comments (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {f"q{q.number}": q for q in questions}
        fields = {}
        for name, question in self.questions.items():
            field = forms.IntegerField(
                label=f"{question.number}. {question.text}",
                required=False,
                help_text="A score from 1 (poor) to 5 (excellent).",
                error_messages={"invalid": "The score must be a whole number"},
            )
            field.widget.attrs.update({"inputmode": "numeric"})
            fields[name] = field
            field.widget.attrs["class"] = "govuk-input govuk-input--width-2"
            field.widget.attrs["aria-describedby"] = f"id_{name}-hint"
        self.fields = {**fields, **self.fields}

    def scores(self):
        return {
            question: self.cleaned_data[name]
            for name, question in self.questions.items()
            if self.cleaned_data.get(name) is not None
        }


class QuestionForm(GovukForm):
    text = forms.CharField(
        label="Question",
        max_length=300,
        help_text="For example: The course met its learning outcomes.",
        error_messages={"required": "Enter the question"},
    )


class ImpactForm(GovukForm):
    followed_up_on = forms.DateField(
        label="Date of the follow-up",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the follow-up"},
    )
    sampled = forms.IntegerField(
        label="Attendees asked",
        min_value=0,
        error_messages={
            "required": "Enter how many attendees were asked",
            "min_value": "Attendees asked must be 0 or more",
        },
    )
    practice_changed = forms.IntegerField(
        label="Of those, how many said their practice changed",
        min_value=0,
        error_messages={
            "required": "Enter how many said their practice changed",
            "min_value": "The number who said their practice changed must be 0 or more",
        },
    )
    examples = forms.CharField(
        label="Examples of changed practice (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("sampled", "practice_changed"):
            self.fields[name].widget.attrs["class"] += " govuk-input--width-5"
