"""The one domain error: a business rule refused a change. Services raise it (or a
subclass, e.g. versioning.StaleVersion); lscb_portal.forms turns it into form errors
and the API's exception handler into 400/409 JSON.

It is a django ValidationError, so it carries messages keyed by field (message_dict)
and code that catches ValidationError keeps working."""

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A refused change; its messages are for the user, keyed by field when they
    belong to one."""

    def __str__(self):
        # One readable sentence, not the repr of a list.
        return " ".join(self.messages)


class AlreadyRecorded(DomainError):
    """What the user tried to record exists already (a duplicate line, a second
    click on submit or approve): `existing` is the record that holds it."""

    def __init__(self, message: str, existing=None):
        super().__init__(message, code="duplicate")
        self.existing = existing


def full_clean(instance, **kwargs) -> None:
    """The model's own validation, refused as a DomainError."""
    try:
        instance.full_clean(**kwargs)
    except DomainError:
        raise
    except ValidationError as error:
        raise DomainError(error) from None
