"""`kit links check` and `kit review`: keep the advice the kit prints current."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

import click

from kit.cli.group import Refusal, cli
from kit.cli.options import lessons_option, open_library
from kit.content.linkcheck import check_links
from kit.content.review import due, last_checks, mark_checked

STATUS_WORDS = {"ok": "OK", "moved": "moved", "gone": "gone", "failing": "failing", "changed": "changed"}


@cli.group("links")
def links_group() -> None:
    """Check the advice links in the registry."""


@links_group.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print the results as a JSON array.")
@click.option("--timeout", type=click.FloatRange(min=0.5, max=120), default=10, show_default=True,
              metavar="S", help="Seconds to wait for each link, redirects included.")
@click.option("--mark-checked", "mark", is_flag=True,
              help="Record today's date in links.yaml for every link that answered OK.")
@click.option("--by", "by", metavar="NAME", callback=lambda _c, _p, v: _checker(v),
              help="With --mark-checked: who checked the pages (a name or role), recorded as checked_by. "
                   "Without it, checked_by says the tool checked only that each address answered.")
@lessons_option
def check_command(as_json: bool, timeout: float, mark: bool, by: str | None, lessons: str | None) -> None:
    """Visit every URL in the registry; exit 1 when any is gone or failing."""
    if by and not mark:
        raise click.UsageError("--by names who checked, for --mark-checked: add --mark-checked or leave it out")
    library = open_library(lessons)
    targets = [(k.id, k.url, k.page_title) for k in library.links.values() if k.url]
    results = check_links(targets, timeout=timeout)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=2))
    else:
        _print_table(results, len(library.links) - len(targets))
    if mark:
        passed = [r.id for r in results if r.status == "ok"]
        if passed:
            try:
                paths = mark_checked(library, passed, dt.date.today(), by)
            except (ValueError, OSError) as exc:
                raise Refusal(f"nothing recorded: {exc}") from None
            where = " and ".join(str(p) for p in paths)
            click.echo(f"recorded today's date for {len(passed)} link(s) in {where}", err=as_json)
    if any(r.broken for r in results):
        raise SystemExit(1)


def _checker(value: str | None) -> str | None:
    """Return the --by NAME cleaned, or refuse one that cannot be a name on one line."""
    if value is None:
        return None
    value = " ".join(value.split())
    if not value or len(value) > 200:
        raise click.BadParameter("give a name or role of 1 to 200 characters", param_hint="--by")
    return value


def _print_table(results, phone_only: int) -> None:
    width = max((len(r.id) for r in results), default=2)
    for r in results:
        click.echo(f"{r.id:<{width}}  {STATUS_WORDS[r.status]:<7}  {r.url}  ({r.detail})")
    broken = sum(r.broken for r in results)
    attention = sum(r.status in ("moved", "changed") for r in results)
    summary = f"{len(results)} link(s) visited: {broken} broken, {attention} to look at"
    if phone_only:
        summary += f"; {phone_only} phone-only link(s) not visited"
    click.echo(summary)


@cli.command("review")
@click.option("--json", "as_json", is_flag=True, help="Print the items as a JSON array.")
@lessons_option
def review_command(as_json: bool, lessons: str | None) -> None:
    """List what is due for review (links unchecked for six months, `verify` links, Welsh drafts), with who
    checked or reviewed each last and when."""
    library = open_library(lessons)
    items = due(library, dt.date.today())
    if as_json:
        click.echo(json.dumps([vars(d) for d in items], ensure_ascii=False, indent=2))
        return
    titles = {"link-stale": "Links not checked for six months", "link-verify": "Links still to verify",
              "welsh-draft": "Welsh drafts"}
    for kind, title in titles.items():
        rows = [d for d in items if d.kind == kind]
        if rows:
            click.echo(f"{title} ({len(rows)}):")
            for d in rows:
                click.echo(f"  {d.item}: {d.reason}")
    if not items:
        click.echo("nothing is due for review")
    click.echo(last_checks(library))

