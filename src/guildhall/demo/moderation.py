"""Quality control in the demo: two safety-critical communities with work in every state (waiting,
turned down with a reason, sent back for changes, verified, due for re-verification) and a
post-moderated one where a newcomer's first posts are reviewed. Through the services."""

from guildhall.content.services import content_item_create
from guildhall.moderation.models import Review, Verification
from guildhall.moderation.services import (
    quality_policy_set,
    review_approve,
    review_reject,
    review_request_changes,
)

SAFETY_CRITICAL = ("field-engineers", "safety-incident-review")
POST_MODERATED = "new-sales-reps"

# (title, body, what the reviewer does: wait / verify / due / reject / changes)
WORK = {
    "field-engineers": [
        (
            "Isolating the 400 V feed before replacing a drive contactor",
            "1. Lock out at the MCC and tag with your name.\n2. Prove dead with a tested "
            "voltage detector — test it on a known live source before and after.\n3. Earth "
            "the load side before touching the terminals.",
            "verify",
        ),
        (
            "Torque values for the pump skid anchor bolts",
            "M20 grade 8.8 into the plinth: 300 Nm, in a star pattern, re-check after 24 h.",
            "due",
        ),
        (
            "Bypassing the door interlock to speed up a test run",
            "If you hold the interlock with a cable tie you can run the cycle with the guard "
            "open and watch the cam timing.",
            "reject",
        ),
        (
            "Working at height on the cooling tower ladder",
            "Clip on at the first rung cage, keep three points of contact.",
            "changes",
        ),
        (
            "Checklist: first start-up after a gearbox oil change",
            "Oil level at the sight glass with the gearbox cold; run unloaded for 10 minutes; "
            "check for leaks at the drain plug and the breather.",
            "wait",
        ),
        (
            "Reading an insulation resistance test on a 30 kW motor",
            "Test at 1,000 V DC for 60 s; above 100 MΩ is healthy, under 1 MΩ means dry it "
            "out or rewind. Record the temperature with the reading.",
            "wait",
        ),
    ],
    "safety-incident-review": [
        (
            "Near miss: reversing forklift at dock 3, what we changed",
            "Blue spot lights on all reach trucks, a banksman rule for the dock after 18:00, and "
            "the pedestrian crossing moved two metres.",
            "verify",
        ),
        (
            "Chemical splash at the wash bay: first 10 minutes",
            "Eye wash for 15 minutes without stopping, call the first aider, keep the SDS with "
            "the casualty.",
            "wait",
        ),
    ],
}
REJECTION = (
    "unsafe",
    "Never defeat an interlock, not even for a test: use the maintenance mode "
    "key and the procedure in the machine file.",
)
CHANGES = "Add the rescue plan and the harness inspection date; the cage is not fall arrest."


def _author(place, rng):
    reviewers = {p.pk for p in place.managers + place.experts}
    return rng.choice([p for p in place.people if p.pk not in reviewers])


def load(loader) -> str:
    rng = loader.rng
    by_slug = {place.community.slug: place for place in loader.places}
    counts = {"waiting": 0, "verified": 0, "turned down": 0}
    for slug in SAFETY_CRITICAL:
        place = by_slug.get(slug)
        if place is None or not place.managers or not place.experts:
            continue
        quality_policy_set(
            actor=place.managers[0].user, community=place.community, safety_critical=True
        )
        for n, (title, body, outcome) in enumerate(WORK[slug]):
            item = content_item_create(
                actor=_author(place, rng).user,
                kind="post",
                community=place.community,
                title=title,
                body=body,
            )
            when = loader.ago(2 + n * 3)
            loader.item_dt[item.pk] = (when, when)
            loader.item_last[item.pk] = when
            if outcome == "wait":
                counts["waiting"] += 1
                continue
            review = Review.objects.get(item=item, status=Review.Status.PENDING)
            reviewer = place.experts[n % len(place.experts)].user
            if outcome in ("verify", "due"):
                review_approve(actor=reviewer, review=review, verify=True)
                counts["verified"] += 1
                if outcome == "due":  # verified long enough ago to be due again
                    Verification.objects.filter(item=item).update(
                        verified_at=loader.ago(200), due_at=loader.ago(20)
                    )
            elif outcome == "reject":
                review_reject(actor=reviewer, review=review, reason=REJECTION[0], note=REJECTION[1])
                counts["turned down"] += 1
            else:
                review_request_changes(actor=reviewer, review=review, note=CHANGES)
                counts["turned down"] += 1
    place = by_slug.get(POST_MODERATED)
    if place is not None and place.managers:
        quality_policy_set(
            actor=place.managers[0].user, community=place.community, policy="post_moderated"
        )
        reviewers = {p.pk for p in place.managers + place.experts}
        newcomers = [p for p in place.people if p.pk not in reviewers]
        newcomer = min(newcomers, key=lambda p: place.joined_ago[p.pk])
        content_item_create(
            actor=newcomer.user,
            kind="post",
            community=place.community,
            title="My first discovery call: what I wish I had asked",
            body="I spent the call on features. Next time I start with the customer's renewal "
            "date and who signs off the budget.",
        )
        counts["waiting"] += 1
    return (
        f"{counts['waiting']} waiting for review, {counts['verified']} verified (one due), "
        f"{counts['turned down']} turned down or sent back"
    )


PARTICIPATION_POLICY = """\
**Our communities are where colleagues teach each other.** A few rules keep them useful and safe.

1. **Be respectful.** Disagree with ideas, never with people. Assume good intent, and thank those
   who help you.
2. **No confidential customer data.** Never post customer names, contracts, prices, personal data
   or anything under a non-disclosure agreement. Describe the situation, not the customer.
3. **Safety-critical advice belongs in verified communities.** Procedures for lockout, pressure
   systems, electrical work or incident handling are shared in Field Engineering or Safety Incident
   Review, where an expert verifies them. Elsewhere, link to the verified page.
4. **Report, don't argue.** If something is inaccurate, unsafe, outdated or confidential, flag it:
   a community's experts and managers review every flag.

Community managers may hide contributions that break these rules. Questions: ask the People team.
"""
# The demo's newest members have not accepted it yet: they are asked on their first sign-in.
POLICY_NEWCOMERS = 3
# Members who must be able to try the demo at once (the README's examples).
ALWAYS_ACCEPTED = {"joao.fernandez"}


def load_policy(loader) -> str:
    """A company participation policy, written by staff half a year ago and accepted by every
    member but the few newest ones (through the services; the dates are backdated)."""
    from guildhall.moderation.guidelines import (
        participation_policy_accept,
        participation_policy_create,
    )
    from guildhall.moderation.models import ParticipationPolicy

    if loader.admin is None:
        return "no staff member to write it"
    policy = participation_policy_create(actor=loader.admin, text=PARTICIPATION_POLICY)
    ParticipationPolicy.objects.filter(pk=policy.pk).update(created_at=loader.ago(180))
    candidates = [p for p in loader.people if p.user.username not in ALWAYS_ACCEPTED]
    newest = sorted(candidates, key=lambda p: p.plan.joined_days_ago)[:POLICY_NEWCOMERS]
    waiting = {p.pk for p in newest}
    for person in loader.people:
        if person.pk in waiting:
            continue
        participation_policy_accept(
            actor=person.user, at=loader.ago(max(min(person.plan.joined_days_ago, 180) - 0.01, 0))
        )
    names = ", ".join(p.user.username for p in newest)
    return f"accepted by {len(loader.people) - len(waiting)} members; waiting: {names}"
