from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "guildhall.content"
    label = "content"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.content import cards, kinds, services

        communities.provide("community_feed")(cards.community_feed_page)
        communities.provide("feed_kinds")(kinds.all_kinds)
        communities.provide("items_visibility_sync")(services.content_visibility_sync)
