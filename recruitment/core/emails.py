"""Email sending from template sets: subject, plain text and HTML."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_templated_email(template_set: str, to: list[str], context: dict) -> None:
    """Render `emails/<set>_subject.txt`, `_body.txt` and `_body.html` and send.

    Called after the transaction that caused the email commits, so a rolled-back
    change never sends one.
    """
    subject = render_to_string(f"emails/{template_set}_subject.txt", context)
    subject = " ".join(subject.split())
    text = render_to_string(f"emails/{template_set}_body.txt", context)
    html = render_to_string(f"emails/{template_set}_body.html", context)

    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    message.send()
    logger.info("Sent email %s to %d recipient(s)", template_set, len(to))
