"""Every colour the window paints from a source's colour or a stance reads on what it is drawn
on: 4.5:1 for text (7:1 in high contrast), 3:1 for marks, in the light, dark and high-contrast
schemes, for the default sources' colours and a sweep of colours a user may choose."""

from __future__ import annotations

import itertools

import pytest

from app.domain import contrast
from app.domain.contrast import DARK, HIGH_CONTRAST, LIGHT, STANCE_HUES, Scheme
from app.domain.defaults import DEFAULT_SOURCES

SCHEMES = {"light": LIGHT, "dark": DARK, "contrast": HIGH_CONTRAST}
# The colours of the default sources, of the palette new sources get, and a sweep of the
# RGB cube (every channel 0, 51, …, 255: 216 colours, the pale and the dark ones included).
PALETTE = ("#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")
SWEEP = tuple(
    contrast.to_hex((r, g, b)) for r, g, b in itertools.product(range(0, 256, 51), repeat=3)
)
COLOURS = (*(s.colour for s in DEFAULT_SOURCES), *PALETTE, *SWEEP, "#ffff00", "#888888")


def test_wcag_reference_values() -> None:
    assert contrast.ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast.ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example: #767676 is the lightest grey that passes AA on white.
    assert contrast.ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast.ratio("#777777", "#ffffff") < 4.5
    assert contrast.luminance("#ff0000") == pytest.approx(0.2126)


def test_parse_accepts_short_forms_and_falls_back() -> None:
    assert contrast.parse("#abc") == (0xAA, 0xBB, 0xCC)
    assert contrast.parse("not a colour") == (128, 128, 128)
    assert contrast.parse("", fallback="#ff0000") == (255, 0, 0)


@pytest.mark.parametrize("minimum", [3.0, 4.5, 7.0])
@pytest.mark.parametrize("background", ["#ffffff", "#000000", "#1e1f22", "#777777", "#ffe08a"])
def test_readable_always_reaches_the_ratio(background: str, minimum: float) -> None:
    for colour in COLOURS:
        adjusted = contrast.readable(colour, background, minimum)
        best = max(contrast.ratio("#000000", background), contrast.ratio("#ffffff", background))
        assert contrast.ratio(adjusted, background) >= min(minimum, best), (colour, adjusted)


def test_readable_keeps_a_colour_that_already_reads() -> None:
    assert contrast.readable("#1f77b4", "#ffffff", 4.5) == "#1f77b4"
    # A yellow on white is darkened, and keeps its hue (red > green > blue).
    darker = contrast.readable("#e6a700", "#ffffff", 4.5)
    r, g, b = contrast.parse(darker)
    assert r > g > b and contrast.luminance(darker) < contrast.luminance("#e6a700")


@pytest.mark.parametrize("name", SCHEMES)
def test_source_tints_and_labels_read_in_every_scheme(name: str) -> None:
    scheme = SCHEMES[name]
    for colour in COLOURS:
        tinted = scheme.source_tint(colour)
        assert contrast.ratio(scheme.text_on_tint(colour), tinted) >= scheme.minimum, colour
        assert contrast.ratio(scheme.source_text(colour), scheme.base) >= scheme.minimum, colour
        assert contrast.ratio(scheme.source_graphic(colour), scheme.base) >= 3.0, colour
        # The current statement's grey shows over every tint and reads too.
        assert (
            contrast.ratio(scheme.text_on(scheme.current_background), scheme.current_background)
            >= scheme.minimum
        )


@pytest.mark.parametrize("name", SCHEMES)
def test_stances_links_and_secondary_text_read_in_every_scheme(name: str) -> None:
    scheme = SCHEMES[name]
    for stance in STANCE_HUES:
        background = scheme.stance_background(stance)
        assert contrast.ratio(scheme.text_on(background), background) >= scheme.minimum
        assert contrast.ratio(scheme.stance_text(stance), scheme.base) >= scheme.minimum
    assert contrast.ratio(scheme.link_text, scheme.base) >= scheme.minimum
    assert contrast.ratio(scheme.muted_text, scheme.base) >= scheme.minimum
    assert (
        contrast.ratio(scheme.text_on(scheme.hit_background), scheme.hit_background)
        >= scheme.minimum
    )
    assert contrast.ratio(scheme.boundary, scheme.base) >= 3.0


def test_a_dark_scheme_tints_darkly() -> None:
    """A tint in the dark theme stays dark (light text on it), unlike the light theme's."""
    assert DARK.dark and not LIGHT.dark
    for colour in (s.colour for s in DEFAULT_SOURCES):
        assert contrast.is_dark(DARK.source_tint(colour))
        assert not contrast.is_dark(LIGHT.source_tint(colour))


def test_a_scheme_from_any_palette_keeps_its_promises() -> None:
    """A system palette we did not design (here a sepia one with grey text) still reads."""
    scheme = Scheme(base="#f4ecd8", text="#8a8a8a", link="#a0a0ff")
    assert contrast.ratio(scheme.text_on(scheme.base), scheme.base) >= 4.5
    assert contrast.ratio(scheme.link_text, scheme.base) >= 4.5
    for colour in COLOURS:
        assert contrast.ratio(scheme.text_on_tint(colour), scheme.source_tint(colour)) >= 4.5
