"""The team register: dossiers (one plan each) with their reviews and workshops.

A document is stored as revisions: the JSON the .review/.workshop file holds, with the
embedded checklists and the attachments (photos, drawings) taken out into `blobs`, kept
once per sha256, so a hundred reviews made with one checklist and one photo store them
once. Opening rebuilds the document through the same migrations and checks as a file.

Several people at once: every save names the version it started from; the version is
raised by one conditional UPDATE (`... WHERE version = started_from`), atomic on SQLite
and PostgreSQL alike, so of two saves from one version exactly one wins and the other
gets a `RegisterConflict` saying who saved and when. Nothing is overwritten silently.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import re
import unicodedata
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from reviewer.domain.checklist import Perspective
from reviewer.domain.outcome import compute_outcome
from reviewer.domain.plan import Stage, value_label
from reviewer.domain.review import Review
from reviewer.domain.statistics import FailingCriterion, OutcomeCount, Statistics, period_of
from reviewer.domain.verdict import Verdict
from reviewer.storage.container import DocumentFileError, atomic_write
from reviewer.storage.register import tables as t
from reviewer.storage.register.database import (
    RegisterError,
    create_engine,
    default_url,
    describe_error,
    parse_url,
    prepare_schema,
    shown_url,
    writing,
)
from reviewer.storage.review_file import (
    ReviewDocument,
    document_from_parts,
    document_to_bytes,
    review_payload,
)
from reviewer.storage.workshop_file import (
    WorkshopDocument,
    workshop_from_parts,
    workshop_payload,
    workshop_to_bytes,
)

Document = ReviewDocument | WorkshopDocument
CHECKLIST_BLOB = "#checklist:"  # revision_blobs name of an embedded checklist
STAGE_ORDER = {s.value: i for i, s in enumerate(Stage)}
ASSESSED = (Verdict.MEETS, Verdict.PARTLY, Verdict.FAILS)


class RegisterConflict(RegisterError):
    """A save over a version someone else saved in the meantime."""

    def __init__(self, document_id: str, version: int, saved_by: str, saved_at: datetime) -> None:
        self.document_id = document_id
        self.version = version
        self.saved_by = saved_by
        self.saved_at = saved_at
        super().__init__(
            f"someone else saved this document in the meantime: version {version}, "
            f"by {saved_by or 'unknown'} at {saved_at:%Y-%m-%d %H:%M} UTC"
        )


class DocumentGone(RegisterError):
    """The document is no longer in the register."""


def fold(text: str) -> str:
    """Text as the search compares it: accents off, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return ""


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes: they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# ------------------------------------------------------------------ what a document holds
@dataclass
class Facts:
    """What the register knows of a document without opening it."""

    kind: str
    title: str
    plan_name: str
    address: str
    municipality: str
    reference: str
    perspective: str
    stage: str
    doc_date: date | None
    outcome: str
    adviser: str
    verdicts: dict[str, str] = field(default_factory=dict)  # criterion id -> verdict
    criteria: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # level, nl, en

    @property
    def plan_key(self) -> str:
        return "|".join(fold(x) for x in (self.plan_name, self.address, self.municipality))

    def search_text(self) -> str:
        words = [self.title, self.plan_name, self.address, self.municipality, self.reference]
        words += [self.adviser, self.kind, self.perspective, self.outcome]
        if self.perspective in {p.value for p in Perspective}:
            label = Perspective(self.perspective).label
            words += [label.nl, label.en]
        if self.stage:
            words += [self.stage, value_label(Stage(self.stage), "nl")]
            words.append(value_label(Stage(self.stage), "en"))
        if self.doc_date:
            words.append(self.doc_date.isoformat())
        return fold(" | ".join(w for w in words if w))


def _review_facts(review: Review) -> Facts:
    identity = review.plan.identity
    outcome = compute_outcome(review)
    when = review.dossier.dispatch_date or review.modified.date()
    verdicts: dict[str, str] = {}
    criteria: dict[str, tuple[str, str, str]] = {}
    for criterion in review.criteria():
        verdict = review.assessments[criterion.id].verdict
        if verdict in ASSESSED and review.in_scope(criterion):
            verdicts[criterion.id] = verdict.value
            criteria[criterion.id] = (
                criterion.level.value,
                criterion.title.nl,
                criterion.title.en,
            )
    return Facts(
        kind="review",
        title=f"{identity.name} – {review.perspective.label.nl}",
        plan_name=identity.name,
        address=identity.address,
        municipality=identity.municipality,
        reference=review.dossier.reference,
        perspective=review.perspective.value,
        stage=identity.stage.value if identity.stage else "",
        doc_date=when,
        outcome=outcome.result.value,
        adviser=review.reviewer.name,
        verdicts=verdicts,
        criteria=criteria,
    )


def document_facts(doc: Document) -> Facts:
    if isinstance(doc, ReviewDocument):
        return _review_facts(doc.review)
    workshop = doc.workshop
    identity = workshop.review_a.plan.identity
    return Facts(
        kind="workshop",
        title=workshop.title or f"{identity.name} – workshop",
        plan_name=identity.name,
        address=identity.address,
        municipality=identity.municipality,
        reference=workshop.review_a.dossier.reference,
        perspective="both",
        stage=identity.stage.value if identity.stage else "",
        doc_date=workshop.date.date(),
        outcome="",
        adviser=workshop.chair,
    )


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _checklist_holders(payload: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, object holding a "checklist") of a review or workshop payload."""
    if isinstance(payload.get("review"), dict):
        yield "review", payload["review"]
    workshop = payload.get("workshop")
    if isinstance(workshop, dict):
        for side in ("review_a", "review_b"):
            if isinstance(workshop.get(side), dict):
                yield side, workshop[side]


@dataclass
class _Parts:
    payload: bytes  # zlib of the JSON without checklists
    blobs: dict[str, bytes]  # revision_blobs name -> bytes


def _split(doc: Document) -> _Parts:
    if isinstance(doc, ReviewDocument):
        payload = review_payload(doc.review)
        attachments = doc.referenced_attachments()
    else:
        payload = workshop_payload(doc.workshop)
        attachments = doc.container_attachments()
    blobs = dict(attachments)
    for name, holder in _checklist_holders(payload):
        data = _canonical(holder["checklist"])
        blobs[CHECKLIST_BLOB + name] = data
        holder["checklist"] = {"$blob": _sha(data)}
    return _Parts(zlib.compress(_canonical(payload), 6), blobs)


def _join(kind: str, payload_data: bytes, blobs: dict[str, bytes]) -> Document:
    try:
        payload = json.loads(zlib.decompress(payload_data))
    except (zlib.error, ValueError) as exc:
        raise DocumentFileError(f"its stored data is damaged ({exc})") from None
    if not isinstance(payload, dict):
        raise DocumentFileError("its stored data is damaged")
    for name, holder in _checklist_holders(payload):
        data = blobs.pop(CHECKLIST_BLOB + name, None)
        if data is None:
            raise DocumentFileError(f"its checklist ({name}) is missing from the register")
        holder["checklist"] = json.loads(data)
    if kind == "review":
        return document_from_parts(payload, blobs)
    if kind == "workshop":
        return workshop_from_parts(payload, blobs)
    raise DocumentFileError(f"it is of an unknown kind {kind!r}")


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class Stored:
    """A document as saved: the version the next save starts from."""

    document_id: str
    dossier_id: str
    kind: str
    version: int
    saved_by: str
    saved_at: datetime


@dataclass(frozen=True)
class Hit:
    """One row of a search."""

    document_id: str
    dossier_id: str
    kind: str
    title: str
    plan_name: str
    address: str
    municipality: str
    reference: str
    perspective: str
    stage: str
    doc_date: date | None
    outcome: str
    adviser: str
    version: int
    saved_by: str
    saved_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            **{k: getattr(self, k) for k in self.__dataclass_fields__},
            "doc_date": self.doc_date.isoformat() if self.doc_date else None,
            "saved_at": self.saved_at.isoformat(),
        }


@dataclass(frozen=True)
class Opened:
    document: Document
    stored: Stored


_HIT_COLUMNS = (
    t.documents.c.id,
    t.documents.c.dossier_id,
    t.documents.c.kind,
    t.documents.c.title,
    t.dossiers.c.plan_name,
    t.dossiers.c.address,
    t.dossiers.c.municipality,
    t.dossiers.c.reference,
    t.documents.c.perspective,
    t.documents.c.stage,
    t.documents.c.doc_date,
    t.documents.c.outcome,
    t.documents.c.adviser,
    t.documents.c.version,
    t.documents.c.saved_by,
    t.documents.c.saved_at,
)


def _hit(row: Any) -> Hit:
    values = list(row)
    values[-1] = _aware(values[-1])
    return Hit(*values)


def _like_escape(word: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", word)


# ------------------------------------------------------------------ the register
class Register:
    """One register (SQLite file or PostgreSQL database). Open with `Register.open`."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(
        cls, url: str | URL | None = None, *, password: str | None = None, upgrade: bool = True
    ) -> Register:
        """Connect, check the schema and bring it up to date (creating a new register)."""
        parsed = url if isinstance(url, URL) else parse_url(url or default_url())
        engine = create_engine(parsed, password)
        try:
            prepare_schema(engine, parsed, upgrade=upgrade)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, parsed)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def shown_url(self) -> str:
        return shown_url(self.url)

    def _failed(self, exc: SQLAlchemyError) -> RegisterError:
        return RegisterError(describe_error(exc, self.url))

    def _insert_ignore(self, table: sa.Table) -> Any:
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(table).on_conflict_do_nothing()

    # -------------------------------------------------------------- saving
    def add(
        self, doc: Document, *, saved_by: str | None = None, dossier_id: str | None = None
    ) -> Stored:
        """Store a new document (version 1) in `dossier_id`, or in the dossier of the same
        plan (name, address, municipality), created when there is none."""
        facts = document_facts(doc)
        parts = _split(doc)
        who = default_user() if saved_by is None else saved_by
        now = _now()
        document_id = str(uuid.uuid4())
        try:
            with writing(self.engine) as conn:
                dossier = dossier_id or self._dossier_for(conn, facts, now)
                if dossier_id is not None:
                    found = conn.execute(
                        sa.select(t.dossiers.c.id).where(t.dossiers.c.id == dossier_id)
                    ).first()
                    if found is None:
                        raise RegisterError(f"there is no dossier {dossier_id} in the register")
                conn.execute(
                    t.documents.insert().values(
                        id=document_id,
                        dossier_id=dossier,
                        version=1,
                        saved_by=who,
                        saved_at=now,
                        **self._document_values(facts),
                    )
                )
                self._write_revision(conn, document_id, 1, parts, who, now, facts)
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None
        return Stored(document_id, dossier, facts.kind, 1, who, now)

    def save(
        self, document_id: str, doc: Document, *, base_version: int, saved_by: str | None = None
    ) -> Stored:
        """Save a new version of `document_id` that was opened at `base_version`; raise
        `RegisterConflict` (nothing written) when someone saved a newer one meanwhile."""
        facts = document_facts(doc)
        parts = _split(doc)
        who = default_user() if saved_by is None else saved_by
        now = _now()
        version = base_version + 1
        d = t.documents.c
        try:
            with writing(self.engine) as conn:
                result = conn.execute(
                    t.documents.update()
                    .where(d.id == document_id, d.version == base_version)
                    .values(
                        version=version, saved_by=who, saved_at=now, **self._document_values(facts)
                    )
                )
                if result.rowcount != 1:
                    current = conn.execute(
                        sa.select(d.version, d.saved_by, d.saved_at).where(d.id == document_id)
                    ).first()
                    if current is None:
                        raise DocumentGone(
                            f"the document is no longer in the register {self.shown_url}"
                        )
                    raise RegisterConflict(
                        document_id, current.version, current.saved_by, _aware(current.saved_at)
                    )
                dossier = conn.execute(
                    sa.select(d.dossier_id).where(d.id == document_id)
                ).scalar_one()
                conn.execute(
                    t.dossiers.update()
                    .where(t.dossiers.c.id == dossier)
                    .values(
                        plan_name=facts.plan_name,
                        address=facts.address,
                        municipality=facts.municipality,
                        plan_key=facts.plan_key,
                    )
                )
                self._write_revision(conn, document_id, version, parts, who, now, facts)
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None
        return Stored(document_id, dossier, facts.kind, version, who, now)

    @staticmethod
    def _document_values(facts: Facts) -> dict[str, Any]:
        return {
            "kind": facts.kind,
            "title": facts.title[:500],
            "perspective": facts.perspective,
            "stage": facts.stage,
            "doc_date": facts.doc_date,
            "outcome": facts.outcome,
            "adviser": facts.adviser[:500],
            "search_text": facts.search_text(),
        }

    def _dossier_for(self, conn: Connection, facts: Facts, now: datetime) -> str:
        found = conn.execute(
            sa.select(t.dossiers.c.id)
            .where(t.dossiers.c.plan_key == facts.plan_key)
            .order_by(t.dossiers.c.created_at)
            .limit(1)
        ).scalar()
        if found:
            return str(found)
        dossier_id = str(uuid.uuid4())
        conn.execute(
            t.dossiers.insert().values(
                id=dossier_id,
                plan_name=facts.plan_name[:500],
                address=facts.address[:500],
                municipality=facts.municipality[:500],
                reference=facts.reference[:500],
                plan_key=facts.plan_key[:1600],
                created_at=now,
            )
        )
        return dossier_id

    def _write_revision(
        self,
        conn: Connection,
        document_id: str,
        version: int,
        parts: _Parts,
        who: str,
        now: datetime,
        facts: Facts,
    ) -> None:
        hashes = {name: _sha(data) for name, data in parts.blobs.items()}
        unique = {hashes[name]: data for name, data in parts.blobs.items()}
        if unique:
            known = set(
                conn.execute(
                    sa.select(t.blobs.c.sha256).where(t.blobs.c.sha256.in_(list(unique)))
                ).scalars()
            )
            new = [
                {"sha256": sha, "size": len(data), "data": data}
                for sha, data in unique.items()
                if sha not in known
            ]
            if new:
                conn.execute(self._insert_ignore(t.blobs), new)
        revision_id = conn.execute(
            t.revisions.insert()
            .values(
                document_id=document_id,
                version=version,
                payload=parts.payload,
                saved_by=who,
                saved_at=now,
            )
            .returning(t.revisions.c.id)
        ).scalar_one()
        if hashes:
            conn.execute(
                t.revision_blobs.insert(),
                [{"revision_id": revision_id, "name": n, "sha256": s} for n, s in hashes.items()],
            )
        conn.execute(t.verdicts.delete().where(t.verdicts.c.document_id == document_id))
        if facts.verdicts:
            conn.execute(
                t.verdicts.insert(),
                [
                    {"document_id": document_id, "criterion_id": c, "verdict": v}
                    for c, v in facts.verdicts.items()
                ],
            )
            known_criteria = set(
                conn.execute(
                    sa.select(t.criteria.c.id).where(t.criteria.c.id.in_(list(facts.criteria)))
                ).scalars()
            )
            new_criteria = [
                {"id": c, "level": lvl, "title_nl": nl[:1000], "title_en": en[:1000]}
                for c, (lvl, nl, en) in facts.criteria.items()
                if c not in known_criteria
            ]
            if new_criteria:
                conn.execute(self._insert_ignore(t.criteria), new_criteria)

    # -------------------------------------------------------------- reading
    def open_document(self, document_id: str, version: int | None = None) -> Opened:
        """The document (its current version, or `version`), checked like a file."""
        d, r = t.documents.c, t.revisions.c
        try:
            with self.engine.connect() as conn:
                row = conn.execute(
                    sa.select(d.dossier_id, d.kind, d.version, d.saved_by, d.saved_at).where(
                        d.id == document_id
                    )
                ).first()
                if row is None:
                    raise DocumentGone(f"there is no document {document_id} in the register")
                wanted = row.version if version is None else version
                rev = conn.execute(
                    sa.select(r.id, r.payload, r.saved_by, r.saved_at).where(
                        r.document_id == document_id, r.version == wanted
                    )
                ).first()
                if rev is None:
                    raise RegisterError(f"the document has no version {wanted}")
                blobs = {
                    name: bytes(data)
                    for name, data in conn.execute(
                        sa.select(t.revision_blobs.c.name, t.blobs.c.data)
                        .join(t.blobs, t.blobs.c.sha256 == t.revision_blobs.c.sha256)
                        .where(t.revision_blobs.c.revision_id == rev.id)
                    )
                }
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None
        try:
            document = _join(row.kind, bytes(rev.payload), blobs)
        except DocumentFileError as exc:
            raise RegisterError(f"cannot open the document from the register: {exc}") from None
        stored = Stored(
            document_id, row.dossier_id, row.kind, wanted, rev.saved_by, _aware(rev.saved_at)
        )
        return Opened(document, stored)

    def current_version(self, document_id: str) -> Stored | None:
        d = t.documents.c
        try:
            with self.engine.connect() as conn:
                row = conn.execute(
                    sa.select(d.dossier_id, d.kind, d.version, d.saved_by, d.saved_at).where(
                        d.id == document_id
                    )
                ).first()
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None
        if row is None:
            return None
        return Stored(
            document_id, row.dossier_id, row.kind, row.version, row.saved_by, _aware(row.saved_at)
        )

    def search(
        self,
        text: str = "",
        *,
        kind: str | None = None,
        stage: str | None = None,
        outcome: str | None = None,
        municipality: str | None = None,
        adviser: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        dossier_id: str | None = None,
        limit: int | None = 500,
    ) -> list[Hit]:
        """Documents whose address, municipality, reference, plan name, stage, outcome,
        adviser or date contain every word of `text` (case and accents ignored), newest
        first, narrowed by the filters given."""
        d = t.documents.c
        query = sa.select(*_HIT_COLUMNS).join(t.dossiers, t.dossiers.c.id == d.dossier_id)
        for word in fold(text).split():
            query = query.where(d.search_text.like(f"%{_like_escape(word)}%", escape="\\"))
        if kind:
            query = query.where(d.kind == kind)
        if stage:
            query = query.where(d.stage == stage)
        if outcome:
            query = query.where(d.outcome == outcome)
        if municipality:
            query = query.where(sa.func.lower(t.dossiers.c.municipality) == municipality.lower())
        if adviser:
            query = query.where(sa.func.lower(d.adviser) == adviser.lower())
        if date_from:
            query = query.where(d.doc_date >= date_from)
        if date_to:
            query = query.where(d.doc_date <= date_to)
        if dossier_id:
            query = query.where(d.dossier_id == dossier_id)
        query = query.order_by(d.doc_date.desc().nulls_last(), d.saved_at.desc(), d.id)
        if limit:
            query = query.limit(limit)
        try:
            with self.engine.connect() as conn:
                return [_hit(row) for row in conn.execute(query)]
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None

    def dossier_documents(self, dossier_id: str) -> list[Hit]:
        """A dossier's documents in the order of stage and date."""
        hits = self.search(dossier_id=dossier_id, limit=None)
        return sorted(
            hits, key=lambda h: (STAGE_ORDER.get(h.stage, -1), h.doc_date or date.min, h.saved_at)
        )

    def find_dossiers(self, key: str) -> list[str]:
        """Dossier ids for `key`: a dossier id, a document id, or a reference or plan name
        (case and accents ignored)."""
        s = t.dossiers.c
        try:
            with self.engine.connect() as conn:
                exact = conn.execute(sa.select(s.id).where(s.id == key)).scalars().all()
                if exact:
                    return list(exact)
                by_doc = (
                    conn.execute(sa.select(t.documents.c.dossier_id).where(t.documents.c.id == key))
                    .scalars()
                    .all()
                )
                if by_doc:
                    return list(by_doc)
                rows = conn.execute(sa.select(s.id, s.reference, s.plan_name)).all()
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None
        wanted = fold(key)
        return [r.id for r in rows if wanted and wanted in (fold(r.reference), fold(r.plan_name))]

    def export_dossier(self, dossier_id: str, folder: Path) -> list[Path]:
        """Write every document of a dossier as a .review / .workshop file into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for hit in self.dossier_documents(dossier_id):
            doc = self.open_document(hit.document_id).document
            if isinstance(doc, ReviewDocument):
                data, suffix = document_to_bytes(doc), ".review"
            else:
                data, suffix = workshop_to_bytes(doc), ".workshop"
            parts = [hit.plan_name, hit.stage, hit.perspective, f"v{hit.version}"]
            stem = "-".join(p for p in (_slug(x) for x in parts) if p) or hit.document_id
            target = folder / f"{stem}{suffix}"
            n = 2
            while target in written or target.exists():
                target = folder / f"{stem}-{n}{suffix}"
                n += 1
            atomic_write(target, data)
            written.append(target)
        return written

    def statistics(
        self,
        date_from: date | None = None,
        date_to: date | None = None,
        *,
        period: str = "quarter",
        top: int = 10,
    ) -> Statistics:
        """Outcomes of the reviews per period and municipality, and the criteria that fail
        most often (share of the reviews that assessed them)."""
        period_of(date.today(), period)  # refuse an unknown period before querying
        d, s, v = t.documents.c, t.dossiers.c, t.verdicts.c
        where = [d.kind == "review"]
        if date_from:
            where.append(d.doc_date >= date_from)
        if date_to:
            where.append(d.doc_date <= date_to)
        outcomes = (
            sa.select(d.doc_date, s.municipality, d.outcome, sa.func.count())
            .join(t.dossiers, s.id == d.dossier_id)
            .where(*where)
            .group_by(d.doc_date, s.municipality, d.outcome)
        )
        fails = sa.func.sum(sa.case((v.verdict == Verdict.FAILS.value, 1), else_=0))
        failing = (
            sa.select(v.criterion_id, fails.label("fails"), sa.func.count().label("assessed"))
            .join(t.documents, d.id == v.document_id)
            .where(*where)
            .group_by(v.criterion_id)
            .having(fails > 0)
            .order_by(fails.desc(), v.criterion_id)
            .limit(top)
        )
        try:
            with self.engine.connect() as conn:
                counts: Counter[tuple[str, str, str]] = Counter()
                reviews = 0
                for day, municipality, outcome, n in conn.execute(outcomes):
                    key = period_of(day, period) if day else "?"
                    counts[(key, municipality or "", outcome)] += n
                    reviews += n
                fail_rows = conn.execute(failing).all()
                ids = [r.criterion_id for r in fail_rows]
                titles = {
                    r.id: r
                    for r in conn.execute(sa.select(t.criteria).where(t.criteria.c.id.in_(ids)))
                }
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None
        rows = [OutcomeCount(p, m, o, n) for (p, m, o), n in sorted(counts.items())]
        failing_rows = []
        for r in fail_rows:
            info = titles.get(r.criterion_id)
            failing_rows.append(
                FailingCriterion(
                    r.criterion_id,
                    info.level if info else "",
                    info.title_nl if info else r.criterion_id,
                    info.title_en if info else r.criterion_id,
                    int(r.fails),
                    int(r.assessed),
                )
            )
        return Statistics(date_from, date_to, period, reviews, rows, failing_rows)

    def counts(self) -> dict[str, int]:
        """How many dossiers, documents, revisions and blobs the register holds."""
        try:
            with self.engine.connect() as conn:
                return {
                    name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                    for name, table in (
                        ("dossiers", t.dossiers),
                        ("documents", t.documents),
                        ("revisions", t.revisions),
                        ("blobs", t.blobs),
                    )
                }
        except SQLAlchemyError as exc:
            raise self._failed(exc) from None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60]


# ------------------------------------------------------------------ importing files
@dataclass
class ImportResult:
    imported: list[tuple[Path, Stored]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def document_files(folder: Path) -> list[Path]:
    """The .review and .workshop files in `folder` and below, in name order."""
    files = [p for p in folder.rglob("*") if p.suffix in (".review", ".workshop") and p.is_file()]
    return sorted(files)


def load_document_file(path: Path) -> Document:
    """A .review or .workshop file through its loader and all its checks."""
    from reviewer.storage.review_file import load_review
    from reviewer.storage.workshop_file import load_workshop

    if path.suffix == ".workshop":
        return load_workshop(path)
    return load_review(path)


def import_files(
    register: Register,
    paths: Iterable[Path],
    *,
    saved_by: str | None = None,
    progress: Callable[[int, Path], bool | None] | None = None,
) -> ImportResult:
    """Import each file as a new document (in the dossier of its plan). A file that does
    not pass the loader's checks is reported and skipped; the others are imported.
    `progress(i, path)` returning False stops the import."""
    result = ImportResult()
    for i, path in enumerate(paths):
        if progress is not None and progress(i, path) is False:
            break
        try:
            doc = load_document_file(path)
        except DocumentFileError as exc:
            result.failed.append((path, str(exc)))
            continue
        result.imported.append((path, register.add(doc, saved_by=saved_by)))
    return result
