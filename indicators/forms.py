from django import forms

from boards.forms import STALE_PAGE
from lscb_portal.forms import DateInput, GovukFormMixin

from .models import Indicator, Measurement, PeriodKind, Rag, Scorecard


class IndicatorForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "description",
            "unit",
            "polarity",
            "frequency",
            "owning_agency",
            "source",
            "tolerance_kind",
            "tolerance",
            "scorecards",
        ]
        widgets = {"scorecards": forms.CheckboxSelectMultiple}
        error_messages = {
            "code": {"required": "Enter the indicator's code, e.g. CS1.0"},
            "description": {"required": "Enter what the indicator measures"},
            "unit": {"required": "Choose the unit"},
            "polarity": {"required": "Choose whether high or low is good"},
        }

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
        self.fields["owning_agency"].queryset = board.agencies.all()
        self.fields["scorecards"].queryset = Scorecard.objects.filter(board=board)
        self.fields["code"].widget.attrs["class"] += " govuk-input--width-10"

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        board = self.instance.board
        clash = Indicator.objects.filter(board=board, code__iexact=code).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise forms.ValidationError(
                "This board already has an indicator with this code."
            )
        return code


class IndicatorEditForm(IndicatorForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )


class TargetForm(GovukFormMixin, forms.Form):
    year = forms.IntegerField(
        label="Reporting year (first year, e.g. 2016 for 2016-17)",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "Enter the reporting year"},
    )
    value = forms.DecimalField(
        label="Target", required=False, max_digits=12, decimal_places=3
    )
    low = forms.DecimalField(
        label="Or a range: from", required=False, max_digits=12, decimal_places=3
    )
    high = forms.DecimalField(
        label="to", required=False, max_digits=12, decimal_places=3
    )

    def clean(self):
        data = super().clean()
        value, low, high = data.get("value"), data.get("low"), data.get("high")
        if value is not None and (low is not None or high is not None):
            raise forms.ValidationError("Give a target value or a range, not both.")
        if (low is None) != (high is None):
            raise forms.ValidationError("Give both ends of the range.")
        if low is not None and high is not None and low > high:
            self.add_error("low", "The low end must not be above the high end")
        return data


class MeasurementForm(GovukFormMixin, forms.Form):
    period_kind = forms.ChoiceField(
        label="Period", choices=PeriodKind.choices, initial=PeriodKind.QUARTER
    )
    period_end = forms.DateField(
        label="Last day of the period",
        widget=DateInput(),
        error_messages={
            "required": "Enter the last day of the period",
            "invalid": "Enter a real date",
        },
    )
    value = forms.DecimalField(
        max_digits=14,
        decimal_places=3,
        error_messages={"required": "Enter the value", "invalid": "Enter a number"},
    )
    numerator = forms.DecimalField(required=False, max_digits=14, decimal_places=3)
    denominator = forms.DecimalField(required=False, max_digits=14, decimal_places=3)
    source = forms.CharField(required=False, max_length=200)
    recorded_rag = forms.ChoiceField(
        label="Recorded RAG (only to override the computed one)",
        choices=[("", "Use the computed RAG"), *Rag.choices],
        required=False,
    )
    rag_reason = forms.CharField(
        label="Reason for the recorded RAG",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    commentary = forms.CharField(
        label="Commentary: what is being done about it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("recorded_rag") and not data.get("rag_reason", "").strip():
            self.add_error("rag_reason", "Give the reason for recording a RAG")
        return data


class MeasurementEditForm(GovukFormMixin, forms.ModelForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": STALE_PAGE, "invalid": STALE_PAGE},
    )

    class Meta:
        model = Measurement
        fields = [
            "value",
            "numerator",
            "denominator",
            "source",
            "recorded_rag",
            "rag_reason",
            "commentary",
        ]
        widgets = {
            "rag_reason": forms.Textarea(attrs={"rows": 2}),
            "commentary": forms.Textarea(attrs={"rows": 3}),
        }


class ImportForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="CSV or XLSX file",
        help_text="Columns: code, period, value, and optionally rag and reason. "
        "Periods: 2017-03 (a month), 2016-17 Q4 (a quarter) or 2016-17 (a year).",
        error_messages={"required": "Choose a file to import"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 10 MB")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV or XLSX file")
        return upload
