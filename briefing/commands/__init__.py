"""Subcommands of ``briefing``. Each module has ``register(subparsers)``, which adds its
subcommands and sets ``handler`` (a function ``args -> exit code``) on each.

A module may also define ``DEFAULT_HANDLER``: what a bare ``briefing`` runs (the reader).
"""

from types import ModuleType

from briefing.commands import analyze, desk, export, library, reader, web

COMMAND_MODULES: tuple[ModuleType, ...] = (analyze, export, library, desk, reader, web)
