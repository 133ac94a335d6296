"""The subgroups app's sections of the annual report (see reports.sections)."""

from datetime import date

from django.db.models import Q, Sum

from lscb_portal.periods import year_label

from .models import ReturnStatus, Subgroup, SubgroupReturn


def _active_in(board, year):
    """Subgroups active at some time in the reporting year."""
    start, end = date(year, 4, 1), date(year + 1, 3, 31)
    return (
        Subgroup.objects.filter(board=board)
        .filter(Q(active_from__isnull=True) | Q(active_from__lte=end))
        .filter(Q(active_to__isnull=True) | Q(active_to__gte=start))
        .filter(Q(active=True) | Q(active_to__isnull=False))
    )


def structure(board, year):
    """The board and its groups: each with the group it reports to."""
    groups = list(_active_in(board, year).select_related("parent"))
    if not groups:
        return None
    children: dict[int | None, list] = {}
    for group in groups:
        children.setdefault(group.parent_id, []).append(group)
    ids = {g.pk for g in groups}
    # Reporting to the board: no parent, or a parent not active in the year.
    top = [g for g in groups if g.parent_id is None or g.parent_id not in ids]
    rows = []

    def walk(group, depth):
        rows.append({"group": group, "depth": depth})
        for child in children.get(group.pk, []):
            walk(child, depth + 1)

    for group in top:
        walk(group, 0)
    return {"rows": rows}


def submitted_in(year):
    """Returns submitted (never a draft) for the quarters of the reporting year."""
    return SubgroupReturn.objects.filter(
        period__startswith=f"{year_label(year)} "
    ).exclude(status=ReturnStatus.DRAFT)


def year_returns(groups, year) -> dict[int, list]:
    """The groups' submitted returns for the reporting year, by group id, in
    period order: one query."""
    found = submitted_in(year).filter(subgroup__in=groups)
    by_group: dict[int, list] = {}
    for subgroup_return in found.order_by("period"):
        if subgroup_return.highlights or subgroup_return.exceptions:
            by_group.setdefault(subgroup_return.subgroup_id, []).append(subgroup_return)
    return by_group


def year_meetings(board, year) -> list[dict]:
    """The governance section's subgroup meetings: each of the board's groups
    with the meetings its submitted returns for the reporting year record, added
    up ({"subgroup": name, "meetings": n}, by name). A group none of whose
    submitted returns says how often it met is left out; a draft never counts.
    One query."""
    rows = (
        submitted_in(year)
        .filter(subgroup__board=board, meetings_held__isnull=False)
        .values("subgroup_id", "subgroup__name")
        .annotate(meetings=Sum("meetings_held"))
        .order_by("subgroup__name", "subgroup_id")
    )
    return [{"subgroup": r["subgroup__name"], "meetings": r["meetings"]} for r in rows]


def subgroups(board, year):
    """Each group with its purpose, chair, meetings and terms of reference, and
    its year's work: the highlights and exceptions of its submitted returns for
    the year, by period (`group.year_returns`)."""
    groups = list(
        _active_in(board, year)
        .select_related("parent", "chair__user", "chair__agency", "vice_chair__user")
        .prefetch_related("responsibilities", "member_agencies")
    )
    if not groups:
        return None
    returns = year_returns(groups, year)
    for group in groups:
        group.year_returns = returns.get(group.pk, [])
    return {"groups": groups, "year": year_label(year)}
