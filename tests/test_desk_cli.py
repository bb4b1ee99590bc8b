"""Developments, actor dossiers and --query from the command line: real subprocesses on a real
library, filled by `briefing add` through the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from export_support import parse
from test_export import list_items

REUTERS = """---
title: Japan expels eight Russian diplomats
source: Reuters
published: 2022-04-08
---
Japan said on Friday it would expel eight Russian diplomats, in a response to the killing of
civilians in Ukraine.
"""
AP = """---
title: Tokyo orders Russian envoys out
source: Associated Press
published: 2022-04-09
---
The Japanese government ordered eight Russian diplomats to leave the country on Saturday,
officials said.

Separately, Canada imposed sanctions on Russian banks.
"""


def briefing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def as_json(*args: str) -> Any:
    done = briefing(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("news")
    (folder / "reuters.md").write_text(REUTERS.replace("of\ncivilians", "of civilians"))
    (folder / "ap.md").write_text(AP.replace(",\nofficials", ", officials"))
    data = tmp_path_factory.mktemp("library")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_DATA_DIR", str(data))
        added = briefing("add", str(folder))
        assert added.returncode == 0, added.stderr
    listed = {a["source"]: a["id"] for a in _with_env(data, "list")}
    return {"data": data, "reuters": listed["Reuters"], "ap": listed["Associated Press"]}


def _with_env(data: Path, *args: str) -> Any:
    return as_json("--data-dir", str(data), *args)


def test_two_outlets_one_day_apart_are_one_development(library: dict[str, Any]) -> None:
    found = _with_env(library["data"], "developments")
    expulsion = [d for d in found if d["measure"] == "expulsion"]
    assert len(expulsion) == 1 and len(found) == 2  # Canada's sanctions stay apart
    (development,) = expulsion
    assert development["actor"] == "Japan" and development["status"] == "announced"
    assert (development["first_reported"], development["last_reported"]) == (
        "2022-04-08",
        "2022-04-09",
    )
    assert [s["source"] for s in development["sources"]] == ["Reuters", "Associated Press"]
    assert {s["article_id"] for s in development["sources"]} == {library["reuters"], library["ap"]}
    assert all(s["sentence"] and s["fact_id"] for s in development["sources"])
    assert set(development) >= {"id", "target", "pinned"}


def test_the_dossier_of_the_actor_and_of_the_target(library: dict[str, Any]) -> None:
    (japan,) = _with_env(library["data"], "actor", "Tokyo")
    assert japan["id"] == japan["name"] == "Japan" and "Japanese" in japan["aliases"]
    assert [d["measure"] for d in japan["took"]] == ["expulsion"] and japan["faced"] == []
    assert len(japan["took"][0]["sources"]) == 2
    (russia,) = _with_env(library["data"], "actor", "Russia")
    assert sorted(d["measure"] for d in russia["faced"]) == ["expulsion", "sanctions"]
    human = briefing("--data-dir", str(library["data"]), "actor", "Japan")
    assert human.returncode == 0
    assert "Took 1 measure (by type: expulsion 1; by status: announced 1)" in human.stdout
    missing = briefing("--data-dir", str(library["data"]), "actor", "Atlantis")
    assert missing.returncode == 1 and "Atlantis" in missing.stderr


def test_query_on_facts_list_and_developments(library: dict[str, Any]) -> None:
    data = library["data"]
    facts = _with_env(data, "facts", "--query", "actor:Japan")
    assert len(facts) == 2 and {f["measure"] for f in facts} == {"expulsion"}
    assert _with_env(data, "facts", "--query", "-actor:Japan measure:sanctions")[0]["actor"] == (
        "Canada"
    )
    listed = _with_env(data, "list", "--query", 'source:"associated press"')
    assert [a["id"] for a in listed] == [library["ap"]]
    assert [a["id"] for a in _with_env(data, "list", "--query", "since:2022-04-09")] == [
        library["ap"]
    ]
    (canada,) = _with_env(data, "developments", "--query", "target:Russia measure:sanctions")
    assert canada["actor"] == "Canada"


@pytest.mark.parametrize(
    ("command", "query", "named"),
    [
        ("developments", "actr:Japan", "'actr'"),
        ("facts", "status:maybe", "'maybe'"),
        ("list", "since:2022-13", "'2022-13'"),
        ("export", "measure:embargo", "'embargo'"),
    ],
)
def test_a_bad_query_is_one_line_and_exit_2(
    library: dict[str, Any], command: str, query: str, named: str
) -> None:
    done = briefing("--data-dir", str(library["data"]), command, "--query", query)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and named in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_export_lists_the_development_once_citing_both(library: dict[str, Any]) -> None:
    done = briefing("--data-dir", str(library["data"]), "export", "--query", "actor:Japan")
    assert done.returncode == 0, done.stderr
    document = parse(done.stdout)
    (item,) = list_items(document.section("Key developments"))
    refs = {c.meta["label"] for t in item for c in t.children or () if c.type == "footnote_ref"}
    assert refs == {f"a{library['reuters']}", f"a{library['ap']}"}
    assert document.front_matter["development_count"] == 1
    assert "Canada" not in done.stdout.split("## Sources")[0].split("## Key developments")[1]
    [table] = document.tables
    assert len(table) == 2 and "Reuters" in table[1][5] and "Associated Press" in table[1][5]
