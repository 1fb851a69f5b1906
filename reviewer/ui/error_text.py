"""Error details from the storage layer in the interface language.

The storage layer's messages are English: the command line prints them too, and they
name the file, the field and the line. Where the window shows one (a file that does not
open, a drawing or photo that is refused, a plan file with errors), `error_text` gives it
in the interface language: the known patterns below are matched and their parts (file
names, fields, numbers) put into the translated text. A part the app does not know keeps
its English words inside the translated frame, never a wrong translation. In English the
message is returned as it is.

Keep the patterns in step with the messages in reviewer.storage (tests/ui/test_error_text.py
reads real ones).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from reviewer.domain.numbers import format_number
from reviewer.ui.i18n import current_lang

translate = QCoreApplication.translate

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _kind(word: str) -> str:
    """The kind of file, as the first part of a Dutch compound ("beoordelingsbestand")."""
    if word == "review":
        return translate("ErrorText", "review file")
    if word == "workshop":
        return translate("ErrorText", "workshop file")
    return word


def _number(text: str) -> str:
    try:
        return format_number(float(text), current_lang())
    except ValueError:
        return text


def _rules() -> list[Rule]:
    """(pattern, translation) for every known message; the first that matches counts."""
    c = re.compile
    return [
        # BCF files (reviewer.storage.bcf), before the general kinds of file
        (
            c(r"it is not a BCF file \(not a zip container\)"),
            lambda m: translate("ErrorText", "it is not a BCF file (not a zip container)"),
        ),
        (
            c(r"it holds no topics; it is not a BCF file"),
            lambda m: translate("ErrorText", "it holds no topics; it is not a BCF file"),
        ),
        (
            c(r"it is BCF (?P<v>.+); this app reads BCF 2\.1 .*"),
            lambda m: translate(
                "ErrorText",
                "it is BCF {0}; this app reads BCF 2.1 (export BCF 2.1 from the BIM tool)",
            ).format(m["v"]),
        ),
        (
            c(r"(?P<n>.+) declares a document type or entities, which BCF files do not use; .*"),
            lambda m: translate(
                "ErrorText",
                "{0} declares a document type or entities, which BCF files do not use; it was "
                "not read",
            ).format(m["n"]),
        ),
        (
            c(r"(?P<n>.+) is not well-formed XML \((?P<why>.+)\)"),
            lambda m: translate("ErrorText", "{0} is not well-formed XML ({1})").format(
                m["n"], m["why"]
            ),
        ),
        (
            c(r"(?P<n>.+) is not a drawing: use a PNG, JPEG or PDF file"),
            lambda m: translate(
                "ErrorText", "{0} is not a drawing: use a PNG, JPEG or PDF file"
            ).format(m["n"]),
        ),
        (
            c(r"(?P<n>.+) is not a photo: use a JPEG or PNG file"),
            lambda m: translate("ErrorText", "{0} is not a photo: use a JPEG or PNG file").format(
                m["n"]
            ),
        ),
        (
            c(r"it is not a (?P<k>\w+) file \(not a zip container\)"),
            lambda m: translate("ErrorText", "it is not a {0} (not a zip container)").format(
                _kind(m["k"])
            ),
        ),
        (
            c(r"(?P<j>\S+) is missing: this is not a (?P<k>\w+) file"),
            lambda m: translate("ErrorText", "{0} is missing: this is not a {1}").format(
                m["j"], _kind(m["k"])
            ),
        ),
        (
            c(r"it has no valid schema_version; it is not a (?P<k>\w+) file"),
            lambda m: translate(
                "ErrorText", "it has no valid schema_version; it is not a {0}"
            ).format(_kind(m["k"])),
        ),
        (
            c(
                r"it was made by a newer version of the app \(file format (?P<v>\d+), this app "
                r"reads up to (?P<c>\d+)\); update (?P<app>.+) to open it"
            ),
            lambda m: translate(
                "ErrorText",
                "it was made by a newer version of the app (file format {0}, this app reads "
                "up to {1}); update {2} to open it",
            ).format(m["v"], m["c"], m["app"]),
        ),
        (
            c(r"the file does not exist"),
            lambda m: translate("ErrorText", "the file does not exist"),
        ),
        (
            c(r"the file is too large \((?P<size>\S+ \S+); at most (?P<most>\S+ \S+)\)"),
            lambda m: translate("ErrorText", "the file is too large ({0}; at most {1})").format(
                m["size"], m["most"]
            ),
        ),
        (
            c(r"attachment (?P<n>.+) is not a PDF"),
            lambda m: translate("ErrorText", "{0} is not a PDF").format(m["n"]),
        ),
        (
            c(r"attachment (?P<n>.+) is not a readable image"),
            lambda m: translate("ErrorText", "{0} is not a readable image").format(m["n"]),
        ),
        (
            c(r"attachment (?P<n>.+) is not a (?P<f>\w+) image"),
            lambda m: translate("ErrorText", "{0} is not a {1} image").format(m["n"], m["f"]),
        ),
        (
            c(r"the PDF (?P<n>.+) has no pages"),
            lambda m: translate("ErrorText", "the PDF {0} has no pages").format(m["n"]),
        ),
        (
            c(r"the PDF (?P<n>.+) cannot be read \((?P<why>.*)\)"),
            lambda m: translate("ErrorText", "the PDF {0} cannot be read ({1})").format(
                m["n"], m["why"]
            ),
        ),
        (
            c(r"(?P<n>\S+) is not valid JSON \(line (?P<l>\d+), column (?P<c>\d+)\)"),
            lambda m: translate("ErrorText", "{0} is not valid JSON (line {1}, column {2})").format(
                m["n"], m["l"], m["c"]
            ),
        ),
        (
            c(r"(?P<n>.+) is damaged \((?P<why>.*)\); use a backup copy of the file"),
            lambda m: translate(
                "ErrorText", "{0} is damaged ({1}); use a backup copy of the file"
            ).format(m["n"], m["why"]),
        ),
        # plan facts (YAML): the file, then what is wrong, each with its field and line
        (
            c(r"(?P<f>.+): invalid plan facts: (?P<parts>.+)", re.S),
            lambda m: translate("ErrorText", "{0}: invalid plan facts: {1}").format(
                m["f"], "; ".join(_plan_problem(p) for p in m["parts"].split("; "))
            ),
        ),
        (
            c(r"(?P<f>.+): not valid YAML at line (?P<l>\d+), column (?P<c>\d+): (?P<why>.+)"),
            lambda m: translate(
                "ErrorText", "{0}: not valid YAML at line {1}, column {2}: {3}"
            ).format(m["f"], m["l"], m["c"], m["why"]),
        ),
        (
            c(r"(?P<f>.+): not valid YAML: (?P<why>.+)"),
            lambda m: translate("ErrorText", "{0}: not valid YAML: {1}").format(m["f"], m["why"]),
        ),
        # IFC models (reviewer.bim.source, reviewer.bim.ifc_import)
        (
            c(
                r"(?P<n>.+) is not an IFC file "
                r"\(no (?:ISO-10303-21 header|FILE_SCHEMA in its header)\)"
            ),
            lambda m: translate("ErrorText", "{0} is not an IFC file").format(m["n"]),
        ),
        (
            c(r"(?P<n>.+) is not an IFC model: use an \.ifc or \.ifczip file"),
            lambda m: translate(
                "ErrorText", "{0} is not an IFC model: use an .ifc or .ifczip file"
            ).format(m["n"]),
        ),
        (
            c(r"(?P<n>.+) uses the schema (?P<s>.+); only IFC2X3 and IFC4 can be imported"),
            lambda m: translate(
                "ErrorText", "{0} uses the schema {1}; only IFC2X3 and IFC4 can be imported"
            ).format(m["n"], m["s"]),
        ),
        (
            c(r"(?P<n>.+) is cut off: it does not end with END-ISO-10303-21"),
            lambda m: translate(
                "ErrorText", "{0} is cut off: the end of the file is missing"
            ).format(m["n"]),
        ),
        (
            c(r"(?P<n>.+) has no storeys \(IfcBuildingStorey\): nothing to draw"),
            lambda m: translate("ErrorText", "{0} has no storeys: nothing to draw").format(m["n"]),
        ),
        (
            c(r"(?P<n>.+) has no storey holding rooms, doors or windows"),
            lambda m: translate(
                "ErrorText", "{0} has no storey holding rooms, doors or windows"
            ).format(m["n"]),
        ),
        (
            c(r"(?P<n>.+) is (?P<x>\d+) MB; at most (?P<y>\d+) MB can be imported"),
            lambda m: translate(
                "ErrorText", "{0} is {1} MB; at most {2} MB can be imported"
            ).format(m["n"], m["x"], m["y"]),
        ),
        (
            c(r"(?P<n>.+) is (?P<x>\d+) MB: the import may take several minutes"),
            lambda m: translate(
                "ErrorText", "{0} is {1} MB: the import may take several minutes"
            ).format(m["n"], m["x"]),
        ),
        (
            c(r"(?P<n>.+) must hold exactly one \.ifc model"),
            lambda m: translate("ErrorText", "{0} must hold exactly one .ifc model").format(m["n"]),
        ),
        (
            c(r"dwellings: the model groups no rooms into dwellings \(no zones, no room numbers\)"),
            lambda m: translate(
                "ErrorText",
                "Dwellings: the model groups no rooms into dwellings (no zones, no room "
                "numbers); fill them in yourself.",
            ),
        ),
        (
            c(r"(?P<f>.+): file not found"),
            lambda m: translate("ErrorText", "{0}: file not found").format(m["f"]),
        ),
        (
            c(r"(?P<f>.+): does not contain plan facts \(expected a mapping\)"),
            lambda m: translate(
                "ErrorText", "{0}: does not contain plan facts (expected a mapping)"
            ).format(m["f"]),
        ),
        (
            c(r"(?P<f>.+): not a text file \(expected UTF-8 YAML\)"),
            lambda m: translate("ErrorText", "{0}: not a text file (expected UTF-8 YAML)").format(
                m["f"]
            ),
        ),
    ]


def _problem_rules() -> list[Rule]:
    """What pydantic and the plan checks say of one field."""
    c = re.compile
    return [
        (c(r"Field required"), lambda m: translate("ErrorText", "this field is missing")),
        (
            c(r"Input should be greater than or equal to (?P<x>\S+)"),
            lambda m: translate("ErrorText", "must be at least {0}").format(_number(m["x"])),
        ),
        (
            c(r"Input should be greater than (?P<x>\S+)"),
            lambda m: translate("ErrorText", "must be greater than {0}").format(_number(m["x"])),
        ),
        (
            c(r"Input should be less than or equal to (?P<x>\S+)"),
            lambda m: translate("ErrorText", "must be at most {0}").format(_number(m["x"])),
        ),
        (
            c(r"Input should be less than (?P<x>\S+)"),
            lambda m: translate("ErrorText", "must be less than {0}").format(_number(m["x"])),
        ),
        (
            c(r"Input should be a valid integer.*"),
            lambda m: translate("ErrorText", "must be a whole number"),
        ),
        (
            c(r"Input should be a valid number.*"),
            lambda m: translate("ErrorText", "must be a number"),
        ),
        (
            c(r"Input should be a valid boolean.*"),
            lambda m: translate("ErrorText", "must be yes or no (true or false)"),
        ),
        (
            c(r"Input should be a valid string.*"),
            lambda m: translate("ErrorText", "must be a text"),
        ),
        (c(r"Input should be a valid list.*"), lambda m: translate("ErrorText", "must be a list")),
        (
            c(r"Input should be (?P<values>'.+)"),
            lambda m: translate("ErrorText", "must be one of {0}").format(
                m["values"].replace("' or '", "' " + translate("ErrorText", "or") + " '")
            ),
        ),
        (c(r"Extra inputs are not permitted"), lambda m: translate("ErrorText", "unknown field")),
        (
            c(r"String should have at most (?P<x>\d+) characters?"),
            lambda m: translate("ErrorText", "can be at most {0} characters long").format(m["x"]),
        ),
        (
            c(r"element id (?P<id>.+) is used twice"),
            lambda m: translate("ErrorText", "element ID {0} is used twice").format(m["id"]),
        ),
    ]


_PLAN_PROBLEM = re.compile(
    r"(?:(?P<where>[\w.]+): )?(?P<what>.+?)(?: \(line (?P<line>\d+)\))?", re.S
)


def _plan_problem(part: str) -> str:
    more = re.fullmatch(r"and (\d+) more", part)
    if more:
        return translate("ErrorText", "and {0} more").format(more[1])
    m = _PLAN_PROBLEM.fullmatch(part)
    if m is None:  # pragma: no cover - the pattern matches any text
        return part
    what = _apply(_problem_rules(), m["what"]) or m["what"]
    text = f"{m['where']}: {what}" if m["where"] else what
    if m["line"]:
        text += " " + translate("ErrorText", "(line {0})").format(m["line"])
    return text


def _apply(rules: list[Rule], text: str) -> str | None:
    for pattern, make in rules:
        m = pattern.fullmatch(text)
        if m is not None:
            return make(m)
    return None


def _detail(text: str) -> str:
    return _apply(_rules(), text) or text


_FRAME = re.compile(r"Cannot (?P<verb>open|add|save|read|write) (?P<name>.+?): (?P<rest>.*)", re.S)


def _one(text: str) -> str:
    frame = _FRAME.fullmatch(text)
    if frame is None:
        return _detail(text)
    rest = _detail(frame["rest"])
    name = frame["name"]
    if frame["verb"] == "open":
        return translate("ErrorText", "{0} cannot be opened: {1}").format(name, rest)
    if frame["verb"] == "add":
        return translate("ErrorText", "{0} cannot be added: {1}").format(name, rest)
    if frame["verb"] == "read":
        return translate("ErrorText", "{0} cannot be read: {1}").format(name, rest)
    if frame["verb"] == "write":
        return translate("ErrorText", "{0} cannot be written: {1}").format(name, rest)
    return translate("ErrorText", "{0} cannot be saved: {1}").format(name, rest)


def error_text(message: str) -> str:
    """`message` (from reviewer.storage, in English) in the interface language; a
    message of several lines is translated line by line."""
    if current_lang() == "en":
        return message
    return "\n".join(_one(line) for line in message.split("\n"))
