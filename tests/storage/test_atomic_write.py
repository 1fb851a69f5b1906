"""Saving: no temporary file outlives a save, not even a killed one (stale ones are
cleaned at the next save, never one a running save still writes); a symlinked target
stays a link; a read-only file is not replaced."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import time
import zlib

import pytest

from reviewer.paths import ROOT
from reviewer.storage import container
from reviewer.storage.container import DocumentFileError, atomic_write

DAY = 24 * 3600


def temp_files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "plan.review"
    atomic_write(path, b"old")
    return path


class Boom(BaseException):
    pass


@pytest.mark.parametrize(
    ("where", "error", "expected"),
    [
        ("fsync", OSError(28, "No space left on device"), DocumentFileError),
        ("fsync", KeyboardInterrupt(), KeyboardInterrupt),
        ("fsync", SystemExit(1), SystemExit),
        ("replace", MemoryError(), MemoryError),
        ("replace", Boom(), Boom),
        ("replace", PermissionError(13, "Permission denied"), DocumentFileError),
        ("fdopen", OSError(24, "Too many open files"), DocumentFileError),
    ],
)
def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(
    target, monkeypatch, where, error, expected
):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(container.os, where, fail)
    with pytest.raises(expected):
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert temp_files(target.parent) == []


def host_tag() -> str:
    host = socket.gethostname()
    return re.sub(r"[^A-Za-z0-9-]", "-", host)[:32] + f"-{zlib.crc32(host.encode()):08x}"


def test_the_temporary_file_names_its_host_and_process(target, monkeypatch):
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(
        container.os, "replace", lambda a, b: (seen.append(os.path.basename(a)), real_replace(a, b))
    )
    atomic_write(target, b"new")
    (name,) = seen
    assert re.fullmatch(rf"\.plan\.review\.{re.escape(host_tag())}\.{os.getpid()}\.\w+\.tmp", name)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def living_pid():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def leave(folder, name: str, age: float = 0.0) -> str:
    path = folder / name
    path.write_bytes(b"half a save")
    if age:
        past = time.time() - age
        os.utime(path, (past, past))
    return name


@pytest.mark.skipif(os.name != "posix", reason="process ids are checked on POSIX only")
def test_stale_temporary_files_of_killed_saves_are_removed_at_the_next_save(target, living_pid):
    folder = target.parent
    here = host_tag()
    stale = [
        leave(folder, f".plan.review.{here}.{dead_pid()}.k1ll3d_1.tmp"),  # its save was killed
        leave(folder, f".plan.review.other-host-0000abcd.{os.getpid()}.x1.tmp", 2 * DAY),
        leave(folder, ".plan.review.ab_cd123.tmp", 2 * DAY),  # older app version, a day old
    ]
    kept = [
        leave(folder, f".plan.review.{here}.{living_pid}.busy.tmp"),  # another instance saving
        leave(folder, f".plan.review.{here}.{os.getpid()}.mine.tmp"),  # this process saving
        leave(folder, f".plan.review.other-host-0000abcd.{dead_pid()}.remote.tmp"),  # may run
        leave(folder, ".plan.review.ab_cd124.tmp"),  # older app version, recent
        leave(folder, f".other.review.{here}.{dead_pid()}.k1ll3d_2.tmp", 2 * DAY),  # other file
        leave(folder, f".plan.review.x.{here}.{dead_pid()}.k1ll3d_3.tmp", 2 * DAY),  # not ours
        leave(folder, "notes.tmp", 2 * DAY),  # not the app's
    ]
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert temp_files(folder) == sorted(kept)
    assert not set(stale) & set(temp_files(folder))


# ---------------------------------------------------------------- links and read-only files


@pytest.mark.parametrize("relative", [False, True])
def test_saving_through_a_symlink_writes_the_real_file_and_keeps_the_link(tmp_path, relative):
    real_folder = tmp_path / "projects"
    real_folder.mkdir()
    real = real_folder / "plan.review"
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link_folder = tmp_path / "desktop"
    link_folder.mkdir()
    link = link_folder / "plan.review"
    link.symlink_to(os.path.relpath(real, link_folder) if relative else real)
    atomic_write(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in link_folder.iterdir()) == ["plan.review"]
    assert sorted(p.name for p in real_folder.iterdir()) == ["plan.review"]


def test_a_read_only_file_is_not_replaced(target):
    # os.replace ignores the file's mode, and root may write anything (os.access says
    # yes): the mode bits say the file is meant to stay as it is
    os.chmod(target, 0o444)
    with pytest.raises(DocumentFileError) as info:
        atomic_write(target, b"new")
    assert str(info.value) == (
        "Cannot save plan.review: the file is read-only; save it under another name"
    )
    assert target.read_bytes() == b"old"
    assert temp_files(target.parent) == []
    atomic_write(target.with_name("copy.review"), b"new")  # Save As still works


def test_a_file_this_user_may_not_write_is_not_replaced(target, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(
        container.os,
        "access",
        lambda p, mode, **k: False if mode == os.W_OK else real_access(p, mode),
    )
    with pytest.raises(DocumentFileError, match="read-only; save it under another name"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"


def test_a_read_only_file_behind_a_link_is_not_replaced(tmp_path, target):
    os.chmod(target, 0o444)
    link = tmp_path / "link.review"
    link.symlink_to(target)
    with pytest.raises(DocumentFileError, match="Cannot save link.review: the file is read-only"):
        atomic_write(link, b"new")
    assert target.read_bytes() == b"old"


def test_a_folder_or_a_pipe_is_not_replaced_by_a_save(tmp_path):
    folder = tmp_path / "plan.review"
    folder.mkdir()
    with pytest.raises(DocumentFileError, match="Cannot save plan.review: it is a folder"):
        atomic_write(folder, b"new")
    pipe = tmp_path / "pipe.review"
    os.mkfifo(pipe)
    with pytest.raises(DocumentFileError, match="pipe.review: it is not a regular file"):
        atomic_write(pipe, b"new")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert temp_files(tmp_path) == []


def test_a_new_file_gets_the_umask_permissions_without_touching_the_umask(tmp_path):
    script = (
        "import os, sys\n"
        "os.umask(0o027)\n"
        "def refuse(*a): raise AssertionError('os.umask changes process-wide state')\n"
        "os.umask = refuse\n"
        "from reviewer.storage.container import atomic_write\n"
        "atomic_write(sys.argv[1], b'data')\n"
    )
    target = tmp_path / "nieuw.review"
    subprocess.run(
        [sys.executable, "-c", script, str(target)],
        check=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"data"
