"""`kit quiz export` and `kit quiz import`: quizzes to and from the tools schools already use."""

from __future__ import annotations

from pathlib import Path

import click

from kit.cli.group import cli
from kit.cli.options import lessons_dir, lessons_option, open_library
from kit.content.vocab import AUDIENCES, LANGS
from kit.files import write_atomically
from kit.quiz.formats import FORMATS
from kit.quiz.importer import READERS, guess_format, import_quiz
from kit.quiz.model import Quiz


@cli.group("quiz")
def quiz_group() -> None:
    """Export a plan's quiz for Moodle, Kahoot and others, or import GIFT and Aiken questions."""


def plan_quiz(library, plan_id: str, lang: str) -> Quiz:
    """Return the quiz of PLAN_ID in LANG, or raise a usage error naming the known plans."""
    if plan_id not in library.plans:
        known = ", ".join(library.plans) or "none"
        raise click.UsageError(f"unknown plan '{plan_id}'; known plans: {known}")
    plan = library.plans[plan_id]
    return Quiz(plan.title.get(lang), tuple(library.questions[q] for q in plan.questions), lang)


def _writable(out: Path) -> None:
    if out.is_dir():
        raise click.UsageError(f"--out {out} is a folder; give a file name, e.g. {out / 'quiz.gift.txt'}")
    if not out.parent.is_dir():
        raise click.ClickException(f"cannot write {out}: the folder {out.parent} does not exist")


@quiz_group.command("export")
@click.option("--plan", "plan_id", required=True, metavar="PLAN_ID", help="A ready-made plan (see `kit plans`).")
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)), help="The file format to write.")
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
              help="Language of the questions (cy: Welsh, English where a text has no Welsh).")
@click.option("--out", required=True, metavar="FILE", type=click.Path(path_type=Path), help="File to write.")
@lessons_option
def export_command(plan_id: str, fmt: str, lang: str, out: Path, lessons: str | None) -> None:
    """Write the quiz of a plan as FILE, and say which questions the format could not hold."""
    _writable(out)
    library = open_library(lessons, lint=True)
    quiz = plan_quiz(library, plan_id, lang)
    result = FORMATS[fmt].write(quiz)
    try:
        write_atomically(out, result.data)
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    for note in result.left_out:
        click.echo(str(note), err=True)
    drafts = quiz.welsh_drafts()
    if drafts:
        click.echo(f"The Welsh of {len(drafts)} question(s) is a draft awaiting review: {', '.join(drafts)}", err=True)
    click.echo(str(out))


@quiz_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--audience", required=True, type=click.Choice(AUDIENCES), help="Who the questions are for.")
@click.option("--format", "fmt", type=click.Choice(list(READERS)), default=None,
              help="gift or aiken (default: from the file's ending or its lines).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="Write the YAML here (default: print it).")
@lessons_option
def import_command(file: Path, audience: str, fmt: str | None, out: Path | None, lessons: str | None) -> None:
    """Turn a GIFT or Aiken FILE into draft library questions; report what it could not hold, by line."""
    try:
        source = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{file} is not UTF-8 text (byte {exc.start + 1}); save it as UTF-8") from None
    root = lessons_dir(lessons)
    library = open_library(lessons)
    fmt = fmt or guess_format(file, source)
    result = import_quiz(source, fmt, audience, root, set(library.questions), file.name,
                         str(out) if out else "<imported>")
    for found in result.found:
        click.echo(f"{file}:{found.line}: {'' if found.lost else 'to do: '}{found.message}", err=True)
    for problem in result.problems:
        click.echo(problem, err=True)
    if not result.count:
        raise click.ClickException(f"no question in {file} could be imported as {fmt}")
    if out is None:
        click.echo(result.yaml, nl=False)
    else:
        write_atomically(out, result.yaml.encode("utf-8"))
        click.echo(f"{out}: {result.count} draft question(s)", err=True)
    if any(found.lost for found in result.found) or result.problems:
        raise SystemExit(1)  # written, but not everything in the file made it: scripts should notice

