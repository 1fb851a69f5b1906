"""Lock files beside a document and fingerprints of the version that was loaded."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewer.paths import ROOT
from reviewer.storage.ownership import (
    Fingerprint,
    LockedError,
    LockOwner,
    acquire_lock,
    changed_on_disk,
    lock_path,
    read_owner,
    same_file,
)


def write_lock(path: Path, *, host: str, pid: int, user: str = "anna") -> None:
    lock_path(path).write_text(
        json.dumps({"user": user, "host": host, "pid": pid, "since": "2026-11-30T09:15:00+00:00"})
    )


def dead_pid() -> int:
    process = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    return int(process.stdout)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "gedeeld.review"
    path.write_bytes(b"version one")
    return path


# ---------------------------------------------------------------- fingerprints


def test_an_unchanged_file_is_no_conflict(doc):
    known = Fingerprint.of_file(doc)
    assert known is not None and known.size == len(b"version one")
    assert changed_on_disk(doc, known) is None


def test_a_file_saved_by_someone_else_is_a_conflict(doc):
    known = Fingerprint.of_file(doc)
    doc.write_bytes(b"version two, by somebody else")
    changed = changed_on_disk(doc, known)
    assert changed is not None and changed.sha256 != known.sha256


def test_same_size_and_new_content_is_found_by_the_hash(doc):
    known = Fingerprint.of_file(doc)
    doc.write_bytes(b"version 1!!")  # as long as before
    os.utime(doc, ns=(known.mtime_ns + 10**9, known.mtime_ns + 10**9))
    assert changed_on_disk(doc, known) is not None


def test_a_touched_file_with_the_same_bytes_is_no_conflict(doc):
    known = Fingerprint.of_file(doc)
    os.utime(doc, ns=(known.mtime_ns + 5 * 10**9, known.mtime_ns + 5 * 10**9))
    assert changed_on_disk(doc, known) is None


def test_a_deleted_file_or_an_unknown_version_is_no_conflict(doc):
    known = Fingerprint.of_file(doc)
    doc.unlink()
    assert changed_on_disk(doc, known) is None
    assert changed_on_disk(doc, None) is None
    assert Fingerprint.of_file(doc) is None


def test_fingerprints_survive_json_and_refuse_junk():
    fp = Fingerprint.of_bytes(b"abc", 123)
    assert Fingerprint.from_json(json.loads(json.dumps(fp.to_json()))) == fp
    for junk in (None, [], {"size": True, "mtime_ns": 1, "sha256": "0" * 64}, {"size": 1}):
        assert Fingerprint.from_json(junk) is None


# ---------------------------------------------------------------- locks


def test_a_lock_names_user_host_and_time_and_goes_on_release(doc):
    lock = acquire_lock(doc)
    assert lock is not None
    raw = json.loads(lock_path(doc).read_text())
    assert raw["host"] == socket.gethostname() and raw["pid"] == os.getpid()
    assert raw["user"] and raw["since"]
    owner = read_owner(doc)
    assert owner == lock.owner and owner.this_process
    lock.release()
    assert not lock_path(doc).exists()


def test_a_second_process_is_refused(doc):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                from reviewer.storage.ownership import acquire_lock
                assert acquire_lock(sys.argv[1]) is not None
                print("locked", flush=True)
                sys.stdin.read()
                """
            ),
            str(doc),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError) as caught:
            acquire_lock(doc)
        assert caught.value.owner.pid == holder.pid
        assert not caught.value.owner.is_stale
    finally:
        holder.communicate("", timeout=30)
    # the holder died without releasing: its lock is stale and taken over
    lock = acquire_lock(doc)
    assert lock is not None and lock.took_over is not None
    assert lock.took_over.pid == holder.pid


def test_a_lock_of_a_crashed_app_on_this_host_is_taken_over(doc):
    write_lock(doc, host=socket.gethostname(), pid=dead_pid())
    assert read_owner(doc).is_stale
    lock = acquire_lock(doc)
    assert lock is not None and lock.took_over.user == "anna"
    assert read_owner(doc) == lock.owner


def test_a_lock_from_another_host_is_taken_over_only_when_asked(doc):
    write_lock(doc, host="werkplek-17", pid=4242)
    with pytest.raises(LockedError) as caught:
        acquire_lock(doc)
    assert caught.value.owner.host == "werkplek-17"
    assert "anna" in str(caught.value)
    lock = acquire_lock(doc, take_over=True)
    assert lock is not None and read_owner(doc) == lock.owner


def test_release_leaves_a_lock_somebody_took_over(doc):
    lock = acquire_lock(doc)
    write_lock(doc, host="werkplek-17", pid=4242)
    lock.release()
    assert read_owner(doc).host == "werkplek-17"


def test_opening_twice_in_one_process_keeps_one_lock(doc):
    first = acquire_lock(doc)
    second = acquire_lock(doc)
    assert second is not None and second.took_over is None
    first.release()  # the old document goes after the new one opened
    assert read_owner(doc) == second.owner


def test_an_unreadable_lock_is_replaced(doc):
    lock_path(doc).write_bytes(b"\xff\x00 not json")
    assert read_owner(doc) is None
    assert acquire_lock(doc) is not None


def test_no_lock_where_none_can_be_written(tmp_path):
    assert acquire_lock(tmp_path / "missing-folder" / "x.review") is None


def test_owner_from_junk_is_none():
    assert LockOwner.from_json({"user": 1, "host": "h", "pid": 1}) is None
    assert LockOwner.from_json({"user": "u", "host": "h", "pid": True}) is None
    assert LockOwner.from_json([]) is None


def test_same_file_through_a_link(tmp_path, doc):
    link = tmp_path / "link.review"
    link.symlink_to(doc)
    assert same_file(link, doc)
    assert not same_file(tmp_path / "other.review", doc)
    assert same_file(tmp_path / "a" / ".." / "new.review", tmp_path / "new.review")


def test_a_pipe_has_no_fingerprint_and_is_not_opened(tmp_path):
    fifo = tmp_path / "pipe.review"
    os.mkfifo(fifo)
    assert Fingerprint.of_file(fifo) is None  # returns at once instead of blocking
    assert changed_on_disk(fifo, Fingerprint.of_bytes(b"x", 1)) is None
