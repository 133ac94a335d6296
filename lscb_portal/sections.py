"""What a board holds, listed on its home page. Each app registers its section in
its AppConfig.ready(), so the boards app needs to import none of them."""

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
    """A part of an agency's page: `context(agency)` gives what `template` shows."""

    title: str
    template: str
    context: Callable  # (agency) -> dict, a fixed number of queries


_AGENCY_SECTIONS: list[AgencySection] = []


def register_agency_section(section: AgencySection) -> None:
    if section not in _AGENCY_SECTIONS:
        _AGENCY_SECTIONS.append(section)


def agency_sections_for(agency) -> list[dict]:
    return [
        {"title": s.title, "template": s.template, **s.context(agency)}
        for s in _AGENCY_SECTIONS
    ]
