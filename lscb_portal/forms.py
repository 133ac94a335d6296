"""GOV.UK Design System styling for Django forms, shared by every app's forms."""

import copy
import datetime
import re

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.utils import pretty_name
from django.utils.dateparse import parse_date

from .periods import EARLIEST_YEAR, LATEST_YEAR, validate_date_range
from .tables import ImportFailed
from .versioning import StaleVersion

DATE_PARTS = ("day", "month", "year")


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes, posted as
    <name>_day, <name>_month and <name>_year (components/date_input.html
    draws them). A single YYYY-MM-DD value under <name> is still accepted, as
    API-like posts and older clients send."""

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput() for part in DATE_PARTS}, attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for part, sub in zip(DATE_PARTS, context["widget"]["subwidgets"], strict=True):
            sub["part"] = part  # the template labels and sizes each box by it
        return context

    def subwidgets(self, name, value, attrs=None):
        # The three boxes, as BoundField.subwidgets gives them to the template.
        yield from self.get_context(name, value, attrs)["widget"]["subwidgets"]

    def decompress(self, value):
        if isinstance(value, dict):  # the parts as posted, shown again on error
            return [value.get(part, "") for part in DATE_PARTS]
        if isinstance(value, str):
            value = parse_date_or_none(value)
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        return {part: data.get(f"{name}_{part}", "") for part in DATE_PARTS}

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


def parse_date_or_none(text):
    try:
        return parse_date(text.strip())
    except ValueError:
        return None


class GovukDateField(forms.DateField):
    """A date from the GOV.UK date input, with the Design System's messages
    (GovukFormMixin makes every visible DateField one of these)."""

    widget = DateInput

    def to_python(self, value):
        if not isinstance(value, dict):
            return super().to_python(value)
        parts = {part: str(value.get(part) or "").strip() for part in DATE_PARTS}
        if not any(parts.values()):
            return None
        label = self.label or "The date"
        real_date = f"Enter a real date for {lower_first(label)}"
        missing = [part for part in DATE_PARTS if not parts[part]]
        if missing:
            raise ValidationError(
                f"{label} must include a {' and '.join(missing)}", code="incomplete"
            )
        if not all(parts[part].isdigit() for part in DATE_PARTS):
            raise ValidationError(real_date, code="invalid")
        if len(parts["year"]) != 4:
            raise ValidationError(
                f"{label} must include a year of 4 numbers", code="invalid"
            )
        try:
            return datetime.date(*(int(parts[p]) for p in ("year", "month", "day")))
        except ValueError:
            raise ValidationError(real_date, code="invalid") from None

    def validate(self, value):
        super().validate(value)
        try:
            validate_date_range(value)
        except ValidationError:
            label = self.label or "The date"
            raise ValidationError(
                f"{label} must be from {EARLIEST_YEAR} to {LATEST_YEAR}",
                code="date_range",
            ) from None

    @classmethod
    def like(cls, field):
        """This kind of field in place of a plain DateField, keeping its settings."""
        return cls(
            required=field.required,
            label=field.label,
            initial=field.initial,
            help_text=field.help_text,
            error_messages=field.error_messages,
            validators=field.validators,
            disabled=field.disabled,
        )


# First match wins, so subclasses come before their bases.
WIDGET_CLASSES = {
    forms.RadioSelect: "govuk-radios__input",
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.ClearableFileInput: "govuk-file-upload",
    DateInput: "govuk-date-input__input",
}

# A text field without its own maximum gets one by widget: a line or a block.
TEXT_MAX_LENGTH = {forms.Textarea: 2000, forms.TextInput: 250}


def lower_first(label: str) -> str:
    """A label inside a sentence: "Date of the event" -> "date of the event",
    but an initialism stays as it is ("LADO referrals"), and an aside in
    brackets or a question mark is dropped."""
    label = re.sub(r"\s*\(.*?\)", "", str(label)).strip().rstrip("?:")  # no asides
    if label[1:2].isupper():
        return label
    return label[:1].lower() + label[1:]


# Choices are selected, files uploaded; everything else is entered (GOV.UK patterns).
SELECTED = (
    forms.ChoiceField,
    forms.ModelChoiceField,
    forms.BooleanField,
    forms.FileField,
)


def django_default(field, code) -> bool:
    """Whether the field's message for `code` is still Django's own wording
    (a form's own message is left alone)."""
    defaults = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    return code in field.error_messages and str(field.error_messages[code]) == str(
        defaults.get(code)
    )


def govuk_messages(field, label) -> dict:
    """The GOV.UK Design System's error messages for a field, from its label:
    "Enter …", "Select …", "… must be a number", "… must be between X and Y"."""
    name = lower_first(label)
    label = name[:1].upper() + name[1:]
    verb = "Select" if isinstance(field, SELECTED) else "Enter"
    messages = {
        "required": f"{verb} {name}",
        "invalid_choice": f"Select {name} from the list",
        "invalid_list": f"Select {name} from the list",
        "invalid_pk_value": f"Select {name} from the list",
        "empty": "The selected file is empty",
        "missing": f"Select {name}",
    }
    if isinstance(field, (forms.DecimalField, forms.FloatField)):  # before Integer
        messages["invalid"] = f"{label} must be a number"
        if getattr(field, "max_digits", None) is not None:
            messages["max_digits"] = f"{label} must be a smaller number"
            messages["max_whole_digits"] = f"{label} must be a smaller number"
        if getattr(field, "decimal_places", None) is not None:
            places = field.decimal_places
            messages["max_decimal_places"] = (
                f"{label} must have no more than {places} decimal "
                f"place{'s' if places != 1 else ''}"
            )
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = f"{label} must be a whole number"
    elif isinstance(field, forms.EmailField):
        messages["invalid"] = (
            f"Enter {name} in the correct format, like name@example.com"
        )
    elif isinstance(field, forms.URLField):
        messages["invalid"] = (
            f"Enter {name} in the correct format, like https://www.example.com"
        )
    elif isinstance(field, forms.DateField):
        messages["invalid"] = f"Enter a real date for {name}"
    elif isinstance(field, forms.TimeField):
        messages["invalid"] = f"Enter {name} as hours and minutes, like 14:30"
    elif isinstance(field, forms.FileField):
        messages["invalid"] = "The selected file could not be uploaded – try again"
    low, high = getattr(field, "min_value", None), getattr(field, "max_value", None)
    if low is not None and high is not None:
        between = f"{label} must be between {low:,} and {high:,}"
        messages["min_value"] = messages["max_value"] = between
    elif low is not None:
        messages["min_value"] = f"{label} must be {low:,} or more"
    elif high is not None:
        messages["max_value"] = f"{label} must be {high:,} or less"
    if getattr(field, "min_length", None):
        messages["min_length"] = (
            f"{label} must be {field.min_length:,} characters or more"
        )
    return messages


# Codes of the field's own validators (a minimum, a maximum, digits), which
# Django words in the validator unless the field has a message for them.
VALIDATOR_CODES = (
    "min_value",
    "max_value",
    "min_length",
    "max_digits",
    "max_decimal_places",
    "max_whole_digits",
)


def word_errors(field, label) -> None:
    """Replaces each of Django's default messages on the field by GOV.UK wording."""
    for code, text in govuk_messages(field, label).items():
        absent = code in VALIDATOR_CODES and code not in field.error_messages
        if absent or django_default(field, code):
            field.error_messages[code] = text


class GovukFormMixin:
    """Adds GOV.UK classes and error states to widgets; templates render fields
    through components/field.html and errors through components/error_summary.html.
    Every visible DateField becomes a GovukDateField (day, month, year boxes),
    every text field (not a password) has a maximum length, stated in its hint,
    and Django's default error messages give way to GOV.UK wording from the label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in list(self.fields.items()):
            self.add_field(name, field)

    def add_field(self, name, field) -> None:
        """Puts the field on the form, styled and worded as the declared fields
        are: what a form calls for the fields it adds in its __init__."""
        if isinstance(field, forms.DateField) and not field.widget.is_hidden:
            field.label = field.label or pretty_name(name)  # for its messages
            if not isinstance(field, GovukDateField):
                field = GovukDateField.like(field)
        elif isinstance(field, forms.CharField) and not isinstance(
            field.widget, (forms.HiddenInput, forms.PasswordInput)
        ):
            limit_length(field, field.label or pretty_name(name))
        if not field.widget.is_hidden:
            word_errors(field, field.label or pretty_name(name))
        widget = field.widget
        css = next(
            (c for t, c in WIDGET_CLASSES.items() if isinstance(widget, t)),
            "govuk-input",
        )
        widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
        if field.help_text:
            widget.attrs["aria-describedby"] = f"id_{name}-hint"
        self.fields[name] = field

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                css = widget.attrs["class"].split()[0]
                widget.attrs["class"] += f" {css}--error"
                described = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = (
                    f"{described} id_{name}-error".strip()
                )


def limit_length(field, label) -> None:
    """Gives a text field a maximum length if it has none, says it in the hint
    and words the error the GOV.UK way."""
    if field.max_length is None:
        field.max_length = next(
            (n for t, n in TEXT_MAX_LENGTH.items() if isinstance(field.widget, t)),
            TEXT_MAX_LENGTH[forms.TextInput],
        )
        field.validators.append(MaxLengthValidator(field.max_length))
    limit = f"{field.max_length:,}"
    field.error_messages = {
        "max_length": f"{label} must be {limit} characters or fewer",
        **field.error_messages,  # a form's own wording wins
    }
    field.help_text = f"{field.help_text} Up to {limit} characters.".strip()


class GovukForm(GovukFormMixin, forms.Form):
    """A plain form styled the GOV.UK way (e.g. the form of a FilterSet)."""


class FormSaveMixin:
    """The one adapter from a service's refusal to a page: a view implements
    `form_save(form)` (call the service, add the message, return the response)
    with no try/except, and save_or_refuse shows a DomainError on the form (409
    for a stale version). Without form_save a view saves as FormView does."""

    def form_valid(self, form):
        return save_or_refuse(self, form, lambda: self.form_save(form))

    def form_save(self, form):
        return super().form_valid(form)


class FormPageMixin(FormSaveMixin):
    """For FormViews rendered by templates/form_page.html; form_save saves."""

    template_name = "form_page.html"
    page_title = ""
    submit_label = "Save"
    intro = ""
    multipart = False

    def get_back_url(self):
        return None

    def get_page_title(self):
        return self.page_title

    def get_context_data(self, **kwargs):
        kwargs.setdefault("page_title", self.get_page_title())
        kwargs.setdefault("submit_label", self.submit_label)
        kwargs.setdefault("intro", self.intro)
        kwargs.setdefault("multipart", self.multipart)
        kwargs.setdefault("back_url", self.get_back_url())
        return super().get_context_data(**kwargs)


def add_errors(form, error) -> None:
    """Puts a service's DomainError (or any ValidationError) on the form's fields,
    or on the whole form when it names none: the one way pages show a refusal.
    Rows refused together list their problems (the first hundred); from an
    uploaded file, the page then says that nothing was imported."""
    if isinstance(error, ImportFailed):
        for text in error.errors[:IMPORT_ERRORS_SHOWN]:
            form.add_error(None, text)
        if len(error.errors) > IMPORT_ERRORS_SHOWN:
            form.add_error(
                None, f"Only the first {IMPORT_ERRORS_SHOWN} problems are listed."
            )
        if "file" in form.fields:
            form.add_error(
                None, "Nothing was imported: correct the file and try again."
            )
        return
    if hasattr(error, "message_dict"):
        for field, texts in error.message_dict.items():
            for text in texts:
                form.add_error(field if field in form.fields else None, text)
    else:
        for text in error.messages:
            form.add_error(None, text)


def save_or_refuse(view, form, save):
    """The answer to a form whose save goes through a service: save()'s own
    response; or the form again, with 409 naming who saved first when the version
    is stale, or with the service's errors when it refuses the change."""
    try:
        return save()
    except StaleVersion as conflict:
        form.add_error(None, str(conflict))
        return view.render_to_response(view.get_context_data(form=form), status=409)
    except ValidationError as error:
        add_errors(form, error)
        return view.form_invalid(form)


class VersionedEditMixin(FormSaveMixin):
    """For FormViews that change a versioned record through a service: the form
    starts from the record's version; `save(data, version)` returns the response,
    a stale version answers 409 naming who saved first, a refused change shows the
    service's errors on the form. Either order with FormPageMixin works: both
    share one form_valid, and this form_save comes first in the MRO."""

    def versioned_record(self):
        raise ImproperlyConfigured(f"{type(self).__name__} names no record to edit.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        record = self.versioned_record()
        kwargs["instance"] = copy.copy(record)  # the form must not alter the page's
        kwargs.setdefault("initial", {})["version"] = record.version
        return kwargs

    def form_save(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return self.save(data, version)


IMPORT_ERRORS_SHOWN = 100
IMPORT_ALL_OR_NONE = (
    "Every row is imported, or none is: if a row has a problem, nothing is saved "
    "and each problem is listed with its row number."
)
MAX_IMPORT_BYTES = 10 * 1024 * 1024


class ImportFileForm(GovukFormMixin, forms.Form):
    """A CSV or XLSX file to import, checked for size and type before it is read."""

    file = forms.FileField(
        label="Upload a CSV or XLSX file",
        help_text="The file must be smaller than 10MB.",
        error_messages={
            "required": "Select a CSV or XLSX file",
            "empty": "The selected file is empty",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The selected file must be a CSV or XLSX file")
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10MB")
        return upload
