"""/api/v1/me, /api/v1/people, /api/v1/departments: the company directory; following people
and tags, skill endorsements and the expert finder (/api/v1/experts)."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from guildhall.content.selectors import content_item_get
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import Id, Text, errors
from guildhall.core.exceptions import ValidationError
from guildhall.people import selectors, services
from guildhall.people.schemas import (
    DepartmentDetailOut,
    DepartmentListOut,
    EndorsementOut,
    ExpertInvitationListOut,
    ExpertInviteIn,
    ExpertListOut,
    ExpertsQuery,
    FollowingOut,
    FollowOut,
    MeOut,
    MePatchIn,
    PeopleQuery,
    PersonDetailOut,
    PersonListOut,
    SkillLevelIn,
    SkillLevelOut,
    TagFollowOut,
)

router = Router(tags=["people"])


@router.get("/me", response={200: MeOut, **errors(401)}, summary="The caller")
def me(request):
    """The signed-in member as a person, plus their email and whether they are staff."""
    return selectors.person_get(viewer=request.auth, username=request.auth.username)


@router.patch("/me", response={200: MeOut, **errors(401, 404, 422)}, summary="Edit my profile")
def me_edit(request, payload: MePatchIn):
    """Change name, title, location, bio (Markdown), `department` (slug) or `manager`
    (username); only the fields sent change, null clears a department or manager."""
    viewer = request.auth
    sent = payload.dict(exclude_unset=True)
    fields = {k: sent[k] for k in ("title", "location", "bio") if k in sent and sent[k] is not None}
    if "department" in sent:
        slug = sent["department"]
        fields["department"] = selectors.department_get(viewer=viewer, slug=slug) if slug else None
    if "manager" in sent:
        name = sent["manager"]
        fields["manager"] = selectors.person_get(viewer=viewer, username=name) if name else None
    services.profile_update(
        actor=viewer,
        member=viewer,
        first_name=sent.get("first_name") or viewer.first_name,
        last_name=sent["last_name"] if sent.get("last_name") is not None else viewer.last_name,
        **fields,
    )
    return selectors.person_get(viewer=viewer, username=viewer.username)


@router.put(
    "/me/skills/{skill}",
    response={200: SkillLevelOut, **errors(401, 422)},
    summary="Declare one of my skills",
)
def my_skill_set(request, skill: Text, payload: SkillLevelIn):
    """Add a skill to my profile, or change its level (1 learning to 5 expert). `skill` is the
    skill's name or slug; a new name creates the skill."""
    return services.profile_skill_set(
        actor=request.auth, member=request.auth, name=skill, level=payload.level
    )


@router.delete(
    "/me/skills/{skill}", response={204: None, **errors(401, 404)}, summary="Remove a skill"
)
def my_skill_remove(request, skill: Text):
    entry = selectors.profile_skill_get(viewer=request.auth, person=request.auth, skill=skill)
    services.profile_skill_remove(actor=request.auth, member=request.auth, skill_id=entry.skill_id)
    return Status(204, None)


@router.get(
    "/me/following", response={200: FollowingOut, **errors(401, 422)}, summary="Whom I follow"
)
def my_following(request, params: Query[ListParams]):
    people = selectors.followed_people(viewer=request.auth)
    items, count = page(people, limit=params.limit, offset=params.offset)
    tags = list(selectors.followed_tags(viewer=request.auth).values_list("slug", flat=True))
    return {"items": items, "count": count, "tags": tags}


@router.get("/people", response={200: PersonListOut, **errors(401, 422)}, summary="People")
def people_list(request, params: Query[PeopleQuery]):
    """The directory: `q` searches names, usernames and titles; `department` and `skill` take
    slugs (a skill may also be named)."""
    people = selectors.people_list(
        viewer=request.auth, q=params.q, department=params.department, skill=params.skill
    )
    items, count = page(people, limit=params.limit, offset=params.offset)
    return {"items": items, "count": count}


@router.get(
    "/people/{username}", response={200: PersonDetailOut, **errors(401, 404)}, summary="One person"
)
def person_detail(request, username: Text):
    """A person, with their follower and following counts and whether the caller follows them."""
    person = selectors.person_get(viewer=request.auth, username=username)
    person.followed = selectors.is_following(viewer=request.auth, member=person)
    return person


def _follow_state(viewer, username: str) -> dict:
    person = selectors.person_get(viewer=viewer, username=username)  # fresh counts
    return {
        "username": person.username,
        "following": selectors.is_following(viewer=viewer, member=person),
        "follower_count": person.profile.follower_count,
    }


@router.put(
    "/people/{username}/follow",
    response={200: FollowOut, **errors(401, 404, 422)},
    summary="Follow a person",
)
def person_follow(request, username: Text):
    """Follow a colleague (their new items reach your home page). Idempotent; following
    yourself answers 422."""
    person = selectors.person_get(viewer=request.auth, username=username)
    services.person_follow(actor=request.auth, member=person)
    return _follow_state(request.auth, username)


@router.delete(
    "/people/{username}/follow",
    response={200: FollowOut, **errors(401, 404)},
    summary="Unfollow a person",
)
def person_unfollow(request, username: Text):
    person = selectors.person_get(viewer=request.auth, username=username)
    services.person_unfollow(actor=request.auth, member=person)
    return _follow_state(request.auth, username)


@router.put(
    "/tags/{tag}/follow", response={200: TagFollowOut, **errors(401, 404)}, summary="Follow a tag"
)
def tag_follow(request, tag: Text):
    """Follow a tag by its slug: new items with it reach your home page. Idempotent."""
    found = selectors.tag_get(slug=tag)
    services.tag_follow(actor=request.auth, tag=found)
    return {"tag": found.slug, "following": True}


@router.delete(
    "/tags/{tag}/follow",
    response={200: TagFollowOut, **errors(401, 404)},
    summary="Unfollow a tag",
)
def tag_unfollow(request, tag: Text):
    found = selectors.tag_get(slug=tag)
    services.tag_unfollow(actor=request.auth, tag=found)
    return {"tag": found.slug, "following": False}


def _endorsement_state(person, entry, endorsed: bool) -> dict:
    return {
        "username": person.username,
        "skill": entry.skill.slug,
        "endorsed": endorsed,
        "endorsement_count": entry.endorsements.count(),
    }


@router.post(
    "/people/{username}/skills/{skill}/endorse",
    response={200: EndorsementOut, **errors(401, 404, 422)},
    summary="Endorse a skill",
)
def skill_endorse(request, username: Text, skill: Text):
    """Endorse a skill (by its slug) the person declares; once each, so repeating it changes
    nothing. Your own skills answer 422; a skill they don't declare answers 404."""
    person = selectors.person_get(viewer=request.auth, username=username)
    entry = selectors.profile_skill_get(viewer=request.auth, person=person, skill=skill)
    services.skill_endorse(actor=request.auth, entry=entry)
    return _endorsement_state(person, entry, True)


@router.delete(
    "/people/{username}/skills/{skill}/endorse",
    response={200: EndorsementOut, **errors(401, 404)},
    summary="Withdraw an endorsement",
)
def skill_endorsement_withdraw(request, username: Text, skill: Text):
    person = selectors.person_get(viewer=request.auth, username=username)
    entry = selectors.profile_skill_get(viewer=request.auth, person=person, skill=skill)
    services.skill_endorsement_withdraw(actor=request.auth, entry=entry)
    return _endorsement_state(person, entry, False)


@router.get("/experts", response={200: ExpertListOut, **errors(401, 422)}, summary="Expert finder")
def experts(request, params: Query[ExpertsQuery]):
    """Who can help with `topic`: members ranked by demonstrated expertise (accepted answers,
    well-rated items, expert or manager role in matching communities, declared skills,
    endorsements), each with a `score` and its `evidence`. An empty topic answers 422."""
    ranking = selectors.experts_for_topic(viewer=request.auth, topic=params.topic)
    items, count = page(ranking, limit=params.limit, offset=params.offset)
    return {"items": items, "count": count}


@router.get(
    "/departments", response={200: DepartmentListOut, **errors(401, 422)}, summary="Departments"
)
def departments_list(request, params: Query[ListParams]):
    """Departments by name, each with its parent's slug, its head and its number of members."""
    departments = selectors.departments_list(viewer=request.auth)
    items, count = page(departments, limit=params.limit, offset=params.offset)
    return {"items": items, "count": count}


@router.get(
    "/departments/{slug}",
    response={200: DepartmentDetailOut, **errors(401, 404)},
    summary="One department",
)
def department_detail(request, slug: Text):
    """A department with its sub-departments' slugs; its people: `/people?department=<slug>`."""
    department = selectors.department_get(viewer=request.auth, slug=slug)
    department.sub_departments = selectors.sub_departments(
        viewer=request.auth, department=department
    )
    return department


@router.put(
    "/people/{username}/leader",
    response={200: PersonDetailOut, **errors(401, 403, 404)},
    summary="Make a member a leader",
)
def leader_set(request, username: Text):
    """Staff only: the member's blog posts join the leadership blog."""
    return _leader(request, username, is_leader=True)


@router.delete(
    "/people/{username}/leader",
    response={200: PersonDetailOut, **errors(401, 403, 404)},
    summary="No longer a leader",
)
def leader_unset(request, username: Text):
    return _leader(request, username, is_leader=False)


def _leader(request, username: str, *, is_leader: bool):
    person = selectors.person_get(viewer=request.auth, username=username)
    services.profile_leader_set(actor=request.auth, member=person, is_leader=is_leader)
    return person_detail(request, username)


@router.post(
    "/content/{id}/expert-invitations",
    response={201: ExpertInvitationListOut, **errors(401, 403, 404, 422)},
    summary="Ask experts to answer",
)
def experts_invite(request, id: Id, payload: ExpertInviteIn):
    """The asker of an unanswered question asks experts (usernames) to answer; each is
    notified. Refused with a reason: someone already asked, an expert who had their weekly
    share of invitations, a non-member of a private community, yourself, too many."""
    item = content_item_get(viewer=request.auth, pk=id)
    chosen = list(selectors.people_list(viewer=request.auth).filter(username__in=payload.experts))
    unknown = sorted(set(payload.experts) - {person.username for person in chosen})
    if unknown:
        message = _("No such member: %(names)s.") % {"names": ", ".join(unknown)}
        raise ValidationError({"experts": [message]})
    invitations = services.expert_invite(actor=request.auth, item=item, experts=chosen)
    return Status(201, {"items": invitations, "count": len(invitations)})
