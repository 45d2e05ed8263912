"""Move a session between installs as a small YAML file: exported as it is, imported as new.

An import is validated like the new-session form (kit.sessions.validate): every module and
question must be in this install's library and fit its audience (or carry a reason), Welsh only
for Wales, an assembly for pupils only when the officer confirms it. It never overwrites: the
receiving install stores it as a new session with its own id, owned by whoever imports it.
"""

from __future__ import annotations

import datetime as dt
import json

import yaml

from kit.content import yamlfile
from kit.content.library import Library
from kit.sessions import codec, validate
from kit.sessions.model import SessionSpec

FORMAT = "safer-sessions-kit/session"
VERSION = 1
MAX_BYTES = 64 * 1024
HEADER = ("# A session from Safer Sessions Kit. Import it with 'Import a session' on your sessions page.\n"
          "# It holds the session's choices and notes for the school: never pupil details.\n")


class TransferError(ValueError):
    """A session file that cannot be imported; FIELD names the form field at fault, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def export_yaml(spec: SessionSpec) -> str:
    """Return SPEC as a session file."""
    document = {"format": FORMAT, "version": VERSION, "session": json.loads(codec.to_json(spec))}
    return HEADER + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def import_yaml(data: bytes, library: Library, assembly_confirmed: bool = False) -> SessionSpec:
    """Return the session in DATA, checked against LIBRARY; raise TransferError saying what is wrong."""
    if len(data) > MAX_BYTES:
        raise TransferError(f"the file is {len(data):,} bytes; a session file is at most {MAX_BYTES:,}")
    try:
        document = yamlfile.parse(data).value
    except yamlfile.YamlError as exc:
        where = f"line {exc.line}: " if exc.line else ""
        raise TransferError(f"the file is not a session file ({where}{exc.message})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TransferError("the file is not a Safer Sessions Kit session file")
    if document.get("version") != VERSION:
        raise TransferError(f"the file is version {document.get('version')}; this kit reads version {VERSION}")
    session = document.get("session")
    if isinstance(session, dict) and isinstance(session.get("date"), dt.date):
        session = {**session, "date": session["date"].isoformat()}  # an unquoted date in a hand-edited file
    try:
        spec = codec.from_json(json.dumps(session, ensure_ascii=False))
    except (codec.SpecError, TypeError, ValueError) as exc:
        raise TransferError(f"the session in the file is not valid: {exc}") from None
    found = validate.new_problems(library, spec, None, assembly_confirmed)
    if found:
        raise _refusal(found)
    return spec


def _refusal(found: dict[str, str]) -> TransferError:
    """Return one TransferError for the problems FOUND, naming the items at fault."""
    items = validate.items_of(found)
    details = [message for key, message in found.items() if not key.startswith("item:")]
    if items:
        details.append("it uses modules or questions this library does not have, or that are for other ages "
                       f"without a reason ({', '.join(items[:5])})")
    field = "confirm_assembly" if list(found) == ["confirm_assembly"] else None
    return TransferError("; ".join(details), field)
