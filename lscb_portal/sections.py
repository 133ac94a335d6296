"""What a board holds, listed on its home page. Each app registers its section in
its AppConfig.ready(), so the boards app needs to import none of them. Deadline
lists (what is due next and late, for the user) are shown on the board home and
the Reporting Planner the same way."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class BoardSection:
    title: str
    url_name: str  # takes the board's slug
    describe: Callable  # (board) -> str, one query at most
    in_navigation: bool = True  # also a link in the service navigation


_SECTIONS: list[BoardSection] = []


def register(section: BoardSection) -> None:
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def sections_for(board) -> list[dict]:
    return [
        {
            "title": s.title,
            "url": reverse(s.url_name, args=[board.slug]),
            "description": s.describe(board),
        }
        for s in _SECTIONS
    ]


def nav_for(board_slug: str) -> list[dict]:
    """The sections as service navigation links (no queries)."""
    return [
        {"title": s.title, "url": reverse(s.url_name, args=[board_slug])}
        for s in _SECTIONS
        if s.in_navigation
    ]


@dataclass(frozen=True)
class AgencySection:
    """A part of an agency's page: `context(agency)` gives what `template` shows.
    With `for_user`, `context(agency, user)` shows only what the user may see and
    may return None to leave the part out."""

    title: str
    template: str
    context: Callable  # (agency) -> dict, a fixed number of queries
    for_user: bool = False


_AGENCY_SECTIONS: list[AgencySection] = []


def register_agency_section(section: AgencySection) -> None:
    if section not in _AGENCY_SECTIONS:
        _AGENCY_SECTIONS.append(section)


def agency_sections_for(agency, user=None) -> list[dict]:
    sections = []
    for s in _AGENCY_SECTIONS:
        if s.for_user:
            context = s.context(agency, user) if user is not None else None
        else:
            context = s.context(agency)
        if context is not None:
            sections.append({"title": s.title, "template": s.template, **context})
    return sections


@dataclass(frozen=True)
class PagePart:
    """A part an app above boards adds to a page of a lower app: the deadlines
    where the board home and the Reporting Planner show what is due and late, or
    a panel of the board home's "where we stand" (the plan's RAG, the scorecard's
    reds and ambers). `context(board, user, today)` gives what `template` shows,
    or None when the user has nothing to see (or may not see it)."""

    title: str
    template: str
    context: Callable  # (board, user, today) -> dict | None, fixed queries


_DEADLINES: list[PagePart] = []
_HOME_PANELS: list[PagePart] = []


def register_deadlines(part: PagePart) -> None:
    if part not in _DEADLINES:
        _DEADLINES.append(part)


def register_home_panel(part: PagePart) -> None:
    if part not in _HOME_PANELS:
        _HOME_PANELS.append(part)


def _parts_for(parts, board, user, today) -> list[dict]:
    found = []
    for part in parts:
        context = part.context(board, user, today)
        if context is not None:
            found.append({"title": part.title, "template": part.template, **context})
    return found


def deadlines_for(board, user, today) -> list[dict]:
    return _parts_for(_DEADLINES, board, user, today)


def home_panels_for(board, user, today) -> list[dict]:
    return _parts_for(_HOME_PANELS, board, user, today)
