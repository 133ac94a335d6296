"""The Celery app: configured from Django settings (CELERY_*), tasks found per app."""

import logging
import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscb_portal.settings")

app = Celery("lscb_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

log = logging.getLogger(__name__)


def broker_available(timeout: float = 2) -> bool:
    """Whether the job queue answers within `timeout` seconds (one try)."""
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout)
        return True
    except Exception as error:
        log.warning("broker check failed: %s", error)
        return False


@app.on_after_configure.connect
def _make_broker_folders(sender, **kwargs):
    # The filesystem transport expects its folders to exist.
    for key in (
        "data_folder_in",
        "data_folder_out",
        "processed_folder",
        "control_folder",
    ):
        folder = sender.conf.broker_transport_options.get(key)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
