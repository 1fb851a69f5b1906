"""Statistics: the verdict of every criterion of the current version of each review, the
criteria's titles, and indexes for the filters of the search (stage, outcome).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "criteria",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("level", sa.String(20), nullable=False, server_default=""),
        sa.Column("title_nl", sa.String(1000), nullable=False, server_default=""),
        sa.Column("title_en", sa.String(1000), nullable=False, server_default=""),
    )
    op.create_table(
        "verdicts",
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("criterion_id", sa.String(100), primary_key=True),
        sa.Column("verdict", sa.String(20), nullable=False),
    )
    op.create_index("ix_verdicts_criterion_verdict", "verdicts", ["criterion_id", "verdict"])
    op.create_index("ix_documents_stage", "documents", ["stage"])
    op.create_index("ix_documents_outcome", "documents", ["outcome"])
    op.create_index("ix_documents_kind_date", "documents", ["kind", "doc_date"])


def downgrade() -> None:
    for name in ("ix_documents_kind_date", "ix_documents_outcome", "ix_documents_stage"):
        op.drop_index(name, table_name="documents")
    op.drop_table("verdicts")
    op.drop_table("criteria")
