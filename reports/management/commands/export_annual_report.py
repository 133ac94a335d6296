"""Writes a board's annual report PDF without the queue: the same code as the job."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from boards.models import Board
from lscb_portal.files import write_atomically
from reports.documents import annual_report, parse_year


class Command(BaseCommand):
    help = "Render a board's annual report to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("--board", required=True, help="The board's slug.")
        parser.add_argument("--year", required=True, help="e.g. 2016-17.")
        parser.add_argument("-o", "--output", required=True, help="The PDF to write.")

    def handle(self, *args, board, year, output, **options):
        try:
            found = Board.objects.get(slug=board)
        except Board.DoesNotExist:
            raise CommandError(f"No board with the slug {board!r}.") from None
        try:
            start = parse_year(year)
        except ValueError as error:
            raise CommandError(str(error)) from None
        verbosity = options.get("verbosity", 1)

        def progress(done, total, label):
            if verbosity > 1:
                self.stderr.write(f"{done}/{total} {label}")

        began = time.monotonic()
        data, pages = annual_report(found, start, progress)
        target = Path(output)
        write_atomically(target, data)
        self.stdout.write(
            f"Wrote {target} ({pages} pages, {len(data):,} bytes) "
            f"in {time.monotonic() - began:.1f}s"
        )
