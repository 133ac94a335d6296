"""Reading uploaded spreadsheets (CSV or XLSX) for imports, which are all rows or
none: ImportFailed carries every row-numbered error."""

import csv
import io

from .errors import DomainError


class ImportFailed(DomainError):
    """An import refused: `errors` lists every row-numbered error."""

    def __init__(self, errors: list[str]):
        super().__init__(errors)
        self.errors = errors

    def __str__(self):
        return "; ".join(self.errors)


def read_table(upload) -> list[list[str]]:
    """Rows of cells from an uploaded .csv or .xlsx file. A NUL character is
    refused, as forms refuse it: no text column can store one (PostgreSQL)."""
    rows = _read_rows(upload)
    nul = [n for n, row in enumerate(rows, start=1) if any("\x00" in c for c in row)]
    if nul:
        raise ImportFailed(
            [
                f"Row {n} contains a NUL character (an invisible control "
                "character): remove it and upload the file again."
                for n in nul[:20]
            ]
        )
    return rows


def _read_rows(upload) -> list[list[str]]:
    name = upload.name.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(upload, read_only=True, data_only=True).active
        except Exception as error:
            raise ImportFailed(
                [f"The file could not be read as XLSX: {error}"]
            ) from None
        return [
            ["" if cell is None else str(cell).strip() for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    if name.endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFailed(["The CSV file must be saved as UTF-8."]) from None
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    raise ImportFailed(["Upload a .csv or .xlsx file."])
