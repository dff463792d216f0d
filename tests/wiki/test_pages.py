"""Wiki pages in the browser's terms: index, new, edit (with conflicts), history, diff, revert."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.wiki.models import WikiLink, WikiRevision, WikiSettings
from guildhall.wiki.services import wiki_settings_set
from tests.conftest import login
from tests.factories import make_member
from tests.wiki.conftest import edit, make_page


def test_index_lists_pages_and_offers_new_page(client, member, community):
    make_page(member, community, title="Glossary")
    make_page(member, community, title="Audit plan")
    login(client, member)
    response = client.get(f"/c/{community.slug}/wiki/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Audit plan") < html.index("Glossary")
    assert f"/wiki/new/?community={community.slug}" in html
    assert "Wiki settings" not in html  # not a manager


def test_empty_index(client, member, community, outsider):
    login(client, member)
    html = client.get(f"/c/{community.slug}/wiki/").content.decode()
    assert "No pages yet" in html and "Write the first page" in html
    login(client, outsider)
    html = client.get(f"/c/{community.slug}/wiki/").content.decode()
    assert "No pages yet" in html and "Write the first page" not in html


def test_community_page_links_to_its_wiki(client, member, community):
    login(client, member)
    html = client.get(f"/c/{community.slug}/").content.decode()
    assert f'href="/c/{community.slug}/wiki/"' in html


def test_create_page_from_form(client, member, community):
    login(client, member)
    url = f"/wiki/new/?community={community.slug}&title=Glossary"
    response = client.get(url)
    assert response.status_code == 200
    assert 'value="Glossary"' in response.content.decode()
    response = client.post(
        "/wiki/new/",
        {
            "community": community.slug,
            "title": "Glossary",
            "body": "**OEE**: overall equipment effectiveness",
            "summary": "Started it",
        },
    )
    revision = WikiRevision.objects.get(title="Glossary")
    assert response.status_code == 302 and response["Location"] == revision.item.get_absolute_url()
    assert revision.summary == "Started it" and revision.author == member
    page = client.get(response["Location"]).content.decode()
    assert "<strong>OEE</strong>" in page and "Revision 1" in page and "What links here" in page


def test_missing_link_leads_to_create_form_and_existing_title_redirects(client, member, community):
    login(client, member)
    source = make_page(member, community, title="Checklist", body="See [[Supplier scorecard]].")
    page_html = client.get(source.get_absolute_url()).content.decode()
    assert 'class="wiki-missing"' in page_html
    response = client.get(f"/wiki/new/?community={community.slug}&title=Supplier+scorecard")
    html = response.content.decode()
    assert 'value="Supplier scorecard"' in html and "Already linking to this title" in html
    target = make_page(member, community, title="Supplier scorecard")
    response = client.get(f"/wiki/new/?community={community.slug}&title=supplier+SCORECARD")
    assert response.status_code == 302 and response["Location"] == target.get_absolute_url()


def test_create_form_keeps_input_on_error(client, member, community):
    make_page(member, community, title="Glossary")
    login(client, member)
    response = client.post(
        "/wiki/new/", {"community": community.slug, "title": "glossary", "body": "My long text"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "already has a page" in html and "My long text" in html


def test_edit_page_saves_a_revision(client, member, expert, community):
    item = make_page(member, community)
    login(client, expert)
    response = client.get(f"/content/{item.pk}/wiki/edit/")
    assert response.status_code == 200
    assert 'name="base_revision" value="1"' in response.content.decode()
    response = client.post(
        f"/content/{item.pk}/wiki/edit/",
        {
            "title": item.title,
            "body": "Start here.\n\nNew step",
            "summary": "Step",
            "base_revision": 1,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.body == "Start here.\n\nNew step" and item.wiki_page.revision == 2


def test_generic_edit_address_sends_to_the_wiki_editor(client, member, community):
    item = make_page(member, community)
    login(client, member)
    response = client.get(f"/content/{item.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == f"/content/{item.pk}/wiki/edit/"


def test_conflict_shows_their_changes_and_keeps_my_text(client, member, expert, community):
    item = make_page(member, community, body="Line one\nLine two")
    edit(expert, item, "Line one\nLine two\nEric's <b>line</b>", 1, summary="Eric adds")
    login(client, member)
    response = client.post(
        f"/content/{item.pk}/wiki/edit/",
        {"title": item.title, "body": "Line one\nMia's line\nLine two", "base_revision": 1},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this page" in html and "Eric Expert saved revision 2" in html
    assert "Mia&#x27;s line" in html  # my text kept in the editor
    assert "Eric&#x27;s &lt;b&gt;line&lt;/b&gt;" in html  # their change, escaped
    assert 'name="base_revision" value="2"' in html  # the next save builds on the latest
    item.refresh_from_db()
    assert item.wiki_page.revision == 2 and "Mia" not in item.body
    response = client.post(
        f"/content/{item.pk}/wiki/edit/",
        {"title": item.title, "body": "Merged text", "base_revision": 2, "summary": "Merged"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.body == "Merged text" and item.wiki_page.revision == 3


def test_history_diff_and_revert(client, member, expert, community):
    item = make_page(member, community, body="alpha\nbeta\ngamma")
    edit(expert, item, "alpha\nBETA <script>x</script>\ngamma", 1, summary="Caps <i>now</i>")
    login(client, member)
    html = client.get(f"/content/{item.pk}/history/").content.decode()
    assert "Revision 2" in html and "Eric Expert" in html and "Caps &lt;i&gt;now&lt;/i&gt;" in html
    assert f"/content/{item.pk}/history/1/revert/" in html

    html = client.get(f"/content/{item.pk}/diff/?from=1&to=2").content.decode()
    assert 'class="diff-replace"' in html
    assert "BETA &lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert "+1" in html and "\u22121" in html

    html = client.get(f"/content/{item.pk}/history/1/").content.decode()
    assert "This is revision 1" in html and "beta" in html

    response = client.get(f"/content/{item.pk}/history/1/revert/")
    assert response.status_code == 200 and "Revert to revision 1?" in response.content.decode()
    response = client.post(f"/content/{item.pk}/history/1/revert/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.body == "alpha\nbeta\ngamma" and item.wiki_page.revision == 3
    assert WikiRevision.objects.get(item=item, number=3).summary == "Reverted to revision 1"


def test_bad_diff_numbers(client, member, community):
    item = make_page(member, community)
    login(client, member)
    assert client.get(f"/content/{item.pk}/diff/?from=1&to=9").status_code == 404
    assert client.get(f"/content/{item.pk}/diff/?from=x&to=y").status_code == 404  # 0 vs 1
    assert client.get(f"/content/{item.pk}/history/5/").status_code == 404


def test_what_links_here_on_the_page(client, member, community):
    target = make_page(member, community, title="Glossary")
    make_page(member, community, title="Checklist", body="See [[Glossary]].")
    login(client, member)
    html = client.get(target.get_absolute_url()).content.decode()
    assert "What links here" in html and ">Checklist</a>" in html
    assert WikiLink.objects.filter(to_item=target).count() == 1


def test_settings_form_for_managers(client, member, community_manager, community):
    login(client, member)
    assert (
        client.post(f"/c/{community.slug}/wiki/settings/", {"editors": "experts"}).status_code
        == 404
    )
    login(client, community_manager)
    html = client.get(f"/c/{community.slug}/wiki/").content.decode()
    assert "Wiki settings" in html and "Experts and managers only" in html
    response = client.post(f"/c/{community.slug}/wiki/settings/", {"editors": "experts"})
    assert response.status_code == 302
    assert WikiSettings.objects.get(community=community).editors == "experts"


def test_member_cannot_edit_when_experts_only(client, member, expert, community_manager, community):
    item = make_page(member, community)
    wiki_settings_set(actor=community_manager, community=community, editors="experts")
    login(client, member)
    response = client.get(f"/content/{item.pk}/wiki/edit/")
    assert (
        response.status_code == 403 and "Only the experts and managers" in response.content.decode()
    )
    response = client.post(
        f"/content/{item.pk}/wiki/edit/", {"title": "X", "body": "Y", "base_revision": 1}
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.wiki_page.revision == 1
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Edit page" not in html
    assert client.post(f"/content/{item.pk}/history/1/revert/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/c/{slug}/wiki/",
        "/wiki/new/?community={slug}",
        "/content/{pk}/",
        "/content/{pk}/wiki/edit/",
        "/content/{pk}/history/",
        "/content/{pk}/history/1/",
        "/content/{pk}/history/1/revert/",
        "/content/{pk}/diff/?from=1&to=1",
    ],
)
def test_private_wiki_is_404_for_outsiders(
    client, member, outsider, staff, private_community, path
):
    item = make_page(member, private_community)
    url = path.format(slug=private_community.slug, pk=item.pk)
    login(client, outsider)
    assert client.get(url).status_code == 404
    login(client, member)
    assert client.get(url, follow=True).status_code == 200
    login(client, staff)
    assert client.get(url, follow=True).status_code == 200


def test_non_wiki_item_has_no_history(client, member, community):
    from tests.factories import make_item

    item = make_item(member, community=community)
    login(client, member)
    assert client.get(f"/content/{item.pk}/history/").status_code == 404


def test_choose_community_without_one(client, member, community):
    login(client, member)
    html = client.get("/wiki/new/").content.decode()
    assert community.name in html
    loner = make_member("lone")
    login(client, loner)
    assert "No wiki you can edit yet" in client.get("/wiki/new/").content.decode()


def test_wiki_item_page_query_count_is_fixed(client, member, community):
    target = make_page(member, community, title="Glossary")
    make_page(member, community, title="Start here", body="See [[Glossary]].")  # linked from one
    login(client, member)
    url = target.get_absolute_url()
    client.get(url)

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for n in range(15):
        make_page(member, community, title=f"Page {n}", body="See [[Glossary]].")
        edit(member, target, f"Version {n}", n + 1)
    assert count() == small
