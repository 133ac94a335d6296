"""The child death part of the demo: anonymised records whose statistics reproduce
tables 1-4 of the CDOP annual report 2015-16 (section 27 of the LSCB annual report
2016-17), England's 2015/16 column, and the panel's recommendations.

Transcribed from the report:
- the number of deaths reviewed in each year of review, 2012/13 to 2015/16 (21, 26,
  27, 34), and for each year the counts by sex (table 1), age at death (table 2)
  and category of death (table 3);
- table 4's percentages by time taken to sign off, turned back into counts of that
  year's deaths (each count gives the printed whole percentage, rounded half up);
- 2015/16: 25 deaths with no modifiable factors and 9 with (five relating to
  parental smoking, one to incidents during health care provision), and all but
  one of the 34 White British;
- England's 2015/16 percentages of tables 1-4 and its 76% with no modifiable
  factors;
- the four recommendations of the 2014/15 report with their progress, and the four
  arising from the 2015/16 report.

Illustrative (the report prints only the margins of each table, never a record):
- which sex, age band, category and sign-off band go together in one record;
- the month of death and the date signed off: each record is signed off at one of
  the panel's bimonthly meetings within its year of review (April to March) and its
  month of death lies the number of months before that which its sign-off band
  says;
- the ethnicity group of the one 2015/16 death that was not White British, and of
  the earlier years' deaths (the report gives none: "Not known");
- which three of the nine modifiable 2015/16 deaths carry no named factor.
Modifiable factors are not recorded for the years before 2015/16: the report gives
that share only for the year it covers."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from ..models import (
    AgeBand,
    CdopRecommendation,
    ChildDeathReview,
    ComparisonTable,
    DeathCategory,
    Ethnicity,
    ModifiableFactor,
    NationalComparison,
    Sex,
    SignOffBand,
)

# Tables 1-4 as counts, by year of review (2012 for 2012/13).
SEX = {
    2012: {Sex.MALE: 12, Sex.FEMALE: 9},
    2013: {Sex.MALE: 19, Sex.FEMALE: 7},
    2014: {Sex.MALE: 10, Sex.FEMALE: 17},
    2015: {Sex.MALE: 21, Sex.FEMALE: 13},
}
_AGES = [
    AgeBand.NEONATAL,
    AgeBand.INFANT,
    AgeBand.ONE_TO_FOUR,
    AgeBand.FIVE_TO_NINE,
    AgeBand.TEN_TO_FOURTEEN,
    AgeBand.FIFTEEN_TO_SEVENTEEN,
]
AGE = {
    2012: dict(zip(_AGES, (5, 8, 2, 1, 1, 4), strict=True)),
    2013: dict(zip(_AGES, (8, 4, 4, 3, 3, 4), strict=True)),
    2014: dict(zip(_AGES, (15, 4, 2, 1, 3, 2), strict=True)),
    2015: dict(zip(_AGES, (17, 9, 3, 1, 1, 3), strict=True)),
}
_CATEGORIES = [c.value for c in DeathCategory]  # 1 to 10, then unknown
CATEGORY = {
    2012: dict(zip(_CATEGORIES, (0, 0, 3, 0, 2, 0, 4, 5, 4, 3, 0), strict=True)),
    2013: dict(zip(_CATEGORIES, (0, 2, 1, 2, 2, 5, 5, 5, 4, 0, 0), strict=True)),
    2014: dict(zip(_CATEGORIES, (0, 1, 2, 0, 2, 1, 9, 11, 0, 1, 0), strict=True)),
    2015: dict(zip(_CATEGORIES, (0, 0, 3, 2, 4, 4, 2, 16, 1, 2, 0), strict=True)),
}
_BANDS = [b.value for b in SignOffBand]
# Table 4 prints percentages only: 5% of 21 is 1, 57% of 21 is 12, and so on.
SIGN_OFF = {
    2012: dict(zip(_BANDS, (1, 1, 3, 1, 3, 12), strict=True)),
    2013: dict(zip(_BANDS, (6, 1, 2, 4, 2, 11), strict=True)),
    2014: dict(zip(_BANDS, (0, 0, 4, 5, 2, 16), strict=True)),
    2015: dict(zip(_BANDS, (1, 3, 5, 6, 4, 15), strict=True)),
}
SIGN_OFF_PERCENT = {  # as printed, for the tests
    2012: (5, 5, 14, 5, 14, 57),
    2013: (23, 4, 8, 15, 8, 42),
    2014: (0, 0, 15, 19, 7, 59),
    2015: (3, 9, 15, 18, 12, 44),
}
MODIFIABLE_2015 = {"no": 25, "yes": 9}
PARENTAL_SMOKING = "Parental smoking"
HEALTH_CARE = "Incidents during health care provision"
FACTORS_2015 = {PARENTAL_SMOKING: 5, HEALTH_CARE: 1}

# England 2015/16 (Department for Education, Child death reviews: year ending 31
# March 2016), as the report prints it.
ENGLAND_YEAR = 2015
ENGLAND = {
    ComparisonTable.SEX: {Sex.MALE: "58", Sex.FEMALE: "42"},
    ComparisonTable.AGE: dict(
        zip(_AGES, ("43.1", "21.4", "11.7", "7.6", "7.1", "9.1"), strict=True)
    ),
    ComparisonTable.CATEGORY: dict(
        zip(
            _CATEGORIES,
            (
                "1.6",
                "3.3",
                "5.1",
                "7.1",
                "6.1",
                "4.9",
                "26.0",
                "32.2",
                "5.9",
                "7.6",
                "0.3",
            ),
            strict=True,
        )
    ),
    ComparisonTable.SIGN_OFF: dict(
        zip(_BANDS, ("29", "14", "12", "10", "5", "30"), strict=True)
    ),
    ComparisonTable.MODIFIABLE: {"no": "76"},
}

RECOMMENDATIONS = {
    2014: [
        (
            "Health visiting and social care services should carry out a brief "
            "review of the support that they offer to parents who misuse alcohol or "
            "drugs in order to determine whether this is an area that requires "
            "further development.",
            "The Quality Assurance Group of the LSCB has reviewed such support and "
            "revised actions are in place.",
        ),
        (
            "Maternity services should work to improve their data collection "
            "relating to smoking at time of delivery (SATOD) and to support more "
            "mothers to quit while pregnant.",
            "In 2015, a mother's smoking status at time of delivery was not known in "
            "only 2.7% of cases – better than the England figure of 3.1%, and a "
            "significant improvement on previous years. 12.3% of women were known "
            "to be smokers at the time of delivery. This is also an improving "
            "picture but remains higher than England (10.6%)",
        ),
        (
            "CDOP should consider changing the timing of Annual Reports so as to "
            "publish in the summer the findings from all deaths signed off in the "
            "previous year, rather than waiting nearly 12 months until deaths from "
            "that year have mostly been signed off. This would bring the statistics "
            "in line with England and prevent annual reports including partial data "
            "from deaths that were not able to be signed off prior to the report "
            "being written.",
            "Implemented in full in this year's annual report.",
        ),
        (
            "CDOP should continue to work to improve the timeliness of its review "
            "process and agree a plan to improve performance against those "
            "recommendations from last year that are still partly outstanding.",
            "Timeliness is improving but more remains to be done to improve "
            "further, particularly with regard to rapid responses to more "
            "straightforward cases. Two actions from the previous year had been "
            "achieved in part:\n"
            "• Add more social determinants to the case summary and document a "
            "mother's obstetric and antenatal history for premature births\n"
            "• Ensure all practitioners completing documentation understand "
            "definitions used and have access to the guidelines which explain terms "
            "in detail.",
        ),
    ],
    2015: [
        (
            "All agencies should take action to improve the quality and timeliness "
            "of the completion of Form B's in order to speed up the CDOP review "
            "process.",
            "",
        ),
        (
            "In support of this, CDOP should monitor and report on the quality and "
            "timeliness of the completion of Form B's on a regular basis.",
            "",
        ),
        (
            "CDOP should consider adopting a rapid sign-off process using email for "
            "simple cases where full case discussions have taken place and there is "
            "a clear recommendation from the relevant Paediatrician for Child Death.",
            "",
        ),
        (
            "CDOP should take steps to ensure further dissemination of the learning "
            "arising from each case considered.",
            "",
        ),
    ],
}

# Illustrative: categories in the order that pairs them with plausible ages
# (perinatal events with the newborn, trauma and self-harm with teenagers).
_CATEGORY_ORDER = ["8", "7", "10", "9", "5", "6", "4", "1", "unknown", "3", "2"]
# The months each band's records took; "more than 12" cycles through these.
_BAND_MONTHS = {
    SignOffBand.UNDER_6: (4, 5),
    SignOffBand.SIX_SEVEN: (6, 7),
    SignOffBand.EIGHT_NINE: (8, 9),
    SignOffBand.TEN_ELEVEN: (10, 11),
    SignOffBand.TWELVE: (12,),
    SignOffBand.OVER_12: (13, 15, 18, 14, 20, 16, 24),
}
# The panel meets every other month: sign-off at a meeting in the year of review.
_MEETINGS = [(0, 4), (0, 6), (0, 8), (0, 10), (0, 12), (1, 2)]  # (years on, month)


def _expand(counts: dict, order=None) -> list:
    keys = order or list(counts)
    return [key for key in keys for _ in range(counts.get(key, 0))]


def _alternate(counts: dict) -> list:
    """Males and females interleaved, so neither clusters in one age band."""
    males, females = (
        _expand({Sex.MALE: counts[Sex.MALE]}),
        _expand({Sex.FEMALE: counts[Sex.FEMALE]}),
    )
    out = []
    while males or females:
        for side in (males, females):
            if side:
                out.append(side.pop())
    return out


def _months_before(day: date, months: int) -> date:
    total = day.year * 12 + (day.month - 1) - months
    return date(total // 12, total % 12 + 1, 1)


def records(year: int) -> list[dict]:
    """The year's records as field values (no board): margins from the report, the
    combination of fields illustrative."""
    sexes = _alternate(SEX[year])
    ages = _expand(AGE[year])
    categories = _expand(CATEGORY[year], _CATEGORY_ORDER)
    bands = _expand(SIGN_OFF[year])
    # Spread the bands across the ages so quick sign-offs are not all newborns.
    bands = bands[::2] + bands[1::2]
    count = len(ages)
    if year == 2015:
        modifiable = [False] * MODIFIABLE_2015["no"] + [True] * MODIFIABLE_2015["yes"]
        # The nine with modifiable factors: newborns and infants first (smoking).
        modifiable = modifiable[::-1]
        ethnicity = [Ethnicity.WHITE_BRITISH] * (count - 1) + [Ethnicity.OTHER]
    else:
        modifiable = [None] * count
        ethnicity = [Ethnicity.NOT_KNOWN] * count
    factors = [[] for _ in range(count)]
    if year == 2015:
        tagged = [i for i, m in enumerate(modifiable) if m]
        for i in tagged[: FACTORS_2015[PARENTAL_SMOKING]]:
            factors[i] = [PARENTAL_SMOKING]
        factors[tagged[FACTORS_2015[PARENTAL_SMOKING]]] = [HEALTH_CARE]
    seen = {}
    rows = []
    short = f"{year % 100:02d}{(year + 1) % 100:02d}"
    for i in range(count):
        band = bands[i]
        options = _BAND_MONTHS[band]
        months = options[seen.get(band, 0) % len(options)]
        seen[band] = seen.get(band, 0) + 1
        years_on, month = _MEETINGS[i % len(_MEETINGS)]
        signed = date(year + years_on, month, 10 + i % 15)
        rows.append(
            {
                "reference": f"CDOP-{short}-{i + 1:02d}",
                "sex": sexes[i],
                "age_band": ages[i],
                "category": categories[i],
                "modifiable": modifiable[i],
                "factors": factors[i],
                "month_of_death": _months_before(signed, months),
                "signed_off_on": signed,
                "ethnicity": ethnicity[i],
            }
        )
    return rows


@transaction.atomic
def load(board) -> None:
    """Idempotent: records are matched by reference, England's figures by row,
    recommendations by year and number."""
    factors = {
        name: ModifiableFactor.objects.get_or_create(board=board, name=name)[0]
        for name in (PARENTAL_SMOKING, HEALTH_CARE)
    }
    for year in SEX:
        for row in records(year):
            names = row.pop("factors")
            reference = row.pop("reference")
            death = ChildDeathReview.objects.filter(
                board=board, reference=reference
            ).first() or ChildDeathReview(board=board, reference=reference)
            for field, value in row.items():
                setattr(death, field, value)
            death.full_clean()
            death.save()
            death.modifiable_factors.set([factors[n] for n in names])
    for table, rows in ENGLAND.items():
        for row, percentage in rows.items():
            NationalComparison.objects.update_or_create(
                board=board,
                year=ENGLAND_YEAR,
                table=table,
                row=row,
                defaults={"percentage": Decimal(percentage)},
            )
    for year, recommendations in RECOMMENDATIONS.items():
        for number, (text, progress) in enumerate(recommendations, start=1):
            CdopRecommendation.objects.update_or_create(
                board=board,
                year=year,
                number=number,
                defaults={"text": text, "progress": progress},
            )
