"""The boards app's forms, one module per area."""

from .core import (
    STALE_PAGE,
    BoardForm,
    GovukSetPasswordForm,
    MeetingForm,
    QueuedPasswordResetForm,
    SignInForm,
)

__all__ = [
    "STALE_PAGE",
    "BoardForm",
    "GovukSetPasswordForm",
    "MeetingForm",
    "QueuedPasswordResetForm",
    "SignInForm",
]
