"""Rendering drawings in a worker process with a memory and a time limit.

`SheetRenderer` owns one worker process (`reviewer.storage.render_worker`, started as a
fresh interpreter with `subprocess`, never a fork of the app). The worker stays alive
between renders and keeps the last drawing open, so re-rendering after a zoom costs only
the rendering itself; the drawing's bytes are sent again only when another drawing is
rendered. When a render exceeds a limit the worker is gone (killed after `seconds`, or
dead on its address-space limit of `memory` bytes) and the render raises
`RenderRefused`; the next render starts a new worker.

A renderer serves one render at a time; the drawing view and a report each use their
own, so a report does not wait for the view or the other way round. `cancel()` (from any
thread) stops the render in progress.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Literal

from PIL import Image

from reviewer.storage.container import MAX_IMAGE_PIXELS, DocumentFileError
from reviewer.storage.render_worker import EXIT_MEMORY, FROZEN_ARGUMENT, HEADER, MAX_HEADER

__all__ = [
    "RENDER_MEMORY_BYTES",
    "RENDER_SECONDS",
    "RenderCancelled",
    "RenderRefused",
    "SheetRenderer",
]

RENDER_MEMORY_BYTES = 1024 * 1024 * 1024  # address space of the worker, pdfium included
RENDER_SECONDS = 20.0  # wall-clock time of one render (the view never waits on it)
CPU_MARGIN = 5.0  # the worker's own CPU limit per render: a backstop if the app is gone
PEAK_SAMPLE = 0.05  # seconds between samples of the worker's peak memory while it renders

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class RenderRefused(DocumentFileError):
    """A drawing that exceeded the memory or the time limit of rendering.

    `limit` is "memory" or "time"; `seconds` how long the attempt took."""

    def __init__(self, message: str, limit: Literal["memory", "time"], seconds: float) -> None:
        super().__init__(message)
        self.limit = limit
        self.seconds = seconds


class RenderCancelled(DocumentFileError):
    """The render was stopped with `SheetRenderer.cancel()`."""


class _WorkerGone(Exception):
    pass


class _TimedOut(Exception):
    pass


class SheetRenderer:
    """A worker process that renders drawings under a memory and a time limit."""

    def __init__(self, *, memory: int | None = None, seconds: float | None = None) -> None:
        self.memory = RENDER_MEMORY_BYTES if memory is None else memory
        self.seconds = RENDER_SECONDS if seconds is None else seconds
        # peak resident memory of the last worker that ended, sampled while it rendered
        self.last_peak_bytes = 0
        self._peak = 0  # of the current worker, as seen so far (see _sample_peak)
        self._sampled = 0.0
        self.workers_started = 0
        self._lock = threading.Lock()  # one render at a time
        self._reap_lock = threading.Lock()  # never signal a process id once reaped
        self._process: subprocess.Popen[bytes] | None = None
        self._held: bytes | None = None  # the drawing the worker has open
        self._cancelled = False
        _live.add(self)

    def render(self, data: bytes, *, page: int | None, budget: int, name: str) -> Image.Image:
        """Page `page` of a PDF (or the image, when `page` is None) as an RGB image of at
        most `budget` pixels.

        Raises RenderRefused when a limit is exceeded, RenderCancelled after `cancel()`,
        and DocumentFileError when the drawing cannot be rendered; `name` (the sheet's)
        is for the messages.
        """
        with self._lock:
            self._cancelled = False
            start = time.monotonic()
            try:
                return self._render(data, page, budget, name)
            except _TimedOut:
                self._stop(kill=True)
                raise RenderRefused(
                    self._time_message(name), "time", time.monotonic() - start
                ) from None
            except _WorkerGone:
                returncode = self._stop(kill=True)
                elapsed = time.monotonic() - start
                if self._cancelled:
                    raise RenderCancelled(f"rendering sheet {name!r} was cancelled") from None
                if returncode == -signal.SIGXCPU:  # the worker's own CPU-time backstop
                    raise RenderRefused(self._time_message(name), "time", elapsed) from None
                # pdfium aborts when an allocation fails (so does Python in C code)
                out_of_memory = returncode in (EXIT_MEMORY, -signal.SIGABRT)
                if out_of_memory or self.last_peak_bytes >= self.memory // 2:
                    raise RenderRefused(
                        f"the drawing of sheet {name!r} needs more than "
                        f"{self.memory // 2**20} MB of memory to render and was stopped",
                        "memory",
                        elapsed,
                    ) from None
                raise DocumentFileError(
                    f"the drawing of sheet {name!r} cannot be rendered: the renderer "
                    f"stopped ({_ended(returncode)})"
                ) from None

    def cancel(self) -> None:
        """Stop the render in progress, if any (from any thread); it raises
        RenderCancelled. The next render starts a new worker."""
        process = self._process
        if self._lock.locked() and process is not None:
            self._cancelled = True
            self._kill(process)

    def close(self) -> None:
        """End the worker process; a render in progress is cancelled. The renderer starts
        a new worker when it is used again."""
        self.cancel()
        with self._lock:
            self._stop(kill=False)

    def __enter__(self) -> SheetRenderer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def busy(self) -> bool:
        """Whether a render is in progress."""
        return self._lock.locked()

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        process = self._process
        return process.pid if process is not None and process.returncode is None else None

    # ------------------------------------------------------------ the worker

    def _time_message(self, name: str) -> str:
        return (
            f"rendering the drawing of sheet {name!r} took longer than "
            f"{self.seconds:g} seconds and was stopped"
        )

    def _sample_peak(self, process: subprocess.Popen[bytes], *, every: float = 0.0) -> None:
        """Note the worker's peak resident memory (VmHWM) so far, at most `every` seconds
        apart. Not ru_maxrss: Linux carries a process's peak across exec, so a worker
        started by a large app would report the app's size instead of its own."""
        now = time.monotonic()
        if now - self._sampled < every:
            return
        self._sampled = now
        try:
            with open(f"/proc/{process.pid}/status", "rb") as status:
                for line in status:
                    if line.startswith(b"VmHWM:"):
                        self._peak = max(self._peak, int(line.split()[1]) * 1024)
                        return
        except (OSError, ValueError, IndexError):  # gone, or no /proc here
            pass

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        if not _frozen():
            # the worker imports this very package, wherever it was imported from here
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p
            )
        command = worker_command(self.memory, self.seconds + CPU_MARGIN)
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._process = process
        self._held = None
        self._peak = 0
        self.workers_started += 1
        return process

    def _stop(self, *, kill: bool) -> int | None:
        """End the worker (closing its pipe ends it; `kill` does not wait for that) and
        reap it; returns its exit status (negative: the signal that ended it)."""
        process, self._process, self._held = self._process, None, None
        if process is None:
            return None
        self._sample_peak(process)
        if kill:
            self._kill(process)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # a broken pipe to a worker gone already
                    stream.close()
        with self._reap_lock:  # reaped here, not by Popen: wait4 also gives the peak
            _pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
        # without /proc, ru_maxrss (an overestimate when the app is larger than the worker)
        self.last_peak_bytes = self._peak or usage.ru_maxrss * 1024
        return process.returncode

    def _kill(self, process: subprocess.Popen[bytes]) -> None:
        with self._reap_lock:
            if process.returncode is None:
                os.kill(process.pid, signal.SIGKILL)

    def _render(self, data: bytes, page: int | None, budget: int, name: str) -> Image.Image:
        process = self._process
        if process is not None and (_exited(process) or _readable(process)):  # gone meanwhile
            self._stop(kill=True)
            process = None
        if process is None:
            process = self._start()
        send = data is not self._held
        header = {
            "kind": "image" if page is None else "pdf",
            "page": page,
            "budget": budget,
            "max_pixels": MAX_IMAGE_PIXELS,
            "data_len": len(data) if send else 0,
        }
        raw = json.dumps(header).encode()
        deadline = time.monotonic() + self.seconds
        assert process.stdin is not None
        try:
            process.stdin.write(HEADER.pack(len(raw)) + raw)
            if send:
                process.stdin.write(data)
            process.stdin.flush()
        except OSError:  # BrokenPipeError: the worker is gone
            raise _WorkerGone from None
        self._held = data
        (length,) = HEADER.unpack(self._read(process, HEADER.size, deadline))
        if length > MAX_HEADER:
            raise _WorkerGone
        reply: dict[str, Any] = json.loads(self._read(process, length, deadline))
        if not reply.get("ok"):
            raise _problem(reply, name, page)
        width, height = int(reply["width"]), int(reply["height"])
        pixels = self._read(process, width * height * 3, deadline)
        return Image.frombuffer("RGB", (width, height), pixels, "raw", "RGB", 0, 1)

    def _read(self, process: subprocess.Popen[bytes], size: int, deadline: float) -> bytearray:
        """`size` bytes from the worker, waiting no later than `deadline`; meanwhile its
        peak memory is sampled every PEAK_SAMPLE seconds."""
        assert process.stdout is not None
        fd = process.stdout.fileno()  # read unbuffered: the selector sees all that is left
        buffer = bytearray(size)
        view = memoryview(buffer)
        got = 0
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while got < size:
                self._sample_peak(process, every=PEAK_SAMPLE)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise _TimedOut
                if not selector.select(min(left, PEAK_SAMPLE)):
                    continue
                n = os.readv(fd, [view[got:]])
                if n == 0:
                    raise _WorkerGone
                got += n
        return buffer


def _frozen() -> bool:
    """Whether this is the PyInstaller bundle (which sets `sys.frozen`)."""
    return bool(getattr(sys, "frozen", False))


def worker_command(memory: int, cpu_seconds: float) -> list[str]:
    """The command that starts a worker: a fresh interpreter running the worker module,
    or, in the PyInstaller bundle, whose executable is the app itself and takes no `-m`,
    the app with FROZEN_ARGUMENT (reviewer/__main__.py hands that to the worker)."""
    limits = [str(memory), str(cpu_seconds)]
    if _frozen():
        return [sys.executable, FROZEN_ARGUMENT, *limits]
    return [
        sys.executable,
        "-P",  # not the current folder on the path: only the package and the venv
        "-m",
        "reviewer.storage.render_worker",
        *limits,
    ]


def _problem(reply: dict[str, Any], name: str, page: int | None) -> DocumentFileError:
    code = reply.get("code")
    if code == "no_page":
        return DocumentFileError(f"the PDF of sheet {name!r} has no page {page}")
    if code == "too_many_pixels":
        return DocumentFileError(f"the drawing of sheet {name!r} has too many pixels")
    message = f"the drawing of sheet {name!r} " + (
        "is not a readable image" if page is None else "cannot be rendered"
    )
    detail = reply.get("detail")
    return DocumentFileError(f"{message} ({detail})" if detail else message)


def _exited(process: subprocess.Popen[bytes]) -> bool:
    """Whether the process has ended, without reaping it (wait4 does that, for its peak)."""
    try:
        return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _readable(process: subprocess.Popen[bytes]) -> bool:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout.fileno(), selectors.EVENT_READ)
        return bool(selector.select(0))


def _ended(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit status {returncode}"


_live: weakref.WeakSet[SheetRenderer] = weakref.WeakSet()


@atexit.register
def _end_all() -> None:
    """No worker outlives the app (each would also end when its pipe closes)."""
    for renderer in list(_live):
        renderer.cancel()  # a render in progress ends at once, and lets go of the lock
        if renderer._lock.acquire(timeout=5):
            try:
                with contextlib.suppress(OSError, ChildProcessError):
                    renderer._stop(kill=True)
            finally:
                renderer._lock.release()
