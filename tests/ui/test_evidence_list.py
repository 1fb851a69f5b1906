"""The evidence list of a criterion with thousands of elements (issue 17): a bounded
number of rows, the findings first, and a line saying how many more there are."""

from __future__ import annotations

from reviewer.domain.review import Assessment
from reviewer.domain.rules import Evidence
from reviewer.domain.text import Text
from reviewer.domain.verdict import Verdict
from reviewer.ui.widgets.evidence_list import MAX_ROWS, EvidenceList


def _assessment(count: int, failing: set[int]) -> Assessment:
    evidence = [
        Evidence(
            element=f"N{i}",
            verdict=Verdict.FAILS if i in failing else Verdict.MEETS,
            text=Text(nl=f"Entree N{i}", en=f"Entrance N{i}"),
        )
        for i in range(count)
    ]
    return Assessment(criterion_id="GEB-ENTREE-01", evidence=evidence)


def _shown(widget: EvidenceList) -> list[str]:
    return [element.text() for _dot, element, _text in widget._rows if not element.isHidden()]


def test_a_long_list_shows_the_findings_first_and_says_how_many_more(qtbot):
    widget = EvidenceList()
    qtbot.addWidget(widget)
    count = 4 * MAX_ROWS
    widget.set_evidence(_assessment(count, failing={count - 1, count - 7}), "en")
    shown = _shown(widget)
    assert len(shown) == MAX_ROWS and len(widget._rows) == MAX_ROWS
    assert shown[:2] == [f"N{count - 7}", f"N{count - 1}"]  # failing first, in plan order
    assert shown[2:5] == ["N0", "N1", "N2"]
    assert not widget._more.isHidden()
    assert f"{count - MAX_ROWS} more elements" in widget._more.text()


def test_a_short_list_shows_every_element_in_order(qtbot):
    widget = EvidenceList()
    qtbot.addWidget(widget)
    widget.set_evidence(_assessment(4 * MAX_ROWS, failing={3}), "en")
    widget.set_evidence(_assessment(5, failing={3}), "nl")
    assert _shown(widget) == ["N0", "N1", "N2", "N3", "N4"]
    assert widget._more.isHidden()
