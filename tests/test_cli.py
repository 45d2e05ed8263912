"""The `kit` command's library commands, run as a content lead would."""

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from kit.cli import _attach, cli
from kit.content.models import FILE_KINDS

_attach()


def test_check_passes_on_the_shipped_library():
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 7 audiences, 4 nations")


def test_plans_json_lists_every_plan(library):
    result = CliRunner().invoke(cli, ["plans", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["id"] for r in rows] == list(library.plans)
    for row in rows:
        assert set(row) == {"id", "audience", "title", "minutes"}
        plan = library.plans[row["id"]]
        assert row["minutes"] == sum(library.modules[m].minutes for m in plan.modules)
        assert row["minutes"] <= plan.duration


def test_plans_table_has_a_line_per_plan(library):
    result = CliRunner().invoke(cli, ["plans"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) == len(library.plans)


def test_schema_writes_one_valid_schema_per_kind(tmp_path):
    result = CliRunner().invoke(cli, ["schema", "--out", str(tmp_path / "schema")])
    assert result.exit_code == 0, result.output
    for kind in FILE_KINDS:
        schema = json.loads((tmp_path / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert schema["$schema"].endswith("2020-12/schema")
        assert schema["type"] == "object"


def test_schema_to_an_unwritable_place_is_a_plain_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["schema", "--out", str(blocker / "sub")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_unknown_command_and_bad_option_are_usage_errors():
    assert CliRunner().invoke(cli, ["frobnicate"]).exit_code == 2
    assert CliRunner().invoke(cli, ["plans", "--jsn"]).exit_code == 2


def test_console_script_runs_from_another_directory(tmp_path):
    env = {**os.environ, "PYTHONPATH": ""}
    result = subprocess.run([sys.executable, "-m", "kit", "check"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")
