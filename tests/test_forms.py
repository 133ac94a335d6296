"""The shared form pieces: the GOV.UK date input (day, month, year) that replaces
native date pickers, the maximum length every text field states in its hint, and
the GOV.UK error wording every form of every app gives."""

import copy
import functools
import importlib
import pkgutil
import re
from datetime import date

import pytest
from django import forms
from django.forms import models as django_models
from django.forms.utils import pretty_name
from django.template.loader import render_to_string

from boards.models import ChallengeLogEntry, Membership
from lscb_portal.forms import (
    DateInput,
    GovukDateField,
    GovukForm,
    GovukFormMixin,
    word_errors,
)


class EventForm(GovukForm):
    day = forms.DateField(label="Date of the event", widget=DateInput())
    until = forms.DateField(required=False)
    title = forms.CharField()
    notes = forms.CharField(required=False, widget=forms.Textarea)
    code = forms.CharField(max_length=10, required=False)


def errors(data):
    form = EventForm({"title": "T", **data})
    form.is_valid()
    return {name: texts[0] for name, texts in form.errors.items()}


def parts(name, d, m, y):
    return {f"{name}_day": d, f"{name}_month": m, f"{name}_year": y}


def test_every_date_field_becomes_a_govuk_date_field():
    form = EventForm()
    assert isinstance(form.fields["day"], GovukDateField)
    assert isinstance(form.fields["until"], GovukDateField)
    assert not form.fields["until"].required


def test_day_month_and_year_make_the_date():
    form = EventForm({"title": "T", **parts("day", "27", "3", "2017")})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2017, 3, 27)
    assert form.cleaned_data["until"] is None


def test_a_single_iso_date_is_still_accepted():
    form = EventForm({"title": "T", "day": "2017-03-31"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2017, 3, 31)


@pytest.mark.parametrize(
    ("entered", "message"),
    [
        (("27", "", "2017"), "Date of the event must include a month"),
        (("", "", "2017"), "Date of the event must include a day and month"),
        (("27", "3", ""), "Date of the event must include a year"),
        (("31", "2", "2017"), "Enter a real date for date of the event"),
        (("27", "March", "2017"), "Enter a real date for date of the event"),
        (("27", "3", "17"), "Date of the event must include a year of 4 numbers"),
    ],
)
def test_an_incomplete_or_impossible_date_is_named(entered, message):
    assert errors(parts("day", *entered)) == {"day": message}


def test_an_empty_optional_date_is_no_date_and_a_required_one_is_asked_for():
    assert errors(parts("until", "", "", "")) == {"day": "Enter date of the event"}


def test_a_date_field_without_a_label_names_itself_in_its_messages():
    found = errors({"day": "2017-03-31", **parts("until", "1", "", "2017")})
    assert found == {"until": "Until must include a month"}


def test_the_date_input_is_a_fieldset_of_three_labelled_boxes_keeping_what_was_typed():
    form = EventForm({"title": "T", **parts("day", "31", "2", "2017")})
    form.is_valid()
    html = render_to_string("components/field.html", {"field": form["day"]})
    assert '<fieldset class="govuk-fieldset" role="group"' in html
    assert "<legend" in html and "Date of the event</legend>" in html
    assert "For example, 27 3 2017" in html
    assert 'aria-describedby="id_day-hint id_day-error"' in html
    for label, name, value in [("Day", "day_day", "31"), ("Month", "day_month", "2")]:
        assert f">{label}</label>" in html
        assert f'name="{name}" type="text" inputmode="numeric" value="{value}"' in html
    assert 'id="id_day"' in html  # the error summary links to the day box
    assert html.count('type="text"') == 3  # no native date picker


def test_the_date_input_shows_a_saved_date_as_its_parts():
    form = EventForm(initial={"day": date(2017, 3, 9)})
    html = render_to_string("components/field.html", {"field": form["day"]})
    assert 'name="day_day" type="text" inputmode="numeric" value="9"' in html
    assert 'name="day_month" type="text" inputmode="numeric" value="3"' in html
    assert 'name="day_year" type="text" inputmode="numeric" value="2017"' in html


def test_text_fields_get_a_maximum_length_stated_in_their_hint():
    form = EventForm()
    assert form.fields["title"].max_length == 250
    assert form.fields["notes"].max_length == 2000
    assert form.fields["notes"].help_text == "Up to 2,000 characters."
    assert form.fields["code"].help_text == "Up to 10 characters."
    html = render_to_string("components/field.html", {"field": form["notes"]})
    assert "Up to 2,000 characters." in html


def test_an_over_long_text_is_refused_with_a_clear_message():
    found = errors({"day": "2017-03-31", "notes": "x" * 2001, "code": "x" * 11})
    assert found == {
        "notes": "Notes must be 2,000 characters or fewer",
        "code": "Code must be 10 characters or fewer",
    }
    assert errors({"day": "2017-03-31", "notes": "x" * 2000}) == {}


def test_an_over_long_post_shows_the_error_and_saves_nothing(cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/challenges/new/",
        {
            **parts("date", "12", "1", "2017"),
            "raised_by": Membership.objects.get(user=cast.lay_member).pk,
            "agency_challenged": cast.agency_x.pk,
            "subject": "Return home interviews",
            "details": "x" * 2001,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Details must be 2,000 characters or fewer" in page
    assert not ChallengeLogEntry.objects.exists()


def test_a_page_saves_a_date_posted_as_day_month_and_year(cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/challenges/new/",
        {
            **parts("date", "12", "1", "2017"),
            "raised_by": Membership.objects.get(user=cast.lay_member).pk,
            "agency_challenged": cast.agency_x.pk,
            "subject": "Return home interviews",
        },
    )
    assert response.status_code == 302
    assert ChallengeLogEntry.objects.get().date == date(2017, 1, 12)


def test_a_password_gets_no_length_hint():
    class SignIn(GovukForm):
        password = forms.CharField(widget=forms.PasswordInput)

    field = SignIn().fields["password"]
    assert field.max_length is None and not field.help_text


# Every form of every app, as its users get it: Django's own wording ("This field
# is required.", "Enter a whole number.") must never reach them.
PROJECT_APPS = (
    "lscb_portal",
    "accounts",
    "boards",
    "subgroups",
    "business_plan",
    "indicators",
    "reviews",
    "audits",
    "training",
    "good_practice",
    "reports",
)
NEW_APPS = ("audits", "reviews", "training", "good_practice")
# What a user can reach by typing or leaving a box empty (a choice outside the
# list needs a hand-edited post, and is checked only where the mixin words it).
TYPED_CODES = (
    "required",
    "invalid",
    "min_value",
    "max_value",
    "max_digits",
    "max_decimal_places",
    "max_whole_digits",
    "empty",
    "missing",
    "min_length",
)
CHOICE_CODES = ("invalid_choice", "invalid_list", "invalid_pk_value")


def project_form_classes():
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if not {".migrations", ".demo", ".management"} & {
                f".{part}" for part in module.name.split(".")
            }:
                importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    found = {
        cls
        for cls in subclasses(forms.BaseForm)
        if cls.__module__.split(".")[0] in PROJECT_APPS
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


@functools.cache
def django_wording() -> frozenset[str]:
    """Every default message of Django's form fields."""
    texts = set()
    for module in (forms.fields, django_models):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.Field):
                for cls in value.__mro__:
                    for text in getattr(cls, "default_error_messages", {}).values():
                        texts.add(str(text))
    return frozenset(texts)


def declared_fields(cls):
    """The form's declared fields as its __init__ words them (most forms need the
    board or a record to be built; the fields they add in __init__ are tested
    with their pages)."""
    fields = copy.deepcopy(cls.base_fields)
    if issubclass(cls, GovukFormMixin):
        for name, field in fields.items():
            if not field.widget.is_hidden:
                word_errors(field, field.label or pretty_name(name))
    return {n: f for n, f in fields.items() if not f.widget.is_hidden}


FORM_CLASSES = project_form_classes()


def test_every_app_is_walked():
    apps = {cls.__module__.split(".")[0] for cls in FORM_CLASSES}
    assert set(NEW_APPS) <= apps
    assert len(FORM_CLASSES) > 100


# Forms that only read a query string and fall back to a default: no message is
# ever shown.
UNSHOWN = {"BudgetYearForm"}


def django_words(field, code) -> bool:
    """Whether Django's own text would be shown for `code`: a field's default
    message, or a limit's validator's (used when the field has no message)."""
    if code in ("min_value", "max_value", "min_length"):
        limit = getattr(field, code, None)
        return limit is not None and code not in field.error_messages
    text = field.error_messages.get(code)
    return text is not None and str(text) in django_wording()


@pytest.mark.parametrize(
    "cls",
    [cls for cls in FORM_CLASSES if cls.__name__ not in UNSHOWN],
    ids=lambda c: c.__qualname__,
)
def test_no_form_shows_djangos_default_wording(cls):
    codes = TYPED_CODES + (CHOICE_CODES if issubclass(cls, GovukFormMixin) else ())
    left = [
        f"{name}.{code}: {field.error_messages.get(code)}"
        for name, field in declared_fields(cls).items()
        for code in codes
        if (code != "required" or field.required) and django_words(field, code)
    ]
    assert not left


RANGE = re.compile(r" must be (between \S+ and \S+|\S+ or (more|less))$")


def new_app_messages():
    for cls in FORM_CLASSES:
        if cls.__module__.split(".")[0] in NEW_APPS:
            for name, field in declared_fields(cls).items():
                yield f"{cls.__qualname__}.{name}", field


@pytest.mark.parametrize(
    ("name", "field"), list(new_app_messages()), ids=lambda v: str(v)
)
def test_the_new_apps_word_errors_the_govuk_way(name, field):
    messages = {code: str(text) for code, text in field.error_messages.items()}
    if field.required:
        assert messages["required"].startswith(("Enter ", "Select ")), messages
    if isinstance(field, forms.IntegerField):  # a DecimalField is one too
        assert re.search(r" must be a (whole )?number", messages["invalid"])
    if isinstance(field, forms.DateField):
        assert "real date" in messages["invalid"]
    for code in ("min_value", "max_value"):
        if code in messages:
            assert RANGE.search(messages[code]), messages[code]


@pytest.mark.parametrize(
    ("field", "messages"),
    [
        (
            forms.IntegerField(label="Places", min_value=1, max_value=40),
            {
                "required": "Enter places",
                "invalid": "Places must be a whole number",
                "min_value": "Places must be between 1 and 40",
            },
        ),
        (
            forms.DecimalField(label="Score (optional)", min_value=0),
            {
                "invalid": "Score must be a number",
                "min_value": "Score must be 0 or more",
            },
        ),
        (
            forms.IntegerField(label="LADO referrals", max_value=9999),
            {
                "required": "Enter LADO referrals",
                "max_value": "LADO referrals must be 9,999 or less",
            },
        ),
        (
            forms.ChoiceField(label="Which quarter?", choices=[("1", "Q1")]),
            {
                "required": "Select which quarter",
                "invalid_choice": "Select which quarter from the list",
            },
        ),
        (
            forms.DateField(label="Date of the event"),
            {"invalid": "Enter a real date for date of the event"},
        ),
        (
            forms.CharField(label="Title", error_messages={"required": "Name it"}),
            {"required": "Name it"},  # a form's own wording wins
        ),
    ],
)
def test_default_messages_are_worded_from_the_label(field, messages):
    word_errors(field, field.label)
    assert {code: str(field.error_messages[code]) for code in messages} == messages


def test_a_required_number_left_empty_or_wrong_is_named_on_the_page():
    class Counts(GovukForm):
        places = forms.IntegerField(label="Places", min_value=1)

    assert Counts({"places": ""}).errors == {"places": ["Enter places"]}
    assert Counts({"places": "ten"}).errors == {
        "places": ["Places must be a whole number"]
    }
    assert Counts({"places": "0"}).errors == {"places": ["Places must be 1 or more"]}
