"""Keeps the index current: every act is recorded in the event log (`core.events.record`), and
each act that may change searchable text or visibility queues a re-index of its target."""

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
    }
)  # fmt: skip


def reindex_after(*, event, target) -> None:
    if target is None or event.verb in UNCHANGING_VERBS or search_index_is_paused():
        return
    label = target._meta.label
    if label == "content.ContentItem":
        enqueue_on_commit(search_index_update, items=[target.pk])
    elif label == settings.AUTH_USER_MODEL:
        # Every act on a member counts, a first sign-in included: new members become findable.
        enqueue_on_commit(search_index_update, people=[target.pk])
    elif label == "communities.Community":
        enqueue_on_commit(
            search_index_update, communities=[target.pk], community_visibility=[target.pk]
        )
