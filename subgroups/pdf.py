"""The subgroups app's sections of the annual report (see reports.sections)."""

from datetime import date

from django.db.models import Q

from .models import Subgroup


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


def subgroups(board, year):
    """Each group with its purpose, chair, meetings and terms of reference."""
    groups = list(
        _active_in(board, year)
        .select_related("parent", "chair__user", "chair__agency", "vice_chair__user")
        .prefetch_related("responsibilities", "member_agencies")
    )
    return {"groups": groups} if groups else None
