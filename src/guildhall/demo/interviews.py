# ruff: noqa: E501 - a bank of texts reads better unwrapped
"""Demo leaders and interviews (see demo/extensions.py): the CEO and three department heads are
marked leaders (through the service, as staff would) and write the leadership blog; four member
interviews feature experts from the communities, each notified."""

from guildhall.content.services import content_item_create
from guildhall.interviews.services import interview_create
from guildhall.people.models import Department
from guildhall.people.services import profile_leader_set

LEADER_POSTS = {
    "ceo": [
        (
            "Why we're investing in the Leeds test rig",
            "Three times last year a customer found a problem with a pump before we did. Each time it was a flow condition we could not reproduce at Leeds: our old rig tops out at 400 m³/h.\n\nThe new rig goes to **1,200 m³/h** and can run a 72-hour endurance test unattended. It cost £2.1m. That is less than the warranty cost of the HX-400 bearing issue alone.\n\nWhat I ask of every product team: book it early, and share what you learn here, so the next team starts from your results and not from zero.",
        ),
        (
            "Five things I heard on the Gdańsk shop floor",
            "I spent last week on the night shift in Gdańsk. Some of what I heard:\n\n1. The changeover on Line 4 is still too long, and the team knows exactly why.\n2. Spare parts arrive faster than a year ago — thank you, Supply Chain.\n3. People want to know what happens to the suggestions they make.\n4. The canteen at 2 a.m. matters more than I thought.\n5. Nobody had seen the strategy one-pager. That is on us, not on them.\n\nI'll answer every comment below.",
        ),
        (
            "Our 2027 priorities on one page",
            "We will grow **service revenue to 30 %** of sales, halve warranty cost, and make both plants carbon-neutral in their own energy use. Every project we fund next year should move at least one of those three numbers. If yours doesn't, let's talk about it.",
        ),
    ],
    "head": [
        (
            "What a good week in {dept} looks like",
            "I get asked what I look at first on a Monday. It's not the dashboard. It's the list of things people escalated last week and whether anyone closed the loop.\n\nThis year in {dept} we're going to publish that list, so you can see what happened to what you raised.",
        ),
        (
            "Lessons from {dept}'s first year of communities of practice",
            "A year ago {dept} had a shared drive and a lot of e-mail. Now questions get answered in hours, by people in another site we'd never have thought to ask.\n\nThe lesson for me: **the best answers came from people without a manager title**. Keep asking in the open.",
        ),
    ],
}

INTERVIEWS = [
    (
        "Five minutes with {name}: keeping HX pumps running at 3 a.m.",
        "**What do you do at Harbourline?**\n\nI'm {title}. Most days that means the pumps our customers can't afford to stop.\n\n**What's the best lesson you've learned on the job?**\n\nWrite down what you did *before* you leave the site. At 3 a.m. you think you'll remember. You won't.\n\n**Who should ask you for help?**\n\nAnyone facing a seal failure they can't explain, or a vibration reading that looks wrong. Message me or ask in the community.",
    ),
    (
        "Meet {name}, who halved the Line 3 changeover",
        "**How did it start?**\n\nWe filmed a changeover and watched it together. Nobody enjoyed that hour, but it changed everything.\n\n**What surprised you?**\n\nHalf the time went on looking for tools. A shadow board fixed more than any new machine would have.\n\n**What's next?**\n\nLine 4 in Gdańsk — I'm helping their team run the same exercise.",
    ),
    (
        "Behind the numbers: a conversation with {name}",
        "**What does your week look like?**\n\nMonday is numbers, Tuesday to Thursday is with the teams, Friday is for the questions nobody asked yet.\n\n**One habit you'd recommend?**\n\nBefore you send a report, ask who will make a different decision because of it. If no one, don't send it.\n\n**Favourite tool?**\n\nA whiteboard. Then Power BI.",
    ),
    (
        "{name} on learning the job in six months",
        "**You joined less than a year ago. What helped most?**\n\nThe communities. I asked a question about ProFlow 3 settings in my first week and had three answers before lunch.\n\n**What would you tell a new starter?**\n\nAsk in the open. Someone else has the same question and is too shy to ask it.\n\n**What's on your desk right now?**\n\nA SealSafe kit I'm taking apart to understand it properly.",
    ),
]


def load(loader) -> str:
    rng = loader.rng
    ceo = [p for p in loader.people if p.plan.role == "ceo"]
    heads = [p for p in loader.people if p.plan.role == "head"]
    leaders = ceo[:1] + rng.sample(heads, min(3, len(heads)))
    posts = 0
    for leader in leaders:
        profile_leader_set(actor=loader.admin, member=leader.user, is_leader=True)
        bank = LEADER_POSTS["ceo" if leader.plan.role == "ceo" else "head"]
        department = Department.objects.filter(profiles__user=leader.user).first()
        dept = department.name if department else "our department"
        for n, (title, body) in enumerate(bank):
            item = content_item_create(
                actor=leader.user,
                kind="post",
                title=title.format(dept=dept),
                body=body.format(dept=dept),
                tags=["leadership"],
            )
            when = loader.ago(rng.uniform(2, 25) + n * 30)
            loader.item_dt[item.pk] = (when, when)
            loader.item_last[item.pk] = when
            posts += 1
    # Interviews: experts of public communities, written by someone else in that community.
    candidates = []
    for place in loader.places:
        if place.community.is_private:
            continue
        for person in place.experts:
            if all(person is not c for c, _ in candidates):
                candidates.append((person, place))
    rng.shuffle(candidates)
    interviews = 0
    for (title, body), (person, place) in zip(INTERVIEWS, candidates, strict=False):
        writers = [p for p in place.managers + place.people if p is not person]
        writer = rng.choice(writers) if writers else loader.people[0]
        name = person.user.get_full_name() or person.user.username
        item = interview_create(
            actor=writer.user,
            community=place.community if writer.pk in place.joined_ago else None,
            title=title.format(name=name),
            body=body.format(name=name, title=person.plan.title.lower()),
            tags=["interview"],
            data={"featured_member": person.user.username},
        )
        when = loader.ago(rng.uniform(3, 60))
        loader.item_dt[item.pk] = (when, when)
        loader.item_last[item.pk] = when
        loader.notification_dt[("interviewed", item.pk, person.pk)] = when
        interviews += 1
    return f"{len(leaders)} leaders, {posts} leadership posts, {interviews} interviews"
