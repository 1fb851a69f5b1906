"""Opening an IFC model: the checks before ifcopenshell sees a byte.

An `.ifc` file (STEP physical file, ISO 10303-21) or an `.ifczip` (a zip holding one).
Refused with one `IfcImportError` message: not an IFC file, a schema other than IFC2X3
or IFC4, a file cut off before its end, a file over `MAX_BYTES`, a zip that inflates
beyond that or holds no model, a model without storeys. Files over `WARN_BYTES` open,
with a warning the caller shows.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_BYTES",
    "SCHEMAS",
    "WARN_BYTES",
    "IfcImportError",
    "ImportCancelled",
    "OpenedModel",
    "open_model",
]

WARN_BYTES = 100 * 1024 * 1024  # above this the import warns: it may take minutes
MAX_BYTES = 500 * 1024 * 1024  # an .ifc (or what an .ifczip inflates to) above this is refused
MAX_ZIP_RATIO = 100  # an .ifczip member inflating more than this is refused (a zip bomb)
SCHEMAS = ("IFC2X3", "IFC4")
SUFFIXES = (".ifc", ".ifczip")

_SCHEMA = re.compile(rb"FILE_SCHEMA\s*\(\s*\(\s*'([^']*)'", re.IGNORECASE)
_END = re.compile(rb"END-ISO-10303-21\s*;\s*\Z")


class IfcImportError(Exception):
    """An IFC model cannot be imported; the message says why, naming the file."""


class ImportCancelled(Exception):
    """The person cancelled the import."""


@dataclass
class OpenedModel:
    model: Any  # an ifcopenshell.file
    schema: str
    size: int
    warning: str = ""  # said to the person, the import goes on


def _size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IfcImportError(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise IfcImportError(
            f"{path.name} is {size / 2**20:.0f} MB; at most {MAX_BYTES // 2**20} MB can be imported"
        )
    return size


def _head_and_tail(path: Path, size: int) -> tuple[bytes, bytes]:
    try:
        with path.open("rb") as f:
            head = f.read(65536)
            f.seek(max(0, size - 256))
            tail = f.read()
    except OSError as exc:
        raise IfcImportError(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    return head, tail


def _unzip(name: str, data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [i for i in archive.infolist() if i.filename.lower().endswith(".ifc")]
            if len(members) != 1:
                raise IfcImportError(f"{name} must hold exactly one .ifc model")
            info = members[0]
            if info.file_size > MAX_BYTES or (
                info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO
            ):
                raise IfcImportError(
                    f"{name}: the model inside inflates to {info.file_size / 2**20:.0f} MB, "
                    f"more than allowed ({MAX_BYTES // 2**20} MB, ratio {MAX_ZIP_RATIO})"
                )
            with archive.open(info) as member:
                inflated = member.read(MAX_BYTES + 1)
            if len(inflated) > MAX_BYTES:
                raise IfcImportError(f"{name}: the model inside is larger than allowed")
            return inflated
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise IfcImportError(f"{name} is not a readable .ifczip: {exc}") from None


def check_bytes(name: str, head: bytes, tail: bytes) -> str:
    """The schema of an IFC file from its first 64 KiB and last bytes; raises
    IfcImportError when it is not a complete IFC file of a supported schema."""
    if not head.lstrip().startswith(b"ISO-10303-21;"):
        raise IfcImportError(f"{name} is not an IFC file (no ISO-10303-21 header)")
    match = _SCHEMA.search(head)
    if match is None:
        raise IfcImportError(f"{name} is not an IFC file (no FILE_SCHEMA in its header)")
    schema = match.group(1).decode("ascii", "replace").strip().upper()
    if schema not in SCHEMAS:
        raise IfcImportError(
            f"{name} uses the schema {schema}; only {' and '.join(SCHEMAS)} can be imported"
        )
    if not _END.search(tail[-256:]):
        raise IfcImportError(f"{name} is cut off: it does not end with END-ISO-10303-21")
    return schema


def open_model(path: str | Path) -> OpenedModel:
    """Check and open an IFC model. Raises IfcImportError with one clear message."""
    import ifcopenshell

    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise IfcImportError(f"{path.name} is not an IFC model: use an .ifc or .ifczip file")
    size = _size(path)
    head, tail = _head_and_tail(path, size)
    try:
        if head[:4] == b"PK\x03\x04":
            try:
                data = _unzip(path.name, path.read_bytes())
            except OSError as exc:
                raise IfcImportError(f"{path.name} cannot be read: {exc}") from None
            size = len(data)
            check_bytes(path.name, data[:65536], data[-256:])
            model = ifcopenshell.file.from_string(data.decode("utf-8", "replace"))
            del data
        else:
            check_bytes(path.name, head, tail)
            model = ifcopenshell.open(str(path))
    except IfcImportError:
        raise
    except Exception as exc:  # ifcopenshell raises its own errors and RuntimeError alike
        raise IfcImportError(f"{path.name} cannot be read as IFC: {exc}") from None
    schema = str(model.schema).upper()
    if schema not in SCHEMAS:
        raise IfcImportError(
            f"{path.name} uses the schema {schema}; only {' and '.join(SCHEMAS)} can be imported"
        )
    if not model.by_type("IfcBuildingStorey"):
        raise IfcImportError(f"{path.name} has no storeys (IfcBuildingStorey): nothing to draw")
    warning = ""
    if size > WARN_BYTES:
        warning = f"{path.name} is {size / 2**20:.0f} MB: the import may take several minutes"
    return OpenedModel(model, schema, size, warning)
