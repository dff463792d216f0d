"""Demo following, endorsements and ask-an-expert invitations (see demo/extensions.py).

Members follow their manager, a few teammates and their communities' experts; some follow the
tags of their work. Colleagues of the same department or community endorse skills a member
declares (the higher the level, the likelier). A few askers of questions still waiting for an
answer invite the experts the finder suggests. All through the people services; the rows are
then dated between the two members joining and now.
"""

from datetime import timedelta

from django.db.models import Count

from guildhall.content.models import ContentItem, Tag
from guildhall.people.models import ExpertInvitation, PersonFollow, ProfileSkill, SkillEndorsement
from guildhall.people.selectors import expert_suggestions
from guildhall.people.services import expert_invite, person_follow, skill_endorse, tag_follow


def load(loader) -> str:
    rng = loader.rng
    by_pk = {p.pk: p for p in loader.people}
    by_username = {p.plan.username: p for p in loader.people}
    teams: dict[tuple[str, int], list] = {}
    for person in loader.people:
        teams.setdefault((person.plan.department, person.plan.team), []).append(person)
    experts_of: dict[int, list] = {}  # member pk → experts of their communities
    for place in loader.places:
        for person in place.people:
            experts_of.setdefault(person.pk, []).extend(place.experts)

    def since(*people) -> float:
        """Days ago the later of these members joined (nothing happens before that)."""
        return min(p.plan.joined_days_ago for p in people)

    def dated(a, b):
        days = since(a, b)
        return loader.ago(rng.uniform(0.05, 1) * days) if days > 0 else loader.ago(0.01)

    follow_times = []
    for person in loader.people:
        choices = []
        manager = by_username.get(person.plan.manager or "")
        if manager and rng.random() < 0.7:
            choices.append(manager)
        team = teams.get((person.plan.department, person.plan.team), [])
        choices += rng.sample(team, k=min(len(team), rng.choice([0, 1, 1, 2])))
        experts = experts_of.get(person.pk, [])
        choices += rng.sample(experts, k=min(len(experts), rng.choice([0, 1, 2, 3])))
        for followed in {p.pk: p for p in choices if p.pk != person.pk}.values():
            if person_follow(actor=person.user, member=followed.user):
                follow_times.append((person.pk, followed.pk, dated(person, followed)))

    # Tags of the work members do: the most used ones, followed by about one in four.
    tags = list(Tag.objects.annotate(n=Count("items")).filter(n__gte=3).order_by("-n", "name")[:20])
    tag_follows = 0
    for person in rng.sample(loader.people, k=len(loader.people) // 4) if tags else []:
        for tag in rng.sample(tags, k=min(len(tags), rng.choice([1, 1, 2, 3]))):
            tag_follows += tag_follow(actor=person.user, tag=tag)

    # Endorsements from colleagues who work with the member.
    colleagues: dict[int, set[int]] = {}
    for members in teams.values():
        for person in members:
            colleagues.setdefault(person.pk, set()).update(p.pk for p in members)
    for place in loader.places:
        pks = sorted(p.pk for p in place.people)
        for person in place.people:
            colleagues.setdefault(person.pk, set()).update(rng.sample(pks, k=min(8, len(pks))))
    endorsement_times = []
    entries = ProfileSkill.objects.select_related("profile__user", "skill").order_by("pk")
    for entry in entries:
        owner = by_pk.get(entry.profile.user_id)
        if owner is None or rng.random() > 0.08 * entry.level:
            continue
        pool = sorted(colleagues.get(owner.pk, set()) - {owner.pk})
        for pk in rng.sample(pool, k=min(len(pool), rng.choice([1, 1, 2, 3, 4]))):
            endorser = by_pk[pk]
            if skill_endorse(actor=endorser.user, entry=entry):
                when = dated(owner, endorser)
                endorsement_times.append((endorser.pk, entry.pk, when))
                loader.notification_dt[("skill_endorsed", None, owner.pk)] = when

    # Ask an expert: some askers of questions still waiting invite the suggested experts.
    invitations = 0
    waiting = ContentItem.objects.filter(
        kind="question", status=ContentItem.Status.PUBLISHED, question__answered=False
    ).select_related("community", "author")
    for item in rng.sample(list(waiting), k=min(6, waiting.count())):
        offer = expert_suggestions(viewer=item.author, item=item)
        available = [m.user for m in offer.get("suggestions", []) if m.available]
        if not available:
            continue
        chosen = rng.sample(available, k=min(len(available), rng.choice([1, 2, 2, 3])))
        expert_invite(actor=item.author, item=item, experts=chosen)
        published = (loader.item_dt.get(item.pk) or (None, item.published_at))[1]
        asked = published or loader.ago(1)
        when = min(asked + timedelta(hours=rng.uniform(2, 30)), loader.ago(0.01))
        for expert in chosen:
            loader.notification_dt[("expert_invitation", item.pk, expert.pk)] = when
        ExpertInvitation.objects.filter(item=item).update(created_at=when)
        invitations += len(chosen)

    _set_created(loader, PersonFollow, "follower_id", "followed_id", follow_times)
    _set_created(loader, SkillEndorsement, "endorser_id", "profile_skill_id", endorsement_times)
    return (
        f"{len(follow_times)} follows, {tag_follows} tag follows, "
        f"{len(endorsement_times)} endorsements, {invitations} expert invitations"
    )


def _set_created(loader, model, first: str, second: str, times: list[tuple]) -> None:
    when = {(a, b): dt for a, b, dt in times}
    rows = [
        (pk, when[(a, b)])
        for pk, a, b in model.objects.values_list("pk", first, second)
        if (a, b) in when
    ]
    loader._set_times(model, ["created_at"], rows)
