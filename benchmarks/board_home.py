"""Board home page speed against a trivial page, measured in the same run.

Usage: DEBUG=true .venv/bin/python benchmarks/board_home.py [requests]
Uses a throw-away SQLite database with the demo data; prints the time per request
of each page and the ratio of the board home page to the baseline.
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "true")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb_portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from boards.demo import demo_email  # noqa: E402
from boards.models import User  # noqa: E402


def per_request(client, url, count):
    assert client.get(url).status_code == 200, url
    start = time.perf_counter()
    for _ in range(count):
        client.get(url)
    return (time.perf_counter() - start) / count


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email=demo_email("chair")))
    baseline = per_request(client, "/healthz", count)
    board_home = per_request(client, "/boards/cumbria/", count)
    print(f"baseline /healthz        {baseline * 1000:7.2f} ms")
    print(f"board home /boards/...   {board_home * 1000:7.2f} ms")
    print(f"ratio board home / baseline: {board_home / baseline:.1f}")


if __name__ == "__main__":
    main()
