from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search over items of every kind, comments, people and communities."""

    name = "guildhall.search"
    label = "search"

    def ready(self) -> None:
        from guildhall.core.events import on_record
        from guildhall.search.receivers import reindex_after

        on_record(reindex_after)
