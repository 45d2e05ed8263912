"""Monthly sums of reach and learning gain per audience and nation, filled from the deliveries already stored.

A lead's dashboard sums these for whole months instead of reading every delivery's rows; the
per-delivery rows are read only for part-months and by officer, so their audience-first and
nation-first indexes go.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UNUSED = [
    ("ix_delivery_questions_audience", "delivery_questions",
     ["audience", "delivered_on", "nation", "owner_id", "question_id", "baseline_pct", "endpoint_pct", "present"]),
    ("ix_delivery_questions_nation", "delivery_questions",
     ["nation", "delivered_on", "audience", "owner_id", "question_id", "baseline_pct", "endpoint_pct", "present"]),
    ("ix_delivery_modules_audience", "delivery_modules",
     ["audience", "delivered_on", "nation", "owner_id", "module_id", "gain", "present"]),
    ("ix_delivery_modules_nation", "delivery_modules",
     ["nation", "delivered_on", "audience", "owner_id", "module_id", "gain", "present"]),
]
# The same sums kit.store.outcome_months keeps, counted once from the rows already there.
INTO = ("INSERT INTO outcome_months (month, audience, nation, kind, item_id, deliveries, people, baseline_sum, "
        "endpoint_sum, change_sum) ")
FILL = [
    INTO + "SELECT month, audience, nation, 'reach', '', count(*), sum(present), NULL, NULL, 0 "
    "FROM deliveries GROUP BY month, audience, nation",
    INTO + "SELECT d.month, d.audience, d.nation, 'question', q.question_id, count(*), "
    "sum(q.present), sum(q.baseline_pct), sum(q.endpoint_pct), sum(q.endpoint_pct - q.baseline_pct) "
    "FROM delivery_questions q JOIN deliveries d ON d.id = q.delivery_id "
    "GROUP BY d.month, d.audience, d.nation, q.question_id",
    INTO + "SELECT d.month, d.audience, d.nation, 'module', m.module_id, count(*), "
    "sum(m.present), NULL, NULL, sum(m.gain) "
    "FROM delivery_modules m JOIN deliveries d ON d.id = m.delivery_id WHERE m.gain IS NOT NULL "
    "GROUP BY d.month, d.audience, d.nation, m.module_id",
]


def upgrade() -> None:
    op.create_table(
        "outcome_months",
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("audience", sa.String(40), primary_key=True),
        sa.Column("nation", sa.String(40), primary_key=True),
        sa.Column("item_id", sa.String(80), primary_key=True),
        sa.Column("deliveries", sa.Integer, nullable=False),
        sa.Column("people", sa.Integer, nullable=False),
        sa.Column("baseline_sum", sa.Float, nullable=True),
        sa.Column("endpoint_sum", sa.Float, nullable=True),
        sa.Column("change_sum", sa.Float, nullable=False),
    )
    for statement in FILL:
        op.execute(statement)
    for name, table, _ in UNUSED:
        op.drop_index(name, table)


def downgrade() -> None:
    for name, table, columns in UNUSED:
        op.create_index(name, table, columns)
    op.drop_table("outcome_months")
