"""Notification fan-out and email, run by the worker once the acting transaction committed.

`services` queues these tasks and these tasks call `services`: each module reaches the other's
functions through the module at call time, so either may be imported first.
"""

from django_tasks import task

from guildhall.notifications import emails, services


@task()
def deliver_notifications(
    *,
    recipient_ids: list[int],
    verb: str,
    actor_id: int | None,
    item_id: int | None,
    community_id: int | None,
    data: dict,
) -> int:
    rows = services.notifications_deliver(
        recipient_ids=recipient_ids,
        verb=verb,
        actor_id=actor_id,
        item_id=item_id,
        community_id=community_id,
        data=data,
    )
    return len(rows)


@task()
def email_notifications(*, notification_ids: list[int], named: dict | None = None) -> int:
    return emails.send_notification_emails(notification_ids=notification_ids, named=named)


@task()
def send_due_digests() -> int:
    return services.digests_send_due()
