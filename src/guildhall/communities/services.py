import secrets

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from guildhall.communities.contributions import contributions, notify
from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.communities.permissions import (
    check_create_community,
    check_manage_community,
    check_view_community,
    membership_of,
)
from guildhall.core.events import audit, record
from guildhall.core.exceptions import ValidationError
from guildhall.core.markdown import render_markdown
from guildhall.core.ratelimit import check_write_rate
from guildhall.core.text import unique_slug

EDITABLE_FIELDS = ("name", "kind", "visibility", "purpose", "guidelines")
# Addresses under /c/ that name pages rather than communities.
RESERVED_SLUGS = {"join"}


def community_fields_validate(fields: dict, *, community: Community | None = None) -> None:
    errors = {}
    if "name" in fields and not fields["name"].strip():
        errors["name"] = gettext("Give the community a name.")
    elif "name" in fields and _name_taken(fields["name"].strip(), besides=community):
        errors["name"] = gettext(
            "A community named “%(name)s” already exists: choose another name."
        ) % {"name": fields["name"].strip()}
    if "kind" in fields and fields["kind"] not in Community.Kind.values:
        errors["kind"] = "Choose horizontal, vertical or interest."
    if "visibility" in fields and fields["visibility"] not in Community.Visibility.values:
        errors["visibility"] = "Choose public or private."
    if errors:
        raise ValidationError(errors)


def _name_taken(name: str, *, besides: Community | None) -> bool:
    """Two communities of one name would be told apart by their addresses only."""
    same = Community.objects.filter(name__iexact=name)
    return (same.exclude(pk=besides.pk) if besides else same).exists()


def _render(community: Community) -> None:
    community.purpose_html = render_markdown(community.purpose)
    community.guidelines_html = render_markdown(community.guidelines)


@transaction.atomic
def community_create(
    *,
    actor,
    name: str,
    kind: str = Community.Kind.HORIZONTAL,
    visibility: str = Community.Visibility.PUBLIC,
    purpose: str = "",
    guidelines: str = "",
    slug: str = "",
) -> Community:
    check_create_community(actor)
    check_write_rate(actor)
    community_fields_validate({"name": name, "kind": kind, "visibility": visibility})
    if slug and (slug in RESERVED_SLUGS or Community.objects.filter(slug=slug).exists()):
        raise ValidationError({"slug": "That address is taken; choose another."})
    if not slug and unique_slug(Community, name) in RESERVED_SLUGS:
        slug = unique_slug(Community, f"{name} community")
    community = Community(
        name=name.strip(),
        slug=slug or unique_slug(Community, name),
        kind=kind,
        visibility=visibility,
        purpose=purpose,
        guidelines=guidelines,
        join_token=secrets.token_urlsafe(32),
        created_by=actor,
    )
    _render(community)
    community.save()
    # Its first manager accepts the guidelines: moderation keeps them as version 1.
    _membership_add(community=community, user=actor, role=Membership.Role.MANAGER, accepted=True)
    record(actor, "create_community", community, community=community)
    audit(actor, "community_create", community, community=community)
    return community


@transaction.atomic
def community_update(
    *, actor, community: Community, guidelines_material: bool = False, **fields
) -> Community:
    """`guidelines_material`: the guidelines changed so much that members accept them again
    before their next contribution (moderation keeps the versions and the acceptances)."""
    check_manage_community(actor, community)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown fields: {', '.join(sorted(unknown))}")
    community_fields_validate(fields, community=community)
    old_visibility, old_guidelines = community.visibility, community.guidelines
    for name, value in fields.items():
        setattr(community, name, value.strip() if name == "name" else value)
    _render(community)
    community.save(update_fields=[*fields, "purpose_html", "guidelines_html"])
    if community.visibility != old_visibility:
        contributions.call("items_visibility_sync", default=None, community=community)
        contributions.call("unread_counts_forget", default=None, community=community)
        audit(
            actor,
            "community_visibility",
            community,
            community=community,
            data={"from": old_visibility, "to": community.visibility},
        )
    if community.guidelines != old_guidelines:
        _guidelines_changed(actor=actor, community=community)
        contributions.call(
            "guidelines_changed",
            default=None,
            actor=actor,
            community=community,
            previous=old_guidelines,
            material=guidelines_material,
        )
    record(actor, "edit_community", community, community=community)
    return community


def _guidelines_changed(*, actor, community: Community) -> None:
    """Members agreed to the guidelines they joined under: they are told when those change."""
    audit(actor, "community_guidelines_edit", community, community=community)
    members = Membership.objects.filter(community=community).values_list("user_id", flat=True)
    notify(recipient_ids=list(members), verb="guidelines_changed", actor=actor, community=community)


def _membership_add(*, community: Community, user, role: str, accepted: bool) -> Membership:
    membership = Membership.objects.create(
        community=community,
        user=user,
        role=role,
        guidelines_accepted_at=timezone.now() if accepted else None,
    )
    Community.objects.filter(pk=community.pk).update(member_count=F("member_count") + 1)
    community.refresh_from_db(fields=["member_count"])
    _forget_membership(community, user.pk)
    if accepted:
        contributions.call("guidelines_accepted", default=None, user=user, community=community)
    return membership


def _forget_membership(community: Community, user_id: int) -> None:
    """Drop the per-object membership cache (see permissions.membership_of) after a change."""
    community.__dict__.get("_membership_cache", {}).pop(user_id, None)


def _check_guidelines_accepted(community: Community, accepted: bool) -> None:
    if community.guidelines.strip() and not accepted:
        raise ValidationError(
            {"accept_guidelines": "Read and accept the community's guidelines to join."}
        )


@transaction.atomic
def membership_join(*, actor, community: Community, accept_guidelines: bool) -> Membership:
    check_view_community(actor, community)
    if membership_of(actor, community) is not None:
        raise ValidationError("You are already a member of this community.")
    if community.is_private:
        raise ValidationError(
            "This community is private: ask to join, and a community manager will decide."
        )
    _check_guidelines_accepted(community, accept_guidelines)
    try:
        with transaction.atomic():
            membership = _membership_add(
                community=community, user=actor, role=Membership.Role.MEMBER, accepted=True
            )
    except IntegrityError as exc:  # a double click raced us
        raise ValidationError("You are already a member of this community.") from exc
    record(actor, "join", community, community=community)
    return membership


def _managers_left(community: Community, excluding) -> bool:
    return (
        Membership.objects.filter(community=community, role=Membership.Role.MANAGER)
        .exclude(user=excluding)
        .exists()
    )


def _membership_delete(*, community: Community, membership: Membership) -> None:
    if membership.role == Membership.Role.MANAGER and not _managers_left(
        community, membership.user_id
    ):
        raise ValidationError(
            "A community needs at least one manager: appoint another manager first."
        )
    membership.delete()
    # Notifications about the community may be hidden from them now: their bell recounts.
    contributions.call("member_unread_counts_forget", default=None, user_ids=[membership.user_id])
    Community.objects.filter(pk=community.pk).update(member_count=F("member_count") - 1)
    community.refresh_from_db(fields=["member_count"])
    _forget_membership(community, membership.user_id)


@transaction.atomic
def membership_leave(*, actor, community: Community) -> None:
    check_view_community(actor, community)
    membership = membership_of(actor, community)
    if membership is None:
        raise ValidationError("You are not a member of this community.")
    _membership_delete(community=community, membership=membership)
    record(actor, "leave", community, community=community)


def _member_membership(community: Community, member) -> Membership:
    membership = Membership.objects.filter(community=community, user=member).first()
    if membership is None:
        raise ValidationError({"member": f"{member} is not a member of this community."})
    return membership


@transaction.atomic
def membership_role_set(*, actor, community: Community, member, role: str) -> Membership:
    check_manage_community(actor, community)
    if role not in Membership.Role.values:
        raise ValidationError({"role": "Choose member, expert or manager."})
    membership = _member_membership(community, member)
    old_role = membership.role
    if old_role == role:
        return membership
    if old_role == Membership.Role.MANAGER and not _managers_left(community, member):
        raise ValidationError(
            "A community needs at least one manager: appoint another manager first."
        )
    membership.role = role
    membership.save(update_fields=["role"])
    _forget_membership(community, member.pk)
    data = {"member": member.username, "from": old_role, "to": role}
    record(actor, "set_role", community, community=community, data=data)
    audit(actor, "membership_role", community, community=community, data=data)
    return membership


@transaction.atomic
def membership_remove(*, actor, community: Community, member) -> None:
    check_manage_community(actor, community)
    _membership_delete(community=community, membership=_member_membership(community, member))
    data = {"member": member.username}
    record(actor, "remove_member", community, community=community, data=data)
    audit(actor, "membership_remove", community, community=community, data=data)
    notify(recipient_ids=[member.pk], verb="membership_removed", actor=actor, community=community)


def community_by_join_token(*, token: str) -> Community | None:
    return Community.objects.filter(join_token=token).first()


@transaction.atomic
def join_request_create(
    *, actor, community: Community, accept_guidelines: bool, message: str = ""
) -> JoinRequest:
    """Ask to join a private community (reached through a manager's join link)."""
    check_write_rate(actor)
    if membership_of(actor, community) is not None:
        raise ValidationError("You are already a member of this community.")
    if not community.is_private:
        raise ValidationError("This community is public: join it directly.")
    if JoinRequest.objects.filter(
        community=community, user=actor, status=JoinRequest.Status.PENDING
    ).exists():
        raise ValidationError("Your request is already waiting for a community manager.")
    _check_guidelines_accepted(community, accept_guidelines)
    join_request = JoinRequest.objects.create(
        community=community, user=actor, message=message.strip()[:2000]
    )
    record(actor, "request_join", community, community=community)
    managers = Membership.objects.filter(
        community=community, role=Membership.Role.MANAGER
    ).values_list("user_id", flat=True)
    notify(
        recipient_ids=list(managers),
        verb="join_request",
        actor=actor,
        community=community,
        data={"request_id": join_request.pk},
    )
    return join_request


@transaction.atomic
def join_request_decide(*, actor, join_request: JoinRequest, approve: bool) -> JoinRequest:
    community = join_request.community
    check_manage_community(actor, community)
    if join_request.status != JoinRequest.Status.PENDING:
        raise ValidationError("This request has already been decided.")
    join_request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    if approve and membership_of(join_request.user, community) is None:
        # The requester accepted the guidelines when asking to join.
        _membership_add(
            community=community, user=join_request.user, role=Membership.Role.MEMBER, accepted=True
        )
    if approve:
        record(join_request.user, "join", community, community=community)
    data = {"member": join_request.user.username, "approved": approve}
    record(actor, "decide_join_request", community, community=community, data=data)
    audit(actor, "join_request_decide", community, community=community, data=data)
    notify(
        recipient_ids=[join_request.user_id],
        verb="join_request_approved" if approve else "join_request_declined",
        actor=actor,
        community=community,
    )
    return join_request
