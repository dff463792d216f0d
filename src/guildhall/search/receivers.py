"""Keeps the index current: every act is recorded in the event log (`core.events.record`), and
each act that may change searchable text or visibility queues a re-index of its target. Staff
edits in the Django admin record no event: their admin log entry does the same."""

from django.conf import settings

from guildhall.core.tasks import enqueue_on_commit
from guildhall.search.services import search_index_is_paused
from guildhall.search.tasks import search_index_update

# Acts that change no searchable text and no visibility.
UNCHANGING_VERBS = frozenset(
    {
        "view", "listen", "download", "rate", "unrate", "favourite", "unfavourite", "share",
        "recommend", "expert_pick", "expert_unpick", "vote", "accept", "follow", "unfollow",
        "endorse_skill", "withdraw_endorsement", "set_leader", "welcome", "join", "leave",
        "request_join", "decide_join_request", "remove_member", "set_role",
        "accept_guidelines", "accept_policy",
    }
)  # fmt: skip


def _reindex(label: str, pk: int) -> None:
    if label == "content.ContentItem":
        enqueue_on_commit(search_index_update, items=[pk])
    elif label == settings.AUTH_USER_MODEL:
        enqueue_on_commit(search_index_update, people=[pk])
    elif label == "communities.Community":
        enqueue_on_commit(search_index_update, communities=[pk], community_visibility=[pk])


def reindex_after(*, event, target) -> None:
    if target is None or event.verb in UNCHANGING_VERBS or search_index_is_paused():
        return
    # Every act on a member counts, a first sign-in included: new members become findable.
    _reindex(target._meta.label, target.pk)


def reindex_after_admin_edit(sender, instance, created: bool, **kwargs) -> None:
    """post_save of `admin.LogEntry`: an item, member, profile or community added, changed or
    deleted in the admin. (A bulk delete writes its entries without post_save; a deleted item's
    row is harmless meanwhile: results are read again through the visibility filter.)"""
    model = instance.content_type.model_class() if created and instance.content_type_id else None
    if model is None or not str(instance.object_id).isdigit():
        return
    if model._meta.label == "people.Profile":
        owners = model.objects.filter(pk=instance.object_id).values_list("user_id", flat=True)
        for user_id in owners:
            _reindex(settings.AUTH_USER_MODEL, user_id)
        return
    _reindex(model._meta.label, int(instance.object_id))
