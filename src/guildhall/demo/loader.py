"""Load the demo organisation through the services, then backdate it over the last six months.

Every row is written by the service a member's click would call (member_create,
community_create, membership_join, content_item_create, comment_create...), so the event log,
counters and notifications are what real use produces. Only timestamps are rewritten afterwards
with bulk updates, so that six months of activity do not all carry today's date; the matching
event-log rows, audit entries and notifications are moved with them.
"""

import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from django.utils.module_loading import import_string

from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.communities.services import (
    community_create,
    join_request_create,
    join_request_decide,
    membership_join,
    membership_role_set,
)
from guildhall.content.models import ContentItem, Tag
from guildhall.content.services import content_item_create, content_item_view
from guildhall.core.models import AuditEntry, Event
from guildhall.demo import extensions, texts
from guildhall.demo import organisation as org
from guildhall.demo.topics import COMMUNITIES, PERSONAL, CommunitySpec
from guildhall.demo.topics import Topic as TopicBank
from guildhall.home.services import home_rollup_refresh
from guildhall.interactions.models import Comment
from guildhall.interactions.services import comment_create
from guildhall.moderation.models import ParticipationPolicy
from guildhall.notifications.models import Notification
from guildhall.notifications.services import notifications_mark_read
from guildhall.people.models import Department, ProfileSkill, Skill
from guildhall.people.services import (
    department_create,
    member_create,
    profile_skill_set,
    profile_update,
)
from guildhall.search.services import (
    search_index_paused,
    search_index_rebuild,
    search_index_summary,
)

ADMIN_EMAIL = "admin@example.com"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "guildhall-admin"
MEMBER_PASSWORD = "guildhall"
DEFAULT_MEMBERS = 200
DEFAULT_SEED = 42

# Settings the demo needs whatever the environment says: no write throttle, anyone may create a
# community, and fan-out tasks (notifications) run inline so they exist without a worker.
DEMO_SETTINGS = {
    "GUILDHALL_WRITE_RATE_PER_MINUTE": 0,
    "GUILDHALL_COMMUNITY_CREATION": "members",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    # Notifications members chose to get by email at once are not mailed out while loading.
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
}

# A member's personal blog posts draw on their department's topic half of the time.
DEPARTMENT_TOPICS = {
    "sales": "sales",
    "engineering": "data",
    "operations": "lean",
    "supply-chain": "supply",
    "finance": "finance",
    "hr": "flm",
    "customer-service": "cx",
}
SHAPE_TAGS = {
    "howto": "how-to",
    "lessons": "lessons-learned",
    "checklist": "checklist",
    "question": "question",
    "incident": "incident-review",
}
JOIN_MESSAGES = (
    "I'd like to learn from the reviews and share what we see at {site}.",
    "My manager suggested I join — I lead a team that would benefit.",
    "Happy to contribute; I've been involved in a few reviews already.",
    "Could I join? I'm taking on more responsibility in this area.",
    "",
)
COMMENT_COUNT_WEIGHTS = (8, 10, 14, 14, 12, 10, 8, 6, 5, 4, 3, 2, 2)  # 0..12 comments


def database_has_data() -> bool:
    """True when members (other than staff) or communities exist: the demo would mix in."""
    user_model = get_user_model()
    return user_model.objects.filter(is_staff=False).exists() or Community.objects.exists()


def wipe() -> dict[str, int]:
    """Delete every member but staff accounts other than the demo admin, and all they made."""
    user_model = get_user_model()
    deleted: dict[str, int] = {}
    for label, qs in (
        ("notifications", Notification.objects.all()),
        ("comments", Comment.objects.all()),
        ("items", ContentItem.objects.all()),
        ("communities", Community.objects.all()),
        ("skills", ProfileSkill.objects.all()),
        ("departments", Department.objects.all()),
        ("skill names", Skill.objects.all()),
        ("tags", Tag.objects.all()),
        ("events", Event.objects.all()),
        ("audit entries", AuditEntry.objects.all()),
        # A reload's members would otherwise be asked to accept the previous load's policy.
        ("participation policies", ParticipationPolicy.objects.all()),
        (
            "members",
            user_model.objects.filter(is_staff=False)
            | user_model.objects.filter(username=ADMIN_USERNAME)
            | user_model.objects.filter(email__iexact=ADMIN_EMAIL),
        ),
    ):
        count, _ = qs.delete()
        deleted[label] = count
    return deleted


@dataclass(eq=False)
class Person:
    plan: org.PersonPlan
    user: object
    voice: float  # how much they write
    chatter: float  # how much they comment

    @property
    def pk(self) -> int:
        return self.user.pk


@dataclass(eq=False)
class Place:
    """A community as loaded: its members with the day (ago) they joined, and their roles."""

    spec: CommunitySpec
    community: Community
    created_ago: float
    joined_ago: dict[int, float] = field(default_factory=dict)  # user pk → days ago
    people: list[Person] = field(default_factory=list)
    managers: list[Person] = field(default_factory=list)
    experts: list[Person] = field(default_factory=list)


@dataclass
class Planned:
    """An item to create: where, by whom, what, and when (days ago)."""

    topic: TopicBank
    kind: str
    author: Person
    place: Place | None
    ago: float
    shape: str = ""  # set once the title is chosen


class DemoLoader:
    def __init__(
        self,
        *,
        members: int = DEFAULT_MEMBERS,
        seed: int = DEFAULT_SEED,
        log: Callable[[str], None] = print,
    ):
        self.members = members
        self.seed = seed
        self.rng = random.Random(seed)
        self.log = log
        self.now = timezone.now().replace(microsecond=0)
        self.people: list[Person] = []
        self.by_username: dict[str, Person] = {}
        self.places: list[Place] = []
        self.used_titles: set[str] = set()
        self.title_cycles: dict[tuple[str, str], list[tuple[str, str]]] = {}
        # When things happened (aware datetimes), applied by backdate().
        self.user_dt: dict[int, datetime] = {}
        self.community_dt: dict[int, datetime] = {}
        self.membership_dt: dict[tuple[int, int], datetime] = {}
        self.role_dt: dict[tuple[int, int], datetime] = {}
        self.request_dt: dict[int, tuple[datetime, datetime | None]] = {}
        self.item_dt: dict[int, tuple[datetime, datetime | None]] = {}
        self.item_last: dict[int, datetime] = {}
        self.comment_dt: dict[int, datetime] = {}
        # Kind steps' notifications: (verb, item id, recipient id) → when (e.g. an answer).
        self.notification_dt: dict[tuple[str, int | None, int], datetime] = {}
        self.admin = None
        self.admin_existed = False

    # --- helpers ------------------------------------------------------------------------------
    def ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def _step(self, label: str, started: float, detail: str) -> float:
        self.log(f"  {label:<24} {detail} ({time.monotonic() - started:.1f} s)")
        return time.monotonic()

    def run(self) -> dict:
        started = t = time.monotonic()
        self.log(f"Loading the demo organisation ({self.members} members, seed {self.seed})…")
        with override_settings(**DEMO_SETTINGS), search_index_paused():
            with transaction.atomic():
                self.load_people()
                t = self._step("members & departments", t, f"{len(self.people)} members")
                self.load_communities()
                t = self._step("communities", t, f"{len(self.places)} communities")
                items, comments = self.load_items()
                t = self._step("items & comments", t, f"{items} items, {comments} comments")
                for label, path in extensions.STEPS:
                    function = import_string(path.replace(":", "."))
                    t = self._step(label, t, function(self))
                views = self.load_views()
                t = self._step("views", t, f"{views} views")
            # Notifications were delivered as the transaction committed (immediate tasks).
            with transaction.atomic():
                self.backdate()
                t = self._step("backdating", t, "six months of history")
            # Acts re-indexed nothing while loading (search_index_paused): index the backdated
            # organisation once, so search finds all of it with its real dates.
            indexed = search_index_summary(search_index_rebuild())
            t = self._step("search index", t, indexed)
            # The home page reads trends and helpfulness from a periodic rollup: fill it from the
            # backdated history now, rather than leave "what's popular" empty until the worker's
            # first run.
            rolled = home_rollup_refresh(now=self.now)
            self._step(
                "home rollup",
                t,
                f"{rolled['trends']} trend scores, {rolled['helpfulness']} helpfulness rankings",
            )
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner takes the tables for empty (scanning every
            # published item to find the three that link to one) until autovacuum comes by.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return self.summary(time.monotonic() - started)

    # --- people -------------------------------------------------------------------------------
    def load_people(self) -> None:
        user_model = get_user_model()
        self.admin = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if self.admin is None:
            self.admin = member_create(
                email=ADMIN_EMAIL,
                username=ADMIN_USERNAME,
                password=ADMIN_PASSWORD,
                first_name="Guildhall",
                last_name="Administrator",
                is_staff=True,
                title="Platform administrator",
                location=org.HQ,
                bio="Looks after Guildhall: accounts, communities and settings. Ask me for help.",
            )
            self.user_dt[self.admin.pk] = self.ago(200)
        else:
            self.admin_existed = True

        departments: dict[str, Department] = {}
        for plan in org.plan_people(self.rng, self.members):
            manager = self.by_username[plan.manager].user if plan.manager else None
            user = member_create(
                email=plan.email,
                username=plan.username,
                password=None,
                first_name=plan.first_name,
                last_name=plan.last_name,
                title=plan.title,
                department=departments.get(plan.department),
                manager=manager,
                location=plan.location,
                bio=plan.bio,
            )
            if plan.role in ("ceo", "head"):
                if plan.department == "executive":
                    name, description = org.EXECUTIVE_DEPARTMENT
                else:
                    spec = org.DEPARTMENTS_BY_KEY[plan.department]
                    name, description = spec.name, spec.description
                departments[plan.department] = department_create(
                    name=name, head=user, description=description
                )
                # The head files their own profile under the department they now lead.
                profile_update(
                    actor=user,
                    member=user,
                    first_name=user.first_name,
                    last_name=user.last_name,
                    department=departments[plan.department],
                )
            for skill, level in plan.skills:
                profile_skill_set(actor=user, member=user, name=skill, level=level)
            roll = self.rng.random()
            if plan.role in ("ceo", "head") or roll < 0.18:
                voice = self.rng.uniform(2.5, 5.0)  # creators
            elif roll < 0.6:
                voice = self.rng.uniform(0.7, 1.5)  # occasional contributors
            else:
                voice = 0.12  # mostly read
            person = Person(plan, user, voice, chatter=voice**0.6 + self.rng.uniform(0, 0.6))
            self.people.append(person)
            self.by_username[plan.username] = person
            self.user_dt[user.pk] = self.ago(plan.joined_days_ago)
        # Hashing is slow by design: hash the shared demo password once for everyone.
        user_model.objects.filter(pk__in=[p.pk for p in self.people]).update(
            password=make_password(MEMBER_PASSWORD)
        )

    # --- communities --------------------------------------------------------------------------
    def _in_core(self, spec: CommunitySpec, person: Person) -> bool:
        plan = person.plan
        return (
            plan.department in spec.core_departments
            or plan.role in spec.core_roles
            or any(t in plan.title for t in spec.core_titles)
        )

    def _seniority(self, person: Person) -> int:
        return {"ceo": 3, "head": 2, "lead": 1}.get(person.plan.role, 0)

    def _pick_managers(self, spec: CommunitySpec, audience: list[Person]) -> list[Person]:
        ranked = []
        for i, wanted in enumerate(spec.manager_titles):
            ranked += [(i, p) for p in audience if wanted in p.plan.title]
        ranked.sort(key=lambda pair: (pair[0], -pair[1].voice))
        chosen: list[Person] = []
        for _, person in ranked:
            if person not in chosen:
                chosen.append(person)
        fallback = sorted(audience, key=lambda p: (-self._seniority(p), -p.voice))
        chosen += [p for p in fallback if p not in chosen]
        # Whoever started the community was here from the start, not a recent joiner.
        chosen.sort(key=lambda p: p.plan.joined_days_ago < 60)
        count = 2 if len(audience) >= 8 and self.rng.random() < 0.65 else 1
        return chosen[:count]

    def load_communities(self) -> None:
        for index, spec in enumerate(COMMUNITIES):
            audience = []
            for person in self.people:
                rate = spec.core_rate if self._in_core(spec, person) else spec.others_rate
                rate = max(rate, dict(spec.role_rates).get(person.plan.role, 0.0))
                if self.rng.random() < rate:
                    audience.append(person)
            minimum = min(6, len(self.people))
            others = [p for p in self.people if p not in audience]
            self.rng.shuffle(others)
            audience += others[: max(0, minimum - len(audience))]
            managers = self._pick_managers(spec, audience)
            creator = managers[0]
            created_ago = min(178 - index * 2.5, creator.plan.joined_days_ago - 0.3)
            community = community_create(
                actor=creator.user,
                name=spec.name,
                slug=spec.slug,
                kind=spec.kind,
                visibility=spec.visibility,
                purpose=spec.purpose,
                guidelines=spec.guidelines,
            )
            place = Place(spec, community, created_ago)
            self.places.append(place)
            self.community_dt[community.pk] = self.ago(created_ago)
            self._joined(place, creator, created_ago)

            n_experts = self.rng.randint(5, 10)
            n_experts = max(1, min(n_experts, (len(audience) - len(managers)) // 3))
            candidates = [p for p in audience if p not in managers]
            scored = sorted(
                candidates,
                key=lambda p: (
                    -(
                        2 * self._in_core(spec, p)
                        + max(level for _, level in p.plan.skills)
                        + self._seniority(p)
                        + self.rng.uniform(0, 2.5)
                    )
                ),
            )
            experts = scored[:n_experts]
            early = set(managers[1:]) | set(experts)
            joins = []
            for person in audience:
                if person is creator:
                    continue
                upper = min(created_ago, person.plan.joined_days_ago) - 0.05
                if person in early:
                    joined = upper - self.rng.uniform(0.02, min(3.0, upper * 0.5))
                else:
                    joined = upper - (self.rng.random() ** 2.2) * max(0.0, upper - 0.5)
                joins.append((max(joined, min(upper, 0.3)), person))
            joins.sort(key=lambda pair: -pair[0])  # oldest first
            for joined, person in joins:
                self._join(place, person, joined)
            for person in managers[1:]:
                self._set_role(place, person, Membership.Role.MANAGER)
            for person in experts:
                self._set_role(place, person, Membership.Role.EXPERT)
            place.managers, place.experts = managers, experts
            if community.is_private:
                self._pending_requests(place)

    def _joined(self, place: Place, person: Person, ago: float) -> None:
        place.joined_ago[person.pk] = ago
        place.people.append(person)
        self.membership_dt[(place.community.pk, person.pk)] = self.ago(ago)

    def _join(self, place: Place, person: Person, ago: float) -> None:
        community = place.community
        if community.is_private:
            asked = ago + self.rng.uniform(0.05, 2.0)
            message = texts.fill(self.rng.choice(JOIN_MESSAGES), texts.draw_slots(self.rng))
            request = join_request_create(
                actor=person.user, community=community, accept_guidelines=True, message=message
            )
            creator = place.people[0]
            join_request_decide(actor=creator.user, join_request=request, approve=True)
            self.request_dt[request.pk] = (self.ago(asked), self.ago(ago))
        else:
            membership_join(actor=person.user, community=community, accept_guidelines=True)
        self._joined(place, person, ago)

    def _set_role(self, place: Place, person: Person, role: str) -> None:
        creator = place.people[0]
        membership_role_set(
            actor=creator.user, community=place.community, member=person.user, role=role
        )
        joined = place.joined_ago[person.pk]
        self.role_dt[(place.community.pk, person.pk)] = self.ago(
            max(0.01, joined - self.rng.uniform(0.01, 0.5))
        )

    def _pending_requests(self, place: Place) -> None:
        outsiders = [p for p in self.people if p.pk not in place.joined_ago]
        core = [p for p in outsiders if p.plan.role == "lead" or self._in_core(place.spec, p)]
        pool = core if len(core) >= 2 else outsiders
        for person in self.rng.sample(pool, k=min(2, len(pool))):
            asked = self.rng.uniform(0.3, 6)
            message = texts.fill(self.rng.choice(JOIN_MESSAGES), texts.draw_slots(self.rng))
            request = join_request_create(
                actor=person.user,
                community=place.community,
                accept_guidelines=True,
                message=message,
            )
            self.request_dt[request.pk] = (self.ago(asked), None)

    # --- items and comments -------------------------------------------------------------------
    def _weighted(self, people: list[Person], weights: list[float]) -> Person:
        return self.rng.choices(people, weights=weights)[0]

    def _author_in(self, place: Place) -> tuple[Person, float]:
        boost = {p.pk: 4.0 for p in place.experts} | {p.pk: 3.0 for p in place.managers}
        eligible = [p for p in place.people if place.joined_ago[p.pk] > 0.4]
        weights = [p.voice * boost.get(p.pk, 1.0) for p in eligible]
        author = self._weighted(eligible, weights)
        return author, self.rng.uniform(0.25, place.joined_ago[author.pk] - 0.05)

    def _plan_items(self) -> list[Planned]:
        total = max(40, round(self.members * 1.6))
        personal = round(total * 0.15)
        weights = [p.spec.weight for p in self.places]
        shares = org.split(total - personal, weights)
        planned = []
        for place, share in zip(self.places, shares, strict=True):
            topic = place.spec.topic
            ratio = 0.35 if topic.key == "running" else 0.5
            for _ in range(share):
                kind = "discussion" if topic.discussions and self.rng.random() < ratio else "post"
                author, ago = self._author_in(place)
                planned.append(Planned(topic, kind, author, place, ago))
        topics = {p.spec.topic.key: p.spec.topic for p in self.places}
        bloggers = [p for p in self.people if p.plan.joined_days_ago > 0.5]
        for _ in range(personal):
            author = self._weighted(bloggers, [p.voice for p in bloggers])
            own = DEPARTMENT_TOPICS.get(author.plan.department)
            topic = topics[own] if own and self.rng.random() < 0.5 else PERSONAL
            ago = self.rng.uniform(0.25, author.plan.joined_days_ago - 0.1)
            planned.append(Planned(topic, "post", author, None, ago))
        planned.sort(key=lambda p: -p.ago)  # oldest first, so ids follow time
        return planned

    def _next_title(self, topic: TopicBank, kind: str) -> tuple[str, str]:
        key = (topic.key, kind)
        cycle = self.title_cycles.get(key)
        if not cycle:
            bank = topic.discussions if kind == "discussion" else topic.posts
            cycle = list(bank)
            self.rng.shuffle(cycle)
            self.title_cycles[key] = cycle
        return cycle.pop()

    def _first_name(self, person: Person) -> str:
        return person.plan.first_name

    def _compose(self, planned: Planned) -> tuple[str, str, list[str]]:
        colleague = self.rng.choice(self.people)
        extra = {"author": self._first_name(planned.author), "colleague": colleague.plan.name}
        for _ in range(8):
            template = self._next_title(planned.topic, planned.kind)
            slots = texts.draw_slots(self.rng, extra)
            title, body, tags = texts.compose_item(self.rng, planned.topic, template, slots)
            if title not in self.used_titles:
                break
        self.used_titles.add(title)
        planned.shape = template[0]
        shape_tag = SHAPE_TAGS.get(template[0])
        if shape_tag and shape_tag not in tags and self.rng.random() < 0.6:
            tags.append(shape_tag)
        self._slots = slots
        return title, body, tags

    def load_items(self) -> tuple[int, int]:
        items = comments = 0
        for planned in self._plan_items():
            title, body, tags = self._compose(planned)
            item = content_item_create(
                actor=planned.author.user,
                kind=planned.kind,
                title=title,
                body=body,
                community=planned.place.community if planned.place else None,
                tags=tags,
            )
            published = self.ago(planned.ago)
            self.item_dt[item.pk] = (published, published)
            self.item_last[item.pk] = published
            items += 1
            comments += self._comment_on(item, planned, self._slots)
        self._drafts()
        return items, comments

    def _commenters(self, planned: Planned, ago: float) -> list[Person]:
        if planned.place is None:
            return [p for p in self.people if p.plan.joined_days_ago > ago]
        place = planned.place
        return [p for p in place.people if place.joined_ago[p.pk] > ago]

    def _comment_on(self, item: ContentItem, planned: Planned, slots: dict) -> int:
        count = self.rng.choices(range(13), weights=COMMENT_COUNT_WEIGHTS)[0]
        if planned.kind == "discussion":
            count = min(12, count + 1)
        ago = planned.ago
        experts = planned.place.experts + planned.place.managers if planned.place else []
        threads: list[tuple[Comment, Person]] = []
        said: set[str] = set()
        answered: set[tuple[int, int]] = set()
        made = 0
        for n in range(count):
            ago -= min(self.rng.expovariate(1 / 1.2), 6)
            if ago < 0.01:
                break  # a recent item has had less time to gather comments
            eligible = self._commenters(planned, ago)
            parent = parent_author = None
            if threads and n > 0 and self.rng.random() < 0.3:
                parent, parent_author = self.rng.choice(threads)
                # Nobody answers the same comment twice; the item's author often answers.
                others = [
                    p
                    for p in eligible
                    if p is not parent_author and (parent.pk, p.pk) not in answered
                ]
                if (
                    planned.author in others
                    and parent_author is not planned.author
                    and self.rng.random() < 0.5
                ):
                    author = planned.author
                elif others:
                    author = self._weighted(others, [p.chatter for p in others])
                else:
                    continue
                answered.add((parent.pk, author.pk))
            else:
                others = [p for p in eligible if p is not planned.author]
                if not others:
                    continue
                author = self._weighted(others, [p.chatter for p in others])
            # Point to someone else: not oneself, nor whoever is already in the conversation.
            present = {author, planned.author, parent_author}
            mentionable = [p for p in experts if p not in present] or [
                p for p in self.people if p not in present
            ]
            comment_slots = {
                **slots,
                "author": self._first_name(planned.author),
                "commenter": self._first_name(parent_author) if parent_author else "",
                "colleague": self.rng.choice(self.people).plan.first_name,
                "mention": "@" + self.rng.choice(mentionable).plan.username,
            }
            for _ in range(12):  # one item rarely hears the same remark twice
                body = texts.compose_comment(
                    self.rng,
                    planned.topic,
                    comment_slots,
                    shape=planned.shape,
                    parent=parent.body if parent is not None else None,
                    by_author=author is planned.author,
                    context=f"{item.title}\n{item.body}",
                )
                if body not in said:
                    break
            said.add(body)
            comment = comment_create(actor=author.user, item=item, body=body, parent=parent)
            when = self.ago(ago)
            self.comment_dt[comment.pk] = when
            self.item_last[item.pk] = when
            if parent is None:
                threads.append((comment, author))
            made += 1
        return made

    def _drafts(self) -> None:
        writers = sorted(self.people, key=lambda p: -p.voice)[: max(10, len(self.people) // 8)]
        for _ in range(max(3, self.members // 25)):
            author = self.rng.choice(writers)
            places = [p for p in self.places if author.pk in p.joined_ago]
            place = self.rng.choice(places) if places and self.rng.random() < 0.7 else None
            topic = place.spec.topic if place else PERSONAL
            ago = self.rng.uniform(0.1, min(14.0, author.plan.joined_days_ago - 0.1))
            if place is not None:
                ago = min(ago, place.joined_ago[author.pk] - 0.01)
            planned = Planned(topic, "post", author, place, ago)
            title, body, tags = self._compose(planned)
            item = content_item_create(
                actor=author.user,
                kind="post",
                title=title,
                body=body,
                community=place.community if place else None,
                tags=tags,
                publish=False,
            )
            self.item_dt[item.pk] = (self.ago(ago), None)
            self.item_last[item.pk] = self.ago(ago)

    def load_views(self) -> int:
        """Members read items: each view goes through the service (counter + event)."""
        views = 0
        published = (
            ContentItem.objects.filter(status=ContentItem.Status.PUBLISHED)
            .select_related("community")
            .order_by("pk")
        )
        places = {p.community.pk: p for p in self.places}
        for item in published:
            place = places.get(item.community_id)
            if place is not None:
                item.community = place.community  # shares the membership cache
            pool = place.people if place is not None else self.people
            pool = [p for p in pool if p.pk != item.author_id]
            k = min(len(pool), int(2 + self.rng.expovariate(1 / 5) + 1.5 * item.comment_count))
            for person in self.rng.sample(pool, k=k):
                content_item_view(actor=person.user, item=item)
                views += 1
        return views

    # --- backdating ---------------------------------------------------------------------------
    def _set_times(self, model, fields: list[str], rows: list[tuple]) -> None:
        """UPDATE model SET field = ... WHERE pk = ..., for many rows in one executemany.

        The timestamp-only equivalent of a queryset .update() per row, without building a
        query per row (bulk_update's CASE expressions are slow for thousands of rows).
        """
        if not rows:
            return
        ops = connection.ops
        table = ops.quote_name(model._meta.db_table)
        columns = [model._meta.get_field(name).column for name in fields]
        assignments = ", ".join(f"{ops.quote_name(c)} = %s" for c in columns)
        pk_column = ops.quote_name(model._meta.pk.column)
        sql = f"UPDATE {table} SET {assignments} WHERE {pk_column} = %s"  # noqa: S608
        params = [[ops.adapt_datetimefield_value(v) for v in values] + [pk] for pk, *values in rows]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)

    def backdate(self) -> None:
        user_model = get_user_model()
        user_ids = {p.plan.username: p.pk for p in self.people}
        self._set_times(user_model, ["date_joined"], list(self.user_dt.items()))
        self._set_times(Community, ["created_at"], list(self.community_dt.items()))
        memberships = []
        for pk, community_id, user_id in Membership.objects.values_list(
            "pk", "community_id", "user_id"
        ):
            when = self.membership_dt.get((community_id, user_id))
            if when is not None:
                memberships.append((pk, when, when))
        self._set_times(Membership, ["joined_at", "guidelines_accepted_at"], memberships)
        self._set_times(
            JoinRequest,
            ["created_at", "decided_at"],
            [(pk, asked, decided) for pk, (asked, decided) in self.request_dt.items()],
        )
        self._set_times(
            ContentItem,
            ["created_at", "updated_at", "published_at", "last_activity_at"],
            [
                (pk, created, created, published, self.item_last[pk])
                for pk, (created, published) in self.item_dt.items()
            ],
        )
        self._set_times(
            Comment,
            ["created_at", "updated_at"],
            [(pk, dt, dt) for pk, dt in self.comment_dt.items()],
        )
        self._backdate_log(user_ids)
        self._backdate_notifications()

    def _when(self, verb: str, actor_id, target_type_id, target_id, community_id, data, user_ids):
        """When the act behind one event (or audit entry) happened, or None to leave it."""
        ct = self._ct
        if target_type_id == ct["item"] and target_id in self.item_dt:
            if verb in ("publish", "create_draft"):
                return self.item_dt[target_id][1] or self.item_dt[target_id][0]
            if verb == "comment":
                return self.comment_dt.get(data.get("comment_id"))
            # Uses of an item spread from its publication to now (left alone, every download
            # and listen would land today and swamp "what's popular").
            if verb in ("view", "download", "listen"):
                start = self.item_dt[target_id][1] or self.item_dt[target_id][0]
                span = (self.now - start).total_seconds()
                return start + timedelta(seconds=self.rng.uniform(0.05, 1) * span)
        if target_type_id == ct["community"]:
            member_id = user_ids.get(data.get("member"), actor_id)
            if verb in ("create_community", "community_create"):
                return self.community_dt.get(target_id)
            if verb in ("join", "decide_join_request", "join_request_decide"):
                return self.membership_dt.get((target_id, member_id))
            if verb in ("set_role", "membership_role"):
                return self.role_dt.get((target_id, member_id))
            if verb == "request_join":
                return self._asked.get((target_id, actor_id))
        if target_type_id == ct["user"] and target_id in self.user_dt:
            return self.user_dt[target_id] + timedelta(minutes=self.rng.uniform(5, 90))
        return None

    def _backdate_log(self, user_ids: dict[str, int]) -> None:
        user_model = get_user_model()
        self._ct = {
            "item": ContentType.objects.get_for_model(ContentItem).pk,
            "community": ContentType.objects.get_for_model(Community).pk,
            "user": ContentType.objects.get_for_model(user_model).pk,
        }
        self._asked = {
            (community_id, user_id): self.request_dt[pk][0]
            for pk, community_id, user_id in JoinRequest.objects.values_list(
                "pk", "community_id", "user_id"
            )
            if pk in self.request_dt
        }
        for model, verb_field in ((Event, "verb"), (AuditEntry, "action")):
            rows = []
            fields = ("pk", verb_field, "actor_id", "target_type_id", "target_id", "community_id")
            for pk, verb, actor_id, tt, tid, cid, data in model.objects.values_list(
                *fields, "data"
            ).order_by("pk"):
                when = self._when(verb, actor_id, tt, tid, cid, data or {}, user_ids)
                if when is not None:
                    rows.append((pk, when))
            self._set_times(model, ["created_at"], rows)

    def _backdate_notifications(self) -> None:
        request_ids = {pk: asked for pk, (asked, _) in self.request_dt.items()}
        rows = []
        stale: dict[int, list[int]] = defaultdict(list)
        for pk, recipient_id, verb, community_id, item_id, data in Notification.objects.values_list(
            "pk", "recipient_id", "verb", "community_id", "item_id", "data"
        ):
            data = data or {}
            when = None
            if "comment_id" in data:
                when = self.comment_dt.get(data["comment_id"])
            elif verb == "join_request":
                when = request_ids.get(data.get("request_id"))
            elif verb.startswith("join_request_"):
                when = self.membership_dt.get((community_id, recipient_id))
            if when is None:
                when = self.notification_dt.get((verb, item_id, recipient_id))
            if when is None:
                continue
            rows.append((pk, when))
            if when < self.ago(7):
                stale[recipient_id].append(pk)
        self._set_times(Notification, ["created_at"], rows)
        # Members have read what is older than a week; the bell shows the recent rest.
        users = get_user_model().objects.in_bulk(list(stale))
        created = dict(rows)
        read_rows = []
        for recipient_id, ids in stale.items():
            notifications_mark_read(actor=users[recipient_id], ids=ids)
            for pk in ids:
                read = created[pk] + timedelta(hours=self.rng.uniform(1, 72))
                read_rows.append((pk, min(read, self.ago(0.1))))
        self._set_times(Notification, ["read_at"], read_rows)

    # --- summary ------------------------------------------------------------------------------
    def summary(self, seconds: float) -> dict:
        kinds = Counter(
            ContentItem.objects.filter(status=ContentItem.Status.PUBLISHED).values_list(
                "kind", flat=True
            )
        )
        authors = Counter(
            ContentItem.objects.filter(
                status=ContentItem.Status.PUBLISHED, author__in=[p.pk for p in self.people]
            ).values_list("author__username", flat=True)
        )
        heads = {p.plan.username for p in self.people if p.plan.role in ("ceo", "head")}
        example = next((u for u, _ in authors.most_common() if u not in heads), None)
        example = example or self.people[-1].plan.username
        person = self.by_username[example]
        return {
            "seconds": seconds,
            "members": len(self.people),
            "departments": Department.objects.count(),
            "communities": Community.objects.count(),
            "private_communities": Community.objects.filter(
                visibility=Community.Visibility.PRIVATE
            ).count(),
            "published": sum(kinds.values()),
            "kinds": dict(kinds),
            "drafts": ContentItem.objects.filter(status=ContentItem.Status.DRAFT).count(),
            "comments": Comment.objects.count(),
            "notifications": Notification.objects.count(),
            "events": Event.objects.count(),
            "pending_requests": JoinRequest.objects.filter(
                status=JoinRequest.Status.PENDING
            ).count(),
            "admin_existed": self.admin_existed,
            "example_email": person.plan.email,
            "example_name": person.plan.name,
            "example_title": person.plan.title,
        }
