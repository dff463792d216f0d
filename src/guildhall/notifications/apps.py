from datetime import timedelta

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "guildhall.notifications"
    label = "notifications"

    def ready(self) -> None:
        from guildhall.content import hooks
        from guildhall.core.schedule import register_periodic
        from guildhall.notifications import services, tasks

        hooks.on_item_deleted(services.on_item_deleted)
        # Hourly, so a daily or weekly digest goes out within the hour it falls due.
        register_periodic(
            tasks.send_due_digests, every=timedelta(hours=1), name="notifications.digests"
        )
