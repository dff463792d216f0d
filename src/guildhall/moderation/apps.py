from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "guildhall.moderation"
    label = "moderation"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.communities.permissions import on_posting_condition
        from guildhall.content import hooks
        from guildhall.content.contributions import contributions as content
        from guildhall.moderation import guidelines, selectors, services, views

        hooks.on_publication_gate(services.publication_gate)
        hooks.on_item_held(services.review_open_for_held_item)
        hooks.on_item_published(services.review_open_for_first_contribution)
        hooks.on_api_fields(selectors.quality_fields)
        content.provide("item_quality_panel")(views.item_quality_panel)
        communities.provide("reviewer_links")(views.reviewer_links)
        communities.provide("guidelines_changed")(guidelines.guidelines_changed)
        communities.provide("guidelines_accepted")(guidelines.guidelines_accepted_on_join)
        on_posting_condition(guidelines.guidelines_posting_condition)
