"""modified_at on the records the API lists: existing rows take the time of
their latest history record (or the migration's time when they have none)."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import Exists, OuterRef, Subquery

MODELS = ["Scorecard", "Indicator"]


def from_history(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("indicators", name)
        history = apps.get_model("indicators", f"Historical{name}")
        latest = (
            history.objects.filter(id=OuterRef("pk"))
            .order_by("-history_date")
            .values("history_date")[:1]
        )
        model.objects.filter(Exists(latest)).update(modified_at=Subquery(latest))


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="scorecard",
            name="modified_at",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalscorecard",
            name="modified_at",
            field=models.DateTimeField(
                blank=True,
                db_index=True,
                default=django.utils.timezone.now,
                editable=False,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="indicator",
            name="modified_at",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalindicator",
            name="modified_at",
            field=models.DateTimeField(
                blank=True,
                db_index=True,
                default=django.utils.timezone.now,
                editable=False,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(from_history, migrations.RunPython.noop),
    ]
