"""Writes a meeting's pack PDF: the same code as the download."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from boards.models import Meeting
from lscb_portal.files import write_atomically
from reports.meeting_pack import meeting_pack


class Command(BaseCommand):
    help = "Render a meeting's pack (agenda and the reports due) to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("--meeting", required=True, type=int, help="Its id.")
        parser.add_argument("-o", "--output", required=True, help="The PDF to write.")

    def handle(self, *args, meeting, output, **options):
        try:
            found = Meeting.objects.select_related("board").get(pk=meeting)
        except Meeting.DoesNotExist:
            raise CommandError(f"No meeting with the id {meeting}.") from None
        verbosity = options.get("verbosity", 1)

        def progress(done, total, label):
            if verbosity > 1:
                self.stderr.write(f"{done}/{total} {label}")

        began = time.monotonic()
        data, pages = meeting_pack(found, progress)
        target = Path(output)
        write_atomically(target, data)
        self.stdout.write(
            f"Wrote {target} ({pages} pages, {len(data):,} bytes) "
            f"in {time.monotonic() - began:.1f}s"
        )
