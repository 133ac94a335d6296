"""The shared form pieces: the GOV.UK date input (day, month, year) that replaces
native date pickers, and the maximum length every text field states in its hint."""

from datetime import date

import pytest
from django import forms
from django.template.loader import render_to_string

from boards.models import ChallengeLogEntry, Membership
from lscb_portal.forms import DateInput, GovukDateField, GovukForm


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
    assert errors(parts("until", "", "", "")) == {"day": "This field is required."}


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
