from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "guildhall.communities"
    label = "communities"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from guildhall.communities.access import (
            forget_after_access_change,
            forget_after_membership_write,
        )
        from guildhall.communities.models import Community, Membership
        from guildhall.core.events import on_record

        on_record(forget_after_access_change)
        for model in (Community, Membership):
            post_save.connect(forget_after_membership_write, sender=model)
            post_delete.connect(forget_after_membership_write, sender=model)
