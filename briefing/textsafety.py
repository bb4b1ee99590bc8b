"""Making untrusted text (article text, notes, file names) safe to print on a terminal.

Article text is data: an ESC or another control character in it must never reach the
terminal, where it could move the cursor, recolour the screen, set the window title or worse.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls (ESC is C0, CSI is C1), plus the bidirectional overrides and
# isolates that can make printed text read differently from what it is.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_BUT_LAYOUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REPLACEMENT = "\ufffd"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character replaced, safe to write to a terminal.

    Tabs and line breaks become spaces (one-line fields like titles and paths), unless
    ``keep_newlines`` keeps ``\\n`` and ``\\t`` for multi-line text such as a body. Any other
    control character becomes U+FFFD, so that it is visible rather than silently dropped.
    """
    text = text.replace("\r\n", "\n")
    if keep_newlines:
        return _CONTROL_BUT_LAYOUT.sub(_REPLACEMENT, text.replace("\r", "\n"))
    text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return _CONTROL.sub(_REPLACEMENT, text)
