"""The register keeps documents whole, finds them, counts them, and refuses what the
file loaders refuse (on SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date

import pytest

from reviewer.domain.plan import PlanIdentity
from reviewer.domain.review import Reviewer
from reviewer.storage.register import (
    DocumentGone,
    RegisterConflict,
    RegisterError,
    document_files,
    import_files,
)
from reviewer.storage.review_file import load_review, save_review
from reviewer.storage.workshop_file import load_workshop
from tests.register.conftest import EXAMPLES

SAFETY = EXAMPLES / "galerijflat-veiligheid.review"
COHESION = EXAMPLES / "galerijflat-cohesie.review"
HOFBLOK = EXAMPLES / "hofblok-veiligheid.review"


def _variant(path, tmp_path, stem, **identity):
    """A copy of an example with other plan identity facts (and adviser)."""
    doc = load_review(path)
    adviser = identity.pop("adviser", None)
    identity = doc.review.plan.identity.model_dump() | identity
    doc.review = doc.review.model_copy(
        update={
            "plan": doc.review.plan.model_copy(
                update={"identity": PlanIdentity.model_validate(identity)}
            )
        }
    )
    if adviser:
        doc.review = doc.review.model_copy(update={"reviewer": Reviewer(name=adviser)})
    target = tmp_path / f"{stem}.review"
    save_review(doc, target)
    return target


def test_a_review_comes_back_as_it_went_in(register):
    doc = load_review(SAFETY)
    stored = register.add(doc, saved_by="anna")
    assert stored.version == 1 and stored.saved_by == "anna"
    opened = register.open_document(stored.document_id)
    assert opened.document.review == doc.review
    assert opened.document.referenced_attachments() == doc.referenced_attachments()
    assert opened.stored.version == 1


def test_attachments_and_checklists_are_stored_once(register):
    doc = load_review(SAFETY)
    register.add(doc)
    before = register.counts()
    register.add(doc)
    register.add(load_review(COHESION))  # same checklist, photos of its own or none
    after = register.counts()
    assert after["documents"] == 3
    # the second copy of the safety review adds no blob at all
    assert before["blobs"] == len(doc.referenced_attachments()) + 1
    assert after["blobs"] <= before["blobs"] + len(load_review(COHESION).attachments)


def test_reviews_of_one_plan_share_a_dossier(register):
    a = register.add(load_review(SAFETY))
    b = register.add(load_review(COHESION))
    c = register.add(load_review(HOFBLOK))
    assert a.dossier_id == b.dossier_id != c.dossier_id
    docs = register.dossier_documents(a.dossier_id)
    assert {h.document_id for h in docs} == {a.document_id, b.document_id}


def test_a_workshop_round_trips(register, tmp_path):
    from reviewer.domain.workshop import new_workshop
    from reviewer.storage.workshop_file import WorkshopDocument, save_workshop

    a, b = load_review(SAFETY), load_review(COHESION)
    doc = WorkshopDocument.from_reviews(a, b, new_workshop(a.review, b.review))
    save_workshop(doc, tmp_path / "w.workshop")
    doc = load_workshop(tmp_path / "w.workshop")
    stored = register.add(doc)
    opened = register.open_document(stored.document_id).document
    assert opened.workshop == doc.workshop
    assert opened.attachments_a == doc.attachments_a
    assert register.search("workshop")[0].kind == "workshop"


def test_saving_raises_the_version_and_refuses_an_older_one(register):
    doc = load_review(SAFETY)
    stored = register.add(doc, saved_by="anna")
    doc.review = doc.review.model_copy(update={"reviewer": Reviewer(name="Bob Bakker")})
    second = register.save(stored.document_id, doc, base_version=1, saved_by="bob")
    assert second.version == 2
    doc.review = doc.review.model_copy(update={"reviewer": Reviewer(name="Carla")})
    with pytest.raises(RegisterConflict) as caught:
        register.save(stored.document_id, doc, base_version=1, saved_by="carla")
    assert caught.value.saved_by == "bob" and caught.value.version == 2
    assert "bob" in str(caught.value)
    kept = register.open_document(stored.document_id)
    assert kept.document.review.reviewer.name == "Bob Bakker"
    assert kept.stored.version == 2
    # the first version is still there
    assert register.open_document(stored.document_id, 1).document.review.reviewer.name != (
        "Bob Bakker"
    )
    with pytest.raises(DocumentGone):
        register.save("no-such-id", doc, base_version=1)


def test_search_finds_each_field(register, tmp_path):
    files = [
        _variant(
            SAFETY,
            tmp_path,
            "a",
            address="Lindelaan 4, Utrecht",
            municipality="Utrecht",
            adviser="Anna de Vries",
        ),
        _variant(
            HOFBLOK,
            tmp_path,
            "b",
            address="Kastanjeplein 12",
            municipality="Den Bosch",
            name="Hofblok Kastanje",
            adviser="Bob Bakker",
        ),
    ]
    result = import_files(register, files)
    assert not result.failed and len(result.imported) == 2
    one = lambda text: {h.address for h in register.search(text)}  # noqa: E731
    assert one("lindelaan") == {"Lindelaan 4, Utrecht"}
    assert one("UTRECHT") == {"Lindelaan 4, Utrecht"}
    assert one("kastanje") == {"Kastanjeplein 12"}  # plan name and address
    assert one("bakker") == {"Kastanjeplein 12"}  # adviser
    assert one("den bosch kastanje") == {"Kastanjeplein 12"}  # every word must match
    hit = register.search("anna")[0]
    assert "Lindelaan 4, Utrecht" in one(hit.stage)
    assert one(hit.outcome) >= {"Lindelaan 4, Utrecht"}
    assert one(hit.doc_date.isoformat()[:7]) >= {"Lindelaan 4, Utrecht"}
    assert one("%") == set() and one("l_ndelaan") == set()  # no LIKE wildcards
    assert register.search(outcome="nonsense") == []
    assert register.search(municipality="utrecht")[0].address == "Lindelaan 4, Utrecht"
    assert register.search(date_from=date(2100, 1, 1)) == []


def test_search_ignores_accents_and_finds_dutch_stage_names(register, tmp_path):
    path = _variant(SAFETY, tmp_path, "a", address="Café Ölstraat 1", stage="final_design")
    import_files(register, [path])
    assert register.search("cafe olstraat")
    assert register.search("definitief ontwerp")
    assert register.search("final design")
    assert not register.search("voorlopig ontwerp")


def test_statistics_count_outcomes_and_failing_criteria(register):
    import_files(register, document_files(EXAMPLES))
    stats = register.statistics(period="month")
    assert stats.reviews == 3
    assert sum(stats.outcome_totals().values()) == 3
    assert {r.municipality for r in stats.outcomes} == {"Zwolle", "Amersfoort"}
    top = stats.failing[0]
    assert top.fails >= stats.failing[-1].fails and top.fails <= top.assessed
    assert top.title_en and top.level in ("requirement", "recommendation")
    later = register.statistics(date_from=date(2100, 1, 1))
    assert later.reviews == 0 and later.failing == []
    with pytest.raises(ValueError):
        register.statistics(period="week")


def test_export_writes_files_the_app_opens(register, tmp_path):
    stored = register.add(load_review(SAFETY))
    register.add(load_review(COHESION))
    written = register.export_dossier(stored.dossier_id, tmp_path / "out")
    assert len(written) == 2
    again = {load_review(p).review.perspective for p in written}
    assert {p.value for p in again} == {"safety", "cohesion"}
    assert register.find_dossiers(stored.dossier_id) == [stored.dossier_id]
    assert register.find_dossiers(stored.document_id) == [stored.dossier_id]
    assert register.find_dossiers("renovatie galerijflat merelhof") == [stored.dossier_id]


def test_a_hostile_file_is_refused_on_import_and_the_others_go_in(register, tmp_path):
    good = tmp_path / "good.review"
    shutil.copy(SAFETY, good)
    evil = tmp_path / "evil.review"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("review.json", "{}")
        zf.writestr("../../etc/passwd", "x")
    broken = tmp_path / "broken.review"
    broken.write_bytes(b"not a zip")
    result = import_files(register, document_files(tmp_path))
    assert [p.name for p, _ in result.imported] == ["good.review"]
    failed = dict((p.name, msg) for p, msg in result.failed)
    assert "'..'" in failed["evil.review"]
    assert "not a review file" in failed["broken.review"]
    assert register.counts()["documents"] == 1


def test_damaged_stored_data_is_one_clear_error(register):
    import sqlalchemy as sa

    from reviewer.storage.register import tables

    stored = register.add(load_review(SAFETY))
    with register.engine.begin() as conn:
        conn.execute(sa.update(tables.revisions).values(payload=b"garbage"))
    with pytest.raises(RegisterError, match="damaged"):
        register.open_document(stored.document_id)
