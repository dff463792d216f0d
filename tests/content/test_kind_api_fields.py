"""Kinds declare their own API fields (`Kind.api_schema`); content hard-codes none of them."""

import dataclasses

import pytest

from guildhall.content import kinds


def test_the_openapi_item_lists_every_kinds_declared_fields(client):
    item = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ItemOut"]
    declared = {
        (kind.name, name, text)
        for kind in kinds.all_kinds()
        for name, (_, text) in kind.api_schema.items()
    }
    assert {name for _, name, _ in declared} >= {"answer_count", "revision", "audio_url", "url"}
    for kind_name, name, text in declared:
        assert item["properties"][name]["description"] == f"{kind_name}: {text}"
        assert name not in item.get("required", [])


def test_two_kinds_cannot_give_one_field_two_types(monkeypatch):
    pin = kinds.get("pin")
    clash = dataclasses.replace(pin, name="clash", api_schema={"url": (int, "a number")})
    monkeypatch.setitem(kinds._kinds, "clash", clash)
    with pytest.raises(TypeError, match="'url' has two types"):
        kinds.api_schema()
