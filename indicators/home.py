"""The indicators' part of the board home: the scorecard's reds and ambers in the
latest period with data, with their trend (the scorecard's own rows)."""

from datetime import date

from boards.permissions import contributor_agency_ids

from .models import Indicator, IndicatorSettings, PeriodKind
from .selectors import latest_period, scorecard_rows

SHOWN = 6


def home_panel(board, user, today: date) -> dict:
    """Five queries whatever the number of indicators."""
    indicators = Indicator.objects.filter(board=board).order_by("code")
    period = latest_period(indicators)
    if period is None:
        return {"period": None}
    kind, end = period
    # The defaults unsaved when the board has none: a GET writes nothing.
    board_settings = IndicatorSettings.objects.filter(board=board).first()
    rows = scorecard_rows(
        board,
        indicators,
        period_kind=kind,
        period_end=end,
        board_settings=board_settings or IndicatorSettings(board=board),
    )
    flagged = sorted(
        (r for r in rows if r.rag in ("R", "A")),
        key=lambda r: (r.rag != "R", r.indicator.code),
    )
    mine = contributor_agency_ids(user, board)
    if mine:
        flagged.sort(key=lambda r: r.indicator.owning_agency_id not in mine)
    return {
        "period": period,
        "period_label": f"{PeriodKind(kind).label} {end:%-d %B %Y}",
        "period_key": f"{kind}:{end.isoformat()}",
        "red_count": sum(r.rag == "R" for r in flagged),
        "amber_count": sum(r.rag == "A" for r in flagged),
        "rated": sum(bool(r.rag) for r in rows),
        "flagged": flagged[:SHOWN],
        "mine": mine,
    }
