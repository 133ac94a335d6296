"""Writes to the glossary and to the links with other strategic boards."""

from django.db import transaction

from ..models import Board, GlossaryTerm, StrategicLink
from .finance import AlreadyRecorded, lock_unchanged, save_with_history

ACRONYM_EXISTS = "This acronym is already in the glossary: change it instead."


def _existing_term(*, board, acronym, exclude_pk=None):
    """The same acronym in any case: "ChIB" and "CHIB" are one entry."""
    found = GlossaryTerm.objects.filter(board=board, acronym__iexact=acronym)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.first()


def _save_term(term, *, user):
    existing = _existing_term(
        board=term.board, acronym=term.acronym, exclude_pk=term.pk
    )
    if existing is not None:
        raise AlreadyRecorded(ACRONYM_EXISTS, existing)
    return save_with_history(
        term,
        user=user,
        duplicate_message=ACRONYM_EXISTS,
        find_duplicate=lambda: _existing_term(
            board=term.board, acronym=term.acronym, exclude_pk=term.pk
        ),
    )


@transaction.atomic
def glossary_term_create(
    *, board: Board, acronym: str, meaning: str, user
) -> GlossaryTerm:
    term = GlossaryTerm(board=board, acronym=acronym.strip(), meaning=meaning.strip())
    return _save_term(term, user=user)


@transaction.atomic
def glossary_term_update(
    *, term: GlossaryTerm, seen: int | None, acronym: str, meaning: str, user
) -> GlossaryTerm:
    term = lock_unchanged(GlossaryTerm, pk=term.pk, seen=seen)
    term.acronym, term.meaning = acronym.strip(), meaning.strip()
    return _save_term(term, user=user)


@transaction.atomic
def glossary_term_delete(*, term: GlossaryTerm, user) -> None:
    term._history_user = user
    term.delete()


@transaction.atomic
def strategic_link_create(
    *, board: Board, name: str, relationship: str, url: str, user
) -> StrategicLink:
    link = StrategicLink(
        board=board, name=name.strip(), relationship=relationship.strip(), url=url
    )
    return save_with_history(link, user=user)


@transaction.atomic
def strategic_link_update(
    *,
    link: StrategicLink,
    seen: int | None,
    name: str,
    relationship: str,
    url: str,
    user,
) -> StrategicLink:
    link = lock_unchanged(StrategicLink, pk=link.pk, seen=seen)
    link.name, link.relationship, link.url = name.strip(), relationship.strip(), url
    return save_with_history(link, user=user)


@transaction.atomic
def strategic_link_delete(*, link: StrategicLink, user) -> None:
    link._history_user = user
    link.delete()
