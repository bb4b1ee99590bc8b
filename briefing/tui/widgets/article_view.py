"""The open article: headline, dek, source line, then the highlighted body.

A Line API widget: the highlighted ``Text`` is built once per article (and theme), wrapped
once per width with each line's body offsets kept, so scrolling to a fact's sentence and
knowing the sentence under the cursor are lookups, not re-renders.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.store.records import StoredArticle
from briefing.tui.rendering import (
    Palette,
    WrappedLine,
    date_label,
    display_safe,
    highlighted_body,
    mark_words,
    search_terms,
    sentence_at,
    sentence_spans,
    wrap_with_offsets,
)

GUTTER = 2
CACHED_ARTICLES = 4  # highlighted and wrapped bodies kept, for n/p back and forth
MAX_WIDTH = 100  # long lines are hard to read; the text column stops growing here


@dataclass(frozen=True, slots=True)
class _Line:
    text: Text
    body_start: int | None = None  # offsets into the body, for body lines only
    body_end: int | None = None


class ArticleView(ScrollView, can_focus=True):
    """Shows one ``StoredArticle``. ``cursor`` is a display line; its sentence is "current"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor_down",
            "Down",
            show=False,
            id="article.down",
            tooltip="Cursor a line down",
        ),
        Binding("k,up", "cursor_up", "Up", show=False, id="article.up", tooltip="Cursor a line up"),
        Binding(
            "g,home", "first", "Top", show=False, id="article.top", tooltip="Top of the article"
        ),
        Binding(
            "G,end", "last", "Bottom", show=False, id="article.bottom", tooltip="End of the article"
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="article.page_down",
            tooltip="A screen down",
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="article.page_up", tooltip="A screen up"
        ),
        # Shown here, where the sentence under the cursor is in sight.
        Binding(
            "a",
            "screen.add_fact",
            "Add fact",
            id="article.add_fact",
            tooltip="Add a fact for the sentence under the cursor",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--cursor", "article-view--marker"}

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    show_removed: reactive[bool] = reactive(False, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: StoredArticle | None = None
        self.placeholder: Text = Text("")
        self.palette: Palette | None = None
        self.evidence: tuple[int, int] | None = None
        self.search_words: tuple[str, ...] = ()  # marked in the body (see highlight_words)
        self._body_text: Text | None = None
        self._wrapped_bodies: OrderedDict[tuple[object, ...], list[WrappedLine]] = OrderedDict()
        self._sentences: list[tuple[int, int]] = []
        self._lines: list[_Line] = []
        self._line_starts: list[int] = []  # body offset where each body line starts, ascending
        self._first_body_line = 0
        self._wrapped_width = -1
        self._layout: tuple[object, ...] = ()  # what the current lines were built from
        # Drawn lines by (line, cursor?, marked?, scroll_x, width); cleared on re-wrap/restyle.
        self._strips: dict[tuple[int, bool, bool, int, int], Strip] = {}

    # -- content ------------------------------------------------------------------------------

    def show_article(self, article: StoredArticle | None) -> None:
        self.article = article
        self.evidence = None
        self._body_text = None
        self._sentences = sentence_spans(article.body) if article else []
        self.cursor = 0
        self.scroll_to(y=0, animate=False)
        self._rewrap()

    def show_placeholder(self, text: Text) -> None:
        """What the pane says with no article open (an empty library's first-run offer)."""
        self.placeholder = text
        if self.article is None:
            self._rewrap()

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._body_text = None
        self._wrapped_bodies.clear()
        self._layout = ()
        self._rewrap()

    def highlight_words(self, words: Iterable[str]) -> None:
        """Mark the words of a search in the body (case-insensitive, a word starting with a
        term matches, as the full-text search does); no words clears the marks. The text is
        only styled, never parsed. The cursor stays on the line it is on."""
        terms = search_terms(words)
        if terms == self.search_words:
            return
        self.search_words = terms
        self._body_text = None
        self._wrapped_bodies.clear()
        self._layout = ()
        self._rewrap()

    def watch_show_removed(self) -> None:
        self._rewrap()

    def body_text(self) -> Text:
        """The highlighted body, built once per article and palette."""
        if self._body_text is None:
            assert self.article is not None
            article = self.article
            palette = self.palette or Palette.from_variables({})
            text = highlighted_body(article.body, article.actors, article.measures, palette)
            mark_words(text, self.search_words, palette.search)
            self._body_text = text
        return self._body_text

    def _wrapped_body(self, article: StoredArticle, width: int) -> list[WrappedLine]:
        """The highlighted body wrapped to ``width``, built once per article and width."""
        key = (article.id, article.body, article.actors, article.measures, width)
        lines = self._wrapped_bodies.get(key)
        if lines is None:
            lines = wrap_with_offsets(self.body_text(), width)
            self._wrapped_bodies[key] = lines
            while len(self._wrapped_bodies) > CACHED_ARTICLES:
                self._wrapped_bodies.popitem(last=False)
        else:
            self._wrapped_bodies.move_to_end(key)
        return lines

    def text_width(self) -> int:
        # One column stays free for the vertical scrollbar, shown or not, so that a scrollbar
        # appearing never re-wraps the text.
        return max(10, min(MAX_WIDTH, self.size.width - GUTTER - 1))

    def _rewrap(self) -> None:
        width = self.text_width()
        article = self.article
        layout = (
            (article, self.show_removed, width, id(self.palette))
            if article is not None
            else (self.placeholder.plain, width)
        )
        if layout == self._layout:
            return  # the same article drawn the same way: keep the lines and drawn strips
        self._layout = layout
        self._wrapped_width = width
        lines: list[_Line] = []
        if article is None:
            lines = [_Line(w.text) for w in wrap_with_offsets(self.placeholder, width)]
        else:
            palette = self.palette or Palette.from_variables({})

            def add(plain: str, style: Style) -> None:
                text = Text(display_safe(plain), style=style, end="")
                lines.extend(_Line(w.text) for w in wrap_with_offsets(text, width))

            add(article.title or "(untitled)", palette.headline)
            if article.dek:
                add(article.dek, palette.dek)
            meta = [
                article.meta.source or "unknown source",
                date_label(article.meta.published, article.imported_at),
            ]
            if article.tags:
                meta.append(" ".join(f"#{tag}" for tag in article.tags))
            add(" · ".join(meta), palette.meta)
            lines.append(_Line(Text("")))
            self._first_body_line = len(lines)
            for wrapped in self._wrapped_body(article, width):
                lines.append(_Line(wrapped.text, wrapped.start, wrapped.end))
            if article.removed:
                lines.append(_Line(Text("")))
                if self.show_removed:
                    add(f"Removed as page chrome ({len(article.removed)} lines):", palette.meta)
                    for removed in article.removed:
                        add(removed, palette.removed)
                else:
                    add(
                        f"[{len(article.removed)} lines of page chrome hidden: b shows]",
                        palette.meta,
                    )
        self._lines = lines
        self._strips.clear()
        self._line_starts = [line.body_start for line in lines if line.body_start is not None]
        self.virtual_size = Size(width + GUTTER, len(lines))
        self.cursor = min(self.cursor, max(0, len(lines) - 1))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.text_width() != self._wrapped_width:
            self._rewrap_keeping_place()

    def _rewrap_keeping_place(self) -> None:
        if self.text_width() == self._wrapped_width:
            return
        anchor = self.current_offset()
        self._rewrap()
        if anchor is not None and self.cursor >= self._first_body_line:
            self.cursor = self.line_of_offset(anchor)

    # -- positions ----------------------------------------------------------------------------

    def line_of_offset(self, offset: int) -> int:
        """The display line showing body character ``offset``."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self._first_body_line + max(0, index)

    def current_offset(self) -> int | None:
        """The body offset at the start of the cursor line (the first body line above body)."""
        if self.article is None or not self._lines:
            return None
        index = max(self.cursor, self._first_body_line)
        line = self._lines[min(index, len(self._lines) - 1)]
        return line.body_start

    def bring_cursor_into_view(self) -> None:
        """Put the cursor on the first line in sight when it has scrolled out of view, so that
        "the sentence under the cursor" is one the reader can see."""
        top = round(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if not top <= self.cursor < top + height:
            self.cursor = min(max(top, self._first_body_line), max(0, len(self._lines) - 1))

    def current_sentence(self) -> tuple[int, int] | None:
        offset = self.current_offset()
        if offset is None:
            return None
        return sentence_at(self._sentences, offset)

    def mark_evidence(self, span: tuple[int, int] | None) -> None:
        """Mark a fact's sentence and bring it to the middle of the view."""
        self.evidence = span if span and span[1] > span[0] else None
        if self.evidence is not None:
            line = self.line_of_offset(self.evidence[0])
            self.cursor = line
            top = max(0, line - self.scrollable_content_region.height // 3)
            self.scroll_to(y=top, animate=False)
        self.refresh()

    @property
    def line_count(self) -> int:
        return len(self._lines)

    # -- keys ---------------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._lines) - 1)) if self._lines else 0

    def watch_cursor(self) -> None:
        self.scroll_to_region(
            Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True
        )
        self.refresh()

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._lines) - 1

    def action_page(self, direction: int) -> None:
        """Scroll a screen and keep the cursor at the same place on screen."""
        step = max(1, self.scrollable_content_region.height - 1) * direction
        self.scroll_to(y=self.scroll_y + step, animate=False, immediate=True)
        self.cursor += step

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.cursor = offset.y + round(self.scroll_y)

    # -- drawing ------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        if y == 0 and self.text_width() != self._wrapped_width:
            # Resized while hidden (zen mode, a folded pane): wrap again before the next frame.
            self.call_next(self._rewrap_keeping_place)
        width = self.size.width
        index = round(self.scroll_y) + y
        scroll_x = round(self.scroll_x)
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        marked = self._is_evidence(line)
        key = (index, index == self.cursor and self.has_focus, marked, scroll_x, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._draw(line, key[1], marked, scroll_x, width)
            self._strips[key] = strip
        return strip

    def _draw(self, line: _Line, cursor: bool, marked: bool, scroll_x: int, width: int) -> Strip:
        base = self.rich_style
        gutter = Text("▌ " if marked else "  ", end="")
        if marked:
            gutter.stylize(self.get_component_rich_style("article-view--marker", partial=True))
        content = Text.assemble(gutter, line.text, end="", no_wrap=True)
        if cursor:
            # Only the background, blended over the pane's (the theme's cursor colour has an
            # alpha channel): the highlights keep their colours on the cursor line.
            background = self.get_visual_style("article-view--cursor").rich_style.bgcolor
            content.stylize(Style(bgcolor=background))
        elif marked and self.palette is not None:
            # Beneath the highlights: actors and measures keep their colours on marked lines.
            content.stylize_before(self.palette.evidence, GUTTER)
        strip = Strip(list(content.render(self.app.console))).apply_style(base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _is_evidence(self, line: _Line) -> bool:
        if self.evidence is None or line.body_start is None or line.body_end is None:
            return False
        start, end = self.evidence
        return line.body_start < end and line.body_end > start

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
