from django_tasks import task

from guildhall.moderation import verification


@task()
def reverify_due() -> int:
    """Hourly: verified knowledge that fell due goes back to the review queue (idempotent)."""
    return verification.reverification_open_due()
