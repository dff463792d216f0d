"""What kind apps add to a community's page (communities imports no kind: core.slots).

- `community_news(viewer, community)`: the community's current announcements.
- `community_feed(viewer, community, kind, page_number)`: a page of the community's item cards.
- `feed_kinds()`: the kinds its feed can be narrowed to.
- `reviewer_links(viewer, community)`: (label, url) pairs for the community's reviewers
  (moderation: its review queue, and for managers its quality policy).

And what the apps above communities do when a community changes (communities imports none of
them: content and notifications read communities, not the other way round):

- `items_visibility_sync(community)`: copy a new visibility onto the community's items (content).
- `unread_counts_forget(community)`: recount the bell of members with unread notifications
  about it (notifications); `member_unread_counts_forget(user_ids)`: of these members.
- `notify(recipient_ids, verb, actor, community, data=None)`: tell members (notifications).
- `guidelines_changed(actor, community, previous, material)`: the guidelines were written or
  edited (`previous`: the text before); material: members must accept them again (moderation
  keeps their versions).
- `guidelines_accepted(user, community)`: a member accepted the current guidelines on joining.
"""

from guildhall.core.slots import Slots

contributions = Slots(
    "communities",
    [
        "community_news",
        "community_feed",
        "feed_kinds",
        "reviewer_links",
        "items_visibility_sync",
        "unread_counts_forget",
        "member_unread_counts_forget",
        "notify",
        "guidelines_changed",
        "guidelines_accepted",
    ],
)


def notify(**kwargs) -> None:
    contributions.call("notify", default=None, **kwargs)
