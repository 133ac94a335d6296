from django.conf import settings
from django.db import models


class TwoFactorEvent(models.Model):
    """Who set up or removed two-factor sign-in, or used a recovery code, and when."""

    class Kind(models.TextChoices):
        SET_UP = "set_up", "Set up two-factor sign-in"
        REMOVED = "removed", "Removed two-factor sign-in"
        RECOVERY_CODE_USED = "recovery_code_used", "Signed in with a recovery code"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor_events",
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.user} – {self.get_kind_display()}"
