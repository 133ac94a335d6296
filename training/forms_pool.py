"""Forms of the trainer pool, endorsed providers, e-learning and the imports.
They check what a person typed; the services decide the rules."""

from django import forms

from boards.forms import STALE_PAGE
from lscb_portal.forms import GovukFormMixin, ImportFileForm
from lscb_portal.periods import reporting_year_start, reporting_years, year_label

from . import permissions
from .models import Endorsement, Provider, Session, Trainer


def _version_field(required=True):
    return forms.IntegerField(
        widget=forms.HiddenInput,
        required=required,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


def _number(label, required=True, **kwargs):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=10_000_000,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} must be 0 or more",
            "max_value": f"{label} must be 10,000,000 or less",
        },
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}
        ),
        **kwargs,
    )


def _passed_within_allocated(form, allocated, passed) -> None:
    data = form.cleaned_data
    given = data.get(allocated) is not None and data.get(passed) is not None
    if given and data[passed] > data[allocated]:
        form.add_error(
            passed,
            f"{data[passed]:,} passed is more than the {data[allocated]:,} allocated",
        )


# Trainer pool -------------------------------------------------------------------


class TrainerForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Trainer
        fields = ["name", "agency", "agreement_signed_on", "trained_at"]
        labels = {
            "agreement_signed_on": "Agreement signed",
            "trained_at": "Trained at (a train-the-trainer session)",
        }
        error_messages = {
            "name": {"required": "Enter the trainer's name"},
            "agency": {"required": "Select the trainer's agency"},
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["agency"].queryset = board.agencies.all()
        self.fields["trained_at"].queryset = Session.objects.filter(
            course__board=board, course__trains_trainers=True
        ).select_related("course")
        self.fields["trained_at"].empty_label = "Not from a session of the board"


class TrainerEditForm(TrainerForm):
    version = _version_field()

    class Meta(TrainerForm.Meta):
        fields = [*TrainerForm.Meta.fields, "active"]
        labels = {**TrainerForm.Meta.labels, "active": "Still in the pool"}


class DevelopmentDayForm(GovukFormMixin, forms.Form):
    date = forms.DateField(
        label="Date", error_messages={"required": "Enter the date of the day"}
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter what the day was"},
    )
    trainers = forms.ModelMultipleChoiceField(
        label="Trainers who attended",
        queryset=Trainer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainers"].queryset = Trainer.objects.filter(
            board=board, active=True
        ).select_related("agency")
        self.fields["trainers"].label_from_instance = lambda t: f"{t} ({t.agency})"


# Providers ----------------------------------------------------------------------


class ProviderForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Provider
        fields = [
            "name",
            "courses",
            "self_assessment_received_on",
            "decision",
            "decided_on",
            "expires_on",
        ]
        labels = {
            "self_assessment_received_on": "Self-assessment received",
            "decision": "Endorsement decision",
            "decided_on": "Date of the decision",
            "expires_on": "Endorsement expires",
        }
        widgets = {"decision": forms.RadioSelect, "courses": forms.Textarea}
        error_messages = {"name": {"required": "Enter the provider's name"}}

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["decision"].choices = Endorsement.choices


class ProviderEditForm(ProviderForm):
    version = _version_field()


# E-learning ---------------------------------------------------------------------


class ElearningYearForm(GovukFormMixin, forms.Form):
    reported_allocated = _number(
        "Courses allocated",
        required=False,
        help_text="As the provider's report totals them; empty to use the "
        "departments' sum.",
    )
    reported_passed = _number(
        "Passes",
        required=False,
        help_text="As the provider's report totals them; empty to use the "
        "departments' sum.",
    )
    version = _version_field(required=False)

    def clean(self):
        data = super().clean()
        _passed_within_allocated(self, "reported_allocated", "reported_passed")
        return data


class ElearningReturnForm(GovukFormMixin, forms.Form):
    """One department's return; a department already returned is replaced."""

    department = forms.CharField(
        label="Department",
        max_length=200,
        error_messages={"required": "Enter the department"},
    )
    agency = forms.ModelChoiceField(
        label="Board agency",
        queryset=None,
        required=False,
        error_messages={
            "required": "Select your agency",
            "invalid_choice": "Select your agency from the list",
        },
    )
    allocated = _number("Allocated")
    passed = _number("Passed")

    def __init__(self, *args, board, user, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = board.agencies.all()
        field = self.fields["agency"]
        if permissions.can_manage_training(user, board):
            field.empty_label = "Not a board agency"
            field.help_text = "The board agency the department belongs to, if any."
        else:
            own = permissions.contributor_agency_ids(user, board)
            agencies = agencies.filter(pk__in=own)
            field.required = True
            field.empty_label = None
        field.queryset = agencies

    def clean(self):
        data = super().clean()
        _passed_within_allocated(self, "allocated", "passed")
        return data


# Imports ------------------------------------------------------------------------


class ElearningImportForm(ImportFileForm):
    year = forms.TypedChoiceField(
        label="Membership year",
        coerce=int,
        error_messages={"required": "Select the year the returns are for"},
    )
    field_order = ["year", "file"]

    def __init__(self, *args, board, today, **kwargs):
        super().__init__(*args, **kwargs)
        years = set(reporting_years(today)) | set(
            board.elearning_years.values_list("year", flat=True)
        )
        self.fields["year"].choices = [
            (year, year_label(year)) for year in sorted(years, reverse=True)
        ]
        latest = board.elearning_years.order_by("-year").first()
        self.fields["year"].initial = (
            latest.year if latest else reporting_year_start(today)
        )
