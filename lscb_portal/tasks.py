from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from .models import heartbeat as record_heartbeat


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
    reject_on_worker_lost=True,
)
def send_email(*, subject: str, body: str, to: list[str], html: str | None = None):
    """Send one e-mail from the worker, so a slow mail server never blocks a page
    (EMAIL_TIMEOUT bounds each try; smtplib's errors are OSErrors, retried). A
    send cut off by a killed worker goes back to the queue: at worst an e-mail
    arrives twice, never not at all."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@shared_task
def heartbeat() -> None:
    """Scheduled by beat (which records its own beat as it sends this): a worker
    ran it, so /healthz can tell that the worker is alive."""
    record_heartbeat("worker")
