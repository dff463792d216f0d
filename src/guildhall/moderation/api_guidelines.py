"""/api/v1: a community's versioned guidelines and the company's participation policy.

A private community answers 404 to outsiders; accepting a community's guidelines is for its
members (403 otherwise). Until a member accepts the participation policy (and a community's
latest material guidelines), their contributions through the API are refused with 403 and a
message saying what to accept.
"""

from datetime import datetime

from ninja import Router, Schema

from guildhall.communities.selectors import community_get
from guildhall.core.api_types import Text, errors
from guildhall.moderation import guidelines

router = Router(tags=["moderation"])


class VersionOut(Schema):
    number: int
    text: str
    material: bool
    created_by: str | None
    created_at: datetime


class GuidelinesOut(Schema):
    current: VersionOut | None
    versions: list[VersionOut]
    # The latest version the caller accepted (null: none, or not a member).
    accepted_version: int | None
    # Whether the caller must accept the current version before contributing.
    must_accept: bool


def _version(version) -> dict:
    return {
        "number": version.number,
        "text": version.text,
        "material": version.material,
        "created_by": version.created_by.username if version.created_by else None,
        "created_at": version.created_at,
    }


def _out(state: dict) -> dict:
    current = state["current"]
    return {
        "current": _version(current) if current else None,
        "versions": [_version(v) for v in state["versions"]],
        "accepted_version": state["accepted_number"] or None,
        "must_accept": state["must_accept"],
    }


@router.get(
    "/communities/{slug}/guidelines",
    response={200: GuidelinesOut, **errors(401, 404)},
    summary="A community's guidelines and their versions",
)
def guidelines_get(request, slug: Text):
    """The current version, every version newest first, and where the caller stands."""
    community = community_get(viewer=request.auth, slug=slug)
    return _out(guidelines.guidelines_of(viewer=request.auth, community=community))


@router.post(
    "/communities/{slug}/guidelines/accept",
    response={200: GuidelinesOut, **errors(401, 403, 404)},
    summary="Accept a community's current guidelines",
)
def guidelines_accept(request, slug: Text):
    """Members of the community; accepting twice changes nothing."""
    community = community_get(viewer=request.auth, slug=slug)
    guidelines.guideline_accept(actor=request.auth, community=community)
    return _out(guidelines.guidelines_of(viewer=request.auth, community=community))


@router.get("/policy", response={200: GuidelinesOut, **errors(401)}, summary="Participation policy")
def policy_get(request):
    """The company's participation policy (`current` null when none is written), its versions
    and where the caller stands."""
    return _out(guidelines.policy_of(viewer=request.auth))


@router.post(
    "/policy/accept",
    response={200: GuidelinesOut, **errors(401)},
    summary="Accept the participation policy",
)
def policy_accept(request):
    """Accept the current version; accepting twice changes nothing."""
    guidelines.participation_policy_accept(actor=request.auth)
    return _out(guidelines.policy_of(viewer=request.auth))
