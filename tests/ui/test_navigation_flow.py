"""Moving through the criteria as a new user does: clicks in the list from another view,
a search that finds nothing, F3 on a criterion that has no verdict yet."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.ui.review.pages import CRITERION, DRAWINGS, PLAN


def click_criterion(qtbot, navigator, criterion_id: str) -> None:
    tree = navigator.tree
    index = navigator.proxy.mapFromSource(navigator.model.criterion_index(criterion_id))
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_criterion_from_the_plan_or_drawings_view_opens_it(opened, qtbot):
    window = opened
    for view in (PLAN, DRAWINGS):
        window.show_view(view)
        assert window.tabs.currentIndex() == view
        target = "OR-LICHT-01" if view == PLAN else "GEB-PLINT-01"
        click_criterion(qtbot, window.navigator, target)
        assert window.tabs.currentIndex() == CRITERION
        assert window.criterion_panel.criterion_id == target


def test_clicking_a_section_leaves_the_view_alone(opened, qtbot):
    window = opened
    window.show_view(PLAN)
    tree = window.navigator.tree
    section = window.navigator.proxy.index(0, 0)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(section).center()
    )
    assert window.tabs.currentIndex() == PLAN


def test_a_search_without_a_match_lists_nothing_and_says_so(opened, qtbot):
    window = opened
    nav = window.navigator
    current = nav.current_id()
    assert current is not None
    nav.search.setFocus()
    qtbot.keyClicks(nav.search, "zzzgeenmatch")
    assert nav.visible_ids() == []
    assert nav.empty.isVisible()
    assert "match" in nav.empty.text()
    # a search that matches the current criterion still shows it
    nav.search.clear()
    qtbot.keyClicks(nav.search, current.lower())
    assert nav.visible_ids() == [current]
    assert not nav.empty.isVisible()


def test_f3_stays_on_the_current_criterion_when_it_has_no_verdict(opened, qtbot):
    window = opened
    review = window.session.review
    nav = window.navigator
    nav.select("OR-HOF-01")
    assert not review.assessments["OR-HOF-01"].verdict.is_assessed
    window.show_view(PLAN)
    qtbot.keyClick(nav.tree, Qt.Key.Key_F3)
    assert window.tabs.currentIndex() == CRITERION
    assert window.criterion_panel.criterion_id == "OR-HOF-01"
    # F3 again, without a verdict: this one is skipped for now
    qtbot.keyClick(nav.tree, Qt.Key.Key_F3)
    assert window.criterion_panel.criterion_id == "STR-PART-01"
    # back to an assessed one: F3 goes to the next without a verdict
    nav.select("GEB-ENTREE-01")
    qtbot.keyClick(nav.tree, Qt.Key.Key_F3)
    assert window.criterion_panel.criterion_id == "OR-HOF-01"
