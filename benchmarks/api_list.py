"""The business-plan actions API list against a plain Django JSON view over the same
queryset with .values(), measured in the same run.

Usage: DEBUG=true .venv/bin/python benchmarks/api_list.py [requests]
Uses a throw-away SQLite database with the demo data; both lists are read by the
same signed-in user, 50 actions a page. Prints the best round's CPU time per request
of each (they take turns; CPU time, as the machine may be busy), the SQL queries
each runs, and the throughput ratio API / plain view (goal: 0.5 or more).
"""

import io
import os
import sys
import tempfile
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "true")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb_portal.settings")
os.environ["API_THROTTLE_RATE"] = "1000000/min"  # time the list, not a 429

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import include, path  # noqa: E402

from boards.demo import demo_email  # noqa: E402
from boards.models import Board, User  # noqa: E402
from business_plan.api.serializers import ActionSerializer  # noqa: E402
from business_plan.api.views import ActionViewSet  # noqa: E402

PAGE = 50
API = f"/api/v1/actions/?page_size={PAGE}"
BASELINE = "/bench/actions/"
# The serializer's fields that are columns or annotations (owners come from other
# tables, which .values() cannot list).
OTHER_TABLES = {"owners", "owner_subgroups", "owner_agencies"}
FIELDS = [f for f in ActionSerializer.Meta.fields if f not in OTHER_TABLES]


@login_required
def plain_list(request):
    """The same rows as the API's first page, without DRF: the floor to beat."""
    boards = Board.objects.visible_to(request.user)
    rows = ActionViewSet.queryset.filter(plan__board__in=boards).values(*FIELDS)
    return JsonResponse({"results": list(rows[:PAGE])})


def use_baseline_url():
    urls = types.ModuleType("bench_urls")
    urls.urlpatterns = [
        path(BASELINE.strip("/") + "/", plain_list),
        path("", include(settings.ROOT_URLCONF)),
    ]
    sys.modules["bench_urls"] = urls
    settings.ROOT_URLCONF = "bench_urls"


def queries_of(client, url) -> int:
    # Counted by a wrapper: each request resets connection.queries.
    seen = []

    def count(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(seen)


def best_times(client, urls, count, rounds=5):
    """The best round's CPU time per request of each url (SQLite runs in this
    process, so that is all the work; wall time on a shared machine is noise),
    the urls taking turns round by round."""
    best = dict.fromkeys(urls, float("inf"))
    for _ in range(rounds):
        for url in urls:
            start = time.process_time()
            for _ in range(count // rounds):
                response = client.get(url)
            elapsed = (time.process_time() - start) / (count // rounds)
            assert response.status_code == 200, (url, response.status_code)
            best[url] = min(best[url], elapsed)
    return best


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    use_baseline_url()
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email=demo_email("chair")))
    rows = len(client.get(API).json()["results"])
    assert rows == PAGE, f"the demo has {rows} actions, fewer than a page of {PAGE}"
    times = best_times(client, [BASELINE, API], count)
    baseline, api = times[BASELINE], times[API]
    for label, url, seconds in [("plain view", BASELINE, baseline), ("API", API, api)]:
        sql = queries_of(client, url)
        print(f"{label:10} {url:30} {seconds * 1000:7.2f} ms  {sql} SQL")
    print(f"throughput ratio API / plain view: {baseline / api:.2f} (goal >= 0.5)")


if __name__ == "__main__":
    main()
