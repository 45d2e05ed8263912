"""The stored versions of the force's own content: add one, read the newest, list them, revert.

One row per save, never updated: the newest row is what prints. A revert adds the older row's
content again as the newest, so the history keeps every step and who took it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from kit.db import LocalVersion, User

HISTORY_MAX = 200  # the history page shows the newest; older rows stay in the database


@dataclass(frozen=True)
class Content:
    """What a lead edits: the organisation's name and address line, its logo and links as YAML.

    The logo is the safe PNG the documents print and, when the lead uploaded an SVG, the cleaned SVG
    it was drawn from (kit.local.logo makes both)."""

    organisation: str = ""
    address: str = ""
    links_yaml: str = ""
    logo_png: bytes | None = None
    logo_svg: bytes | None = None


def content_of(row: LocalVersion | None) -> Content:
    """Return the content a stored version holds (empty when there is none)."""
    if row is None:
        return Content()
    return Content(row.organisation, row.address, row.links_yaml, row.logo_png, row.logo_svg)


def current_id(db: DbSession) -> int | None:
    """Return the id of the newest version (one cheap indexed query), or None when nothing was saved."""
    return db.scalar(select(func.max(LocalVersion.id)))


def current(db: DbSession) -> LocalVersion | None:
    """Return the newest version, or None."""
    return db.scalar(select(LocalVersion).order_by(LocalVersion.id.desc()).limit(1))


def get(db: DbSession, version_id: int) -> LocalVersion | None:
    """Return version VERSION_ID, or None."""
    return db.get(LocalVersion, version_id)


def history(db: DbSession) -> list[LocalVersion]:
    """Return the versions, newest first."""
    return list(db.scalars(select(LocalVersion).order_by(LocalVersion.id.desc()).limit(HISTORY_MAX)))


def save(db: DbSession, author: User, content: Content, reverted_from: int | None = None) -> LocalVersion:
    """Add CONTENT as the newest version, by AUTHOR, and commit it."""
    row = LocalVersion(author_id=author.id, author_email=author.email, organisation=content.organisation,
                       address=content.address, links_yaml=content.links_yaml, logo_png=content.logo_png,
                       logo_svg=content.logo_svg, reverted_from=reverted_from)
    db.add(row)
    db.commit()
    return row


def restore(db: DbSession, author: User, version_id: int) -> LocalVersion | None:
    """Add version VERSION_ID's content again as the newest version, by AUTHOR; None when there is no such version."""
    row = get(db, version_id)
    if row is None:
        return None
    return save(db, author, content_of(row), reverted_from=row.id)
