from celery import shared_task

from . import services


@shared_task
def send_return_reminders() -> int:
    """Daily (celery beat): remind subgroup chairs of reports due soon or late."""
    return services.reminders_send()
