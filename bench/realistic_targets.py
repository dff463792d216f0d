"""List, for the realistic-load benchmark, who signs in and what each of them requests.

Run with the server's environment (DATABASE_URL / GUILDHALL_DATA_DIR) after `guildhall demo`:

    python bench/realistic_targets.py [--members 200] [--items 40] [--words 24]

It picks the first --members active, non-staff members (by id, so runs repeat) and prints one
tab-separated line per member:

    member <email> <communities> <items> <writable>

- communities: the slugs of the member's communities (comma-separated), for community pages (the
  three largest public ones for a member of none: they browse);
- items: up to --items paths of published items the member may read (their communities' newest
  and most commented ones, then company-wide ones), for item pages;
- writable: the ids of those items the member may comment on and rate (all but their own), for
  the writes;

then one line `words <w1,w2,...>`: search words taken from the items' titles, frequent and
middling ones, as members type them. Nothing is written to the database.
"""

import argparse
import os
import re
import sys
from collections import Counter

# Words too common to be searched for on their own.
STOP = {
    "about",
    "after",
    "again",
    "also",
    "and",
    "any",
    "are",
    "because",
    "been",
    "before",
    "being",
    "but",
    "can",
    "could",
    "did",
    "does",
    "doing",
    "down",
    "each",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "into",
    "its",
    "just",
    "more",
    "most",
    "not",
    "now",
    "off",
    "once",
    "only",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "too",
    "under",
    "until",
    "very",
    "was",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--items", type=int, default=40, help="item pages listed per member")
    parser.add_argument("--words", type=int, default=24, help="search words")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guildhall.settings")
    import django

    django.setup()

    from guildhall.accounts.models import User
    from guildhall.communities.models import Community, Membership
    from guildhall.content.models import ContentItem

    published = ContentItem.objects.filter(status=ContentItem.Status.PUBLISHED)
    members = list(User.objects.filter(is_active=True, is_staff=False).order_by("pk"))
    members = members[: args.members]
    if len(members) < args.members:
        print(
            f"Only {len(members)} members (asked for {args.members}): load the demo "
            "(guildhall demo, or --members for a bigger one).",
            file=sys.stderr,
        )
        return 1

    # Company-wide items (no community) are readable by everyone: the busiest and newest.
    company = list(published.filter(community__isnull=True).order_by("-comment_count", "-pk")[:10])
    company += list(published.filter(community__isnull=True).order_by("-published_at", "-pk")[:10])
    # A member of no community browses the public ones.
    public = list(
        Community.objects.filter(visibility=Community.Visibility.PUBLIC)
        .order_by("-member_count", "slug")
        .values_list("slug", flat=True)[:3]
    )
    for member in members:
        slugs = list(
            Membership.objects.filter(user=member)
            .order_by("community__slug")
            .values_list("community__slug", flat=True)
        )
        theirs = published.filter(community__slug__in=slugs).select_related("community")
        newest = list(theirs.order_by("-published_at", "-pk")[: args.items])
        busiest = list(theirs.order_by("-comment_count", "-pk")[: args.items // 2])
        seen, items, writable = set(), [], []
        for item in newest + busiest + company:
            if item.pk in seen or len(items) >= args.items:
                continue
            seen.add(item.pk)
            items.append(item.get_absolute_url())
            if item.author_id != member.pk:
                writable.append(item.pk)
        fields = [member.email, ",".join(slugs or public), ",".join(items)]
        print("\t".join(["member", *fields, ",".join(map(str, writable))]))

    counts = Counter()
    for title in published.values_list("title", flat=True):
        for word in set(re.findall(r"[a-z]{4,}", title.lower())):
            if word not in STOP:
                counts[word] += 1
    ranked = [word for word, _ in counts.most_common()]
    # Half from the most frequent words, half from the middle of the list.
    half = args.words // 2
    middle = len(ranked) // 4
    words = ranked[:half] + ranked[middle : middle + args.words - half]
    print("words\t" + ",".join(words))
    return 0


if __name__ == "__main__":
    sys.exit(main())
