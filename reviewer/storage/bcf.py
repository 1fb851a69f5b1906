"""BCF 2.1 files (BIM Collaboration Format, buildingSMART): the findings out, replies in.

**Writing** (`bcf_bytes`, `export_bcf`): a zip with `bcf.version`, `project.bcfp` and a
folder per topic (its GUID) holding `markup.bcf` and, per sheet with the finding's pins,
a viewpoint (`viewpoint.bcfv` for the first, `viewpoint-2.bcfv` … after it) with its
snapshot (`snapshot.png`, `snapshot-2.png` …). What a topic says is decided in
`reviewer.domain.findings`. Every XML file written follows buildingSMART's BCF 2.1
schemas (the tests validate them against the schemas, in `tests/data/bcf-2.1/`). The
same review always gives the same zip: fixed member dates, GUIDs from the review's
identity.

Snapshots are PNGs of the sheet around the pins (at most `SNAPSHOT_PIXELS` on the longer
side, the size BCF asks for), with the pins drawn as numbered circles in their verdict's
colour. They are rendered with Pillow through `render_sheet` (a worker process with a
memory and a time limit, as for the report); each sheet is rendered once per export.

**Reading** (`read_bcf`, `load_bcf`): a BCF file another tool wrote is untrusted. It gets
the checks a `.review` file gets (`reviewer.storage.container`): a bound on the file's
size, on the number of members and on what is read of each (whatever the zip header
claims), no absolute or `..` member names, only stored or deflated members read, no
encrypted ones. Only `bcf.version` and the topics' `markup.bcf` are read; everything
else (snapshots, an IFC model) is left unread. XML is parsed with defusedxml and a
document type declaration is refused outright, so neither an entity bomb nor an
external entity can do anything. Every failure is a `BcfFileError` whose message says
what is wrong.
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from reviewer.domain.findings import ReadComment, ReadTopic, Topic, TopicView, finding_topics
from reviewer.domain.text import Lang
from reviewer.domain.verdict import VERDICT_COLOURS
from reviewer.storage.container import (
    MAX_MEMBERS,
    READABLE_METHODS,
    DocumentFileError,
    _zip_error,
    atomic_write,
    read_file_checked,
    size_text,
)
from reviewer.storage.drawings import render_sheet
from reviewer.storage.review_file import ReviewDocument

if TYPE_CHECKING:
    from PIL import Image

    from reviewer.storage.render_process import SheetRenderer

__all__ = [
    "BcfCancelled",
    "BcfContent",
    "BcfFileError",
    "bcf_bytes",
    "export_bcf",
    "load_bcf",
    "read_bcf",
]

SUFFIX = ".bcf"
VERSION = "2.1"
SNAPSHOT_PIXELS = 1500  # the longer side of a snapshot
SHEET_RENDER_PIXELS = 16_000_000  # a sheet is rendered once at most this large
MAX_BCF_BYTES = 1024 * 1024 * 1024  # a BCF file may carry the IFC model it is about
MAX_MARKUP_BYTES = 16 * 1024 * 1024  # one markup.bcf
MAX_READ_BYTES = 64 * 1024 * 1024  # of all markup read from one file (as review.json)
MEMBER_DATE = (2020, 1, 1, 0, 0, 0)  # fixed: the same review gives the same bytes

Progress = Callable[[int, int], None]


class BcfFileError(DocumentFileError):
    """A BCF file that cannot be read or written; the message says why."""


class BcfCancelled(Exception):
    """The export was cancelled; nothing was written."""


# ---------------------------------------------------------------- writing


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def _datetime(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _number(value: float) -> str:
    return repr(round(value, 6) + 0.0)


def _xyz(parent: ET.Element, tag: str, values: tuple[float, float, float]) -> None:
    element = _sub(parent, tag)
    for axis, value in zip("XYZ", values, strict=True):
        _sub(element, axis, _number(value))


_XML_UNSAFE = re.compile(r"[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """Text XML 1.0 can hold: control characters other than tab and newlines dropped."""
    return _XML_UNSAFE.sub("", value)


def version_xml() -> bytes:
    root = ET.Element("Version", VersionId=VERSION)
    _sub(root, "DetailedVersion", VERSION)
    return _xml(root)


def project_xml(project_id: str, name: str) -> bytes:
    root = ET.Element("ProjectExtension")
    project = _sub(root, "Project", ProjectId=project_id)
    if name:
        _sub(project, "Name", _text(name))
    _sub(root, "ExtensionSchema", "")
    return _xml(root)


def _view_files(index: int) -> tuple[str, str]:
    if index == 0:
        return "viewpoint.bcfv", "snapshot.png"
    return f"viewpoint-{index + 1}.bcfv", f"snapshot-{index + 1}.png"


def markup_xml(topic: Topic, index: int) -> bytes:
    root = ET.Element("Markup")
    element = _sub(
        root,
        "Topic",
        Guid=str(topic.guid),
        TopicType=_text(topic.topic_type),
        TopicStatus=_text(topic.status),
    )
    _sub(element, "Title", _text(topic.title))
    if topic.priority:
        _sub(element, "Priority", topic.priority)
    _sub(element, "Index", str(index))
    for label in topic.labels:
        _sub(element, "Labels", _text(label))
    _sub(element, "CreationDate", _datetime(topic.created))
    _sub(element, "CreationAuthor", _text(topic.author))
    _sub(element, "ModifiedDate", _datetime(topic.modified))
    _sub(element, "ModifiedAuthor", _text(topic.author))
    _sub(element, "Description", _text(topic.description))
    for comment in topic.comments:
        node = _sub(root, "Comment", Guid=str(comment.guid))
        _sub(node, "Date", _datetime(comment.date))
        _sub(node, "Author", _text(comment.author))
        _sub(node, "Comment", _text(comment.text))
    for i, view in enumerate(topic.views):
        viewpoint, snapshot = _view_files(i)
        node = _sub(root, "Viewpoints", Guid=str(view.guid))
        _sub(node, "Viewpoint", viewpoint)
        _sub(node, "Snapshot", snapshot)
        _sub(node, "Index", str(i))
    return _xml(root)


def viewpoint_xml(view: TopicView) -> bytes:
    """The viewpoint of a sheet: for a sheet from IFC, an orthogonal camera looking down
    at the storey's cut height with everything above it clipped, and the IFC elements
    the pins mark selected; otherwise only the viewpoint's GUID (its snapshot says it)."""
    root = ET.Element("VisualizationInfo", Guid=str(view.guid))
    camera = view.camera
    if view.selected:
        components = _sub(root, "Components")
        selection = _sub(components, "Selection")
        for guid in view.selected:
            _sub(selection, "Component", IfcGuid=guid)
        _sub(components, "Visibility", DefaultVisibility="true")
    if camera is not None:
        ortho = _sub(root, "OrthogonalCamera")
        _xyz(ortho, "CameraViewPoint", camera.position)
        _xyz(ortho, "CameraDirection", camera.direction)
        _xyz(ortho, "CameraUpVector", camera.up)
        _sub(ortho, "ViewToWorldScale", _number(camera.view_width_m))
        planes = _sub(root, "ClippingPlanes")
        plane = _sub(planes, "ClippingPlane")
        x, y, _z = camera.position
        _xyz(plane, "Location", (x, y, camera.cut_height))
        _xyz(plane, "Direction", (0.0, 0.0, 1.0))  # points to the part not shown
    return _xml(root)


def _font(size: int):  # -> ImageFont.FreeTypeFont
    from importlib import resources

    from PIL import ImageFont

    font = resources.files("reviewer") / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
    with resources.as_file(font) as path:
        return ImageFont.truetype(str(path), size)


def snapshot_png(image: Image.Image, view: TopicView, colour: str) -> bytes:
    """The part of a rendered sheet the view shows, with its pins, as a PNG."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    sheet = view.sheet
    sx, sy = image.width / sheet.width, image.height / sheet.height
    x0, y0, x1, y1 = view.box
    box = (
        max(0, math.floor(x0 * sx)),
        max(0, math.floor(y0 * sy)),
        min(image.width, math.ceil(x1 * sx)),
        min(image.height, math.ceil(y1 * sy)),
    )
    crop = image.crop(box).convert("RGB")
    scale = min(1.0, SNAPSHOT_PIXELS / max(crop.width, crop.height, 1))
    if scale < 1.0:
        size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
        crop = crop.resize(size, PILImage.Resampling.LANCZOS)
    else:
        scale = 1.0
    draw = ImageDraw.Draw(crop)
    radius = max(11, round(max(crop.width, crop.height) * 0.014))
    font = _font(round(radius * 1.1))
    for pin in view.pins:
        cx = (pin.position[0] * sx - box[0]) * scale
        cy = (pin.position[1] * sy - box[1]) * scale
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=colour,
            outline="white",
            width=max(2, radius // 6),
        )
        draw.text((cx, cy), str(pin.number), fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    crop.save(out, "PNG", optimize=True)
    return out.getvalue()


def bcf_bytes(
    doc: ReviewDocument,
    lang: Lang = "nl",
    *,
    renderer: SheetRenderer | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The review's findings as a BCF 2.1 zip. `progress(done, total)` is called per
    sheet rendered and per topic written; when `cancelled()` says so, BcfCancelled is
    raised. A drawing that cannot be rendered raises DocumentFileError (naming the sheet).

    Each sheet with pins is rendered once, all its snapshots are cut from it, and the
    render is dropped before the next sheet: memory holds one sheet at a time."""
    review = doc.review
    topics = finding_topics(review, lang)
    by_sheet: dict[str, list[tuple[Topic, int]]] = {}
    for topic in topics:
        for i, view in enumerate(topic.views):
            by_sheet.setdefault(view.sheet.id, []).append((topic, i))
    total = len(by_sheet) + len(topics)
    done = 0

    def step() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise BcfCancelled
        done += 1
        if progress is not None:
            progress(done, total)

    snapshots: dict[tuple[str, int], bytes] = {}  # (topic guid, view index) -> PNG
    for items in by_sheet.values():
        if cancelled is not None and cancelled():
            raise BcfCancelled
        sheet = items[0][0].views[items[0][1]].sheet
        budget = SHEET_RENDER_PIXELS
        if not sheet.is_pdf:
            budget = min(budget, math.ceil(sheet.width) * math.ceil(sheet.height))
        image = render_sheet(doc, sheet, budget, renderer)
        for topic, i in items:
            colour = VERDICT_COLOURS[topic.assessment.verdict]
            snapshots[(str(topic.guid), i)] = snapshot_png(image, topic.views[i], colour)
        del image
        step()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:

        def put(name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> None:
            zf.writestr(zipfile.ZipInfo(name, date_time=MEMBER_DATE), data, compress_type=compress)

        put("bcf.version", version_xml())
        put("project.bcfp", project_xml(str(review.identity), review.plan.identity.name))
        for index, topic in enumerate(topics):
            folder = f"{topic.guid}/"
            put(folder + "markup.bcf", markup_xml(topic, index))
            for i, view in enumerate(topic.views):
                viewpoint, snapshot = _view_files(i)
                put(folder + viewpoint, viewpoint_xml(view))
                put(folder + snapshot, snapshots[(str(topic.guid), i)], zipfile.ZIP_STORED)
            step()
    return buffer.getvalue()


def export_bcf(
    doc: ReviewDocument,
    path: str | Path,
    lang: Lang = "nl",
    *,
    renderer: SheetRenderer | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the review's findings to a BCF file, atomically. Returns the path."""
    path = Path(path)
    try:
        data = bcf_bytes(doc, lang, renderer=renderer, progress=progress, cancelled=cancelled)
    except DocumentFileError as exc:
        raise BcfFileError(f"Cannot write {path.name}: {exc}") from None
    atomic_write(path, data)
    return path


# ---------------------------------------------------------------- reading


class BcfContent:
    """What was read of a BCF file: its version and its topics, in the file's order."""

    def __init__(self, version: str, topics: list[ReadTopic]) -> None:
        self.version = version
        self.topics = topics


_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _check_name(name: str) -> None:
    if "\x00" in name or "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise BcfFileError(f"it contains a member with an absolute path: {name!r}")
    parts = name.rstrip("/").split("/")
    if ".." in parts or "." in parts:
        raise BcfFileError(f"it contains a member with '..' in its path: {name!r}")


def _local(tag: object) -> str:
    """An element's name without a namespace (BCF 2.1 has none, but tools may add one)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _child_text(element: ET.Element, name: str) -> str:
    found = _children(element, name)
    return (found[0].text or "").strip() if found else ""


_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def _parse_datetime(text: str) -> datetime | None:
    """An xs:dateTime; a time without a zone is taken as UTC. None when it is not one."""
    text = text.strip()
    if not text:
        return None
    text = _FRACTION.sub(r"\1", text.replace("z", "Z"), count=1)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _parse_xml(data: bytes, name: str) -> ET.Element:
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise BcfFileError(
            f"{name} declares a document type or entities, which BCF files do not use; "
            f"it was not read"
        ) from None
    except ET.ParseError as exc:
        raise BcfFileError(f"{name} is not well-formed XML ({exc})") from None
    except RecursionError:
        raise BcfFileError(f"{name} is nested too deeply") from None


def _read_topic(root: ET.Element, name: str) -> ReadTopic:
    if _local(root.tag) != "Markup":
        raise BcfFileError(f"{name} holds no BCF markup")
    found = _children(root, "Topic")
    if not found:
        raise BcfFileError(f"{name} holds no topic")
    topic = found[0]
    guid = (topic.get("Guid") or "").strip()
    if not _GUID.match(guid):
        raise BcfFileError(f"{name}: the topic has no valid GUID")
    comments = []
    for node in _children(root, "Comment"):
        comments.append(
            ReadComment(
                guid=(node.get("Guid") or "").strip(),
                author=_child_text(node, "Author"),
                date=_parse_datetime(_child_text(node, "Date")),
                text=_child_text(node, "Comment"),
                modified=_parse_datetime(_child_text(node, "ModifiedDate")),
            )
        )
    return ReadTopic(
        guid=guid.lower(),
        title=_child_text(topic, "Title"),
        status=(topic.get("TopicStatus") or "").strip(),
        topic_type=(topic.get("TopicType") or "").strip(),
        author=_child_text(topic, "CreationAuthor"),
        modified=_parse_datetime(_child_text(topic, "ModifiedDate")),
        modified_author=_child_text(topic, "ModifiedAuthor"),
        comments=tuple(comments),
    )


def read_bcf(data: bytes) -> BcfContent:
    """Read the topics of a BCF 2.x file (bytes); raise BcfFileError on any problem."""
    try:
        is_zip = zipfile.is_zipfile(io.BytesIO(data))
        zf = zipfile.ZipFile(io.BytesIO(data)) if is_zip else None
        infos = zf.infolist() if zf else []
    except Exception as exc:  # see container._zip_error
        raise BcfFileError(str(_zip_error(exc, "the BCF file"))) from None
    if zf is None:
        raise BcfFileError("it is not a BCF file (not a zip container)")
    with zf:
        if len(infos) > MAX_MEMBERS:
            raise BcfFileError(f"it has too many members ({len(infos)})")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise BcfFileError("it contains the same member twice")
        wanted: list[zipfile.ZipInfo] = []
        version_info: zipfile.ZipInfo | None = None
        for info in infos:
            _check_name(info.filename)
            parts = PurePosixPath(info.filename).parts
            if info.filename == "bcf.version":
                version_info = info
            elif len(parts) == 2 and parts[1] == "markup.bcf" and not info.is_dir():
                wanted.append(info)
        total = 0

        def read(info: zipfile.ZipInfo) -> bytes:
            nonlocal total
            if info.compress_type not in READABLE_METHODS:
                raise BcfFileError(
                    f"member {info.filename!r} is compressed with a method this app does not "
                    f"read; pack the file again with ordinary (deflate) zip compression"
                )
            if info.flag_bits & 0x1:
                raise BcfFileError(f"member {info.filename!r} is encrypted")
            if info.file_size > MAX_MARKUP_BYTES:
                raise BcfFileError(
                    f"member {info.filename!r} is too large ({size_text(info.file_size)})"
                )
            try:
                with zf.open(info) as fh:
                    content = fh.read(MAX_MARKUP_BYTES + 1)
            except Exception as exc:  # see container._zip_error
                raise BcfFileError(str(_zip_error(exc, f"member {info.filename!r}"))) from None
            if len(content) > MAX_MARKUP_BYTES:  # the header lied about the size
                raise BcfFileError(f"member {info.filename!r} is too large")
            total += len(content)
            if total > MAX_READ_BYTES:
                raise BcfFileError("its topics are too large in total")
            return content

        version = ""
        if version_info is not None:
            root = _parse_xml(read(version_info), "bcf.version")
            version = (root.get("VersionId") or _child_text(root, "DetailedVersion")).strip()
            if version and not version.startswith("2."):
                raise BcfFileError(
                    f"it is BCF {version}; this app reads BCF 2.1 (export BCF 2.1 from the "
                    f"BIM tool)"
                )
        if not wanted:
            raise BcfFileError("it holds no topics; it is not a BCF file")
        topics = [
            _read_topic(_parse_xml(read(info), info.filename), info.filename) for info in wanted
        ]
    return BcfContent(version, topics)


def load_bcf(path: str | Path) -> BcfContent:
    """Read a BCF file from disk, checking everything; raise BcfFileError on any problem."""
    path = Path(path)
    prefix = f"Cannot read {path.name}"
    data = read_file_checked(path, MAX_BCF_BYTES, "BCF", BcfFileError, prefix)
    try:
        return read_bcf(data)
    except BcfFileError as exc:
        raise BcfFileError(f"{prefix}: {exc}") from None
