"""What kind apps add to a community's page (communities imports no kind: core.slots).

- `community_news(viewer, community)`: the community's current announcements.
"""

from guildhall.core.slots import Slots

contributions = Slots("communities", ["community_news"])
