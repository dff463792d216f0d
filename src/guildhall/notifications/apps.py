from datetime import timedelta

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "guildhall.notifications"
    label = "notifications"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.content import hooks
        from guildhall.core.schedule import register_periodic
        from guildhall.notifications import services, tasks

        hooks.on_item_deleted(services.on_item_deleted)
        communities.provide("notify")(services.notify)
        communities.provide("unread_counts_forget")(services.unread_counts_forget_for_community)
        communities.provide("member_unread_counts_forget")(services.unread_counts_forget)
        # Hourly, so a daily or weekly digest goes out within the hour it falls due.
        register_periodic(
            tasks.send_due_digests, every=timedelta(hours=1), name="notifications.digests"
        )
