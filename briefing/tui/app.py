"""The reader app and its factory, shared by the CLI (``briefing``, ``briefing open ID``) and
the tests."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from briefing.errors import BriefingError
from briefing.store import Library, LibraryNotWritable
from briefing.store.paths import data_dir as default_data_dir
from briefing.tui.resources import reader_stylesheets
from briefing.tui.settings import Settings

if TYPE_CHECKING:
    from textual.command import Provider

BindingSection = tuple[str, DOMNode, Sequence[Binding]]


def _reader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens, not at start."""
    from briefing.tui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = list(reader_stylesheets())
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {_reader_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit briefing (everything is saved)"),
        Binding(
            "question_mark", "help", "Help", id="app.help", tooltip="Every key, where it works"
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            id="app.palette",
            tooltip="The command palette: every action by name",
        ),
    ]

    def __init__(
        self,
        library: Library,
        data_dir: Path,
        *,
        open_article_id: int | None = None,
        notice: str | None = None,
        desk_query: str | None = None,
    ) -> None:
        super().__init__()
        # Start at the desk (``briefing desk [QUERY]``) with this query; None: at the reader.
        self.start_desk_query = desk_query
        self.library = library
        self.data_dir = data_dir
        self.open_article_id = open_article_id
        self.startup_notice = notice
        self.settings = Settings.load(data_dir)
        if self.no_color:
            # The ANSI themes mean "the terminal's own colours", which NO_COLOR turns off;
            # Textual's filter then draws them black on black. Not offered.
            for name, theme in list(self.available_themes.items()):
                if theme.ansi:
                    self.unregister_theme(name)
        if self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def get_default_screen(self) -> Screen[Any]:
        if self.start_desk_query is not None:
            # `briefing desk`: the desk first; the reader is made when the desk is left.
            from briefing.tui.screens.desk import DeskScreen

            return DeskScreen(self.library, self.start_desk_query)
        from briefing.tui.screens.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        if self.startup_notice:
            self.notify(self.startup_notice, severity="warning", timeout=8, markup=False)

    def remember_theme(self, theme: object) -> None:
        self.settings.theme = self.theme
        self.settings.save(self.data_dir)

    def on_unmount(self) -> None:
        self.library.close()

    async def action_quit(self) -> None:
        """Quit, after asking when an import is still running."""
        from briefing.tui.screens.main import MainScreen

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or not main.importing:
            self.exit()
            return
        from briefing.tui.dialogs.confirm import ConfirmDialog

        def answer(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        self.push_screen(
            ConfirmDialog(
                "An import is running",
                "Quit anyway? The articles stored so far stay in the library; the file being "
                "analysed now is not stored. Import the same files again later to finish: "
                "articles already in the library are skipped.",
                yes="Quit",
                no="Keep importing",
            ),
            answer,
        )

    # -- help ---------------------------------------------------------------------------------

    def binding_sections(self, screen: Screen[object]) -> list[BindingSection]:
        """Every binding of the reader, by where it applies: what help and the palette list."""
        from briefing.tui.screens.main import MainScreen
        from briefing.tui.widgets.article_list import ArticleList
        from briefing.tui.widgets.article_view import ArticleView
        from briefing.tui.widgets.facts_panel import FactsPanel

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        sections: list[BindingSection] = [("Everywhere", self, _bindings(self.BINDINGS))]
        # A screen with keys of its own (the desk, a dossier) lists them instead of the reader's.
        own = next((s for s in reversed(self.screen_stack) if hasattr(s, "help_sections")), None)
        if own is not None:
            extra: list[BindingSection] = own.help_sections()
            return [*sections, *extra]
        if main is None:
            return sections
        sections.append(("Reader", main, _bindings(main.BINDINGS)))
        for title, widget_type in (
            ("Article list", ArticleList),
            ("Article", ArticleView),
            ("Facts", FactsPanel),
        ):
            widget = main.query_one(widget_type)
            sections.append((title, widget, _bindings(widget_type.BINDINGS)))
        return sections

    def action_help(self) -> None:
        from briefing.tui.dialogs.help import HelpScreen

        sections = [
            (title, bindings) for title, _node, bindings in self.binding_sections(self.screen)
        ]
        self.push_screen(HelpScreen(sections))

    # -- pasted text --------------------------------------------------------------------------

    def save_pasted_text(self, text: str) -> Path:
        """Keep pasted article text as a file in the library folder, so it imports (and
        re-analyses) like any other file."""
        folder = self.data_dir / "pasted"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)  # also a folder made by an older version, which made it 0755
        stamp = time.strftime("pasted-%Y%m%d-%H%M%S")
        counter = 1
        while True:
            path = folder / (f"{stamp}.txt" if counter == 1 else f"{stamp}-{counter}.txt")
            try:
                # Owner-only, as the README promises for everything in the data directory;
                # O_EXCL: two pastes in one second never write over each other.
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                counter += 1
                continue
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
            return path


def _bindings(bindings: Iterable[BindingType]) -> list[Binding]:
    return [binding for binding in bindings if isinstance(binding, Binding)]


def create_app(
    library_dir: Path | str | None = None,
    open_article: int | None = None,
    *,
    read_only: bool = False,
    desk_query: str | None = None,
) -> ReaderApp:
    """Open the library (read-only, with a notice, where it cannot be written, or when asked)
    and build the app. Raises ``BriefingError`` for what the user must fix (damaged library, no
    such article) before any terminal mode is entered."""
    directory = Path(library_dir) if library_dir is not None else default_data_dir()
    notice = None
    try:
        library = Library.open(directory, read_only=read_only)
    except LibraryNotWritable as error:
        library = Library.open(directory, read_only=True)
        notice = f"Opened read-only: {error}"
    except BriefingError as error:
        if not _unwritable(directory):
            raise
        library = Library.open(directory, read_only=True)
        notice = f"Opened read-only: {error}"
    if open_article is not None:
        try:
            library.article(open_article)
        except BriefingError:
            library.close()
            raise
    app = ReaderApp(
        library, directory, open_article_id=open_article, notice=notice, desk_query=desk_query
    )
    _freeze_long_lived_objects()
    return app


def _freeze_long_lived_objects() -> None:
    """Exempt what is alive now (every imported module: Textual, Rich, the store) from the
    cyclic garbage collector's full passes.

    They live as long as the process, yet each full collection would walk all of them: one
    such pass (~30 ms) fell in the reader's first frame and others land between key presses.
    Done once per process: later calls (a test session making many apps) would only pin
    garbage.
    """
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


_frozen = False


def _unwritable(directory: Path) -> bool:
    return directory.exists() and not os.access(directory, os.W_OK)
