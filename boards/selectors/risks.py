"""Reads for the risk log: the list, the 5 x 5 matrix and a risk's history of
scores. Bands are always shown as words ("High 20"); colour only adds to them."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Risk, RiskStatus, risk_band

# Band (from risk_band) -> (word, GOV.UK tag class).
BANDS = {
    "R": ("High", "govuk-tag--red"),
    "A": ("Medium", "govuk-tag--orange"),
    "G": ("Low", "govuk-tag--green"),
}

LIKELIHOOD_LABELS = {
    1: "Rare",
    2: "Unlikely",
    3: "Possible",
    4: "Likely",
    5: "Almost certain",
}
IMPACT_LABELS = {
    1: "Insignificant",
    2: "Minor",
    3: "Moderate",
    4: "Major",
    5: "Severe",
}


def band_word(band: str) -> str:
    return BANDS[band][0]


def band_css(band: str) -> str:
    return BANDS[band][1]


def band_text(score: int) -> str:
    """ "High 20", "Medium 8", "Low 3"."""
    return f"{band_word(risk_band(score))} {score}"


def decorate(risk: Risk, today) -> Risk:
    """Adds what the pages show beside a risk's own fields."""
    risk.band_label = band_text(risk.score)
    risk.band_class = band_css(risk.band)
    risk.review_overdue = risk.status == RiskStatus.OPEN and risk.review_date < today
    return risk


def risks_for_list(board, status: str | None = RiskStatus.OPEN):
    """The board's risks, highest score first; `status` None for every risk."""
    queryset = (
        Risk.objects.filter(board=board)
        .annotate(score_value=F("likelihood") * F("impact"))
        .order_by("-score_value", "-likelihood", "title", "id")
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def decorate_all(risks) -> list[Risk]:
    today = timezone.localdate()
    return [decorate(risk, today) for risk in risks]


def risk_for_page(board, pk) -> Risk:
    """One of the board's risks; 404 if it is another board's."""
    return decorate(get_object_or_404(Risk, board=board, pk=pk), timezone.localdate())


# The matrix -------------------------------------------------------------------------


@dataclass
class MatrixCell:
    likelihood: int
    impact: int
    score: int
    band: str
    label: str
    risks: list[Risk] = field(default_factory=list)


@dataclass
class MatrixRow:
    likelihood: int
    label: str
    cells: list[MatrixCell]


@dataclass
class RiskMatrix:
    rows: list[MatrixRow]
    impacts: list[tuple[int, str]]
    total: int
    band_counts: dict[str, int]


def risk_matrix(board) -> RiskMatrix:
    """The open risks placed on a 5 x 5 grid: likelihood rows 5 down to 1, impact
    columns 1 to 5. One query."""
    risks = list(
        Risk.objects.filter(board=board, status=RiskStatus.OPEN)
        .only("id", "title", "likelihood", "impact")
        .order_by("title", "id")
    )
    by_cell: dict[tuple[int, int], list[Risk]] = {}
    for risk in risks:
        by_cell.setdefault((risk.likelihood, risk.impact), []).append(risk)
    rows = []
    band_counts = {"R": 0, "A": 0, "G": 0}
    for likelihood in range(5, 0, -1):
        cells = []
        for impact in range(1, 6):
            score = likelihood * impact
            band = risk_band(score)
            placed = by_cell.get((likelihood, impact), [])
            band_counts[band] += len(placed)
            cells.append(
                MatrixCell(
                    likelihood=likelihood,
                    impact=impact,
                    score=score,
                    band=band,
                    label=band_text(score),
                    risks=placed,
                )
            )
        rows.append(MatrixRow(likelihood, LIKELIHOOD_LABELS[likelihood], cells))
    return RiskMatrix(
        rows=rows,
        impacts=list(IMPACT_LABELS.items()),
        total=len(risks),
        band_counts={band_word(b): n for b, n in band_counts.items()},
    )


# History of scores -------------------------------------------------------------------


@dataclass
class ScoreEntry:
    when: object
    who: object
    likelihood: int
    impact: int
    score: int
    band_label: str
    band_class: str


def score_history(risk: Risk) -> list[ScoreEntry]:
    """Each time the risk's score was set, oldest first: its creation and every
    change of likelihood or impact (edits of other fields are left out). One
    query."""
    records = risk.history.select_related("history_user").order_by(
        "history_date", "history_id"
    )
    entries: list[ScoreEntry] = []
    previous = None
    for record in records:
        pair = (record.likelihood, record.impact)
        if pair == previous:
            continue
        previous = pair
        score = record.likelihood * record.impact
        entries.append(
            ScoreEntry(
                when=record.history_date,
                who=record.history_user,
                likelihood=record.likelihood,
                impact=record.impact,
                score=score,
                band_label=band_text(score),
                band_class=band_css(risk_band(score)),
            )
        )
    return entries


def describe_risk_log(board) -> str:
    """A line for the board's home page (one query)."""
    is_open = Q(status=RiskStatus.OPEN)
    counts = (
        Risk.objects.filter(board=board)
        .alias(score_value=F("likelihood") * F("impact"))
        .aggregate(
            open=Count("id", filter=is_open),
            high=Count("id", filter=is_open & Q(score_value__gte=15)),
        )
    )
    if not counts["open"]:
        return "No open risks are recorded."
    plural = "s" if counts["open"] != 1 else ""
    return f"{counts['open']} open risk{plural}, {counts['high']} high."
