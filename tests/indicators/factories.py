import io
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from indicators.models import (
    BreakdownCell,
    BreakdownTable,
    Frequency,
    Indicator,
    Measurement,
    PeriodKind,
    Polarity,
    Scorecard,
    Target,
    Unit,
    code_sort_key,
)
from lscb_portal.periods import end_of_month
from tests.boards.factories import BoardFactory

INDICATORS = "/boards/north/indicators/"


def indicator_url(code, page=""):
    return f"{INDICATORS}{code}/{page}"


class ScorecardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scorecard

    board = factory.SubFactory(BoardFactory, slug="north")
    name = "Performance report"
    slug = factory.Sequence(lambda n: f"performance-{n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    """A percentage where high is good, on the cast's board "north" by default.
    Pass scorecards=[...] to put it on scorecards."""

    class Meta:
        model = Indicator
        skip_postgeneration_save = True

    board = factory.SubFactory(BoardFactory, slug="north")
    code = factory.Sequence(lambda n: f"T{n}.0")
    description = factory.LazyAttribute(lambda o: f"Indicator {o.code}")
    unit = Unit.PERCENTAGE
    polarity = Polarity.HIGH
    frequency = Frequency.QUARTERLY

    @factory.post_generation
    def scorecards(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.scorecards.set(extracted)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2016
    value = Decimal("80")


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period_kind = PeriodKind.YEAR
    period_end = date(2017, 3, 31)
    value = Decimal("75")


class BreakdownTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BreakdownTable

    board = factory.SubFactory(BoardFactory, slug="north")
    title = factory.Sequence(lambda n: f"Table {n}")
    slug = factory.Sequence(lambda n: f"table-{n}")
    row_label = "Employer"
    column_label = "Category"
    year = 2016
    rows = ["Health", "Police"]
    columns = ["Physical", "Sexual"]


class BreakdownCellFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BreakdownCell

    table = factory.SubFactory(BreakdownTableFactory)
    row = "Health"
    column = "Physical"
    value = Decimal("1")


def month_ends(count, last=date(2017, 3, 31)) -> list[date]:
    """The last day of each of `count` months, oldest first, ending with `last`."""
    ends, year, month = [], last.year, last.month
    for _ in range(count):
        ends.append(end_of_month(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends[::-1]


def build_scorecard(board, *, indicators, months, agency=None) -> Scorecard:
    """A scorecard of `indicators` percentages with `months` monthly values each
    (ending March 2017) and a target for every reporting year: bulk_create, so the
    sort_key is set here."""
    scorecard = Scorecard.objects.create(board=board, name="Big scorecard", slug="big")
    codes = [f"B{n // 10}.{n % 10}" for n in range(indicators)]
    created = Indicator.objects.bulk_create(
        Indicator(
            board=board,
            code=code,
            sort_key=code_sort_key(code),
            description=f"Indicator {code}",
            unit=Unit.PERCENTAGE,
            polarity=[Polarity.HIGH, Polarity.LOW, Polarity.NEITHER][n % 3],
            frequency=Frequency.MONTHLY,
            owning_agency=agency,
        )
        for n, code in enumerate(codes)
    )
    Indicator.scorecards.through.objects.bulk_create(
        Indicator.scorecards.through(indicator=i, scorecard=scorecard) for i in created
    )
    ends = month_ends(months)
    years = sorted({end.year if end.month >= 4 else end.year - 1 for end in ends})
    Target.objects.bulk_create(
        Target(indicator=i, year=year, value=Decimal(70 + year % 10))
        for i in created
        for year in years
    )
    Measurement.objects.bulk_create(
        (
            Measurement(
                indicator=i,
                period_kind=PeriodKind.MONTH,
                period_end=end,
                value=Decimal(50 + (n * 7 + m * 3) % 50),
            )
            for n, i in enumerate(created)
            for m, end in enumerate(ends)
        ),
        batch_size=2000,
    )
    return scorecard


def csv_file(rows, name="values.csv"):
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def xlsx_file(rows, name="values.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


class _TableReader(HTMLParser):
    """Text of each body row's header and cells in the page's tables."""

    def __init__(self, table_class):
        super().__init__()
        self.table_class, self.depth, self.rows, self.cell = table_class, 0, [], None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        wanted = self.table_class in (found.get("class") or "").split() + [
            found.get("id")
        ]
        if tag == "table" and (self.depth or wanted):
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("th", "td"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append(" ".join(" ".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, table_class: str) -> list[list[str]]:
    """The rows (header row first) of the table with this class or id, as cell
    texts."""
    reader = _TableReader(table_class)
    reader.feed(html)
    return reader.rows


def scorecard_rags(response) -> dict[str, str]:
    """Each scorecard row's code and the RAG it shows ("Red", "Amber", "Green",
    "No RAG"), read from the page, not its context."""
    rows = table_rows(response.content.decode(), "portal-scorecard")[1:]
    return {row[0]: row[3].removesuffix(" recorded") for row in rows}
