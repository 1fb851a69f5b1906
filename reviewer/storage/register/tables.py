"""The register's tables (SQLAlchemy Core), as the newest migration leaves them.

The migrations in `migrations/versions` create them; this module only describes them for
the queries. Documents hold the searchable facts of their current version; every version
is a revision whose payload is the document's JSON (zlib) with the embedded checklists and
the attachments taken out into `blobs`, stored once per content hash (sha256).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

dossiers = sa.Table(
    "dossiers",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("plan_name", sa.String(500), nullable=False),
    sa.Column("address", sa.String(500), nullable=False),
    sa.Column("municipality", sa.String(500), nullable=False),
    sa.Column("reference", sa.String(500), nullable=False),
    sa.Column("plan_key", sa.String(1600), nullable=False, index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("dossier_id", sa.String(36), sa.ForeignKey("dossiers.id"), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("title", sa.String(500), nullable=False),
    sa.Column("perspective", sa.String(20), nullable=False),
    sa.Column("stage", sa.String(40), nullable=False),
    sa.Column("doc_date", sa.Date(), nullable=True),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("adviser", sa.String(500), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("saved_by", sa.String(500), nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("search_text", sa.Text(), nullable=False),
)

blobs = sa.Table(
    "blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger(), nullable=False),
    sa.Column("data", sa.LargeBinary(), nullable=False),
)

revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("payload", sa.LargeBinary(), nullable=False),
    sa.Column("saved_by", sa.String(500), nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
)

revision_blobs = sa.Table(
    "revision_blobs",
    metadata,
    sa.Column("revision_id", sa.Integer(), sa.ForeignKey("revisions.id"), primary_key=True),
    sa.Column("name", sa.String(300), primary_key=True),
    sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
)

criteria = sa.Table(
    "criteria",
    metadata,
    sa.Column("id", sa.String(100), primary_key=True),
    sa.Column("level", sa.String(20), nullable=False),
    sa.Column("title_nl", sa.String(1000), nullable=False),
    sa.Column("title_en", sa.String(1000), nullable=False),
)

verdicts = sa.Table(
    "verdicts",
    metadata,
    sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("criterion_id", sa.String(100), primary_key=True),
    sa.Column("verdict", sa.String(20), nullable=False),
)
