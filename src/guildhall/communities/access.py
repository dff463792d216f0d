"""One generation for who may see what, moved on by every act on a community (joining,
leaving, a role, a decided join request, its visibility). Caches that are shared between
members, or kept per member, put it in their keys: none outlives a change of access."""

from guildhall.core.generations import generation, move_on_generations

ACCESS = ("access", 0)  # a generation scope (core.generations)


def access_generation() -> int:
    return generation(ACCESS)


def forget_after_access_change(*, event, target) -> None:
    """Registered with the event log; moves on once the act commits too."""
    if target is not None and target._meta.label == "communities.Community":
        move_on_generations([ACCESS])


def forget_after_membership_write(**_signal) -> None:
    """Connected to every save and delete of a membership or community, whatever wrote it
    (a service, the demo, a data migration): the members' cached memberships
    (`selectors.viewer_memberships`) must not outlive it."""
    move_on_generations([ACCESS])
