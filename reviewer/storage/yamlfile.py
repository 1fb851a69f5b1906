"""Reading YAML data files (checklists, plan facts) safely and with clear errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from reviewer.domain.checklist import Checklist, ChecklistError, checklist_from_data
from reviewer.domain.plan import COLLECTIONS, MAX_ELEMENTS_PER_TYPE, Plan, dangling_references
from reviewer.domain.profile import Profile, ProfileError
from reviewer.paths import PROFILES
from reviewer.storage.files import FileTooLargeError, NotAFileError, read_regular_file

MAX_YAML_BYTES = 8 * 1024 * 1024
MAX_YAML_DEPTH = 40  # a plan needs 4 levels, a checklist about 10
MAX_YAML_ITEMS = MAX_ELEMENTS_PER_TYPE  # no list in a plan or a checklist may be longer
MAX_PROBLEMS = 20

Loc = tuple[Any, ...]


class PlanFileError(Exception):
    """A plan-facts file that cannot be used; the message says which file and what is wrong."""


class _PythonEvents(Reader, Scanner, Parser):
    """PyYAML's own reading of the text into events, in Python."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


try:  # libyaml reads the text into events several times faster
    from yaml._yaml import CParser as _FastEvents
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _FastEvents = _PythonEvents  # type: ignore[misc,assignment]


class _Checks(Composer, SafeConstructor, Resolver):
    """PyYAML's safe loader (plain data only, never objects or code), stricter:

    - a key twice in one mapping is an error (YAML requires unique keys; PyYAML would
      silently keep the last one);
    - nesting deeper than MAX_YAML_DEPTH is an error, not a RecursionError;
    - a list longer than MAX_YAML_ITEMS is refused as soon as it is read that far, before
      the rest of the file costs time and memory;
    - aliases (*name) are refused, so no "billion laughs" can expand a small file into
      millions of values, and no value can contain itself;
    - a scalar Python cannot turn into a value (an integer of 5,000 digits, a date
      that does not exist) is an error with its line, not a ValueError.

    The nodes are composed here, in Python, so that the checks above see every one; the
    events come from PyYAML's Python reader (`_Loader`) or from libyaml (`_FastLoader`).
    """

    def __init__(self, stream: str) -> None:
        self._start(stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._depth = 0

    def _start(self, stream: str) -> None:
        raise NotImplementedError

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise ComposerError(
                None,
                None,
                f"aliases (*{event.anchor}) are not supported: write the values out",
                event.start_mark,
            )
        if self._depth >= MAX_YAML_DEPTH:
            raise ComposerError(
                None, None, f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark
            )
        if isinstance(index, int) and index >= MAX_YAML_ITEMS:  # index: the position in a list
            raise ComposerError(
                None,
                None,
                f"a list of more than {MAX_YAML_ITEMS:,} items (a plan holds at most "
                f"{MAX_ELEMENTS_PER_TYPE:,} elements of one type)",
                event.start_mark,
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            reason = str(exc).partition(": ")[0]  # Python's hint on its own limit is no help
            raise ConstructorError(
                None, None, f"cannot read this value ({reason})", node.start_mark
            ) from None

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        first: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                seen = first.get(key)
            except TypeError:
                continue  # an unhashable key: the base class says so
            if seen is not None:
                raise ConstructorError(
                    None,
                    None,
                    f"the key {key!r} appears twice (first on line {seen + 1}); "
                    "only one value can count",
                    key_node.start_mark,
                )
            first[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


class _Loader(_Checks, _PythonEvents):
    def _start(self, stream: str) -> None:
        _PythonEvents.__init__(self, stream)


class _FastLoader(_Checks, _FastEvents):  # type: ignore[misc]
    """`_Loader` on libyaml's events: a plan of thousands of elements reads in a third of
    the time. libyaml refuses some text PyYAML reads (an escaped surrogate pair, which
    the domain repairs), so a text it refuses is read again by `_Loader`, whose answer
    counts: the same data, or the same error, as before."""

    def _start(self, stream: str) -> None:
        _FastEvents.__init__(self, stream)


@dataclass
class _Yaml:
    """The data of a YAML file and its node tree, which knows every value's line."""

    data: Any
    root: Node | None

    def line(self, loc: Loc) -> int | None:
        """The line (1-based) of the value at a validation error's location: the key's
        line in a mapping, the item's line in a list. Parts that are not keys (pydantic's
        union tags) are skipped; a key that is not there gives its mapping's line."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line
        for part in loc:
            if isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                        line, node = key_node.start_mark.line, value_node
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line
            else:
                break
        return line + 1


def _parse_yaml(text: str, path: Path, error: type[Exception]) -> _Yaml:
    if _FastEvents is not _PythonEvents:
        fast = _FastLoader(text)
        try:
            root = fast.get_single_node()
            return _Yaml(None if root is None else fast.construct_document(root), root)
        except yaml.YAMLError:
            pass  # read again below: that says what is wrong, as it always has
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"{path}: not valid YAML{where}: {problem}") from None
    finally:
        loader.dispose()
    return _Yaml(data, root)


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
    # the safe loader builds only plain data: no tags that construct objects or run code
    return _parse_yaml(text, path, error)


def _checklist_error(message: str) -> ChecklistError:
    source = message.partition(": ")[0]
    return ChecklistError(source, [message])


class _ChecklistReadError(Exception):
    pass


def load_checklist(path: str | Path) -> Checklist:
    """Load and validate a checklist YAML file; raise ChecklistError listing every problem,
    each with the file and, where it has one, the line."""
    path = Path(path)
    try:
        parsed = _read_yaml(path, _ChecklistReadError, "checklist")
    except _ChecklistReadError as exc:
        raise _checklist_error(str(exc)) from None
    return checklist_from_data(parsed.data, source=str(path), line_of=parsed.line)


def _duplicate_ids(raw: dict[str, Any]) -> list[tuple[Loc, str]]:
    """The second use of an element id in a collection (the model says so too, but
    without the line)."""
    problems: list[tuple[Loc, str]] = []
    for name in COLLECTIONS:
        items = raw.get(name)
        seen: set[Any] = set()
        for index, item in enumerate(items if isinstance(items, list) else []):
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str) and ident in seen:
                problems.append(((name, index, "id"), f"element id {ident!r} is used twice"))
            seen.add(ident)
    return problems


def _plan_error(
    source: str, problems: list[tuple[Loc, str]], line_of: Callable[[Loc], int | None] | None
) -> PlanFileError:
    parts = []
    for loc, message in problems[:MAX_PROBLEMS]:
        where = ".".join(str(p) for p in loc)
        line = line_of(loc) if line_of is not None and loc else None
        parts.append(
            (f"{where}: " if where else "") + message + (f" (line {line})" if line else "")
        )
    more = len(problems) - MAX_PROBLEMS
    if more > 0:
        parts.append(f"and {more} more")
    return PlanFileError(f"{source}: invalid plan facts: " + "; ".join(parts))


def plan_from_data(
    raw: Any, source: str = "<plan>", line_of: Callable[[Loc], int | None] | None = None
) -> Plan:
    """Validate YAML-loaded plan facts; raise PlanFileError naming the file, the fields
    and, with `line_of`, their lines. A reference to an element the plan does not have
    (a stairwell's entrance, an entrance's building) is refused here."""
    if not isinstance(raw, dict):
        raise PlanFileError(f"{source}: does not contain plan facts (expected a mapping)")
    duplicates = _duplicate_ids(raw)
    if duplicates:
        raise _plan_error(source, duplicates, line_of)
    try:
        plan = Plan.model_validate(raw)
    except ValidationError as exc:
        problems = [(tuple(err["loc"]), err["msg"]) for err in exc.errors()]
        raise _plan_error(source, problems, line_of) from None
    except RecursionError:  # pragma: no cover - the loader refuses deep nesting first
        raise PlanFileError(f"{source}: the plan is nested too deeply") from None
    dangling = dangling_references(plan)
    if dangling:
        raise _plan_error(source, dangling, line_of)
    return plan


def load_plan(path: str | Path) -> Plan:
    """Load plan facts from YAML; raise PlanFileError with the file, the wrong fields and
    their lines."""
    path = Path(path)
    parsed = _read_yaml(path, PlanFileError, "plan")
    return plan_from_data(parsed.data, source=str(path), line_of=parsed.line)


def _profile_from_data(raw: Any, source: str, line_of: Callable[[Loc], int | None]) -> Profile:
    if not isinstance(raw, dict):
        raise ProfileError(source, [f"{source}: does not contain a profile (expected a mapping)"])
    try:
        return Profile.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:MAX_PROBLEMS]:
            loc = tuple(err["loc"])
            line = line_of(loc) if loc else None
            where = ".".join(str(p) for p in loc)
            problems.append(
                f"{source}: {where + ': ' if where else ''}{err['msg']}"
                + (f" (line {line})" if line else "")
            )
        raise ProfileError(source, problems) from None


def load_profile(path: str | Path) -> Profile:
    """Load a profile YAML file (checklists/profiles/); raise ProfileError naming the file,
    the fields and their lines. Whether it fits a checklist is `profile_problems`."""
    path = Path(path)

    class _ReadError(Exception):
        pass

    try:
        parsed = _read_yaml(path, _ReadError, "profile")
    except _ReadError as exc:
        raise ProfileError(str(path), [str(exc)]) from None
    return _profile_from_data(parsed.data, str(path), parsed.line)


def bundled_profiles() -> dict[str, Path]:
    """The profiles shipped with the app: id (the file's stem) -> file, sorted by id."""
    if not PROFILES.is_dir():
        return {}
    return {p.stem: p for p in sorted(PROFILES.glob("*.yaml"))}


def find_profile(name: str) -> Path:
    """A profile by bundled id, or by path; raise ProfileError when there is none."""
    bundled = bundled_profiles()
    if name in bundled:
        return bundled[name]
    path = Path(name)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return path
    known = ", ".join(bundled) or "none"
    raise ProfileError(name, [f"no profile {name!r} (bundled profiles: {known})"])
