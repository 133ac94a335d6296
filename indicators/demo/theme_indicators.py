"""The figures the annual report 2016-17 prints in its priority-theme sections
(15 Domestic Abuse, 21 CSE and MFH) that are not on the performance report: each
an indicator with the values the report gives, tagged later on its learning theme.
Codes are the portal's own (the report gives none)."""

from datetime import date
from decimal import Decimal

from ..models import Frequency, Indicator, Measurement, PeriodKind, Polarity, Unit

SOURCE = "LSCB annual report 2016-17"

# code, description, frequency, [(period kind, period end, value)]
THEME_INDICATORS = [
    (
        "DA1",
        "Domestic abuse contacts recorded (police attended, children present)",
        Frequency.ANNUALLY,
        [(PeriodKind.YEAR, "2017-03-31", "3244")],
    ),
    (
        "MFH1",
        "Children with one or more missing from home episodes",
        Frequency.ANNUALLY,
        [(PeriodKind.YEAR, "2017-03-31", "437")],
    ),
    (
        "MFH2",
        "Missing from home episodes of those children",
        Frequency.ANNUALLY,
        [(PeriodKind.YEAR, "2017-03-31", "1186")],
    ),
    (
        "CSE1",
        "CSE incident logs recorded by the police",
        Frequency.QUARTERLY,
        [
            (PeriodKind.QUARTER, "2015-09-30", "45"),
            (PeriodKind.QUARTER, "2016-09-30", "387"),
        ],
    ),
    (
        "CSE2",
        "Child abduction notices (a proxy for CSE disruption activity)",
        Frequency.QUARTERLY,
        [
            (PeriodKind.QUARTER, "2015-09-30", "4"),
            (PeriodKind.QUARTER, "2016-09-30", "17"),
        ],
    ),
    (
        "CSE3",
        "Children managed under a CSE category",
        Frequency.MONTHLY,
        [
            (PeriodKind.MONTH, "2016-06-30", "61"),
            (PeriodKind.MONTH, "2016-12-31", "58"),
        ],
    ),
]


def load(board) -> None:
    for code, description, frequency, values in THEME_INDICATORS:
        indicator, _ = Indicator.objects.update_or_create(
            board=board,
            code=code,
            defaults={
                "description": description,
                "unit": Unit.COUNT,
                "polarity": Polarity.NEITHER,
                "frequency": frequency,
                "source": SOURCE,
            },
        )
        for kind, day, value in values:
            Measurement.objects.update_or_create(
                indicator=indicator,
                period_kind=kind,
                period_end=date.fromisoformat(day),
                defaults={"value": Decimal(value), "source": SOURCE},
            )
