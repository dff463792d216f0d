from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from guildhall.communities.selectors import community_members
from guildhall.content.models import ContentItem
from guildhall.core.events import audit, record
from guildhall.core.exceptions import ValidationError
from guildhall.core.markdown import render_markdown
from guildhall.core.ratelimit import check_write_rate
from guildhall.notifications.services import notify
from guildhall.people.models import (
    Department,
    ExpertInvitation,
    PersonFollow,
    Profile,
    ProfileSkill,
    Skill,
    SkillEndorsement,
    TagFollow,
)
from guildhall.people.permissions import (
    MAX_INVITES_PER_QUESTION,
    can_be_invited_to,
    check_edit_profile,
    check_endorse_skill,
    check_invite_experts,
    check_set_leader,
)
from guildhall.people.selectors import expert_invitations_this_week, follower_ids

PROFILE_FIELDS = ("title", "department", "manager", "location", "bio")


def profile_ensure(*, user) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def member_create(
    *,
    email: str,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    is_staff: bool = False,
    **profile_fields,
):
    """Create a member and their profile together (used by the demo, tests and admin tools)."""
    user = get_user_model().objects.create_user(
        username=username,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
        is_superuser=is_staff,
    )
    bio = profile_fields.get("bio", "")
    Profile.objects.create(user=user, bio_html=render_markdown(bio), **profile_fields)
    return user


def _check_manager(member, manager) -> None:
    """A reporting line may not loop back to the member.

    The chain is read from the database, not from `manager.profile`: a user object may carry a
    profile cached before an earlier update, which would hide a loop.
    """
    seen = set()
    current_id = manager.pk if manager is not None else None
    while current_id is not None and current_id not in seen:
        if current_id == member.pk:
            raise ValidationError({"manager": "A member cannot report to themselves."})
        seen.add(current_id)
        current_id = (
            Profile.objects.filter(user_id=current_id).values_list("manager_id", flat=True).first()
        )


@transaction.atomic
def profile_update(*, actor, member, first_name: str, last_name: str, **fields) -> Profile:
    check_edit_profile(actor, member)
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown profile fields: {', '.join(sorted(unknown))}")
    if "manager" in fields:
        _check_manager(member, fields["manager"])
    profile = profile_ensure(user=member)
    member.first_name, member.last_name = first_name.strip(), last_name.strip()
    member.save(update_fields=["first_name", "last_name"])
    for name, value in fields.items():
        setattr(profile, name, value)
    update_fields = list(fields)
    if "bio" in fields:
        profile.bio_html = render_markdown(profile.bio)
        update_fields.append("bio_html")
    profile.save(update_fields=update_fields)
    record(actor, "edit_profile", member)
    return profile


def skill_get_or_create(*, name: str) -> Skill:
    name = " ".join(name.split())[:80]
    if not name:
        raise ValidationError({"skill": "Name the skill."})
    slug = slugify(name)[:80]
    if not slug:
        raise ValidationError({"skill": "Use letters or digits in the skill's name."})
    skill, _ = Skill.objects.get_or_create(slug=slug, defaults={"name": name})
    return skill


@transaction.atomic
def profile_skill_set(*, actor, member, name: str, level: int) -> ProfileSkill:
    check_edit_profile(actor, member)
    if level not in ProfileSkill.Level.values:
        raise ValidationError({"level": "Choose a level from 1 (learning) to 5 (expert)."})
    skill = skill_get_or_create(name=name)
    entry, _ = ProfileSkill.objects.update_or_create(
        profile=profile_ensure(user=member), skill=skill, defaults={"level": level}
    )
    record(actor, "set_skill", member, data={"skill": skill.slug, "level": level})
    return entry


def profile_skill_remove(*, actor, member, skill_id: int) -> None:
    check_edit_profile(actor, member)
    deleted, _ = ProfileSkill.objects.filter(profile__user=member, skill_id=skill_id).delete()
    if deleted:
        record(actor, "remove_skill", member, data={"skill_id": skill_id})


def department_create(*, name: str, parent=None, head=None, description: str = "") -> Department:
    return Department.objects.create(
        name=name, slug=slugify(name), parent=parent, head=head, description=description
    )


@transaction.atomic
def profile_leader_set(*, actor, member, is_leader: bool) -> Profile:
    """Staff mark a member as a leader (their blog posts form the leadership blog), or unmark."""
    check_set_leader(actor)
    profile = profile_ensure(user=member)
    if profile.is_leader == bool(is_leader):
        return profile
    profile.is_leader = bool(is_leader)
    profile.save(update_fields=["is_leader"])
    audit(actor, "leader_set" if is_leader else "leader_unset", member)
    record(actor, "set_leader", member, data={"is_leader": bool(is_leader)})
    return profile


def _follow_counts_add(*, follower, followed, delta: int) -> None:
    Profile.objects.filter(user=followed).update(follower_count=F("follower_count") + delta)
    Profile.objects.filter(user=follower).update(following_count=F("following_count") + delta)


@transaction.atomic
def person_follow(*, actor, member) -> bool:
    """Follow a colleague; True when this is new. Following oneself is refused."""
    if actor.pk == member.pk:
        raise ValidationError({"username": "You cannot follow yourself."})
    check_write_rate(actor)
    _, created = PersonFollow.objects.get_or_create(follower=actor, followed=member)
    if created:
        _follow_counts_add(follower=actor, followed=member, delta=1)
        record(actor, "follow", member)
    return created


@transaction.atomic
def person_unfollow(*, actor, member) -> bool:
    deleted, _ = PersonFollow.objects.filter(follower=actor, followed=member).delete()
    if deleted:
        _follow_counts_add(follower=actor, followed=member, delta=-1)
        record(actor, "unfollow", member)
    return bool(deleted)


@transaction.atomic
def tag_follow(*, actor, tag) -> bool:
    """Follow a tag (a `content.Tag`); True when this is new."""
    check_write_rate(actor)
    _, created = TagFollow.objects.get_or_create(follower=actor, tag=tag)
    if created:
        record(actor, "follow_tag", None, data={"tag": tag.slug})
    return created


@transaction.atomic
def tag_unfollow(*, actor, tag) -> bool:
    deleted, _ = TagFollow.objects.filter(follower=actor, tag=tag).delete()
    if deleted:
        record(actor, "unfollow_tag", None, data={"tag": tag.slug})
    return bool(deleted)


@transaction.atomic
def skill_endorse(*, actor, entry: ProfileSkill) -> bool:
    """Endorse a colleague's declared skill (`entry`), once; True when this is new."""
    member = entry.profile.user
    check_endorse_skill(actor, member)
    check_write_rate(actor)
    _, created = SkillEndorsement.objects.get_or_create(endorser=actor, profile_skill=entry)
    if created:
        record(actor, "endorse_skill", member, data={"skill": entry.skill.slug})
        notify(
            recipient_ids=[member.pk],
            verb="skill_endorsed",
            actor=actor,
            data={"skill": entry.skill.name, "username": member.username},
        )
    return created


@transaction.atomic
def skill_endorsement_withdraw(*, actor, entry: ProfileSkill) -> bool:
    deleted, _ = SkillEndorsement.objects.filter(endorser=actor, profile_skill=entry).delete()
    if deleted:
        record(actor, "withdraw_endorsement", entry.profile.user, data={"skill": entry.skill.slug})
    return bool(deleted)


@transaction.atomic
def expert_invite(*, actor, item, experts: list) -> list[ExpertInvitation]:
    """The asker of an unanswered question invites up to MAX_INVITES_PER_QUESTION experts.

    Refused with a message naming the reason: someone already invited to this question, an
    expert who had their weekly share of invitations, a non-member for a private community's
    question, oneself, or more invitations than the question may have.
    """
    check_invite_experts(actor, item)
    check_write_rate(actor)
    experts = list({e.pk: e for e in experts}.values())
    if not experts:
        raise ValidationError({"experts": "Choose at least one expert to invite."})
    already = set(ExpertInvitation.objects.filter(item=item).values_list("expert_id", flat=True))
    if len(already) + len(experts) > MAX_INVITES_PER_QUESTION:
        left = max(MAX_INVITES_PER_QUESTION - len(already), 0)
        raise ValidationError(
            {
                "experts": f"A question may invite {MAX_INVITES_PER_QUESTION} experts at most; "
                f"you can invite {left} more."
            }
        )
    weekly = expert_invitations_this_week(expert_ids=[e.pk for e in experts])
    cap = settings.GUILDHALL_EXPERT_INVITES_PER_WEEK
    for expert in experts:
        if expert.pk == actor.pk:
            raise ValidationError({"experts": "You cannot invite yourself."})
        if expert.pk in already:
            raise ValidationError({"experts": f"{expert.name} is already invited."})
        if weekly.get(expert.pk, 0) >= cap:
            raise ValidationError(
                {
                    "experts": f"{expert.name} has had {cap} invitations this week already; "
                    "please ask someone else."
                }
            )
        if not can_be_invited_to(expert, item):
            raise ValidationError(
                {"experts": f"{expert.name} is not a member of this private community."}
            )
    invitations = ExpertInvitation.objects.bulk_create(
        [ExpertInvitation(item=item, inviter=actor, expert=expert) for expert in experts]
    )
    for expert in experts:
        record(
            actor,
            "invite_expert",
            item,
            community=item.community,
            data={"expert": expert.username},
        )
    notify(
        recipient_ids=[e.pk for e in experts],
        verb="expert_invitation",
        actor=actor,
        item=item,
        community=item.community,
    )
    return invitations


def on_item_published(*, actor, item: ContentItem) -> None:
    """content.hooks: tell the author's followers who can see the item that it is out."""
    followers = follower_ids(member=item.author)
    if followers and item.visibility != ContentItem.Visibility.COMPANY:
        followers = list(
            community_members(viewer=item.author, community=item.community)
            .filter(user_id__in=followers)
            .values_list("user_id", flat=True)
        )
    notify(
        recipient_ids=followers,
        verb="followed_author_published",
        actor=item.author,
        item=item,
    )
