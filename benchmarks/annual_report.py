"""The demo annual report end to end (data, templates, WeasyPrint, storage) against
WeasyPrint rendering the same final HTML alone, measured in the same run.

Usage: DEBUG=true .venv/bin/python benchmarks/annual_report.py [runs, default 5]
Uses a throw-away SQLite database with the demo data (or BENCH_DATABASE_URL).
Prints both median times, their ratio, the page count and the render's peak memory.
"""

import gc
import io
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "true")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
)
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb_portal.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402

from boards.models import Board  # noqa: E402
from lscb_portal.pdf import html_to_pdf  # noqa: E402
from reports import documents  # noqa: E402

YEAR = 2016


def end_to_end(board):
    data, pages = documents.annual_report(board, YEAR)
    name = default_storage.save("bench/annual-report.pdf", ContentFile(data))
    default_storage.delete(name)
    return pages


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    board = Board.objects.get(slug="cumbria")

    context = documents.annual_report_context(board, YEAR)
    charts = {k: str(v).encode() for k, v in context.pop("charts").items()}
    html = render_to_string("reports/pdf/annual_report.html", context)

    def render_only():
        return html_to_pdf(
            html, title="Annual report", author=board.name, charts=charts
        )[1]

    timings = {"end to end": [], "render only": []}
    works = [("end to end", lambda: end_to_end(board)), ("render only", render_only)]
    for run in range(runs):
        # Alternate which goes first and start each from a collected heap, so
        # neither pays for the other's garbage or warms a cache for it.
        for label, work in works if run % 2 == 0 else works[::-1]:
            gc.collect()
            start = time.perf_counter()
            pages = work()
            timings[label].append(time.perf_counter() - start)

    tracemalloc.start()
    end_to_end(board)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    full = statistics.median(timings["end to end"])
    alone = statistics.median(timings["render only"])
    print(f"demo annual report 2016-17, median of {runs} runs, {pages} pages")
    print(f"end to end (data + templates + WeasyPrint + storage) {full:6.2f} s")
    print(f"WeasyPrint on the saved final HTML alone           {alone:6.2f} s")
    print(f"ratio end to end / render alone: {full / alone:.2f}")
    print(f"peak Python memory during the end-to-end render: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
