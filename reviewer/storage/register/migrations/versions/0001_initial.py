"""The first register: dossiers, documents with their revisions, content-addressed blobs.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dossiers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("plan_name", sa.String(500), nullable=False, server_default=""),
        sa.Column("address", sa.String(500), nullable=False, server_default=""),
        sa.Column("municipality", sa.String(500), nullable=False, server_default=""),
        sa.Column("reference", sa.String(500), nullable=False, server_default=""),
        sa.Column("plan_key", sa.String(1600), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_dossiers_plan_key", "dossiers", ["plan_key"])
    op.create_table(
        "documents",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("dossier_id", sa.String(36), sa.ForeignKey("dossiers.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(500), nullable=False, server_default=""),
        sa.Column("perspective", sa.String(20), nullable=False, server_default=""),
        sa.Column("stage", sa.String(40), nullable=False, server_default=""),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=False, server_default=""),
        sa.Column("adviser", sa.String(500), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_by", sa.String(500), nullable=False, server_default=""),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_documents_dossier_id", "documents", ["dossier_id"])
    op.create_index("ix_documents_doc_date", "documents", ["doc_date"])
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("saved_by", sa.String(500), nullable=False, server_default=""),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("document_id", "version", name="uq_revisions_document_version"),
    )
    op.create_table(
        "revision_blobs",
        sa.Column("revision_id", sa.Integer(), sa.ForeignKey("revisions.id"), primary_key=True),
        sa.Column("name", sa.String(300), primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
    )


def downgrade() -> None:
    for table in ("revision_blobs", "revisions", "blobs", "documents", "dossiers"):
        op.drop_table(table)
