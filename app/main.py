"""The `sourcetrack` entry point: a command runs the command line, anything else the GUI.

It lives outside both `app.cli` and `app.ui` so the command line never imports Qt: Qt is only
imported when no command is given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not opens_a_window(args):
        from app.cli.main import main as cli_main

        return cli_main(args)  # a command, or a mistyped one: argparse names the choices
    from app.ui.app import run_gui

    return run_gui(args[0] if args else None)


def opens_a_window(args: Sequence[str]) -> bool:
    """`sourcetrack` or `sourcetrack PROJECT`: the window. A project is a file that exists, a
    name ending in .sourcetrack, or a database URL; anything else (`sourcetrack tga p 1`) is a
    command, so a typo gets the command line's message instead of a window."""
    from app.cli.commands import COMMANDS

    if not args:
        return True
    if len(args) != 1 or args[0] in COMMANDS or args[0].startswith("-"):
        return False
    candidate = args[0]
    return (
        "://" in candidate
        or candidate.lower().endswith(".sourcetrack")
        or Path(candidate).is_file()
    )


if __name__ == "__main__":
    sys.exit(main())
