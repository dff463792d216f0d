"""The home page's sections, for the page, the API and the digest email.

Every list goes through content's or communities' visibility filter. The per-member sections
(popular, who's new, who's popular, for you) are cached for `SECTION_CACHE_SECONDS` per member:
they come from rollups or change slowly, and the home page is the hottest page of the product.
"""

import copy
import hashlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.text import slugify

from guildhall.communities.access import ACCESS
from guildhall.communities.models import Community, Membership
from guildhall.communities.selectors import (
    communities_visible_to,
    member_community_ids,
    memberships_of,
)
from guildhall.content import kinds
from guildhall.content.cards import card_rows
from guildhall.content.hooks import attach_api_fields, without_demoted
from guildhall.content.listing import LISTING
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_items_visible_to, with_card_data
from guildhall.core.generations import generation, generations, kept
from guildhall.core.pagination import FeedSlice, paginate_feed
from guildhall.home.contributions import contributions
from guildhall.home.models import SECTIONS_CACHE_KEY, HomeSection, MemberHelpfulness, Welcome
from guildhall.people.models import PersonFollow, ProfileSkill, TagFollow
from guildhall.people.selectors import people_list

# Their keys move on with access and with the member's own acts (section_stamp), and what they
# read changes slowly (the trends rollup is hourly): five minutes spares a member's return visits.
SECTION_CACHE_SECONDS = 300
HOME_FEED_SECONDS = 300
NEWS_CACHE_SECONDS = 60  # a new announcement reaches home pages within this
WINDOWS = (7, 30)  # the trending windows the rollup computes (days)
WHOS_NEW_DAYS = 30
PUBLISHED = ContentItem.Status.PUBLISHED


def section_stamp(viewer) -> str:
    """Part of every key of a member's cached sections (data and HTML): the access generation,
    so that none outlives a change of access, and the member's own, so that their own acts (a
    follow, a welcome) show at once."""
    access, own = generations([ACCESS, ("member", viewer.pk)])  # one cache read
    return f"{access}.{own}"


def _cached(viewer, name: str, compute, *args, seconds: int = SECTION_CACHE_SECONDS):
    """A section of the viewer's own, cached for them."""
    stamp = section_stamp(viewer)
    key = f"home:{name}:{viewer.pk}:{stamp}:{':'.join(str(a) for a in args)}"
    return kept(key, compute, seconds)


def _audience(viewer) -> str:
    """Who sees the same published items as the viewer: staff see them all; a member sees the
    company's and those of the private communities they belong to (`content_items_visible_to`),
    so members of the same private communities (most: none) see the same lists."""
    if viewer.is_staff:
        return "staff"
    private = _cached(
        viewer,
        "private_communities",
        lambda: sorted(
            Membership.objects.filter(
                user_id=viewer.pk, community__visibility=Community.Visibility.PRIVATE
            ).values_list("community_id", flat=True)
        ),
    )
    return "members:" + ",".join(str(pk) for pk in private)


def audience_stamp(viewer) -> str:
    """Part of the key of what is cached once for the viewer's whole audience (data and HTML):
    the audience and the access generation, so that none outlives a change of access."""
    return f"{_audience(viewer)}:{generation(ACCESS)}"


def _shared_cached(viewer, name: str, compute, *args):
    """A section that is the same for everyone of the viewer's audience, cached once for them
    all."""
    key = f"home:{name}:{audience_stamp(viewer)}:{':'.join(str(a) for a in args)}"
    return kept(key, compute, SECTION_CACHE_SECONDS)


# --- Section settings ----------------------------------------------------------------------------


def enabled_sections() -> list[str]:
    """The keys of the sections staff enabled, in their order (cached; saving a row clears it).
    A section without a row (not seeded yet) shows, after the configured ones."""
    keys = cache.get(SECTIONS_CACHE_KEY)
    if keys is None:
        rows = list(HomeSection.objects.order_by("position", "key").values_list("key", "enabled"))
        known = {key for key, _ in rows}
        keys = [key for key, enabled in rows if enabled]
        keys += [key for key in HomeSection.Key.values if key not in known]
        cache.set(SECTIONS_CACHE_KEY, keys, 300)
    return keys


# --- Latest news and what's new ------------------------------------------------------------------


def home_latest_news(*, viewer, limit: int = 5) -> list[ContentItem]:
    """Current announcements of the viewer's communities and company-wide news (cached for
    the member like the other sections: a new announcement may take that long to show)."""
    return _cached(
        viewer,
        "latest_news",
        lambda: contributions.call("latest_news", default=[], viewer=viewer, limit=limit),
        limit,
        seconds=NEWS_CACHE_SECONDS,
    )


def profile_incomplete(*, viewer) -> bool:
    """Whether the viewer's profile lacks a title or a bio (the getting-started checklist);
    editing the profile is an act of theirs, which moves their generation in the key on."""

    def compute():
        profile = getattr(viewer, "profile", None)
        return profile is None or not (profile.title and profile.bio)

    return _cached(viewer, "profile_incomplete", compute)


def my_memberships(*, viewer) -> list[Membership]:
    """The viewer's communities for the home page's side panel (cached; joining, leaving or a
    new role moves the access generation in the key on)."""
    return _cached(
        viewer, "memberships", lambda: list(memberships_of(viewer=viewer, member=viewer))
    )


def _follows(viewer) -> tuple[list[int], list[int]]:
    """Whom and which tags the viewer follows (ids), kept with their sections: following is an
    act of theirs, which moves their generation in the key on."""
    return _cached(
        viewer,
        "follows",
        lambda: (
            list(
                PersonFollow.objects.filter(follower=viewer).values_list("followed_id", flat=True)
            ),
            list(TagFollow.objects.filter(follower=viewer).values_list("tag_id", flat=True)),
        ),
    )


def whats_new_feed(*, viewer, kind: str = "") -> QuerySet:
    """Recent published items from the viewer's communities, the colleagues and tags they follow,
    and company-wide posts, newest first (visibility filtered: a followed colleague's post in a
    private community shows only to its members), without their card data (`with_card_data`)."""
    people, tags = _follows(viewer)
    reach = Q(community__isnull=True) | Q(community_id__in=member_community_ids(viewer))
    if people:
        reach |= Q(author_id__in=people)
    if tags:
        reach |= Q(
            pk__in=ContentItem.tags.through.objects.filter(tag_id__in=tags).values("contentitem_id")
        )
    items = content_items_visible_to(viewer).filter(reach, status=PUBLISHED)
    if kind:
        items = items.filter(kind=kind)
    return items.order_by("-published_at", "-id")


def whats_new_page(*, viewer, kind: str = "", page_number=1) -> FeedSlice:
    """A page of `whats_new_feed` as card rows (`content.cards.card_rows`). The first page is
    the one nearly every visit shows: which items it holds is kept per member under the listing
    generation (any item saved, deleted or retagged), the access generation and the member's own
    (their follows); the rows are read afresh by id, so the cards' counters are current."""
    if str(page_number or 1) != "1" or (kind and kinds.get(kind) is None):
        return paginate_feed(card_rows(whats_new_feed(viewer=viewer, kind=kind)), page_number)
    stamps = ".".join(str(g) for g in generations([LISTING, ACCESS, ("member", viewer.pk)]))
    key = f"home:feed:{viewer.pk}:{int(viewer.is_staff)}:{kind}:{stamps}"

    def compute():
        ids = whats_new_feed(viewer=viewer, kind=kind).values_list("pk", flat=True)
        page = paginate_feed(ids, 1)
        return page.items, page.has_next

    ids, has_next = kept(key, compute, HOME_FEED_SECONDS)
    return FeedSlice(items=_card_rows_of(ids), number=1, has_next=has_next)


def _card_rows_of(ids: list[int]) -> list[dict]:
    """The card rows of these items, in this order: kept for everyone under the items' own
    generations, which every act on an item moves on (a comment, a rating, an edit; a view
    does not, so view counts may lag by HOME_FEED_SECONDS). The ids passed the viewer's
    visibility filter under generations that whatever changes an item's reach moves on."""
    if not ids:
        return []
    stamps = generations([("item", pk) for pk in ids])
    digest = hashlib.blake2s(repr((ids, stamps)).encode(), digest_size=16).hexdigest()

    def compute():
        found = ContentItem.objects.filter(pk__in=ids, status=PUBLISHED)
        rows = {row["id"]: row for row in card_rows(found)}
        return [rows[pk] for pk in ids if pk in rows]

    return kept(f"home:rows:{digest}", compute, HOME_FEED_SECONDS)


# --- What's popular ------------------------------------------------------------------------------


def trend_window(days: int) -> int:
    """The computed window closest to `days` (7 or 30)."""
    return min(WINDOWS, key=lambda window: abs(window - days))


def whats_popular(*, viewer, days: int = 7, limit: int = 10, kind: str = "") -> list[ContentItem]:
    """Items trending over the last `days` (7 or 30) that the viewer may see, highest score
    first, each with `trend_score`: read from the rollup (`home.tasks.home_rollup`)."""
    window = trend_window(days)

    def compute():
        items = content_items_visible_to(viewer).filter(status=PUBLISHED, trends__window=window)
        items = without_demoted(items)  # obsolete knowledge is not "popular" (content.hooks)
        if kind:
            items = items.filter(kind=kind)
        items = items.annotate(trend_score=F("trends__score")).order_by("-trend_score", "-id")
        return list(with_card_data(items)[:limit])

    return _shared_cached(viewer, "popular", compute, window, limit, kind)


# --- Who's new -----------------------------------------------------------------------------------


def _new_people(viewer, since, limit: int) -> list:
    """Who joined the viewer's communities or department since `since`, newest first, each with
    `joined_at` and `joined_where` (a community or department name): two queries."""
    found: dict[int, object] = {}
    joins = (
        Membership.objects.filter(
            community_id__in=member_community_ids(viewer), joined_at__gte=since
        )
        .exclude(user_id=viewer.pk)
        .filter(user__is_active=True)
        .select_related("user", "user__profile", "user__profile__department", "community")
        .order_by("-joined_at")[: limit * 3]
    )
    for membership in joins:
        person = found.get(membership.user_id)
        if person is None:
            person = membership.user
            person.joined_at, person.joined_where = membership.joined_at, membership.community.name
            found[person.pk] = person
    profile = getattr(viewer, "profile", None)
    if profile is not None and profile.department_id:
        colleagues = (
            get_user_model()
            .objects.filter(
                profile__department_id=profile.department_id,
                date_joined__gte=since,
                is_active=True,
            )
            .exclude(pk=viewer.pk)
            .select_related("profile", "profile__department")
            .order_by("-date_joined")[:limit]
        )
        for person in colleagues:
            if person.pk in found and found[person.pk].joined_at >= person.date_joined:
                continue
            person.joined_at, person.joined_where = person.date_joined, profile.department.name
            found[person.pk] = person
    return sorted(found.values(), key=lambda p: (p.joined_at, p.pk), reverse=True)[:limit]


def whos_new(*, viewer, days: int = WHOS_NEW_DAYS, limit: int = 6) -> list:
    """Members who joined the viewer's communities or department in the last `days` (never the
    viewer), newest first, each with `joined_at`, `joined_where` and `welcomed` (whether the
    viewer already welcomed them)."""
    if not viewer.is_authenticated:
        return []

    def compute():
        people = _new_people(viewer, timezone.now() - timedelta(days=days), limit)
        welcomed = set(
            Welcome.objects.filter(
                sender_id=viewer.pk, recipient_id__in=[p.pk for p in people]
            ).values_list("recipient_id", flat=True)
        )
        for person in people:
            person.welcomed = person.pk in welcomed
        return people

    if days != WHOS_NEW_DAYS or limit != 6:
        return compute()
    return _cached(viewer, "whos_new", compute)


# --- Who's popular -------------------------------------------------------------------------------


def helpful_members(*, viewer, community=None, limit: int = 5) -> list[MemberHelpfulness]:
    """The helpfulness ranking (from the rollup) company-wide, or of one community the viewer
    may see, highest first; each row has `user` (with profile)."""
    rows = MemberHelpfulness.objects.filter(user__is_active=True)
    if community is None:
        rows = rows.filter(community__isnull=True)
    else:
        rows = rows.filter(community__in=communities_visible_to(viewer).filter(pk=community.pk))
    return list(
        rows.select_related("user", "user__profile", "user__profile__department").order_by(
            "-score", "user_id"
        )[:limit]
    )


def _helpful_in_my_communities(viewer, per_community: int) -> list[tuple[object, list]]:
    """The top members of each of the viewer's communities: one query (a window function)."""
    # Ranked on the narrow rollup rows alone; only the winners are joined to their members.
    top = (
        MemberHelpfulness.objects.filter(
            community_id__in=member_community_ids(viewer), user__is_active=True
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("community_id")],
                order_by=[F("score").desc(), "user_id"],
            )
        )
        .filter(rank__lte=per_community)
        .values("pk")
    )
    rows = (
        MemberHelpfulness.objects.filter(pk__in=top)
        .select_related("user", "user__profile", "community")
        .order_by("community__name", "community_id", "-score", "user_id")
    )
    grouped: dict[int, tuple[object, list]] = {}
    for row in rows:
        grouped.setdefault(row.community_id, (row.community, []))[1].append(row)
    return list(grouped.values())


def whos_popular(*, viewer, limit: int = 5) -> dict:
    """Featured members (the latest member interviews the viewer may see) and the helpfulness
    rankings: {"featured": [interview items with `.featured`], "company": [rows],
    "communities": [(community, [rows])]} — four queries; the first two cached for the viewer's
    audience, the last per member."""
    if not viewer.is_authenticated:
        return {"featured": [], "company": [], "communities": []}

    def shared():  # the same for the viewer's whole audience
        return {
            "featured": contributions.call("featured_members", default=[], viewer=viewer, limit=3),
            "company": helpful_members(viewer=viewer, limit=limit),
        }

    return {
        **_shared_cached(viewer, "whos_popular", shared, limit),
        "communities": _cached(
            viewer,
            "helpful_here",
            lambda: _helpful_in_my_communities(viewer, per_community=3),
        ),
    }


# --- For you -------------------------------------------------------------------------------------


def _skill_names(viewer) -> list[str]:
    return list(
        ProfileSkill.objects.filter(profile__user_id=viewer.pk)
        .order_by("-level", "skill__name")
        .values_list("skill__name", flat=True)[:20]
    )


def unanswered_for_skills(*, viewer, skills: list[str], limit: int = 5) -> list[ContentItem]:
    """Unanswered published questions (not the viewer's) whose tags, title or community name
    match one of `skills`, newest first."""
    if not skills:
        return []
    match = Q(pk__in=[])
    tag_match = Q(pk__in=[])
    for name in skills:
        tag_match |= Q(tag__slug=slugify(name)) | Q(tag__name__iexact=name)
        match |= Q(title__icontains=name) | Q(community__name__icontains=name)
    tagged = ContentItem.tags.through.objects.filter(tag_match).values("contentitem_id")
    items = (
        content_items_visible_to(viewer)
        .filter(match | Q(pk__in=tagged))
        .filter(kind="question", status=PUBLISHED, question__answered=False)
        .exclude(author_id=viewer.pk)
    )
    return list(with_card_data(items).order_by("-published_at", "-id")[:limit])


def my_open_questions(*, viewer, limit: int = 5) -> list[ContentItem]:
    """The viewer's published questions without an accepted answer, newest first."""
    items = (
        content_items_visible_to(viewer)
        .filter(
            author_id=viewer.pk,
            kind="question",
            status=PUBLISHED,
            question__accepted_answer__isnull=True,
        )
        .select_related("question", "community")
    )
    return list(items.order_by("-published_at", "-id")[:limit])


def for_you(*, viewer, limit: int = 5) -> dict:
    """{"unanswered_for_skills": [...], "my_open_questions": [...]} (lists of ContentItem):
    questions the viewer could answer, by their declared skills, and their own open questions."""
    if not viewer.is_authenticated:
        return {"unanswered_for_skills": [], "my_open_questions": []}

    def compute():
        return {
            "unanswered_for_skills": unanswered_for_skills(
                viewer=viewer, skills=_skill_names(viewer), limit=limit
            ),
            "my_open_questions": my_open_questions(viewer=viewer, limit=limit),
        }

    return _cached(viewer, "for_you", compute, limit)


# --- For the digest email (notifications.contributions) -----------------------------------------

DIGEST_POPULAR_POOL = 50  # the site's trending items, of which those in the member's communities


def digest_highlights(*, member, shown: set[int], limit: int) -> dict[str, list]:
    """What's popular (trending in the member's communities and company-wide, like "what's new":
    not what is popular in a public community they never joined; none of `shown`, none of
    theirs) and the unanswered questions in their skills."""
    theirs = set(member_community_ids(member))
    popular = [
        item
        for item in whats_popular(viewer=member, days=7, limit=DIGEST_POPULAR_POOL)
        if item.pk not in shown
        and item.author_id != member.pk
        and (item.community_id is None or item.community_id in theirs)
    ][:limit]
    questions = for_you(viewer=member, limit=limit)["unanswered_for_skills"]
    return {"whats_popular": popular, "unanswered": questions}


# --- The whole home page, for the API ------------------------------------------------------------


def _with_reason(obj, **reason):
    """A shallow copy of `obj` carrying why it is in a section (the same member may show in two
    sections for two reasons)."""
    clone = copy.copy(obj)
    clone.__dict__.update(reason)
    return clone


def home_sections(*, viewer, kind: str = "", days: int = 7, limit: int = 20) -> dict[str, list]:
    """Every enabled section as a list (a disabled one is empty), with `sections` naming the
    enabled ones in staff's order. Items come with card data and API fields, people with the
    people API's data, each loaded in one batch whatever the lists' sizes."""
    enabled = enabled_sections()
    found: dict[str, list] = {key: [] for key in HomeSection.Key.values}
    if "latest_news" in enabled:
        found["latest_news"] = home_latest_news(viewer=viewer)
    if "whats_new" in enabled:
        found["whats_new"] = list(with_card_data(whats_new_feed(viewer=viewer, kind=kind))[:limit])
    if "whats_popular" in enabled:
        found["whats_popular"] = whats_popular(viewer=viewer, days=days, kind=kind)
    if "for_you" in enabled:
        mine = for_you(viewer=viewer)
        found["for_you"] = [
            _with_reason(i, reason="matches_your_skills") for i in mine["unanswered_for_skills"]
        ] + [_with_reason(i, reason="your_open_question") for i in mine["my_open_questions"]]
    if "whos_new" in enabled:
        found["whos_new"] = [
            _with_reason(p, reason="joined", community=None) for p in whos_new(viewer=viewer)
        ]
    if "whos_popular" in enabled:
        popular = whos_popular(viewer=viewer)
        found["whos_popular"] = [
            _with_reason(i.featured, reason="interview", interview=i.pk, community=None)
            for i in popular["featured"]
        ] + [
            _with_reason(row.user, reason="helpfulness", score=row.score,
                         evidence=row.evidence, community=row.community)
            for row in popular["company"]
            + [row for _, rows in popular["communities"] for row in rows]
        ]  # fmt: skip

    item_sections = ("latest_news", "whats_new", "whats_popular", "for_you")
    item_ids = {i.pk for key in item_sections for i in found[key]}
    items = {
        i.pk: i
        for i in attach_api_fields(with_card_data(ContentItem.objects.filter(pk__in=item_ids)))
    }
    for key in item_sections:
        found[key] = [_with_reason(items[i.pk], **_reasons(i)) for i in found[key]]
    people_ids = {p.pk for key in ("whos_new", "whos_popular") for p in found[key]}
    people = {p.pk: p for p in people_list(viewer=viewer).filter(pk__in=people_ids)}
    for key in ("whos_new", "whos_popular"):
        found[key] = [
            _with_reason(people[p.pk], **_reasons(p)) for p in found[key] if p.pk in people
        ]
    return {"sections": enabled, **found}


_REASON_FIELDS = (
    "reason", "trend_score", "joined_at", "joined_where", "welcomed", "score", "evidence",
    "community", "interview",
)  # fmt: skip


def _reasons(obj) -> dict:
    return {name: obj.__dict__[name] for name in _REASON_FIELDS if name in obj.__dict__}
