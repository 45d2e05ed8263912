"""The parse cache: a warm load equals a cold one, and a damaged cache is ignored."""

import json

import pytest

from kit.content.loader import load
from kit.content.parsecache import ParseCache, is_plain
from tests.content.helpers import copy_library, module_yaml


def snapshot(root):
    library, problems = load(root)
    return {k: getattr(library, k) for k in ("modules", "questions", "plans", "links")}, [str(p) for p in problems]


def test_warm_load_equals_cold_load(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    root = copy_library(tmp_path)
    cold = snapshot(root)
    assert list((tmp_path / "cache").glob("library-*.json"))
    assert snapshot(root) == cold


def load_after_an_edit(tmp_path, monkeypatch, summary: str):
    """Load a library with an extra module (filling the cache), change its summary, load again."""
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    root = copy_library(tmp_path)
    (root / "modules" / "extra.yaml").write_text(module_yaml(id="extra", summary="First."), encoding="utf-8")
    load(root)
    (root / "modules" / "extra.yaml").write_text(module_yaml(id="extra", summary=summary), encoding="utf-8")
    return load(root)


def test_changed_file_is_parsed_again(tmp_path, monkeypatch):
    library, _ = load_after_an_edit(tmp_path, monkeypatch, "Second.")
    assert library.modules["extra"].summary.en == "Second."


def test_damaged_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    root = copy_library(tmp_path)
    cold = snapshot(root)
    for path in (tmp_path / "cache").glob("library-*.json"):
        path.write_text('{"version": "kit-parse-cache-1", "entries": [1, 2', encoding="utf-8")
    assert snapshot(root) == cold


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CACHE_DIR", "off")
    cache = ParseCache(tmp_path)
    cache.put("k", {"a": 1})
    cache.save()
    assert not cache.enabled


def test_only_plain_values_are_cached():
    import datetime as dt

    assert is_plain({"a": [1, 2.5, "x", None, True]})
    assert not is_plain({"checked": dt.date(2026, 1, 1)})
    assert not is_plain({"x": float("nan")})
    assert json.loads(json.dumps({"a": [1, 2.5]})) == {"a": [1, 2.5]}


def test_fast_read_files_are_remembered_by_key_only(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    root = copy_library(tmp_path)
    cold = snapshot(root)
    [stored] = [json.loads(p.read_bytes()) for p in (tmp_path / "cache").glob("library-*.json")]
    assert stored["fast"]  # most shipped files: no value stored, the fast reader reads them again
    assert len(stored["entries"]) < len(stored["fast"])
    assert not set(stored["entries"]) & set(stored["fast"])
    assert snapshot(root) == cold


def test_verdicts_of_another_reader_are_not_trusted(tmp_path, monkeypatch):
    from kit.content import loader

    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    root = copy_library(tmp_path)
    cold = snapshot(root)
    monkeypatch.setattr(loader, "READER", "fastyaml-0/yaml_rs-0")
    monkeypatch.setattr(loader, "known_value", lambda text: pytest.fail("trusted an old verdict"))
    assert snapshot(root) == cold


def test_a_changed_file_loses_its_verdict(tmp_path, monkeypatch):
    _, problems = load_after_an_edit(tmp_path, monkeypatch, "no")
    assert any("which YAML reads as false" in str(p) for p in problems), problems
