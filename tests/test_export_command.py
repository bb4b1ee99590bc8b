"""``briefing export`` as a user runs it: a real subprocess on a real SQLite library."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_support import parse

from briefing.model import Actor, Analysis, ArticleMeta, Fact
from briefing.store import Library

# 2026-03-01T12:00:00Z, fixed so that file names and output are reproducible.
EPOCH = "1772366400"


def analysis(
    title: str, published: str | None, tags: tuple[str, ...], facts: list[Fact]
) -> Analysis:
    body = " ".join(fact.sentence for fact in facts) or f"{title}. Nothing else happened."
    placed = []
    offset = 0
    for fact in facts:
        placed.append(
            Fact(
                fact.measure,
                fact.actor,
                fact.target,
                fact.quantity,
                fact.when,
                fact.status,
                fact.sentence,
                offset,
                offset + len(fact.sentence),
            )
        )
        offset += len(fact.sentence) + 1
    return Analysis(
        path=f"/articles/{title.replace(' ', '_')}.txt",
        title=title,
        dek=None,
        body=body,
        removed=(),
        actors=(Actor("Russian", "NORP", "Russia", 0, 0, "country"),),
        measures=(),
        facts=tuple(placed),
        meta=ArticleMeta(source="AP", published=published, url=None, tags=tags),
        pipeline_version="test",
    )


@pytest.fixture
def library(data_dir: Path) -> dict[str, int]:
    """Three stored articles: Japan expels diplomats (pinned), the EU plans sanctions (one fact
    hidden), and an undated one without facts. Returns their ids by name."""
    japan = analysis(
        "Japan expels diplomats",
        "2022-04-08",
        ("russia",),
        [
            Fact(
                "expulsion",
                "Japan",
                "Russian diplomats",
                "8",
                "Friday",
                "announced",
                "Japan expels eight Russian diplomats.",
                0,
                0,
            )
        ],
    )
    eu = analysis(
        "EU readies sanctions",
        "2022-04-10",
        ("eu",),
        [
            Fact(
                "sanctions",
                "European Union",
                "Russia",
                None,
                None,
                "planned",
                "The EU plans sanctions on Russia.",
                0,
                0,
            ),
            Fact(
                "import_ban",
                "European Union",
                "Russian coal",
                None,
                None,
                "planned",
                "It also plans a coal ban.",
                0,
                0,
            ),
        ],
    )
    quiet = analysis("Inflation eases", None, (), [])
    with Library.open(data_dir) as lib:
        ids = {
            name: lib.add_analysis(item, item.body)[0]
            for name, item in (("japan", japan), ("eu", eu), ("quiet", quiet))
        }
        [japan_fact] = lib.facts(ids["japan"])
        lib.update_fact(japan_fact.id, pinned=True, note="Check with | the *ministry*")
        eu_facts = lib.facts(ids["eu"])
        lib.update_fact(eu_facts[1].id, hidden=True)
    return ids


def run_export(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run(
        [sys.executable, "-m", "briefing", "export", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )


def test_export_to_stdout_is_the_whole_library(library: dict[str, int]) -> None:
    result = run_export()
    assert result.returncode == 0, result.stderr
    briefing = parse(result.stdout)
    assert briefing.front_matter["article_count"] == 3
    # The hidden EU fact stays out by default.
    assert briefing.front_matter["fact_count"] == 2
    assert briefing.footnote_definitions == {f"a{i}" for i in library.values()}
    assert set(briefing.footnote_refs) == briefing.footnote_definitions
    assert briefing.front_matter["generated_at"] == "2026-03-01T12:00:00Z"
    assert run_export("-o", "-").stdout == result.stdout, "same library, same time: same bytes"


def test_selection_options(library: dict[str, int]) -> None:
    def exported(*args: str) -> dict:
        result = run_export(*args)
        assert result.returncode == 0, result.stderr
        return parse(result.stdout).front_matter

    front = exported("--articles", str(library["eu"]), str(library["quiet"]))
    assert (front["article_count"], front["selection"]) == (
        2,
        f"articles {library['eu']}, {library['quiet']}",
    )
    assert exported("--tag", "EU")["article_count"] == 1
    front = exported("--since", "2022-04-09", "--until", "2022-04-30")
    assert (front["article_count"], front["period_start"]) == (1, "2022-04-10")
    assert exported("--pinned-only")["fact_count"] == 1
    front = exported("--include-hidden", "--title", "Weekly | *sanctions*")
    assert (front["fact_count"], front["title"]) == (3, "Weekly | *sanctions*")


def test_export_to_a_directory_names_each_selection_and_never_overwrites(
    library: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run_export("-o", str(out))
    assert result.returncode == 0, result.stderr
    target = out / "briefing-2026-03-01-all.md"
    assert result.stdout.strip() == f"Wrote a briefing of 3 articles and 2 facts to {target}"
    first = target.read_text(encoding="utf-8")
    parse(first)
    # The same selection again: a new name, the first file untouched.
    again = run_export("-o", str(out), "--pinned-only")
    assert again.returncode == 0, again.stderr
    assert target.read_text(encoding="utf-8") == first
    second = out / "briefing-2026-03-01-all-2.md"
    assert parse(second.read_text(encoding="utf-8")).front_matter["fact_count"] == 1
    one = run_export("-o", str(out), "--articles", str(library["japan"]))
    japan_file = out / f"briefing-2026-03-01-article-{library['japan']}.md"
    assert one.stdout.strip() == f"Wrote a briefing of 1 article and 1 fact to {japan_file}"
    tagged = run_export("-o", str(out), "--tag", "Russia", "--since", "2022-04-01")
    assert tagged.returncode == 0, tagged.stderr
    assert (out / "briefing-2026-03-01-tag-russia-since-2022-04-01.md").exists()
    searched = run_export("-o", str(out), "--search", "Coal  ban!")
    assert searched.returncode == 0, searched.stderr
    assert (out / "briefing-2026-03-01-search-coal-ban.md").exists()
    assert len(list(out.iterdir())) == 5


def test_export_never_overwrites_an_existing_file_without_force(
    library: dict[str, int], tmp_path: Path
) -> None:
    for content in ("# My own notes\n", None):
        notes = tmp_path / "notes.md"
        if content is None:  # a briefing written by briefing, then edited by the user
            assert run_export("-o", str(notes), "--force").returncode == 0
            content = notes.read_text(encoding="utf-8") + "\nMy remark.\n"
        notes.write_text(content, encoding="utf-8")
        refused = run_export("-o", str(notes))
        assert refused.returncode == 1
        assert refused.stderr.strip() == (
            f"briefing: {notes} already exists; use --force to replace it"
        )
        assert refused.stdout == ""
        assert notes.read_text(encoding="utf-8") == content
    forced = run_export("-o", str(notes), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "My remark" not in notes.read_text(encoding="utf-8")
    assert parse(notes.read_text(encoding="utf-8")).front_matter["type"] == "briefing"


@pytest.mark.parametrize(
    ("args", "selection"),
    [
        (["--tag", "nosuchtag"], "tag “nosuchtag”"),
        (["--search", "zzyzx"], "matching “zzyzx”"),
        (["--since", "2030-01-01"], "since 2030-01-01"),
        (["--tag", "eu", "--search", "Japan"], "tag “eu”; matching “Japan”"),
    ],
)
def test_a_selection_that_matches_nothing_says_so_and_exits_1(
    library: dict[str, int], tmp_path: Path, args: list[str], selection: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for output in ([], ["-o", str(out / "b.md")], ["-o", str(out)]):
        result = run_export(*args, *output)
        assert result.returncode == 1
        assert result.stderr == f"briefing: no articles match this selection ({selection})\n"
        assert result.stdout == ""
    assert list(out.iterdir()) == []


def test_the_period_says_how_many_articles_are_undated(library: dict[str, int]) -> None:
    result = run_export()
    briefing = parse(result.stdout)
    assert briefing.front_matter["undated_count"] == 1
    assert (briefing.front_matter["period_start"], briefing.front_matter["period_end"]) == (
        "2022-04-08",
        "2022-04-10",
    )
    assert "From 2022-04-08 to 2022-04-10, 3 articles (1 of them undated) report" in result.stdout
    dated = parse(run_export("--tag", "eu").stdout)
    assert dated.front_matter["undated_count"] == 0
    assert "undated" not in run_export("--tag", "eu").stdout.split("# ", 1)[1].split("\n\n")[1]


def test_sources_cite_the_url_or_the_file_name_never_a_local_path(
    library: dict[str, int], data_dir: Path
) -> None:
    with Library.open(data_dir) as lib:
        lib.update_article(library["eu"], url="https://example.org/eu-sanctions")
        pasted = analysis("Pasted news", "2022-04-09", (), [])
        pasted = dataclasses.replace(
            pasted, path=str(data_dir / "pasted" / "pasted-20260301-120000.txt")
        )
        pasted_id = lib.add_analysis(pasted, "pasted raw")[0]
    text = run_export().stdout
    sources = {line.split("]:", 1)[0]: line for line in text.splitlines() if line.startswith("[^a")}
    assert "<https://example.org/eu-sanctions>" in sources[f"[^a{library['eu']}"]
    assert "File: `Japan_expels_diplomats.txt`." in sources[f"[^a{library['japan']}"]
    assert "File:" not in sources[f"[^a{pasted_id}"] and "pasted" not in sources[f"[^a{pasted_id}"]
    assert "/articles/" not in text and str(data_dir) not in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--since", "2022-13-01"],
            2,
            "argument --since: '2022-13-01' is not a date; write it as YYYY-MM-DD",
        ),
        (
            ["--until", "April"],
            2,
            "argument --until: 'April' is not a date; write it as YYYY-MM-DD",
        ),
        (["--articles", "x"], 2, "argument --articles: 'x' is not an article id"),
        (
            ["--since", "2022-05-01", "--until", "2022-04-01"],
            1,
            "--since 2022-05-01 is after --until 2022-04-01",
        ),
        (["--articles", "999"], 1, "999"),
        (["-o", "/nonexistent-dir/b.md"], 1, "no directory /nonexistent-dir"),
    ],
)
def test_bad_arguments_give_one_clear_line(
    library: dict[str, int], args: list[str], code: int, message: str
) -> None:
    result = run_export(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_no_library_exports_an_empty_briefing(data_dir: Path) -> None:
    result = run_export()
    assert result.returncode == 0, result.stderr
    briefing = parse(result.stdout)
    assert briefing.front_matter["article_count"] == 0
    assert briefing.headings == [(1, "Briefing 2026-03-01")]
    assert not data_dir.exists(), "exporting must not create a library"
