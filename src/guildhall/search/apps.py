from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search over items of every kind, comments, people and communities."""

    name = "guildhall.search"
    label = "search"

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from guildhall.core.events import on_record
        from guildhall.search.receivers import reindex_after, reindex_after_admin_edit

        on_record(reindex_after)
        post_save.connect(reindex_after_admin_edit, sender=LogEntry, dispatch_uid="search-admin")
