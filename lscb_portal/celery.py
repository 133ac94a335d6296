"""The Celery app: configured from Django settings (CELERY_*), tasks found per app."""

import base64
import json
import logging
import os
from pathlib import Path

from celery import Celery
from celery.signals import beat_init, before_task_publish

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


def enqueue(task, *args, **kwargs) -> bool:
    """Publishes a task now, on a connection of its own, trying once: False (and
    logged) when the broker does not take it, never an exception, so a request
    that queues work cannot fail with a 500. The caller decides what the person
    sees and what picks the work up again."""
    if task.app.conf.task_always_eager:
        task.apply_async(args, kwargs)
        return True
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            task.apply_async(args, kwargs, connection=conn, retry=False)
        return True
    except Exception as error:
        log.warning("could not queue %s%r: %s", task.name, args, error)
        return False


def waiting_task_args(queue: str) -> list[list]:
    """The arguments of each task whose message waits in `queue` or is held, not
    yet acknowledged, by a worker (a countdown retry, a prefetched message). Read
    where the transport keeps them: Redis's lists and its unacked hash, or the
    filesystem transport's files."""
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        channel = conn.default_channel
        if conn.transport.driver_type == "redis":
            client = channel.client
            # One list per priority step, named as kombu's Channel._q_for_pri does.
            raws = [
                raw
                for step in channel.priority_steps
                for raw in client.lrange(channel._q_for_pri(queue, step), 0, -1)
            ]
            held = (json.loads(v) for v in client.hvals(channel.unacked_key))
            raws += [json.dumps(message) for message, _, key in held if key == queue]
        else:  # the filesystem transport: one file a message
            folder = Path(channel.data_folder_in)
            raws = [path.read_bytes() for path in folder.glob(f"*.{queue}.msg")]
    return [_task_args(raw) for raw in raws]


def _task_args(raw) -> list:
    """A task message's positional arguments (Celery's message protocol 2: the
    body is [args, kwargs, embed], base64-encoded by kombu's virtual transports)."""
    try:
        message = json.loads(raw)
        body = message["body"]
        if message.get("properties", {}).get("body_encoding") == "base64":
            body = base64.b64decode(body)
        return list(json.loads(body)[0])
    except (ValueError, KeyError, IndexError, TypeError):
        return []


_in_beat = False


@beat_init.connect
def _mark_beat(sender=None, **kwargs):
    global _in_beat
    _in_beat = True


@before_task_publish.connect
def _beat_heartbeat(sender=None, **kwargs):
    # Beat sends the heartbeat task at least every HEARTBEAT_SECONDS: each send is
    # its sign of life (the worker's is running that task).
    if not _in_beat:
        return
    from .models import heartbeat

    try:
        heartbeat("beat")
    except Exception as error:  # a lost beat only makes /healthz worry sooner
        log.warning("beat heartbeat: %s", error)


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
