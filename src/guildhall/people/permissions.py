from guildhall.communities.permissions import membership_of
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.people.contributions import contributions


def can_edit_profile(user, member) -> bool:
    return user.is_authenticated and (user.pk == member.pk or user.is_staff)


def check_edit_profile(user, member) -> None:
    if not can_edit_profile(user, member):
        raise PermissionDenied("You can only edit your own profile.")


def can_set_leader(user) -> bool:
    return user.is_authenticated and user.is_staff


def check_set_leader(user) -> None:
    if not can_set_leader(user):
        raise PermissionDenied("Only administrators can mark members as leaders.")


# An asker invites at most this many experts to one question (the weekly cap per expert is the
# GUILDHALL_EXPERT_INVITES_PER_WEEK setting).
MAX_INVITES_PER_QUESTION = 3


def can_endorse_skill(user, member) -> bool:
    return user.is_authenticated and user.pk != member.pk


def check_endorse_skill(user, member) -> None:
    if not can_endorse_skill(user, member):
        raise ValidationError({"skill": "You cannot endorse your own skills."})


def can_invite_experts(user, item) -> bool:
    """The asker of a published question that has no answer yet."""
    return (
        user.is_authenticated
        and item.kind == "question"
        and item.author_id == user.pk
        and item.is_published
        and not contributions.call("is_answered", default=False, item=item)
    )


def check_invite_experts(user, item) -> None:
    if not can_invite_experts(user, item):
        raise PermissionDenied("Only the asker of an unanswered question can invite experts.")


def can_be_invited_to(expert, item) -> bool:
    """Anyone may be invited to a company-wide question; to a private one, only its members."""
    if item.community is None or not item.community.is_private:
        return expert.is_active
    return expert.is_active and membership_of(expert, item.community) is not None
