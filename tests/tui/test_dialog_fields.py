"""Dialog fields and choices as a user sees them, in every built-in theme (issue 14): a text
field stands out from its dialog, its text reads, and a choice that cannot be taken looks it."""

from __future__ import annotations

from pathlib import Path

from rich.color import Color as RichColor
from rich.style import Style
from textual.color import Color
from textual.theme import BUILTIN_THEMES
from textual.widgets import Input, RadioButton

from briefing.tui.app import create_app
from briefing.tui.dialogs.export_dialog import ExportDialog
from briefing.tui.dialogs.prompt import PromptDialog

from .conftest import run_async


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@run_async
async def test_fields_stand_out_and_read_in_every_theme(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        for theme in sorted(BUILTIN_THEMES):
            app.theme = theme
            app.push_screen(PromptDialog("Note on this fact", "a note"))
            await pilot.pause()
            field = app.screen.query_one(Input)
            app.screen.set_focus(None)  # the resting look: a field not yet chosen
            await pilot.pause()
            box_background = field.parent.background_colors[1]  # type: ignore[union-attr]
            field_background, text = field.background_colors[1], field.colors[1]
            if BUILTIN_THEMES[theme].ansi:
                # The terminal's palette: a different colour is all that can be asked.
                assert field_background != box_background, theme
            else:
                # The field's edge reads at 3:1 on the box (WCAG's floor for a control's
                # boundary), its text at 4.5:1.
                edge = field.styles.border_left[1]
                edge = box_background.blend(edge.with_alpha(1.0), edge.a)
                assert field.styles.border_left[0], theme
                assert contrast(edge, box_background) >= 3.0, theme
                assert contrast(text, field_background) >= 4.5, theme
            app.pop_screen()
            await pilot.pause()


def label_style(button: RadioButton) -> Style:
    """The style the button's label is drawn in (its last segment with text)."""
    segments = [segment for segment in button.render_line(0) if segment.text.strip()]
    assert segments and segments[-1].style is not None
    return segments[-1].style


def rgb(color: RichColor) -> Color:
    triplet = color.get_truecolor()
    return Color(triplet.red, triplet.green, triplet.blue)


@run_async
async def test_disabled_choices_look_disabled(library_dir: Path) -> None:
    app = create_app(library_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        for theme in ("textual-dark", "textual-light", "nord", "solarized-light"):
            app.theme = theme
            await pilot.press("x")  # no article open: "This article" cannot be chosen
            await pilot.pause()
            assert isinstance(app.screen, ExportDialog)
            buttons = {button.id: button for button in app.screen.query(RadioButton)}
            disabled = [button for button in buttons.values() if button.disabled]
            enabled = [button for button in buttons.values() if not button.disabled]
            assert disabled and enabled
            dim, normal = label_style(disabled[0]), label_style(enabled[0])
            assert dim.color is not None and normal.color is not None
            assert dim.bgcolor is not None and normal.bgcolor is not None
            # Dimmer than a choice that can be taken, drawn on the same background.
            dim_contrast = contrast(rgb(dim.color), rgb(dim.bgcolor))
            text_contrast = contrast(rgb(normal.color), rgb(dim.bgcolor))
            assert dim_contrast < text_contrast * 0.8, theme
            assert dim.italic and not normal.italic, theme
            await pilot.press("escape")
            await pilot.pause()
