"""Force-local content edited in the browser: one row per saved version, never updated.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "local_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("author_email", sa.String(254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("organisation", sa.String(80), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("links_yaml", sa.Text, nullable=False),
        sa.Column("logo_png", sa.LargeBinary, nullable=True),
        sa.Column("reverted_from", sa.Integer, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("local_versions")
