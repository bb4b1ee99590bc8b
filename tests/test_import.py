"""Batch import with the real pipeline and real library files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.importing import ImportProgress, find_article_files, import_paths, reanalyze
from briefing.nlp import Analyzer
from briefing.store import Library

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
EXPULSIONS = SAMPLES / "001_us_expels_35_russian_diplomats.txt"
COAL = SAMPLES / "002_eu_fifth_package_coal_ban.md"
ASSETS = SAMPLES / "005_uk_freezes_abramovich_assets.txt"


@pytest.fixture
def library(data_dir: Path) -> Iterator[Library]:
    with Library.open() as lib:
        yield lib


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A messy folder: nested, hidden, duplicate, unsupported, broken and looping entries."""
    root = tmp_path / "articles"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / ".hidden-dir").mkdir()
    shutil.copy(EXPULSIONS, root / "expulsions.txt")
    shutil.copy(COAL, root / "nested" / "coal.md")
    shutil.copy(ASSETS, root / "nested" / "deeper" / "assets.TEXT")
    # The same story under another name, with Windows line endings: one article.
    (root / "expulsions.windows-copy.txt").write_bytes(
        EXPULSIONS.read_bytes().replace(b"\n", b"\r\n")
    )
    shutil.copy(COAL, root / ".hidden.md")
    shutil.copy(COAL, root / ".hidden-dir" / "coal.md")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    (root / "LICENSE").write_text("Not an article either.")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "empty.md").write_text("  \n")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "nested" / "loop").symlink_to(root)
    return root


def test_find_article_files_survives_loops_and_skips_what_is_not_an_article(
    articles_dir: Path,
) -> None:
    files, failures = find_article_files([articles_dir, articles_dir / "missing.txt"])
    names = sorted(os.path.relpath(f, articles_dir) for f in files)
    assert names == [
        "binary.txt",
        "empty.md",
        "expulsions.txt",
        "expulsions.windows-copy.txt",
        os.path.join("nested", "coal.md"),
        os.path.join("nested", "deeper", "assets.TEXT"),
    ]
    assert [(Path(f.path).name, f.reason) for f in failures] == [
        ("missing.txt", "no such file")  # the README's words, as `briefing analyze` says it
    ]


def test_import_a_folder_reports_each_file_and_stores_each_article_once(
    library: Library, analyzer: Analyzer, articles_dir: Path
) -> None:
    seen: list[ImportProgress] = []
    report = import_paths(
        library, [articles_dir], batch_size=2, analyzer=analyzer, on_progress=seen.append
    )
    added = sorted(Path(item.path).name for item in report.added)
    assert added == ["assets.TEXT", "coal.md", "expulsions.txt"]
    assert [Path(item.path).name for item in report.present] == ["expulsions.windows-copy.txt"]
    assert report.present[0].id == next(a.id for a in report.added if "expulsions" in a.path)
    failed = {Path(f.path).name: f.reason for f in report.failed}
    assert set(failed) == {"binary.txt", "empty.md"}
    assert all(reason and "Traceback" not in reason for reason in failed.values())
    # Progress: once per file, counting up to the total, the counts matching the report.
    assert [p.done for p in seen] == list(range(1, 7))
    assert {p.total for p in seen} == {6}
    assert (seen[-1].added, seen[-1].skipped, seen[-1].failed) == (3, 1, 2)
    # What was stored is the pipeline's analysis of each file, complete.
    assert library.count() == 3
    coal = library.article(next(a.id for a in report.added if a.path.endswith("coal.md")))
    assert coal.title == "EU bans Russian coal in fifth sanctions package"
    assert coal.meta.published == "2022-04-08" and "eu" in coal.tags
    assert coal.facts and all(coal.body[f.start : f.end] == f.sentence for f in coal.facts)
    assert coal.pipeline_version and "coal" in coal.raw_text


def test_rerun_skips_known_articles_without_loading_the_model(
    library: Library, analyzer: Analyzer, articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = import_paths(library, [articles_dir], analyzer=analyzer)

    def no_model(cls: type[Analyzer]) -> Analyzer:
        raise AssertionError("the model was loaded although nothing was new")

    monkeypatch.setattr(Analyzer, "load", classmethod(no_model))
    again = import_paths(library, [articles_dir, EXPULSIONS])
    assert again.added == []
    assert sorted(again.ids) == sorted(first.ids)
    assert library.count() == 3


def test_a_file_vanishing_mid_import_fails_alone(
    library: Library, analyzer: Analyzer, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in (EXPULSIONS, COAL, ASSETS):
        shutil.copy(sample, folder / sample.name)
    doomed = folder / ASSETS.name  # listed last, deleted once the import is under way

    def delete_later_file(progress: ImportProgress) -> None:
        doomed.unlink(missing_ok=True)

    # Each article goes on its own: the deletion happens after the first is stored.
    report = import_paths(
        library, [folder], batch_size=1, analyzer=analyzer, on_progress=delete_later_file
    )
    assert len(report.added) == 2
    assert [(Path(f.path).name, bool(f.reason)) for f in report.failed] == [(ASSETS.name, True)]


def test_reanalyze_keeps_pins_notes_corrections_and_hidden_facts(
    library: Library, analyzer: Analyzer
) -> None:
    (imported,) = import_paths(library, [COAL], analyzer=analyzer).added
    facts = library.facts(imported.id)
    assert len(facts) >= 3
    pinned, hidden, corrected = facts[0], facts[1], facts[2]
    library.update_fact(pinned.id, pinned=True, note="lead")
    library.update_fact(hidden.id, hidden=True)
    library.update_fact(corrected.id, corrections={"target": "coal from Russia"})
    by_hand = library.add_fact(
        imported.id, measure="sanctions", actor="European Union", target="Russia",
        quantity=None, when=None, status="announced", sentence="", start=0, end=0,
    )  # fmt: skip
    library.add_tags(imported.id, ["briefing-monday"])

    report = reanalyze(library, [imported.id], analyzer=analyzer)
    assert [item.id for item in report.added] == [imported.id] and not report.failed

    after = library.article(imported.id)
    by_id = {fact.id: fact for fact in after.facts}
    assert by_id[pinned.id].pinned and by_id[pinned.id].note == "lead"
    assert by_id[hidden.id].hidden
    assert by_id[corrected.id].target == "coal from Russia"
    assert by_id[by_hand.id].origin == "user"
    visible = [f for f in after.facts if not f.hidden and f.origin == "machine"]
    # The same pipeline finds the same facts: nothing duplicated, the hidden one not back.
    assert len(visible) == len(facts) - 1
    assert hidden.sentence not in [f.sentence for f in visible if f.measure == hidden.measure]
    assert "briefing-monday" in after.tags


@pytest.mark.slow
def test_parallel_import_stores_the_same_analyses(
    data_dir: Path, analyzer: Analyzer, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for sample in sorted(SAMPLES.iterdir())[:8]:
        shutil.copy(sample, folder / sample.name)
    with Library.open(tmp_path / "serial") as serial:
        one = import_paths(serial, [folder], batch_size=2, analyzer=analyzer)
        expected = {a.path: [f.sentence for f in serial.facts(a.id)] for a in one.added}
    with Library.open(tmp_path / "parallel") as parallel:
        two = import_paths(parallel, [folder], batch_size=2, jobs=2)
        got = {a.path: [f.sentence for f in parallel.facts(a.id)] for a in two.added}
    assert len(one.added) == 8 and not two.failed
    assert got == expected
