from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "guildhall.content"
    label = "content"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from guildhall.communities.contributions import contributions as communities
        from guildhall.content import cards, kinds, services
        from guildhall.content.listing import forget_lists_after_item_write
        from guildhall.content.models import ContentItem

        communities.provide("community_feed")(cards.community_feed_page)
        communities.provide("feed_kinds")(kinds.all_kinds)
        communities.provide("items_visibility_sync")(services.content_visibility_sync)
        for signal in (post_save, post_delete):
            signal.connect(
                forget_lists_after_item_write, sender=ContentItem, dispatch_uid="content-listing"
            )
        m2m_changed.connect(
            forget_lists_after_item_write,
            sender=ContentItem.tags.through,
            dispatch_uid="content-listing-tags",
        )
