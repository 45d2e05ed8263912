"""Review dates: what is due, and recording a check without disturbing the rest of links.yaml."""

import datetime as dt
import os
import re

import pytest

from kit.content.loader import load_checked
from kit.content.review import STALE_AFTER, due, mark_checked, stale_links
from tests.content.helpers import copy_library


def test_marking_checked_changes_only_those_dates(tmp_path):
    root = copy_library(tmp_path)
    links_file = root / "links.yaml"
    os.chmod(links_file, 0o640)
    before = links_file.read_text(encoding="utf-8").splitlines()
    library = load_checked(root)
    chosen = list(library.links)[:2]
    today = dt.date(2031, 2, 3)

    mark_checked(library, chosen, today)

    after = links_file.read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == len(chosen)
    assert all(after[i].strip() == "checked: 2031-02-03" for i in changed)
    reloaded = load_checked(root)
    for link_id, link in reloaded.links.items():
        expected = today if link_id in chosen else library.links[link_id].checked
        assert link.checked == expected
    assert links_file.stat().st_mode & 0o777 == 0o640
    assert not list(root.glob(".links.yaml.*"))


def test_a_date_that_cannot_be_found_changes_nothing(tmp_path):
    root = copy_library(tmp_path)
    library = load_checked(root)
    links_file = root / "links.yaml"
    first = next(iter(library.links))
    line = library.origins[("links", first)].line("checked")
    text = links_file.read_text(encoding="utf-8").splitlines(keepends=True)
    text[line - 1] = "    # the checked line was moved by hand\n"
    links_file.write_text("".join(text), encoding="utf-8")
    original = links_file.read_bytes()

    with pytest.raises(ValueError, match=f"links.yaml:{line}: checked: .*'{first}'"):
        mark_checked(library, [first], dt.date(2031, 1, 1))
    assert links_file.read_bytes() == original


def test_due_lists_stale_and_verify_links_and_welsh_drafts(library):
    newest = max(link.checked for link in library.links.values())
    assert not [d for d in due(library, newest) if d.kind == "link-stale"]

    later = newest + STALE_AFTER + dt.timedelta(days=1)
    items = due(library, later)
    stale = {d.item for d in items if d.kind == "link-stale"}
    assert stale == {f"link {link_id}" for link_id in library.links}
    verify = {d.item for d in items if d.kind == "link-verify"}
    assert verify == {f"link {k.id}" for k in library.links.values() if k.status == "verify"}
    drafts = {d.item for d in items if d.kind == "welsh-draft"}
    assert any(item.startswith("module ") for item in drafts)


def test_stale_links_names_only_the_ones_asked_about(library):
    later = max(link.checked for link in library.links.values()) + STALE_AFTER + dt.timedelta(days=1)
    some = list(library.links)[:3]
    assert stale_links(library, later, some) == some
    assert stale_links(library, later, ["no-such-link"]) == []


def test_a_session_names_the_advice_past_its_review_date(library):
    from kit.sessions.model import assemble, from_plan

    spec = from_plan(library, "lower-secondary-core", "england", "en")
    fresh = assemble(library, spec, today=min(k.checked for k in library.links.values()))
    assert not [w for w in fresh.warnings if "six months" in w]
    later = max(k.checked for k in library.links.values()) + STALE_AFTER + dt.timedelta(days=1)
    stale = assemble(library, spec, today=later)
    [warning] = [w for w in stale.warnings if "six months" in w]
    for link in stale.links:
        assert f"{link.title.en} (checked {link.checked})" in warning


def test_export_warns_when_it_prints_advice_past_its_review_date(tmp_path):
    from click.testing import CliRunner

    from kit.cli.group import cli

    root = copy_library(tmp_path)
    links_file = root / "links.yaml"
    text = links_file.read_text(encoding="utf-8")
    links_file.write_text(re.sub(r"checked: \d{4}-\d{2}-\d{2}", "checked: 2020-01-01", text), encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "--plan", "lower-secondary-core", "--kind", "handout",
                                      "--out", str(tmp_path / "out"), "--lessons", str(root)])
    assert result.exit_code == 0, result.output
    assert "warning: advice not checked against its source for six months" in result.stderr
    assert "(checked 2020-01-01)" in result.stderr
