"""Demo steps for the item kinds beyond posts and discussions, one module each.

Each entry is (label, "dotted.path.to:function"); the function takes the running `DemoLoader`
(its `rng`, `people`, `places`, `ago()`, `item_dt`/`comment_dt` for backdating...) after the posts
and discussions are loaded, creates its data through the services, and returns a one-line summary.
"""

STEPS: list[tuple[str, str]] = [
    ("questions & answers", "guildhall.demo.qa:load"),
    ("wiki pages", "guildhall.demo.wiki:load"),
    ("podcast episodes", "guildhall.demo.podcasts:load"),
    ("documents", "guildhall.demo.documents:load"),
    ("resource boards", "guildhall.demo.boards:load"),
    ("news", "guildhall.demo.news:load"),
    ("interviews & leaders", "guildhall.demo.interviews:load"),
    ("engagement", "guildhall.demo.engagement:load"),
    ("following & experts", "guildhall.demo.people:load"),
    ("notification settings", "guildhall.demo.notifications:load"),
    ("quality control", "guildhall.demo.moderation:load"),
    ("participation policy", "guildhall.demo.moderation:load_policy"),
]
