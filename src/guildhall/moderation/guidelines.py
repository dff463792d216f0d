"""Versioned guidelines: a community's guidelines and the company-wide participation policy.

Writes (services) and reads (selectors) of both live here; the pages are in
`views_guidelines.py`, the API in `api_guidelines.py`.

- Every edit of a community's guidelines (through `communities.services.community_update`, which
  fills the `guidelines_changed` slot) keeps a new `GuidelineVersion`. A *material* one ("members
  must accept again") must be accepted before the member's next post, comment or answer there
  (a posting condition of `communities.permissions.check_post_in_community`); reading stays open.
  Joining accepts the current version.
- The participation policy is versioned the same way by staff. A member who has accepted no
  version, or not the latest material one, is sent to `/policy/` by `PolicyMiddleware` on every
  page, and refused contributions everywhere (pages and API alike) with a link to the policy.
  With no policy written there is nothing to accept. The check reads two cached numbers (the
  current versions, the member's accepted one) kept under generations: no query once warm.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from guildhall.communities.models import Membership
from guildhall.communities.permissions import (
    PostingRefused,
    check_manage_community,
    check_view_community,
    membership_of,
)
from guildhall.core.events import audit, record
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.generations import generations, kept, move_on_generations
from guildhall.core.markdown import render_markdown
from guildhall.moderation.models import (
    GuidelineAcceptance,
    GuidelineVersion,
    ParticipationPolicy,
    PolicyAcceptance,
)

POLICY = ("policy", 0)  # a generation scope: moves on with every new policy version
POLICY_SECONDS = 3600
MAX_POLICY_LENGTH = 20000

# --- permissions --------------------------------------------------------------------------


def check_see_guideline_acceptances(user, community) -> None:
    check_manage_community(user, community)


def check_accept_guidelines(user, community) -> None:
    check_view_community(user, community)
    if membership_of(user, community) is None:
        raise PermissionDenied(_("Join this community to accept its guidelines."))


def can_edit_participation_policy(user) -> bool:
    return user.is_authenticated and user.is_staff


def check_edit_participation_policy(user) -> None:
    if not can_edit_participation_policy(user):
        raise PermissionDenied(_("Only administrators edit the participation policy."))


# --- community guidelines: services -------------------------------------------------------


def _latest_version(community) -> GuidelineVersion | None:
    return GuidelineVersion.objects.filter(community=community).order_by("-number").first()


def _baseline(community, text: str) -> GuidelineVersion | None:
    """A community written before versions were kept: its guidelines become version 1."""
    if not text.strip():
        return None
    version = GuidelineVersion.objects.create(
        community=community, number=1, text=text, material=False, created_by=community.created_by
    )
    data = {"version": 1, "material": False}
    audit(
        community.created_by, "guideline_version_create", community, community=community, data=data
    )
    return version


@transaction.atomic
def guideline_version_create(
    *, actor, community, text: str, material: bool = False, previous: str = ""
) -> GuidelineVersion:
    """Keep the community's new guidelines as a version (called when they are edited).
    Material: members accept it before their next contribution; its author has."""
    check_manage_community(actor, community)
    latest = _latest_version(community) or _baseline(community, previous)
    version = GuidelineVersion.objects.create(
        community=community,
        number=(latest.number if latest else 0) + 1,
        text=text,
        material=material,
        created_by=actor,
    )
    data = {"version": version.number, "material": material}
    audit(actor, "guideline_version_create", community, community=community, data=data)
    if membership_of(actor, community) is not None:
        _accept(user=actor, community=community, version=version)
    return version


def guidelines_changed(*, actor, community, previous: str, material: bool) -> None:
    """communities' slot `guidelines_changed` (inside community_create/community_update)."""
    guideline_version_create(
        actor=actor,
        community=community,
        text=community.guidelines,
        material=material,
        previous=previous,
    )


def _accept(*, user, community, version: GuidelineVersion) -> GuidelineAcceptance | None:
    try:
        with transaction.atomic():
            acceptance = GuidelineAcceptance.objects.create(user=user, version=version)
    except IntegrityError:
        return None  # accepted already (a double click)
    audit(
        user,
        "guideline_accept",
        community,
        community=community,
        data={"version": version.number},
    )
    return acceptance


@transaction.atomic
def guideline_accept(*, actor, community) -> GuidelineVersion | None:
    """The member accepts the community's current guidelines (None: it has none)."""
    check_accept_guidelines(actor, community)
    version = _latest_version(community) or _baseline(community, community.guidelines)
    if version is None:
        return None
    if _accept(user=actor, community=community, version=version) is not None:
        record(actor, "accept_guidelines", community, community=community)
    return version


def guidelines_accepted_on_join(*, user, community) -> None:
    """communities' slot `guidelines_accepted`: joining accepts the current version."""
    version = _latest_version(community) or _baseline(community, community.guidelines)
    if version is not None:
        _accept(user=user, community=community, version=version)


# --- community guidelines: selectors ------------------------------------------------------


def _accepted_number(user, community) -> int:
    found = GuidelineAcceptance.objects.filter(
        user_id=user.pk, version__community=community
    ).aggregate(number=Max("version__number"))
    return found["number"] or 0


def _required_number(community) -> int:
    found = GuidelineVersion.objects.filter(community=community, material=True).aggregate(
        number=Max("number")
    )
    return found["number"] or 0


def guidelines_must_accept(user, community) -> bool:
    """Whether the member must accept the latest material version before contributing."""
    required = _required_number(community)
    return bool(required) and _accepted_number(user, community) < required


def guidelines_of(*, viewer, community) -> dict:
    """The community's current guidelines, their versions (newest first) and where the viewer
    stands: the number they accepted, whether they must accept before contributing."""
    check_view_community(viewer, community)
    versions = list(
        GuidelineVersion.objects.filter(community=community)
        .select_related("created_by")
        .order_by("-number")
    )
    is_member = membership_of(viewer, community) is not None
    accepted = _accepted_number(viewer, community) if is_member else 0
    required = max((v.number for v in versions if v.material), default=0)
    current = versions[0] if versions else None
    for version in versions:
        version.text_html = render_markdown(version.text)
    return {
        "current": current,
        "versions": versions,
        "is_member": is_member,
        "accepted_number": accepted,
        "has_accepted_current": bool(current) and accepted >= current.number,
        "must_accept": is_member and bool(required) and accepted < required,
    }


def guideline_acceptances(*, viewer, community) -> QuerySet:
    """Managers: every member with the latest version they accepted (None: none yet)."""
    check_see_guideline_acceptances(viewer, community)
    latest = GuidelineAcceptance.objects.filter(
        user_id=OuterRef("user_id"), version__community=community
    ).order_by("-version__number")
    return (
        Membership.objects.filter(community=community)
        .select_related("user")
        .annotate(
            accepted_number=Subquery(latest.values("version__number")[:1]),
            accepted_at=Subquery(latest.values("accepted_at")[:1]),
        )
        .order_by("user__first_name", "user__last_name", "user__username", "pk")
    )


def guidelines_posting_condition(user, community) -> None:
    """communities' posting condition: the latest material guidelines, then the company policy,
    are accepted before a contribution."""
    if participation_policy_must_accept(user):
        raise PostingRefused(
            _("Accept the company's participation policy to post, comment or answer."),
            link=reverse("moderation:company_policy"),
            link_label=_("Read and accept the participation policy"),
        )
    if guidelines_must_accept(user, community):
        raise PostingRefused(
            _("Accept the updated guidelines of %(community)s to post there.")
            % {"community": community.name},
            link=reverse("moderation:guidelines", args=[community.slug]),
            link_label=_("Read and accept the guidelines"),
        )


# --- the participation policy -------------------------------------------------------------


@transaction.atomic
def participation_policy_create(*, actor, text: str, material: bool = True) -> ParticipationPolicy:
    """Staff save a new version of the participation policy; a material one (and the first)
    is accepted again by every member on their next page."""
    check_edit_participation_policy(actor)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the policy: it can't be empty.")})
    if len(text) > MAX_POLICY_LENGTH:
        raise ValidationError({"text": _("The policy is too long.")})
    latest = ParticipationPolicy.objects.order_by("-number").first()
    policy = ParticipationPolicy.objects.create(
        number=(latest.number if latest else 0) + 1,
        text=text,
        material=material or latest is None,
        created_by=actor,
    )
    data = {"version": policy.number, "material": policy.material}
    audit(actor, "participation_policy_create", policy, data=data)
    record(actor, "edit_policy", policy, data=data)
    move_on_generations([POLICY])
    _policy_accept(user=actor, policy=policy)
    return policy


def _policy_accept(*, user, policy) -> bool:
    try:
        with transaction.atomic():
            PolicyAcceptance.objects.create(user=user, policy=policy)
    except IntegrityError:
        return False
    audit(user, "participation_policy_accept", policy, data={"version": policy.number})
    move_on_generations([("member", user.pk)])
    return True


@transaction.atomic
def participation_policy_accept(*, actor, at=None) -> ParticipationPolicy | None:
    """The member accepts the current participation policy (None: there is none)."""
    if not actor.is_authenticated:
        raise PermissionDenied(_("Sign in to accept the participation policy."))
    policy = participation_policy_current()
    if policy is None:
        return None
    if _policy_accept(user=actor, policy=policy):
        if at is not None:  # the demo's history
            PolicyAcceptance.objects.filter(user=actor, policy=policy).update(accepted_at=at)
        # The member is the target: an acceptance moves on their generation, not the site's.
        record(actor, "accept_policy", actor, data={"version": policy.number})
    return policy


def participation_policy_current() -> ParticipationPolicy | None:
    return ParticipationPolicy.objects.select_related("created_by").order_by("-number").first()


def participation_policy_versions() -> QuerySet:
    return ParticipationPolicy.objects.select_related("created_by").order_by("-number")


def _policy_numbers() -> tuple[int, int]:
    """(the latest version, the latest material version), 0 for none: kept until a new one."""
    (stamp,) = generations([POLICY])

    def compute():
        found = ParticipationPolicy.objects.aggregate(latest=Max("number"))
        material = ParticipationPolicy.objects.filter(material=True).aggregate(n=Max("number"))
        return [found["latest"] or 0, material["n"] or 0]

    latest, material = kept(f"policy:numbers:{stamp}", compute, POLICY_SECONDS)
    return latest, material


def policy_accepted_number(user) -> int:
    """The latest version the member accepted (0: none), kept until they act again."""
    policy_stamp, member_stamp = generations([POLICY, ("member", user.pk)])

    def compute():
        found = PolicyAcceptance.objects.filter(user_id=user.pk).aggregate(n=Max("policy__number"))
        return found["n"] or 0

    return kept(f"policy:accepted:{user.pk}:{policy_stamp}.{member_stamp}", compute, POLICY_SECONDS)


def participation_policy_must_accept(user) -> bool:
    """A signed-in member who accepted no version yet, or not the latest material one."""
    if not user.is_authenticated:
        return False
    latest, material = _policy_numbers()
    if not latest:
        return False
    accepted = policy_accepted_number(user)
    return accepted == 0 or accepted < material


def policy_of(*, viewer) -> dict:
    """The current policy, its versions and where the viewer stands (API and page)."""
    current = participation_policy_current()
    accepted = policy_accepted_number(viewer) if current else 0
    return {
        "current": current,
        "versions": list(participation_policy_versions()),
        "accepted_number": accepted,
        "has_accepted_current": bool(current) and accepted >= current.number,
        "must_accept": participation_policy_must_accept(viewer),
    }
