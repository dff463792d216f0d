"""The index follows every write, as a member sees it: each act goes through its service and its
on-commit work runs (`run_on_commit`), then the search answers from the index alone. Runs on
whichever database the run uses (SQLite FTS5, or PostgreSQL with DATABASE_URL)."""

import pytest

from guildhall.search.selectors import Filters, search
from tests.conftest import login
from tests.factories import add_member, make_department, make_item, make_member
from tests.media import pdf_bytes, upload, wav_bytes

pytestmark = pytest.mark.django_db


def found(viewer, q, **filters) -> list[str]:
    """What `viewer` finds: item titles, people's usernames, community slugs."""
    results = search(viewer=viewer, q=q, filters=Filters(**filters))[0:100]
    names = {"item": "title", "person": "username", "community": "slug"}
    return [getattr(r.object, names[r.type]) for r in results]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_question_is_found_by_its_answer_after_edits_and_deletion(
    member, expert, community, run_on_commit
):
    from guildhall.qa.services import answer_create, answer_delete, answer_update, question_create

    with run_on_commit():
        question = question_create(actor=member, community=community, title="Pump keeps tripping")
        answer = answer_create(actor=expert, item=question, body="Check the impeller clearance.")
    assert found(member, "impeller") == ["Pump keeps tripping"]
    with run_on_commit():
        answer_update(actor=expert, answer=answer, body="Check the volute for wear.")
    assert found(member, "impeller") == []
    assert found(member, "volute") == ["Pump keeps tripping"]
    with run_on_commit():
        answer_delete(actor=expert, answer=answer)
    assert found(member, "volute") == []
    assert found(member, "tripping") == ["Pump keeps tripping"]


def test_wiki_page_is_found_by_its_latest_revision_only(member, community, run_on_commit):
    from guildhall.wiki.services import wiki_page_create, wiki_page_edit

    with run_on_commit():
        page = wiki_page_create(
            actor=member, community=community, title="Changeover", body="Stop the line."
        )
    for revision, body in [(1, "Stop the line. Swap the dies."), (2, "Swap the dies. Kanban.")]:
        with run_on_commit():
            wiki_page_edit(actor=member, item=page, body=body, base_revision=revision)
    assert found(member, "kanban") == ["Changeover"]
    assert found(member, "dies") == ["Changeover"]
    assert found(member, "stop line") == []  # in revisions 1 and 2 only


def test_document_is_found_by_its_extracted_text(member, community, media_root, run_on_commit):
    from guildhall.documents.services import document_create

    with run_on_commit():
        document_create(
            actor=member,
            community=community,
            title="Procedure QP-7",
            body="Approved by quality.",
            file=upload("qp7.pdf", pdf_bytes("Gasket torque sequence for flanges")),
        )
    assert found(member, "gasket torque") == ["Procedure QP-7"]


def test_episode_is_found_by_its_show_notes(expert, member, community, media_root, run_on_commit):
    from guildhall.podcasts.services import episode_create

    with run_on_commit():
        episode_create(
            actor=expert,
            community=community,
            title="Five-minute tip",
            body="Show notes: listening for cavitation in centrifugal pumps.",
            file=upload("tip.wav", wav_bytes(1.0)),
        )
    assert found(member, "cavitation") == ["Five-minute tip"]


def test_tags_of_an_item_are_searchable(member, community, run_on_commit):
    with run_on_commit():
        make_item(
            member, community=community, kind="discussion", title="Weekly sync", tags="hoshin"
        )
    assert found(member, "hoshin") == ["Weekly sync"]
    assert found(member, "hoshin", tag="hoshin", kind="discussion") == ["Weekly sync"]


def test_comments_are_found_and_follow_edits_and_deletion(member, expert, community, run_on_commit):
    from guildhall.interactions.services import comment_create, comment_delete, comment_update

    item = make_item(member, community=community, title="Night shift handover")
    with run_on_commit():
        comment = comment_create(actor=expert, item=item, body="Log the glycol level.")
    assert found(member, "glycol") == ["Night shift handover"]
    with run_on_commit():
        comment_update(actor=expert, comment=comment, body="Log the coolant level.")
    assert found(member, "glycol") == []
    assert found(member, "coolant") == ["Night shift handover"]
    with run_on_commit():
        comment_delete(actor=expert, comment=comment)
    assert found(member, "coolant") == []


def test_people_are_found_by_name_title_department_and_skills(member, expert, run_on_commit):
    from guildhall.people.models import ProfileSkill
    from guildhall.people.services import profile_skill_remove, profile_skill_set, profile_update

    logistics = make_department("Inbound Logistics")
    with run_on_commit():
        jurgen = make_member("jmueller", name="Jürgen Müller", title="Customs specialist")
        profile_update(
            actor=jurgen, member=jurgen, first_name="Jürgen", last_name="Müller",
            department=logistics,
        )  # fmt: skip
    assert found(member, "Müller") == ["jmueller"]
    assert found(member, "müller jürgen") == ["jmueller"]
    assert found(member, "muller") == ["jmueller"]
    assert found(member, "customs") == ["jmueller"]
    assert found(member, "inbound logistics") == ["jmueller"]
    assert found(member, "thermography") == []
    with run_on_commit():
        profile_skill_set(actor=expert, member=expert, name="Thermography", level=4)
    assert found(member, "thermography") == ["eric"]
    skill = ProfileSkill.objects.get(profile__user=expert, skill__name="Thermography")
    with run_on_commit():
        profile_skill_remove(actor=expert, member=expert, skill_id=skill.skill_id)
    assert found(member, "thermography") == []


def test_communities_are_found_by_name_and_purpose_after_edits(
    community_manager, member, community, run_on_commit
):
    from guildhall.communities.services import community_update

    with run_on_commit():
        community_update(
            actor=community_manager, community=community, purpose="Sharing what works in sourcing."
        )
    assert found(member, "supply chain", type="community") == [community.slug]
    assert found(member, "sourcing") == [community.slug]
    assert found(member, "planning", type="community") == []


def test_deleted_items_disappear(member, community, run_on_commit):
    from guildhall.content.services import content_item_delete

    with run_on_commit():
        item = make_item(member, community=community, title="Obsolete racking layout")
    assert found(member, "racking") == ["Obsolete racking layout"]
    with run_on_commit():
        content_item_delete(actor=member, item=item)
    assert found(member, "racking") == []
    assert search(viewer=member, q="racking").count() == 0


def test_drafts_are_found_by_their_author_only(member, expert, staff, community, run_on_commit):
    from guildhall.content.services import content_item_publish

    with run_on_commit():
        draft = make_item(member, community=community, title="Forecast draft", publish=False)
    assert found(member, "forecast") == ["Forecast draft"]
    assert found(expert, "forecast") == []
    assert found(staff, "forecast") == []
    with run_on_commit():
        content_item_publish(actor=member, item=draft)
    assert found(expert, "forecast") == ["Forecast draft"]


def test_private_items_and_their_comments_vanish_when_a_member_leaves(
    member, community_manager, private_community, run_on_commit
):
    from guildhall.communities.services import membership_leave
    from guildhall.interactions.services import comment_create

    other = make_member("otto")
    add_member(private_community, other)
    with run_on_commit():
        item = make_item(member, community=private_community, title="Near miss at dock 4")
        comment_create(actor=member, item=item, body="The forklift horn was muted.")
    assert found(other, "muted") == ["Near miss at dock 4"]
    with run_on_commit():
        membership_leave(actor=other, community=private_community)
    assert found(other, "muted") == []
    assert found(other, "near miss") == []
    assert found(other, "incident review board") == []
    assert search(viewer=other, q="muted").count() == 0


def test_items_vanish_when_their_community_becomes_private(
    client, community_manager, member, outsider, community, run_on_commit
):
    from guildhall.communities.services import community_update
    from guildhall.interactions.services import comment_create

    with run_on_commit():
        item = make_item(member, community=community, title="Supplier scorecard")
        comment_create(actor=member, item=item, body="Weighting for late deliveries.")
    assert found(outsider, "weighting") == ["Supplier scorecard"]
    with run_on_commit():
        community_update(actor=community_manager, community=community, visibility="private")
    assert found(outsider, "weighting") == []
    assert found(outsider, "supply chain") == []
    assert found(member, "weighting") == ["Supplier scorecard"]
    login(client, outsider)
    assert client.get("/api/v1/search?q=weighting").json() == {
        "items": [],
        "count": 0,
        "count_exact": True,
    }
    assert "Supplier scorecard" not in client.get("/search/?q=weighting").content.decode()


def test_bulk_loads_pause_live_indexing_until_the_rebuild(member, community, run_on_commit):
    from guildhall.search.services import search_index_paused, search_index_rebuild

    with search_index_paused(), run_on_commit():
        make_item(member, community=community, title="Bulk loaded kaizen notes")
    assert found(member, "kaizen") == []
    search_index_rebuild()
    assert found(member, "kaizen") == ["Bulk loaded kaizen notes"]
    with run_on_commit():
        make_item(member, community=community, title="Live kaizen notes")
    assert sorted(found(member, "kaizen")) == ["Bulk loaded kaizen notes", "Live kaizen notes"]


def _admin_saves(staff, obj, rf) -> None:
    """What the admin's change form does after saving: log the change (and nothing else)."""
    from django.contrib import admin

    request = rf.post("/admin/")
    request.user = staff
    admin.site._registry[type(obj)].log_change(request, obj, "Changed title.")


def test_staff_edits_in_the_admin_are_found(staff, member, community, rf, run_on_commit):
    with run_on_commit():
        item = make_item(member, community=community, title="Pump notes")
    item.title = "Impeller notes"
    item.save()
    profile = member.profile
    profile.title = "Cryogenics lead"
    profile.save()
    assert found(member, "impeller") == []

    with run_on_commit():
        _admin_saves(staff, item, rf)
        _admin_saves(staff, profile, rf)

    assert found(member, "impeller") == ["Impeller notes"]
    assert found(staff, "cryogenics") == [member.username]
