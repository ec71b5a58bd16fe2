"""Is a project's folder safe for SQLite? The warning the command line and the window show.

The judgement is `app.domain.storage.storage_risk`; this module gathers what it needs from the
machine: the resolved path (a symlink into a Dropbox folder counts as Dropbox) and, on Linux,
the mounts table.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.storage import Mount, StorageRisk, parse_mounts, risk_of, storage_risk

MOUNTS_FILE = Path("/proc/mounts")


def read_mounts(mounts_file: Path = MOUNTS_FILE) -> list[Mount]:
    """The machine's mounts; empty where there is no mounts table (macOS, Windows)."""
    try:
        return parse_mounts(mounts_file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def storage_warning(location: str | Path, mounts: list[Mount] | None = None) -> str | None:
    """A one-line warning when a project file sits on a network or synced folder, else None.

    Server URLs (PostgreSQL) get None. The window shows the text in its status bar, the
    command line on standard error. `mounts` defaults to the machine's own table.
    """
    path = _file_of(location)
    return storage_risk(path, read_mounts() if mounts is None else mounts) if path else None


def storage_risk_at(location: str | Path, mounts: list[Mount] | None = None) -> StorageRisk | None:
    """The same judgement as `storage_warning`, as values for the window to word."""
    path = _file_of(location)
    return risk_of(path, read_mounts() if mounts is None else mounts) if path else None


def _file_of(location: str | Path) -> Path | None:
    """The resolved file of a project location; None for a server URL (PostgreSQL)."""
    text = str(location)
    if "://" in text:
        if not text.startswith("sqlite"):
            return None
        text = text.split(":///", 1)[1]
    return _resolved(Path(text))


def _resolved(path: Path) -> Path:
    # A new project does not exist yet: resolve its folder, which decides where it will live.
    try:
        if path.exists():
            return path.resolve()
        return path.parent.resolve() / path.name
    except OSError:
        return path.absolute()
