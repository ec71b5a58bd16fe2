"""Say which system libraries Qt's X11 platform plugin (xcb) is missing, and what to install.

A bare Linux (a fresh container, a minimal server install) has none of the libxcb-* family
that Qt 6.5 and later need to open a window; without them the window fails to start with
"could not load the Qt platform plugin xcb". The tests do not need them (they run offscreen),
so this is a warning, never a failure: the exit status is always 0.

.venv/bin/python scripts/qt_libraries.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# The library each Debian or Ubuntu package provides, for the ones the xcb plugin loads.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
# Loaded when the plugin starts (dlopen), so `ldd` does not list it: looked up by name.
LOADED_AT_START = ("libxcb-cursor.so.0",)


def xcb_plugin() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The libraries the plugin needs that the system does not have."""
    missing: list[str] = []
    ldd = shutil.which("ldd")
    if ldd:
        listing = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
        for line in listing.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.strip() == "not found" and name not in missing:
                missing.append(name)
    known = installed_libraries()
    for name in LOADED_AT_START:
        if known is not None and name not in known and name not in missing:
            missing.append(name)
    return missing


def installed_libraries() -> set[str] | None:
    """The libraries the dynamic linker knows (`ldconfig -p`); None when it cannot say."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return {line.split()[0] for line in listing.stdout.splitlines()[1:] if line.strip()}


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    plugin = xcb_plugin()
    if plugin is None:
        return 0
    missing = missing_libraries(plugin)
    if not missing:
        return 0
    packages = sorted({PACKAGES.get(name, name) for name in missing})
    print(
        "warning: the window needs system libraries this machine lacks "
        f'({", ".join(missing)}); without them it stops with "could not load the Qt '
        'platform plugin xcb". The tests and the command line do not need them.\n'
        "On Debian or Ubuntu:\n"
        f"    sudo apt-get install {' '.join(packages)}\n"
        "(Other systems: the packages that provide the libraries named above.)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
