"""Plan overview speed with 2,000 actions x 8 updates, against a trivial signed-in
page measured in the same run.

Usage: DEBUG=true .venv/bin/python benchmarks/plan_overview.py [requests]
Uses a throw-away SQLite database (or DATABASE_URL if you set BENCH_DATABASE_URL).
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
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
from django.test import Client  # noqa: E402

from boards.models import Board, Membership, Role, User  # noqa: E402
from business_plan.models import (  # noqa: E402
    Action,
    ActionUpdate,
    BusinessPlan,
    Theme,
    ref_sort_key,
)
from subgroups.models import Subgroup  # noqa: E402

ACTIONS, UPDATES = 2000, 8


def build():
    call_command("migrate", verbosity=0)
    board = Board.objects.create(name="Bench Board", slug="bench", area="Bench")
    user = User.objects.create_user("bench@example.org", "x")
    Membership.objects.create(user=user, board=board, role=Role.BOARD_MEMBER)
    plan = BusinessPlan.objects.create(
        board=board, title="Plan 2016-19", first_year=2016, last_year=2019
    )
    themes = [
        Theme.objects.create(plan=plan, number=n, title=f"Theme {n}")
        for n in range(1, 10)
    ]
    subgroups = [
        Subgroup.objects.create(board=board, name=f"Subgroup {n}") for n in range(12)
    ]
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            theme=themes[i % 9],
            ref=f"{i % 9 + 1}.{i}",
            sort_key=ref_sort_key(f"{i % 9 + 1}.{i}"),
            text=f"Action {i} " * 8,
            when_text="Jul-17",
            due_date=date(2017, 7, 31),
        )
        for i in range(ACTIONS)
    )
    Action.owner_subgroups.through.objects.bulk_create(
        Action.owner_subgroups.through(action=a, subgroup=subgroups[i % 12])
        for i, a in enumerate(actions)
    )
    ActionUpdate.objects.bulk_create(
        ActionUpdate(
            action=a,
            date=date(2016, 6, 30) + timedelta(days=91 * u),
            quarter="2016-17 Q1",
            rag="RAGC"[(i + u) % 4],
            narrative="Progress narrative",
        )
        for i, a in enumerate(actions)
        for u in range(UPDATES)
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


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    client = Client(HTTP_HOST="localhost")
    client.force_login(build())
    baseline = median_ms(client, "/", count)
    overview = median_ms(client, "/boards/bench/plans/2016-19/", count)
    filtered = median_ms(client, "/boards/bench/plans/2016-19/?rag=A", count)
    print(f"{ACTIONS} actions x {UPDATES} updates, median of {count} requests")
    print(f"baseline (signed-in home)   {baseline:8.1f} ms")
    for label, ms in (("plan overview", overview), ("overview, amber only", filtered)):
        print(f"{label:<27} {ms:8.1f} ms  ratio {ms / baseline:.1f}")


if __name__ == "__main__":
    main()
