"""The header's search across a board. Each app registers a source in its
AppConfig.ready() (the boards app, which shows the page, imports none of them):
the records the user may see, the fields searched, and how a hit reads. Matching
is decided here only: PostgreSQL full-text search in production, every word
somewhere in the same fields (icontains) on SQLite."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.text import Truncator

MAX_QUERY = 200  # characters of the query kept
PER_SOURCE = 20  # hits shown per source; the rest are counted
MAX_WORDS = 10  # words matched on SQLite


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: str = ""


@dataclass(frozen=True)
class SearchSource:
    title: str
    visible: Callable  # (board, user) -> QuerySet the user may see, or None
    fields: tuple[str, ...]  # text fields (or annotations) searched
    result: Callable  # (record, board) -> SearchResult; no queries


_SOURCES: list[SearchSource] = []


def register_search(source: SearchSource) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def clean_query(raw) -> str:
    """The query as searched: printable, trimmed, at most MAX_QUERY characters
    (a NUL would make PostgreSQL refuse the query)."""
    text = "".join(c if c.isprintable() else " " for c in str(raw or ""))
    return " ".join(text.split())[:MAX_QUERY].strip()


def matching(queryset: QuerySet, fields, query: str) -> QuerySet:
    """The records of `queryset` that match `query` in `fields`, best first."""
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.search import (
            SearchQuery,
            SearchRank,
            SearchVector,
        )

        vector = SearchVector(*fields, config="english")
        search = SearchQuery(query, config="english", search_type="websearch")
        return (
            queryset.annotate(search_rank=SearchRank(vector, search))
            .annotate(search_vector=vector)
            .filter(search_vector=search)
            .order_by("-search_rank", "pk")
        )
    words = query.split()[:MAX_WORDS]
    if not words:
        return queryset.none()
    each_word = [
        reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
        for word in words
    ]
    return queryset.filter(reduce(and_, each_word)).order_by("pk")


def snippet(text, words: int = 30) -> str:
    return Truncator(" ".join(str(text or "").split())).words(words)


def search(board, user, query: str) -> list[dict]:
    """Each source the user may search, with its first hits and how many in all:
    two queries a source."""
    found = []
    for source in _SOURCES:
        visible = source.visible(board, user)
        if visible is None:
            continue
        hits = matching(visible, source.fields, query)
        total = hits.count()
        if not total:
            continue
        found.append(
            {
                "title": source.title,
                "total": total,
                "more": max(total - PER_SOURCE, 0),
                "results": [source.result(r, board) for r in hits[:PER_SOURCE]],
            }
        )
    return found
