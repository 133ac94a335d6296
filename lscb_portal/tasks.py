from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def send_email(*, subject: str, body: str, to: list[str], html: str | None = None):
    """Send one e-mail from the worker, so a slow mail server never blocks a page."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
