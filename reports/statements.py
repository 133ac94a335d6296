"""Statements: a member agency's brief word and a priority theme's strengths and
priorities for a year (reports.models.Statement). Saving names the version the
page showed, so a stale edit is refused, never silently overwritten; the chair
approves a version and reports print the approved text."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from boards.models import Agency
from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.versioning import StaleVersion, lock, update_versioned

from .models import Statement
from .narrative import clean_text, text_blocks


def _subject(agency, theme) -> dict:
    if (agency is None) == (theme is None):
        raise DomainError("A statement is about one agency or one theme.")
    return {"agency": agency} if agency is not None else {"theme": theme}


def statement_for(board, year: int, *, agency=None, theme=None) -> Statement | None:
    return Statement.objects.filter(
        board=board, year=year, **_subject(agency, theme)
    ).first()


def statement_save(
    *, board, year: int, version: int, text: str, user, agency=None, theme=None
) -> Statement:
    """Saves the text unless someone changed it since `version` (0: the page
    showed no statement yet); an unchanged text saves nothing."""
    subject = _subject(agency, theme)
    text = clean_text(text)
    statement = statement_for(board, year, **subject)
    if statement is None:
        if version != 0:
            raise DomainError("This statement no longer exists: reload the page.")
        statement = Statement(
            board=board, year=year, text=text, updated_by=user, **subject
        )
        full_clean(statement)
        statement._history_user = user
        try:
            with transaction.atomic():
                statement.save()
        except IntegrityError:
            # Someone else wrote the first version in the meantime.
            raise StaleVersion(statement_for(board, year, **subject)) from None
        return statement
    if statement.text == text:
        if statement.version != version:
            raise StaleVersion(statement)
        return statement
    return update_versioned(
        Statement,
        pk=statement.pk,
        version=version,
        changes={"text": text, "updated_by": user},
        user=user,
    )


@transaction.atomic
def statement_approve(statement: Statement, *, version: int, user) -> Statement:
    """The chair approves `version`: the report prints its text from now on.
    Refused when the text changed since the page showed that version."""
    statement = lock(Statement, pk=statement.pk)
    if statement.version != version:
        raise StaleVersion(
            statement,
            message="The statement was changed after you opened the page. Version "
            f"{version} has not been approved: check the text and approve again.",
        )
    if statement.approved_version == version:
        raise AlreadyRecorded(f"Version {version} is approved already.", statement)
    if not statement.text and statement.approved_version is None:
        raise DomainError("There is nothing to approve: the statement is empty.")
    statement.approved_text = statement.text
    statement.approved_version = version
    statement.approved_by = user
    statement.approved_at = timezone.now()
    statement._history_user = user
    statement._change_reason = f"Version {version} approved"
    statement.save()
    return statement


def statement_texts(board, year: int, *, draft: bool, by: str) -> dict[int, list]:
    """{agency or theme id: the text as paragraphs and lists} of the year's
    statements (`by` "agency" or "theme"): the approved text, or with `draft`
    the text as it stands; statements with nothing to print are left out. One
    query."""
    found = Statement.objects.filter(board=board, year=year, **{f"{by}__isnull": False})
    texts = {}
    for statement in found:
        blocks = text_blocks(statement.text if draft else statement.approved_text)
        if blocks:
            texts[getattr(statement, f"{by}_id")] = blocks
    return texts


def member_statements(board, year: int, *, draft: bool = False) -> dict | None:
    """Section "A brief word from the LSCB Members": each member agency's
    statement for the year, by agency name; None when no agency has one to
    print. Two queries."""
    texts = statement_texts(board, year, draft=draft, by="agency")
    if not texts:
        return None
    agencies = Agency.objects.filter(board=board, pk__in=texts).order_by("name")
    return {"statements": [(agency, texts[agency.pk]) for agency in agencies]}
