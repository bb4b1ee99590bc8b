"""The main screen: article list, article view and facts panel, and every curation action.

Every change the user makes is written to the store at once (the store commits per call), so
nothing is lost if the terminal dies a second later. Store errors (busy, read-only, damaged)
become notifications, never tracebacks.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, OptionList, Static

from briefing.errors import BriefingError
from briefing.query import TEXT
from briefing.store import normalize_tag
from briefing.store.records import StoredArticle
from briefing.tui.curation import Change, CuratingScreen, toggle_enabled
from briefing.tui.rendering import Palette, display_safe
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.facts_panel import FactsPanel
from briefing.tui.widgets.import_runner import ImportRunner
from briefing.tui.widgets.query_error import QueryErrorLine
from briefing.wording import plural

# Dialogs are imported where they open: they pull in widgets (TextArea, Select, ...) that the
# reader's start does not need.
if TYPE_CHECKING:
    from briefing.importing import ImportReport
    from briefing.query import Query
    from briefing.store import Library
    from briefing.tui.app import ReaderApp
    from briefing.tui.dialogs.export_dialog import ExportRequest
    from briefing.tui.dialogs.import_dialog import ImportRequest
    from briefing.tui.screens.desk import DeskResult

WIDE = 120  # three panes from this width; narrower, the facts panel folds away
MIN_WIDTH, MIN_HEIGHT = 60, 15
SEARCH_DELAY = 0.15  # seconds of typing pause before the list re-queries
SAMPLES_CHECK_BELOW = 100  # libraries this small are checked for a cut-short samples import
LIBRARY_POLL_S = 2.0  # how often the reader looks for articles stored by other processes

CHOOSE = "Choose an article in the list (j/k, Enter), or press / to search. ? lists every key."
WELCOME = (
    "Your library is empty.\n\n"
    "Press s to import the bundled sample articles (about a minute: the language model "
    "loads once), or i to import your own files or pasted text.\n\n"
    "Press ? for every key."
)


class MainScreen(CuratingScreen[None]):
    # Descriptions are the footer's short labels; tooltips are the help screen's and the
    # palette's sentences. The keys that move focus are priority bindings: Textual routes each
    # key to the focused widget as it arrives, so keys typed in one burst after a Tab would
    # reach the pane Tab left; priority bindings run first, in order, before the next key is
    # routed. (check_action lets / and F through as text while the search box has focus.)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "tab",
            "cycle_pane(1)",
            "Next pane",
            priority=True,
            show=False,
            id="main.next_pane",
            tooltip="Move to the next pane (list, article, facts)",
        ),
        Binding(
            "shift+tab",
            "cycle_pane(-1)",
            "Previous pane",
            priority=True,
            show=False,
            id="main.prev_pane",
            tooltip="Move to the previous pane",
        ),
        Binding(
            "n",
            "step_article(1)",
            "Next",
            id="main.next_article",
            tooltip="Open the next article in the list",
        ),
        Binding(
            "p",
            "step_article(-1)",
            "Prev",
            show=False,
            id="main.previous_article",
            tooltip="Open the previous article in the list",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            priority=True,
            id="main.search",
            tooltip="Search the library's full text, or filter with key:value terms "
            "(actor:Japan measure:sanctions; Esc in the list clears it)",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            id="main.back",
            tooltip="Back out: zen mode, the folded-in facts panel, the search box",
        ),
        Binding(
            "space",
            "scroll_article",
            "Scroll",
            show=False,
            id="main.scroll",
            tooltip="Scroll the article a screen down",
        ),
        Binding(
            "a",
            "add_fact",
            "Add fact",
            show=False,
            id="main.add_fact",
            tooltip="Add a fact for the sentence under the article's cursor",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            show=False,
            id="main.undo",
            tooltip="Undo the last pin, note, edit, hide or restore of a fact",
        ),
        Binding(
            "t",
            "tag",
            "Tag",
            show=False,
            id="main.tag",
            tooltip="Edit the open article's tags (comma separated)",
        ),
        Binding(
            "E",
            "edit_article",
            "Edit details",
            show=False,
            id="main.edit_article",
            tooltip="Correct the open article's headline, source, date or URL",
        ),
        Binding(
            "x",
            "export",
            "Export",
            show=False,
            id="main.export",
            tooltip="Export a briefing in Markdown: this article, the search results or all",
        ),
        Binding(
            "r",
            "reanalyse",
            "Re-analyse",
            show=False,
            id="main.reanalyse",
            tooltip="Analyse the open article again (keeps pins, notes, corrections)",
        ),
        Binding(
            "R",
            "refresh_feeds",
            "Refresh",
            show=False,
            id="main.refresh_feeds",
            tooltip="Fetch the feeds' new articles (add feeds with `briefing feed add URL`)",
        ),
        Binding(
            "i",
            "import",
            "Import",
            id="main.import",
            tooltip="Import a file or folder, or paste an article",
        ),
        Binding(
            "s",
            "import_samples",
            "Samples",
            id="main.import_samples",
            tooltip="Import the bundled sample articles",
        ),
        Binding(
            "F",
            "toggle_facts",
            "Facts",
            priority=True,
            id="main.toggle_facts",
            tooltip="Go to the facts panel (it folds in on narrow terminals)",
        ),
        Binding(
            "z", "zen", "Zen", show=False, id="main.zen", tooltip="Zen mode: the article alone"
        ),
        Binding(
            "b",
            "toggle_removed",
            "Page chrome",
            show=False,
            id="main.toggle_removed",
            tooltip="Show or hide the page chrome removed from the article, dimmed",
        ),
        Binding(
            "l",
            "legend",
            "Legend",
            show=False,
            id="main.legend",
            tooltip="What the highlights' colours and marks mean",
        ),
        Binding(
            "D",
            "desk",
            "Desk",
            show=False,
            id="main.desk",
            tooltip="The desk: every development across the library (one measure with all the "
            "articles that report it), filtered by a query",
        ),
    ]

    def __init__(self, history: list[Change] | None = None) -> None:
        """``history``: an undo history to continue (the desk's, when it came first)."""
        super().__init__(history, id="main")
        self.article: StoredArticle | None = None
        self._search_timer: Timer | None = None
        self._runner: ImportRunner | None = None
        self._data_version: int | None = None  # the store's, when the list was last read
        self._samples_partial = False
        self.open_index: int | None = None  # the open article's row in the list, if known
        self.desk_query = ""  # the desk's query, kept from one visit to the next

    @property
    def reader(self) -> ReaderApp:
        from briefing.tui.app import ReaderApp

        assert isinstance(self.app, ReaderApp)
        return self.app

    @property
    def library(self) -> Library:
        return self.reader.library

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="/ search (full text)", id="filter")
                yield QueryErrorLine(id="filter-error")
                yield ArticleList(self.reader.library, id="articles")
            yield ArticleView(id="article")
            with Vertical(id="facts-pane"):
                yield Label("Facts", id="facts-title")
                yield FactsPanel(anchor=lambda: self.article_view.current_offset(), id="facts")
        yield Static(
            Text(f"Terminal too small: the reader needs at least {MIN_WIDTH}×{MIN_HEIGHT}."),
            id="too-small",
        )
        # The footer is mounted after the first frame (see on_mount): its keys are widgets of
        # their own, and the list's rows are what the user waits for.

    def watch_sub_title(self) -> None:
        title = Text("briefing", style="bold", end="")
        if self.sub_title:
            title.append(" — " + self.sub_title)
        # A fixed one-line bar: its size never changes, so no layout pass for a new count.
        self.query_one("#title-bar", Static).update(title, layout=False)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def facts_panel(self) -> FactsPanel:
        return self.query_one("#facts", FactsPanel)

    def on_mount(self) -> None:
        self.update_sub_title()
        self.watch_sub_title()
        self.apply_palette()
        self.update_placeholder()
        self.reader.theme_changed_signal.subscribe(self, lambda _theme: self.apply_palette())
        self.update_layout_classes()
        target = self.reader.open_article_id
        if target is not None:
            self.open_article(target)
            self.article_view.focus()
        else:
            self.article_list.focus()
        self.call_after_refresh(self.mount_footer)
        self._data_version = self._library_version()
        self.set_interval(LIBRARY_POLL_S, self.check_library_changes)
        self.call_after_refresh(self._check_samples)  # file reads: not before the first paint

    def _check_samples(self) -> None:
        self._samples_partial = self._some_samples_missing()
        if self._samples_partial:
            self.refresh_bindings()

    def _some_samples_missing(self) -> bool:
        """Some, not all, of the bundled samples are in the library: an import of them was
        cut short. Looked at only for small libraries (a few file reads and lookups)."""
        from briefing.store import content_hash
        from briefing.tui.resources import sample_articles_dir

        if not 0 < self.article_list.row_count < SAMPLES_CHECK_BELOW:
            return False
        found = []
        try:
            for path in sorted(sample_articles_dir().iterdir()):
                if path.suffix in {".txt", ".md"}:
                    digest = content_hash(path.read_text(encoding="utf-8"))
                    found.append(self.reader.library.find_by_hash(digest) is not None)
        except (OSError, UnicodeError, BriefingError):
            return False
        return any(found) and not all(found)

    def reload_list(self) -> None:
        """Recount and re-read the list (new articles); the open article's row may move."""
        self.article_list.reload()
        self.open_index = None

    def update_placeholder(self) -> None:
        empty = self.article_list.row_count == 0 and not self.article_list.search
        self.article_view.show_placeholder(Text(WELCOME if empty else CHOOSE))

    def apply_palette(self) -> None:
        self.article_view.set_palette(Palette.from_variables(self.reader.get_css_variables()))

    def on_resize(self) -> None:
        self.update_layout_classes()

    def update_layout_classes(self) -> None:
        width, height = self.size
        self.set_class(width < WIDE, "-narrow")
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")

    # -- opening articles ---------------------------------------------------------------------

    def open_article(self, article_id: int, index: int | None = None) -> None:
        """Open an article; ``index`` is its row in the list where the caller knows it."""
        try:
            article = self.reader.library.article(article_id)
        except BriefingError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if article.unread and not self.reader.library.read_only:
            # The unread marker is cosmetic: a busy store must not block reading.
            with contextlib.suppress(BriefingError):
                self.reader.library.set_unread(article_id, False)
        first_article = self.article is None
        self.article = article
        self.article_view.show_article(article)
        self.facts_panel.show_facts(article.facts)
        articles = self.article_list
        articles.open_id = article_id
        articles.patch(article_id, unread=False)
        if index is None:
            index = articles.index_of(article_id)
        self.open_index = index
        if index is not None and index != articles.cursor:
            articles.cursor = index
        self.update_sub_title()
        if first_article:
            # Article actions become available. Only then: the footer rebuilds its keys on
            # every refresh, which would cost each n/p a few milliseconds and allocations.
            self.refresh_bindings()

    def update_sub_title(self) -> None:
        """The title's second half: read-only, the list position, the open article's facts."""
        parts = ["read-only"] if self.reader.library.read_only else []
        articles = self.article_list
        if articles.row_count:
            parts.append(
                f"{articles.cursor + 1:,} of {articles.row_count:,}"
                + (" matching" if articles.search else "")
            )
        if self.article is not None:
            count = len(self.facts_panel.facts)
            parts.append(f"{count} fact" + ("" if count == 1 else "s"))
        self.sub_title = " · ".join(parts)

    @on(ArticleList.Moved)
    def on_article_list_moved(self) -> None:
        self.update_sub_title()

    def reload_article(self, *, keep_fact_position: bool = True) -> None:
        """Re-read the open article after a change, keeping the reading position."""
        if self.article is None:
            return
        try:
            article = self.reader.library.article(self.article.id)
        except BriefingError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.article = article
        view = self.article_view
        view.article = article
        self.facts_panel.show_facts(article.facts, keep_position=keep_fact_position)
        self.update_sub_title()
        self.article_list.patch(
            article.id,
            fact_count=sum(not fact.hidden for fact in article.facts),
            tags=article.tags,
        )

    @on(ArticleList.Opened)
    def on_article_opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.article_id, self.article_list.cursor)

    def action_step_article(self, step: int) -> None:
        """Next/previous article from the open one (from the list's cursor if none is open)."""
        articles = self.article_list
        if self.article is None:
            target = articles.cursor
        else:
            index = self.open_index
            if index is None:
                index = articles.index_of(self.article.id)
            target = (articles.cursor if index is None else index) + step
        if not 0 <= target < articles.row_count:
            self.app.bell()
            return
        summary = articles.summary_at(target)
        if summary is not None:
            articles.cursor = target
            self.open_article(summary.id, target)

    # -- facts --------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#facts")
    def on_fact_highlighted(self) -> None:
        self.refresh_bindings()  # Pin or Unpin, Hide or Restore
        fact = self.facts_panel.current
        if fact is not None and self.facts_panel.has_focus:
            self.article_view.mark_evidence((fact.start, fact.end))

    @on(OptionList.OptionSelected, "#facts")
    def on_fact_selected(self) -> None:
        fact = self.facts_panel.current
        if fact is not None:
            self.article_view.mark_evidence((fact.start, fact.end))

    def after_change(self) -> None:
        self.reload_article()
        self.refresh_bindings()

    def action_pin(self, pinned: bool) -> None:
        fact = self.facts_panel.current
        if fact is not None:
            self.change([fact], "pin" if pinned else "unpin", pinned=pinned)

    def action_hide_fact(self, hidden: bool) -> None:
        fact = self.facts_panel.current
        if fact is None:
            return
        updated = self.change([fact], "hide" if hidden else "restore", hidden=hidden)
        if updated is not None and hidden and not self.facts_panel.show_hidden:
            self.notify("Fact hidden. u undoes it; H lists hidden facts to restore.")

    def action_toggle_hidden_facts(self) -> None:
        panel = self.facts_panel
        panel.show_hidden = not panel.show_hidden
        if self.article is not None:
            panel.show_facts(self.article.facts, keep_position=True)
        hidden = sum(fact.hidden for fact in self.article.facts) if self.article else 0
        if panel.show_hidden:
            self.notify(
                f"{hidden} hidden fact{'' if hidden == 1 else 's'} shown (⊘): d restores one."
                if hidden
                else "This article has no hidden facts."
            )
        self.refresh_bindings()

    def action_undo(self) -> None:
        """Undo the last pin, note, edit, hide or restore, in any article (or on the desk),
        for as long as the reader runs: the facts get back the state they had before."""
        undone = self.undo()
        if undone is None:
            return
        before = undone.before[0]
        if any(fact.article_id != before.article_id for fact in undone.before):
            self.reload_list()  # a development's reports: other rows' fact counts changed
        if self.article is not None and self.article.id == before.article_id:
            self.reload_article()
        else:
            self.open_article(before.article_id)
        self.facts_panel.highlight_fact(before.id)
        self.notify(f"Undone: {undone.what}.")

    def action_edit_note(self) -> None:
        fact = self.facts_panel.current
        if fact is not None:
            self.ask_note("Note on this fact", fact)

    def action_edit_fact(self) -> None:
        fact = self.facts_panel.current
        if fact is not None:
            self.ask_corrections("Edit fact", [fact], fact.sentence)

    def action_add_fact(self) -> None:
        from briefing.tui.dialogs.fact_form import FactForm

        article = self.article
        if article is None:
            self.notify("Open an article first.")
            return
        self.article_view.bring_cursor_into_view()
        span = self.article_view.current_sentence()
        if span is None:
            self.notify("Move the cursor into the article's text first (Tab, then j/k).")
            return
        start, end = span
        sentence = article.body[start:end]
        actor = next((a.canonical for a in article.actors if start <= a.start < end), None)
        measure = next((m.type for m in article.measures if start <= m.start < end), None)
        values: dict[str, str | None] = {"actor": actor, "measure": measure}
        library = self.reader.library

        def save(result: dict[str, str | None] | None) -> None:
            if result is None:
                return
            added = self.write(
                lambda: library.add_fact(
                    article.id,
                    measure=result["measure"] or "",
                    actor=result["actor"],
                    target=result["target"],
                    quantity=result["quantity"],
                    when=result["when"],
                    status=result["status"] or "announced",
                    sentence=sentence,
                    start=start,
                    end=end,
                )
            )
            if added is not None:
                self.reload_article()
                facts = self.facts_panel
                facts.highlighted = next(
                    (i for i, fact in enumerate(facts.facts) if fact.id == added.id), None
                )
                self.notify("Fact added.")

        self.app.push_screen(FactForm("Add a fact for this sentence", values, sentence), save)

    # -- article actions ----------------------------------------------------------------------

    def action_tag(self) -> None:
        from briefing.tui.dialogs.prompt import PromptDialog

        article = self.article
        if article is None:
            self.notify("Open an article first.")
            return
        library = self.reader.library

        def save(value: str | None) -> None:
            if value is None:
                return
            # Tags are split on commas only ("saudi arabia" is one tag) and compared as the
            # store keeps them (lower-cased), so "Russia" is "russia", not a new tag to delete.
            current = set(article.tags)

            def change() -> None:
                wanted = {normalize_tag(tag) for tag in value.split(",") if tag.strip()}
                if wanted - current:
                    library.add_tags(article.id, sorted(wanted - current))
                if current - wanted:
                    library.remove_tags(article.id, sorted(current - wanted))

            self.write(change)
            self.reload_article()
            if self.article is not None:
                self.article_view.show_article(self.article)

        self.app.push_screen(PromptDialog("Tags (comma separated)", ", ".join(article.tags)), save)

    def action_edit_article(self) -> None:
        from briefing.tui.dialogs.article_form import ArticleForm

        article = self.article
        if article is None:
            self.notify("Open an article first.")
            return
        library = self.reader.library
        values = {
            "title": article.title,
            "source": article.meta.source,
            "published": article.meta.published,
            "url": article.meta.url,
        }

        def save(changes: dict[str, str]) -> str | None:
            if library.read_only:
                return "The library is open read-only: nothing can be changed."
            try:
                library.update_article(article.id, **changes)
            except BriefingError as error:
                return str(error)
            return None

        def saved(changed: bool | None) -> None:
            if not changed:
                return
            self.reload_list()
            self.open_article(article.id)
            self.notify("Article details saved.")

        self.app.push_screen(ArticleForm(values, save), saved)

    def action_toggle_removed(self) -> None:
        self.article_view.show_removed = not self.article_view.show_removed

    def action_scroll_article(self) -> None:
        self.article_view.action_page(1)

    def action_desk(self) -> None:
        from briefing.tui.screens.desk import DeskScreen

        self.app.push_screen(
            DeskScreen(self.library, self.desk_query, self.history), self.desk_closed
        )

    def desk_closed(self, result: DeskResult | None) -> None:
        """Back from the desk: keep its query, show what changed, open what it asked for."""
        if result is None:
            return
        self.desk_query = result.query
        self.reload_list()  # fact counts may have changed on the desk
        if result.open is not None:
            article_id, start, end = result.open
            self.open_article(article_id)
            self.set_focus(self.article_view)
            self.article_view.mark_evidence((start, end))
        elif self.article is not None:
            self.reload_article()

    def action_legend(self) -> None:
        from briefing.tui.dialogs.help import LegendScreen

        self.app.push_screen(LegendScreen(Palette.from_variables(self.app.get_css_variables())))

    # -- panes and modes ----------------------------------------------------------------------

    # Focus moves here with ``set_focus`` (at once), not ``widget.focus()`` (after the pending
    # events): a key typed right after Tab or F then reaches the pane it was typed for.

    def panes(self) -> list[ArticleList | ArticleView | FactsPanel]:
        visible: list[ArticleList | ArticleView | FactsPanel] = []
        for pane in (self.article_list, self.article_view, self.facts_panel):
            if pane.display and all(ancestor.display for ancestor in pane.ancestors):
                visible.append(pane)
        return visible

    def action_cycle_pane(self, step: int) -> None:
        panes = self.panes()
        focused = self.focused
        index = next((i for i, pane in enumerate(panes) if pane is focused), -1)
        self.set_focus(panes[(index + step) % len(panes)])

    def action_search(self) -> None:
        self.set_focus(self.query_one("#filter", Input))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Whatever takes focus is shown: the search box or the list brings the list pane back
        in place of a folded-in facts panel (narrow terminals) or out of zen mode; the facts
        panel unfolds. A focused widget that cannot be seen would still take keys."""
        widget = event.widget
        panes = {"list-pane": False, "facts-pane": False}
        for ancestor in widget.ancestors_with_self:
            if ancestor.id in panes:
                panes[ancestor.id] = True
        if widget is not self.article_view and (panes["list-pane"] or panes["facts-pane"]):
            self.remove_class("-zen")
        if panes["list-pane"]:
            self.remove_class("-show-facts")
        elif panes["facts-pane"] and self.has_class("-narrow"):
            self.add_class("-show-facts")

    def action_back(self) -> None:
        search = self.query_one("#filter", Input)
        if self.has_class("-zen"):
            self.remove_class("-zen")
        elif self.has_class("-show-facts") and self.focused is self.facts_panel:
            self.remove_class("-show-facts")
            self.set_focus(self.article_view)
        elif self.focused is search or self.focused is not self.article_list:
            self.set_focus(self.article_list)
        elif search.value:
            search.value = ""
            self.apply_search()

    def action_zen(self) -> None:
        self.toggle_class("-zen")
        if self.has_class("-zen"):
            self.set_focus(self.article_view)

    def action_toggle_facts(self) -> None:
        if self.size.width >= WIDE:
            self.set_focus(self.facts_panel)
            return
        self.toggle_class("-show-facts")
        if self.has_class("-show-facts"):
            self.set_focus(self.facts_panel)
        else:
            self.set_focus(self.article_view)

    # -- search -------------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def on_filter_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self.apply_search)

    @on(Input.Submitted, "#filter")
    def on_filter_submitted(self) -> None:
        self.apply_search()
        if self.query_one("#filter-error", QueryErrorLine).message is None:
            self.set_focus(self.article_list)  # a bad query keeps the box, to fix it

    def apply_search(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        text = self.query_one("#filter", Input).value
        # The query language (briefing.query): a query that cannot be read says why under the
        # box and leaves the list as it was; the text stays, to be fixed.
        parsed = self.query_one("#filter-error", QueryErrorLine).check(text)
        if parsed is None:
            return
        words = [
            word
            for term in parsed.terms
            if term.key == TEXT and not term.negated
            for word in term.values[0].split()
        ]
        self.article_view.highlight_words(words)
        try:
            self.article_list.set_search(text, parsed)
            self.open_index = None  # rows moved: found again by id when needed
        except BriefingError as error:
            self.notify(str(error), severity="error", markup=False)
        self.refresh_bindings()

    # -- enabling bindings ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"search", "toggle_facts"} and isinstance(self.focused, Input):
            return False  # typed into the search box
        if action == "import_samples":
            # Offered on an empty library, where it is the one key the welcome text names, and
            # where an import of the samples was cut short (quit during it): s finishes it.
            if self.article_list.search:
                return False
            return self.article_list.row_count == 0 or self._samples_partial
        if action in {"tag", "reanalyse", "add_fact", "toggle_removed", "edit_article"}:
            return self.article is not None
        if action in {"pin", "hide_fact"}:
            # Pin or Unpin (Hide or Restore) by the highlighted fact: one shown at a time.
            fact = self.facts_panel.current
            state = None if fact is None else fact.pinned if action == "pin" else fact.hidden
            return toggle_enabled(state, parameters)
        return True

    # -- import -------------------------------------------------------------------------------

    def action_import(self) -> None:
        from briefing.tui.dialogs.import_dialog import ImportDialog

        def start(request: ImportRequest | None) -> None:
            if request is not None:
                self.start_import(request)

        self.app.push_screen(ImportDialog(), start)

    def action_import_samples(self) -> None:
        from briefing.tui.dialogs.import_dialog import ImportRequest
        from briefing.tui.resources import sample_articles_dir

        self.start_import(ImportRequest(path=sample_articles_dir()))

    @property
    def importing(self) -> bool:
        return self._runner is not None and self._runner.busy

    @property
    def import_runner(self) -> ImportRunner:
        """The import status line and its workers, mounted on first use: the start-up path
        does without it (every widget costs start-up time)."""
        if self._runner is None:
            from briefing.tui.widgets.import_runner import ImportRunner

            runner = ImportRunner(self.reader.library, self.reader.save_pasted_text)
            footer = self.query(Footer)
            if footer:
                self.mount(runner, before=footer.first())
            else:
                self.mount(runner)
            self._runner = runner
        return self._runner

    def start_import(self, request: ImportRequest) -> None:
        if self.reader.library.read_only:
            self.notify("The library is open read-only: cannot import.", severity="warning")
            return
        if not self.import_runner.start_import(request):
            waiting = len(self.import_runner.queue)
            self.notify(f"Queued: starts when the running import ends ({waiting} waiting).")

    @on(ImportRunner.Stored)
    def on_import_stored(self) -> None:
        """List new articles as they are stored."""
        self.reload_list()
        self.update_placeholder()

    @on(ImportRunner.Failed)
    def on_import_failed(self, event: ImportRunner.Failed) -> None:
        self.notify(event.reason, title="Import failed", severity="error", markup=False)
        self.after_import()

    def after_import(self) -> None:
        self._samples_partial = self._some_samples_missing()
        self._data_version = self._library_version()  # the worker's writes are listed already
        self.refresh_bindings()

    @on(ImportRunner.Finished)
    def on_import_finished(self, event: ImportRunner.Finished) -> None:
        report = event.report
        self.reload_list()
        self.update_placeholder()
        self.notify(
            import_summary(report, self.reader.library),
            title="Import finished" + (" with failures" if report.failed else ""),
            severity="warning" if report.failed else "information",
            markup=False,
        )
        # Select what was imported: the one article (new or already there); after a folder,
        # the newest of the library, at the top of the list.
        ids = report.ids
        index = self.article_list.index_of(ids[0]) if len(ids) == 1 else (0 if ids else None)
        if index is not None and self.article_list.row_count:
            self.article_list.cursor = index
            summary = self.article_list.summary_at(index)
            if self.article is None and summary is not None:
                self.open_article(summary.id, index)
        self.after_import()

    # -- articles written by other processes ----------------------------------------------------

    def _library_version(self) -> int | None:
        with contextlib.suppress(BriefingError):
            return self.reader.library.data_version()
        return None

    def check_library_changes(self) -> None:
        """List what another process (`briefing add` in another terminal) stored: the store's
        data version changes whenever another connection commits."""
        if self.importing:
            return  # the import lists its own articles as it stores them
        version = self._library_version()
        if version is None or version == self._data_version:
            return
        self._data_version = version
        articles = self.article_list
        current = articles.current
        before = articles.row_count
        self.reload_list()
        if current is not None:
            index = articles.index_of(current.id)
            if index is not None:
                articles.cursor = index
        if self.article is not None:
            self.reload_article()
        self.update_placeholder()
        self.refresh_bindings()
        added = articles.row_count - before
        if added > 0:
            self.notify(f"{plural(added, 'new article')} in the library.")

    # -- export and re-analysis -----------------------------------------------------------------

    def action_export(self, again: ExportRequest | None = None) -> None:
        """The export dialog; ``again``: a request whose write failed, shown as it was typed."""
        from datetime import UTC, datetime

        from briefing.export import default_file_name
        from briefing.tui.dialogs.export_dialog import ExportDialog, Scope

        search = self.article_list.search
        article_id = self.article.id if self.article is not None else None
        today = datetime.now(UTC)
        names: dict[Scope, str] = {
            "all": default_file_name(today, "all"),
            "article": default_file_name(today, f"article {article_id or ''}"),
            "search": default_file_name(today, f"search {search or ''}"),
        }

        query = self.article_list.query_filter

        def start(request: ExportRequest | None) -> None:
            if request is not None:
                self.export_worker(request, search, article_id, query)

        self.app.push_screen(
            ExportDialog(
                Path.cwd(),
                names,
                has_article=article_id is not None,
                search=search,
                again=again,
            ),
            start,
        )

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export_worker(
        self,
        request: ExportRequest,
        search: str | None,
        article_id: int | None,
        query: Query | None = None,
    ) -> None:
        from briefing.export import (
            ExportOptions,
            ExportTargetExists,
            render_briefing,
            write_briefing,
        )
        from briefing.wording import plural

        library = self.reader.library
        try:
            if request.scope == "article" and article_id is not None:
                articles = library.articles([article_id])
                selection = f"article {article_id}"
            elif request.scope == "search" and query is not None:
                articles = library.articles(library.query_article_ids(query))
                selection = f"articles matching “{search}”"
            elif request.scope == "search" and search:
                total = library.count(search=search)
                ids = [s.id for s in library.summaries(limit=max(1, total), search=search)]
                articles = library.articles(ids)
                selection = f"articles matching “{search}”"
            else:
                articles = library.articles()
                selection = "all articles"
            # Built from developments, as `briefing export` is: each event once, all sources.
            options = ExportOptions(
                pinned_only=request.pinned_only,
                selection=selection,
                developments=library.development_map(),
            )
            text = render_briefing(articles, options=options)
            # Without the user's yes, an existing file (even one that appeared since the
            # dialog looked) is never replaced: the dialog comes back to ask.
            written = write_briefing(request.path, text, force=request.overwrite)
        except (BriefingError, OSError) as error:
            title = "Not replaced" if isinstance(error, ExportTargetExists) else "Export failed"
            self.app.call_from_thread(
                self.notify, str(error), title=title, severity="error", markup=False
            )
            # The dialog again, with the path as the user typed it, to fix and retry.
            self.app.call_from_thread(self.action_export, request)
            return
        self.app.call_from_thread(
            self.notify, f"Wrote {written} ({plural(len(articles), 'article')}).", markup=False
        )

    def action_reanalyse(self) -> None:
        if self.article is None:
            return
        if self.reader.library.read_only:
            self.notify("The library is open read-only: cannot re-analyse.", severity="warning")
            return
        if not self.import_runner.start_reanalysis(self.article.id):
            self.notify("Queued: re-analyses when the running import ends.")

    def action_refresh_feeds(self) -> None:
        library = self.reader.library
        if library.read_only:
            self.notify("The library is open read-only: cannot refresh.", severity="warning")
            return
        try:
            feeds = library.feeds.all()
        except BriefingError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if not feeds:
            self.notify(
                "No feeds yet. Add one from a terminal: briefing feed add URL "
                "(a site's page finds its feed).",
                markup=False,
            )
            return
        if not self.import_runner.start_refresh():
            self.notify("Queued: refreshes when the running import ends.")

    @on(ImportRunner.Refreshed)
    def on_feeds_refreshed(self, event: ImportRunner.Refreshed) -> None:
        self.reload_list()
        self.update_placeholder()
        lines = []
        failed = False
        for report in event.reports:
            problems = ([report.error] if report.error else []) + report.failed
            failed = failed or bool(problems)
            line = (
                f"{display_safe(report.name)}: {len(report.added)} added, "
                f"{report.present} already in"
            )
            if problems:
                line += f", {len(problems)} failed ({display_safe(problems[0])})"
            lines.append(line)
        self.notify(
            "\n".join(lines[:6]) + ("\n…" if len(lines) > 6 else ""),
            title="Feeds refreshed" + (" with failures" if failed else ""),
            severity="warning" if failed else "information",
            markup=False,
        )
        self.after_import()

    @on(ImportRunner.Reanalysed)
    def on_reanalysed(self, event: ImportRunner.Reanalysed) -> None:
        self.after_import()
        if self.article is not None and self.article.id == event.article_id:
            self.open_article(event.article_id)
        self.notify("Re-analysed; your pins, notes and corrections are kept.")


def import_summary(report: ImportReport, library: Library) -> str:
    """What an import did, in a few lines: the articles added by name, those already there,
    files skipped for their format, and the first failures with their reasons."""
    titles: list[str] = []
    for item in report.added[:3]:
        with contextlib.suppress(BriefingError):
            titles.append(f"“{display_safe(library.article(item.id).title)}”")
    if len(report.added) == 1 and titles:
        summary = f"Added {titles[0]}."
    else:
        summary = f"{plural(len(report.added), 'article')} added"
        if titles:
            summary += ": " + ", ".join(titles) + ("…" if len(report.added) > 3 else "")
        summary += "."
    if report.present:
        summary += f"\n{plural(len(report.present), 'article')} already in the library."
    if report.unsupported:
        names = ", ".join(display_safe(Path(path).name) for path in report.unsupported[:3])
        more = "…" if len(report.unsupported) > 3 else ""
        summary += (
            f"\n{plural(len(report.unsupported), 'file')} skipped (not an article format): "
            f"{names}{more}"
        )
    for failure in report.failed[:3]:
        summary += f"\n{display_safe(Path(failure.path).name)}: {failure.reason}"
    return summary
