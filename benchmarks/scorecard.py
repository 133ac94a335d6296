"""Scorecard speed with 200 indicators x 60 monthly values, against a trivial
signed-in page measured in the same run.

Usage: DEBUG=true .venv/bin/python benchmarks/scorecard.py [requests]
Uses a throw-away SQLite database (or DATABASE_URL if you set BENCH_DATABASE_URL).
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "true")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb_portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from boards.models import Agency, Board, Membership, Role, User  # noqa: E402
from indicators.models import (  # noqa: E402
    Indicator,
    IndicatorSettings,
    Measurement,
    PeriodKind,
    Scorecard,
    Target,
    code_sort_key,
)
from lscb_portal.periods import end_of_month, reporting_year_start  # noqa: E402

INDICATORS, MONTHS = 200, 60
SCORECARD = "/boards/bench/indicators/scorecards/bench/"


def month_ends(count, last=date(2017, 3, 31)):
    ends, year, month = [], last.year, last.month
    for _ in range(count):
        ends.append(end_of_month(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends[::-1]


def build():
    call_command("migrate", verbosity=0)
    board = Board.objects.create(name="Bench Board", slug="bench", area="Bench")
    IndicatorSettings.objects.create(board=board)
    agencies = [
        Agency.objects.create(board=board, name=f"Agency {n}") for n in range(12)
    ]
    user = User.objects.create_user("bench@example.org", "x")
    Membership.objects.create(user=user, board=board, role=Role.BOARD_MEMBER)
    scorecard = Scorecard.objects.create(board=board, name="Bench", slug="bench")
    codes = [f"CS{n // 10}.{n % 10}" for n in range(INDICATORS)]
    indicators = Indicator.objects.bulk_create(
        Indicator(
            board=board,
            code=code,
            sort_key=code_sort_key(code),
            description=f"Indicator {code} " * 4,
            unit="percentage",
            polarity=("high", "low", "neither")[n % 3],
            frequency="monthly",
            owning_agency=agencies[n % 12],
        )
        for n, code in enumerate(codes)
    )
    Indicator.scorecards.through.objects.bulk_create(
        Indicator.scorecards.through(indicator=i, scorecard=scorecard)
        for i in indicators
    )
    ends = month_ends(MONTHS)
    years = sorted({reporting_year_start(end) for end in ends})
    Target.objects.bulk_create(
        Target(indicator=i, year=year, value=Decimal(70 + n % 20))
        for n, i in enumerate(indicators)
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
            for n, i in enumerate(indicators)
            for m, end in enumerate(ends)
        ),
        batch_size=2000,
    )
    return user


def median_ms(client, url, count):
    assert client.get(url).status_code == 200, url
    times = []
    for _ in range(count):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    client = Client(HTTP_HOST="localhost")
    client.force_login(build())
    pages = (
        ("scorecard (100 a page)", SCORECARD),
        ("scorecard, red only", SCORECARD + "?rag=R"),
        ("scorecard, a year ago", SCORECARD + "?period=month:2016-03-31"),
    )
    baseline = median_ms(client, "/", count)
    timed = [(label, url, median_ms(client, url, count)) for label, url in pages]
    print(
        f"{INDICATORS} indicators x {MONTHS} monthly values "
        f"({connection.vendor}), median of {count} requests"
    )
    print(f"{'baseline (signed-in home)':<27} {baseline:8.1f} ms")
    for label, url, ms in timed:
        print(
            f"{label:<27} {ms:8.1f} ms  ratio {ms / baseline:5.1f}  "
            f"queries {queries(client, url)}"
        )


if __name__ == "__main__":
    main()
