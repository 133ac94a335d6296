"""GOV.UK Design System styling for Django forms, shared by every app's forms."""

import copy

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError

from .versioning import StaleVersion


class DateInput(forms.DateInput):
    """A native date picker: browsers need the value as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


# First match wins, so subclasses come before their bases.
WIDGET_CLASSES = {
    forms.RadioSelect: "govuk-radios__input",
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.DateInput: "govuk-input govuk-input--width-10",
}


class GovukFormMixin:
    """Adds GOV.UK classes and error states to widgets; templates render fields
    through components/field.html and errors through components/error_summary.html."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = next(
                (c for t, c in WIDGET_CLASSES.items() if isinstance(widget, t)),
                "govuk-input",
            )
            widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}-hint"

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


class GovukForm(GovukFormMixin, forms.Form):
    """A plain form styled the GOV.UK way (e.g. the form of a FilterSet)."""


class FormPageMixin:
    """For FormViews rendered by templates/form_page.html."""

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
    or on the whole form when it names none: the one way pages show a refusal."""
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


class VersionedEditMixin:
    """For FormViews that change a versioned record through a service: the form
    starts from the record's version; `save(data, version)` returns the response,
    a stale version answers 409 naming who saved first, a refused change shows the
    service's errors on the form."""

    def versioned_record(self):
        raise ImproperlyConfigured(f"{type(self).__name__} names no record to edit.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        record = self.versioned_record()
        kwargs["instance"] = copy.copy(record)  # the form must not alter the page's
        kwargs.setdefault("initial", {})["version"] = record.version
        return kwargs

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return save_or_refuse(self, form, lambda: self.save(data, version))
