"""Test data built through the real services, so tests see what members would create."""

import itertools

from guildhall.communities.models import Community, Membership
from guildhall.communities.services import community_create, membership_join, membership_role_set
from guildhall.content.services import content_item_create
from guildhall.interactions.services import comment_create
from guildhall.people.services import department_create, member_create

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery"


def make_member(username: str | None = None, *, staff: bool = False, **profile):
    n = next(_counter)
    username = username or f"member{n}"
    first, _, last = (profile.pop("name", None) or f"Test Member{n}").partition(" ")
    return member_create(
        email=f"{username}@example.com",
        username=username,
        password=PASSWORD,
        first_name=first,
        last_name=last,
        is_staff=staff,
        **profile,
    )


def make_department(name: str | None = None, **kwargs):
    return department_create(name=name or f"Department {next(_counter)}", **kwargs)


def make_community(manager, *, name: str | None = None, private: bool = False, **kwargs):
    return community_create(
        actor=manager,
        name=name or f"Community {next(_counter)}",
        visibility=Community.Visibility.PRIVATE if private else Community.Visibility.PUBLIC,
        **kwargs,
    )


def add_member(community, user, role: str = Membership.Role.MEMBER):
    """Put `user` in `community` (directly for private ones) with `role`."""
    if community.is_private:
        Membership.objects.create(community=community, user=user, role=Membership.Role.MEMBER)
        Community.objects.filter(pk=community.pk).update(member_count=community.member_count + 1)
        community.refresh_from_db()
    else:
        membership_join(actor=user, community=community, accept_guidelines=True)
    if role != Membership.Role.MEMBER:
        manager = Membership.objects.filter(community=community, role="manager").first().user
        membership_role_set(actor=manager, community=community, member=user, role=role)
    community.__dict__.pop("_membership_cache", None)
    return community


def make_item(author, *, community=None, kind: str = "post", title: str | None = None, **kwargs):
    return content_item_create(
        actor=author,
        kind=kind,
        community=community,
        title=title or f"Item {next(_counter)}",
        body=kwargs.pop("body", "Some **useful** text."),
        **kwargs,
    )


def make_comment(author, item, body: str = "Thanks, this helped.", parent=None):
    return comment_create(actor=author, item=item, body=body, parent=parent)
