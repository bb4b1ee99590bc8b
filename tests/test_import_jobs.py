"""The fork server behind ``briefing add --jobs N`` imports ``briefing.importing`` before it loads
the model, and the workers can start only after both: that import stays light."""

from __future__ import annotations

import subprocess
import sys

SERVER_SIDE = """
import sys
import briefing.importing
heavy = ("briefing.reading", "briefing.store", "briefing.prepare", "markdown_it", "sqlite3")
print(",".join(name for name in heavy if name in sys.modules))
"""


def test_importing_the_workers_side_leaves_the_reader_and_the_store_out() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SERVER_SIDE], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
