"""Colours that stay readable: WCAG 2 relative luminance and contrast ratio, and the nearest
colour of a given hue that reaches a ratio against a background.

Colours are "#rrggbb" strings, as sources store them. Everything here is pure arithmetic, so
the window's theme (`ui/theme.py`) and the tests check the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

# WCAG 2.x success criterion 1.4.3 (text) and 1.4.11 (graphics and the edges of controls).
TEXT_RATIO = 4.5
GRAPHIC_RATIO = 3.0

Rgb = tuple[int, int, int]


def parse(colour: str, fallback: str = "#808080") -> Rgb:
    """(r, g, b) of "#rrggbb" (or "#rgb"); `fallback` when it is not a colour."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        if len(text) != 6:
            raise ValueError(colour)
        value = int(text, 16)
    except ValueError:
        return parse(fallback) if colour != fallback else (128, 128, 128)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(c))) for c in rgb))


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    r, g, b = parse(colour)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white)."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0 to 1) of the way towards `other`."""
    (r, g, b), (r2, g2, b2) = parse(colour), parse(other)
    return to_hex((r + (r2 - r) * amount, g + (g2 - g) * amount, b + (b2 - b) * amount))


def is_dark(colour: str) -> bool:
    """Whether light text reads better on this colour than dark text."""
    return ratio(colour, "#ffffff") > ratio(colour, "#000000")


def readable(colour: str, background: str, minimum: float = TEXT_RATIO) -> str:
    """`colour` itself if it reaches `minimum` against `background`, else the least change of
    it towards black or white (whichever the background is further from) that does.

    The hue is kept as far as the ratio allows; black or white always reach 4.5:1 against
    any background, so the answer always does too (to the rounding of a channel)."""
    if ratio(colour, background) >= minimum:
        return colour
    target = "#000000" if not is_dark(background) else "#ffffff"
    if ratio(target, background) < minimum:  # a mid grey background: the better extreme
        return target
    low, high = 0.0, 1.0  # the amount of `target` mixed in: `high` always reaches `minimum`
    for _ in range(20):
        middle = (low + high) / 2
        if ratio(mix(colour, target, middle), background) >= minimum:
            high = middle
        else:
            low = middle
    return mix(colour, target, high)


def tint(colour: str, background: str, strength: float) -> str:
    """A background made of a source's colour: `strength` of it over `background`."""
    return mix(background, colour, strength)


@dataclass(frozen=True)
class TextOn:
    """A background and the text drawn on it, with their contrast."""

    background: str
    text: str

    @property
    def ratio(self) -> float:
        return ratio(self.background, self.text)


def text_on(background: str, preferred: str, minimum: float = TEXT_RATIO) -> TextOn:
    """`preferred` text on `background`, adjusted until it reaches `minimum`."""
    return TextOn(background, readable(preferred, background, minimum))


# The hue of each stance, the same in every theme; what is painted with it is adjusted.
STANCE_HUES = {
    "asserts": "#2e8b57",
    "denies": "#c0392b",
    "neutral": "#7f8c8d",
    "mixed": "#d68910",
}


@dataclass(frozen=True)
class Scheme:
    """The colours a theme paints with, derived from its palette and a source's colour: every
    text colour reaches `minimum` against the background it is drawn on, every mark or line
    `GRAPHIC_RATIO` against the background of the chart.

    `base` is the background of text (Qt's Base role), `text` its text, `link` its links."""

    base: str
    text: str
    link: str
    minimum: float = TEXT_RATIO
    tint_strength: float = 0.22

    @property
    def dark(self) -> bool:
        return is_dark(self.base)

    def text_on(self, background: str) -> str:
        """The palette's text, adjusted to read on `background`."""
        return readable(self.text, background, self.minimum)

    def source_tint(self, colour: str) -> str:
        """A tagged statement's background: a little of its source's colour over the base,
        less of it when the palette's own text would not read on it."""
        return self._soft(colour, self.tint_strength)

    def _soft(self, colour: str, strength: float) -> str:
        """`strength` of `colour` over the base, or less: as much as keeps the palette's text
        at `minimum` on it."""
        wanted = min(self.minimum, ratio(self.text, self.base))
        while strength > 0.02 and ratio(self.text, tint(colour, self.base, strength)) < wanted:
            strength *= 0.8
        return tint(colour, self.base, strength)

    def text_on_tint(self, colour: str) -> str:
        return self.text_on(self.source_tint(colour))

    def source_text(self, colour: str, background: str | None = None) -> str:
        """Text in a source's colour (a label, a name) that reads on `background`."""
        return readable(colour, background or self.base, self.minimum)

    def source_graphic(self, colour: str, background: str | None = None) -> str:
        """A bar, line or marker in a source's colour that stands out from `background`."""
        return readable(colour, background or self.base, GRAPHIC_RATIO)

    def stance_background(self, stance: str) -> str:
        return self._soft(STANCE_HUES.get(stance, STANCE_HUES["neutral"]), 0.28)

    def stance_text(self, stance: str, background: str | None = None) -> str:
        return self.source_text(STANCE_HUES.get(stance, STANCE_HUES["neutral"]), background)

    @property
    def current_background(self) -> str:
        """The current statement: grey (the text's colour, faint), unlike any source's tint."""
        return self._soft(self.text, 0.16)

    @property
    def muted_text(self) -> str:
        """Secondary text (a statement marked "no source", a note): fainter, still readable."""
        return readable(mix(self.text, self.base, 0.45), self.base, self.minimum)

    @property
    def link_text(self) -> str:
        return readable(self.link, self.base, self.minimum)

    @property
    def hit_background(self) -> str:
        """Behind a search's words: amber over the base (#ffe08a over white)."""
        return self._soft("#ffc115", 0.5)

    @property
    def boundary(self) -> str:
        """The faint line under an untagged statement, so that its ends show."""
        return readable(mix(self.base, self.text, 0.3), self.base, GRAPHIC_RATIO)


LIGHT = Scheme(base="#ffffff", text="#000000", link="#0b57d0")
DARK = Scheme(base="#1e1f22", text="#e6e6e6", link="#8ab4f8", tint_strength=0.3)
HIGH_CONTRAST = Scheme(
    base="#000000", text="#ffffff", link="#ffff00", minimum=7.0, tint_strength=0.4
)
