"""System checks: the portal refuses to start (`manage.py check`, runserver, the
compose stack's migrate step) when a task could outlive the broker's visibility
timeout, after which Redis hands its message to a second worker."""

from django.core import checks


@checks.register("celery")
def task_limits_within_visibility_timeout(app_configs, **kwargs):
    from .celery import app

    app.autodiscover_tasks(force=True)  # every app's tasks.py
    timeout = app.conf.broker_transport_options.get("visibility_timeout")
    if not timeout:
        return [
            checks.Error(
                "Set the broker's visibility timeout (BROKER_VISIBILITY_TIMEOUT).",
                id="lscb_portal.E001",
            )
        ]
    errors = []
    for name, task in sorted(app.tasks.items()):
        if name.startswith("celery."):
            continue
        soft, hard = task.soft_time_limit, task.time_limit
        if not soft or not hard or soft >= hard:
            errors.append(
                checks.Error(
                    f"{name} needs a soft time limit shorter than its hard one "
                    f"(soft {soft}, hard {hard}).",
                    id="lscb_portal.E002",
                )
            )
        longest = {
            "hard time limit": hard or 0,
            "retry countdown": _longest_countdown(task),
        }
        for what, seconds in longest.items():
            if seconds >= timeout:
                errors.append(
                    checks.Error(
                        f"{name}: its {what} ({seconds:g} s) is not shorter than "
                        f"the broker's visibility timeout ({timeout:g} s), after "
                        "which a second worker would run it too.",
                        hint="Lower it, or raise BROKER_VISIBILITY_TIMEOUT.",
                        id="lscb_portal.E003",
                    )
                )
    return errors


def _longest_countdown(task) -> float:
    """A task's own retries (max_countdown, where it declares one) and Celery's:
    autoretry's backoff, else the default retry delay."""
    celery_own = (
        getattr(task, "retry_backoff_max", 600)  # Celery's default
        if getattr(task, "autoretry_for", ()) and task.retry_backoff
        else task.default_retry_delay
    )
    return max(getattr(task, "max_countdown", 0), celery_own)
