"""Rendering drawings off the GUI thread for the Drawings tab.

`RenderQueue` hands render requests to a thread that passes them to a
`reviewer.storage.render_process.SheetRenderer` (a worker process with a memory and a
time limit) and delivers each result through the `done` signal, in the GUI thread: a
`QImage`, or the `DocumentFileError` that says why the sheet cannot be shown. Only the
newest request waits: one made while another is pending replaces it, and the view drops
a result whose request is no longer its newest (`generation`). A request for another
drawing cancels the render in progress (it may be a drawing that takes the whole time
limit), while a re-render of the same drawing after zooming lets it finish, because the
worker keeps that drawing open.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PIL.ImageQt import ImageQt
from PySide6.QtCore import QObject, Signal

from reviewer.storage.container import DocumentFileError
from reviewer.storage.render_process import RenderCancelled, SheetRenderer


@dataclass(frozen=True)
class RenderRequest:
    generation: int
    data: bytes
    page: int | None
    budget: int
    name: str


class _Relay(QObject):
    done = Signal(int, object)  # generation, QImage | DocumentFileError


class RenderQueue:
    """Renders sheets one at a time on a thread of its own; results come as signals.

    Not a QObject itself, so that it can be closed after its view is gone (the thread
    may still be waiting for the worker then)."""

    def __init__(self, renderer: SheetRenderer | None = None) -> None:
        self.renderer = renderer or SheetRenderer()
        self._relay = _Relay()
        self.done = self._relay.done
        self._condition = threading.Condition()
        self._pending: RenderRequest | None = None
        self._running: RenderRequest | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def request(self, request: RenderRequest) -> None:
        """Render `request` after the render in progress; drop any other waiting one."""
        with self._condition:
            if self._closed:
                return
            running = self._running
            if running is not None and (
                running.data is not request.data or running.page != request.page
            ):
                self.renderer.cancel()
            self._pending = request
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="drawing-render", daemon=True
                )
                self._thread.start()
            self._condition.notify()

    @property
    def busy(self) -> bool:
        """Whether a render is waiting or in progress."""
        with self._condition:
            return self._pending is not None or self._running is not None

    def close(self) -> None:
        """Stop the thread and the worker process (a render in progress is cancelled)."""
        with self._condition:
            self._closed = True
            self._pending = None
            self._condition.notify()
        self.renderer.close()

    def _run(self) -> None:
        while True:
            with self._condition:
                while self._pending is None and not self._closed:
                    self._condition.wait()
                if self._closed:
                    return
                request, self._pending = self._pending, None
                self._running = request
            result: object
            try:
                image = self.renderer.render(
                    request.data, page=request.page, budget=request.budget, name=request.name
                )
                result = ImageQt(image).copy()  # a QImage may be made in any thread
                del image
            except RenderCancelled:
                result = None
            except DocumentFileError as exc:
                result = exc
            with self._condition:
                self._running = None
                closed = self._closed
            if result is not None and not closed:
                try:
                    self.done.emit(request.generation, result)
                except RuntimeError:  # the relay is gone: the app is closing
                    return
