"""Account emails (password reset, a locked account...) leave from the worker, not the request:
asking a reset for a known and for an unknown address then takes the same time."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def account_email_send(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    headers: dict,
    alternatives: list[list[str]],
    content_subtype: str,
) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers
    )
    message.content_subtype = content_subtype
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
