"""Grow a demo organisation to benchmark scale: 10,000 more members and 200,000 more items.

Run on PostgreSQL, in a database of its own, after `guildhall migrate` and `guildhall demo`:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_scale \\
        .venv/bin/python bench/make_scale_org.py [--members 10000] [--items 200000]

Unlike the demo, nothing goes through the services: rows are written with PostgreSQL's COPY, in
chunks, so the whole organisation takes minutes. What the services would have kept is filled in
the same pass (counters, the event log of each act, the question's answered state), then the
rollups the home page reads (`home_rollup_refresh`) and the search index (`search_index_rebuild`)
are rebuilt the normal way. The texts come from the demo's topic banks.

What it makes: members with profiles and skills, spread over departments and joined over two years
(some last month); extra public and private communities; memberships (members, experts,
managers); posts, discussions, questions and a few announcements dated over the last year, mostly
published, in the members' communities (a tenth of posts are personal, without a community), with
tags, comments and replies, answers (some accepted), ratings, favourites and view events; follows.

Running it again on a database that already holds the scale members does nothing. It prints
shell-friendly lines for bench/scale.sh:

    BENCH_MEMBER=<email of a member of several communities, one of them private>
    BENCH_COMMON_WORD=<a word in many items>  BENCH_RARE_WORD=<a word in a handful>
"""

import argparse
import os
import random
import secrets
import sys
import time
from collections import Counter
from datetime import datetime, timedelta

USERNAME_PREFIX = "scale-"
RARE_WORD = "zanzibarite"  # planted in RARE_ITEMS items, to measure a selective search
RARE_ITEMS = 12
COMMON_WORD = "team"  # in the demo's banks: thousands of items
CHUNK = 5000  # items per COPY round
FIRST_NAMES = str.split(
    "Amira Ben Chloé Dawid Elena Farah Gustav Hana Ivan Jonas Kofi Lena Marta Niamh Oskar "
    "Priya Quentin Rosa Sven Tomasz Uma Viktor Wen Ximena Yusuf Zofia Aisha Bruno Carmen "
    "Diego Emil Freya Giulia Hugo Ingrid Jakub Keira Luca Maya Nils"
)
LAST_NAMES = str.split(
    "Abbott Bauer Costa Dubois Evans Fischer García Hansen Ito Jansen Kowalski Larsen "
    "Moreau Nowak Okafor Petrov Quinn Rossi Schmidt Tanaka Ulrich Visser Wagner Xu Yilmaz "
    "Zieliński Andersson Byrne Castillo Dahl Eriksen Fontaine Grant Horvat Iqbal Jovanović "
    "Keller Lindqvist"
)
REGIONS = (
    "North", "South", "East", "West", "Benelux", "Iberia", "Nordics", "Poland", "UK", "France",
)  # fmt: skip
KIND_SHARES = (("discussion", 0.34), ("question", 0.32), ("post", 0.33), ("announcement", 0.01))
COMMENT_WEIGHTS = (30, 20, 15, 11, 8, 6, 4, 3, 2, 1)  # 0..9 comments on an item


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--communities", type=int, default=36, help="extra ones (1 in 6 private)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--check", action="store_true", help="only say what the database holds ('empty' if nothing)"
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guildhall.settings")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        print(
            "The scale organisation is made with COPY: set DATABASE_URL to PostgreSQL.",
            file=sys.stderr,
        )
        return 1
    if args.check:
        print(describe())
        return 0
    generator = ScaleOrg(args, random.Random(args.seed))
    return generator.run()


def describe() -> str:
    from django.contrib.auth import get_user_model

    from guildhall.communities.models import Community
    from guildhall.content.models import ContentItem
    from guildhall.search.models import SearchEntry

    communities = Community.objects.count()
    if not communities:
        return "empty"
    private = Community.objects.filter(visibility=Community.Visibility.PRIVATE).count()
    return (
        f"size:       {get_user_model().objects.count()} members, "
        f"{ContentItem.objects.count()} items, {communities} communities ({private} private), "
        f"{SearchEntry.objects.count()} search entries"
    )


class ScaleOrg:
    def __init__(self, args, rng: random.Random):
        from django.utils import timezone

        self.args = args
        self.rng = rng
        self.now = timezone.now()
        self.started = time.monotonic()

    def say(self, text: str) -> None:
        print(f"[{time.monotonic() - self.started:6.1f}s] {text}", file=sys.stderr, flush=True)

    # --- COPY helpers ----------------------------------------------------------------------------

    def copy(self, model, fields: list[str], rows) -> int:
        from django.db import connection

        columns = ", ".join(model._meta.get_field(f).column for f in fields)
        n = 0
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                n += 1
        return n

    @staticmethod
    def next_id(model) -> int:
        from django.db.models import Max

        return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    @staticmethod
    def sync_sequence(model) -> None:
        from django.db import connection

        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "  # noqa: S608
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))",
                [table],
            )

    def ago(self, max_days: float, skew: float = 1.0) -> datetime:
        """A moment in the last `max_days`; skew > 1 leans towards recent."""
        return self.now - timedelta(days=max_days * self.rng.random() ** skew)

    # --- the run ---------------------------------------------------------------------------------

    def run(self) -> int:
        from django.contrib.auth import get_user_model
        from django.db import transaction

        from guildhall.communities.models import Community

        user_model = get_user_model()
        if not Community.objects.exists():
            print("Load the demo first: guildhall migrate && guildhall demo", file=sys.stderr)
            return 1
        if user_model.objects.filter(username__startswith=USERNAME_PREFIX).exists():
            self.say("The scale organisation is already there.")
        else:
            with transaction.atomic():
                self.make_members()
                self.make_communities()
                self.make_memberships()
                self.make_follows()
            self.make_items()
            with transaction.atomic():
                self.fill_counters()
            self.rebuild_rollups_and_index()
        self.report()
        return 0

    def make_members(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import make_password

        from guildhall.demo.loader import MEMBER_PASSWORD
        from guildhall.people.models import Department, Profile, ProfileSkill, Skill

        user_model = get_user_model()
        rng = self.rng
        password = make_password(MEMBER_PASSWORD)  # one hash: hashing 10,000 would take minutes
        departments = list(Department.objects.values_list("pk", flat=True)) or [None]
        skills = list(Skill.objects.values_list("pk", flat=True))
        titles = list(
            Profile.objects.exclude(title="").values_list("title", flat=True).distinct()
        ) or ["Engineer"]
        first = self.next_id(user_model)
        self.member_ids = list(range(first, first + self.args.members))
        self.joined = {}
        users, profiles, profile_skills = [], [], []
        first_profile = self.next_id(Profile)
        for n, user_id in enumerate(self.member_ids):
            given, family = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            # 3% joined in the last month (who's new), the rest over two years.
            joined = self.ago(30) if rng.random() < 0.03 else self.ago(730)
            self.joined[user_id] = joined
            username = f"{USERNAME_PREFIX}{n + 1:05d}"
            users.append(
                (user_id, password, False, username, given, family,
                 f"{username}@scale.example.com", False, True, joined)
            )  # fmt: skip
            profile_id = first_profile + n
            profiles.append(
                (profile_id, user_id, rng.choice(titles), rng.choice(departments),
                 rng.choice(REGIONS), "", "", False, 0, 0)
            )  # fmt: skip
            for skill_id in rng.sample(skills, k=min(len(skills), rng.randint(0, 4))):
                profile_skills.append((profile_id, skill_id, rng.randint(1, 5)))
        self.copy(
            user_model,
            ["id", "password", "is_superuser", "username", "first_name", "last_name", "email",
             "is_staff", "is_active", "date_joined"],
            users,
        )  # fmt: skip
        self.copy(
            Profile,
            ["id", "user", "title", "department", "location", "bio", "bio_html", "is_leader",
             "follower_count", "following_count"],
            profiles,
        )  # fmt: skip
        self.copy(ProfileSkill, ["profile", "skill", "level"], profile_skills)
        self.sync_sequence(user_model)
        self.sync_sequence(Profile)
        self.say(f"{len(users)} members, {len(profile_skills)} declared skills")

    def make_communities(self) -> None:
        from django.contrib.auth import get_user_model

        from guildhall.communities.models import Community
        from guildhall.demo.topics import COMMUNITIES

        rng = self.rng
        specs = {spec.slug: spec for spec in COMMUNITIES}
        existing = list(Community.objects.values_list("pk", "slug", "visibility", "name"))
        # (pk, topic, is_private, weight): where items go and who joins.
        self.communities = [
            (pk, specs[slug].topic if slug in specs else COMMUNITIES[0].topic,
             visibility == Community.Visibility.PRIVATE,
             specs[slug].weight if slug in specs else 5)
            for pk, slug, visibility, _ in existing
        ]  # fmt: skip
        admin = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
        first = self.next_id(Community)
        rows = []
        for n in range(self.args.communities):
            spec = COMMUNITIES[n % len(COMMUNITIES)]
            region = REGIONS[(n // len(COMMUNITIES)) % len(REGIONS)]
            private = n % 6 == 5
            pk = first + n
            name = f"{spec.name} {region}"
            purpose = f"The {region} chapter of {spec.name}. {spec.purpose}"
            rows.append(
                (pk, f"scale-{spec.slug}-{region.lower()}-{n}", name[:120], spec.kind,
                 Community.Visibility.PRIVATE if private else Community.Visibility.PUBLIC,
                 purpose, f"<p>{purpose}</p>", spec.guidelines, f"<p>{spec.guidelines}</p>",
                 secrets.token_urlsafe(32), 0, 0, admin.pk if admin else None,
                 self.ago(730))
            )  # fmt: skip
            self.communities.append((pk, spec.topic, private, rng.randint(2, 12)))
        self.copy(
            Community,
            ["id", "slug", "name", "kind", "visibility", "purpose", "purpose_html", "guidelines",
             "guidelines_html", "join_token", "member_count", "item_count", "created_by",
             "created_at"],
            rows,
        )  # fmt: skip
        self.sync_sequence(Community)
        self.say(f"{len(rows)} more communities ({len(self.communities)} in all)")

    def make_memberships(self) -> None:
        from guildhall.communities.models import Membership

        rng = self.rng
        Role = Membership.Role
        public = [c for c in self.communities if not c[2]]
        private = [c for c in self.communities if c[2]]
        weights = [c[3] for c in public]
        self.members_of: dict[int, list[int]] = {c[0]: [] for c in self.communities}
        self.community_of_member: dict[int, list[int]] = {}
        rows = []
        for user_id in self.member_ids:
            k = min(len(public), 1 + int(rng.expovariate(1 / 2.5)))
            chosen = {c[0] for c in rng.choices(public, weights=weights, k=k)}
            if private and rng.random() < 0.12:
                chosen.add(rng.choice(private)[0])
            self.community_of_member[user_id] = sorted(chosen)
            for community_id in chosen:
                roll = rng.random()
                role = Role.MANAGER if roll < 0.01 else Role.EXPERT if roll < 0.07 else Role.MEMBER
                joined = (
                    self.joined[user_id] + (self.now - self.joined[user_id]) * rng.random() ** 3
                )
                rows.append((community_id, user_id, role, joined, joined))
                self.members_of[community_id].append(user_id)
        # The benchmark's member: in the three busiest public communities, two more, and a private
        # one, so their home page draws on several large communities.
        self.bench_member = self.member_ids[0]
        mine = set(self.community_of_member[self.bench_member])
        busiest = sorted(public, key=lambda c: -c[3])[:3] + rng.sample(public, 2) + private[:1]
        for community_id, *_ in busiest:
            if community_id not in mine:
                rows.append(
                    (community_id, self.bench_member, Role.MEMBER, self.ago(200), self.ago(200))
                )
                self.members_of[community_id].append(self.bench_member)
                mine.add(community_id)
        self.community_of_member[self.bench_member] = sorted(mine)
        self.copy(
            Membership, ["community", "user", "role", "guidelines_accepted_at", "joined_at"], rows
        )
        self.say(f"{len(rows)} memberships")

    def make_follows(self) -> None:
        from guildhall.content.models import Tag
        from guildhall.people.models import PersonFollow, TagFollow

        rng = self.rng
        people, tags = [], []
        tag_ids = list(Tag.objects.values_list("pk", flat=True))
        for user_id in self.member_ids:
            if rng.random() < 0.3 or user_id == self.bench_member:
                for followed in set(rng.sample(self.member_ids, k=rng.randint(1, 12))) - {user_id}:
                    people.append((user_id, followed, self.ago(300)))
            if tag_ids and (rng.random() < 0.2 or user_id == self.bench_member):
                for tag_id in rng.sample(tag_ids, k=min(len(tag_ids), rng.randint(1, 3))):
                    tags.append((user_id, tag_id, self.ago(300)))
        self.copy(PersonFollow, ["follower", "followed", "created_at"], people)
        self.copy(TagFollow, ["follower", "tag", "created_at"], tags)
        self.say(f"{len(people)} people followed, {len(tags)} tags followed")

    # --- items -----------------------------------------------------------------------------------

    def make_items(self) -> None:
        from django.db import transaction

        from guildhall.content.models import ContentItem, Tag
        from guildhall.demo.topics import COMMUNITIES, PERSONAL
        from guildhall.interactions.models import Comment
        from guildhall.qa.models import Answer

        self.topics = {spec.topic.key: spec.topic for spec in COMMUNITIES} | {"personal": PERSONAL}
        self.tags = dict(Tag.objects.values_list("slug", "pk"))
        topic_tags = {slug for topic in self.topics.values() for slug in topic.tags}
        missing = [Tag(name=slug, slug=slug) for slug in sorted(topic_tags - set(self.tags))]
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        self.tags = dict(Tag.objects.values_list("slug", "pk"))
        from django.contrib.contenttypes.models import ContentType

        self.item_type = ContentType.objects.get_for_model(ContentItem).pk
        self.next_item = self.next_id(ContentItem)
        self.next_comment = self.next_id(Comment)
        self.next_answer = self.next_id(Answer)
        weights = [c[3] for c in self.communities if self.members_of[c[0]]]
        self.populated = [c for c in self.communities if self.members_of[c[0]]]
        self.community_weights = weights
        rare_at = set(self.rng.sample(range(self.args.items), RARE_ITEMS))
        counts = Counter()
        for start in range(0, self.args.items, CHUNK):
            size = min(CHUNK, self.args.items - start)
            with transaction.atomic():
                counts.update(self.make_chunk(start, size, rare_at))
            if (start // CHUNK) % 8 == 7 or start + size == self.args.items:
                self.say(
                    f"{start + size} items: " + ", ".join(f"{n} {k}" for k, n in counts.items())
                )
        for model in (ContentItem, Comment, Answer):
            self.sync_sequence(model)

    def make_chunk(self, start: int, size: int, rare_at: set[int]) -> Counter:
        from django.utils.html import escape
        from django.utils.text import slugify

        from guildhall.content.models import ContentItem
        from guildhall.core.models import Event
        from guildhall.demo import texts
        from guildhall.interactions.models import Comment, Favourite, Rating
        from guildhall.news.models import NewsInfo
        from guildhall.qa.models import Answer, Question

        rng = self.rng
        Status = ContentItem.Status
        items, item_tags, questions, answers, news = [], [], [], [], []
        comments, ratings, favourites, events = [], [], [], []
        kinds = [k for k, _ in KIND_SHARES]
        shares = [s for _, s in KIND_SHARES]

        def html(text: str) -> str:
            return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))

        def event(actor, verb, item_id, community_id, when):
            events.append((actor, verb, self.item_type, item_id, community_id, "{}", when))

        for n in range(start, start + size):
            item_id = self.next_item
            self.next_item += 1
            kind = rng.choices(kinds, weights=shares)[0]
            personal = kind == "post" and rng.random() < 0.1
            if personal:
                community_id, private, topic = None, False, self.topics["personal"]
                people = self.member_ids
            else:
                community_id, topic, private, _ = rng.choices(
                    self.populated, weights=self.community_weights
                )[0]
                people = self.members_of[community_id]
            author = rng.choice(people)
            bank = topic.discussions if kind in ("discussion", "question") else topic.posts
            title, body, tag_slugs = texts.compose_item(
                rng, topic, rng.choice(bank or topic.posts), texts.draw_slots(rng)
            )
            if n in rare_at:
                body += f"\n\nWe tried the {RARE_WORD} coating on the seals."
            roll = rng.random()
            status = (
                Status.DRAFT
                if roll < 0.02
                else Status.PENDING_REVIEW
                if roll < 0.025
                else Status.PUBLISHED
            )
            published = status == Status.PUBLISHED
            created = self.ago(365, skew=1.3)
            published_at = created if published else None
            last_activity = created
            # Engagement: only on published items, by members who can see them.
            n_comments = (
                rng.choices(range(len(COMMENT_WEIGHTS)), weights=COMMENT_WEIGHTS)[0]
                if published
                else 0
            )
            previous: list[tuple[int, str]] = []
            for _ in range(n_comments):
                comment_id = self.next_comment
                self.next_comment += 1
                by = rng.choice(people)
                when = created + (self.now - created) * rng.random() ** 4
                last_activity = max(last_activity, when)
                parent = rng.choice(previous) if previous and rng.random() < 0.25 else None
                text = texts.compose_comment(
                    rng,
                    topic,
                    texts.draw_slots(rng),
                    shape="question" if kind == "question" else "howto",
                    parent=parent[1] if parent else None,
                    by_author=by == author,
                    context=title,
                )
                comments.append(
                    (comment_id, item_id, by, parent[0] if parent else None, text, html(text),
                     False, when, when)
                )  # fmt: skip
                if parent is None:
                    previous.append((comment_id, text))
                event(by, "comment", item_id, community_id, when)
            rating_sum = rating_count = favourite_count = 0
            if published:
                raters = set(
                    rng.sample(
                        people, k=min(len(people), rng.choices((0, 1, 2, 4), (50, 30, 15, 5))[0])
                    )
                )
                for by in raters - {author}:
                    stars = rng.choices((1, 2, 3, 4, 5), (2, 4, 14, 40, 40))[0]
                    when = created + (self.now - created) * rng.random() ** 3
                    ratings.append((item_id, by, stars, when, when))
                    rating_sum, rating_count = rating_sum + stars, rating_count + 1
                    event(by, "rate", item_id, community_id, when)
                if rng.random() < 0.12:
                    by = rng.choice(people)
                    if by != author:
                        when = created + (self.now - created) * rng.random() ** 3
                        favourites.append((item_id, by, when))
                        favourite_count += 1
                        event(by, "favourite", item_id, community_id, when)
                event(author, "publish", item_id, community_id, created)
            # Views: each logged (the trending rollup reads them); recent items draw more.
            age_days = (self.now - created).days
            views = int(rng.expovariate(1 / (25 if age_days < 30 else 6))) if published else 0
            for _ in range(views):
                event(rng.choice(people), "view", item_id, community_id,
                      created + (self.now - created) * rng.random())  # fmt: skip
            if kind == "question":
                answer_rows = []
                if published and rng.random() < 0.65:
                    for _ in range(rng.choices((1, 2, 3), (60, 30, 10))[0]):
                        answer_id = self.next_answer
                        self.next_answer += 1
                        by = rng.choice(people)
                        when = created + (self.now - created) * rng.random() ** 4
                        text = texts.compose_comment(
                            rng, topic, texts.draw_slots(rng), shape="howto", context=title
                        )
                        answer_rows.append(
                            [answer_id, item_id, by, text, html(text), 0, False, when, when]
                        )
                        event(by, "answer", item_id, community_id, when)
                        last_activity = max(last_activity, when)
                accepted = None
                if answer_rows and rng.random() < 0.5:
                    accepted = rng.choice(answer_rows)
                    accepted[6] = True
                answers.extend(tuple(a) for a in answer_rows)
                first_answer = min((a[7] for a in answer_rows), default=None)
                questions.append(
                    (item_id, accepted[0] if accepted else None, len(answer_rows),
                     bool(answer_rows), first_answer, accepted[7] if accepted else None)
                )  # fmt: skip
            if kind == "announcement":
                news.append((item_id, created + timedelta(days=14), rng.random() < 0.3))
            for slug in tag_slugs:
                item_tags.append((item_id, self.tags[slug]))
            items.append(
                (item_id, kind, author, community_id, title[:200], slugify(title)[:200], body,
                 html(body), status, "community" if private else "company", created, last_activity,
                 published_at, last_activity, views, n_comments, rating_sum, rating_count,
                 favourite_count, 0.0)
            )  # fmt: skip
        self.copy(
            ContentItem,
            ["id", "kind", "author", "community", "title", "slug", "body", "body_html", "status",
             "visibility", "created_at", "updated_at", "published_at", "last_activity_at",
             "view_count", "comment_count", "rating_sum", "rating_count", "favourite_count",
             "score"],
            items,
        )  # fmt: skip
        self.copy(ContentItem.tags.through, ["contentitem", "tag"], item_tags)
        self.copy(
            Answer,
            ["id", "item", "author", "body", "body_html", "score", "is_accepted", "created_at",
             "updated_at"],
            answers,
        )  # fmt: skip
        self.copy(
            Question,
            ["item", "accepted_answer", "answer_count", "answered", "first_answer_at",
             "accepted_at"],
            questions,
        )  # fmt: skip
        self.copy(NewsInfo, ["item", "expires_at", "is_pinned"], news)
        self.copy(
            Comment,
            ["id", "item", "author", "parent", "body", "body_html", "is_deleted", "created_at",
             "updated_at"],
            comments,
        )  # fmt: skip
        self.copy(Rating, ["item", "user", "stars", "created_at", "updated_at"], ratings)
        self.copy(Favourite, ["item", "user", "created_at"], favourites)
        self.copy(
            Event,
            ["actor", "verb", "target_type", "target_id", "community_id", "data", "created_at"],
            events,
        )
        return Counter(
            items=len(items), comments=len(comments), answers=len(answers),
            ratings=len(ratings), events=len(events),
        )  # fmt: skip

    # --- what the services would have kept, the rollups, the index -------------------------------

    def fill_counters(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE communities_community c SET "
                "member_count = (SELECT COUNT(*) FROM communities_membership m "
                "WHERE m.community_id = c.id), "
                "item_count = (SELECT COUNT(*) FROM content_contentitem i "
                "WHERE i.community_id = c.id AND i.status = 'published')"
            )
            cursor.execute(
                "UPDATE people_profile p SET "
                "follower_count = (SELECT COUNT(*) FROM people_personfollow f "
                "WHERE f.followed_id = p.user_id), "
                "following_count = (SELECT COUNT(*) FROM people_personfollow f "
                "WHERE f.follower_id = p.user_id)"
            )
        self.say("counters filled")

    def rebuild_rollups_and_index(self) -> None:
        from django.db import connection

        from guildhall.home.services import home_rollup_refresh
        from guildhall.search.models import SearchEntry
        from guildhall.search.services import search_index_rebuild

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        started = time.monotonic()
        rollup = home_rollup_refresh()
        self.say(f"home rollup: {rollup} in {time.monotonic() - started:.1f}s")
        started = time.monotonic()
        counts = search_index_rebuild()
        self.say(f"search index: {counts} in {time.monotonic() - started:.1f}s")
        # A rebuild writes each row twice (the text, then its vector): compact the table, as
        # `VACUUM FULL` would after `guildhall reindex` in production, then refresh the statistics.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM FULL {SearchEntry._meta.db_table}")
            cursor.execute("VACUUM ANALYZE")
        self.say("vacuumed and analysed")

    def report(self) -> None:
        from django.contrib.auth import get_user_model

        from guildhall.content.models import ContentItem

        user_model = get_user_model()
        bench = user_model.objects.get(username=f"{USERNAME_PREFIX}00001")
        self.say(
            f"{user_model.objects.count()} members, {ContentItem.objects.count()} items in all"
        )
        print(f"BENCH_MEMBER={bench.email}")
        print(f"BENCH_COMMON_WORD={COMMON_WORD}")
        print(f"BENCH_RARE_WORD={RARE_WORD}")


if __name__ == "__main__":
    sys.exit(main())
