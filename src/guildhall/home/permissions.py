"""Who may welcome whom: any active member may welcome any other active member, once."""

from guildhall.core.exceptions import PermissionDenied


def can_welcome_member(user, person) -> bool:
    return user.is_authenticated and user.is_active and person.is_active and person.pk != user.pk


def check_welcome_member(user, person) -> None:
    if not can_welcome_member(user, person):
        raise PermissionDenied("You can welcome other members only.")
