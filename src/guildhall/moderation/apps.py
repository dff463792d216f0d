from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "guildhall.moderation"
    label = "moderation"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.content import hooks
        from guildhall.content.contributions import contributions as content
        from guildhall.moderation import acts, selectors, services, views

        hooks.on_publication_gate(services.publication_gate)
        hooks.on_item_held(services.review_open_for_held_item)
        hooks.on_item_published(services.review_open_for_first_contribution)
        hooks.on_api_fields(selectors.quality_fields)
        content.provide("item_quality_panel")(views.item_quality_panel)
        communities.provide("reviewer_links")(views.reviewer_links)
        communities.provide("posting_refusal")(acts.posting_refusal)
