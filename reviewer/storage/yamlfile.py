"""Reading YAML data files (checklists, plan facts) safely and with clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from reviewer.domain.checklist import Checklist, ChecklistError, checklist_from_data
from reviewer.domain.plan import Plan
from reviewer.storage.files import FileTooLargeError, NotAFileError, read_regular_file

MAX_YAML_BYTES = 8 * 1024 * 1024


class PlanFileError(Exception):
    """A plan-facts file that cannot be used; the message says which file and what is wrong."""


def _read_yaml(path: Path, error: type[Exception], what: str) -> Any:
    try:
        # only a regular file, and never more than the limit (a FIFO or /dev/zero is refused)
        text = read_regular_file(path, MAX_YAML_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except NotAFileError as exc:
        raise error(f"{path}: is {exc.what}, not a {what} file") from None
    except FileTooLargeError as exc:
        raise error(f"{path}: the {what} file is too large ({exc.size} bytes)") from None
    except UnicodeDecodeError:
        raise error(f"{path}: not a text file (expected UTF-8 YAML)") from None
    except OSError as exc:
        raise error(f"{path}: cannot read the file ({exc.strerror})") from None
    try:
        # safe_load builds only plain data: no tags that construct objects or run code
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"{path}: not valid YAML{where}: {problem}") from None


def _checklist_error(message: str) -> ChecklistError:
    source = message.partition(": ")[0]
    return ChecklistError(source, [message])


class _ChecklistReadError(Exception):
    pass


def load_checklist(path: str | Path) -> Checklist:
    """Load and validate a checklist YAML file; raise ChecklistError listing every problem."""
    path = Path(path)
    try:
        raw = _read_yaml(path, _ChecklistReadError, "checklist")
    except _ChecklistReadError as exc:
        raise _checklist_error(str(exc)) from None
    return checklist_from_data(raw, source=str(path))


def plan_from_data(raw: Any, source: str = "<plan>") -> Plan:
    if not isinstance(raw, dict):
        raise PlanFileError(f"{source}: does not contain plan facts (expected a mapping)")
    try:
        return Plan.model_validate(raw)
    except ValidationError as exc:
        lines = []
        for err in exc.errors()[:20]:
            loc = ".".join(str(p) for p in err["loc"])
            lines.append(f"{loc}: {err['msg']}")
        more = len(exc.errors()) - 20
        if more > 0:
            lines.append(f"and {more} more")
        raise PlanFileError(f"{source}: invalid plan facts: " + "; ".join(lines)) from None


def load_plan(path: str | Path) -> Plan:
    """Load plan facts from YAML; raise PlanFileError with the file and the wrong fields."""
    path = Path(path)
    return plan_from_data(_read_yaml(path, PlanFileError, "plan"), source=str(path))
