"""Errors meant for the user: one clear line, never a traceback."""


class BriefingError(Exception):
    """A problem the user can act on. The CLI prints ``str(error)`` to stderr and exits 1."""


class InvalidValue(BriefingError):
    """A value the user gave is not valid (a date, a URL, a field name). Like a usage error,
    the CLI exits with status 2."""


class ArticleError(BriefingError):
    """An input file that cannot be read as an article (binary, empty, too large, ...)."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelNotFoundError(BriefingError):
    """No English spaCy pipeline could be loaded."""
