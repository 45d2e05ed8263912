"""The `kit` command's library commands, run as a content lead would."""

import json
import os
import re
import shlex
import subprocess
import sys

from click.testing import CliRunner

from kit.cli import cli
from kit.content.models import FILE_KINDS
from tests.serving import connect, free_port


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


def test_schema_says_where_it_wrote(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"wrote {len(FILE_KINDS)} JSON Schemas to {tmp_path / 'schema'}"


def test_schema_out_naming_a_file_says_so(tmp_path):
    (tmp_path / "taken").write_text("x")
    result = CliRunner().invoke(cli, ["schema", "--out", str(tmp_path / "taken")])
    assert result.exit_code == 2
    assert f"'{tmp_path / 'taken'}' is a file" in result.output


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


def test_check_reads_kit_lessons_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_LESSONS_DIR", str(tmp_path))
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert "no content library here" in result.output


def _yaml_as_json(value):
    """Return VALUE as JSON data (YAML dates become ISO strings), as an editor's validator sees it."""
    import datetime as dt

    if isinstance(value, dict):
        return {k: _yaml_as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_yaml_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_published_schemas_accept_the_shipped_library(tmp_path):
    import jsonschema

    from kit.content.loader import library_files
    from kit.content.yamlfile import parse
    from kit.paths import data_dir

    CliRunner().invoke(cli, ["schema", "--out", str(tmp_path)])
    root = data_dir("lessons")
    checked = 0
    for kind, path in library_files(root):
        if not path.exists():
            continue
        schema = json.loads((tmp_path / f"{kind}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(_yaml_as_json(parse(path.read_bytes()).value), schema)
        checked += 1
    assert checked >= 7


def test_published_schema_rejects_an_unknown_field(tmp_path):
    import jsonschema
    import pytest

    CliRunner().invoke(cli, ["schema", "--out", str(tmp_path)])
    schema = json.loads((tmp_path / "plans.schema.json").read_text(encoding="utf-8"))
    plan = {"id": "p", "title": "T", "audience": "adults", "summary": "S", "duration": 60, "modules": ["m"]}
    jsonschema.validate(plan, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**plan, "colour": "red"}, schema)


def test_serve_refuses_unsafe_production_settings_plainly(tmp_path):
    env = {**os.environ, "KIT_ENV": "production", "KIT_SECRET_KEY": "dev",
           "KIT_INSTANCE_PATH": str(tmp_path / "inst")}
    result = subprocess.run([sys.executable, "-m", "kit", "serve", "--port", "1"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "refusing to start in production" in result.stderr
    assert "Traceback" not in result.stderr


def _get(url: str) -> int:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a loopback http URL
        return response.status


def test_serve_prints_the_address_the_first_account_command_and_an_access_log(tmp_path):
    port = free_port()
    env = {**os.environ, "KIT_INSTANCE_PATH": str(tmp_path / "inst")}
    proc = subprocess.Popen([sys.executable, "-m", "kit", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert f"http://localhost:{port}/" in proc.stdout.readline()
        assert proc.stdout.readline() == f"instance folder: {tmp_path / 'inst'}\n"
        first_run = proc.stdout.readline()
        assert "No accounts yet" in first_run and f"http://localhost:{port}/setup" in first_run
        assert re.search(r"the code \d{4}-\d{4}-\d{4} ", first_run)  # the browser's first-run page asks for it
        command = proc.stdout.readline().strip()
        assert command.endswith("users add you@force.police.uk --role lead")
        connect(port).close()
        assert _get(f"http://127.0.0.1:{port}/healthz") == 200
        assert '"GET /healthz HTTP/1.1" 200' in proc.stderr.readline()
        # The printed command, run from a shell without the app's settings, adds to the app's database.
        words = shlex.split(command.replace("you@", "first@"))
        settings = dict(w.split("=", 1) for w in words if "=" in w and w.startswith("KIT_"))
        bare = {k: v for k, v in os.environ.items() if not k.startswith("KIT_")}
        added = subprocess.run([w for w in words if w.split("=")[0] not in settings] + ["--password-stdin"],
                               env={**bare, **settings}, input="a long enough password\n",
                               capture_output=True, text=True, timeout=60)
        assert added.returncode == 0, added.stderr
        listed = subprocess.run([sys.executable, "-m", "kit", "users", "list"], env=env,
                                capture_output=True, text=True, timeout=60)
        assert "first@force.police.uk" in listed.stdout

        second = subprocess.run([sys.executable, "-m", "kit", "serve", "--port", str(port)], env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert f"port {port} on 127.0.0.1 is already in use" in second.stderr
        assert "--port" in second.stderr and "Traceback" not in second.stderr
        assert "running" not in second.stdout
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


def test_unreachable_database_is_a_plain_message_without_the_password(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "inst"))
    for url in ("postgresql+psycopg://kit:hunter2@127.0.0.1:1/kit", "bogus://nowhere"):
        monkeypatch.setenv("KIT_DATABASE_URL", url)
        for args in (["users", "list"], ["db", "upgrade"]):
            result = CliRunner().invoke(cli, args)
            assert result.exit_code in (1, 2), result.output
            assert "cannot open the database at" in result.output
            assert "hunter2" not in result.output
            assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
