"""Versioned guidelines: a community's (accepted again after a material change before the next
contribution) and the company's participation policy (accepted on first sign-in)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from guildhall.communities.services import community_update, membership_join
from guildhall.core.models import AuditEntry
from guildhall.interactions.services import comment_create
from guildhall.moderation.guidelines import (
    guideline_accept,
    participation_policy_accept,
    participation_policy_create,
    participation_policy_must_accept,
)
from guildhall.moderation.models import GuidelineAcceptance, GuidelineVersion, PolicyAcceptance
from guildhall.qa.services import answer_create
from tests.api.conftest import bearer
from tests.conftest import login
from tests.factories import add_member, make_community, make_item, make_member

pytestmark = pytest.mark.django_db


def _edit(manager, community, text, material=False):
    return community_update(
        actor=manager, community=community, guidelines=text, guidelines_material=material
    )


def _versions(community):
    return list(
        GuidelineVersion.objects.filter(community=community)
        .order_by("number")
        .values_list("number", "text", "material")
    )


# --- versions -----------------------------------------------------------------------------


def test_editing_the_guidelines_keeps_each_version(community, community_manager):
    _edit(community_manager, community, "Be kind. No customer data. Cite sources.")
    _edit(community_manager, community, "Be kind. No customer data. Cite your sources.")
    assert _versions(community) == [
        (1, "Be kind. No customer data.", False),
        (2, "Be kind. No customer data. Cite sources.", False),
        (3, "Be kind. No customer data. Cite your sources.", False),
    ]
    assert AuditEntry.objects.filter(action="guideline_version_create").count() == 3


def test_editing_something_else_keeps_no_version(community, community_manager):
    community_update(actor=community_manager, community=community, purpose="New purpose")
    assert _versions(community) == [(1, "Be kind. No customer data.", False)]


def test_a_new_community_starts_at_version_1_accepted_by_its_manager(community_manager):
    c = make_community(community_manager, name="Forklift Safety", guidelines="Wear boots.")
    assert _versions(c) == [(1, "Wear boots.", False)]
    assert GuidelineAcceptance.objects.filter(user=community_manager, version__community=c)


def test_joining_accepts_the_current_version(community, community_manager):
    _edit(community_manager, community, "Version two.", material=True)
    newcomer = make_member("nina")
    membership_join(actor=newcomer, community=community, accept_guidelines=True)
    assert GuidelineAcceptance.objects.get(user=newcomer).version.number == 2


def test_the_edit_page_offers_members_must_accept_again(client, community, community_manager):
    login(client, community_manager)
    page = client.get(reverse("communities:edit", args=[community.slug]))
    assert "Members must accept again" in page.text
    client.post(
        reverse("communities:edit", args=[community.slug]),
        {
            "name": community.name,
            "kind": community.kind,
            "visibility": community.visibility,
            "purpose": community.purpose,
            "guidelines": "Be kind. Never share customer data.",
            "guidelines_material": "on",
        },
    )
    assert _versions(community)[-1] == (2, "Be kind. Never share customer data.", True)


# --- material changes: posting refused, reading open ---------------------------------------


def test_a_non_material_change_lets_members_post(community, community_manager, member):
    _edit(community_manager, community, "Be kind. No customer data, ever.")
    make_item(member, community=community, title="Still posting")


def test_after_a_material_change_a_member_accepts_before_posting_but_still_reads(
    client, community, community_manager, member
):
    item = make_item(community_manager, community=community, title="Dock schedule")
    _edit(community_manager, community, "New rules: cite your sources.", material=True)
    login(client, member)
    assert client.get(item.get_absolute_url()).status_code == 200
    with pytest.raises(PermissionDenied, match="Accept the updated guidelines of Supply Chain"):
        make_item(member, community=community, title="Blocked")
    with pytest.raises(PermissionDenied, match="Accept the updated guidelines"):
        comment_create(actor=member, item=item, body="Blocked too")
    refused = client.post(
        reverse("interactions:comment_create", args=[item.pk]), {"body": "Blocked"}
    )
    assert refused.status_code == 403
    assert "Accept the updated guidelines of Supply Chain Practice" in refused.text
    assert reverse("moderation:guidelines", args=[community.slug]) in refused.text
    # The manager who made the change has accepted it.
    make_item(community_manager, community=community, title="Manager posts")

    page = client.get(reverse("moderation:guidelines", args=[community.slug]))
    assert "New rules: cite your sources." in page.text and "I accept" in page.text
    client.post(reverse("moderation:guidelines", args=[community.slug]))
    assert (
        "I accept" not in client.get(reverse("moderation:guidelines", args=[community.slug])).text
    )
    comment_create(actor=member, item=item, body="Now I may")
    assert AuditEntry.objects.filter(action="guideline_accept", actor=member).exists()


def test_answers_wait_for_the_accepted_guidelines_too(community, community_manager, member):
    question = make_item(community_manager, community=community, kind="question", title="Why?")
    _edit(community_manager, community, "Answer with sources.", material=True)
    with pytest.raises(PermissionDenied, match="Accept the updated guidelines"):
        answer_create(actor=member, item=question, body="Because.")
    guideline_accept(actor=member, community=community)
    answer_create(actor=member, item=question, body="Because.")


def test_only_members_accept_guidelines(client, community, outsider, private_community):
    with pytest.raises(PermissionDenied):
        guideline_accept(actor=outsider, community=community)
    login(client, outsider)
    page = client.get(reverse("moderation:guidelines", args=[community.slug]))
    assert page.status_code == 200 and "I accept" not in page.text
    assert (
        client.get(reverse("moderation:guidelines", args=[private_community.slug])).status_code
        == 404
    )


# --- the managers' table -------------------------------------------------------------------


def test_managers_see_who_accepted_which_version(
    client, community, community_manager, member, expert, django_assert_max_num_queries
):
    _edit(community_manager, community, "Version two.", material=True)
    guideline_accept(actor=expert, community=community)
    for n in range(30):
        add_member(community, make_member(f"m{n}"))
    login(client, community_manager)
    url = reverse("moderation:guidelines", args=[community.slug])
    client.get(url)
    with django_assert_max_num_queries(14):
        page = client.get(url)
    assert "Who accepted which version" in page.text
    assert "Eric Expert" in page.text and "Mia Member" in page.text
    assert "earlier version" in page.text  # Mia accepted version 1 only


def test_members_do_not_see_the_acceptance_table(client, community, member):
    login(client, member)
    page = client.get(reverse("moderation:guidelines", args=[community.slug]))
    assert page.status_code == 200 and "Who accepted which version" not in page.text


# --- the company's participation policy -----------------------------------------------------


POLICY = "Be respectful. Never share confidential customer data."


def test_without_a_policy_nothing_is_asked(client, member):
    login(client, member)
    assert client.get(reverse("home")).status_code == 200


def test_a_member_accepts_the_policy_on_first_sign_in(client, staff, member, community):
    participation_policy_create(actor=staff, text=POLICY)
    login(client, member)
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home.url.startswith(reverse("moderation:company_policy"))
    page = client.get(home.url)
    assert "Be respectful" in page.text and "I accept" in page.text
    # Contributions are refused too, whatever way they come.
    with pytest.raises(PermissionDenied, match="participation policy"):
        make_item(member, community=community, title="Too early")
    accepted = client.post(reverse("moderation:company_policy"), {"next": "/"})
    assert accepted.status_code == 302 and accepted.url == "/"
    assert client.get(reverse("home")).status_code == 200
    assert PolicyAcceptance.objects.filter(user=member, policy__number=1).exists()
    assert AuditEntry.objects.filter(action="participation_policy_accept", actor=member).exists()


def test_a_material_change_asks_again_a_minor_one_does_not(client, staff, member):
    participation_policy_create(actor=staff, text=POLICY)
    participation_policy_accept(actor=member)
    login(client, member)
    participation_policy_create(actor=staff, text=POLICY + " Typo fixed.", material=False)
    assert client.get(reverse("home")).status_code == 200
    participation_policy_create(actor=staff, text=POLICY + " Report with flags.", material=True)
    assert client.get(reverse("home")).status_code == 302


def test_once_warm_the_policy_check_asks_nothing_of_the_database(
    staff, member, django_assert_num_queries
):
    participation_policy_create(actor=staff, text=POLICY)
    participation_policy_accept(actor=member)
    assert not participation_policy_must_accept(member)
    with django_assert_num_queries(0):
        assert not participation_policy_must_accept(member)


def test_only_staff_edit_the_policy(client, staff, member):
    login(client, member)
    assert client.get(reverse("moderation:policy_edit")).status_code == 404
    with pytest.raises(PermissionDenied):
        participation_policy_create(actor=member, text=POLICY)
    login(client, staff)
    assert client.get(reverse("moderation:policy_edit")).status_code == 200
    saved = client.post(reverse("moderation:policy_edit"), {"text": POLICY, "material": "on"})
    assert saved.status_code == 302
    assert client.post(reverse("moderation:policy_edit"), {"text": ""}).status_code == 200


# --- API ------------------------------------------------------------------------------------


def test_api_guidelines_and_accept(api, community, community_manager, member, outsider):
    _edit(community_manager, community, "Version two.", material=True)
    path = f"/api/v1/communities/{community.slug}/guidelines"
    body = api.as_(member).get(path).json()
    assert body["current"]["number"] == 2 and body["current"]["material"] is True
    assert [v["number"] for v in body["versions"]] == [2, 1]
    assert body["accepted_version"] == 1 and body["must_accept"] is True
    refused = api.post(
        "/api/v1/content", {"kind": "post", "title": "Blocked", "community": community.slug}
    )
    assert (
        refused.status_code == 403 and "Accept the updated guidelines" in refused.json()["detail"]
    )
    accepted = api.post(path + "/accept")
    assert accepted.status_code == 200 and accepted.json()["must_accept"] is False
    assert api.as_(outsider).post(path + "/accept").status_code == 403


def test_api_guidelines_of_a_private_community_are_404_to_outsiders(
    api, private_community, outsider
):
    path = f"/api/v1/communities/{private_community.slug}/guidelines"
    assert api.as_(outsider).get(path).status_code == 404
    assert api.post(path + "/accept").status_code == 404


def test_api_policy(client, staff, member):
    assert client.get("/api/v1/policy", **bearer(member)).json()["current"] is None
    participation_policy_create(actor=staff, text=POLICY)
    body = client.get("/api/v1/policy", **bearer(member)).json()
    assert body["current"]["text"] == POLICY and body["must_accept"] is True
    accepted = client.post("/api/v1/policy/accept", **bearer(member))
    assert accepted.status_code == 200 and accepted.json()["accepted_version"] == 1
    assert accepted.json()["must_accept"] is False
    assert client.post("/api/v1/policy/accept").status_code == 401


# --- the demo -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_demo_policy_is_accepted_by_all_but_its_newest_members(client):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("demo", stdout=StringIO(), members=40, seed=1)
    members = get_user_model().objects.filter(is_staff=False)
    waiting = [m for m in members if participation_policy_must_accept(m)]
    assert len(waiting) == 3
    newest = members.order_by("-date_joined")[:10]
    assert set(waiting) <= set(newest)
    admin = get_user_model().objects.get(username="admin")
    assert not participation_policy_must_accept(admin)
    # A newcomer's first sign-in shows the policy.
    login(client, waiting[0])
    first = client.get(reverse("home"))
    assert first.status_code == 302
    assert "No confidential customer data" in client.get(first.url).text


def test_api_patch_with_material_guidelines_asks_members_again(
    api, community, community_manager, member
):
    path = f"/api/v1/communities/{community.slug}"
    edited = api.as_(community_manager).patch(
        path, {"guidelines": "Cite your sources.", "guidelines_material": True}
    )
    assert edited.status_code == 200
    state = api.as_(member).get(path + "/guidelines").json()
    assert state["current"]["number"] == 2 and state["must_accept"] is True
