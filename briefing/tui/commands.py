"""The command palette's provider: every action the reader has, from its bindings.

Generated from the same ``Binding`` lists as the footer and the help screen, so a new binding
shows up in all three at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from briefing.tui.dialogs.help import describe, key_label


class ReaderCommands(Provider):
    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        from briefing.tui.app import ReaderApp

        app = self.app
        if not isinstance(app, ReaderApp):
            return
        seen: set[str] = set()
        for title, node, bindings in app.binding_sections(self.screen):
            for binding in bindings:
                if binding.id in seen or not binding.description:
                    continue
                if binding.action == "command_palette":
                    continue  # the palette does not list itself
                seen.add(binding.id or binding.action)
                name = f"{binding.description} ({title.lower()})"
                help_text = f"{describe(binding)} · key {key_label(binding.key)}"
                yield name, help_text, partial(_run, node, binding.action)

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


async def _run(node: DOMNode, action: str) -> None:
    await node.app.run_action(action, node)
