"""Back up and restore the whole database: accounts, sessions and delivery records.

SQLite is copied with its online backup API (a consistent copy while the app runs). PostgreSQL is
exported as portable JSON from one REPEATABLE READ snapshot (for a large force database, pg_dump
is the tool: see BACKUP_ADVICE). `restore` reads either kind, checks what it holds, and replaces
the target's rows in one transaction, so a failed restore leaves the database as it was. Either
kind restores into either database: a laptop's sessions can move to the force server.
Plain SQLAlchemy, no Flask: the CLI and the tests use it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, Table, create_engine, delete, insert, select, text
from sqlalchemy.engine import Connection

from kit.db import Base
from kit.db.engine import Database
from kit.sessions import codec

FORMAT = "safer-sessions-kit/backup"
SQLITE_MAGIC = b"SQLite format 3\x00"
SKIPPED = {"login_attempts"}  # failed sign-ins are not worth keeping
BACKUP_ADVICE = ("For a large PostgreSQL database, the server's own tool is faster: "
                 "pg_dump --format=custom --file=kit.dump DATABASE, and pg_restore --clean to bring it back.")


class BackupError(ValueError):
    """A backup cannot be written or restored; the message says why in plain words."""


@dataclass(frozen=True)
class Contents:
    """What a backup holds: row counts per table and the schema revision."""

    schema: str | None
    counts: dict[str, int]

    def summary(self) -> str:
        """Return e.g. '3 accounts, 12 sessions, 4 delivery records'."""
        names = (("users", "account"), ("sessions", "session"), ("deliveries", "delivery record"))
        return ", ".join(_count(self.counts.get(table, 0), noun) for table, noun in names)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def tables() -> list[Table]:
    """Return the tables a backup holds, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]


def _revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # noqa: BLE001 - no table: not a kit database
        return None


def _plain(value):
    """Return VALUE as JSON holds it (dates as ISO text, times in UTC)."""
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_rows(conn: Connection) -> dict[str, list[dict]]:
    """Return every row of every backed-up table on CONN, in primary-key order, as JSON values."""
    return {t.name: [{k: _plain(v) for k, v in row._mapping.items()}
                     for row in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in tables()}


def canonical_dump(database: Database) -> str:
    """Return the whole database as canonical JSON (for comparing a round trip)."""
    with database.engine.connect() as conn:
        return json.dumps(read_rows(conn), sort_keys=True, ensure_ascii=False, indent=1)


def _atomic_write(out: Path, write) -> None:
    """Call WRITE(temporary path) beside OUT, then move it into place (never a half-written OUT)."""
    if out.exists():
        raise BackupError(f"{out} already exists; choose a new file name (a backup never overwrites)")
    if not out.parent.is_dir():
        raise BackupError(f"the folder {out.parent} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=".kit-backup-", dir=out.parent)
    except OSError as exc:  # a read-only or special folder: say so, not the exception's name
        raise BackupError(f"cannot write {out}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        write(Path(temp))
        os.chmod(temp, 0o600)  # accounts and school contacts: owner only
        os.replace(temp, out)
    except OSError as exc:  # the disk filled or the folder went away mid-copy: nothing is left behind
        raise BackupError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def backup(database: Database, out: Path) -> Contents:
    """Write a consistent copy of DATABASE to OUT (SQLite file, or JSON for PostgreSQL)."""
    if database.engine.dialect.name == "sqlite":
        source = database.engine.url.database

        def write(temp: Path) -> None:
            src, dst = sqlite3.connect(source), sqlite3.connect(temp)
            try:
                src.backup(dst)  # SQLite's online backup: consistent even while the app writes
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            finally:
                dst.close()
                src.close()
    else:
        def write(temp: Path) -> None:
            snapshot = database.engine.connect().execution_options(isolation_level="REPEATABLE READ")
            with snapshot as conn, conn.begin():
                data = {"format": FORMAT, "version": 1, "schema": _revision(conn),
                        "made_at": dt.datetime.now(dt.UTC).isoformat(), "tables": read_rows(conn)}
            temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _atomic_write(out, write)
    return inspect(out)


def load(path: Path) -> tuple[str | None, dict[str, list[dict]]]:
    """Return (schema revision, rows per table) from a backup file; raise BackupError if unreadable."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        return _load_sqlite(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupError(f"{path} is neither a kit backup (JSON) nor a SQLite database") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("tables"), dict):
        raise BackupError(f"{path} is not a Safer Sessions Kit backup")
    return data.get("schema"), data["tables"]


def _load_sqlite(path: Path) -> tuple[str | None, dict[str, list[dict]]]:
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            if conn.execute(text("PRAGMA integrity_check")).scalar() != "ok":
                raise BackupError(f"{path} is damaged (SQLite integrity check failed)")
            return _revision(conn), read_rows(conn)
    except BackupError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reading failure is "not a usable backup"
        raise BackupError(f"{path} cannot be read as a kit database: {str(exc).splitlines()[0]}") from None
    finally:
        engine.dispose()


def inspect(path: Path) -> Contents:
    """Return what the backup at PATH holds, after checking it can be restored."""
    schema, rows = load(path)
    _check(rows)
    return Contents(schema, {name: len(rows.get(name, [])) for name in (t.name for t in tables())})


def _check(rows: dict[str, list[dict]]) -> None:
    """Raise BackupError unless every table is a list of rows and every session is readable."""
    for table in tables():
        value = rows.get(table.name, [])
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise BackupError(f"the backup's {table.name} are not a list of rows")
    for row in rows.get("sessions", []):
        try:
            codec.from_json(row.get("spec"))
        except codec.SpecError as exc:
            raise BackupError(f"session {row.get('id')} in the backup is unreadable: {exc}") from None


def _typed(table: Table, row: dict) -> dict:
    """Return ROW with JSON text turned back into the column types of TABLE."""
    typed = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(value, str) and isinstance(column.type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(value, str) and isinstance(column.type, Date):
            value = dt.date.fromisoformat(value)
        elif value is not None and isinstance(column.type, Boolean):
            value = bool(value)
        typed[column.name] = value
    return typed


def restore(database: Database, path: Path, head: str | None) -> Contents:
    """Replace every row of DATABASE with the backup at PATH, in one transaction; return what it held.

    HEAD is the schema revision DATABASE is at; a backup of another revision is refused.
    """
    schema, rows = load(path)
    _check(rows)
    if schema != head:
        raise BackupError(f"the backup was made at schema {schema or 'unknown'}, this kit is at {head}: "
                          "restore it with the kit version that made it, then upgrade")
    try:
        with database.engine.begin() as conn:
            for table in reversed(tables()):
                conn.execute(delete(table))
            for table in tables():
                if rows.get(table.name):
                    conn.execute(insert(table), [_typed(table, r) for r in rows[table.name]])
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn)
    except Exception as exc:  # noqa: BLE001 - the transaction rolled back; say why plainly
        raise BackupError(f"the backup could not be restored (nothing was changed): "
                          f"{str(getattr(exc, 'orig', None) or exc).splitlines()[0]}") from None
    return Contents(schema, {t.name: len(rows.get(t.name, [])) for t in tables()})


def _reset_sequences(conn: Connection) -> None:
    """Point each PostgreSQL id sequence past the restored ids, so new rows do not collide."""
    for table in tables():
        if "id" in table.columns and table.columns["id"].primary_key:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608 - our names
                              f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
