"""The library commands as a user runs them: real subprocesses on a real library directory."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
HOSTILE_TITLE = "Sanctions \x1b[31mred\x1b[0m \x9b2J\x07 alert"

SUMMARY_KEYS = {"id", "title", "source", "published", "imported_at", "fact_count", "unread", "tags"}
FACT_KEYS = {
    "id", "article_id", "measure", "actor", "target", "quantity", "when", "status", "sentence",
    "start", "end", "pinned", "note", "hidden", "origin", "corrected", "created_at",
    "target_stated",
}  # fmt: skip
ARTICLE_KEYS = {
    "id", "path", "content_hash", "title", "dek", "source", "published", "url", "imported_at",
    "unread", "tags", "pipeline_version", "body", "removed", "actors", "measures", "facts",
}  # fmt: skip


def briefing(
    data_dir: Path, *args: str, check: bool = True, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def briefing_json(data_dir: Path, *args: str) -> list[dict[str, object]]:
    data = json.loads(briefing(data_dir, *args, "--json").stdout)
    assert isinstance(data, list)
    return data


def article_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0  # created but no schema yet


@pytest.fixture(scope="module")
def built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library made by one real `briefing add` of the samples and a hostile article."""
    root = tmp_path_factory.mktemp("cli")
    articles = root / "articles"
    shutil.copytree(SAMPLES, articles)
    (articles / "hostile.txt").write_text(
        f"{HOSTILE_TITLE}\n\nJapan expels eight Russian diplomats, \x1b]0;pwned\x07 the "
        "ministry said on Friday.\n"
    )
    library = root / "library"
    done = briefing(library, "add", str(articles))
    count = len(list(SAMPLES.iterdir())) + 1
    assert done.stdout.strip() == f"Added {count}, already present 0, failed 0."
    # Not a terminal: one plain line per file on stderr, no carriage returns or bar.
    progress = done.stderr.strip().splitlines()
    assert len(progress) == count and progress[0].startswith(f"[1/{count}] added: ")
    assert "\r" not in done.stderr
    return library


@pytest.fixture
def library(built_library: Path, tmp_path: Path) -> Path:
    """A private copy of the built library, for tests that change it."""
    copy = tmp_path / "library"
    shutil.copytree(built_library, copy)
    return copy


def test_list_json_is_a_stable_list_of_summaries(built_library: Path) -> None:
    items = briefing_json(built_library, "list")
    assert len(items) == len(list(SAMPLES.iterdir())) + 1
    assert all(set(item) == SUMMARY_KEYS for item in items)
    assert len({item["id"] for item in items}) == len(items)
    coal = [item for item in items if "coal" in str(item["title"]).lower()]
    assert coal and "eu" in coal[0]["tags"] and coal[0]["published"] == "2022-04-08"
    tagged = briefing_json(built_library, "list", "--tag", "EU")
    assert coal[0]["id"] in [item["id"] for item in tagged] and len(tagged) < len(items)
    found = briefing_json(built_library, "list", "--search", "Abramovich")
    assert [item["title"] for item in found] == [
        item["title"] for item in items if "Abramovich" in str(item["title"])
    ]
    nothing = briefing(
        built_library, "list", "--search", 'NEAR( "unbalanced', "--json", check=False
    )
    assert nothing.returncode == 1 and json.loads(nothing.stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tag", "nosuchtag"], "no articles match tag “nosuchtag”"),
        (["--search", "zzyzx"], "no articles match search “zzyzx”"),
        (["--tag", "eu", "--search", "zzyzx"], "no articles match tag “eu” and search “zzyzx”"),
    ],
)
def test_list_says_when_nothing_matches(built_library: Path, args: list[str], message: str) -> None:
    done = briefing(built_library, "list", *args, check=False)
    assert done.returncode == 1
    assert done.stderr == f"briefing: {message}\n" and done.stdout == ""


def test_list_puts_undated_articles_below_dated_ones_with_counts_in_words(
    library: Path,
) -> None:
    items = briefing_json(library, "list")
    dated = [item for item in items if item["published"]]
    undated = [item for item in items if not item["published"]]
    assert dated and undated
    assert items == dated + undated  # the undated ones used to sort first, by import day
    assert [item["published"] for item in dated] == sorted(
        (item["published"] for item in dated), reverse=True
    )
    lines = briefing(library, "list").stdout.splitlines()
    by_id = {int(line.split()[0].rstrip("*")): line for line in lines}
    for item in items:
        count = item["fact_count"]
        word = "fact " if count == 1 else "facts"
        assert f" {count:>3} {word}  " in by_id[int(str(item["id"]))]
    assert any(item["fact_count"] == 1 for item in items), "the samples have a one-fact article"


def test_show_and_facts_json_shapes(built_library: Path) -> None:
    first = briefing_json(built_library, "list", "--search", "coal")[0]
    (article,) = briefing_json(built_library, "show", str(first["id"]))
    assert set(article) == ARTICLE_KEYS and article["id"] == first["id"]
    facts = article["facts"]
    assert isinstance(facts, list) and facts
    assert all(set(fact) == FACT_KEYS and fact["article_id"] == first["id"] for fact in facts)
    body = str(article["body"])
    assert all(body[fact["start"] : fact["end"]] == fact["sentence"] for fact in facts)
    listed = briefing_json(built_library, "facts", str(first["id"]))
    assert [fact["id"] for fact in listed] == [fact["id"] for fact in facts]
    everything = briefing_json(built_library, "facts")
    assert {fact["id"] for fact in listed} <= {fact["id"] for fact in everything}


def test_fact_curation_from_the_command_line_persists(library: Path) -> None:
    fact = next(f for f in briefing_json(library, "facts") if f["when"] and f["actor"] != "Tokyo")
    fact_id = str(fact["id"])
    (pinned,) = briefing_json(library, "fact", fact_id, "--pin", "--note", "lead item")
    assert pinned["pinned"] and pinned["note"] == "lead item"
    (corrected,) = briefing_json(library, "fact", fact_id, "--set", "actor=Tokyo", "--set", "when=")
    assert corrected["actor"] == "Tokyo" and corrected["when"] is None
    assert corrected["corrected"] == ["actor", "when"]
    assert [f["id"] for f in briefing_json(library, "facts", "--pinned")] == [fact["id"]]
    briefing(library, "fact", fact_id, "--hide")
    assert fact["id"] not in [f["id"] for f in briefing_json(library, "facts")]
    assert fact["id"] in [f["id"] for f in briefing_json(library, "facts", "--hidden")]
    (shown,) = briefing_json(library, "fact", fact_id)
    assert shown["hidden"] and shown["pinned"] and shown["note"] == "lead item"
    bad = briefing(library, "fact", fact_id, "--set", "measure=invasion", check=False)
    assert bad.returncode == 1 and "measure must be one of" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = briefing(library, "fact", "999999", "--pin", check=False)
    assert missing.returncode == 1 and "no fact with id 999999" in missing.stderr


UGANDA = """---
title: Donors cut aid to Uganda
source: Sample Wire
published: 2023-06-01
---
Uganda passed a harsh new law last month, drawing criticism from donors.

The Netherlands suspended its aid on Tuesday, the foreign ministry said.

Denmark suspended its aid to Uganda on Wednesday.
"""


def test_a_target_inferred_from_the_story_is_marked_in_text_and_json(
    data_dir: Path, tmp_path: Path
) -> None:
    """The Netherlands' sentence names nobody its measure falls on; the pipeline took Uganda,
    the state of the story. Every command that prints the fact says the target is inferred."""
    article = tmp_path / "uganda.md"
    article.write_text(UGANDA)
    briefing(data_dir, "add", str(article))
    facts = {f["actor"]: f for f in briefing_json(data_dir, "facts")}
    assert (facts["Netherlands"]["target"], facts["Netherlands"]["target_stated"]) == (
        "Uganda",
        False,
    )
    assert (facts["Denmark"]["target"], facts["Denmark"]["target_stated"]) == ("Uganda", True)
    by_id = {
        int(line.split()[1][1:]): line for line in briefing(data_dir, "facts").stdout.splitlines()
    }
    assert by_id[facts["Netherlands"]["id"]].endswith(
        "Netherlands — aid suspension — Uganda (inferred from the story) [announced] (on Tuesday)"
    )
    assert by_id[facts["Denmark"]["id"]].endswith(
        "Denmark — aid suspension — Uganda [announced] (on Wednesday)"
    )
    shown = briefing(data_dir, "show", str(facts["Netherlands"]["article_id"])).stdout
    assert "Uganda (inferred from the story) [announced]" in shown
    (development,) = [
        d for d in briefing_json(data_dir, "developments") if d["actor"] == "Netherlands"
    ]
    assert development["target_stated"] is False
    listed = briefing(data_dir, "developments").stdout
    assert "Netherlands — aid suspension — Uganda (inferred from the story) [announced]" in listed
    exported = briefing(data_dir, "export").stdout
    assert "**Netherlands** suspends aid to **Uganda** (target inferred from the story)" in exported
    assert "| Netherlands | Uganda (inferred) |" in exported
    # The analyst confirms the target: it is theirs now, stated.
    netherlands = str(facts["Netherlands"]["id"])
    (confirmed,) = briefing_json(data_dir, "fact", netherlands, "--set", "target=Uganda")
    assert confirmed["target_stated"] is True and confirmed["corrected"] == ["target"]
    assert "inferred" not in briefing(data_dir, "fact", netherlands).stdout


def test_tag_and_remove(library: Path) -> None:
    article_id = str(next(i for i in briefing_json(library, "list") if not i["tags"])["id"])
    done = briefing(library, "tag", article_id, "Monday Brief", "asia")
    assert done.stdout.strip() == f"Article {article_id} tags: asia, monday brief"
    assert [item["id"] for item in briefing_json(library, "list", "--tag", "monday brief")] == [
        int(article_id)
    ]
    briefing(library, "tag", article_id, "asia", "--remove")
    untagged = briefing(library, "list", "--tag", "asia", "--json", check=False)
    assert untagged.returncode == 1 and json.loads(untagged.stdout) == []
    removed = briefing(library, "remove", article_id)
    assert removed.stdout.startswith(f"Removed article {article_id}: ")
    gone = briefing(library, "show", article_id, check=False)
    assert (
        gone.returncode == 1 and gone.stderr.strip() == f"briefing: no article with id {article_id}"
    )


def test_human_output_never_carries_terminal_escapes(built_library: Path) -> None:
    (hostile,) = briefing_json(built_library, "list", "--search", "alert")
    assert hostile["title"] == HOSTILE_TITLE  # JSON keeps the text exactly (escaped)
    outputs = [
        briefing(built_library, "list").stdout,
        briefing(built_library, "show", str(hostile["id"])).stdout,
        briefing(built_library, "facts", str(hostile["id"])).stdout,
    ]
    for output in outputs:
        assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output
    assert "Sanctions \ufffd[31mred" in outputs[0]


def test_add_reports_failures_and_exits_non_zero(library: Path, tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    shutil.copy(SAMPLES / "002_eu_fifth_package_coal_ban.md", folder / "known.md")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    done = briefing(library, "add", str(folder), str(tmp_path / "missing.md"), check=False)
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "Added 0, already present 1, failed 2."
    assert any("broken.txt: " in line for line in lines[1:])
    assert f"  failed: {tmp_path / 'missing.md'}: no such file" in lines[1:]
    # A file of another format in a folder is named, not passed over in silence.
    assert f"  skipped (not an article format): {folder / 'report.pdf'}" in lines[1:]
    assert "Traceback" not in done.stderr


def test_reanalyze_keeps_the_users_work(library: Path) -> None:
    fact = briefing_json(library, "facts")[0]
    briefing(library, "fact", str(fact["id"]), "--pin", "--note", "keep me")
    done = briefing(library, "reanalyze", str(fact["article_id"]))
    assert done.stdout.strip() == "Re-analysed 1, failed 0."
    (after,) = briefing_json(library, "fact", str(fact["id"]))
    assert after["pinned"] and after["note"] == "keep me"
    assert after["sentence"] == fact["sentence"]
    current = briefing(library, "reanalyze")
    assert current.stdout.strip() == "Every article is already analysed by the current pipeline."


def make_copies(folder: Path, count: int) -> None:
    """``count`` distinct articles: the samples, each copy made new by one added sentence."""
    folder.mkdir()
    samples = sorted(path for path in SAMPLES.iterdir() if path.suffix == ".txt")
    for number in range(count):
        sample = samples[number % len(samples)]
        text = sample.read_text(encoding="utf-8").rstrip("\n")
        (folder / f"{number:02d}-{sample.name}").write_text(
            f"{text}\nThis is copy number {number} of the story.\n", encoding="utf-8"
        )


def start_add(data_dir: Path, folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "BRIEFING_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "add", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_for_articles(process: subprocess.Popen[str], db: Path, at_least: int) -> int:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        count = article_count(db)
        if count >= at_least:
            return count
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("the import stored nothing in time")


@pytest.mark.slow
def test_import_killed_mid_run_leaves_an_intact_library_and_the_rerun_completes(
    data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "copies"
    make_copies(folder, 30)
    db = data_dir / "library.sqlite3"
    process = start_add(data_dir, folder)
    wait_for_articles(process, db, 1)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL

    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    # Every stored article is whole: its facts are there and its text is searchable.
    orphans = connection.execute(
        "SELECT count(*) FROM facts WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    connection.close()
    assert 1 <= stored < 30 and orphans == 0

    rerun = briefing(data_dir, "add", str(folder))
    assert rerun.stdout.strip() == f"Added {30 - stored}, already present {stored}, failed 0."
    assert article_count(db) == 30
    assert len(briefing_json(data_dir, "list", "--search", "copy number")) == 30


@pytest.mark.slow
def test_ctrl_c_stops_the_import_cleanly(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    make_copies(folder, 30)
    db = data_dir / "library.sqlite3"
    process = start_add(data_dir, folder)
    wait_for_articles(process, db, 1)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted" in err and "Run the same command again to continue" in err
    assert "Traceback" not in err
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_add_on_a_terminal_draws_a_progress_bar(library: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    env = {**os.environ, "BRIEFING_DATA_DIR": str(library), "COLUMNS": "80"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "add", str(SAMPLES)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
            env=env,
            timeout=120,
        )
        os.close(terminal)
        drawn = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break  # the terminal's other end is closed: all read
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(controller)
    count = len(list(SAMPLES.iterdir()))
    assert done.returncode == 0
    assert done.stdout.strip() == f"Added 0, already present {count}, failed 0."
    text = drawn.decode().replace("\r\n", "\n")  # the terminal turns \n into \r\n
    # Redrawn in place (carriage returns, no line per file), ending full, then a newline.
    assert text.count("\r") == count and "present:" not in text
    assert f"[{'#' * 40}] {count}/{count}" in text and text.endswith("\n")


@pytest.mark.parametrize(
    ("text", "one_line", "multi_line"),
    [
        ("plain — text", "plain — text", "plain — text"),
        ("a\x1b[2Jb", "a\ufffd[2Jb", "a\ufffd[2Jb"),
        ("csi\x9b31m", "csi\ufffd31m", "csi\ufffd31m"),
        ("two\nlines\ttab", "two lines tab", "two\nlines\ttab"),
        ("crlf\r\nend\r", "crlf end ", "crlf\nend\n"),
        (
            "bell\x07 nul\x00 del\x7f",
            "bell\ufffd nul\ufffd del\ufffd",
            "bell\ufffd nul\ufffd del\ufffd",
        ),
        ("evil\u202eflipped", "evil\ufffdflipped", "evil\ufffdflipped"),
    ],
)
def test_printable_replaces_every_control_character(
    text: str, one_line: str, multi_line: str
) -> None:
    from briefing.textsafety import printable

    assert printable(text) == one_line
    assert printable(text, keep_newlines=True) == multi_line


def test_edit_sets_and_clears_an_articles_details(library: Path) -> None:
    item = next(i for i in briefing_json(library, "list") if i["published"])
    article_id = str(item["id"])
    (edited,) = briefing_json(
        library, "edit", article_id, "--set", "published=2019-01-02",
        "--set", "title=A better headline", "--set", "url=https://example.org/x",
    )  # fmt: skip
    assert set(edited) == ARTICLE_KEYS
    assert (edited["title"], edited["published"], edited["url"]) == (
        "A better headline", "2019-01-02", "https://example.org/x",
    )  # fmt: skip
    listed = {i["id"]: i for i in briefing_json(library, "list", "--search", "better headline")}
    assert listed[item["id"]]["published"] == "2019-01-02"
    done = briefing(library, "edit", article_id, "--set", "published=", "--set", "source=")
    assert done.stdout.splitlines() == [
        f"[{article_id}] A better headline",
        "  source:    (none)",
        "  published: (none)",
        "  url:       https://example.org/x",
    ]
    listed_now = briefing_json(library, "list")
    order = [i["id"] for i in listed_now if i["published"] or i["id"] == item["id"]]
    assert order[-1] == item["id"]  # undated now: below every dated article
    assert briefing(library, "edit", article_id).stdout == done.stdout  # no --set: prints


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("colour=red", "cannot edit 'colour': the fields are title, source, published, url"),
        ("published=2022-02-30", "not a date: '2022-02-30' (write it as YYYY-MM-DD"),
        ("published=8 April 2022", "not a date: '8 April 2022'"),
        ("url=javascript:alert(1)", "not a web address: 'javascript:alert(1)'"),
        ("title=", "an article's title cannot be empty"),
        ("title", "--set wants FIELD=VALUE, not 'title'"),
    ],
)
def test_edit_refuses_bad_fields_and_values_in_one_line(
    built_library: Path, assignment: str, message: str
) -> None:
    article_id = str(briefing_json(built_library, "list")[0]["id"])
    before = briefing(built_library, "show", article_id, "--json").stdout
    done = briefing(built_library, "edit", article_id, "--set", assignment, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"briefing: {message}") and done.stderr.count("\n") == 1
    assert done.stdout == ""
    assert briefing(built_library, "show", article_id, "--json").stdout == before
    missing = briefing(built_library, "edit", "999999", "--set", "title=x", check=False)
    assert missing.returncode == 1 and missing.stderr == "briefing: no article with id 999999\n"


def test_data_dir_works_before_and_after_the_subcommand(
    built_library: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"  # BRIEFING_DATA_DIR points at an empty library
    expected = briefing(built_library, "list", "--json").stdout
    before = briefing(elsewhere, "--data-dir", str(built_library), "list", "--json")
    after = briefing(elsewhere, "list", "--json", "--data-dir", str(built_library))
    assert before.stdout == after.stdout == expected
    assert not elsewhere.exists()


def test_every_subcommand_has_help_and_a_description() -> None:
    top = briefing(Path("unused"), "--help").stdout
    from briefing.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {action.dest: action.help for action in subparsers._choices_actions}
    assert set(helps) == set(subparsers.choices) and "edit" in helps
    for name, subparser in subparsers.choices.items():
        assert (helps[name] and f"    {name} " in top) or f"    {name}\n" in top, name
        assert subparser.description, f"`briefing {name} --help` has no description"
        shown = briefing(Path("unused"), name, "--help").stdout
        assert " ".join(subparser.description.split()[:4]) in " ".join(shown.split()), name
        for action in subparser._actions:
            assert action.help, f"briefing {name} {action.option_strings or action.dest}"
