from datetime import timedelta

from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "guildhall.moderation"
    label = "moderation"

    def ready(self) -> None:
        from guildhall.communities.contributions import contributions as communities
        from guildhall.communities.permissions import on_posting_condition
        from guildhall.content import hooks
        from guildhall.content.contributions import contributions as content
        from guildhall.core.schedule import register_periodic
        from guildhall.moderation import (
            acts,
            flags,
            guidelines,
            selectors,
            services,
            tasks,
            verification,
            views,
        )

        flags.register_verbs()
        hooks.on_publication_gate(services.publication_gate)
        hooks.on_item_held(services.review_open_for_held_item)
        hooks.on_item_published(services.review_open_for_first_contribution)
        hooks.on_api_fields(selectors.quality_fields)
        content.provide("item_quality_panel")(views.item_quality_panel)
        communities.provide("reviewer_links")(views.reviewer_links)
        # The verification cycle: obsolete knowledge drops out of popular and search ranking,
        # cards and results show the quality status, due items return to the queue hourly.
        hooks.on_demoted_items(verification.obsolete_item_ids)
        hooks.on_item_badges(verification.item_badges)
        register_periodic(
            tasks.reverify_due, every=timedelta(hours=1), name="moderation.reverify_due"
        )
        on_posting_condition(acts.suspension_posting_condition)
        communities.provide("guidelines_changed")(guidelines.guidelines_changed)
        communities.provide("guidelines_accepted")(guidelines.guidelines_accepted_on_join)
        on_posting_condition(guidelines.guidelines_posting_condition)
