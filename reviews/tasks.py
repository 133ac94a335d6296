from celery import shared_task

from . import services


@shared_task
def send_review_reminders() -> int:
    """Daily (celery beat): remind the business team of notifications and rapid
    reviews due within two working days, or late."""
    return services.reminders_send()
