"""What other apps add to notifications (notifications imports no app above it: core.slots).

- `digest_highlights(member, shown, limit)`: `{"whats_popular": [...], "unanswered": [...]}`,
  the digest's trending items (none of the ids in `shown`) and questions the member could answer.
"""

from guildhall.core.slots import Slots

contributions = Slots("notifications", ["digest_highlights"])
