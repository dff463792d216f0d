"""Static files for production (core/staticfiles.py): collected once per change, hashed and
compressed. The served headers are checked against the real `guildhall serve` in
test_management_commands.py."""

import json

from guildhall.core.staticfiles import CompressedManifestStorage, collect_if_changed
from tests.live import environment


def test_static_files_are_collected_hashed_and_compressed_once_per_change(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    env = environment(tmp_path)

    assert collect_if_changed(env) is True
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["guildhall/guildhall.css"]
    assert hashed != "guildhall/guildhall.css" and hashed.endswith(".css")
    for suffix in ("", ".gz", ".br"):
        assert (tmp_path / "static" / f"{hashed}{suffix}").is_file()

    assert collect_if_changed(env) is False  # nothing changed: a restart collects nothing


def test_pages_name_the_hashed_files_through_the_remembered_manifest(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    collect_if_changed(environment(tmp_path))
    hashed = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    storage = CompressedManifestStorage(location=tmp_path / "static")
    for _ in range(2):  # the second answer comes from memory, and is the same
        assert (
            storage.url("guildhall/guildhall.css") == f"/static/{hashed['guildhall/guildhall.css']}"
        )
