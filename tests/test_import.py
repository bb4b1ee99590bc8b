"""Batch import with the real pipeline and real library files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.importing import ImportProgress, find_article_files, import_paths, reanalyze
from briefing.nlp import Analyzer
from briefing.nlp.loader import MODEL_CANDIDATES
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


# -- worker processes: forked from a server that loaded the model, where the platform allows --


def _worker_probe(seconds: float) -> dict[str, object]:
    """Runs in a pool worker: what it has, where it came from, and what it paid."""
    import resource
    import time

    from briefing import importing

    time.sleep(seconds)  # hold this worker, so that the next probe goes to the other one
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "pid": os.getpid(),
        "parent": os.getppid(),
        "has_model": importing._worker_analyzer is not None,
        "model_loaded_by": importing._worker_model_pid,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
    }


def _probe_workers(pool: object) -> list[dict[str, object]]:
    from briefing.importing import _PoolAnalyzer

    assert isinstance(pool, _PoolAnalyzer)
    pool.submit([])  # a batch of nothing, to wait for the pool
    list(pool.finish())
    assert pool._pool is not None
    reports = pool._pool.map(_worker_probe, [1.0, 1.0], chunksize=1)
    assert len({report["pid"] for report in reports}) == 2, reports
    return reports


def _facts(results: object) -> list[list[tuple[str, str | None, str]]]:
    assert isinstance(results, list)
    return [[(f.measure, f.actor, f.sentence) for f in result.facts] for result in results]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the fork server is used on Linux only")
def test_workers_start_from_one_loaded_model_and_load_nothing(analyzer: Analyzer) -> None:
    from briefing import importing
    from briefing.prepare import prepare_file

    assert importing._start_method() == "forkserver"
    pool = importing._PoolAnalyzer(2)
    try:
        reports = _probe_workers(pool)
        articles = [prepare_file(str(path)) for path in (EXPULSIONS, COAL, ASSETS)]
        pool.submit(articles)
        [(_, results)] = list(pool.finish())
    finally:
        pool.close()
    assert importing._worker_analyzer is None  # this process loaded nothing for the workers
    server = reports[0]["parent"]
    assert server != os.getpid()
    for report in reports:
        # Both workers were forked from one server process, which loaded the model once.
        assert report["parent"] == server and report["pid"] != server
        assert report["has_model"] and report["model_loaded_by"] == server
        # Loading the model costs a second or more of CPU; a forked worker has spent next to
        # nothing since it was forked (its rusage starts at zero).
        assert isinstance(report["cpu_seconds"], float) and report["cpu_seconds"] < 0.5
    assert _facts(results) == _facts(list(analyzer.analyze_many(articles)))


@pytest.mark.slow
def test_spawned_workers_load_their_own_model(analyzer: Analyzer) -> None:
    """The start method of macOS and Windows: each worker loads the model, same analyses."""
    from briefing import importing
    from briefing.prepare import prepare_file

    pool = importing._PoolAnalyzer(2, method="spawn")
    try:
        reports = _probe_workers(pool)
        articles = [prepare_file(str(path)) for path in (EXPULSIONS, COAL)]
        pool.submit(articles)
        [(_, results)] = list(pool.finish())
    finally:
        pool.close()
    for report in reports:
        assert report["has_model"] and report["model_loaded_by"] == report["pid"]
    assert _facts(results) == _facts(list(analyzer.analyze_many(articles)))


def _folder_of_samples(tmp_path: Path, count: int) -> Path:
    """``count`` distinct article files (enough for ``--jobs 2`` to start workers)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    for n in range(count):
        sample = samples[n % len(samples)]
        text = sample.read_text(encoding="utf-8") + f"\n\nEdition {n} of this report.\n"
        (folder / f"{n:03d}_{sample.name}").write_text(text, encoding="utf-8")
    return folder


def _without_a_model(tmp_path: Path) -> dict[str, str]:
    """An environment where every English pipeline briefing tries is broken: packages of the
    same names that fail to import come first on the path (as a half-removed install would)."""
    shadow = tmp_path / "broken-models"
    for name in MODEL_CANDIDATES:
        package = shadow / name
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("raise ImportError('a broken install')\n")
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_SPACY_MODEL"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(shadow), env.get("PYTHONPATH")]))
    return env


@pytest.mark.slow
def test_a_model_that_cannot_load_fails_the_parallel_import_once(
    data_dir: Path, tmp_path: Path
) -> None:
    """The workers (or the server they are forked from) keep the error for the first batch
    instead of dying and being started again forever: one line, exit 1, nothing stored."""
    folder = _folder_of_samples(tmp_path, 40)
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "add", str(folder), "--jobs", "2"],
        capture_output=True,
        text=True,
        env=_without_a_model(tmp_path),
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("briefing: No English spaCy pipeline could be loaded"), lines
    assert "Traceback" not in done.stderr
    with Library.open(data_dir, read_only=True) as library:
        assert library.count() == 0


SPAWNED_WITHOUT_A_MODEL = """
import sys
from briefing.errors import ModelNotFoundError
from briefing.importing import _PoolAnalyzer
from briefing.prepare import prepare_file

pool = _PoolAnalyzer(2, method="spawn")
try:
    pool.submit([prepare_file(sys.argv[1])])
    list(pool.finish())
except ModelNotFoundError:
    print("reported")
finally:
    pool.close()
"""


@pytest.mark.slow
def test_spawned_workers_that_cannot_load_the_model_report_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SPAWNED_WITHOUT_A_MODEL, str(EXPULSIONS)],
        capture_output=True,
        text=True,
        env=_without_a_model(tmp_path),
        timeout=120,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "reported"), done.stderr
