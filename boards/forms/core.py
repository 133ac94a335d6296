from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.db import transaction
from django.template import loader

from lscb_portal.celery import broker_available, enqueue
from lscb_portal.forms import DateInput, GovukFormMixin
from lscb_portal.tasks import send_email

from ..models import Board, Meeting

STALE_PAGE = "This page is out of date: reload it and make your changes again."


class BoardForm(GovukFormMixin, forms.ModelForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": STALE_PAGE,
            "invalid": STALE_PAGE,
        },
    )

    class Meta:
        model = Board
        fields = ["name", "area", "vision"]
        labels = {"name": "Board name", "area": "Area", "vision": "Vision"}
        help_texts = {"vision": "The board's vision statement, as published."}
        error_messages = {
            "name": {"required": "Enter the board's name"},
            "area": {"required": "Enter the area the board covers"},
        }


class SignInForm(GovukFormMixin, AuthenticationForm):
    username = forms.EmailField(
        label="E-mail address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    error_messages = {
        # The same message whether or not the address is known.
        "invalid_login": "Enter a correct e-mail address and password.",
        "inactive": "Enter a correct e-mail address and password.",
    }


class QueuedPasswordResetForm(GovukFormMixin, PasswordResetForm):
    """Queues the reset e-mail for the worker once the request has committed."""

    email = forms.EmailField(
        label="E-mail address",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": "Enter your e-mail address"},
    )

    def clean(self):
        if not broker_available():
            raise forms.ValidationError(
                "E-mails cannot be sent right now: the job queue is not answering. "
                "Try again in a few minutes."
            )
        return super().clean()

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(
            loader.render_to_string(subject_template_name, context).splitlines()
        )
        body = loader.render_to_string(email_template_name, context)
        # A send that fails after clean()'s check is logged, never an error page
        # (which would tell who has an account).
        transaction.on_commit(
            lambda: enqueue(send_email, subject=subject, body=body, to=[to_email])
        )


class GovukSetPasswordForm(GovukFormMixin, SetPasswordForm):
    """Choosing a new password after a reset, styled the GOV.UK way."""


class MeetingForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "date", "starts_at", "location"]
        widgets = {
            "date": DateInput(),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        labels = {"starts_at": "Start time"}
        error_messages = {"date": {"required": "Enter the date of the meeting"}}

    def __init__(self, *args, board, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.board = board
