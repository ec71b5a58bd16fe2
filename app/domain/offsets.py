"""Converting between Python string offsets (code points) and UTF-16 units (Qt's QString).

Statement offsets are Python `str` indices; Qt counts UTF-16 code units, so every character
outside the Basic Multilingual Plane (an emoji, say) shifts Qt positions by one.
"""

from __future__ import annotations


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_to_index(text: str, units: int) -> int:
    """The code-point index in `text` at (or just before) `units` UTF-16 units."""
    if text.isascii() or all(ord(ch) <= 0xFFFF for ch in text):
        return min(units, len(text))
    count = 0
    for index, ch in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
