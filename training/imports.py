"""Uploaded CSV/XLSX files of attendance counts and e-learning returns, read into
the (label, fields) rows the services take. All rows or none: every row's
problem is listed with its row number (the header is row 1), and nothing is
saved while any row has one. The lookups (courses, sessions, agencies, returns
already made) are a fixed number of queries however long the file is.

An agency contributor may give only its own agency's figures
(permissions.can_record_agency_figures), by upload or on the returns form."""

import re
from datetime import date, datetime

from lscb_portal.tables import ImportFailed, read_table

from . import permissions, services
from .models import ElearningReturn, Session

ATTENDANCE_COLUMNS = ("course", "date", "agency", "count")
ELEARNING_COLUMNS = ("department", "agency", "allocated", "passed")
ELEARNING_REQUIRED = ("department", "allocated", "passed")
MAX_ROWS = 5000
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%d/%m/%y")
WHOLE_NUMBER = re.compile(r"^-?\d+(\.0+)?$")
OWN_AGENCY_ONLY = "you may give figures only for your own agency."


def _body(upload, required) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The column positions by name and the numbered rows after the header,
    blank rows left out."""
    rows = read_table(upload)
    if not rows or not any(rows[0]):
        raise ImportFailed(["The file is empty: its first row must name the columns."])
    columns = {name.strip().lower(): i for i, name in enumerate(rows[0]) if name}
    missing = [name for name in required if name not in columns]
    if missing:
        raise ImportFailed(
            [
                f"The first row has no {' or '.join(missing)} column: it must name "
                "the columns as the table on this page shows."
            ]
        )
    body = [(n, row) for n, row in enumerate(rows[1:], start=2) if any(row)]
    if not body:
        raise ImportFailed(["The file has no rows below its header."])
    if len(body) > MAX_ROWS:
        raise ImportFailed([f"A file can have at most {MAX_ROWS:,} rows."])
    return columns, body


def _cell(row, columns, name) -> str:
    i = columns.get(name)
    return row[i].strip() if i is not None and i < len(row) else ""


def _whole_number(text: str) -> int | None:
    text = text.replace(",", "")
    return int(float(text)) if WHOLE_NUMBER.match(text) else None


def _date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _agencies(board) -> dict[str, object]:
    """The board's agencies by name and by short name, in any case."""
    found = {}
    for agency in board.agencies.all():
        found[agency.name.lower()] = agency
        if agency.short_name:
            found.setdefault(agency.short_name.lower(), agency)
    return found


def _count(text: str, what: str) -> tuple[int | None, str]:
    number = _whole_number(text)
    if number is None:
        return None, f"the {what} must be a whole number."
    if number < 0:
        return None, f"the {what} cannot be negative."
    return number, ""


# Attendance ---------------------------------------------------------------------


def attendance_import(*, board, user, upload) -> services.CountsRecorded:
    """Counts per session and agency: a session is named by its course's title
    and its date, and must exist."""
    columns, body = _body(upload, ATTENDANCE_COLUMNS)
    dates = {_date(_cell(row, columns, "date")) for _, row in body} - {None}
    sessions: dict[tuple[str, date], list] = {}
    for session in Session.objects.filter(
        course__board=board, date__in=dates
    ).select_related("course"):
        key = (session.course.title.lower(), session.date)
        sessions.setdefault(key, []).append(session)
    titles = {t.lower() for t in board.training_courses.values_list("title", flat=True)}
    agencies = _agencies(board)
    errors, rows = [], []
    for number, row in body:
        label = f"Row {number}"
        fields, problem = _attendance_row(row, columns, sessions, titles, agencies)
        if not problem and not permissions.can_record_agency_figures(
            user, board, fields["agency"].pk
        ):
            problem = OWN_AGENCY_ONLY
        if problem:
            errors.append(f"{label}: {problem}")
        else:
            rows.append((label, fields))
    if errors:
        raise ImportFailed(errors)
    return services.attendance_counts_record(board=board, user=user, rows=rows)


def _attendance_row(row, columns, sessions, titles, agencies) -> tuple[dict, str]:
    course, day_text = _cell(row, columns, "course"), _cell(row, columns, "date")
    agency_name = _cell(row, columns, "agency")
    if not course:
        return {}, "enter the course."
    if course.lower() not in titles:
        return {}, f"there is no course called “{course}”."
    day = _date(day_text)
    if day is None:
        return {}, "enter the session's date as 2016-10-12 or 12/10/2016."
    found = sessions.get((course.lower(), day), [])
    if not found:
        return {}, f"{course} has no session on {day:%-d %B %Y}."
    if len(found) > 1:
        return {}, (
            f"{course} has {len(found)} sessions on {day:%-d %B %Y}: record this "
            "one's attendance on the session's page."
        )
    agency = agencies.get(agency_name.lower()) if agency_name else None
    if agency is None:
        return {}, (
            f"there is no agency of this board called “{agency_name}”."
            if agency_name
            else "enter the agency."
        )
    count, problem = _count(_cell(row, columns, "count"), "count")
    if problem:
        return {}, problem
    return {"session": found[0], "agency": agency, "count": count}, ""


# E-learning ---------------------------------------------------------------------


def elearning_import(*, board, user, year: int, upload) -> services.ReturnsRecorded:
    """Returns by department for the year chosen on the form; the agency column
    (optional) names the board agency a department belongs to."""
    columns, body = _body(upload, ELEARNING_REQUIRED)
    agencies = _agencies(board)
    errors, rows = [], []
    for number, row in body:
        label = f"Row {number}"
        fields, problem = _elearning_row(row, columns, agencies)
        if problem:
            errors.append(f"{label}: {problem}")
        else:
            rows.append((label, fields))
    if errors:
        raise ImportFailed(errors)
    return elearning_returns_save(board=board, user=user, year=year, rows=rows)


def _elearning_row(row, columns, agencies) -> tuple[dict, str]:
    department = _cell(row, columns, "department")
    agency_name = _cell(row, columns, "agency")
    if not department:
        return {}, "enter the department."
    agency = agencies.get(agency_name.lower()) if agency_name else None
    if agency_name and agency is None:
        return {}, f"there is no agency of this board called “{agency_name}”."
    allocated, problem = _count(_cell(row, columns, "allocated"), "number allocated")
    if problem:
        return {}, problem
    passed, problem = _count(_cell(row, columns, "passed"), "number passed")
    if problem:
        return {}, problem
    if passed > allocated:
        return {}, f"{passed} passed is more than the {allocated} allocated."
    fields = {"department": department, "agency": agency}
    return fields | {"allocated": allocated, "passed": passed}, ""


def elearning_returns_save(*, board, user, year: int, rows):
    """The returns, once the user may give each: a contributor only its own
    agency's departments, and only replacing a return of its own agency."""
    if not permissions.can_manage_training(user, board):
        already = {
            department.lower(): agency_id
            for department, agency_id in ElearningReturn.objects.filter(
                elearning_year__board=board, elearning_year__year=year
            ).values_list("department", "agency")
        }
        refused = [
            f"{label}: {problem}"
            for label, row in rows
            if (problem := _refusal(user, board, row, already))
        ]
        if refused:
            raise ImportFailed(refused)
    return services.elearning_returns_record(
        board=board, user=user, year=year, rows=rows
    )


def _refusal(user, board, row, already) -> str:
    agency = row.get("agency")
    department = (row.get("department") or "").strip().lower()
    if agency is None:
        return "name your agency: you may give figures only for your own agency."
    if not permissions.can_record_agency_figures(user, board, agency.pk):
        return OWN_AGENCY_ONLY
    if department in already and not permissions.can_record_agency_figures(
        user, board, already[department]
    ):
        return "this department's return was given for another agency."
    return ""
