"""Read the classroom counts file the presenter view and the offline pack write.

The format is agreed across the team (TEAM.md): JSON, UTF-8, under 64 KB, with
"format": "safer-sessions-kit/counts" and "version": 1. Anything else is refused in plain words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from kit.outcomes.delivery import RawDelivery
from kit.outcomes.keys import PHASES

FORMAT = "safer-sessions-kit/counts"
VERSION = 1
MAX_BYTES = 64 * 1024


class CountsFileError(ValueError):
    """The upload is not a counts file this kit can read; the message says why."""


@dataclass(frozen=True)
class CountsFile:
    """What a counts file says: the session it came from and the class's counts."""

    session_title: str
    audience: str
    present: object
    counts: dict

    def raw(self, delivered_on: object, reflection: str = "") -> RawDelivery:
        """Return the counts as a delivery to check, on DELIVERED_ON."""
        return RawDelivery(delivered_on, self.present, self.counts, reflection)


def _document(data: bytes) -> dict:
    """Return the JSON object in DATA, or raise CountsFileError."""
    if not data:
        raise CountsFileError("The file is empty: choose the counts file the presenter view saved")
    if len(data) > MAX_BYTES:
        raise CountsFileError(f"The file is {len(data) // 1024} KB; a counts file is under 64 KB")
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise CountsFileError("The file is not a counts file: it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise CountsFileError(f"The file is not a counts file: it is not valid JSON "
                              f"(line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CountsFileError(f"The file is not a counts file: it does not say \"format\": \"{FORMAT}\"")
    if document.get("version") != VERSION:
        raise CountsFileError(f"This counts file is version {document.get('version')!r}; "
                              f"this kit reads version {VERSION}")
    return document


def read(data: bytes) -> CountsFile:
    """Return the counts file in DATA, or raise CountsFileError saying what is wrong."""
    document = _document(data)
    counts = {}
    for phase in PHASES:
        section = document.get(phase, {})
        if not isinstance(section, dict) or not all(isinstance(v, dict) for v in section.values()):
            raise CountsFileError(f"The counts file's \"{phase}\" must map each question to its option counts")
        counts[phase] = section
    title, audience = document.get("session_title", ""), document.get("audience", "")
    if not isinstance(title, str) or not isinstance(audience, str):
        raise CountsFileError("The counts file's session_title and audience must be text")
    return CountsFile(title, audience, document.get("present"), counts)
