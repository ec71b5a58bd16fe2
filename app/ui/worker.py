"""Running a computation off the GUI thread and getting its result back through a signal.

The job must not touch widgets; it opens its own connections from the project's engine (a
pooled connection is never shared between threads). A generation number lets the caller drop
results that an edit made stale while they were computed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.ui.errors import plain_message


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, generation: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.generation, self.work, self.relay = generation, work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # reported to the view; a worker must never die silently
            # Worded here: a signal carries a plain string, not the refusal's catalogue words.
            self._emit(self.relay.failed, plain_message(error))
            return
        self._emit(self.relay.done, result)

    def _emit(self, signal: Any, payload: object) -> None:
        # RuntimeError: the view was closed while this ran; there is nobody left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(self.generation, payload)


class Background(QObject):
    """Submit jobs; `finished(result)` fires for the latest one only."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._settled = 0  # the last generation whose result (or failure) came back
        self.pool = QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)

    def submit(self, work: Callable[[], Any]) -> int:
        self.generation += 1
        self.pool.start(_Job(self.generation, work, self._relay))
        return self.generation

    @property
    def busy(self) -> bool:
        """A job is running whose result will replace what is shown."""
        return self._settled != self.generation

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _done(self, generation: int, result: object) -> None:
        if generation == self.generation:
            self._settled = generation
            self.finished.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._settled = generation
            self.failed.emit(message)
