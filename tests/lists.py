"""Checks every list page built on lscb_portal.lists shares: sorting, an ignored
unknown sort key, and CSV/XLSX exports equal to the filtered list's rows."""

import csv
import io

from openpyxl import load_workbook

from lscb_portal.lists import neutralise


def page_rows(response) -> list[list[str]]:
    """The cell texts of one page of the list, as the page shows them."""
    assert response.status_code == 200
    return [[cell["value"] for cell in row["cells"]] for row in table(response)["rows"]]


def table(response) -> dict:
    return response.context["table"]


def all_rows(client, url, query=None) -> list[list[str]]:
    """Every page's rows, following the pagination."""
    query = dict(query or {})
    response = client.get(url, query)
    rows = page_rows(response)
    page = table(response)["page"]
    for number in range(2, page.paginator.num_pages + 1):
        rows += page_rows(client.get(url, {**query, "page": number}))
    return rows


def export(client, url, kind, query=None) -> list[list[str]]:
    """The rows of a download, header first."""
    response = client.get(url, {**(query or {}), "export": kind})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith(f'.{kind}"')
    if kind == "csv":
        text = response.content.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text)))
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]


def assert_sorts(client, url, key, query=None):
    """Sorting by `key` both ways gives two different orders of the same rows, the
    sorted header carries aria-sort, and an unknown key leaves the default order."""
    query = dict(query or {})
    default = all_rows(client, url, query)
    ascending = all_rows(client, url, {**query, "sort": key, "order": "asc"})
    descending = all_rows(client, url, {**query, "sort": key, "order": "desc"})
    assert sorted(ascending) == sorted(descending) == sorted(default)
    assert ascending != descending
    response = client.get(url, {**query, "sort": key, "order": "desc"})
    sorted_headers = [h for h in table(response)["headers"] if h["aria_sort"]]
    assert [h["column"].key for h in sorted_headers] == [key]
    assert 'aria-sort="descending"' in response.content.decode()
    for junk in ({"sort": "nope"}, {"sort": "__class__", "order": "sideways"}):
        assert all_rows(client, url, {**query, **junk}) == default
    return ascending


def assert_exports(client, url, query=None) -> list[list[str]]:
    """CSV and XLSX hold the page's header and every row of the filtered list (less
    the columns of page controls)."""
    query = dict(query or {})
    rows = all_rows(client, url, query)
    columns = [h["column"] for h in table(client.get(url, query))["headers"]]
    kept = [n for n, column in enumerate(columns) if column.exported]
    expected = [[columns[n].label for n in kept]] + [
        [neutralise(row[n]) for n in kept] for row in rows
    ]
    for kind in ("csv", "xlsx"):
        assert export(client, url, kind, query) == expected
    return rows
