"""One set of rules for every way a session is saved: the details form, a builder change, keeping
my version after a conflict, and a session imported from another install.

A save may not add a problem the stored version did not have. Problems the stored version already
has (a module since taken out of the library) do not block unrelated changes.
"""

from __future__ import annotations

from kit.content.library import Library
from kit.sessions.builder import detail_problems, unexplained
from kit.sessions.model import SessionSpec, needs_assembly_warning

ASSEMBLY = "Tick the box to confirm an assembly, or choose another setting"


def details_problems(library: Library, audience: str, nation: str, lang: str, setting: str,
                     assembly_confirmed: bool) -> dict[str, str]:
    """Return field -> message for details that do not fit together or an unconfirmed assembly."""
    found = detail_problems(library, audience, nation, lang)
    if needs_assembly_warning(audience, setting) and not assembly_confirmed:
        found["confirm_assembly"] = ASSEMBLY
    return found


def problems(library: Library, spec: SessionSpec, assembly_confirmed: bool) -> dict[str, str]:
    """Return what is wrong with SPEC as a whole: field -> message, and 'item:ID' per wrong item."""
    found = details_problems(library, spec.audience, spec.nation, spec.lang, spec.setting, assembly_confirmed)
    for item_id in unexplained(spec, library):
        found[f"item:{item_id}"] = item_id
    return found


def new_problems(library: Library, spec: SessionSpec, before: SessionSpec | None,
                 assembly_confirmed: bool = False) -> dict[str, str]:
    """Return the problems SPEC would add over BEFORE, the stored version (None: a new session).

    An assembly stored before needs no new confirmation; the audience never changes in a save.
    """
    same_setting = before is not None and before.setting == spec.setting
    found = problems(library, spec, assembly_confirmed or same_setting)
    if before is None:
        return found
    if before.audience != spec.audience:
        found["audience"] = "A session's audience cannot change: start a new session for another audience"
    known = problems(library, before, True)
    return {key: message for key, message in found.items() if key not in known}


def items_of(found: dict[str, str]) -> list[str]:
    """Return the item ids among FOUND (unknown, or for other ages without a reason)."""
    return [message for key, message in found.items() if key.startswith("item:")]
