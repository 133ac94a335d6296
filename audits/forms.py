"""Forms of the audits app's pages: they validate input, and services decide the
rules."""

from django import forms

from boards.forms import STALE_PAGE
from business_plan.models import Action
from lscb_portal.files import MAX_UPLOAD_BYTES, UPLOAD_TYPES_TEXT
from lscb_portal.forms import DateInput, GovukForm, GovukFormMixin
from lscb_portal.rag import Rag, update_rag_field

from .models import (
    CHALLENGE_TITLE,
    ActionStatus,
    CaseAudit,
    CaseAuditRecommendation,
    Exclusion,
    Grading,
    Organisation,
    Rating,
    RecommendationStatus,
    Sector,
    StaffSurvey,
    SurveyQuestion,
)

# Case audit forms -----------------------------------------------------------------

GRADING_REFUSAL = "Select outstanding, good, requires improvement or inadequate"


def _version_field():
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


class CaseAuditForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = CaseAudit
        fields = [
            "theme",
            "group",
            "audited_on",
            "cases_audited",
            "good_practice",
            "areas_for_improvement",
            "themes",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "audited_on": DateInput(),
            "good_practice": forms.Textarea(attrs={"rows": 5}),
            "areas_for_improvement": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {
            "theme": "Theme",
            "group": "Quality Assurance Group that ran it (optional)",
            "audited_on": "Date of the audit",
            "cases_audited": "Number of cases audited",
            "good_practice": "Good practice found (optional)",
            "areas_for_improvement": "Areas for improvement (optional)",
            "themes": "Learning themes it looked at (optional)",
        }
        help_texts = {"audited_on": "For example, 31 1 2017"}
        error_messages = {
            "theme": {"required": "Enter the audit's theme"},
            "audited_on": {"required": "Enter the date of the audit"},
            "cases_audited": {
                "required": "Enter the number of cases audited",
                "invalid": "The number of cases audited must be a whole number",
                "min_value": "The number of cases audited must be 1 or more",
            },
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["group"].queryset = board.subgroups.order_by("name")
        self.fields["group"].empty_label = "None"
        self.fields["themes"].queryset = board.learning_themes.order_by("name")
        self.fields["cases_audited"].min_value = 1
        self.fields["cases_audited"].widget.attrs["class"] += " govuk-input--width-3"
        self.fields["cases_audited"].widget.attrs["min"] = 1

    def clean_cases_audited(self):
        value = self.cleaned_data["cases_audited"]
        if value is not None and value < 1:
            raise forms.ValidationError("The number of cases audited must be 1 or more")
        return value


class CaseAuditEditForm(CaseAuditForm):
    version = _version_field()


class GradingForm(GovukFormMixin, forms.Form):
    case = forms.CharField(
        label="Case reference",
        max_length=50,
        help_text="For example, Case 1. Do not enter the child's name.",
        error_messages={"required": "Enter the case reference"},
    )
    grading = forms.ChoiceField(
        label="Overall grading",
        choices=Grading.choices,
        widget=forms.RadioSelect,
        error_messages={"required": GRADING_REFUSAL, "invalid_choice": GRADING_REFUSAL},
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("case", f"Case {audit.gradings.count() + 1}")


class ActionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, action):
        return f"{action.plan.title}, action {action.ref}: {action.text[:80]}"


class RecommendationForm(GovukFormMixin, forms.ModelForm):
    business_plan_action = ActionChoiceField(
        queryset=Action.objects.none(),
        required=False,
        label="Business plan action that carries it out (optional)",
        empty_label="None",
    )

    class Meta:
        model = CaseAuditRecommendation
        fields = ["number", "text", "owner_agency", "due_date", "business_plan_action"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "due_date": DateInput(),
        }
        labels = {
            "text": "Recommendation",
            "owner_agency": "Owner agency",
            "due_date": "Due date",
        }
        help_texts = {
            "number": "The next number is filled in for you.",
            "due_date": "For example, 31 3 2018",
        }
        error_messages = {
            "number": {
                "required": "Enter the recommendation's number",
                "invalid": "The recommendation's number must be a whole number",
            },
            "text": {"required": "Enter the recommendation"},
            "owner_agency": {"required": "Select the agency that owns it"},
            "due_date": {"required": "Enter the due date"},
        }

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.audit = audit
        board = audit.board
        self.fields["owner_agency"].queryset = board.agencies.all()
        self.fields["owner_agency"].empty_label = "Choose an agency"
        self.fields["business_plan_action"].queryset = Action.objects.filter(
            plan__board=board
        ).select_related("plan")
        self.fields["number"].widget.attrs["class"] += " govuk-input--width-3"
        if not self.is_bound:
            last = audit.recommendations.order_by("-number").first()
            self.initial.setdefault("number", (last.number if last else 0) + 1)


RAG_CHOICES = [
    (Rag.RED, "Red – off track"),
    (Rag.AMBER, "Amber – slipping"),
    (Rag.GREEN, "Green – on track"),
]


class RecommendationProgressForm(GovukFormMixin, forms.Form):
    status = forms.ChoiceField(
        choices=RecommendationStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select not started, in progress or complete",
            "invalid_choice": "Select not started, in progress or complete",
        },
    )
    rag = forms.ChoiceField(
        label="RAG (not needed once complete)",
        choices=RAG_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select Red, Amber or Green"},
    )
    evidence = forms.CharField(
        label="Evidence of completion",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What shows the recommendation is done: needed when it is complete.",
    )
    version = _version_field()

    def __init__(self, *args, recommendation, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("status", recommendation.status)
        initial.setdefault(
            "rag", recommendation.rag if recommendation.rag != Rag.COMPLETE else ""
        )
        initial.setdefault("evidence", recommendation.evidence)
        initial.setdefault("version", recommendation.version)
        super().__init__(*args, **kwargs)


class CaseAuditFilterForm(GovukFormMixin, forms.Form):
    """The case audit list's filters: the group that ran it, the reporting year."""

    group = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="All groups",
        label="Group",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    year = forms.TypedChoiceField(
        coerce=int,
        required=False,
        label="Year",
        empty_value=None,
        error_messages={"invalid_choice": "Select a year from the list"},
    )

    def __init__(self, *args, board, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = (
            board.subgroups.filter(case_audits__isnull=False)
            .distinct()
            .order_by("name")
        )
        self.fields["year"].choices = [("", "All years")] + [
            (str(y), f"{y}-{str(y + 1)[2:]}") for y in years
        ]


# Submission forms -------------------------------------------------------------

RATING_REQUIRED = "Select whether the question is met"
EVIDENCE_MAX = 4000


class SubmissionStartForm(GovukForm):
    """Which organisation starts (or continues) its submission to which cycle."""

    cycle = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        queryset=None,
        label="Organisation",
        error_messages={
            "required": "Select the organisation that is answering",
            "invalid_choice": "Select an organisation from the list",
        },
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
    """One standard's questions: a rating and the evidence for each. A question
    may be left unanswered (to come back to), but only once the user confirms
    it: `save_anyway` comes from the warning's button."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    save_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            name = f"q{question.pk}"
            self.add_field(
                rating_field(name),
                forms.ChoiceField(
                    label=f"{question.code} {question.text}",
                    choices=Rating.choices,
                    widget=forms.RadioSelect,
                    required=False,  # an empty answer is warned of, not refused
                    error_messages={"invalid_choice": RATING_REQUIRED},
                ),
            )
            self.add_field(
                evidence_field(name),
                forms.CharField(
                    label=f"Evidence for {question.code}",
                    required=False,
                    max_length=EVIDENCE_MAX,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    help_text="What shows that the question is met (optional).",
                ),
            )

    def answers(self):
        """(question, rating, evidence) for each question answered, in order."""
        data = self.cleaned_data
        for question in self.questions:
            name = f"q{question.pk}"
            if data[rating_field(name)]:
                yield (
                    question,
                    data[rating_field(name)],
                    data.get(evidence_field(name), ""),
                )

    def unanswered(self) -> list:
        """The questions left without a rating."""
        data = self.cleaned_data
        return [q for q in self.questions if not data[rating_field(f"q{q.pk}")]]

    def needs_confirming(self) -> bool:
        """Whether saving would leave a question unanswered without the user
        having said "Save anyway"."""
        return bool(self.unanswered()) and not self.cleaned_data["save_anyway"]

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


# Section 11 set-up ------------------------------------------------------------------


class CycleForm(GovukFormMixin, forms.Form):
    year = forms.IntegerField(
        label="Reporting year it starts",
        help_text="2016 for 2016-17.",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the reporting year",
            "invalid": "The reporting year must be a whole number, like 2016",
            "min_value": "The reporting year must be between 2000 and 2100",
            "max_value": "The reporting year must be between 2000 and 2100",
        },
    )
    opens_on = forms.DateField(
        label="Opens on", error_messages={"required": "Enter the date it opens"}
    )
    closes_on = forms.DateField(
        label="Closes on", error_messages={"required": "Enter the date it closes"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget.attrs["class"] += " govuk-input--width-4"

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The audit cannot close before it opens")
        return data


def number_field(what: str) -> forms.IntegerField:
    return forms.IntegerField(
        label="Number",
        min_value=1,
        max_value=99,
        error_messages={
            "required": f"Enter the {what}'s number",
            "invalid": f"The {what}'s number must be a whole number",
            "min_value": f"The {what}'s number must be between 1 and 99",
            "max_value": f"The {what}'s number must be between 1 and 99",
        },
    )


class StandardForm(GovukFormMixin, forms.Form):
    number = number_field("standard")
    title = forms.CharField(
        max_length=300, error_messages={"required": "Enter the standard's title"}
    )
    text = forms.CharField(
        label="Description (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class QuestionForm(GovukFormMixin, forms.Form):
    number = number_field("question")
    text = forms.CharField(
        label="Question",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the question"},
    )


class OrganisationForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "sector", "agency", "active"]
        widgets = {"sector": forms.RadioSelect}
        labels = {"agency": "Board agency it is (optional)", "active": "Active"}
        help_texts = {"active": "Inactive organisations are not asked to answer."}
        error_messages = {
            "name": {"required": "Enter the organisation's name"},
            "sector": {"required": "Select the organisation's sector"},
            "agency": {"invalid_choice": "Select a board agency from the list"},
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["sector"].choices = Sector.choices
        self.fields["agency"].queryset = board.agencies.all()
        self.fields["agency"].empty_label = "Not a board agency"


class ExclusionForm(GovukFormMixin, forms.Form):
    exclusion = forms.ChoiceField(
        label="Why it is left out of the results",
        choices=Exclusion.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select partial or duplicate",
            "invalid_choice": "Select partial or duplicate",
        },
    )
    reason = forms.CharField(
        label="Reason",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the submission is excluded"},
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


# Staff survey -----------------------------------------------------------------


def count_field(label: str, what: str, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=1_000_000,
        error_messages={
            "required": f"Enter {what}",
            "invalid": f"{what[:1].upper()}{what[1:]} must be a whole number",
            "min_value": f"{what[:1].upper()}{what[1:]} must be 0 or more",
            "max_value": f"{what[:1].upper()}{what[1:]} must be 1,000,000 or less",
        },
        **kwargs,
    )


class SurveyForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = StaffSurvey
        fields = ["year", "opened_on", "closed_on", "respondents"]
        widgets = {"opened_on": DateInput(), "closed_on": DateInput()}
        labels = {
            "year": "Year it ran",
            "opened_on": "Ran from",
            "closed_on": "Ran to",
            "respondents": "Number of staff who responded",
        }
        help_texts = {
            "year": "For example, 2016.",
            "opened_on": "For example, 17 6 2016",
            "closed_on": "For example, 22 7 2016",
            "respondents": "",
        }
        error_messages = {
            "year": {
                "required": "Enter the year the survey ran",
                "invalid": "The year must be a whole number, like 2016",
            },
            "opened_on": {"required": "Enter the date the survey started"},
            "closed_on": {"required": "Enter the date the survey ended"},
            "respondents": {
                "required": "Enter the number of staff who responded",
                "invalid": "The number of staff who responded must be a whole number",
                "min_value": "The number of staff who responded must be 0 or more",
            },
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        year = self.fields["year"]
        year.min_value, year.max_value = 2000, 2100
        year.widget.attrs["class"] += " govuk-input--width-4"
        self.fields["respondents"].widget.attrs["class"] += " govuk-input--width-5"

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and not 2000 <= year <= 2100:
            raise forms.ValidationError("The year must be between 2000 and 2100")
        return year

    def clean(self):
        data = super().clean()
        opened, closed = data.get("opened_on"), data.get("closed_on")
        if opened and closed and closed < opened:
            self.add_error("closed_on", "The survey cannot end before it starts")
        return data


class SurveyEditForm(SurveyForm):
    version = _version_field()


OPTIONS_HELP = (
    "One answer option a line, in order: the answer, a | and how many chose it, "
    "for example “Yes | 126”."
)


def parse_options(text: str) -> list[tuple[str, int]]:
    """ "Yes | 126" lines as [("Yes", 126)]; a ValidationError names each bad
    line."""
    options, errors = [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        answer, bar, count = line.rpartition("|")
        count = count.strip().replace(",", "")
        if not bar or not answer.strip():
            errors.append(
                f"Line {n}: write the answer, a | and its count, like “Yes | 126”"
            )
        elif not count.lstrip("-").isdigit():
            errors.append(f"Line {n}: the count “{count}” must be a whole number")
        else:
            options.append((answer.strip(), int(count)))
    if errors:
        raise forms.ValidationError(errors)
    return options


class RepeatChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.survey.year}: {obj}"


class SurveyQuestionForm(GovukFormMixin, forms.Form):
    number = forms.CharField(
        label="Question number (optional)",
        required=False,
        max_length=20,
        help_text="As the survey tool printed it, for example Q20.",
    )
    text = forms.CharField(
        label="Question",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the question"},
    )
    answered = count_field("Answered", "the number who answered")
    skipped = count_field("Skipped", "the number who skipped the question")
    options = forms.CharField(
        label="Answer options and their counts",
        max_length=10000,
        help_text=OPTIONS_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the answer options and their counts"},
    )
    repeat_of = RepeatChoiceField(
        label="The same question in an earlier survey (optional)",
        queryset=SurveyQuestion.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Select a question from the list"},
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("answered", "skipped"):
            self.fields[name].widget.attrs["class"] += " govuk-input--width-5"
        self.fields["repeat_of"].queryset = (
            SurveyQuestion.objects.filter(
                survey__board=survey.board_id, survey__year__lt=survey.year
            )
            .select_related("survey")
            .order_by("-survey__year", "position")
        )
        self.fields["repeat_of"].empty_label = "Not asked before"

    def clean_options(self):
        return parse_options(self.cleaned_data["options"])


class SurveyImportForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="CSV or XLSX file",
        help_text="The survey tool's summary export, in the format described above.",
        error_messages={"required": "Select a file to import"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV or XLSX file")
        return upload


# Section 11 evidence files, committed actions and challenge events ------------


class StandardChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, standard):
        return str(standard)


def _standard_field(label: str, empty: str) -> StandardChoiceField:
    return StandardChoiceField(
        queryset=None,
        label=label,
        required=False,
        empty_label=empty,
        error_messages={"invalid_choice": "Select one of this audit's standards"},
    )


class EvidenceFileForm(GovukForm):
    file = forms.FileField(
        label="Upload a file",
        help_text=f"{UPLOAD_TYPES_TEXT}, smaller than {MAX_UPLOAD_BYTES >> 20} MB.",
        error_messages={
            "required": "Select a file to upload",
            "empty": "The chosen file is empty",
        },
    )
    standard = _standard_field("Evidence for", "The whole submission")

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = cycle.standards.all()


class CommittedActionForm(GovukForm):
    text = forms.CharField(
        label="Action",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the organisation will do.",
        error_messages={"required": "Enter the action"},
    )
    standard = _standard_field("Standard it answers (optional)", "None")
    owner = forms.CharField(
        label="Owner",
        max_length=200,
        help_text="The person or post responsible for it.",
        error_messages={"required": "Enter who owns the action"},
    )
    due_date = forms.DateField(
        label="Due date",
        widget=DateInput(),
        help_text="For example, 31 3 2018",
        error_messages={"required": "Enter the due date"},
    )

    def __init__(self, *args, cycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = cycle.standards.all()


class CommittedActionChangeForm(CommittedActionForm):
    version = _version_field()


class ActionProgressForm(GovukForm):
    status = forms.ChoiceField(
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select not started, in progress or complete",
            "invalid_choice": "Select not started, in progress or complete",
        },
    )
    rag = update_rag_field()
    note = forms.CharField(
        label="Progress note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What has been done, and for red or amber what is being done "
        "about it.",
    )
    version = _version_field()

    def __init__(self, *args, action, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("status", action.status)
        initial.setdefault("version", action.version)
        super().__init__(*args, **kwargs)


FOLLOW_UP_STATES = [("", "All"), ("open", "Open"), ("complete", "Complete")]


class FollowUpFilterForm(GovukForm):
    """The follow-up list's filter: open, complete or all (anything else: all)."""

    state = forms.ChoiceField(label="Status", choices=FOLLOW_UP_STATES, required=False)

    def state_value(self) -> str:
        return self.cleaned_data.get("state", "") if self.is_valid() else ""


class ChallengeEventForm(GovukForm):
    held_on = forms.DateField(
        label="Date of the event",
        widget=DateInput(),
        help_text="For example, 21 9 2017",
        error_messages={"required": "Enter the date of the event"},
    )
    title = forms.CharField(
        max_length=200,
        initial=CHALLENGE_TITLE,
        error_messages={"required": "Enter the event's title"},
    )
    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ChallengeParticipantForm(GovukForm):
    organisation = forms.ModelChoiceField(
        queryset=None,
        label="Organisation taking part",
        empty_label="Choose an organisation",
        error_messages={
            "required": "Select the organisation taking part",
            "invalid_choice": "Select an organisation from the list",
        },
    )
    challenged_on = forms.CharField(
        label="What it was challenged on",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what it was challenged on"},
    )
    response = forms.CharField(
        label="Its response (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
