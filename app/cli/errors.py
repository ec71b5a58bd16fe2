"""The command line's own refusals (its messages stay English, as the README says)."""

from __future__ import annotations


class CliError(Exception):
    """A refusal to report as one line on standard error."""
