"""Outcome figures without joins: filter columns copied to per-question and per-module rows; covering indexes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COPIED = (("delivered_on", sa.Date), ("audience", sa.String(40)), ("nation", sa.String(40)),
          ("owner_id", sa.Integer), ("present", sa.Integer))


def _copy_from_deliveries(table: str, columns: list[str]) -> None:
    """Add COLUMNS to TABLE, fill them from each row's delivery, then make them required."""
    types = dict(COPIED, gain=sa.Float)
    with op.batch_alter_table(table) as batch:
        for name in columns:
            batch.add_column(sa.Column(name, types[name], nullable=True))
    for name in columns:
        op.execute(f"UPDATE {table} SET {name} = (SELECT d.{name} FROM deliveries d "
                   f"WHERE d.id = {table}.delivery_id)")
    with op.batch_alter_table(table) as batch:
        for name in columns:
            if name != "gain":
                batch.alter_column(name, existing_type=types[name], nullable=False)


def upgrade() -> None:
    copied = [name for name, _ in COPIED]
    _copy_from_deliveries("delivery_questions", copied)
    _copy_from_deliveries("delivery_modules", [*copied, "gain"])
    op.create_index("ix_delivery_questions_delivered_on", "delivery_questions",
                    ["delivered_on", "question_id", "baseline_pct", "endpoint_pct", "present"])
    op.create_index("ix_delivery_modules_delivered_on", "delivery_modules",
                    ["delivered_on", "module_id", "gain", "present"])
    op.drop_index("ix_deliveries_delivered_on", "deliveries")
    op.create_index("ix_deliveries_delivered_on", "deliveries",
                    ["delivered_on", "audience", "nation", "owner_id", "month", "school", "present"])


def downgrade() -> None:
    op.drop_index("ix_deliveries_delivered_on", "deliveries")
    op.create_index("ix_deliveries_delivered_on", "deliveries", ["delivered_on", "audience", "nation", "present"])
    op.drop_index("ix_delivery_modules_delivered_on", "delivery_modules")
    op.drop_index("ix_delivery_questions_delivered_on", "delivery_questions")
    with op.batch_alter_table("delivery_modules") as batch:
        for name in ("delivered_on", "audience", "nation", "owner_id", "present", "gain"):
            batch.drop_column(name)
    with op.batch_alter_table("delivery_questions") as batch:
        for name in ("delivered_on", "audience", "nation", "owner_id", "present"):
            batch.drop_column(name)
