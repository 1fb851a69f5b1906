"""The zip container shared by .review and .workshop files.

Nothing in a file is trusted before it is checked: member names, sizes, compression
ratios of attachments, image dimensions, JSON, schema version and the model itself. A
member is read with a bound (its limit + 1 bytes) whatever its header says, so a zip
bomb is refused by what it holds; the JSON is judged by its size alone, because honest
text can compress a thousandfold. Every failure is
a `DocumentFileError` whose message names the file and what a person can do.

Saving is atomic: the new file is written beside the target, flushed and fsynced, then
moved over the target with `os.replace`. A crash or error mid-save leaves the old file;
the temporary file is removed on any failure, and one a killed save left behind is
removed by the next save of that file. A symbolic link is saved through (the file it
points to is replaced), and a read-only file is refused. The limits the loader applies
are applied when an attachment is added and before a file is written, so the app never
writes a file it cannot open again.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import secrets
import socket
import stat
import time
import zipfile
import zlib
from collections.abc import Callable, Collection, Mapping
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reviewer import __version__
from reviewer.storage.files import FileTooLargeError, NotAFileError, read_regular_file
from reviewer.storage.image_header import image_header

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

ATTACHMENTS_DIR = "attachments/"
MAX_FILE_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_MEMBER_BYTES = 128 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100  # for attachments over RATIO_CHECK_FROM bytes
RATIO_CHECK_FROM = 1024 * 1024
MAX_IMAGE_PIXELS = 90_000_000  # an A1 sheet at 300 dpi is ~70 MP; a 12 MP photo is fine
MAX_PDF_PAGES = 500
MIN_PDF_SIDE = 1.0  # points
MAX_PDF_SIDE = 14_400.0  # points: 200 inch (5 m), the largest page PDF allows without UserUnit
MEMBER_OVERHEAD = 1024  # zip headers (local and central) of one member, name included
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}
ATTACHMENT_SUFFIXES = IMAGE_SUFFIXES | {".pdf"}


class DocumentFileError(Exception):
    """A .review or .workshop file that cannot be read or written; the message says why."""


def _check_member_name(name: str, json_name: str) -> str | None:
    """Return the attachment name for a member, None for the JSON; raise if unsafe."""
    if name == json_name:
        return None
    if name == ATTACHMENTS_DIR:
        return ""
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise DocumentFileError(f"contains a member with an absolute path: {name!r}")
    raw_parts = name.split("/")
    parts = PurePosixPath(name).parts
    if ".." in raw_parts or "." in raw_parts:
        raise DocumentFileError(f"contains a member with '..' in its path: {name!r}")
    if not name.startswith(ATTACHMENTS_DIR) or len(parts) != 2:
        raise DocumentFileError(f"contains an unexpected member {name!r}")
    attachment = parts[1]
    if Path(attachment).suffix.lower() not in ATTACHMENT_SUFFIXES:
        raise DocumentFileError(f"contains an attachment of an unsupported type: {name!r}")
    return attachment


def max_attachments() -> int:
    """How many photos and drawings a file may hold: review.json is a member too."""
    return MAX_MEMBERS - 1


def max_attachment_bytes() -> int:
    """How many bytes of photos and drawings a file may hold: what is left of the total
    once review.json may grow to its limit and every member has its zip headers. Within
    this budget, a file stays within MAX_TOTAL_BYTES and (with the JSON compressed at
    all) MAX_FILE_BYTES; `container_bytes` checks the real file before writing it."""
    return MAX_TOTAL_BYTES - MAX_JSON_BYTES - MAX_MEMBERS * MEMBER_OVERHEAD


def size_text(size: int) -> str:
    """A size for a message: "955 MiB", "3.2 MiB" or "382 KiB"."""
    if size >= 10 * 2**20:
        return f"{size // 2**20} MiB"
    if size >= 2**20:
        return f"{size / 2**20:.1f} MiB"
    return f"{size // 1024} KiB"


def check_attachment_room(stored: Collection[int], size: int, kind: str = "review") -> None:
    """Refuse an attachment of `size` bytes when the file, whose other attachments have
    the sizes in `stored`, could then not be opened again: the loader's limits on one
    member, on the number of members and on the bytes in all of them apply when adding,
    so the app never writes what it cannot read."""
    if size > MAX_MEMBER_BYTES:
        raise DocumentFileError(
            f"the file is too large ({size_text(size)}; at most {size_text(MAX_MEMBER_BYTES)})"
        )
    check_room([*stored, size], kind)


def check_room(sizes: Collection[int], kind: str = "review") -> None:
    """Refuse when attachments of these sizes are more than a file of `kind` can hold."""
    if len(sizes) > max_attachments():
        raise DocumentFileError(
            f"the {kind} would hold more than {max_attachments()} photos and drawings, the "
            f"most a {kind} file can hold; remove ones you do not need first"
        )
    total = sum(sizes)
    if total > max_attachment_bytes():
        raise DocumentFileError(
            f"the {kind} would hold more than {size_text(max_attachment_bytes())} of photos "
            f"and drawings ({size_text(total)}), the most a {kind} file can hold; remove "
            f"ones you do not need first, or use smaller ones"
        )


def check_image(name: str, data: bytes, *, decode: bool = True) -> None:
    """Reject images that are not what their name says, have too many pixels or (with
    `decode`) do not decode to the end; a PDF is checked with `pdf_page_sizes`.

    The pixel count is read from the header before anything is decoded (by
    `image_header`, without Pillow, when only the header is checked). Decoding is
    bounded: a JPEG is decoded at 1/8 of each side (`Image.draft` scales the DCT; every
    byte of the compressed data is still read, so a truncated file is found), so a 90 MP
    image costs 1.4 MP of memory; a PNG has no reduced decoding and is checked with
    `verify` (every chunk's CRC, up to IEND) and then loaded whole.

    Adding a photo or a drawing decodes; opening a file does not (`decode=False`): that
    would cost seconds for a review with hundreds of photos, and refusing a whole review
    for one damaged photo would lose its work. Such a photo fails where it is shown.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        if suffix == ".pdf":
            pdf_page_sizes(name, data)
        return
    header = image_header(data)  # without Pillow: opening a file needs only this
    if header is None or decode:
        from PIL import Image  # imported here: the app starts faster without it

        try:
            with Image.open(io.BytesIO(data)) as img:  # reads the header only
                width, height = img.size
                fmt = img.format
        except Image.DecompressionBombError:
            raise DocumentFileError(f"image {name!r} has too many pixels") from None
        except Exception:  # Pillow raises many types for broken headers
            raise DocumentFileError(f"attachment {name!r} is not a readable image") from None
    else:
        fmt, width, height = header
    if width * height > MAX_IMAGE_PIXELS:
        raise DocumentFileError(
            f"image {name!r} has too many pixels ({width}×{height}, more than the "
            f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels allowed)"
        )
    expected = "PNG" if suffix == ".png" else "JPEG"
    if fmt != expected:
        raise DocumentFileError(f"attachment {name!r} is not a {expected} image")
    if not decode:
        return
    from PIL import Image

    try:
        if fmt == "PNG":
            with Image.open(io.BytesIO(data)) as img:
                img.verify()
        with Image.open(io.BytesIO(data)) as img:
            if fmt == "JPEG":
                img.draft(None, (max(1, width // 8), max(1, height // 8)))
            img.load()
    except Exception as exc:  # Pillow raises many types for damaged data
        raise DocumentFileError(
            f"image {name!r} is damaged or incomplete ({exc}); it cannot be shown"
        ) from None


def pdf_page_sizes(name: str, data: bytes) -> list[tuple[float, float]]:
    """Open a PDF with pdfium and return its page sizes in points (as shown, after any
    page rotation); reject what is not a PDF, has no pages, too many pages or a page
    smaller than a point or larger than 5 m. Only the document structure is read."""
    if b"%PDF-" not in data[:1024]:  # the header may follow up to 1 KiB of junk
        raise DocumentFileError(f"attachment {name!r} is not a PDF")
    import pypdfium2 as pdfium  # imported here: only files with drawings need it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentFileError(
                f"the PDF {name!r} is protected with a password; save a copy without one"
            ) from None
        # pdfium also refuses a PDF with no pages at all here
        raise DocumentFileError(
            f"the PDF {name!r} cannot be read: it is damaged or has no pages ({exc})"
        ) from None
    try:
        count = len(pdf)
        if count == 0:
            raise DocumentFileError(f"the PDF {name!r} has no pages")
        if count > MAX_PDF_PAGES:
            raise DocumentFileError(
                f"the PDF {name!r} has {count} pages, more than the {MAX_PDF_PAGES} allowed"
            )
        sizes = []
        for index in range(count):
            width, height = pdf.get_page_size(index)
            if not (
                MIN_PDF_SIDE <= width <= MAX_PDF_SIDE and MIN_PDF_SIDE <= height <= MAX_PDF_SIDE
            ):
                raise DocumentFileError(
                    f"page {index + 1} of the PDF {name!r} has an impossible size "
                    f"({width:.0f} × {height:.0f} points)"
                )
            sizes.append((float(width), float(height)))
        return sizes
    except pdfium.PdfiumError as exc:
        raise DocumentFileError(f"the PDF {name!r} cannot be read ({exc})") from None
    finally:
        pdf.close()


def read_file_checked(
    path: Path, limit: int, kind: str, error: type[Exception], prefix: str
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; any other case is `error`
    with a message that starts with `prefix` and says what is wrong, in words."""
    try:
        return read_regular_file(path, limit)
    except FileNotFoundError:
        raise error(f"{prefix}: the file does not exist") from None
    except NotAFileError as exc:
        raise error(f"{prefix}: it is {exc.what}, not a {kind} file") from None
    except FileTooLargeError as exc:
        raise error(
            f"{prefix}: the file is too large ({size_text(exc.size)}; at most {size_text(limit)})"
        ) from None
    except OSError as exc:
        raise error(f"{prefix}: {exc.strerror or exc}") from None


def read_container(
    path: str | Path, json_name: str, kind: str
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Read and check a container; return the parsed JSON object and the attachments."""
    path = Path(path)
    prefix = f"Cannot open {path.name}"
    data = read_file_checked(path, MAX_FILE_BYTES, kind, DocumentFileError, prefix)
    try:
        return read_container_bytes(data, json_name, kind)
    except DocumentFileError as exc:
        raise DocumentFileError(f"{prefix}: {exc}") from None


# Members are read only when stored or deflated: the app writes nothing else, and zipfile
# decompresses bzip2 and lzma data without an output bound (a few KiB of bzip2 can expand
# to gigabytes before a size check could see it).
READABLE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
MAX_NUMBER_DIGITS = 300  # up to here every integer still converts to a float (max ~1.8e308)


class _NumberTooLong(Exception):
    pass


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _NumberTooLong
    return int(text)


def _zip_error(exc: Exception, what: str) -> DocumentFileError:
    """The error for a failure inside zipfile or a decompressor it uses.

    Damaged input makes them raise an open set of types (BadZipFile, zlib.error,
    struct.error, EOFError, NotImplementedError, ...), so only calls into zipfile are
    guarded this broadly; a mistake in our own checks is not hidden by it.
    """
    text = str(exc) or type(exc).__name__
    if isinstance(exc, MemoryError):
        return DocumentFileError(f"there is not enough memory to read {what}")
    if isinstance(exc, NotImplementedError):
        version = re.fullmatch(r"zip file version (\S+)", text)
        if version:
            return DocumentFileError(
                f"it was packed in a newer zip format (version {version[1]}) than this app "
                f"can read; pack it again with an ordinary zip tool"
            )
        return DocumentFileError(f"{what} uses a zip feature this app cannot read ({text})")
    return DocumentFileError(f"{what} is damaged ({text}); use a backup copy of the file")


def read_container_bytes(
    data: bytes, json_name: str, kind: str
) -> tuple[dict[str, Any], dict[str, bytes]]:
    try:
        is_zip = zipfile.is_zipfile(io.BytesIO(data))
        zf = zipfile.ZipFile(io.BytesIO(data)) if is_zip else None
        infos = zf.infolist() if zf else []
    except Exception as exc:  # see _zip_error
        raise _zip_error(exc, f"the {kind} file") from None
    if zf is None:
        raise DocumentFileError(f"it is not a {kind} file (not a zip container)")
    with zf:
        if len(infos) > MAX_MEMBERS:
            raise DocumentFileError(f"it has too many members ({len(infos)})")
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise DocumentFileError("it contains the same member twice")
        total = 0
        for info in infos:
            _check_member_name(info.filename, json_name)
            if info.compress_type not in READABLE_METHODS:
                method = zipfile.compressor_names.get(info.compress_type, "unknown")
                raise DocumentFileError(
                    f"member {info.filename!r} is compressed with a method this app does not "
                    f"read ({info.compress_type}: {method}); pack the file again with ordinary "
                    f"(deflate) zip compression"
                )
            if info.flag_bits & 0x1:
                raise DocumentFileError(
                    f"member {info.filename!r} is encrypted; save the file without a password"
                )
            is_json = info.filename == json_name
            limit = MAX_JSON_BYTES if is_json else MAX_MEMBER_BYTES
            if info.file_size > limit:
                raise DocumentFileError(f"member {info.filename!r} is too large")
            # JSON text may compress 1000-fold (a long note); its absolute size is the
            # limit, and reads never go past it. Attachments are stored uncompressed.
            if (
                not is_json
                and info.file_size > RATIO_CHECK_FROM
                and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                raise DocumentFileError(
                    f"member {info.filename!r} is compressed suspiciously well (a zip bomb?)"
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise DocumentFileError("its contents are too large in total")
        if json_name not in names:
            raise DocumentFileError(f"{json_name} is missing: this is not a {kind} file")

        def read(info: zipfile.ZipInfo, limit: int) -> bytes:
            try:
                with zf.open(info) as fh:
                    content = fh.read(limit + 1)
            except Exception as exc:  # see _zip_error
                raise _zip_error(exc, f"member {info.filename!r}") from None
            if len(content) > limit:  # the header lied about the size
                raise DocumentFileError(f"member {info.filename!r} is too large")
            return content

        attachments: dict[str, bytes] = {}
        raw_json = b""
        for info in infos:
            if info.is_dir():
                continue
            name = _check_member_name(info.filename, json_name)
            if name is None:
                raw_json = read(info, MAX_JSON_BYTES)
            elif name:
                content = read(info, MAX_MEMBER_BYTES)
                check_image(name, content, decode=False)  # see check_image
                attachments[name] = content
    try:
        parsed = json.loads(raw_json.decode("utf-8"), parse_int=_parse_int)
    except UnicodeDecodeError:
        raise DocumentFileError(f"{json_name} is not UTF-8 text") from None
    except RecursionError:
        raise DocumentFileError(f"{json_name} is nested too deeply") from None
    except _NumberTooLong:
        raise DocumentFileError(
            f"{json_name} holds a number with more than {MAX_NUMBER_DIGITS} digits"
        ) from None
    except json.JSONDecodeError as exc:
        raise DocumentFileError(
            f"{json_name} is not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(parsed, dict):
        raise DocumentFileError(f"{json_name} does not hold a {kind}")
    return parsed, attachments


def migrate(
    payload: dict[str, Any],
    current: int,
    migrations: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]],
    kind: str,
) -> dict[str, Any]:
    """Bring a payload from its schema_version up to `current`; refuse newer versions."""
    version = payload.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentFileError(f"it has no valid schema_version; it is not a {kind} file")
    if version > current:
        raise DocumentFileError(
            f"it was made by a newer version of the app (file format {version}, this app reads "
            f"up to {current}); update Safety & Cohesion Reviewer to open it"
        )
    if version < 1:
        raise DocumentFileError(f"it has an unknown file format version {version}")
    while version < current:
        step = migrations.get(version)
        if step is None:  # pragma: no cover - every version has a step
            raise DocumentFileError(f"no conversion from file format {version}")
        payload = step(payload)
        version += 1
        payload["schema_version"] = version
    return payload


def container_bytes(
    payload: dict[str, Any], json_name: str, attachments: Mapping[str, bytes]
) -> bytes:
    """The zip file for a document; refuses (DocumentFileError, nothing written) what
    `read_container_bytes` would refuse to read back."""
    text = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
    _check_writable(text, json_name, attachments)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        # fixed member dates: the same document always gives the same bytes
        zf.writestr(
            zipfile.ZipInfo(json_name, date_time=(2020, 1, 1, 0, 0, 0)),
            text,
            compress_type=zipfile.ZIP_DEFLATED,
        )
        for name, content in sorted(attachments.items()):
            _check_member_name(ATTACHMENTS_DIR + name, json_name)
            # photos are already compressed: store them as they are
            zf.writestr(
                zipfile.ZipInfo(ATTACHMENTS_DIR + name, date_time=(2020, 1, 1, 0, 0, 0)),
                content,
                compress_type=zipfile.ZIP_STORED,
            )
    data = buffer.getvalue()
    if len(data) > MAX_FILE_BYTES:
        raise DocumentFileError(_too_much(f"{size_text(len(data))} in all"))
    return data


def _too_much(what: str, advice: str = "Remove photos or drawings you do not need") -> str:
    return (
        f"the file would hold more than this app can open again ({what}); nothing was saved. "
        f"{advice}, and save again"
    )


def _check_writable(text: bytes, json_name: str, attachments: Mapping[str, bytes]) -> None:
    if len(text) > MAX_JSON_BYTES:
        raise DocumentFileError(
            _too_much(
                f"{json_name} would be {size_text(len(text))}, at most {size_text(MAX_JSON_BYTES)}",
                "Shorten long notes",
            )
        )
    if len(attachments) + 1 > MAX_MEMBERS:
        raise DocumentFileError(_too_much(f"{len(attachments)} photos and drawings"))
    for name, content in attachments.items():
        if len(content) > MAX_MEMBER_BYTES:
            raise DocumentFileError(_too_much(f"{name} is {size_text(len(content))}"))
    total = len(text) + sum(len(c) for c in attachments.values())
    if total > MAX_TOTAL_BYTES:
        raise DocumentFileError(_too_much(size_text(total)))


STALE_TEMP_AGE = 24 * 3600  # seconds; a save never takes this long


def _host_tag() -> str:
    """This computer in a temporary file's name: readable, without dots, and distinct
    for host names that only differ after the first 32 characters."""
    host = socket.gethostname() or "localhost"
    readable = re.sub(r"[^A-Za-z0-9-]", "-", host)[:32]
    return f"{readable}-{zlib.crc32(host.encode()):08x}"


def _pid_running(pid: int) -> bool:
    """Whether a process `pid` runs on this computer; True when that cannot be known."""
    if os.name != "posix" or pid <= 0:
        return True  # on Windows os.kill(pid, 0) would send the process a signal
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True


def _remove_stale_temp_files(target: Path) -> None:
    """Remove temporary files that saves of `target` left behind when they were killed.

    A temporary file is named `.{target name}.{host}.{pid}.{random}.tmp`. One is stale,
    and removed, when it was made on this computer by a process that no longer runs, or
    when it was last written more than a day ago (from another computer sharing the
    folder, whose processes cannot be checked, or by an older version of the app, whose
    names `.{target name}.{random}.tmp` carry no process). A save running in this or
    another instance of the app is never removed: its process runs, and it writes now.
    Only names of exactly these forms are considered; anything else is left alone.
    """
    prefix, here, now = f".{target.name}.", _host_tag(), time.time()
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        parts = name[len(prefix) : -len(".tmp")].split(".")
        if len(parts) == 3 and parts[1].isdigit():
            host, pid = parts[0], int(parts[1])
            dead = host == here and pid != os.getpid() and not _pid_running(pid)
        elif len(parts) == 1 and re.fullmatch(r"[a-z0-9_]{8}", parts[0]):
            dead = False  # an older version's name: by age only
        else:
            continue
        path = target.parent / name
        with contextlib.suppress(OSError):
            if dead or now - path.lstat().st_mtime > STALE_TEMP_AGE:
                path.unlink()


def _check_target(target: Path, shown: str) -> None:
    """Refuse to replace what is not a regular file, or a file that is read-only.

    Read-only means: the owner's write bit is off (chmod u-w; Windows' read-only
    attribute), or os.access says this user may not write it. `os.replace` would replace
    such a file all the same (it needs only the folder to be writable), and for root
    os.access always says yes, so the mode bits are what say the file should stay.
    """
    try:
        info = os.stat(target)
    except OSError:
        return  # a new file, or a problem the write itself will report
    if stat.S_ISDIR(info.st_mode):
        raise DocumentFileError(f"Cannot save {shown}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise DocumentFileError(f"Cannot save {shown}: it is not a regular file")
    if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise DocumentFileError(
            f"Cannot save {shown}: the file is read-only; save it under another name"
        )


def _create_temp(folder: Path, prefix: str) -> tuple[int, str]:
    """Create a new temporary file in `folder` with the permissions a new file of the
    user gets (0o666 less the umask, applied by the system at creation). Unlike
    `tempfile.mkstemp` (always 0o600) this needs no `os.umask` probe, which would change
    process-wide state while another thread may be creating files."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        name = str(folder / f"{prefix}{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` so that the old file survives any failure mid-write.

    The data goes to a temporary file beside the file it replaces, is flushed and fsynced,
    and then moved over it with `os.replace`. When `path` is a symbolic link, the file it
    points to is replaced and the link stays a link. A read-only file is refused (see
    `_check_target`). On any failure, also KeyboardInterrupt, the temporary file is
    removed; one left by a killed save is removed by the next save (see
    `_remove_stale_temp_files`).
    """
    path = Path(path)
    shown = path.name
    target = Path(os.path.realpath(path))  # through symbolic links, to the real file
    _check_target(target, shown)
    folder = target.parent
    try:
        fd, tmp_name = _create_temp(folder, f".{target.name}.{_host_tag()}.{os.getpid()}.")
    except OSError as exc:
        raise DocumentFileError(
            f"Cannot save {shown}: cannot write in {folder} ({exc.strerror})"
        ) from None
    try:
        try:
            fh = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():  # a new file keeps the mode the umask gave it at creation
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, target.stat().st_mode & 0o777)
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise DocumentFileError(f"Cannot save {shown}: {exc.strerror or exc}") from None
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    _remove_stale_temp_files(target)


def validation_message(exc: ValidationError, what: str) -> str:
    errors = exc.errors()
    parts = []
    for err in errors[:3]:
        loc = ".".join(str(p) for p in err["loc"]) or what
        parts.append(f"{loc}: {err['msg']}")
    more = f" (and {len(errors) - 3} more problems)" if len(errors) > 3 else ""
    return f"{what} is not valid: " + "; ".join(parts) + more


def validate_model(model: type[M], raw: Any, what: str) -> M:
    """Validate untrusted data into `model`, turning every failure into DocumentFileError."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DocumentFileError(validation_message(exc, what)) from None
    except RecursionError:
        raise DocumentFileError(f"{what} is nested too deeply") from None


def make_payload(key: str, schema_version: int, model: BaseModel) -> dict[str, Any]:
    return {
        "schema_version": schema_version,
        "app": f"safety-cohesion-reviewer {__version__}",
        key: model.model_dump(mode="json"),
    }


def load_document(
    path: str | Path,
    json_name: str,
    kind: str,
    build: Callable[[dict[str, Any], dict[str, bytes]], T],
) -> T:
    """Read a container and build the document; every message names the file."""
    path = Path(path)
    payload, attachments = read_container(path, json_name, kind)
    try:
        return build(payload, attachments)
    except DocumentFileError as exc:
        raise DocumentFileError(f"Cannot open {path.name}: {exc}") from None


def save_document(path: str | Path, to_bytes: Callable[[], bytes]) -> bytes:
    """Serialise, then write atomically: on any failure the file on disk is unchanged.
    Returns the bytes written."""
    try:
        data = to_bytes()
    except DocumentFileError as exc:
        raise DocumentFileError(f"Cannot save {Path(path).name}: {exc}") from None
    atomic_write(path, data)
    return data
