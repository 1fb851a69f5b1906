"""Qt table models over a review's plan facts: one model per element type, and the list of types.

The models read `session.review.plan` and never change it themselves: an edit is parsed
here (text typed into a cell becomes a number, a yes/no, an enumeration value) and then
handed to `ReviewSession.set_fact`, which validates it, re-evaluates the rules and pushes
an undo command. A value that is not allowed is refused with a message (signal `message`)
and the cell is marked until the next good edit; the plan stays as it was.

An empty cell means "unknown" (`None`): rules over an unknown fact give "not assessed".
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen
from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.domain.numbers import format_number, parse_number
from reviewer.domain.plan import (
    COLLECTION_LABELS,
    COLLECTIONS,
    DUPLICATE_ID,
    ELEMENT_LABELS,
    FACTS,
    GLAZING_ORDER,
    PRICE_CLASS_LABELS,
    RULE_COLLECTIONS,
    SUGGESTED_ELEMENT,
    TOO_MANY_ELEMENTS,
    VALUE_LABELS,
    PriceClass,
    value_label,
)
from reviewer.domain.review import Review
from reviewer.domain.rules import Evidence
from reviewer.domain.text import Text
from reviewer.domain.verdict import Verdict
from reviewer.ui import icons
from reviewer.ui.i18n import current_lang
from reviewer.ui.review.session import FactError, ReviewSession

Index = QModelIndex | QPersistentModelIndex

# Roles beyond Qt's own: what the delegate needs to choose an editor.
COLUMN_ROLE = Qt.ItemDataRole.UserRole + 1  # the Column spec of the cell
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # number of elements (collection list)
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # collection key (collection list)

IDENTITY = "identity"  # the first entry of the collection list: identity and site

ERROR_BACKGROUND = QColor("#fde2e1")
SUGGESTED_BACKGROUND = QColor("#fff3d6")  # a suggestion from a BIM model, not yet confirmed
ERROR_FOREGROUND = QColor("#9b1c1c")

HEADER_WRAP = 12  # characters; longer header labels are split over two lines


translate = QCoreApplication.translate


# ---------------------------------------------------------------- column specs


@dataclass(frozen=True)
class Column:
    """One column of an element table: a fact of the element type and how to edit it."""

    key: str
    kind: str  # "id", "text", "opt_text", "int", "float", "bool", "enum"
    label: Text
    unit: str = ""
    enum: type[StrEnum] | None = None
    minimum: float | None = None
    minimum_exclusive: bool = False
    maximum: float | None = None
    max_chars: int | None = None  # a text's length limit

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "float")

    def name(self, lang: str) -> str:
        """The label with a capital, without unit: "Lengte"."""
        text = self.label.get(lang)  # type: ignore[arg-type]
        return text[:1].upper() + text[1:]

    def title(self, lang: str) -> str:
        """The label with its unit: "Lengte (m)"."""
        return f"{self.name(lang)} ({self.unit})" if self.unit else self.name(lang)

    def header(self, lang: str) -> str:
        """The title wrapped for a column header."""
        return wrap_header(self.name(lang), self.unit)

    def choices(self, lang: str) -> list[tuple[str, str]]:
        """(stored value, label) for a yes/no or enumeration column, unknown first."""
        out = [("", translate("PlanModels", "unknown"))]
        if self.kind == "bool":
            out += [
                ("true", VALUE_LABELS["true"].get(lang)),
                ("false", VALUE_LABELS["false"].get(lang)),
            ]  # type: ignore[arg-type]
        elif self.enum is not None:
            out += [(m.value, enum_label(m, lang)) for m in self.enum]
        return out


def enum_label(member: StrEnum, lang: str) -> str:
    if isinstance(member, PriceClass):
        return PRICE_CLASS_LABELS[member.value].get(lang)  # type: ignore[arg-type]
    if member.value in VALUE_LABELS:
        return VALUE_LABELS[member.value].get(lang)  # type: ignore[arg-type]
    return member.value.replace("_", " ")


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """(base type, optional, constraint metadata) of a pydantic field annotation."""
    optional = False
    metadata: list[Any] = []
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        for item in extra:
            metadata.extend(getattr(item, "metadata", [item]))
        annotation = base
    return annotation, optional, metadata


ID_LABEL = Text(nl="aanduiding", en="ID")
NOTE_LABEL = Text(nl="opmerking", en="note")


def columns_for(collection: str) -> list[Column]:
    """The columns of an element table: id, the facts in FACTS order, then the note.

    For "site" (a collection of one, without id or note) only its facts.
    """
    cls = RULE_COLLECTIONS[collection]
    cols = (
        []
        if collection == "site"
        else [Column("id", "id", ID_LABEL, max_chars=_max_chars(cls, "id"))]
    )
    for key, info in FACTS[collection].items():
        base, optional, metadata = _unwrap(cls.model_fields[key].annotation)
        metadata += cls.model_fields[key].metadata  # where pydantic keeps a plain field's
        spec: dict[str, Any] = {}
        for m in metadata:
            if isinstance(m, Ge):
                spec["minimum"] = float(m.ge)  # type: ignore[arg-type]
            elif isinstance(m, Gt):
                spec["minimum"], spec["minimum_exclusive"] = float(m.gt), True  # type: ignore[arg-type]
            elif isinstance(m, Le):
                spec["maximum"] = float(m.le)  # type: ignore[arg-type]
            elif isinstance(m, Lt):
                spec["maximum"] = float(m.lt)  # type: ignore[arg-type]
            elif isinstance(m, MaxLen):
                spec["max_chars"] = m.max_length
        if base is bool:
            kind = "bool"
        elif isinstance(base, type) and issubclass(base, StrEnum):
            kind, spec["enum"] = "enum", base
        elif base is int:
            kind = "int"
        elif base is float:
            kind = "float"
        else:
            kind = "opt_text" if optional else "text"
        cols.append(Column(key, kind, info.label, info.unit, **spec))
    if collection != "site":
        cols.append(Column("note", "text", NOTE_LABEL, max_chars=_max_chars(cls, "note")))
    return cols


def _max_chars(cls: Any, field: str) -> int | None:
    _base, _optional, metadata = _unwrap(cls.model_fields[field].annotation)
    metadata += cls.model_fields[field].metadata
    return next((m.max_length for m in metadata if isinstance(m, MaxLen)), None)


def wrap_header(text: str, unit: str = "", width: int = HEADER_WRAP) -> str:
    """A header label over at most two lines: long labels split at the space nearest the
    middle, the unit after the label or on the second line."""
    suffix = f" ({unit})" if unit else ""
    if len(text) + len(suffix) <= width:
        return text + suffix
    if len(text) <= width or " " not in text:
        return text + ("\n" + suffix.strip() if suffix else "")
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :] + suffix


# ---------------------------------------------------------------- formatting and parsing


class Refused(ValueError):
    """An edit that is not allowed; the message says why, in the interface language."""


def parse_cell(column: Column, value: Any, lang: str) -> Any:
    """The fact value for what was entered in a cell; raises Refused with a message."""
    if isinstance(value, str):
        value = value.strip()
    if column.kind == "id":
        if not value:
            raise Refused(translate("PlanModels", "every element needs an ID, such as A or G1."))
        if len(str(value)) > 40:
            raise Refused(translate("PlanModels", "an ID can be at most 40 characters long."))
        return str(value)
    if column.kind == "text":
        return "" if value is None else str(value)
    if column.kind == "opt_text":
        if value is None or value == "":
            return None
        if value in ("-", "–", "—"):
            return ""
        return str(value)
    if value is None or value == "":
        return None
    if column.kind == "bool":
        if isinstance(value, bool):
            return value
        word = str(value).lower()
        yes = {"true", "1", "yes", "y", "ja", "j", VALUE_LABELS["true"].get(lang)}  # type: ignore[arg-type]
        no = {"false", "0", "no", "n", "nee", VALUE_LABELS["false"].get(lang)}  # type: ignore[arg-type]
        if word in yes:
            return True
        if word in no:
            return False
        raise Refused(translate("PlanModels", "choose yes, no or unknown."))
    if column.kind == "enum":
        assert column.enum is not None
        for member in column.enum:
            if (
                value in (member, member.value)
                or str(value).lower() == enum_label(member, lang).lower()
            ):
                return member.value
        raise Refused(translate("PlanModels", "choose one of the values in the list."))
    # numbers
    if isinstance(value, bool):
        raise Refused(translate("PlanModels", "enter a number."))
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = parse_number(str(value), lang)
        except ValueError:
            raise Refused(
                translate(
                    "PlanModels",
                    "“{0}” is not a number (leave the cell empty if the value is unknown).",
                ).format(value)
            ) from None
    if column.kind == "int" and not number.is_integer():
        raise Refused(translate("PlanModels", "enter a whole number."))
    if column.minimum is not None:
        if column.minimum_exclusive and number <= column.minimum:
            if column.kind == "int" and column.minimum == 0:
                raise Refused(
                    translate(
                        "PlanModels",
                        "must be at least 1 (leave the cell empty if the number is unknown).",
                    )
                )
            raise Refused(
                translate("PlanModels", "must be more than {0}.").format(
                    format_number(column.minimum, lang)
                )
            )
        if not column.minimum_exclusive and number < column.minimum:
            raise Refused(translate("PlanModels", "cannot be negative."))
    if column.maximum is not None and number > column.maximum:
        raise Refused(
            translate("PlanModels", "must be between {0} and {1}.").format(
                format_number(column.minimum or 0, lang), format_number(column.maximum, lang)
            )
        )
    return int(number) if column.kind == "int" else number


def is_suggested(element: Any, key: str) -> bool:
    """The cell holds a suggestion from a BIM model nobody confirmed: a suggested fact, or
    the id of an element whose existence is suggested."""
    suggested = getattr(element, "suggested", None) or []
    return key in suggested or (key == "id" and SUGGESTED_ELEMENT in suggested)


def suggestion_tooltip(element: Any) -> str:
    text = translate("PlanModels", "From IFC — confirm this suggestion (Confirm, Ctrl+Shift+K)")
    if getattr(element, "ifc_guid", ""):
        text += "\n" + translate("PlanModels", "GlobalId {0}").format(element.ifc_guid)
    return text


def friendly_fact_error(error: FactError) -> str:
    """A FactError from the session, in words a person understands, in the interface
    language: chosen by the error's type, with numbers from its context."""
    lang = current_lang()
    limit = error.ctx.get("max_length")
    if error.kind == GLAZING_ORDER:
        return translate(
            "PlanModels",
            "the glass cannot start above where it ends (glass from is above glass up to).",
        )
    if error.kind == DUPLICATE_ID:
        return translate(
            "PlanModels", "this ID is already used in this list; every element needs its own ID."
        )
    if error.kind == TOO_MANY_ELEMENTS:
        return translate("PlanModels", "a plan can hold at most {0} elements in all.").format(
            format_number(error.ctx["max_elements"], lang)
        )
    if error.kind == "too_long" and limit is not None:  # a list: elements of one type
        return translate("PlanModels", "a plan can hold at most {0} elements of one type.").format(
            format_number(limit, lang)
        )
    if error.kind == "string_too_long" and limit is not None:
        return translate("PlanModels", "a text can be at most {0} characters long.").format(
            format_number(limit, lang)
        )
    return translate("PlanModels", "this value is not allowed ({0}).").format(error)


# ---------------------------------------------------------------- findings


_SEVERITY = {Verdict.FAILS: 3, Verdict.NOT_ASSESSED: 2, Verdict.PARTLY: 2, Verdict.MEETS: 1}


def worst(verdicts: list[Verdict]) -> Verdict | None:
    ranked = [v for v in verdicts if v in _SEVERITY]
    return max(ranked, key=_SEVERITY.__getitem__) if ranked else None


def findings(review: Review, collection: str) -> list[tuple[str, Evidence]]:
    """(criterion id, evidence) of every in-scope rule over `collection`, in checklist order."""
    out: list[tuple[str, Evidence]] = []
    for criterion in review.criteria():
        rule = criterion.rule
        if rule is None or rule.applies_to != collection or not review.in_scope(criterion):
            continue
        for evidence in review.assessments[criterion.id].evidence:
            out.append((criterion.id, evidence))
    return out


class Findings:
    """The evidence of the in-scope rules over one collection, looked up per element in
    time that does not grow with the plan: indexed once by element id (or by group, for
    a rule per street), where asking each rule for each element cost elements × evidence
    and made a 4,000-element table take seconds to show."""

    def __init__(
        self,
        review: Review,
        collection: str,
        known: dict[str, tuple[list[Evidence], dict[str, list[Evidence]]]] | None = None,
    ) -> None:
        """`known`: the index of each criterion's evidence from before, kept up to date
        here; a criterion whose evidence is the same list as then is not indexed again."""
        self.worst: Verdict | None = None
        known = {} if known is None else known
        # per rule, in checklist order: (criterion id, group_by, evidence by element key)
        self._rules: list[tuple[str, str | None, dict[str, list[Evidence]]]] = []
        verdicts: list[Verdict] = []
        for criterion in review.criteria():
            rule = criterion.rule
            if rule is None or rule.applies_to != collection or not review.in_scope(criterion):
                continue
            evidence_list = review.assessments[criterion.id].evidence
            verdicts += [e.verdict for e in evidence_list]
            before = known.get(criterion.id)
            if before is not None and before[0] is evidence_list:
                by_key = before[1]
            else:
                by_key = {}
                for evidence in evidence_list:
                    if evidence.element:
                        by_key.setdefault(evidence.element, []).append(evidence)
                known[criterion.id] = (evidence_list, by_key)
            self._rules.append((criterion.id, getattr(rule, "group_by", None), by_key))
        self.worst = worst(verdicts)

    def of(self, element: Any) -> list[tuple[str, Evidence]]:
        """The evidence about one element: by its id, or by its group (plinth per street)."""
        out: list[tuple[str, Evidence]] = []
        for cid, group_by, by_key in self._rules:
            key = str(getattr(element, group_by, "") or "") if group_by else element.id
            out += [(cid, evidence) for evidence in by_key.get(key, ())]
        return out


def element_findings(review: Review, collection: str, element: Any) -> list[tuple[str, Evidence]]:
    """The evidence of in-scope rules about one element: by its id, or by its group (plinth
    per street)."""
    return Findings(review, collection).of(element)


# ---------------------------------------------------------------- element table


class ElementTableModel(QAbstractTableModel):
    """The elements of one collection of the plan (entrances, galleries, ...) as a table."""

    message = Signal(str)  # why an edit was refused; "" when the last edit was fine

    def __init__(self, collection: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if collection not in COLLECTIONS:
            raise ValueError(collection)
        self.collection = collection
        self.columns = columns_for(collection)
        self._session: ReviewSession | None = None
        self._elements: list[Any] = []
        self._error: tuple[str, str, str] | None = None  # (element id, column key, message)
        self._findings: Findings | None = None  # built when first asked, after each change
        self._indexed: dict[str, Any] = {}  # per criterion, kept by Findings

    # ------------------------------------------------------------ session
    @property
    def session(self) -> ReviewSession | None:
        return self._session

    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.planChanged.disconnect(self.sync)
            self._session.assessmentChanged.disconnect(self._forget_findings)
        self.beginResetModel()
        self._session = session
        self._elements = list(session.review.plan.elements(self.collection)) if session else []
        self._error = None
        self._findings = None
        self.endResetModel()
        if session is not None:
            session.planChanged.connect(self.sync)
            session.assessmentChanged.connect(self._forget_findings)

    @Slot()
    def _forget_findings(self) -> None:
        self._findings = None

    def findings_of(self, element: Any) -> list[tuple[str, Evidence]]:
        """The rules' evidence about one element of this table."""
        if self._session is None:
            return []
        if self._findings is None:
            self._findings = Findings(self._session.review, self.collection, self._indexed)
        return self._findings.of(element)

    @Slot()
    def sync(self) -> None:
        """Follow the plan after any change (edits, added and removed rows, undo, redo)."""
        if self._session is None:
            return
        self._findings = None
        new = list(self._session.review.plan.elements(self.collection))
        old = self._elements
        old_ids = [e.id for e in self._elements]
        new_ids = [e.id for e in new]
        if len(new_ids) == len(old_ids):
            self._elements = new  # facts or ids changed in place
        elif len(new) == len(old_ids) - 1 and _one_removed(old_ids, new_ids) is not None:
            row = _one_removed(old_ids, new_ids)
            self.beginRemoveRows(QModelIndex(), row, row)  # type: ignore[arg-type]
            self._elements = new
            self.endRemoveRows()
        elif len(new) == len(old_ids) + 1 and _one_removed(new_ids, old_ids) is not None:
            row = _one_removed(new_ids, old_ids)
            self.beginInsertRows(QModelIndex(), row, row)  # type: ignore[arg-type]
            self._elements = new
            self.endInsertRows()
        else:
            self.beginResetModel()
            self._elements = new
            self.endResetModel()
            return
        if self._error and self._error[0] not in new_ids:
            self._error = None
        if not self._elements:
            return
        last_row, last_column = len(self._elements) - 1, len(self.columns) - 1
        if len(old) == len(self._elements):
            # an edit: only the elements that are new objects changed; the verdict icons
            # (in the id column) may have changed anywhere
            changed = [
                i for i, (a, b) in enumerate(zip(old, self._elements, strict=True)) if a is not b
            ]
            if changed:
                self.dataChanged.emit(
                    self.index(changed[0], 0), self.index(changed[-1], last_column)
                )
            self.dataChanged.emit(
                self.index(0, 0), self.index(last_row, 0), [Qt.ItemDataRole.DecorationRole]
            )
            return
        self.dataChanged.emit(self.index(0, 0), self.index(last_row, last_column))

    def retranslate(self) -> None:
        """Re-read labels after a language change."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._elements:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._elements) - 1, len(self.columns) - 1)
            )

    # ------------------------------------------------------------ shape
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._elements)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def element(self, row: int) -> Any:
        return self._elements[row]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # ------------------------------------------------------------ reading
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._elements):
                return str(section + 1)
            return None
        if not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        lang = current_lang()
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header(lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_help(column, lang)
        return None

    def _column_help(self, column: Column, lang: str) -> str:
        title = column.title(lang)
        if column.kind == "id":
            return (
                title
                + " — "
                + translate("PlanModels", "how this element is named on the drawings (A, G1, …)")
            )
        if column.kind in ("text", "id"):
            return title
        if column.kind == "opt_text":
            return title + " — " + translate("PlanModels", "empty: unknown; “-”: nobody named")
        if column.kind in ("bool", "enum"):
            return title + " — " + translate("PlanModels", "empty: unknown")
        return title + " — " + translate("PlanModels", "a number; empty: unknown")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        element = self._elements[index.row()]
        column = self.columns[index.column()]
        value = getattr(element, column.key)
        lang = current_lang()
        error = self._error_at(element.id, column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, value, lang)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(column, value, lang)
        suggested = is_suggested(element, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if suggested:
                tip = suggestion_tooltip(element)
                if column.kind == "id":
                    tip += "\n" + self._findings_tooltip(element, lang)
                return tip
            if column.kind == "id":
                return self._findings_tooltip(element, lang)
            if column.kind == "opt_text" and value == "":
                return translate("PlanModels", "nobody named")
            if value is None and column.kind != "text":
                return translate("PlanModels", "unknown")
            if isinstance(value, str) and len(value) > 24:  # a note too long for its cell
                return value
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.BackgroundRole and suggested:
            return QBrush(SUGGESTED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if error:
                return QBrush(ERROR_FOREGROUND)
            if column.kind == "opt_text" and value == "":
                return QBrush(QColor("#6b7280"))
            return None
        if role == Qt.ItemDataRole.FontRole and (column.kind == "id" or suggested):
            font = QFont()
            font.setBold(column.kind == "id")
            font.setItalic(suggested)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column.kind == "id":
            if self._session is None:
                return None
            found = self.findings_of(element)
            return icons.verdict_icon(worst([e.verdict for _, e in found]))
        if role == COLUMN_ROLE:
            return column
        return None

    def _display(self, column: Column, value: Any, lang: str) -> str:
        if value is None:
            return ""
        if column.kind == "opt_text" and value == "":
            return "–"
        if column.kind == "bool":
            return value_label(bool(value), lang)
        if column.kind == "enum":
            return enum_label(value, lang)
        if column.numeric:
            return format_number(value, lang)
        return str(value)

    def _edit_value(self, column: Column, value: Any, lang: str) -> Any:
        if value is None:
            return ""
        if column.kind == "bool":
            return "true" if value else "false"
        if column.kind == "enum":
            return value.value
        if column.numeric:
            return format_number(value, lang, grouped=False)
        if column.kind == "opt_text" and value == "":
            return "-"
        return str(value)

    def _findings_tooltip(self, element: Any, lang: str) -> str | None:
        found = self.findings_of(element)
        if not found:
            return None
        lines = [f"{cid}: {evidence.text.get(lang)}" for cid, evidence in found]  # type: ignore[arg-type]
        return "\n".join(lines)

    def _error_at(self, element_id: str, key: str) -> str | None:
        if self._error and self._error[0] == element_id and self._error[1] == key:
            return self._error[2]
        return None

    # ------------------------------------------------------------ editing
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._session is None:
            return False
        if not self.checkIndex(index):
            return False
        row, column = index.row(), self.columns[index.column()]
        element = self._elements[row]
        lang = current_lang()
        try:
            parsed = parse_cell(column, value, lang)
            if column.kind == "id" and any(
                e.id == parsed for e in self._elements if e is not element
            ):
                raise Refused(
                    translate("PlanModels", "the ID {0} is already used in this list.").format(
                        parsed
                    )
                )
            if parsed == getattr(element, column.key):
                self._set_error(element.id, None)
                return True
            self._session.set_fact(self.collection, row, column.key, parsed)
        except Refused as exc:
            self._refuse(element, column, str(exc), lang)
            return False
        except FactError as exc:
            self._refuse(element, column, friendly_fact_error(exc), lang)
            return False
        # planChanged has synced the model; the new id (if renamed) carries no error
        self._set_error(None, None)
        return True

    def _refuse(self, element: Any, column: Column, reason: str, lang: str) -> None:
        name = f"{ELEMENT_LABELS[self.collection].get(lang)} {element.id}"  # type: ignore[arg-type]
        text = translate("PlanModels", "{0}, {1}: {2}").format(name, column.title(lang), reason)
        self._set_error(element.id, (column.key, text))

    def _set_error(self, element_id: str | None, error: tuple[str, str] | None) -> None:
        old = self._error
        self._error = (element_id, error[0], error[1]) if element_id and error else None
        for err in (old, self._error):
            if err is None:
                continue
            for row, e in enumerate(self._elements):
                if e.id == err[0]:
                    idx = self.index(row, self.column_of(err[1]))
                    self.dataChanged.emit(idx, idx)
        self.message.emit(self._error[2] if self._error else "")

    def clear_message(self) -> None:
        self._set_error(None, None)


def _one_removed(longer: list[str], shorter: list[str]) -> int | None:
    """The position of the single item of `longer` that is missing from `shorter`."""
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return i
    return None


# ---------------------------------------------------------------- collection list


class CollectionListModel(QAbstractListModel):
    """The plan details entry followed by every element type, with element counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys = [IDENTITY, *COLLECTIONS]
        self._session: ReviewSession | None = None
        self._worst: dict[str, Verdict | None] = {}  # per key, until the next change

    def set_session(self, session: ReviewSession | None) -> None:
        if self._session is not None:
            self._session.planChanged.disconnect(self.sync)
            self._session.assessmentChanged.disconnect(self._forget)
        self.beginResetModel()
        self._session = session
        self._worst.clear()
        self.endResetModel()
        if session is not None:
            session.planChanged.connect(self.sync)
            session.assessmentChanged.connect(self._forget)

    @Slot(str)
    def _forget(self, criterion_id: str) -> None:
        """A criterion's evidence changed: the worst verdict of the element type its rule
        reads is worked out again when next shown (the others' stay: after an edit of
        one entrance only the entrances' icon can change)."""
        rule = None
        if self._session is not None:
            try:
                rule = self._session.review.checklist.criterion(criterion_id).rule
            except KeyError:
                rule = None
        if rule is None:
            self._worst.clear()
        else:
            self._worst.pop(rule.applies_to, None)

    @Slot()
    def sync(self) -> None:
        # the counts; a change of evidence comes with assessmentChanged (see _forget)
        self.dataChanged.emit(self.index(0), self.index(len(self.keys) - 1))

    def retranslate(self) -> None:
        self.sync()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def count(self, key: str) -> int | None:
        if self._session is None or key == IDENTITY:
            return None
        return len(getattr(self._session.review.plan, key))

    def is_unknown(self, key: str) -> bool:
        """Nothing filled in for this element type, and no "has none" confirmation."""
        if self._session is None or key == IDENTITY:
            return False
        return self._session.review.plan.is_unknown(key)

    def label(self, key: str, lang: str) -> str:
        if key == IDENTITY:
            return translate("PlanModels", "Plan details")
        return COLLECTION_LABELS[key].get(lang)  # type: ignore[arg-type]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        key = self.keys[index.row()]
        lang = current_lang()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(key, lang)
        if role == COUNT_ROLE:
            return "?" if self.is_unknown(key) else self.count(key)
        if role == Qt.ItemDataRole.FontRole and self.is_unknown(key):
            font = QFont()
            font.setItalic(True)
            return font
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.DecorationRole:
            if key == IDENTITY or self._session is None:
                return icons.verdict_icon(None)
            if key not in self._worst:
                self._worst[key] = worst(
                    [e.verdict for _, e in findings(self._session.review, key)]
                )
            return icons.verdict_icon(self._worst[key])
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == IDENTITY:
                return translate(
                    "PlanModels", "Name, address, parties and the size of the residential area"
                )
            if self.is_unknown(key):
                return translate(
                    "PlanModels",
                    "{0}: not filled in yet. Add them, or confirm that the plan has none.",
                ).format(self.label(key, lang))
            count = self.count(key)
            if count == 0:
                return translate("PlanModels", "{0}: none in the plan (confirmed)").format(
                    self.label(key, lang)
                )
            return translate("PlanModels", "{0}: {1} in the plan").format(
                self.label(key, lang), count
            )
        return None
