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
    ]
