"""Composing demo items and comments from hand-written banks (the banks per topic: topics.py).

An item is a title template (with a shape: how-to, lessons learned, checklist, question...) plus
paragraphs, steps and lessons drawn from its topic's banks. One set of slot values (site, product,
customer, numbers...) is drawn per item and used throughout, so a post names one plant and one
product from its title to its last line.
"""

import random
import string
from dataclasses import dataclass

# --- slot values -----------------------------------------------------------------------------
SLOT_POOLS: dict[str, tuple[str, ...]] = {
    "plant": ("Leeds", "Gdańsk"),
    "site": ("Leeds", "Gdańsk", "Rotterdam", "Manchester", "Lyon"),
    "office": ("Manchester", "Lyon", "Rotterdam"),
    "line": ("2", "3", "4", "5", "7"),
    "product": (
        "HX-200 pump",
        "HX-400 pump",
        "Aquila valve",
        "ProFlow 3 controller",
        "SealSafe seal kit",
        "FlowSense sensor",
        "HX-60 dosing pump",
    ),
    "pump": ("HX-200 pump", "HX-400 pump", "HX-60 dosing pump"),
    "range": ("HX pump", "Aquila valve", "SealSafe seal", "FlowSense sensor", "ProFlow controller"),
    "customer": (
        "Northern Water",
        "Brightmilk Dairies",
        "Castell Chemicals",
        "Veldhoven Foods",
        "Rhône Eaux",
        "Baltic Breweries",
        "Severn Utilities",
        "Alpen Pharma",
    ),
    "supplier": (
        "Kessler Castings",
        "Midland Seals",
        "Nordic Motors",
        "Polcast",
        "Brabant Plastics",
        "Tees Fasteners",
    ),
    "system": ("SAP", "Salesforce", "ServiceNow", "Power BI", "the MES"),
    "quarter": ("Q1", "Q2", "Q3", "Q4"),
    "month": ("January", "February", "March", "April", "May", "June", "September", "October"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "n": ("two", "three", "four", "five", "six"),
    "n2": ("3", "4", "5", "6", "8", "12"),
    "pct": ("8", "12", "15", "18", "22", "27", "31", "40"),
    "pct2": ("5", "6", "9", "11", "14"),
    "weeks": ("two", "three", "four", "six", "eight", "ten"),
    "days": ("2", "3", "4", "5", "7", "10"),
    "hours": ("2", "3", "4", "6", "8"),
    "minutes": ("10", "15", "20", "25", "35", "45"),
    "money": ("£8k", "£12k", "£18k", "£25k", "£40k", "£60k", "£95k"),
    "count": ("40", "65", "120", "180", "250", "400"),
    "week_no": ("12", "19", "23", "31", "38", "44"),
}


def draw_slots(rng: random.Random, extra: dict[str, str] | None = None) -> dict[str, str]:
    slots = {name: rng.choice(values) for name, values in SLOT_POOLS.items()}
    if slots["site"] == slots["plant"]:
        slots["site"] = rng.choice(SLOT_POOLS["office"])
    slots.update(extra or {})
    return slots


class _Slots(dict):
    def __missing__(self, key: str) -> str:  # a bank line naming an unknown slot stays readable
        return key.replace("_", " ")


def fill(template: str, slots: dict[str, str]) -> str:
    text = string.Formatter().vformat(template, (), _Slots(slots))
    return text[:1].upper() + text[1:] if template.startswith("{") else text


# --- the shape of a topic's banks ------------------------------------------------------------
@dataclass(frozen=True)
class Topic:
    key: str
    tags: tuple[str, ...]
    # (shape, title template[, lead paragraph]). Shapes: howto, lessons, checklist, reflection,
    # question, open, incident, event, full (the lead paragraph is the whole body).
    posts: tuple[tuple[str, ...], ...]
    discussions: tuple[tuple[str, ...], ...]
    intros: tuple[str, ...]
    paragraphs: tuple[str, ...]
    steps: tuple[str, ...]
    lessons: tuple[str, ...]
    pitfalls: tuple[str, ...]
    questions: tuple[str, ...]
    # A comment may start with "[anchor|other] ": then it only goes on an item whose text
    # mentions one of the anchors (case-insensitive), so it never answers a point not made.
    comments: tuple[str, ...]
    closings: tuple[str, ...] = ()  # instead of the generic CLOSINGS (e.g. for a club)
    casual: bool = False  # a social community: no work-flavoured generic comments


# --- generic banks ---------------------------------------------------------------------------
HEADINGS = {
    "why": ("Why bother", "Why it matters", "Background", "The problem we had", "Context"),
    "how": ("How we do it", "The steps", "What we do now", "How it works", "Step by step"),
    "watch": ("Watch out for", "Pitfalls", "Where it goes wrong", "Things that caught us out"),
    "happened": ("What happened", "The story", "Where we started", "The situation"),
    "worked": ("What worked", "What went well", "Keep doing", "The good bits"),
    "differently": ("What we'd do differently", "Even better if", "Next time", "Lessons"),
    "checklist": ("The checklist", "Checklist", "Before you start", "The list"),
    "ask": ("What I'd like to hear", "Questions for you", "Over to you", "Help me out"),
    "causes": ("Why it happened", "Contributing factors", "What we found"),
    "changed": ("What we changed", "Actions", "Actions taken", "What's different now"),
    "details": ("Details", "The plan", "Practicalities", "Logistics"),
}

CLOSINGS = (
    "If you've tried something similar, tell me what I've missed in the comments.",
    "Happy to share the template — leave a comment and I'll send it over.",
    "Comments welcome, especially if you think this is wrong.",
    "I'll update this post as we learn more.",
    "Thanks to everyone at {site} who put up with my questions while we worked this out.",
    "If this would help your team, I'm happy to run a 30-minute walkthrough.",
    "Shout if anything here doesn't match what you see on your site.",
    "None of this is rocket science, but writing it down has already saved us time.",
    "Would love to compare notes with anyone doing this at another site.",
    "I've put the spreadsheet in the team folder; ask if you can't find it.",
    "More in a follow-up once we have another quarter of data.",
    "",
    "",
)

DISCUSSION_OPENERS = (
    "Looking for advice from the community on this one.",
    "Question for the group, and especially for the experts here.",
    "I'd value other sites' experience before we decide anything.",
    "Quick one — hoping someone has been here before.",
    "Throwing this open because I suspect we all do it differently.",
    "Bit of background first, then the question.",
    "Asking on behalf of my team at {site}.",
    "This came up in our team huddle on {weekday} and nobody had a good answer.",
)

DISCUSSION_ASKS = (
    "How do you handle this at your site?",
    "What has worked for you — and what hasn't?",
    "Would love to hear how other teams approach it.",
    "Any pointers welcome, even a 'we tried that and it failed'.",
    "Happy to summarise the answers for the group afterwards.",
    "Grateful for any experience, good or bad.",
    "If you've solved this, I'd love 15 minutes of your time.",
)

GENERIC_COMMENTS = (
    "Thanks for writing this up — we hit exactly the same issue at {site} last quarter.",
    "Really useful, {author}. Saving this for the next time someone asks me.",
    "This is the kind of post I wish I'd found in my first month here.",
    "Great write-up. Could you share the template you mentioned?",
    "We do something similar, but we review it weekly rather than monthly. Works well for us.",
    "Agree with most of this. The bit about getting the supervisors involved early is the key.",
    "Bookmarked. Would you be up for presenting this at the next community call?",
    "Interesting — how long did it take before you saw a difference?",
    "I'd add one thing: write down *who* owns each action, not just what it is.",
    "We tried this at {site} and it stuck for about six weeks. Curious how you kept it going.",
    "Clear and practical. Sharing with my team.",
    "Did you need sign-off from Finance for this, or was it within the site budget?",
    "Nice one. {mention} did something similar in Engineering — worth comparing notes.",
    "The numbers are impressive. What was the baseline measured against?",
    "Thanks {author}, this answers a question I was about to post.",
    "Small point: the link to the old procedure is out of date, the new one is on the intranet.",
    "Would this work on night shift too? Fewer people around to help.",
    "Love the honesty in the 'what we'd do differently' section.",
    "+1 to this. We learned the same thing the hard way.",
    "Could we turn this into a one-page guide for new starters?",
    "I'm going to try this next week and report back.",
    "How did you get people to actually use it rather than work around it?",
    "Echoing the others — thank you. This is what the community is for.",
    "Brilliant. Forwarded to {colleague}, who is wrestling with the same thing.",
    "Out of interest, what did you use to track it — a spreadsheet or {system}?",
    "Mostly agree, but I think the first step depends a lot on the site.",
    "Good reminder. It's easy to skip this when everyone is busy.",
    "Can I reuse this in our onboarding pack? With credit, of course.",
    "Helpful. One question: what happens when the person who owns it is on holiday?",
    "I was sceptical, but the before/after is convincing.",
    "We should get this into the standard work. Who owns that document now?",
    "Thanks — I'd not thought about it that way.",
    "Great to see this shared openly. The lessons learned are the most valuable bit.",
    "Adding to my reading list for the train home.",
)

DISCUSSION_COMMENTS = (
    "Following — we have the same question at {site}.",
    "Good question. We haven't cracked it either, so I'm keen to see the answers.",
    "We tried a few things. What worked best was keeping it simple and reviewing it weekly.",
    "At {site} we agreed a rule of thumb and wrote it on the board. Not perfect, but consistent.",
    "It depends on the volumes. For the high runners we do it properly; the rest, by judgement.",
    "We had this discussion last year. The short answer: involve the people who do the work.",
    "I'd start by asking what decision the answer will change.",
    "Not an answer, but a +1 — this affects us in {office} as well.",
    "We used to do it centrally; moving it to the sites worked much better for us.",
    "Honestly, we still argue about this. Would love a community standard.",
    "I can share what we do in {month} once it's been running a bit longer.",
    "We trialled two approaches for {weeks} weeks each and kept the simpler one.",
    "Whatever you choose, write it down and give it an owner.",
    "There's an old procedure on the intranet, but it's out of date. Happy to help rewrite it.",
    "Could we make this the topic of the next community call?",
)

REFLECTION_COMMENTS = (
    "Really enjoyed this, {author}. Thanks for sharing.",
    "This resonates a lot.",
    "Thanks for being so open about this.",
    "Lovely post — made my afternoon.",
    "Saving this for my next one-to-one.",
    "I had a very similar experience when I moved to {site}.",
    "More posts like this please.",
    "Great read. The bit about asking for help is so true.",
    "Thank you, {author}. Sharing with my team.",
    "This is why I like this place.",
)

# Replies depend on who replies and whether the comment they answer asked something.
AUTHOR_ANSWERS = (  # the author of a post answers a question about it
    "Good question, {commenter} — about {weeks} weeks before it felt normal, longer for the "
    "numbers.",
    "Happy to share it. I'll send it over this afternoon.",
    "Fair challenge. I'll check with {colleague} and come back to you.",
    "Yes, happy to present it. Who's organising the next call?",
    "Not yet, but it's on the list for {quarter}.",
    "A spreadsheet at first, then {system} once it settled down.",
    "Honestly, mostly by making it the easiest option. If it's extra work, people skip it.",
    "Within budget, luckily. The bigger cost was people's time.",
    "Baseline was the previous {n2} months' average, same shift pattern.",
    "It held up on nights too, once the supervisors walked it through at handover.",
    "Yes — drop me a message, {commenter}, and I'll walk you through it.",
)
AUTHOR_THANKS = (  # ... or thanks a remark
    "Thanks {commenter}, glad it's useful.",
    "Thanks for the correction, {commenter} — updated.",
    "Really helpful, thank you. That's the angle I was missing.",
    "Great idea. {commenter}, would you be up for trying it with us?",
    "Appreciate it, {commenter}.",
    "That's a good addition — I'll put it in the next version.",
    "Ha, yes. We learned that one the hard way.",
)
ASKER_ANSWERS = (  # whoever opened a discussion answers a question back
    "Mostly at {site} for now, but the other sites will follow if it works.",
    "Not yet — that's partly why I'm asking.",
    "About {weeks} weeks, if it goes to plan.",
    "Good point. {colleague} is involved too, so we'll check.",
    "Roughly {count} a month, and growing.",
)
ASKER_THANKS = (  # ... or thanks an answer
    "Thanks {commenter}, that's really helpful.",
    "Good idea — I'll try that and report back.",
    "That's what I was afraid of! Thanks for being honest.",
    "Really useful. I'll summarise the thread once a few more people have chimed in.",
    "Thanks — I've sent you a message, {commenter}.",
    "Makes sense. How long did it take to settle in?",
)
OTHER_ANSWERS = (  # a third member on a question
    "Following — I'd like to know too.",
    "Good question; same here at {site}.",
    "{mention} would know the answer to that.",
    "I think {colleague} has the latest figures — worth asking.",
)
OTHER_REPLIES = (  # ... or on a remark
    "Agree with {commenter}.",
    "+1 to this.",
    "Same experience here at {site}.",
    "Good shout — {mention} would be the right person to ask.",
    "We saw the same thing at {site} in {month}.",
    "Interesting — we found the opposite at {site}, but our volumes are lower.",
    "{commenter}, I can send you ours if it helps.",
    "Exactly this.",
    "Ha, yes. We learned that one the hard way too.",
)

CASUAL_REPLIES = (
    "Thanks {commenter}!",
    "See you there!",
    "Ha, yes!",
    "Brilliant, thank you.",
    "Count me in too.",
    "Same here.",
)

CONNECTOR_COMMENTS = (
    "{mention} — this is right up your street, you ran the pilot at {site}.",
    "Looping in {mention}, who knows more about this than anyone I know.",
    "{mention} might be able to help; they solved something very similar last year.",
    "Have you spoken to {mention}? They wrote the original procedure.",
    "Tagging {mention} so this doesn't get lost.",
)


def pick_distinct(rng: random.Random, bank: tuple[str, ...], k: int) -> list[str]:
    return rng.sample(bank, k=min(k, len(bank)))


def _heading(rng: random.Random, key: str) -> str:
    return "## " + rng.choice(HEADINGS[key])


def _bullets(lines: list[str], numbered: bool = False) -> str:
    return "\n".join(f"{i}. {line}" if numbered else f"- {line}" for i, line in enumerate(lines, 1))


def compose_body(rng: random.Random, topic: Topic, shape: str, lead: str = "") -> str:
    """The item's body as Markdown, with {slots} still to fill.

    `lead` is the title's own first paragraph, when the bank has one: it tells the story the
    title promises (an incident, a personal experience); the topic's paragraphs follow.
    """
    intro = rng.choice(topic.intros)
    paras = pick_distinct(rng, topic.paragraphs, 3)
    if lead:
        paras = [lead, *paras[:2]]
    closing = rng.choice(topic.closings or CLOSINGS)
    if shape == "howto":
        parts = [
            intro,
            _heading(rng, "why"),
            paras[0],
            _heading(rng, "how"),
            _bullets(pick_distinct(rng, topic.steps, rng.randint(4, 6)), numbered=True),
            _heading(rng, "watch"),
            _bullets(pick_distinct(rng, topic.pitfalls, rng.randint(2, 3))),
            closing,
        ]
    elif shape == "lessons":
        parts = [
            intro,
            _heading(rng, "happened"),
            paras[0],
            paras[1],
            _heading(rng, "worked"),
            _bullets(pick_distinct(rng, topic.lessons, 3)),
            _heading(rng, "differently"),
            _bullets(pick_distinct(rng, topic.pitfalls, 2)),
            closing,
        ]
    elif shape == "checklist":
        parts = [
            intro,
            _heading(rng, "checklist"),
            _bullets(pick_distinct(rng, topic.steps, rng.randint(6, 8))),
            paras[0],
            closing,
        ]
    elif shape == "full":  # the bank wrote the whole body
        parts = [intro, lead, closing] if rng.random() < 0.6 else [lead, closing]
    elif shape == "incident" and lead:
        parts = [intro, _heading(rng, "happened"), lead, rng.choice(topic.questions)]
    elif shape == "incident":
        parts = [
            intro,
            _heading(rng, "happened"),
            paras[0],
            _heading(rng, "causes"),
            _bullets(pick_distinct(rng, topic.lessons, 3)),
            _heading(rng, "changed"),
            _bullets(pick_distinct(rng, topic.steps, 3)),
            rng.choice(topic.questions),
        ]
    elif shape == "question":
        opener = rng.choice(topic.intros if topic.casual else DISCUSSION_OPENERS)
        parts = [opener, paras[0], rng.choice(DISCUSSION_ASKS)]
    elif shape == "open":
        parts = [
            rng.choice(topic.intros if topic.casual else DISCUSSION_OPENERS),
            paras[0],
            _heading(rng, "ask"),
            _bullets(pick_distinct(rng, topic.questions, rng.randint(2, 3))),
        ]
    elif shape == "event":
        details = _bullets(pick_distinct(rng, topic.steps, 4))
        parts = [paras[0] if lead else intro, paras[1], _heading(rng, "details"), details]
    else:  # reflection
        parts = [intro, *paras[: rng.randint(2, 3)], closing]
        if lead and rng.random() < 0.5:
            parts.pop(0)  # the lead is a good enough opening on its own
    return "\n\n".join(p.strip() for p in parts if p.strip())


def compose_item(
    rng: random.Random, topic: Topic, title_template: tuple[str, ...], slots: dict[str, str]
) -> tuple[str, str, list[str]]:
    """(title, Markdown body, tags) for one item of `topic`.

    `title_template` is (shape, title) or (shape, title, lead paragraph).
    """
    shape, template, *rest = title_template
    title = fill(template, slots)
    body = fill(compose_body(rng, topic, shape, rest[0] if rest else ""), slots)
    tags = pick_distinct(rng, topic.tags, rng.randint(1, 3))
    return title, body, tags


def fitting_comments(topic: Topic, context: str) -> list[str]:
    """The topic's comments that suit an item with this text (see Topic.comments)."""
    text = context.lower()
    fitting = []
    for comment in topic.comments:
        if comment.startswith("["):
            anchors, comment = comment[1:].split("] ", 1)
            if not any(a.lower() in text for a in anchors.split("|")):
                continue
        fitting.append(comment)
    return fitting


def compose_comment(
    rng: random.Random,
    topic: Topic,
    slots: dict[str, str],
    *,
    shape: str,
    parent: str | None = None,
    by_author: bool = False,
    context: str = "",
) -> str:
    """A comment on an item of `topic`, or a reply to the comment whose text is `parent`.

    A reply's bank depends on who replies (the item's author or someone else), on whether the
    item is a discussion (its author asked) and on whether `parent` asked a question.
    `context` is the item's title and body, for the topic comments' anchors.
    """
    if parent is not None:
        asked = parent.rstrip().endswith("?")
        if topic.casual:
            bank = CASUAL_REPLIES
        elif by_author and shape in ("question", "open"):
            bank = ASKER_ANSWERS if asked else ASKER_THANKS
        elif by_author:
            bank = AUTHOR_ANSWERS if asked else AUTHOR_THANKS
        else:
            bank = OTHER_ANSWERS if asked else OTHER_REPLIES
        return fill(rng.choice(bank), slots)
    roll = rng.random()
    fitting = fitting_comments(topic, context)
    if fitting and (topic.casual or roll < 0.5):
        template = rng.choice(fitting)
    elif roll < 0.6 and slots.get("mention"):
        template = rng.choice(CONNECTOR_COMMENTS)
    elif shape in ("question", "open"):
        template = rng.choice(DISCUSSION_COMMENTS)
    elif shape in ("reflection", "event"):
        template = rng.choice(REFLECTION_COMMENTS)
    else:
        template = rng.choice(GENERIC_COMMENTS)
    return fill(template, slots)
