"""An officer's signature for letters: name and role as printed under 'Yours sincerely'.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("signature", sa.String(120), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("users", "signature")
