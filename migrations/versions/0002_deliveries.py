"""Delivery records: one row per delivery, its modules, per-question results and raw counts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _child(name: str, *columns: sa.Column) -> None:
    """Create a table keyed by its delivery plus COLUMNS, deleted with the delivery."""
    op.create_table(
        name,
        sa.Column("delivery_id", sa.Integer, sa.ForeignKey("deliveries.id", ondelete="CASCADE"),
                  primary_key=True),
        *columns,
    )


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="SET NULL"), nullable=True),
        sa.Column("session_title", sa.String(200), nullable=False),
        sa.Column("delivered_on", sa.Date, nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("audience", sa.String(40), nullable=False),
        sa.Column("nation", sa.String(40), nullable=False),
        sa.Column("school", sa.String(120), nullable=False),
        sa.Column("present", sa.Integer, nullable=False),
        sa.Column("gain", sa.Float, nullable=True),
        sa.Column("reflection", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_deliveries_session_id", "deliveries", ["session_id"])
    op.create_index("ix_deliveries_delivered_on", "deliveries", ["delivered_on", "audience", "nation", "present"])
    op.create_index("ix_deliveries_owner_delivered_on", "deliveries", ["owner_id", "delivered_on"])
    op.create_index("ix_deliveries_audience_delivered_on", "deliveries", ["audience", "delivered_on"])
    op.create_index("ix_deliveries_nation_delivered_on", "deliveries", ["nation", "delivered_on"])
    _child("delivery_modules", sa.Column("module_id", sa.String(80), primary_key=True))
    _child("delivery_questions",
           sa.Column("question_id", sa.String(80), primary_key=True),
           sa.Column("baseline_pct", sa.Float, nullable=False),
           sa.Column("endpoint_pct", sa.Float, nullable=False))
    _child("delivery_counts",
           sa.Column("question_id", sa.String(80), primary_key=True),
           sa.Column("phase", sa.SmallInteger, primary_key=True),
           sa.Column("option_key", sa.String(8), primary_key=True),
           sa.Column("count", sa.Integer, nullable=False))


def downgrade() -> None:
    for table in ("delivery_counts", "delivery_questions", "delivery_modules", "deliveries"):
        op.drop_table(table)
