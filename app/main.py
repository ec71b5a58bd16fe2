"""The `sourcetrack` entry point: a command runs the command line, anything else the GUI.

It lives outside both `app.cli` and `app.ui` so the command line never imports Qt: Qt is only
imported when no command is given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from app.cli.commands import COMMANDS

    if args and (args[0] in COMMANDS or args[0].startswith("-")):
        from app.cli.main import main as cli_main

        return cli_main(args)
    from app.ui.app import run_gui

    return run_gui(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
