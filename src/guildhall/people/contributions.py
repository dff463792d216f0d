"""What kind apps add to people's pages and the expert finder (people imports no kind:
core.slots).

- `featured_in(viewer, member)`: items featuring the member, on their profile.
- `accepted_answers(items)`: rows of (author id, count) of accepted answers on those items,
  expert evidence.
- `is_answered(item)`: whether a question already has an answer (no expert invitations then).
"""

from guildhall.core.slots import Slots

contributions = Slots("people", ["featured_in", "accepted_answers", "is_answered"])
