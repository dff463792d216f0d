"""What kind apps add to the home page (home imports no kind: core.slots).

- `latest_news(viewer, limit)`: the "latest news" section's items.
- `featured_members(viewer, limit)`: items with `.featured` (a member), first in "who's popular".
- `accepted_answers(since)`: a helpfulness source, rows of (helper id, community id, item
  visibility) for answers accepted since then, the asker's own excluded.
"""

from guildhall.core.slots import Slots

contributions = Slots("home", ["latest_news", "featured_members", "accepted_answers"])
