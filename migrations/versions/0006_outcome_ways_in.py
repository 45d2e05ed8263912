"""Outcome indexes for every way in: by date, and by audience, nation or officer then date, each covering.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD = [
    ("ix_deliveries_delivered_on", "deliveries",
     ["delivered_on", "audience", "nation", "owner_id", "month", "school", "present"]),
    ("ix_deliveries_owner_delivered_on", "deliveries", ["owner_id", "delivered_on"]),
    ("ix_delivery_questions_delivered_on", "delivery_questions",
     ["delivered_on", "question_id", "baseline_pct", "endpoint_pct", "present", "audience", "nation", "owner_id"]),
    ("ix_delivery_modules_delivered_on", "delivery_modules",
     ["delivered_on", "module_id", "gain", "present", "audience", "nation", "owner_id"]),
]
NEW = [
    ("ix_deliveries_audience", "deliveries", ["audience", "delivered_on", "nation", "owner_id", "month", "school", "present"]),
    ("ix_deliveries_delivered_on", "deliveries", ["delivered_on", "audience", "nation", "owner_id", "month", "school", "present"]),
    ("ix_deliveries_nation", "deliveries", ["nation", "delivered_on", "audience", "owner_id", "month", "school", "present"]),
    ("ix_deliveries_owner_id", "deliveries", ["owner_id", "delivered_on", "audience", "nation", "month", "school", "present"]),
    ("ix_delivery_questions_audience", "delivery_questions", ["audience", "delivered_on", "nation", "owner_id", "question_id", "baseline_pct", "endpoint_pct", "present"]),
    ("ix_delivery_questions_delivered_on", "delivery_questions", ["delivered_on", "audience", "nation", "owner_id", "question_id", "baseline_pct", "endpoint_pct", "present"]),
    ("ix_delivery_questions_nation", "delivery_questions", ["nation", "delivered_on", "audience", "owner_id", "question_id", "baseline_pct", "endpoint_pct", "present"]),
    ("ix_delivery_questions_owner_id", "delivery_questions", ["owner_id", "delivered_on", "audience", "nation", "question_id", "baseline_pct", "endpoint_pct", "present"]),
    ("ix_delivery_modules_audience", "delivery_modules", ["audience", "delivered_on", "nation", "owner_id", "module_id", "gain", "present"]),
    ("ix_delivery_modules_delivered_on", "delivery_modules", ["delivered_on", "audience", "nation", "owner_id", "module_id", "gain", "present"]),
    ("ix_delivery_modules_nation", "delivery_modules", ["nation", "delivered_on", "audience", "owner_id", "module_id", "gain", "present"]),
    ("ix_delivery_modules_owner_id", "delivery_modules", ["owner_id", "delivered_on", "audience", "nation", "module_id", "gain", "present"]),
]


def upgrade() -> None:
    for name, table, _ in OLD:
        op.drop_index(name, table)
    for name, table, columns in NEW:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in NEW:
        op.drop_index(name, table)
    for name, table, columns in OLD:
        op.create_index(name, table, columns)
