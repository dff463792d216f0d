"""A wiki page's diff and a community's wiki settings, through the API as on the pages."""

from tests.wiki.conftest import edit, make_page


def test_diff_between_revisions_defaults_to_the_latest_change(api, member, community):
    item = make_page(member, community, body="Step one\nStep two\n")
    edit(member, item, "Step one\nStep 2, checked\n", base=1)
    edit(member, item, "Step one\nStep 2, checked\nStep three\n", base=2)
    latest = api.as_(member).get(f"/api/v1/content/{item.pk}/diff").json()
    assert (latest["from_revision"], latest["to_revision"]) == (2, 3)
    assert (latest["added"], latest["removed"]) == (1, 0)
    assert [r["new"] for r in latest["rows"] if r["kind"] == "insert"] == ["Step three"]
    whole = api.get(f"/api/v1/content/{item.pk}/diff?from=3&to=1").json()
    assert (whole["from_revision"], whole["to_revision"]) == (1, 3)
    assert api.get(f"/api/v1/content/{item.pk}/diff?from=9").status_code == 404


def test_wiki_diff_is_404_outside_a_private_community(api, member, outsider, private_community):
    item = make_page(member, private_community)
    assert api.as_(outsider).get(f"/api/v1/content/{item.pk}/diff").status_code == 404


def test_managers_choose_who_edits_the_wiki(api, community_manager, member, community):
    path = f"/api/v1/communities/{community.slug}/wiki-settings"
    assert api.as_(member).get(path).json() == {"editors": "members"}
    put = api.client.put
    denied = put(path, {"editors": "experts"}, content_type="application/json")
    assert denied.status_code == 403
    api.as_(community_manager)
    assert put(path, {"editors": "anyone"}, content_type="application/json").status_code == 422
    saved = put(path, {"editors": "experts"}, content_type="application/json")
    assert saved.status_code == 200 and saved.json() == {"editors": "experts"}
    assert api.as_(member).get(path).json() == {"editors": "experts"}
