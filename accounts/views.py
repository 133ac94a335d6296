"""The account page and the two-factor set-up, challenge and removal pages."""

from base64 import b32encode

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.generic import FormView, TemplateView
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from lscb_portal.forms import FormPageMixin

from . import services
from .forms import CodeForm, ContinueForm
from .two_factor import HAS_DEVICE_SESSION_KEY, two_factor_required

PENDING_KEY_SESSION_KEY = "two_factor_pending_key"
NEW_CODES_SESSION_KEY = "two_factor_new_codes"


class NextMixin:
    """Where to go once done: the page the person asked for, on this site."""

    def next_url(self):
        target = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, {self.request.get_host()}, self.request.is_secure()
        ):
            return target
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def with_next(self, name):
        if "next" not in self.request.GET:
            return reverse(name)
        return f"{reverse(name)}?{urlencode({'next': self.request.GET['next']})}"


def verified(request, device):
    """The session has given its second factor, on a fresh session key."""
    django_otp.login(request, device)
    request.session.cycle_key()


class CodePage(LoginRequiredMixin, NextMixin, FormPageMixin, FormView):
    form_class = CodeForm
    label = hint = ""
    numeric = False
    submit_label = "Continue"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(label=self.label, hint=self.hint, numeric=self.numeric)
        return kwargs


class ChallengeView(CodePage):
    """After the password: the code from the app (or a link to use a recovery code)."""

    template_name = "accounts/challenge.html"
    page_title = "Enter the code from your authenticator app"
    label = "Code"
    hint = "The 6-digit code your authenticator app shows for the LSCB portal."
    numeric = True
    recovery = False

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_verified():
            return redirect(self.next_url())
        if user.is_authenticated and not user_has_device(user):
            return redirect(self.with_next("two-factor-set-up"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs["recovery_url"] = self.with_next("two-factor-recovery")
        kwargs["app_url"] = self.with_next("two-factor")
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        device = services.verify_code(
            self.request.user,
            form.cleaned_data["code"],
            app=not self.recovery,
            recovery=self.recovery,
        )
        verified(self.request, device)
        if self.recovery:
            left = StaticToken.objects.filter(device=device).count()
            messages.info(
                self.request,
                f"You used a recovery code: you have {left} left. "
                "Get new ones by setting up two-factor sign-in again.",
            )
        return redirect(self.next_url())


class RecoveryChallengeView(ChallengeView):
    page_title = "Enter a recovery code"
    label = "Recovery code"
    hint = "One of the recovery codes you saved when you set up two-factor sign-in."
    numeric = False
    recovery = True


class SetUpView(CodePage):
    """Scan the QR code (or type the key), then prove it with a code from the app."""

    template_name = "accounts/set_up.html"
    page_title = "Set up two-factor sign-in"
    label = "Code from the app"
    hint = "The 6-digit code your authenticator app shows once you have added the key."
    numeric = True

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and user_has_device(request.user):
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def pending_key(self):
        # Kept in the session, not the database, until a code confirms it.
        session = self.request.session
        if PENDING_KEY_SESSION_KEY not in session:
            session[PENDING_KEY_SESSION_KEY] = services.new_secret()
        return session[PENDING_KEY_SESSION_KEY]

    def get_context_data(self, **kwargs):
        key = self.pending_key()
        url = services.authenticator_url(self.request.user, key)
        svg = segno.make(url, error="m").svg_inline(scale=4, title="QR code")
        secret = b32encode(TOTPDevice(key=key).bin_key).decode()
        kwargs.update(
            qr_code=mark_safe(  # segno's own markup; the title is ours
                svg.replace(
                    "<svg ",
                    '<svg role="img" aria-label="QR code to scan with your app" ',
                    1,
                )
            ),
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            required=two_factor_required(self.request.user),
        )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        user = self.request.user
        device, codes = services.confirm_set_up(
            user, self.pending_key(), form.cleaned_data["code"]
        )
        del self.request.session[PENDING_KEY_SESSION_KEY]
        verified(self.request, device)
        self.request.session[NEW_CODES_SESSION_KEY] = codes
        return redirect(self.with_next("two-factor-codes"))


class RecoveryCodesView(LoginRequiredMixin, NextMixin, FormPageMixin, FormView):
    """The new recovery codes, shown until the person says they have saved them."""

    template_name = "accounts/recovery_codes.html"
    form_class = ContinueForm
    page_title = "Save your recovery codes"
    submit_label = "I have saved these codes"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.session.get(
            NEW_CODES_SESSION_KEY
        ):
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs["codes"] = self.request.session[NEW_CODES_SESSION_KEY]
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        del self.request.session[NEW_CODES_SESSION_KEY]
        messages.success(self.request, "Two-factor sign-in is set up.")
        return redirect(self.next_url())


class RemoveView(CodePage):
    """Turn two-factor sign-in off (or start again), proven with a code."""

    page_title = "Remove two-factor sign-in"
    label = "Code"
    hint = "The 6-digit code from your app, or one of your recovery codes."
    submit_label = "Remove two-factor sign-in"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not user_has_device(request.user):
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def get_back_url(self):
        return reverse("account")

    def get_context_data(self, **kwargs):
        if two_factor_required(self.request.user):
            kwargs["intro"] = (
                "Your role needs two-factor sign-in: you will set it up again "
                "straight away, for example with a new phone."
            )
        return super().get_context_data(**kwargs)

    def form_save(self, form):
        services.remove_two_factor(self.request.user, form.cleaned_data["code"])
        self.request.session.pop(DEVICE_ID_SESSION_KEY, None)
        self.request.session.pop(HAS_DEVICE_SESSION_KEY, None)
        messages.success(self.request, "Two-factor sign-in is removed.")
        return redirect("account")


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.update(
            has_device=user_has_device(user),
            required=two_factor_required(user),
            codes_left=StaticToken.objects.filter(device__user=user).count(),
        )
        return super().get_context_data(**kwargs)
