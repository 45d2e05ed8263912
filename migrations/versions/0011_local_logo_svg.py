"""A force's logo may be an SVG: the cleaned SVG is kept beside the PNG the documents print from it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_versions") as batch:
        batch.add_column(sa.Column("logo_svg", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("local_versions") as batch:
        batch.drop_column("logo_svg")
