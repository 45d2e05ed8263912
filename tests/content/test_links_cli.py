"""`kit links check` and `kit review` as a content lead runs them, against a loopback server."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from kit.cli import links as links_cli
from kit.content import linkcheck
from kit.content.loader import load_checked
from tests.content.helpers import copy_library
from tests.content.linkserver import running


@pytest.fixture
def lessons(tmp_path):
    """Return a copy of the shipped library the test may change."""
    return copy_library(tmp_path)


@pytest.fixture
def served(monkeypatch, lessons):
    """Send each registry URL to a loopback path: the first link is gone, the rest answer OK."""
    library = load_checked(lessons)
    ids = [k.id for k in library.links.values() if k.url]
    with running() as base:
        paths = {link_id: "/ok" for link_id in ids} | {ids[0]: "/gone"}

        def rewritten(targets, **kwargs):
            local = [(i, base + paths[i], None) for i, _url, _title in targets]
            return linkcheck.check_links(local, **kwargs)

        monkeypatch.setattr(links_cli, "check_links", rewritten)
        yield ids


def run(*args):
    return CliRunner().invoke(links_cli.links_group, list(args), catch_exceptions=False)


def test_a_broken_link_exits_1_and_is_named(served, lessons):
    result = run("check", "--lessons", str(lessons), "--timeout", "5")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == [served[0], "gone"]
    assert all(line.split()[1] == "OK" for line in lines[1:-1])
    assert f"{len(served)} link(s) visited: 1 broken" in lines[-1]


def test_json_lists_every_visited_link(served, lessons):
    result = run("check", "--json", "--lessons", str(lessons))
    rows = json.loads(result.output)
    assert [r["id"] for r in rows] == served
    assert [r["status"] for r in rows] == ["gone"] + ["ok"] * (len(served) - 1)


def test_nothing_changes_without_mark_checked(served, lessons):
    before = (lessons / "links.yaml").read_bytes()
    run("check", "--lessons", str(lessons))
    assert (lessons / "links.yaml").read_bytes() == before


def test_mark_checked_records_today_for_the_links_that_passed(served, lessons):
    before = load_checked(lessons).links
    run("check", "--mark-checked", "--lessons", str(lessons))
    after = load_checked(lessons).links
    assert after[served[0]].checked == before[served[0]].checked
    assert all(after[i].checked == dt.date.today() for i in served[1:])


def test_mark_checked_by_records_who_checked(served, lessons):
    run("check", "--mark-checked", "--by", "  PC Sam   Jones ", "--lessons", str(lessons))
    after = load_checked(lessons).links
    assert all(after[i].checked_by == "PC Sam Jones" for i in served[1:])
    assert after[served[0]].checked_by != "PC Sam Jones"  # the gone link was not checked


def test_by_without_mark_checked_is_refused_before_any_visit(lessons):
    result = run("check", "--by", "PC Sam Jones", "--lessons", str(lessons))
    assert result.exit_code == 2
    assert "--by names who checked, for --mark-checked" in result.output


def test_review_lists_verify_links_and_drafts(lessons):
    result = CliRunner().invoke(links_cli.review_command, ["--lessons", str(lessons)])
    assert result.exit_code == 0
    verify = [k.id for k in load_checked(lessons).links.values() if k.status == "verify"]
    for link_id in verify:
        assert f"  link {link_id}: no official page has confirmed it yet" in result.output
    assert "Who looked last:" in result.output
    assert "Welsh: no Welsh speaker has reviewed any text yet" in result.output
    rows = json.loads(CliRunner().invoke(links_cli.review_command, ["--json", "--lessons", str(lessons)]).output)
    assert {r["kind"] for r in rows} >= {"welsh-draft"}


def test_a_timeout_out_of_range_is_refused_plainly(lessons):
    result = run("check", "--timeout", "0", "--lessons", str(lessons))
    assert result.exit_code == 2
    assert "--timeout" in result.output
