"""Checks a restored database against what a backup should hold: every migration
applied, the row count of every model (compared with the counts a manifest written
at backup time recorded), and every stored file present with its checksum matching
(ReportRun's own `checksum`, and the manifest's checksum of each file)."""

import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import FileField


def sha256_of(storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        for chunk in iter(lambda: stored.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def unapplied_migrations(database: str) -> list[str]:
    executor = MigrationExecutor(connections[database])
    targets = executor.loader.graph.leaf_nodes()
    return [f"{m.app_label}.{m.name}" for m, _ in executor.migration_plan(targets)]


def row_counts(database: str) -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.using(database).count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def stored_files(database: str):
    """(model label, pk, field, stored name, checksum the row records or "") for
    every non-empty FileField value."""
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, FileField)]
        has_checksum = any(f.name == "checksum" for f in model._meta.concrete_fields)
        for field in fields:
            values = ["pk", field.name] + (["checksum"] if has_checksum else [])
            rows = (
                model._base_manager.using(database)
                .exclude(**{field.name: ""})
                .values_list(*values)
                .order_by("pk")
            )
            for pk, name, *checksum in rows.iterator():
                yield model._meta.label, pk, field, name, (checksum or [""])[0]


def file_checksums(database: str) -> dict[str, str]:
    """Every stored file's SHA-256, by its name in storage ("" when missing)."""
    sums = {}
    for _, _, field, name, _ in stored_files(database):
        storage = field.storage
        sums[name] = sha256_of(storage, name) if storage.exists(name) else ""
    return sums


class Command(BaseCommand):
    help = (
        "Check a restored database: migrations applied, row counts (against a "
        "manifest written at backup time), stored files present with matching "
        "checksums. --write-manifest writes that manifest at backup time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--manifest",
            type=Path,
            help="Compare with this manifest (written by --write-manifest).",
        )
        parser.add_argument(
            "--write-manifest",
            type=Path,
            help="Write the counts and file checksums to this file and stop "
            "(run at backup time, beside pg_dump).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, manifest=None, write_manifest=None, database, **options):
        counts = row_counts(database)
        if write_manifest:
            write_manifest.write_text(
                json.dumps(
                    {"counts": counts, "files": file_checksums(database)},
                    indent=1,
                    sort_keys=True,
                )
            )
            self.stdout.write(
                f"Wrote {write_manifest}: {len(counts)} models, "
                f"{sum(counts.values())} rows."
            )
            return
        expected = json.loads(manifest.read_text()) if manifest else None
        problems = [
            f"Migration not applied: {name}" for name in unapplied_migrations(database)
        ]
        problems += self.compare_counts(counts, expected)
        problems += self.check_files(database, expected)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"The restore is not complete: {len(problems)} problems."
            )
        self.stdout.write(self.style.SUCCESS("The restored database checks out."))

    def compare_counts(self, counts, expected) -> list[str]:
        wanted = (expected or {}).get("counts", {})
        problems = []
        for label in sorted(counts.keys() | wanted.keys()):
            have, want = counts.get(label), wanted.get(label)
            line = f"{label:48} {have if have is not None else '-':>8}"
            if expected is not None:
                line += f" {want if want is not None else '-':>8}"
                if have != want:
                    problems.append(
                        f"Row count of {label}: {have} restored, {want} at backup."
                    )
            self.stdout.write(line)
        return problems

    def check_files(self, database, expected) -> list[str]:
        wanted = (expected or {}).get("files", {})
        problems, names = [], set()
        for label, pk, field, name, recorded in stored_files(database):
            names.add(name)
            where = f"{label} {pk} {field.name} {name}"
            if not field.storage.exists(name):
                problems.append(f"File missing: {where}")
                continue
            actual = sha256_of(field.storage, name)
            if recorded and actual != recorded:
                problems.append(f"Checksum does not match the row's: {where}")
            elif name in wanted and wanted[name] and actual != wanted[name]:
                problems.append(f"Checksum does not match the manifest's: {where}")
        problems += [
            f"File in the manifest but in no row: {name}"
            for name in sorted(set(wanted) - names)
        ]
        self.stdout.write(f"{len(names)} stored files checked.")
        return problems
