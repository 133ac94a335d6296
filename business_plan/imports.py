"""Import a plan's themes and actions from CSV or XLSX: all rows or none."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from lscb_portal.tables import ImportFailed, read_table
from subgroups.models import Subgroup

from . import services
from .models import Action, Theme

COLUMNS = ["theme", "ref", "action", "who", "when", "outcome"]
REQUIRED = ["theme", "ref", "action"]
THEME_RE = re.compile(r"^\s*(\d+)\s*[.:)]?\s*(.*)$")
MAX_ROWS = 5000


@dataclass
class ParsedRow:
    line: int
    theme_number: int
    theme_title: str
    ref: str
    text: str
    subgroups: list = field(default_factory=list)
    owner_role: str = ""
    when: str = ""
    outcome: str = ""


def split_who(who: str, subgroups_by_name: dict) -> tuple[list, str]:
    """Owning subgroups named in a "who" cell, and the rest as the owner role."""
    found, rest = [], who
    for name in sorted(subgroups_by_name, key=len, reverse=True):
        pattern = re.compile(re.escape(name), re.IGNORECASE)
        if pattern.search(rest):
            found.append(subgroups_by_name[name])
            rest = pattern.sub("", rest)
    rest = re.sub(r"^(\s|,|;|and\b)+|(\s|,|;|\band)+$", "", rest, flags=re.IGNORECASE)
    return found, rest.strip()


def parse_rows(table, plan) -> list[ParsedRow]:
    if not table or not any(table[0]):
        raise ImportFailed(["The file is empty."])
    header = [cell.strip().lower() for cell in table[0]]
    unknown = [h for h in header if h and h not in COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    errors = []
    if unknown:
        errors.append(
            f"Unknown column{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. "
            f"The columns are: {', '.join(COLUMNS)}."
        )
    if missing:
        errors.append(f"Missing column: {', '.join(missing)}.")
    if errors:
        raise ImportFailed(errors)
    if len(table) - 1 > MAX_ROWS:
        raise ImportFailed([f"The file has more than {MAX_ROWS} rows."])

    subgroups = {s.name.lower(): s for s in Subgroup.objects.filter(board=plan.board)}
    existing_refs = set(Action.objects.filter(plan=plan).values_list("ref", flat=True))
    seen_refs: dict[str, int] = {}
    rows, theme, outcome = [], None, ""
    for line, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        values = dict(zip(header, [*cells, *[""] * len(header)], strict=False))
        if values.get("theme"):
            match = THEME_RE.match(values["theme"])
            if not match:
                errors.append(
                    f"Row {line}: theme “{values['theme']}” must start with its "
                    "number, e.g. “1. Leadership and Governance”."
                )
                continue
            new_theme = (int(match[1]), match[2].strip())
            if theme is None or new_theme[0] != theme[0]:
                outcome = ""
            theme = new_theme
        elif theme is None:
            errors.append(f"Row {line}: the theme is missing.")
            continue
        ref, text = values.get("ref", ""), values.get("action", "")
        if not ref:
            errors.append(f"Row {line}: the reference (ref) is missing.")
        if not text:
            errors.append(f"Row {line}: the action text is missing.")
        if ref in seen_refs:
            errors.append(
                f"Row {line}: ref {ref} is also used in row {seen_refs[ref]}."
            )
        elif ref in existing_refs:
            errors.append(f"Row {line}: ref {ref} is already in {plan}.")
        seen_refs.setdefault(ref, line)
        outcome = values.get("outcome") or outcome
        owner_subgroups, owner_role = split_who(values.get("who", ""), subgroups)
        rows.append(
            ParsedRow(
                line=line,
                theme_number=theme[0],
                theme_title=theme[1],
                ref=ref,
                text=text,
                subgroups=owner_subgroups,
                owner_role=owner_role,
                when=values.get("when", ""),
                outcome=outcome,
            )
        )
    if not rows and not errors:
        errors.append("The file has no actions.")
    if errors:
        raise ImportFailed(errors)
    return rows


def plan_import(*, plan, upload, user) -> int:
    """Adds the file's themes and actions to the plan. Returns the number of actions.
    Raises ImportFailed with row-numbered errors, having saved nothing."""
    rows = parse_rows(read_table(upload), plan)
    themes = {t.number: t for t in Theme.objects.filter(plan=plan)}
    errors = []
    for row in rows:
        if row.theme_number not in themes and not row.theme_title:
            errors.append(
                f"Row {row.line}: theme {row.theme_number} is not in the plan; write "
                f"it with its title, e.g. “{row.theme_number}. Title”."
            )
    if errors:
        raise ImportFailed(errors)
    try:
        with transaction.atomic():
            for row in rows:
                if row.theme_number not in themes:
                    themes[row.theme_number] = services.theme_create(
                        plan=plan,
                        number=row.theme_number,
                        title=row.theme_title,
                        user=user,
                    )
                try:
                    services.action_create(
                        plan=plan,
                        theme=themes[row.theme_number],
                        ref=row.ref,
                        text=row.text,
                        user=user,
                        owner_subgroups=row.subgroups,
                        owner_role=row.owner_role,
                        when_text=row.when,
                        outcome=row.outcome,
                    )
                except ValidationError as error:
                    errors.append(f"Row {row.line}: {' '.join(error.messages)}")
            if errors:
                raise ImportFailed(errors)
    except IntegrityError as error:
        raise ImportFailed([f"The plan could not be saved: {error}"]) from None
    return len(rows)
