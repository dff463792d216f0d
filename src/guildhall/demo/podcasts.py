"""Demo data for podcasts (see demo/extensions.py): short expert tips with real, generated audio.

The audio is a few seconds of synthesised chimes per episode (8 kHz, 8-bit mono WAV, about
30 KB each), so the player, the duration, the feed's enclosures and listens all work for real.
"""

import io
import math
import wave

from django.core.files.base import ContentFile

from guildhall.podcasts.services import episode_create, episode_listen

RATE = 8000
# (community slug, title, show notes, tags, notes of the chime in Hz)
EPISODES = [
    (
        "field-engineers",
        "Two-minute tip: reading a failed mechanical seal",
        """Before you order a replacement seal, look at the one you took out. The faces tell you
why it failed.

- **Heat checking** (fine radial cracks): the seal ran dry. Check the flush line and the
  suction conditions before you fit the new one.
- **Chipped edges**: cavitation or a hard start. Ask the operator how the pump was started.
- **Even wear, nothing else**: it simply reached its life. Note the hours on the job sheet.

Photos of each case are in the *Seal replacement procedure rev C* document.""",
        "seals, fault-finding, pumps",
        (523, 659, 784),
    ),
    (
        "field-engineers",
        "Commissioning a VX valve actuator without the laptop",
        """The VX-200 actuator can be commissioned from the local panel when the customer's
network won't let our laptop in.

1. Hold **SET** for five seconds until the LED blinks amber.
2. Drive to fully closed, press SET; drive to fully open, press SET.
3. Check the end stops with a manual stroke before you hand over.

Firmware 3.2 and later only.""",
        "commissioning, actuators, valves",
        (440, 554, 659),
    ),
    (
        "field-engineers",
        "Vibration readings: what 'normal' looks like on an HL-40 pump",
        """A quick reference for the HL-40 end-suction pump at 2,900 rpm: below **2.8 mm/s RMS**
at the bearing housing is healthy; 2.8 to 4.5 is worth a note on the report; above 7.1, stop
and call Technical Support. Always measure at the same three points marked on the housing.""",
        "vibration, condition-monitoring",
        (392, 494, 587),
    ),
    (
        "lean-continuous-improvement",
        "Running a five-minute stand-up at the test bay",
        """What the Valve Assembly team changed to keep the morning stand-up under five minutes:
one board, three questions (yesterday's misses, today's risks, help needed), and problems
taken offline with an owner's name on a card. Try it for two weeks before judging.""",
        "stand-up, visual-management",
        (587, 740, 880),
    ),
    (
        "lean-continuous-improvement",
        "SMED on the CNC cell: where our 22 minutes went",
        """We filmed a changeover on the Mazak cell and found 22 minutes of it happened with the
machine stopped but could have been done while it ran: finding the fixture, the torque wrench
and the first-off gauge. Kits on a trolley took the changeover from 41 to 19 minutes.""",
        "smed, changeover, machining",
        (349, 440, 523),
    ),
    (
        "supply-chain-practice",
        "Why we expedite less since we started weekly supplier calls",
        """Expedite requests to our casting suppliers fell by a third after we moved from
emailing late orders to a fixed 20-minute call every Tuesday. The call looks four weeks
ahead, not at what is already late. The Q3 supplier scorecard has the numbers.""",
        "suppliers, expediting",
        (494, 622, 740),
    ),
    (
        "customer-experience-network",
        "Calling back a customer after a warranty claim",
        """A warranty claim closed in the system is not a closed conversation. Call the customer
within a week of the replacement part arriving: ask whether it is running, whether the
installer had what they needed, and what we could have done faster.""",
        "warranty, customer-calls",
        (659, 784, 988),
    ),
    (
        "safety-incident-review",
        "Lessons from the Line 3 hydraulic near-miss",
        """What happened, in two minutes: a test rig was opened with 40 bar still trapped behind
a closed valve. Nobody was hurt. The fix is already on the rig: a second gauge downstream of
the valve and a *zero-pressure check* line on the permit. Please brief your teams this week.""",
        "near-miss, hydraulics, permits",
        (330, 415, 494),
    ),
]


def chime_wav(notes: tuple[int, ...], seconds: float = 4.0) -> bytes:
    """A short chime: each note fades in turn, over a soft hum."""
    frames = bytearray()
    total = int(seconds * RATE)
    step = total // len(notes)
    for i in range(total):
        t = i / RATE
        note = notes[min(i // step, len(notes) - 1)]
        local = (i % step) / RATE
        envelope = math.exp(-3.0 * local)
        value = 0.55 * envelope * math.sin(2 * math.pi * note * t)
        value += 0.08 * math.sin(2 * math.pi * 110 * t)
        frames.append(128 + int(100 * value))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def load(loader) -> str:
    places = {place.community.slug: place for place in loader.places}
    created = listens = 0
    for n, (slug, title, notes, tags, chime) in enumerate(EPISODES):
        place = places.get(slug)
        if place is None or not place.people:
            continue
        authors = place.experts or place.managers or place.people
        author = loader.rng.choice(authors)
        seconds = 3.0 + (n % 4)
        item = episode_create(
            actor=author.user,
            community=place.community,
            title=title,
            body=notes,
            tags=tags,
            file=ContentFile(chime_wav(chime, seconds), name=f"episode-{n + 1}.wav"),
        )
        days = loader.rng.uniform(3, 120)
        loader.item_dt[item.pk] = (loader.ago(days), loader.ago(days))
        loader.item_last[item.pk] = loader.ago(days)
        created += 1
        audience = [p for p in place.people if p is not author]
        for listener in loader.rng.sample(audience, min(len(audience), loader.rng.randint(3, 12))):
            listens += episode_listen(actor=listener.user, item=item)
    return f"{created} episodes, {listens} listens"
