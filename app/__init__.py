"""Sourcetrack: tag who claims what in the news, and compare the sources side by side."""

__version__ = "0.1.0"
