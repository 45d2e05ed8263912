"""`kit report`: the outcome return (PDF and CSV files) for a period, every officer's deliveries."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from kit.cli.group import Refusal, cli
from kit.cli.options import lessons_dir, lessons_option
from kit.cli.users import app_database
from kit.config import instance_path, settings
from kit.content.loader import load_checked
from kit.outcomes import csvfiles
from kit.outcomes.figures import build, labeller
from kit.outcomes.period import read_filters
from kit.store import outcome_figures


def _day(value: str, option: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise Refusal(f"{option} '{value}' is not a date: use the form 2027-03-27", 2) from None


def _write(out: Path, files: dict[str, bytes]) -> None:
    """Write FILES into OUT, each whole or not at all (a temporary name, then a rename)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            temporary = out / f".{name}.part"
            temporary.write_bytes(data)
            os.replace(temporary, out / name)
    except OSError as exc:
        raise Refusal(f"cannot write to {out}: {exc.strerror or exc}") from None


@cli.command("report")
@click.option("--from", "start", required=True, metavar="DATE", help="First day of the period (2027-04-01).")
@click.option("--to", "end", required=True, metavar="DATE", help="Last day of the period, inclusive.")
@click.option("--out", required=True, metavar="DIR", help="Folder for outcome-return.pdf and the CSV files.")
@click.option("--audience", default="", metavar="ID", help="Only this audience (default: every audience).")
@click.option("--nation", default="", metavar="ID", help="Only this nation (default: every nation).")
@lessons_option
def report_command(start: str, end: str, out: str, audience: str, nation: str, lessons: str | None) -> None:
    """Write the outcome return for every officer's deliveries from --from to --to (PDF and CSV)."""
    args = {"from": _day(start, "--from"), "to": _day(end, "--to"), "audience": audience, "nation": nation}
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise Refusal(f"--out {out} is a file; give a folder", 2)
    library = load_checked(lessons_dir(lessons))
    today = dt.date.today()
    filters, problems = read_filters(args, today, library.audiences, library.nations, None)
    if problems:
        raise Refusal("; ".join(p.what for p in problems), 2)
    with app_database() as database:
        raw = outcome_figures.collect(database.session, filters)
    figures = build(raw, labeller(library, raw.officers))
    from kit.pdf import outcome_return  # noqa: PLC0415 - ReportLab loads only for this command

    organisation = settings(instance_path())["ORGANISATION"]
    files = {name: text.encode("utf-8") for name, text in csvfiles.files(figures, today).items()}
    files["outcome-return.pdf"] = outcome_return.render(figures, organisation, today)
    _write(target, files)
    click.echo(f"{figures.deliveries:,} sessions delivered, {figures.people} people reached, "
               f"{filters.start} to {filters.end}: wrote {len(files)} files to {target}")
