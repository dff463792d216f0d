"""@mention links and item links read from rendered Markdown."""

from guildhall.core.markdown import render_markdown
from guildhall.interactions.markup import linked_item_ids, mentioned_usernames


def test_mentions_link_existing_members_in_one_query(member, expert, django_assert_num_queries):
    with django_assert_num_queries(1):
        html = render_markdown("Ask @mia, @eric and @nobody. Mail mia@example.com.")
    assert mentioned_usernames(html) == ["mia", "eric"]
    assert "@nobody" in html and 'href="/u/nobody/"' not in html
    assert "mia@example.com" in html and html.count("/u/mia/") == 1


def test_no_query_without_a_candidate(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        render_markdown("No one here. `@mia` in code only.")


def test_not_inside_code_pre_or_links(member):
    html = render_markdown("`@mia`\n\n```\n@mia\n```\n\n[@mia](https://example.com) [see @mia](/x)")
    assert mentioned_usernames(html) == []
    assert html.count("<a ") == 2


def test_mention_html_stays_sanitised(member):
    html = render_markdown('@mia<script>alert(1)</script> <img src=x onerror="@mia">')
    assert "<script" not in html and "<img" not in html  # raw HTML stays text
    assert mentioned_usernames(html) == ["mia"]


def test_a_hand_written_profile_link_is_not_a_mention(member):
    assert mentioned_usernames(render_markdown("[@eric](/u/mia/)")) == []


def test_linked_item_ids_relative_absolute_and_foreign():
    html = render_markdown(
        "[a](/content/12/) [b](/content/13/slug-here/) [c](http://localhost:8000/content/14/)"
        " [d](https://evil.example/content/15/) [e](/content/16/edit/x/) [f](/content/abc/)"
        " [g](/content/17/slug/#comments)"
    )
    assert linked_item_ids(html) == {12, 13, 14, 17}
