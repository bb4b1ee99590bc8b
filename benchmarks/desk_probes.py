"""The desk's probes (issue 13), one fresh process per invocation, for ``desk_figure.py``.

    python benchmarks/desk_probes.py cold-desk DIR --expect TEXT
    python benchmarks/desk_probes.py desk-moves --plan FILE

Like ``probes.py`` (whose frame watcher they use), each prints one JSON object on its last
line. ``cold-desk`` starts the reader at the desk on a library (as ``briefing desk`` does) and
exits when the desk's first development is drawn; ``run.py`` times the whole process.
``desk-moves`` opens the desk and presses ``j``, each time until the next development's
position and sources are drawn.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path
from typing import Any

from probes import SIZE, FrameWatcher, cold_start, emit, peak_rss_mb, reader_app


def probe_cold_desk(args: argparse.Namespace) -> dict[str, Any]:
    from briefing.tui.app import create_app

    # As `briefing desk` starts: the reader, opening at the desk.
    app = create_app(library_dir=Path(args.data_dir), desk_query="")
    return asyncio.run(cold_start(app, args.expect))


# A plan (written by desk_figure.py) is {"sessions": [{"label": L, "data_dir": DIR,
# "first": NEEDLES, "next": [NEEDLES, ...]}]}: open the desk on the library in DIR, wait until
# NEEDLES are drawn, then press j once per entry of "next", each time until its needles are
# drawn. Milliseconds per move are returned by label.


async def _moves(app: Any, session: dict[str, Any]) -> list[float]:
    timings = []
    watcher = FrameWatcher(app)
    async with app.run_test(size=SIZE) as pilot:
        watcher.expect(session["first"])
        app.simulate_key("D")
        await watcher.wait()
        for needles in session["next"]:
            await pilot.pause()  # settle: the previous move's aftermath is not this one's cost
            watcher.expect(needles)
            started = time.perf_counter()
            app.simulate_key("j")
            await watcher.wait()
            timings.append((time.perf_counter() - started) * 1000)
        app.exit()
    return timings


def probe_desk_moves(args: argparse.Namespace) -> dict[str, Any]:
    plan = json.loads(Path(args.plan).read_text())
    timings: dict[str, list[float]] = {}
    for session in plan["sessions"]:
        moves = asyncio.run(_moves(reader_app(session["data_dir"]), session))
        timings.setdefault(session["label"], []).extend(moves)
    return {"move_ms": timings, "peak_rss_mb": peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="probe", required=True)
    cold = sub.add_parser("cold-desk")
    cold.add_argument("data_dir")
    cold.add_argument("--expect", required=True, help="text of the desk's first row")
    moves = sub.add_parser("desk-moves")
    moves.add_argument("--plan", required=True, help="JSON file of sessions")
    args = parser.parse_args()
    probes = {"cold-desk": probe_cold_desk, "desk-moves": probe_desk_moves}
    emit(probes[args.probe](args))


if __name__ == "__main__":
    main()
