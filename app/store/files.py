"""File permissions for what Sourcetrack writes through temporary files."""

from __future__ import annotations

import os
from pathlib import Path


def _umask() -> int:
    # Linux tells the umask without changing it; elsewhere, set and restore it at once.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask


def give_usual_mode(path: str | Path) -> None:
    """mkstemp makes files private (0600); give one the mode a plain new file gets."""
    os.chmod(path, 0o666 & ~_umask())
