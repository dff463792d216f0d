"""What kind apps add to a community's page (communities imports no kind: core.slots).

- `community_news(viewer, community)`: the community's current announcements.
- `community_feed(viewer, community, kind, page_number)`: a page of the community's item cards.
- `feed_kinds()`: the kinds its feed can be narrowed to.
"""

from guildhall.core.slots import Slots

contributions = Slots("communities", ["community_news", "community_feed", "feed_kinds"])
