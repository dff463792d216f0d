"""What apps above content add to its pages (content imports none of them: core.slots).

- `item_page_context(request, item)`: context for the item page (comments and engagement).
- `item_quality_panel(request, item)`: the item page's quality status and review actions (HTML).
"""

from guildhall.core.slots import Slots

contributions = Slots("content", ["item_page_context", "item_quality_panel"])
