from django.urls import reverse

from guildhall.content.services import content_item_update
from guildhall.people.models import ProfileSkill
from tests.conftest import login
from tests.factories import make_comment, make_department, make_item, make_member


def test_profile_shows_organisation_and_skills(client, member):
    ops = make_department("Operations")
    boss = make_member("boss", name="Bea Boss", title="Head of Operations", department=ops)
    worker = make_member(
        "wendy",
        name="Wendy Worker",
        title="Planner",
        department=ops,
        manager=boss,
        location="Rotterdam",
    )
    login(client, worker)
    client.post(reverse("people:skill_add"), {"name": "Demand planning", "level": 4})
    login(client, member)
    page = client.get("/u/wendy/").content.decode()
    for text in (
        "Wendy Worker",
        "Planner",
        "Operations",
        "Bea Boss",
        "Rotterdam",
        "Demand planning",
        "Advanced",
    ):
        assert text in page
    assert "Wendy Worker" in client.get("/u/boss/").content.decode()  # direct report listed


def test_edit_own_profile(client, member):
    login(client, member)
    response = client.post(
        reverse("people:edit"),
        {
            "first_name": "Mia",
            "last_name": "Moss",
            "title": "Senior analyst",
            "bio": "I *love* data",
            "location": "Leeds",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.last_name == "Moss" and member.profile.title == "Senior analyst"
    assert "<em>love</em>" in member.profile.bio_html


def test_unknown_manager_username_is_a_field_error(client, member):
    login(client, member)
    response = client.post(reverse("people:edit"), {"first_name": "Mia", "manager": "nobody"})
    assert "No member with the username" in response.content.decode()


def test_directory_filters(client, member):
    sales = make_department("Sales")
    make_member("sam", name="Sam Seller", title="Account manager", department=sales)
    login(client, member)
    client.force_login(member)
    assert b"Sam Seller" in client.get("/people/?q=sam").content
    assert b"Sam Seller" in client.get("/people/?department=sales").content
    assert b"Sam Seller" not in client.get("/people/?q=zed").content


def test_skill_levels_are_validated(client, member):
    login(client, member)
    client.post(reverse("people:skill_add"), {"name": "SQL", "level": 9})
    assert not ProfileSkill.objects.exists()


def test_home_shows_whats_new_and_empty_state(client, member, outsider, community, expert):
    login(client, outsider)
    page = client.get("/").content.decode()
    assert "Welcome to Guildhall" in page and "Find a community" in page
    make_item(expert, community=community, kind="discussion", title="Slotting fast movers")
    make_item(outsider, title="My personal notes")
    client.force_login(member)
    page = client.get("/").content.decode()
    assert "Slotting fast movers" in page and "My personal notes" in page
    client.force_login(outsider)
    page = client.get("/").content.decode()
    assert "Slotting fast movers" not in page  # not a member of that community


def test_home_pages_and_load_more(client, member, community):
    for n in range(25):
        make_item(member, community=community, kind="discussion", title=f"Topic number {n}")
    login(client, member)
    first = client.get("/").content.decode()
    assert "Topic number 24" in first and "Topic number 4" not in first
    more = client.get("/?page=2", HTTP_HX_REQUEST="true").content.decode()
    assert "Topic number 4" in more and "<html" not in more


def test_personal_blog_lists_posts(client, member, outsider):
    make_item(member, title="Blogging about Excel")
    login(client, outsider)
    assert b"Blogging about Excel" in client.get(f"/u/{member.username}/blog/").content


def test_pages_need_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_cached_cards_follow_edits_and_comments(client, member, expert, community):
    item = make_item(member, community=community, kind="discussion", title="Pallet wrap tension")
    login(client, member)
    assert "Pallet wrap tension" in client.get("/").content.decode()  # the card is now cached
    content_item_update(actor=member, item=item, title="Stretch wrap: 250% pre-stretch")
    make_comment(expert, item, "Agreed")
    page = client.get("/").content.decode()
    assert "Stretch wrap: 250% pre-stretch" in page and "Pallet wrap tension" not in page
    assert '1<span class="visually-hidden"> comments' in page
