"""Outcome indexes that answer every filter from the index alone (audience, nation, officer included).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FILTERS = ["present", "audience", "nation", "owner_id"]


def upgrade() -> None:
    op.drop_index("ix_deliveries_audience_delivered_on", "deliveries")
    op.drop_index("ix_deliveries_nation_delivered_on", "deliveries")
    op.drop_index("ix_delivery_questions_delivered_on", "delivery_questions")
    op.create_index("ix_delivery_questions_delivered_on", "delivery_questions",
                    ["delivered_on", "question_id", "baseline_pct", "endpoint_pct", *FILTERS])
    op.drop_index("ix_delivery_modules_delivered_on", "delivery_modules")
    op.create_index("ix_delivery_modules_delivered_on", "delivery_modules",
                    ["delivered_on", "module_id", "gain", *FILTERS])


def downgrade() -> None:
    op.drop_index("ix_delivery_modules_delivered_on", "delivery_modules")
    op.create_index("ix_delivery_modules_delivered_on", "delivery_modules", ["delivered_on", "module_id", "gain",
                                                                              "present"])
    op.drop_index("ix_delivery_questions_delivered_on", "delivery_questions")
    op.create_index("ix_delivery_questions_delivered_on", "delivery_questions",
                    ["delivered_on", "question_id", "baseline_pct", "endpoint_pct", "present"])
    op.create_index("ix_deliveries_nation_delivered_on", "deliveries", ["nation", "delivered_on"])
    op.create_index("ix_deliveries_audience_delivered_on", "deliveries", ["audience", "delivered_on"])
