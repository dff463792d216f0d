"""core.slots: a lower app asks a named slot; the upper app that fills it answers."""

import pytest

from guildhall.core.slots import Slots
from guildhall.home.contributions import contributions as home


def test_an_empty_slot_answers_its_default_and_a_filled_one_its_provider():
    slots = Slots("people", ["featured_in"])
    assert slots.call("featured_in", default=[], member="mia") == []
    slots.provide("featured_in")(lambda *, member: [f"interview with {member}"])
    assert slots.call("featured_in", default=[], member="mia") == ["interview with mia"]


def test_a_slot_is_provided_once_and_only_under_a_declared_name():
    slots = Slots("home", ["latest_news"])
    slots.provide("latest_news")(list)
    with pytest.raises(ValueError, match="already provided"):
        slots.provide("latest_news")(tuple)
    with pytest.raises(LookupError):
        slots.provide("latest_nwes")
    with pytest.raises(LookupError):
        slots.call("latest_nwes", default=[])


def test_the_installed_kinds_fill_homes_slots(db, member):
    # news and interviews are installed: their providers answer, not the defaults.
    assert home.call("latest_news", default=None, viewer=member, limit=5) == []
    assert home.call("featured_members", default=None, viewer=member, limit=3) == []
