"""Prepare the pages the load benchmark requests, in the database the server uses.

Run with the server's environment (DATABASE_URL / GUILDHALL_DATA_DIR) after `guildhall demo`:

    python bench/make_item_with_comments.py [--comments 50] [--community SLUG]

It picks the busiest public community and one of its (non-staff) members, and makes sure the
community holds a discussion with at least --comments comments — created through the services,
like everything else, and reused on later runs. It prints shell-friendly lines:

    BENCH_DATABASE=<sqlite|postgresql>
    BENCH_COMMUNITY=<slug>
    BENCH_ITEM=<id>
    BENCH_ITEM_PATH=<the item's canonical path, /content/<id>/<slug>/>
    BENCH_MEMBER=<email>
"""

import argparse
import os
import random
import sys

BENCH_TAG = "benchmark"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=50)
    parser.add_argument("--community", default="", help="slug (default: the busiest public one)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guildhall.settings")
    import django

    django.setup()

    from django.db import transaction
    from django.test import override_settings

    from guildhall.communities.models import Community, Membership
    from guildhall.content.models import ContentItem
    from guildhall.content.services import content_item_create
    from guildhall.demo import texts
    from guildhall.demo.loader import DEMO_SETTINGS
    from guildhall.demo.topics import COMMUNITIES, LEAN
    from guildhall.interactions.services import comment_create

    rng = random.Random(args.seed)
    public = Community.objects.filter(visibility=Community.Visibility.PUBLIC)
    if args.community:
        community = public.filter(slug=args.community).first()
    else:
        community = public.order_by("-member_count", "pk").first()
    if community is None:
        print("No public community found: load the demo first (guildhall demo).", file=sys.stderr)
        return 1
    memberships = list(
        Membership.objects.filter(community=community, user__is_staff=False)
        .select_related("user")
        .order_by("pk")
    )
    if len(memberships) < 2:
        print(f"{community.slug} has too few members for the benchmark.", file=sys.stderr)
        return 1
    topic = next((c.topic for c in COMMUNITIES if c.slug == community.slug), LEAN)

    item = (
        ContentItem.objects.filter(
            community=community,
            status=ContentItem.Status.PUBLISHED,
            tags__slug=BENCH_TAG,
            comment_count__gte=args.comments,
        )
        .order_by("pk")
        .first()
    )
    if item is None:
        experts = [m for m in memberships if m.role != Membership.Role.MEMBER] or memberships
        author = rng.choice(experts).user
        people = [m.user for m in memberships]
        with override_settings(**DEMO_SETTINGS), transaction.atomic():
            slots = texts.draw_slots(rng, {"author": author.first_name, "colleague": ""})
            template = rng.choice(topic.discussions or topic.posts)
            title, body, tags = texts.compose_item(rng, topic, template, slots)
            item = content_item_create(
                actor=author,
                kind="discussion" if topic.discussions else "post",
                title=title,
                body=body,
                community=community,
                tags=[*tags, BENCH_TAG],
            )
            threads = []
            for _ in range(args.comments):
                commenter = rng.choice(people)
                parent = rng.choice(threads) if threads and rng.random() < 0.3 else None
                comment_slots = {
                    **slots,
                    "commenter": parent.author.first_name if parent else "",
                    "colleague": rng.choice(people).first_name,
                    "mention": "@" + rng.choice(people).username,
                }
                comment_body = texts.compose_comment(
                    rng,
                    topic,
                    comment_slots,
                    shape=template[0],
                    parent=parent.body if parent is not None else None,
                    by_author=commenter == author,
                    context=f"{item.title}\n{item.body}",
                )
                comment = comment_create(
                    actor=commenter, item=item, body=comment_body, parent=parent
                )
                if parent is None:
                    threads.append(comment)
    member = next(
        (m.user for m in memberships if m.role == Membership.Role.MEMBER), memberships[0].user
    )
    from django.db import connection

    print(f"BENCH_DATABASE={connection.vendor}")
    print(f"BENCH_COMMUNITY={community.slug}")
    print(f"BENCH_ITEM={item.pk}")
    print(f"BENCH_ITEM_PATH={item.get_absolute_url()}")
    print(f"BENCH_MEMBER={member.email}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
