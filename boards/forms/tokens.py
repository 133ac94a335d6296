from datetime import timedelta

from django import forms
from django.utils import timezone

from lscb_portal.forms import DateInput, GovukFormMixin

from ..models import Membership, TokenScope


class TokenForm(GovukFormMixin, forms.Form):
    name = forms.CharField(
        max_length=100,
        help_text="What it is for, e.g. “Constabulary performance upload”.",
        error_messages={"required": "Enter what the token is for"},
    )
    member = forms.ModelChoiceField(
        queryset=Membership.objects.none(),
        label="Whose access it gives",
        help_text="The token can do what this person's role allows on the board.",
        error_messages={"required": "Choose whose access the token gives"},
    )
    scope = forms.ChoiceField(
        choices=TokenScope.choices, initial=TokenScope.READ, widget=forms.RadioSelect
    )
    expires_on = forms.DateField(
        label="Expires on",
        widget=DateInput(),
        error_messages={
            "required": "Enter when the token expires",
            "invalid": "Enter a real date",
        },
    )

    def __init__(self, *args, board, **kwargs):
        kwargs.setdefault("initial", {}).setdefault(
            "expires_on", timezone.localdate() + timedelta(days=365)
        )
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Membership.objects.filter(
            board=board
        ).select_related("user", "agency")
        self.fields["member"].label_from_instance = lambda m: (
            f"{m.person} – {m.get_role_display()}"
            + (f" ({m.agency.name})" if m.agency else "")
        )

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day <= today:
            raise forms.ValidationError("The expiry date must be in the future")
        if day > today + timedelta(days=731):
            raise forms.ValidationError("A token can last two years at most")
        return day
