"""The navigator's models (checked by qtmodeltester), its filters, search and progress."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QModelIndex, Qt

from reviewer.domain.checklist import Perspective
from reviewer.domain.verdict import Verdict
from reviewer.storage.review_file import ReviewDocument
from reviewer.ui.i18n import set_language
from reviewer.ui.review.navigator import ChecklistModel, Column, Navigator, NavigatorFilter, Role
from reviewer.ui.review.session import ReviewSession


@pytest.fixture
def session(review):
    return ReviewSession(ReviewDocument(review))


@pytest.fixture
def navigator(qtbot, session):
    nav = Navigator()
    qtbot.addWidget(nav)
    nav.set_session(session)
    nav.resize(420, 600)
    nav.show()
    qtbot.waitExposed(nav)
    return nav


def shown(nav: Navigator) -> list[str]:
    return nav.visible_ids()


def test_checklist_model_passes_qtmodeltester(qtmodeltester, session):
    model = ChecklistModel()
    qtmodeltester.check(model)  # empty
    model.set_session(session)
    qtmodeltester.check(model)
    # and while it changes
    session.set_verdict("OR-HOF-01", Verdict.MEETS)
    session.set_text("OR-HOF-01", "notes", "hek")
    qtmodeltester.check(model)
    model.set_session(None)
    qtmodeltester.check(model)


def test_filter_proxy_passes_qtmodeltester(qtmodeltester, session):
    model = ChecklistModel()
    model.set_session(session)
    proxy = NavigatorFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filters(perspective=Perspective.COHESION, text="speel")
    qtmodeltester.check(proxy)
    proxy.set_filters(perspective=None, verdict="not_assessed", text="")
    qtmodeltester.check(proxy)
    session.set_verdict("OR-HOF-01", Verdict.MEETS)  # leaves the filtered list
    qtmodeltester.check(proxy)


def test_rows_show_verdict_level_perspective_and_notes(session, qtbot):
    model = ChecklistModel()
    model.set_session(session)
    assert model.rowCount() == 3
    building = model.index(0, 0)
    assert building.data() == "Building"
    assert model.index(0, Column.EXTRAS).data() == "2/2"  # assessed / applicable
    entrance = model.index(0, 0, building)
    assert entrance.data(Role.CRITERION_ID) == "GEB-ENTREE-01"
    assert entrance.data(Role.VERDICT) == "fails"  # the rule's verdict
    assert not entrance.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert not model.index(0, Column.LEVEL, building).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, Column.PERSPECTIVE, building).data() == "S+C"
    assert model.index(1, Column.PERSPECTIVE, building).data() == "C"
    assert model.index(1, Column.LEVEL, building).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(0, Column.EXTRAS, building).data(Qt.ItemDataRole.DecorationRole) is None
    with qtbot.waitSignal(model.dataChanged):
        session.set_text("GEB-ENTREE-01", "notes", "te veel woningen")
    assert model.index(0, Column.EXTRAS, building).data(Qt.ItemDataRole.DecorationRole)
    # out of the review's perspective: muted
    assert model.index(1, 0, building).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_filters_by_perspective_verdict_and_level(navigator):
    nav = navigator
    everything = shown(nav)
    assert len(everything) == 8
    nav.set_perspective_filter("safety")
    assert shown(nav) == [
        "GEB-ENTREE-01",
        "GEB-PLINT-01",
        "OR-LICHT-01",
        "OR-HOF-01",
        "STR-PART-01",
    ]
    nav.set_perspective_filter("cohesion")
    assert "OR-LICHT-01" not in shown(nav) and "OR-SPEEL-01" in shown(nav)
    nav.set_perspective_filter("")
    nav.set_verdict_filter("not_assessed")
    # the cohesion-only rules have an automatic result but no verdict in a safety review
    assert shown(nav) == [
        "GEB-GALERIJ-01",
        "OR-SPEEL-01",
        "OR-HOF-01",
        "STR-MIX-01",
        "STR-PART-01",
    ]
    nav.set_verdict_filter("fails")
    assert set(shown(nav)) == {"GEB-ENTREE-01", "GEB-PLINT-01"}
    nav.set_verdict_filter("all")
    nav.requirements_only.setChecked(True)
    assert shown(nav) == ["GEB-ENTREE-01", "GEB-PLINT-01", "OR-LICHT-01", "OR-SPEEL-01"]
    # a section without matching criteria disappears
    sections = [nav.proxy.index(r, 0).data() for r in range(nav.proxy.rowCount())]
    assert sections == ["Building", "Public space"]
    nav.clear_filters()
    assert shown(nav) == everything


def test_search_titles_and_guidance_in_the_current_language(navigator):
    nav = navigator
    nav.search.setText("lighting")
    assert shown(nav) == ["OR-LICHT-01"]
    nav.search.setText("LIGHT")  # guidance "Light." too, case-insensitive
    assert shown(nav) == ["OR-LICHT-01"]
    nav.search.setText("verlichting")  # Dutch title, English interface
    assert shown(nav) == []
    assert nav.empty.isVisible()
    set_language("nl")
    assert shown(nav) == ["OR-LICHT-01"]
    nav.search.setText("geen blinde")  # every word must occur
    assert shown(nav) == ["GEB-PLINT-01"]
    nav.search.setText("or-speel")  # the id too
    assert shown(nav) == ["OR-SPEEL-01"]
    nav.search.clear()
    assert not nav.empty.isVisible()


def test_current_criterion_stays_visible_until_the_reviewer_moves_on(navigator, session):
    nav = navigator
    nav.set_verdict_filter("not_assessed")
    assert nav.select("OR-HOF-01")
    session.set_verdict("OR-HOF-01", Verdict.MEETS)
    # no longer "not assessed", but it is the one being worked on
    assert "OR-HOF-01" in shown(nav)
    assert nav.current_id() == "OR-HOF-01"
    nav.select("STR-PART-01")
    assert "OR-HOF-01" not in shown(nav)
    assert "STR-PART-01" in shown(nav)


def test_select_clears_filters_that_hide_the_criterion(navigator):
    nav = navigator
    nav.search.setText("lighting")
    assert nav.select("GEB-PLINT-01")
    assert nav.search.text() == ""
    assert nav.current_id() == "GEB-PLINT-01"


def test_next_unassessed_skips_other_perspectives_and_wraps(navigator, session):
    nav = navigator
    nav.select("GEB-ENTREE-01")
    assert nav.next_unassessed() == "OR-HOF-01"
    assert nav.next_unassessed() == "STR-PART-01"
    assert nav.next_unassessed() == "OR-HOF-01"  # wraps
    session.set_verdict("OR-HOF-01", Verdict.MEETS)
    session.set_verdict("STR-PART-01", Verdict.PARTLY, justification="lokale beperking")
    assert nav.next_unassessed() is None


def test_progress_bar_counts_criteria_in_scope(navigator, session):
    nav = navigator
    assert nav.progress.format() == "3 of 5 assessed"
    # not applicable is a judgement: assessed, and the denominator does not move
    session.set_verdict("OR-HOF-01", Verdict.NOT_APPLICABLE)
    assert nav.progress.format() == "4 of 5 assessed"
    session.set_verdict("STR-PART-01", Verdict.MEETS)
    assert nav.progress.value() == 5 and nav.progress.maximum() == 5


def test_model_reset_and_empty_state(qtbot):
    nav = Navigator()
    qtbot.addWidget(nav)
    assert not nav.isEnabled()
    assert nav.progress.format() == "No review open"
    assert nav.model.rowCount(QModelIndex()) == 0
    assert nav.step(1) is False
    assert nav.next_unassessed() is None


def png_photo() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 6), "#8a8f98").save(buf, "PNG")
    return buf.getvalue()


def test_tooltips(session):
    model = ChecklistModel()
    model.set_session(session)
    building = model.index(0, 0)
    assert "2 of 2 applicable criteria assessed" in building.data(Qt.ItemDataRole.ToolTipRole)
    entrance = model.index(0, 0, building)
    assert entrance.data(Qt.ItemDataRole.ToolTipRole).startswith("GEB-ENTREE-01")
    session.add_photo("GEB-ENTREE-01", "gevel.png", png_photo())  # the session checks it
    extras = model.index(0, Column.EXTRAS, building)
    assert extras.data(Qt.ItemDataRole.ToolTipRole) == "1 photo(s)"
    assert model.index(0, Column.LEVEL, building).data(Qt.ItemDataRole.ToolTipRole) == "Requirement"
    galleries = model.index(1, 0, building)
    assert "Outside the perspective" in galleries.data(Qt.ItemDataRole.ToolTipRole)
