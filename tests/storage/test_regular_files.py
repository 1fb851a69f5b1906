"""Only regular files are read: a named pipe, a device, a socket or a folder is refused
before reading (a pipe must not block, /dev/zero must not be read until memory runs
out), for .review and .workshop files and for plan and checklist YAML alike."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
from pathlib import Path

import pytest

from reviewer.domain.checklist import ChecklistError
from reviewer.storage import files
from reviewer.storage.container import DocumentFileError
from reviewer.storage.review_file import load_review
from reviewer.storage.workshop_file import load_workshop
from reviewer.storage.yamlfile import PlanFileError, load_checklist, load_plan

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")


@contextlib.contextmanager
def deadline(seconds: float = 5.0):
    """Turn a read that blocks (a FIFO without a writer) into a test failure."""

    def expire(signum, frame):
        raise TimeoutError("the read blocked")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.review"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path):
    path = tmp_path / "s.review"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    yield path
    sock.close()


def message_of(exc: Exception) -> str:
    return exc.problems[0] if isinstance(exc, ChecklistError) else str(exc)


LOADERS = [
    (load_review, DocumentFileError, "Cannot open {name}: it is {what}, not a review file"),
    (load_workshop, DocumentFileError, "Cannot open {name}: it is {what}, not a workshop file"),
    (load_plan, PlanFileError, "{path}: is {what}, not a plan file"),
    (load_checklist, ChecklistError, "{path}: is {what}, not a checklist file"),
]


@pytest.mark.parametrize(("load", "error", "message"), LOADERS)
def test_a_named_pipe_is_refused_without_blocking(fifo, load, error, message):
    with deadline(), pytest.raises(error) as info:
        load(fifo)
    assert message_of(info.value) == message.format(
        name=fifo.name, path=fifo, what="a named pipe (FIFO)"
    )


@pytest.mark.parametrize(("load", "error", "message"), LOADERS)
def test_a_device_is_refused_without_reading(load, error, message):
    zero = Path("/dev/zero")
    with deadline(), pytest.raises(error) as info:
        load(zero)
    assert message_of(info.value) == message.format(name="zero", path=zero, what="a device")


@pytest.mark.parametrize(("load", "error", "message"), LOADERS)
def test_a_link_to_a_device_is_refused(tmp_path, load, error, message):
    link = tmp_path / "zero.review"
    link.symlink_to("/dev/zero")
    with deadline(), pytest.raises(error) as info:
        load(link)
    assert message_of(info.value) == message.format(name=link.name, path=link, what="a device")


@pytest.mark.parametrize(("load", "error", "message"), LOADERS)
def test_a_socket_is_refused(unix_socket, load, error, message):
    with pytest.raises(error) as info:
        load(unix_socket)
    assert message_of(info.value) == message.format(
        name=unix_socket.name, path=unix_socket, what="a socket"
    )


@pytest.mark.parametrize(("load", "error", "message"), LOADERS)
def test_a_folder_is_refused(tmp_path, load, error, message):
    folder = tmp_path / "map.review"
    folder.mkdir()
    with pytest.raises(error) as info:
        load(folder)
    assert message_of(info.value) == message.format(name=folder.name, path=folder, what="a folder")


def test_a_pipe_swapped_in_after_the_check_does_not_block(fifo, monkeypatch):
    # the path passes os.stat as a regular file, then turns out to be a FIFO when opened:
    # opening with O_NONBLOCK returns at once and fstat on the descriptor refuses it
    regular = os.stat(__file__)
    real_stat = os.stat
    monkeypatch.setattr(
        files.os, "stat", lambda p, *a, **k: regular if Path(p) == fifo else real_stat(p, *a, **k)
    )
    with deadline(), pytest.raises(files.NotAFileError, match="named pipe"):
        files.read_regular_file(fifo, 1000)


def test_reading_is_bounded_even_when_the_size_was_wrong(tmp_path, monkeypatch):
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    class Shrunk:  # fstat reports the size before the file grew
        def __init__(self, result):
            self._result = result

        def __getattr__(self, name):
            return 10 if name == "st_size" else getattr(self._result, name)

    monkeypatch.setattr(files.os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    with pytest.raises(files.FileTooLargeError) as info:
        files.read_regular_file(path, 1000)
    assert info.value.limit == 1000
    assert files.read_regular_file(path, 5000) == b"x" * 5000


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(bytes(range(256)) * 1000)
    assert files.read_regular_file(path, 256_000) == bytes(range(256)) * 1000
    with pytest.raises(files.FileTooLargeError, match="too large"):
        files.read_regular_file(path, 255_999)
