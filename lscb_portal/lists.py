"""The one list component: declarative columns, server-side sorting, pagination and
CSV/XLSX export of exactly what the filtered list shows.

A list page's view mixes in ListPageMixin and declares its columns; its template
includes components/list_table.html with `table`. `?sort=<key>&order=asc|desc`
sorts by a whitelisted column (anything else is ignored, never an error) and
`?export=csv|xlsx` downloads every row of the filtered, sorted list with the same
columns and texts as the page. A page with a second list declares it as an ExtraList
whose parameters carry its prefix (`?upcoming-sort=...`), so each list sorts, pages
and exports on its own."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import HttpResponse
from django.utils.dateformat import format as date_format

LIST_PARAMS = ("sort", "order", "page", "export")

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A spreadsheet runs a cell starting with these as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """The text a spreadsheet shows as typed, never runs: a leading ' quotes it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def date_text(value) -> str:
    """A date as every list shows it: "3 Mar 2016" ("" for none)."""
    return date_format(value, "j M Y") if value else ""


@dataclass(frozen=True)
class Column:
    """One column: its header, the text of each cell (an attribute or key path
    such as "owner.name" or a callable of the row), the ORM ordering that sorts by it (a
    field path, a tuple of them, or for a list of plain rows a key callable; None
    for no sorting), and how the page renders the cell beyond its text."""

    key: str
    label: str
    value: str | Callable[[Any], Any]
    sort: Any = None
    link: Callable[[Any], str] | None = None  # the cell text links there
    template: str | None = None  # renders the cell with obj and value
    row_header: bool = False
    numeric: bool = False
    exported: bool = True  # False for a page's controls (Change, Remove links)

    def text(self, obj) -> str:
        if callable(self.value):
            value = self.value(obj)
        else:
            value = obj
            for name in self.value.split("."):
                if isinstance(value, dict):
                    value = value.get(name)
                else:
                    value = getattr(value, name, None)
                if value is None:
                    break
        return "" if value is None else str(value)


def _ordering(sort, descending: bool) -> list:
    paths = sort if isinstance(sort, tuple | list) else (sort,)
    expressions = [F(path) if isinstance(path, str) else path for path in paths]
    return [
        e.desc(nulls_last=True) if descending else e.asc(nulls_first=True)
        for e in expressions
    ]


class ListTable:
    """One list: subclasses define `columns` (or get_columns()), `list_name` (the
    download's name), get_list() (the filtered rows, in their default order),
    optionally decorate(rows) to add what cells show, and get_caption(). Its query
    parameters are LIST_PARAMS, each after `prefix`. Needs `request` and `board`."""

    columns: tuple[Column, ...] = ()
    list_name = "list"
    page_size = 50
    anchor = ""  # a fragment the sort links return to, e.g. "challenges"
    prefix = ""

    def get_columns(self) -> list[Column]:
        return list(self.columns)

    def get_list(self):
        raise NotImplementedError

    def decorate(self, rows):
        return rows

    def get_caption(self) -> str:
        return ""

    def param(self, name: str) -> str:
        return self.prefix + name

    def sort_choice(self) -> tuple[Column | None, bool]:
        key = self.request.GET.get(self.param("sort"), "")
        column = next(
            (c for c in self.get_columns() if c.key == key and c.sort is not None),
            None,
        )
        return column, self.request.GET.get(self.param("order")) == "desc"

    def sorted_list(self):
        rows = self.get_list()
        column, descending = self.sort_choice()
        if column is None:
            return rows
        if isinstance(rows, QuerySet):
            # The primary key breaks ties, so pages do not overlap.
            pk = "-pk" if descending else "pk"
            return rows.order_by(*_ordering(column.sort, descending), pk)
        key = column.sort if callable(column.sort) else column.text
        return sorted(rows, key=key, reverse=descending)

    # Export ------------------------------------------------------------------

    def export_rows(self) -> list[list[str]]:
        columns = [c for c in self.get_columns() if c.exported]
        rows = self.decorate(list(self.sorted_list()))
        return [[c.label for c in columns]] + [
            [neutralise(c.text(row)) for c in columns] for row in rows
        ]

    def export_filename(self, kind: str) -> str:
        return f"{self.board.slug}-{self.list_name}.{kind}"

    def export(self, kind: str) -> HttpResponse:
        rows = self.export_rows()
        if kind == "csv":
            out = io.StringIO()
            csv.writer(out).writerows(rows)
            # A BOM so spreadsheet programs read the file as UTF-8.
            response = HttpResponse(
                "\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8"
            )
        else:
            from openpyxl import Workbook
            from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

            book = Workbook(write_only=True)
            sheet = book.create_sheet(self.list_name[:31])
            for row in rows:
                # Control characters XLSX cannot hold would make openpyxl refuse.
                sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
            out = io.BytesIO()
            book.save(out)
            response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
        name = self.export_filename(kind)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    # Page --------------------------------------------------------------------

    def link_query(self, **changes) -> str:
        """The page's query with this list's `changes` (by unprefixed name), less
        this list's page and export; the other list's parameters stay."""
        query = self.request.GET.copy()
        for name in ("page", "export", *changes):
            query.pop(self.param(name), None)
        for name, value in changes.items():
            if value:
                query[self.param(name)] = value
        return query.urlencode()

    def get_table(self) -> dict:
        columns = self.get_columns()
        page = Paginator(self.sorted_list(), self.page_size).get_page(
            self.request.GET.get(self.param("page"))
        )
        page.object_list = self.decorate(list(page.object_list))
        sorted_by, descending = self.sort_choice()
        fragment = f"#{self.anchor}" if self.anchor else ""
        headers = []
        for column in columns:
            current = sorted_by is not None and column.key == sorted_by.key
            order = "asc" if not current or descending else "desc"
            headers.append(
                {
                    "column": column,
                    "href": (
                        f"?{self.link_query(sort=column.key, order=order)}{fragment}"
                        if column.sort is not None
                        else ""
                    ),
                    "aria_sort": (
                        ("descending" if descending else "ascending") if current else ""
                    ),
                }
            )
        rows = [
            {
                "obj": obj,
                "cells": [
                    {
                        "column": c,
                        "value": c.text(obj),
                        "href": c.link(obj) if c.link else "",
                    }
                    for c in columns
                ],
            }
            for obj in page.object_list
        ]
        return {
            "caption": self.get_caption(),
            "headers": headers,
            "rows": rows,
            "page": page,
            "query": self.link_query(),
            "csv_href": f"?{self.link_query(export='csv')}",
            "xlsx_href": f"?{self.link_query(export='xlsx')}",
            "name": self.list_name,
            # For a filter form's hidden inputs, so filtering keeps the order.
            "sort_inputs": [
                (name, self.request.GET[name])
                for name in (self.param("sort"), self.param("order"))
                if sorted_by is not None and name in self.request.GET
            ],
        }


class ExtraList(ListTable):
    """A page's further list, built from the page's view: a `prefix` for its
    parameters (e.g. "upcoming-") and the `context_name` its table goes under."""

    context_name = ""

    def __init__(self, view):
        self.view, self.request, self.board = view, view.request, view.board


class ListPageMixin(ListTable):
    """For a board page's view, a ListTable itself (its unprefixed list) and any
    `extra_lists` (ExtraList classes). The context gets `table` (and `page`,
    `query`) and each extra list's table under its context_name."""

    extra_lists: tuple[type[ExtraList], ...] = ()

    @cached_property
    def all_lists(self) -> list[ListTable]:
        return [self, *(extra(self) for extra in self.extra_lists)]

    def filter_data(self):
        """The query without the lists' own parameters, for a filter form: None when
        nothing is left, so sorting alone does not bind (and so 'filter') the form."""
        data = self.request.GET.copy()
        for listed in self.all_lists:
            for name in LIST_PARAMS:
                data.pop(listed.param(name), None)
        return data or None

    def get(self, request, *args, **kwargs):
        for listed in self.all_lists:
            kind = request.GET.get(listed.param("export"))
            if kind in ("csv", "xlsx"):
                return listed.export(kind)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        table = self.get_table()
        kwargs.setdefault("table", table)
        kwargs.setdefault("page", table["page"])
        kwargs.setdefault("query", table["query"])
        for extra in self.all_lists[1:]:
            kwargs.setdefault(extra.context_name, extra.get_table())
        return super().get_context_data(**kwargs)
