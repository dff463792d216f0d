"""Reads about people. Every member of the company may see the directory and profiles."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from guildhall.communities.models import Membership
from guildhall.communities.selectors import communities_visible_to
from guildhall.content.models import ContentItem, Tag
from guildhall.content.selectors import content_items_visible_to
from guildhall.core.exceptions import ValidationError
from guildhall.people.contributions import contributions
from guildhall.people.models import (
    Department,
    ExpertInvitation,
    PersonFollow,
    ProfileSkill,
    Skill,
    SkillEndorsement,
    TagFollow,
)
from guildhall.people.permissions import MAX_INVITES_PER_QUESTION, can_invite_experts


def _people_base() -> QuerySet:
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .select_related("profile", "profile__department", "profile__manager")
        .prefetch_related(
            Prefetch(
                "profile__skill_levels",
                queryset=ProfileSkill.objects.select_related("skill"),
            )
        )
    )


def people_list(*, viewer, q: str = "", department: str = "", skill: str = "") -> QuerySet:
    people = _people_base()
    for word in q.split()[:6]:
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
            | Q(profile__title__icontains=word)
        )
    if department:
        people = people.filter(profile__department__slug=department)
    if skill:
        people = people.filter(
            Q(profile__skills__slug=skill) | Q(profile__skills__name__iexact=skill)
        ).distinct()
    return people.order_by("first_name", "last_name", "username")


def person_get(*, viewer, username: str):
    person = _people_base().filter(username=username).first()
    if person is None:
        raise Http404("No such member.")
    return person


def direct_reports(*, viewer, person) -> list:
    return list(
        get_user_model()
        .objects.filter(is_active=True, profile__manager=person)
        .select_related("profile")
        .order_by("first_name", "last_name")
    )


def departments_list(*, viewer) -> QuerySet:
    # Meta.ordering does not apply to a GROUP BY query: order explicitly, or pages shuffle.
    return (
        Department.objects.select_related("head", "parent")
        .annotate(member_count=Count("profiles", filter=Q(profiles__user__is_active=True)))
        .order_by("name")
    )


def department_get(*, viewer, slug: str) -> Department:
    department = departments_list(viewer=viewer).filter(slug=slug).first()
    if department is None:
        raise Http404("No such department.")
    return department


def sub_departments(*, viewer, department: Department) -> list[str]:
    return list(department.children.order_by("name").values_list("slug", flat=True))


def skills_in_use() -> QuerySet:
    return Skill.objects.annotate(n=Count("profiles")).filter(n__gt=0).order_by("name")


POPULAR_SKILLS_SECONDS = 600


def skills_most_declared(*, limit: int = 8) -> list[Skill]:
    """The skills most colleagues declare (ideas for the expert finder): a count over every
    declared skill, so kept a few minutes rather than counted on each request."""
    key = f"people:skills-most-declared:{limit}"
    skills = cache.get(key)
    if skills is None:
        skills = list(skills_in_use().order_by("-n", "name")[:limit])
        cache.set(key, skills, POPULAR_SKILLS_SECONDS)
    return skills


def leaders_list(*, viewer) -> list:
    """Members staff marked as leaders (the leadership blog's authors): one query."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, profile__is_leader=True)
        .select_related("profile")
        .order_by("first_name", "last_name", "username")
    )


def followed_user_ids(*, viewer) -> list[int]:
    """The colleagues `viewer` follows (ids), for feeds and checks."""
    return list(PersonFollow.objects.filter(follower=viewer).values_list("followed_id", flat=True))


def followed_tag_ids(*, viewer) -> list[int]:
    return list(TagFollow.objects.filter(follower=viewer).values_list("tag_id", flat=True))


def follower_ids(*, member) -> list[int]:
    """Who follows `member` (ids): the recipients of "new item by a person I follow"."""
    return list(PersonFollow.objects.filter(followed=member).values_list("follower_id", flat=True))


def is_following(*, viewer, member) -> bool:
    return PersonFollow.objects.filter(follower_id=viewer.pk, followed=member).exists()


def followed_people(*, viewer) -> QuerySet:
    """The colleagues `viewer` follows, most recently followed first."""
    return (
        _people_base()
        .filter(followers__follower_id=viewer.pk)
        .order_by("-followers__created_at", "-pk")
    )


def followed_tags(*, viewer) -> QuerySet:
    return Tag.objects.filter(followers__follower_id=viewer.pk).order_by("name")


def tag_get(*, slug: str) -> Tag:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag.")
    return tag


def profile_skill_get(*, viewer, person, skill: str) -> ProfileSkill:
    """A skill `person` declares, by the skill's slug; 404 when they do not declare it."""
    entry = (
        ProfileSkill.objects.select_related("skill", "profile__user")
        .filter(profile__user=person, skill__slug=skill)
        .first()
    )
    if entry is None:
        raise Http404("No such skill.")
    return entry


def skills_with_endorsements(*, viewer, person) -> list[ProfileSkill]:
    """`person`'s skills, each with `endorsers` (newest first) and `endorsed_by_viewer`: one
    query on top of the skills `person_get` already loaded."""
    profile = getattr(person, "profile", None)
    if profile is None:
        return []
    entries = list(profile.skill_levels.all())
    by_entry: dict[int, list] = {entry.pk: [] for entry in entries}
    endorsements = (
        SkillEndorsement.objects.filter(profile_skill__in=[entry.pk for entry in entries])
        .select_related("endorser")
        .order_by("-created_at", "-pk")
    )
    for endorsement in endorsements:
        by_entry[endorsement.profile_skill_id].append(endorsement.endorser)
    for entry in entries:
        entry.endorsers = by_entry[entry.pk]
        entry.endorsed_by_viewer = any(u.pk == viewer.pk for u in entry.endorsers)
    return entries


def expert_invitations_this_week(*, expert_ids) -> dict[int, int]:
    """How many invitations each expert received in the last 7 days (the weekly cap)."""
    since = timezone.now() - timedelta(days=7)
    rows = (
        ExpertInvitation.objects.filter(expert_id__in=list(expert_ids), created_at__gte=since)
        .values("expert_id")
        .annotate(n=Count("id"))
        .values_list("expert_id", "n")
    )
    return dict(rows)


# ---------------------------------------------------------------------------------------------
# Expert finder: "Who can help with X?"
#
# What each piece of evidence weighs, in one place. Expertise others have recognised (answers the
# askers accepted, items colleagues rated well, a role a community gave) outweighs what members
# declare about themselves: one accepted answer beats the highest declared skill level.
EXPERT_WEIGHTS = {
    "accepted_answer": 12.0,  # per accepted answer to a matching question
    "well_rated_item": 6.0,  # per matching item of theirs rated WELL_RATED stars or more
    "community_expert": 8.0,  # expert in a matching community
    "community_manager": 5.0,  # community manager of a matching community
    "skill_level": 1.5,  # per level (1 learning … 5 expert) of a matching declared skill
    "endorsement": 1.0,  # per colleague endorsing a matching skill, up to MAX_ENDORSEMENTS
}
WELL_RATED = 3.5
MAX_ENDORSEMENTS = 10
MAX_TOPIC = 100


@dataclass
class ExpertMatch:
    user_id: int
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)
    user: object = None

    def add(self, weight: float, evidence: str) -> None:
        self.score += weight
        self.evidence.append(evidence)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _matching_items(viewer, topics: list[str]) -> QuerySet:
    """Published items the viewer may see that carry a topic as a tag or in their title."""
    tag_q, title_q = Q(pk__in=[]), Q(pk__in=[])
    for topic in topics:
        tag_q |= Q(tag__slug=slugify(topic)) | Q(tag__name__iexact=topic)
        words = Q()
        for word in topic.split()[:6]:
            words &= Q(title__icontains=word)
        title_q |= words
    tagged = ContentItem.tags.through.objects.filter(tag_q).values("contentitem_id")
    return content_items_visible_to(viewer).filter(
        Q(pk__in=tagged) | title_q, status=ContentItem.Status.PUBLISHED
    )


def _rank(viewer, *, topics: list[str], label: str, community=None) -> dict[int, ExpertMatch]:
    """Every member with evidence on the topics, in five queries whatever the data size."""
    matches: dict[int, ExpertMatch] = {}

    def match(user_id: int) -> ExpertMatch:
        return matches.setdefault(user_id, ExpertMatch(user_id=user_id))

    items = _matching_items(viewer, topics)
    accepted = contributions.call("accepted_answers", default=[], items=items)
    for user_id, n in accepted:
        match(user_id).add(
            n * EXPERT_WEIGHTS["accepted_answer"], f"{_plural(n, 'accepted answer')} on {label}"
        )

    rated = (
        items.filter(rating_count__gt=0, rating_sum__gte=F("rating_count") * WELL_RATED)
        .values("author_id")
        .annotate(n=Count("id"), stars=Sum("rating_sum"), votes=Sum("rating_count"))
        .values_list("author_id", "n", "stars", "votes")
    )
    for user_id, n, stars, votes in rated:
        average = f"{round(stars / votes, 1):g}"
        match(user_id).add(
            n * EXPERT_WEIGHTS["well_rated_item"],
            f"{_plural(n, 'item')} on {label} rated {average} on average",
        )

    community_q = Q(pk=community.pk) if community is not None else Q(pk__in=[])
    for topic in topics:
        community_q |= Q(name__icontains=topic)
    roles = (
        Membership.objects.filter(
            community__in=communities_visible_to(viewer).filter(community_q),
            role__in=[Membership.Role.EXPERT, Membership.Role.MANAGER],
        )
        .order_by("community__name")
        .values_list("user_id", "role", "community__name")
    )
    for user_id, role, name in roles:
        if role == Membership.Role.EXPERT:
            match(user_id).add(EXPERT_WEIGHTS["community_expert"], f"expert in {name}")
        else:
            match(user_id).add(EXPERT_WEIGHTS["community_manager"], f"community manager of {name}")

    skill_q = Q(pk__in=[])
    for topic in topics:
        skill_q |= Q(skill__slug=slugify(topic)) | Q(skill__name__icontains=topic)
    skills = (
        ProfileSkill.objects.filter(skill_q)
        .annotate(endorsers=Count("endorsements"))
        .order_by("-level", "skill__name")
        .values_list("profile__user_id", "skill__name", "level", "endorsers")
    )
    endorsed: dict[int, int] = {}
    for user_id, name, level, endorsers in skills:
        if user_id not in endorsed:  # the highest matching level counts, once
            level_label = ProfileSkill.Level(level).label
            match(user_id).add(
                level * EXPERT_WEIGHTS["skill_level"], f"declared skill: {name} ({level_label})"
            )
        endorsed[user_id] = endorsed.get(user_id, 0) + endorsers
    for user_id, n in endorsed.items():
        if n:
            match(user_id).add(
                min(n, MAX_ENDORSEMENTS) * EXPERT_WEIGHTS["endorsement"],
                f"endorsed by {_plural(n, 'colleague')}",
            )
    return matches


class RankedExperts:
    """The ranking as a lazy list: slicing it (a page) loads that page's members in one query,
    so `paginate` and the API's `page` take it like a queryset."""

    def __init__(self, matches: list[ExpertMatch]):
        self._matches = matches

    def __len__(self) -> int:
        return len(self._matches)

    def count(self) -> int:
        return len(self._matches)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        chosen = self._matches[index]
        users = get_user_model().objects.select_related("profile", "profile__department")
        by_id = {u.pk: u for u in users.filter(pk__in=[m.user_id for m in chosen])}
        for m in chosen:
            m.user = by_id[m.user_id]
        return chosen


def _ranked(matches: dict, *, only_members_of=None, exclude_ids=()) -> RankedExperts:
    people = get_user_model().objects.filter(pk__in=list(matches), is_active=True)
    if exclude_ids:
        people = people.exclude(pk__in=list(exclude_ids))
    if only_members_of is not None:
        people = people.filter(memberships__community=only_members_of)
    eligible = set(people.values_list("pk", flat=True))
    ranked = [m for m in matches.values() if m.user_id in eligible]
    for m in ranked:
        m.score = round(m.score, 1)
    ranked.sort(key=lambda m: (-m.score, m.user_id))
    return RankedExperts(ranked)


def clean_topic(topic: str) -> str:
    topic = " ".join(topic.split())[:MAX_TOPIC]
    if not topic:
        raise ValidationError({"topic": "Name a topic, e.g. demand planning."})
    return topic


def experts_for_topic(*, viewer, topic: str) -> RankedExperts:
    """Members ranked by demonstrated expertise on `topic`, each with its evidence (slice it
    for a page). Only evidence the viewer may see counts: private communities' items and names
    stay hidden from outsiders."""
    topic = clean_topic(topic)
    return _ranked(_rank(viewer, topics=[topic], label=topic))


# Words too common to say what a question is about, when it has no tags.
_STOPWORDS = frozenset(
    {
        "about", "after", "again", "could", "every", "other", "their", "there", "these",
        "those", "which", "while", "would", "should", "where", "whose", "being", "doing",
    }
)  # fmt: skip


def question_topics(item) -> list[str]:
    """What a question is about: its tags, or else the longest words of its title."""
    # Tags are slugs ("demand-planning"): as words they also match titles, skills, communities.
    tags = [tag.name.replace("-", " ") for tag in item.tags.all()][:3]
    if tags:
        return tags
    words = {w.strip("?!.,:;()\"'").lower() for w in item.title.split()}
    words = sorted((w for w in words if len(w) > 4 and w not in _STOPWORDS), key=len)
    return words[-3:][::-1]


def expert_suggestions(*, viewer, item, limit: int = 5) -> dict:
    """Ask an expert: for the asker of an unanswered question, who to invite and who is invited.

    Suggestions come from the expert finder on the question's topics and community (members
    only for a private community), never the asker; each says whether the weekly cap lets them
    take another invitation.
    """
    if not can_invite_experts(viewer, item):
        return {}
    invited = list(
        ExpertInvitation.objects.filter(item=item)
        .select_related("expert", "expert__profile")
        .order_by("created_at", "pk")
    )
    invited_ids = {i.expert_id for i in invited}
    topics = question_topics(item)
    private = item.community if item.community and item.community.is_private else None
    matches = _rank(
        viewer, topics=topics, label=", ".join(topics) or item.title, community=item.community
    )
    suggestions = _ranked(matches, only_members_of=private, exclude_ids={viewer.pk} | invited_ids)[
        :limit
    ]
    weekly = expert_invitations_this_week(expert_ids=[m.user_id for m in suggestions])
    for m in suggestions:
        m.available = weekly.get(m.user_id, 0) < settings.GUILDHALL_EXPERT_INVITES_PER_WEEK
    return {
        "suggestions": suggestions,
        "invited": invited,
        "left": max(MAX_INVITES_PER_QUESTION - len(invited), 0),
        "weekly_cap": settings.GUILDHALL_EXPERT_INVITES_PER_WEEK,
    }
