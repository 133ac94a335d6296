"""Reads shared by several sections of one document, made once per build.

Sections are built independently (each from the board and the year), so two of
them may ask for the same figures: the priority themes' headlines, the year's
course totals. Inside `one_build()` a function marked `@once_per_build` runs once
for each set of arguments; outside it, it runs every time as usual. Callers must
treat what it returns as read-only, since later sections see the same objects."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

_results: ContextVar[dict | None] = ContextVar("one_build_results", default=None)


@contextmanager
def one_build():
    token = _results.set({})
    try:
        yield
    finally:
        _results.reset(token)


def once_per_build(function):
    @wraps(function)
    def remembered(*args):
        results = _results.get()
        if results is None:
            return function(*args)
        # A model instance is the same argument as any other copy of its row.
        key = (function, *(getattr(a, "pk", a) for a in args))
        if key not in results:
            results[key] = function(*args)
        return results[key]

    return remembered
