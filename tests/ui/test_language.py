"""Switching the language retranslates the window live and is remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from reviewer.domain.verdict import Verdict
from reviewer.ui.i18n import current_lang, notifier

CONTEXTS = {
    "MainWindow",
    "WindowActions",
    "Navigator",
    "ChecklistModel",
    "CriterionPanel",
    "StartPage",
}


class MarkingTranslator(QTranslator):
    """Wraps every string of our contexts in «», to see which texts were retranslated."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        if context in CONTEXTS:
            return f"«{source}»"
        return None

    def isEmpty(self) -> bool:  # type: ignore[override]
        return False


def test_language_menu_switches_checklist_texts_and_is_remembered(opened):
    window = opened
    window.navigator.select("GEB-ENTREE-01")
    assert window.language_actions["en"].isChecked()
    window.language_actions["nl"].trigger()
    assert current_lang() == "nl"
    assert window.language_actions["nl"].isChecked()
    assert not window.language_actions["en"].isChecked()
    assert QSettings().value("language") == "nl"
    assert window.criterion_panel.title_label.text() == "Maximaal tien woningen per entree"
    assert window.navigator.model.index(1, 0).data() == "Openbare ruimte"
    assert window.verdict_actions[Verdict.MEETS].text().endswith("voldoet")
    assert "Veiligheid" in window.status_label.text()
    window.language_actions["en"].trigger()
    assert QSettings().value("language") == "en"
    assert window.criterion_panel.title_label.text() == "At most ten per entrance"


def test_every_widget_retranslates_live(opened):
    window = opened
    marker = MarkingTranslator()
    app = QApplication.instance()
    app.installTranslator(marker)
    try:
        notifier.changed.emit("en")
        assert window.file_menu.title() == "«&File»"
        assert window.tabs.tabText(2) == "«Summary»"
        assert window.undo_action.iconText() == "«Undo»"
        assert window.undo_action in window.edit_menu.actions()
        assert window.navigator.requirements_only.text() == "«Requirements only»"
        assert window.navigator.verdict_filter.itemText(1) == "«Only not assessed»"
        assert window.criterion_panel.notes_box.title() == "«Notes and measure»"
        assert window.start_page.new_button.text() == "«New review…»"
        header = window.navigator.model.headerData(0, Qt.Orientation.Horizontal)
        assert header == "«Criterion»"
    finally:
        app.removeTranslator(marker)
        notifier.changed.emit("en")
    assert window.file_menu.title() == "&File"


def test_undo_still_works_after_a_language_switch(opened):
    window = opened
    window.language_actions["nl"].trigger()
    window.session.set_verdict("OR-HOF-01", Verdict.MEETS)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert window.session.review.assessments["OR-HOF-01"].verdict is Verdict.NOT_ASSESSED
    window.language_actions["en"].trigger()


def test_qt_standard_buttons_follow_the_language(opened):
    from PySide6.QtWidgets import QDialogButtonBox

    opened.language_actions["nl"].trigger()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Discard)
    assert box.buttons()[0].text() == "Verwerpen"
    opened.language_actions["en"].trigger()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Discard)
    assert box.buttons()[0].text() == "Discard"
