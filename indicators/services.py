"""Writes of the indicators app: every value is checked here before it is saved."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lscb_portal.errors import DomainError, full_clean
from lscb_portal.periods import QUARTER_RE, end_of_month, quarter_bounds
from lscb_portal.tables import ImportFailed, read_table
from lscb_portal.versioning import update_versioned

from .models import Indicator, IndicatorSettings, Measurement, PeriodKind, Rag, Target

MAX_IMPORT_ROWS = 20000
LARGEST = Decimal("1e11")  # values are stored with 14 digits, 3 after the point


def settings_for(board) -> IndicatorSettings:
    found, _ = IndicatorSettings.objects.get_or_create(board=board)
    return found


def unsigned_zero(number):
    """-0 is 0: adding 0 drops the sign of a negative zero and keeps any other
    number (and its decimal places) as it is."""
    return number + 0 if isinstance(number, Decimal) else number


def parse_number(raw, *, field="value") -> Decimal:
    """A finite decimal from user input; a clear error otherwise."""
    try:
        number = Decimal(str(raw).strip().replace(",", "").rstrip("%"))
    except (InvalidOperation, ValueError):
        raise DomainError({field: f"“{raw}” is not a number."}) from None
    if not number.is_finite():
        raise DomainError({field: "Enter a finite number (not NaN or infinity)."})
    return unsigned_zero(number)


def validate_value(indicator, value: Decimal, *, field="value"):
    if not value.is_finite():
        raise DomainError({field: "Enter a finite number (not NaN or infinity)."})
    if abs(value) >= LARGEST or value != value.quantize(Decimal("0.001")):
        raise DomainError(
            {field: "Enter a number below 100,000,000,000 with at most 3 decimals."}
        )
    if indicator.unit == "percentage" and not Decimal(0) <= value <= Decimal(100):
        raise DomainError({field: "A percentage must be from 0 to 100."})
    if indicator.unit in ("count", "rate", "days") and value < 0:
        raise DomainError({field: "The value cannot be negative."})


def validate_period(kind: str, period_end: date):
    if kind not in PeriodKind.values:
        raise DomainError({"period_kind": "Choose month, quarter or year end."})
    if period_end > timezone.localdate():
        raise DomainError({"period_end": "The period has not ended yet."})
    month_ends = {
        PeriodKind.MONTH: range(1, 13),
        PeriodKind.QUARTER: (6, 9, 12, 3),
        PeriodKind.YEAR: (3,),
    }[kind]
    next_day = date.fromordinal(period_end.toordinal() + 1)
    if period_end.month not in month_ends or next_day.day != 1:
        raise DomainError(
            {
                "period_end": {
                    PeriodKind.MONTH: "A month's period ends on its last day.",
                    PeriodKind.QUARTER: "A quarter ends on 30 June, 30 September, "
                    "31 December or 31 March.",
                    PeriodKind.YEAR: "A reporting year ends on 31 March.",
                }[kind]
            }
        )


def _measurement(indicator, *, period_kind, period_end, value, user, **extra):
    value = unsigned_zero(value)
    for part in ("numerator", "denominator"):
        if part in extra:
            extra[part] = unsigned_zero(extra[part])
    validate_period(period_kind, period_end)
    validate_value(indicator, value)
    rag = extra.get("recorded_rag", "")
    if rag not in (*Rag.values, ""):
        raise DomainError({"recorded_rag": "RAG must be R, A, G or blank."})
    if rag and not extra.get("rag_reason", "").strip():
        raise DomainError(
            {
                "rag_reason": "Give the reason for recording a RAG different from the "
                "computed one."
            }
        )
    for part in ("numerator", "denominator"):
        if extra.get(part) is not None and extra[part] < 0:
            raise DomainError({part: "It cannot be negative."})
    if extra.get("denominator") == 0:
        raise DomainError({"denominator": "The denominator cannot be zero."})
    return Measurement(
        indicator=indicator,
        period_kind=period_kind,
        period_end=period_end,
        value=value,
        entered_by=user,
        **extra,
    )


def measurement_record(
    *, indicator, period_kind, period_end, value, user, reason="", **extra
):
    """Add a value for a period (a second value for the same period is refused);
    `reason` goes on its history record."""
    measurement = _measurement(
        indicator,
        period_kind=period_kind,
        period_end=period_end,
        value=value,
        user=user,
        **extra,
    )
    full_clean(measurement)
    measurement._history_user = user
    measurement._change_reason = reason
    measurement.save()
    return measurement


def measurement_update(
    *, measurement, version, changes, user, reason=""
) -> Measurement:
    indicator = measurement.indicator
    changes = {name: unsigned_zero(given) for name, given in changes.items()}
    if "value" in changes:
        validate_value(indicator, changes["value"])
    if changes.get("recorded_rag") and not changes.get("rag_reason", "").strip():
        raise DomainError(
            {
                "rag_reason": "Give the reason for recording a RAG different from the "
                "computed one."
            }
        )
    allowed = {
        "value",
        "numerator",
        "denominator",
        "source",
        "recorded_rag",
        "rag_reason",
        "commentary",
    }
    return update_versioned(
        Measurement,
        pk=measurement.pk,
        version=version,
        changes={k: v for k, v in changes.items() if k in allowed},
        user=user,
        reason=reason,
    )


@transaction.atomic
def indicator_update(*, indicator, version, changes, scorecards, user) -> Indicator:
    indicator = update_versioned(
        Indicator, pk=indicator.pk, version=version, changes=changes, user=user
    )
    indicator.scorecards.set(scorecards)
    return indicator


def target_set(*, indicator, year, value=None, low=None, high=None, user) -> Target:
    if low is not None and high is not None and low > high:
        raise DomainError({"low": "The low end must not be above the high end."})
    for name, number in (("value", value), ("low", low), ("high", high)):
        if number is not None:
            validate_value(indicator, number, field=name)
    target = Target.objects.filter(indicator=indicator, year=year).first() or Target(
        indicator=indicator, year=year
    )
    target.value, target.low, target.high = value, low, high
    full_clean(target)  # before any save: a refused target leaves nothing behind
    target._history_user = user
    target.save()
    # The indicator's API rows show its targets: a new target is a change to them.
    Indicator.objects.filter(pk=indicator.pk).update(modified_at=timezone.now())
    return target


@dataclass
class ImportResult:
    created: int


IMPORT_COLUMNS = ["code", "period", "value", "rag", "reason"]
YEAR_RE = re.compile(r"^(\d{4})([-/])(\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_period(text: str) -> tuple[str, date]:
    """The period a cell names: "2017-03" (or "2017-03-31") is the month ending
    31 March 2017, "2016-17 Q4" the quarter ending 31 March 2017, "2016-17" (or
    "2016/17") the year ending 31 March 2017. Raises ValueError for anything else,
    and for "2011-12", which could be either a month or a year."""
    text = (text or "").strip()
    if QUARTER_RE.match(text):
        return PeriodKind.QUARTER, quarter_bounds(text)[1]
    if match := YEAR_RE.match(text):
        first, second = int(match[1]), int(match[3])
        is_year = (first + 1) % 100 == second
        is_month = match[2] == "-" and 1 <= second <= 12
        if is_year and is_month:
            raise ValueError(
                f"“{text}” could be a month or a year: write {first}/{second:02d} "
                f"for the year or {end_of_month(first, second)} for the month."
            )
        if is_year:
            return PeriodKind.YEAR, date(first + 1, 3, 31)
        if is_month:
            return PeriodKind.MONTH, end_of_month(first, second)
    if DATE_RE.match(text):
        day = date.fromisoformat(text)
        if day == end_of_month(day.year, day.month):
            return PeriodKind.MONTH, day
    raise ValueError(text)


def measurements_import(
    *, board, upload, user, max_rows=MAX_IMPORT_ROWS
) -> ImportResult:
    """Values from CSV or XLSX (code, period, value, rag, reason): all rows or none,
    with row-numbered errors; saved with one bulk insert."""
    table = read_table(upload)
    return _import_rows(board=board, table=table, user=user, max_rows=max_rows)


def _import_rows(*, board, table, user, max_rows) -> ImportResult:
    if not table or not any(table[0]):
        raise ImportFailed(["The file is empty."])
    header = [cell.strip().lower() for cell in table[0]]
    unknown = [h for h in header if h and h not in IMPORT_COLUMNS]
    missing = [c for c in ("code", "period", "value") if c not in header]
    if unknown or missing:
        errors = []
        if unknown:
            errors.append(
                f"Unknown column: {', '.join(unknown)}. The columns are: "
                f"{', '.join(IMPORT_COLUMNS)}."
            )
        if missing:
            errors.append(f"Missing column: {', '.join(missing)}.")
        raise ImportFailed(errors)
    if len(table) - 1 > max_rows:
        raise ImportFailed([f"The file has more than {max_rows} rows."])
    indicators = {i.code: i for i in Indicator.objects.filter(board=board)}
    existing = set(
        Measurement.objects.filter(indicator__board=board).values_list(
            "indicator__code", "period_kind", "period_end"
        )
    )
    seen, errors, rows = {}, [], []
    for line, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        values = dict(zip(header, [*cells, *[""] * len(header)], strict=False))
        code = values.get("code", "").strip()
        indicator = indicators.get(code)
        if indicator is None:
            errors.append(f"Row {line}: unknown indicator code “{code}”.")
            continue
        try:
            kind, period_end = parse_period(values.get("period", ""))
            measurement = _measurement(
                indicator,
                period_kind=kind,
                period_end=period_end,
                value=parse_number(values.get("value", "")),
                user=user,
                recorded_rag=values.get("rag", "").strip().upper(),
                rag_reason=values.get("reason", "").strip(),
            )
        except ValueError as error:
            detail = (
                str(error)
                if "could be" in str(error)
                else (
                    f"period “{values.get('period', '')}” is not a month (2017-03), a "
                    "quarter (2016-17 Q4) or a year (2016-17)."
                )
            )
            errors.append(f"Row {line}: {detail}")
            continue
        except ValidationError as error:
            messages = [m for ms in error.message_dict.values() for m in ms]
            errors.append(f"Row {line}: {' '.join(messages)}")
            continue
        key = (code, kind, period_end)
        if key in seen:
            errors.append(
                f"Row {line}: {code} for this period is also in row {seen[key]}."
            )
        elif key in existing:
            errors.append(f"Row {line}: {code} already has a value for this period.")
        seen.setdefault(key, line)
        rows.append(measurement)
        if len(errors) > 200:
            break
    if not rows and not errors:
        errors.append("The file has no values.")
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        Measurement.objects.bulk_create(rows, batch_size=1000)
    return ImportResult(created=len(rows))
