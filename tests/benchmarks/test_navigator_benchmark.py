"""Switching criterion in the navigator on a 500-criterion checklist, against bare widgets.

The app: the real main window at 1280×800 with a generated checklist of 500 criteria
(every fifth with a rule, so the panel shows evidence); one switch is making the next
criterion current in the tree, which fills the criterion panel, and letting Qt paint.
The baseline: a QListWidget with 500 rows and a QLabel; one switch is setCurrentRow plus
setText, and letting Qt paint. Figures are printed (run with -s).

    .venv/bin/python -m pytest tests/benchmarks/test_navigator_benchmark.py -s
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QListWidget, QWidget

# the offscreen plugin warns whenever a window's size constraints change
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SECTIONS = 10
PER_SECTION = 50
SWITCHES = 200
# a switch must stay well below what a person notices (~100 ms)
LIMIT_MS = 30.0


def _text(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def big_checklist() -> dict[str, Any]:
    sections = []
    for s in range(SECTIONS):
        criteria = []
        for c in range(PER_SECTION):
            criterion: dict[str, Any] = {
                "id": f"S{s}-C{c:03d}",
                "title": _text(
                    f"Criterium {s}.{c}: zicht op de entree en de openbare ruimte",
                    f"Criterion {s}.{c}: a view of the entrance and the public space",
                ),
                "guidance": _text(
                    "Controleer of de entree vanuit de woningen te zien is. " * 4,
                    "Check that the entrance can be seen from the dwellings. " * 4,
                ),
                "perspectives": [["safety"], ["cohesion"], ["safety", "cohesion"]][c % 3],
                "level": "requirement" if c % 2 else "recommendation",
                "source": _text("Benchmark", "Benchmark"),
            }
            if c % 5 == 0:
                criterion["rule"] = {
                    "kind": "each",
                    "applies_to": "entrances",
                    "all_of": [{"fact": "dwellings_served", "op": "le", "value": 10}],
                }
            criteria.append(criterion)
        sections.append(
            {"id": f"S{s}", "title": _text(f"Sectie {s}", f"Section {s}"), "criteria": criteria}
        )
    return {
        "id": "benchmark",
        "version": "1",
        "title": _text("Benchmark", "Benchmark"),
        "sections": sections,
        "outcome": {"default_text": _text("Positief.", "Positive.")},
    }


def per_switch_ms(switch, count: int) -> float:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    timings = []
    for i in range(count):
        start = time.perf_counter()
        switch(i)
        app.processEvents()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


@pytest.mark.benchmark
def test_switching_criterion_against_a_bare_list(qtbot, plan, tmp_path):
    from reviewer.domain.checklist import checklist_from_data
    from reviewer.domain.review import Reviewer, new_review
    from reviewer.storage.review_file import ReviewDocument
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.review.session import ReviewSession

    review = new_review(plan, checklist_from_data(big_checklist()), "safety", Reviewer())
    assert len(review.criteria()) == SECTIONS * PER_SECTION
    window = MainWindow(remember=False, autosave=False)
    qtbot.addWidget(window)
    window.set_session(ReviewSession(ReviewDocument(review)))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    ids = [c.id for c in review.criteria()]
    navigator = window.navigator

    def switch_app(i: int) -> None:
        navigator.select(ids[i % len(ids)])

    # warm up (icons, fonts, layouts), then measure
    per_switch_ms(switch_app, 20)
    app_ms = per_switch_ms(switch_app, SWITCHES)
    assert window.criterion_panel.criterion_id == ids[(SWITCHES - 1) % len(ids)]

    bare = QWidget()
    qtbot.addWidget(bare)
    listing = QListWidget(bare)
    listing.addItems([c.title.en for c in review.criteria()])
    label = QLabel(bare)
    label.setWordWrap(True)
    layout = QHBoxLayout(bare)
    layout.addWidget(listing)
    layout.addWidget(label, 2)
    bare.resize(1280, 800)
    bare.show()
    qtbot.waitExposed(bare)
    criteria = review.criteria()

    def switch_bare(i: int) -> None:
        listing.setCurrentRow(i % len(criteria))
        label.setText(criteria[i % len(criteria)].guidance.en)

    per_switch_ms(switch_bare, 20)
    bare_ms = per_switch_ms(switch_bare, SWITCHES)
    print(
        f"\nswitch criterion (median of {SWITCHES}, 500 criteria): app {app_ms:.2f} ms, "
        f"bare QListWidget+QLabel {bare_ms:.2f} ms, ratio {app_ms / bare_ms:.1f}× "
        f"(limit {LIMIT_MS:.0f} ms per switch)"
    )
    assert app_ms < LIMIT_MS


@pytest.mark.benchmark
def test_filtering_500_criteria_is_quick(qtbot, plan):
    from reviewer.domain.checklist import checklist_from_data
    from reviewer.domain.review import Reviewer, new_review
    from reviewer.storage.review_file import ReviewDocument
    from reviewer.ui.review.navigator import Navigator
    from reviewer.ui.review.session import ReviewSession

    review = new_review(plan, checklist_from_data(big_checklist()), "safety", Reviewer())
    navigator = Navigator()
    qtbot.addWidget(navigator)
    navigator.set_session(ReviewSession(ReviewDocument(review)))
    navigator.show()
    qtbot.waitExposed(navigator)
    words = ["entr", "entrance", "view of", "4.1", "", "dwellings", "S3-C04", ""]
    start = time.perf_counter()
    for word in words:
        navigator.search.setText(word)
        QApplication.processEvents()
    per_filter = (time.perf_counter() - start) * 1000 / len(words)
    print(f"\nfilter 500 criteria by text: {per_filter:.1f} ms per keystroke")
    assert per_filter < 100
