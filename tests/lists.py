"""Checks every list page built on lscb_portal.lists shares: sorting, an ignored
unknown sort key, and CSV/XLSX exports equal to the filtered list's rows. For a
page's extra list, pass its `prefix` and the `context` name of its table."""

import csv
import io

from openpyxl import load_workbook

from lscb_portal.lists import neutralise


def page_rows(response, context="table") -> list[list[str]]:
    """The cell texts of one page of the list, as the page shows them."""
    assert response.status_code == 200
    rows = table(response, context)["rows"]
    return [[cell["value"] for cell in row["cells"]] for row in rows]


def table(response, context="table") -> dict:
    return response.context[context]


def all_rows(client, url, query=None, prefix="", context="table") -> list[list[str]]:
    """Every page's rows, following the pagination."""
    query = dict(query or {})
    response = client.get(url, query)
    rows = page_rows(response, context)
    page = table(response, context)["page"]
    for number in range(2, page.paginator.num_pages + 1):
        response = client.get(url, {**query, f"{prefix}page": number})
        rows += page_rows(response, context)
    return rows


def export(client, url, kind, query=None, prefix="") -> list[list[str]]:
    """The rows of a download, header first."""
    response = client.get(url, {**(query or {}), f"{prefix}export": kind})
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


def assert_sorts(client, url, key, query=None, prefix="", context="table"):
    """Sorting by `key` both ways gives two different orders of the same rows, the
    sorted header carries aria-sort, and an unknown key leaves the default order."""
    query = dict(query or {})
    sort, order = f"{prefix}sort", f"{prefix}order"

    def rows(extra):
        return all_rows(client, url, {**query, **extra}, prefix, context)

    default = rows({})
    ascending = rows({sort: key, order: "asc"})
    descending = rows({sort: key, order: "desc"})
    assert sorted(ascending) == sorted(descending) == sorted(default)
    assert ascending != descending
    response = client.get(url, {**query, sort: key, order: "desc"})
    headers = table(response, context)["headers"]
    assert [h["column"].key for h in headers if h["aria_sort"]] == [key]
    assert 'aria-sort="descending"' in response.content.decode()
    for junk in ({sort: "nope"}, {sort: "__class__", order: "sideways"}):
        assert rows(junk) == default
    return ascending


def assert_exports(client, url, query=None, prefix="", context="table"):
    """CSV and XLSX hold the page's header and every row of the filtered list (less
    the columns of page controls)."""
    query = dict(query or {})
    rows = all_rows(client, url, query, prefix, context)
    headers = table(client.get(url, query), context)["headers"]
    columns = [h["column"] for h in headers]
    kept = [n for n, column in enumerate(columns) if column.exported]
    expected = [[columns[n].label for n in kept]] + [
        [neutralise(row[n]) for n in kept] for row in rows
    ]
    for kind in ("csv", "xlsx"):
        assert export(client, url, kind, query, prefix) == expected
    return rows
