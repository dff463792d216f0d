from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "guildhall.content"
    label = "content"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.content import cards, kinds

        communities.provide("community_feed")(cards.community_feed_page)
        communities.provide("feed_kinds")(kinds.all_kinds)
