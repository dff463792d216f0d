from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "guildhall.communities"
    label = "communities"

    def ready(self) -> None:
        from guildhall.communities.access import forget_after_access_change
        from guildhall.core.events import on_record

        on_record(forget_after_access_change)
