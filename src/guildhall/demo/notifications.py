"""Demo notification settings and digests (see demo/extensions.py).

The notifications themselves arise from the other steps (comments, answers, mentions, picks...)
as they are delivered on commit. Here members make the choices real people make: some want the
digest daily, a few never; some want comments emailed at once, some mute new items by people
they follow or read mentions in the app only. Digests are dated as if they had gone out over the
past week, so the hourly job sends a few each hour rather than all of them at once.
"""

from guildhall.notifications.models import DigestSubscription
from guildhall.notifications.services import notification_preferences_set

# (share of members, digest frequency or None to keep weekly, their type choices)
HABITS = [
    (0.15, "daily", {}),
    (0.06, "never", {"comment": "email", "reply": "email"}),
    (0.10, None, {"comment": "email"}),
    (0.06, None, {"followed_author_published": "off"}),
    (0.05, "daily", {"mention": "app", "expert_pick": "app"}),
]


def load(loader) -> str:
    rng = loader.rng
    chosen = 0
    for person in loader.people:
        roll = rng.random()
        for share, digest, deliveries in HABITS:
            if roll < share:
                notification_preferences_set(
                    actor=person.user, deliveries=deliveries, digest=digest
                )
                chosen += 1
                break
            roll -= share
    # Each member's last digest went out some time in the past week (as if the job had run).
    chosen_frequency = dict(DigestSubscription.objects.values_list("user_id", "frequency"))
    rows = []
    # The admin too: a first `make run` should not open with a digest email on the console.
    for user in [person.user for person in loader.people] + [loader.admin]:
        subscription = DigestSubscription(
            user=user, frequency=chosen_frequency.get(user.pk, "weekly")
        )
        if subscription.frequency == "never":
            continue
        period = 1 if subscription.frequency == "daily" else 7
        subscription.covered_until = subscription.last_sent_at = loader.ago(rng.uniform(0, period))
        rows.append(subscription)
    DigestSubscription.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["user"],
        update_fields=["covered_until", "last_sent_at"],
    )
    return f"{chosen} members with their own settings, {len(rows)} digests scheduled"
