"""The register at scale: import, search as you type, statistics, open against a file.

Reviews are generated from the bundled examples with varied addresses, municipalities,
advisers, dates and verdicts. The fast path is in the generation only (the example's JSON
edited as a dict and zipped, no pydantic, no atomic save per file); the import goes
through the real `import_files`, so every file passes the loader's checks.

Sizes: REVIEWER_REGISTER_BENCH_N reviews (default 1,000); REVIEWER_BENCHMARK_FULL=1 (or
REVIEWER_BENCH_FULL=1) runs the issue's 10,000. Printed (run with -s):
- import: total seconds and documents per second;
- search: the median and worst time per keystroke while typing an address, a
  municipality and an adviser (each prefix a new query, as the register window does);
- statistics: outcomes per quarter and municipality plus the 15 most-failed criteria;
- open: opening a review from the register against loading the same .review from disk
  (median of each over the same documents, and their ratio).
On PostgreSQL too when REVIEWER_TEST_PG_URL is set (the register tests' fixture).

    REVIEWER_TEST_PG_URL=... .venv/bin/python -m pytest \
        tests/benchmarks/test_register_benchmark.py -s
"""

from __future__ import annotations

import copy
import io
import json
import os
import random
import statistics
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from reviewer.paths import RESOURCES
from reviewer.storage.register import Register, document_files, import_files
from reviewer.storage.review_file import load_review
from tests.register.conftest import pg_database, register_url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.benchmark

# the suite's switch for full sizes, and the name for it
FULL = "1" in (os.environ.get("REVIEWER_BENCHMARK_FULL"), os.environ.get("REVIEWER_BENCH_FULL"))
N = 10_000 if FULL else int(os.environ.get("REVIEWER_REGISTER_BENCH_N", "1000"))
SEARCH_LIMIT_MS = 50.0  # the target for SQLite: well under it
OPEN_RATIO_LIMIT = 3.0  # regression guard: opening from the register vs from a file

STREETS = [
    "Boomgaardstraat",
    "Lindelaan",
    "Kastanjeplein",
    "Merelhof",
    "Havenkade",
    "Molenweg",
    "Stationsstraat",
    "Kerkpad",
    "Wilhelminapark",
    "Singel",
    "Zuiderdiep",
    "Beukenlaan",
]
PLACES = [
    "Zwolle",
    "Amersfoort",
    "Utrecht",
    "Deventer",
    "Apeldoorn",
    "Den Bosch",
    "Tilburg",
    "Groningen",
    "Leeuwarden",
    "Arnhem",
    "Nijmegen",
    "Enschede",
]
ADVISERS = ["Anna de Vries", "Bob Bakker", "Carla Jansen", "Dirk Smit", "Eva Mulder"]
STAGES = ["sketch", "preliminary_design", "final_design", "specification", "handover"]


def _template(name: str) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(RESOURCES / "examples" / name) as zf:
        payload = json.loads(zf.read("review.json"))
        attachments = {
            n.split("/", 1)[1]: zf.read(n) for n in zf.namelist() if n.startswith("attachments/")
        }
    return payload, attachments


def generate(folder: Path, n: int, seed: int = 15) -> list[Path]:
    """`n` .review files varied from the examples (1 in 10 with the photos of the
    gallery-flat safety review; the same photos each time, so the register keeps them once)."""
    rng = random.Random(seed)
    templates = [
        _template("hofblok-veiligheid.review"),
        _template("galerijflat-cohesie.review"),
        _template("galerijflat-veiligheid.review"),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    start = date(2025, 1, 1)
    for i in range(n):
        payload, attachments = templates[2 if i % 10 == 0 else i % 2]
        payload = copy.deepcopy(payload)
        review = payload["review"]
        identity = review["plan"]["identity"]
        street = rng.choice(STREETS)
        place = rng.choice(PLACES)
        identity["name"] = f"{street} blok {i % 97}"
        identity["address"] = f"{street} {rng.randint(1, 200)}, {place}"
        identity["municipality"] = place
        identity["stage"] = rng.choice(STAGES)
        review["reviewer"]["name"] = rng.choice(ADVISERS)
        review["dossier"]["reference"] = f"{place[:2].upper()}/{2025 + i % 2}-{i:05d}"
        review["dossier"]["dispatch_date"] = (
            start + timedelta(days=rng.randint(0, 700))
        ).isoformat()
        for item in review["assessments"].values():
            if item.get("auto_verdict") is None and item.get("verdict") in ("meets", "fails"):
                item["verdict"] = rng.choice(("meets", "meets", "fails"))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("review.json", json.dumps(payload, ensure_ascii=False))
            for name, data in attachments.items():
                zf.writestr(f"attachments/{name}", data, compress_type=zipfile.ZIP_STORED)
        path = folder / f"review-{i:05d}.review"
        path.write_bytes(buffer.getvalue())
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    t0 = time.perf_counter()
    paths = generate(tmp_path_factory.mktemp("reviews"), N)
    print(f"\n[register] generated {N} .review files in {time.perf_counter() - t0:.1f} s")
    return paths


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def test_register_at_scale(register_url: str, generated: list[Path]) -> None:  # noqa: F811
    backend = register_url.split(":", 1)[0]
    with Register.open(register_url) as register:
        t0 = time.perf_counter()
        result = import_files(register, generated, saved_by="bench")
        import_s = time.perf_counter() - t0
        assert not result.failed and len(result.imported) == N
        counts = register.counts()
        assert counts["documents"] == N
        assert counts["blobs"] < 20  # checklists and photos kept once, not N times

        # search as you type: every prefix of three queries is one query
        timings: list[float] = []
        for query in ("boomgaardstraat 12", "den bosch", "carla jansen handover"):
            for end in range(1, len(query) + 1):
                t = time.perf_counter()
                hits = register.search(query[:end])
                timings.append(time.perf_counter() - t)
            assert hits, query
        assert all(h.municipality == "Den Bosch" for h in register.search("den bosch"))

        t = time.perf_counter()
        stats = register.statistics(period="quarter", top=15)
        stats_s = time.perf_counter() - t
        assert stats.reviews == N and stats.failing

        # open from the register against load from disk, the same documents
        by_path = {str(p): s.document_id for p, s in result.imported}
        sample = generated[1 : 1 + 20]
        for path in sample[:2]:  # warm-up (imports, caches)
            register.open_document(by_path[str(path)])
            load_review(path)
        from_register, from_disk = [], []
        for path in sample:
            t = time.perf_counter()
            opened = register.open_document(by_path[str(path)])
            from_register.append(time.perf_counter() - t)
            t = time.perf_counter()
            loaded = load_review(path)
            from_disk.append(time.perf_counter() - t)
            assert opened.document.review == loaded.review
        ratio = statistics.median(from_register) / statistics.median(from_disk)

    search_median = _median_ms(timings)
    print(
        f"\n[register {backend}] {N} reviews: import {import_s:.1f} s "
        f"({N / import_s:.0f}/s); search per keystroke median {search_median:.1f} ms, "
        f"worst {max(timings) * 1000:.1f} ms ({len(timings)} keystrokes); statistics "
        f"{stats_s * 1000:.0f} ms; open from register {_median_ms(from_register):.1f} ms vs "
        f"file {_median_ms(from_disk):.1f} ms (ratio {ratio:.2f}); "
        f"{counts['blobs']} blobs for {N} documents"
    )
    if backend == "sqlite":
        assert search_median < SEARCH_LIMIT_MS
    assert ratio < OPEN_RATIO_LIMIT


def test_generated_files_pass_the_loader(generated: list[Path]) -> None:
    """The fast generation makes files the app opens (what the import measured is real)."""
    for path in (generated[0], generated[1], generated[-1]):
        assert load_review(path).review.plan.identity.municipality
    assert len(document_files(generated[0].parent)) == N
