"""Review dates: what is due, and recording a check without disturbing the rest of links.yaml."""

import datetime as dt
import os
import re

import pytest

from kit.content.loader import load, load_checked
from kit.content.review import BY_THE_TOOL, STALE_AFTER, due, last_checks, mark_checked, stale_links
from tests.content.helpers import copy_library, module_yaml


def test_marking_checked_changes_only_those_dates(tmp_path):
    root = copy_library(tmp_path)
    links_file = root / "links.yaml"
    os.chmod(links_file, 0o640)
    before = links_file.read_text(encoding="utf-8").splitlines()
    library = load_checked(root)
    chosen = list(library.links)[:2]
    today = dt.date(2031, 2, 3)

    mark_checked(library, chosen, today, by="PC Sam Jones: schools officer")

    after = links_file.read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 2 * len(chosen)  # the date and who checked, nothing else
    assert sorted(after[i].strip() for i in changed) == (
        ["checked: 2031-02-03"] * len(chosen) + ['checked_by: "PC Sam Jones: schools officer"'] * len(chosen))
    reloaded = load_checked(root)
    for link_id, link in reloaded.links.items():
        expected = today if link_id in chosen else library.links[link_id].checked
        assert link.checked == expected
        expected_by = "PC Sam Jones: schools officer" if link_id in chosen else library.links[link_id].checked_by
        assert link.checked_by == expected_by
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


def test_a_check_without_a_name_says_the_tool_checked_and_adds_the_line_where_missing(tmp_path):
    root = copy_library(tmp_path)
    links_file = root / "links.yaml"
    links_file.write_text("".join(line for line in links_file.read_text(encoding="utf-8").splitlines(keepends=True)
                                  if "checked_by:" not in line), encoding="utf-8")
    library = load_checked(root)
    first, second = list(library.links)[:2]
    assert library.links[first].checked_by is None

    mark_checked(library, [first, second], dt.date(2031, 2, 3))

    reloaded = load_checked(root)
    assert [reloaded.links[i].checked_by for i in (first, second)] == [BY_THE_TOOL, BY_THE_TOOL]
    assert all(link.checked_by is None for i, link in reloaded.links.items() if i not in (first, second))
    line = reloaded.origins[("links", first)].line("checked_by")
    assert line == reloaded.origins[("links", first)].line("checked") + 1


def test_due_says_who_checked_each_link_and_that_no_welsh_speaker_has_reviewed(library):
    items = due(library, max(link.checked for link in library.links.values()))
    for d in (d for d in items if d.kind == "link-verify"):
        link = library.links[d.item.removeprefix("link ")]
        assert d.by == link.checked_by and d.date == link.checked.isoformat()
        assert f"last checked {link.checked} by {link.checked_by}" in d.reason
    drafts = [d for d in items if d.kind == "welsh-draft"]
    assert drafts and all(d.by is None and d.reason.endswith("no Welsh speaker has reviewed it") for d in drafts)
    assert "Welsh: no Welsh speaker has reviewed any text yet" in last_checks(library)


APPROVED = ("title: {en: \"What Jas can do\", cy: \"Beth all Jas ei wneud\", cy_review: draft}",
            "title: {en: \"What Jas can do\", cy: \"Beth all Jas ei wneud\", cy_review: approved}")


def test_approved_welsh_names_its_reviewer(tmp_path):
    root = copy_library(tmp_path)
    module = root / "modules/ls-what-to-do.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace(*APPROVED), encoding="utf-8")
    library, problems = load(root)
    first = module.read_text(encoding="utf-8").splitlines().index("id: ls-what-to-do") + 1  # the item's own line
    assert [str(p) for p in problems] == [
        f"lessons/modules/ls-what-to-do.yaml:{first}: cy_reviewed: Welsh marked approved needs cy_reviewed: "
        "{by: <Welsh speaker>, date: YYYY-MM-DD} on the item, saying who approved it and when"]

    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("audiences: [lower-secondary]\n", "audiences: [lower-secondary]\n"
                                   "cy_reviewed: {by: Welsh-medium teacher, date: 2031-01-05}\n"), encoding="utf-8")
    library, problems = load(root)
    assert problems == []
    [row] = [d for d in due(library, dt.date(2031, 1, 6)) if d.item == "module ls-what-to-do"]
    assert (row.by, row.date) == ("Welsh-medium teacher", "2031-01-05")
    assert "last reviewed by Welsh-medium teacher on 2031-01-05" in row.reason
    assert "1 Welsh reviewed by Welsh-medium teacher (latest 2031-01-05)" in last_checks(library)


def test_a_reviewer_with_no_welsh_to_review_is_refused(tmp_path):
    root = copy_library(tmp_path)
    text = module_yaml(id="english-only").replace("minutes: 15\n", "minutes: 15\ncy_reviewed: {by: Someone, "
                                                   "date: 2031-01-05}\n")
    (root / "modules/english-only.yaml").write_text(text, encoding="utf-8")
    _, problems = load(root)
    line = text.splitlines().index("cy_reviewed: {by: Someone, date: 2031-01-05}") + 1
    assert [str(p) for p in problems] == [f"lessons/modules/english-only.yaml:{line}: cy_reviewed: cy_reviewed is "
                                          "set but nothing here has Welsh (cy) text"]
