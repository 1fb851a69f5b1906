"""Two processes save the same document from the same version: the second is refused
with who saved and when, and the first one's changes survive (SQLite and PostgreSQL)."""

from __future__ import annotations

import multiprocessing as mp

from reviewer.storage.register import Register
from reviewer.storage.review_file import load_review
from tests.register.conftest import EXAMPLES


def _adviser(url: str, document_id: str, name: str, opened, go, out) -> None:
    """Open the document, wait for the signal, then save it with `name` as adviser."""
    from reviewer.domain.review import Reviewer
    from reviewer.storage.register import Register, RegisterConflict

    with Register.open(url) as register:
        doc = register.open_document(document_id)
        opened.set()
        go.wait(60)
        doc.document.review = doc.document.review.model_copy(
            update={"reviewer": Reviewer(name=name)}
        )
        try:
            stored = register.save(
                document_id, doc.document, base_version=doc.stored.version, saved_by=name
            )
            out.put((name, "saved", stored.version, ""))
        except RegisterConflict as exc:
            out.put((name, "conflict", exc.version, exc.saved_by))


def test_the_second_of_two_processes_gets_the_conflict(register_url):
    with Register.open(register_url) as register:
        document_id = register.add(load_review(EXAMPLES / "hofblok-veiligheid.review")).document_id
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    workers = []
    for name in ("anna", "bob"):
        opened, go = ctx.Event(), ctx.Event()
        p = ctx.Process(target=_adviser, args=(register_url, document_id, name, opened, go, out))
        p.start()
        assert opened.wait(60), f"{name} did not open the document"
        workers.append((p, go))
    # both have version 1 open; anna saves first, then bob
    workers[0][1].set()
    first = out.get(timeout=60)
    workers[1][1].set()
    second = out.get(timeout=60)
    for p, _ in workers:
        p.join(30)
        assert p.exitcode == 0
    assert first == ("anna", "saved", 2, "")
    assert second == ("bob", "conflict", 2, "anna")
    with Register.open(register_url) as register:
        kept = register.open_document(document_id)
        assert kept.document.review.reviewer.name == "anna"
        assert kept.stored.version == 2 and kept.stored.saved_by == "anna"


def test_simultaneous_saves_never_both_win(register_url):
    """Released together: exactly one save wins, whichever it is."""
    with Register.open(register_url) as register:
        document_id = register.add(load_review(EXAMPLES / "hofblok-veiligheid.review")).document_id
    ctx = mp.get_context("spawn")
    out, go = ctx.Queue(), ctx.Event()
    procs = []
    for name in ("anna", "bob", "carla"):
        opened = ctx.Event()
        p = ctx.Process(target=_adviser, args=(register_url, document_id, name, opened, go, out))
        p.start()
        assert opened.wait(60)
        procs.append(p)
    go.set()
    results = [out.get(timeout=90) for _ in procs]
    for p in procs:
        p.join(30)
    winners = [r for r in results if r[1] == "saved"]
    assert len(winners) == 1
    assert all(r[1:] == ("conflict", 2, winners[0][0]) for r in results if r[1] == "conflict")
    with Register.open(register_url) as register:
        assert register.open_document(document_id).document.review.reviewer.name == winners[0][0]
