"""The lead's team page shows each account's last sign-in; the dashboard lists, searches and sorts
sessions by school, date and nation, so those are columns beside the stored spec.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""
import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("sessions", sa.Column("nation", sa.String(40), nullable=False, server_default=""))
    op.add_column("sessions", sa.Column("school", sa.String(120), nullable=False, server_default=""))
    op.add_column("sessions", sa.Column("session_date", sa.Date(), nullable=True))
    op.create_index("ix_sessions_session_date", "sessions", ["session_date"])
    sessions = sa.table("sessions", sa.column("id", sa.Integer), sa.column("spec", sa.Text),
                        sa.column("nation", sa.String), sa.column("school", sa.String),
                        sa.column("session_date", sa.Date))
    conn = op.get_bind()
    for row in conn.execute(sa.select(sessions.c.id, sessions.c.spec)).all():
        try:  # copy the three details out of each stored spec; an unreadable one keeps the defaults
            spec = json.loads(row.spec)
            day = dt.date.fromisoformat(spec["date"]) if spec.get("date") else None
            values = {"nation": str(spec.get("nation") or "")[:40], "school": str(spec.get("school") or "")[:120],
                      "session_date": day}
        except (ValueError, TypeError, AttributeError):
            continue
        conn.execute(sa.update(sessions).where(sessions.c.id == row.id).values(**values))


def downgrade() -> None:
    op.drop_index("ix_sessions_session_date", "sessions")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("session_date")
        batch.drop_column("school")
        batch.drop_column("nation")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("last_sign_in_at")
