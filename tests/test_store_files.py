"""The library file over time and across processes: migrations, damaged or newer files,
restarts, and two processes writing at once."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.model import Analysis, Fact
from briefing.store import Library, LibraryCorrupt, LibraryError, LibraryTooNew
from briefing.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


def install_v1(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / "library.sqlite3"
    shutil.copyfile(FIXTURES / "library-v1.sqlite3", target)
    return target


def dump(db: Path) -> list[str]:
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_v1_library_is_upgraded_in_place_after_a_backup(data_dir: Path) -> None:
    db = install_v1(data_dir)
    original = dump(db)
    with Library.open() as library:
        assert library.count() == 2
        japan = library.article(1)
        assert japan.title == "Japan expels eight Russian diplomats"
        assert japan.tags == () and japan.pipeline_version == "v1-pipeline"
        (fact,) = japan.facts
        # User state written by version 1 survives; the new columns start empty.
        assert fact.pinned and fact.note == "check" and not fact.hidden and not fact.edited
        # What version 2 added works on the old data: search (index rebuilt), tags, hiding.
        assert [s.id for s in library.summaries(search="coal")] == [2]
        library.add_tags(1, ["asia"])
        library.update_fact(fact.id, hidden=True, corrections={"actor": "Tokyo"})
        assert library.count(tag="asia") == 1
    backup = data_dir / "library.sqlite3.bak-v1"
    assert dump(backup) == original  # the backup is the v1 library, page for page
    version = sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    with Library.open() as library:  # opening again migrates nothing and backs up nothing
        assert library.fact(1).hidden
    assert sorted(p.name for p in data_dir.glob("*.bak-*")) == ["library.sqlite3.bak-v1"]


def test_v2_library_upgrades_to_the_new_list_order_and_index(data_dir: Path) -> None:
    from briefing.store import schema

    data_dir.mkdir()
    db = data_dir / "library.sqlite3"
    connection = sqlite3.connect(db, isolation_level=None)
    for step in schema.MIGRATIONS[:2]:
        step(connection)
    connection.execute("PRAGMA user_version = 2")
    rows = [  # (title, published, imported_at): an undated article imported last
        ("Old", "2020-01-01", "2026-01-01T09:00:00Z"),
        ("New", "2023-05-01", "2026-01-01T09:00:00Z"),
        ("Undated", None, "2026-01-02T09:00:00Z"),
        ("Undated earlier", None, "2025-12-31T09:00:00Z"),
    ]
    for title, published, imported_at in rows:
        connection.execute(
            "INSERT INTO articles (path, content_hash, title, published, imported_at, body,"
            " raw_text) VALUES (?, ?, ?, ?, ?, 'body', 'raw')",
            (f"{title}.txt", title, title, published, imported_at),
        )
    connection.close()
    with Library.open() as library:
        assert [s.title for s in library.summaries()] == [
            "New", "Old", "Undated", "Undated earlier"
        ]  # fmt: skip
        edited = library.update_article(4, title="Dated now", published="2021-06-01")
        assert edited.title == "Dated now"
        assert [s.title for s in library.summaries()] == ["New", "Dated now", "Old", "Undated"]
    assert (data_dir / "library.sqlite3.bak-v2").exists()
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # The list's page query walks the index: no sort of the whole library per page.
    from briefing.store.library import _NEWEST_FIRST

    plan = check.execute(
        "EXPLAIN QUERY PLAN SELECT a.id FROM articles a INDEXED BY articles_newest"
        f" ORDER BY {_NEWEST_FIRST} LIMIT 10"
    ).fetchall()
    assert not any("TEMP B-TREE" in row[-1] for row in plan), plan
    check.close()


def test_v5_library_reads_its_facts_targets_as_stated(data_dir: Path) -> None:
    """Version 6 records whether a fact's target is stated; the facts stored before it were
    all read as stated and stay so, while new imports carry the pipeline's flag."""
    from briefing.store import schema

    data_dir.mkdir()
    db = data_dir / "library.sqlite3"
    connection = sqlite3.connect(db, isolation_level=None)
    for step in schema.MIGRATIONS[:5]:
        step(connection)
    connection.execute("PRAGMA user_version = 5")
    sentence = "The Netherlands suspended its aid on Tuesday."
    connection.execute(
        "INSERT INTO articles (id, path, content_hash, title, published, imported_at, body,"
        " raw_text) VALUES (1, 'uganda.txt', 'h', 'Donors cut aid', '2023-06-01',"
        " '2026-01-01T09:00:00Z', ?, 'raw')",
        (sentence,),
    )
    connection.execute(
        'INSERT INTO facts (article_id, measure, actor, target, status, sentence, start, "end",'
        " created_at) VALUES (1, 'aid_suspension', 'Netherlands', 'Uganda', 'announced', ?, 0,"
        " ?, '2026-01-01T09:00:00Z')",
        (sentence, len(sentence)),
    )
    connection.close()
    with Library.open() as library:
        (fact,) = library.facts(1)
        assert (fact.target, fact.target_stated) == ("Uganda", True)
        inferred = Fact("aid_suspension", "Netherlands", "Uganda", None, None, "announced",
                        sentence, 0, len(sentence), target_stated=False)  # fmt: skip
        stored = library.replace_analysis(
            1,
            Analysis("uganda.txt", "Donors cut aid", None, sentence, (), (), (), (inferred,)),
        )
        assert [(f.target, f.target_stated) for f in stored.facts] == [("Uganda", False)]
    assert (data_dir / "library.sqlite3.bak-v5").exists()
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    column = next(
        row for row in check.execute("PRAGMA table_info(facts)") if row[1] == "target_stated"
    )
    assert (column[2], column[3], column[4]) == ("INTEGER", 1, "1")  # type, NOT NULL, default
    check.close()


def test_failed_migration_leaves_the_old_library_as_it_was(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = install_v1(data_dir)
    from briefing.store import schema

    def broken_step(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE facts ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken_step))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(LibraryError):
        Library.open()
    check = sqlite3.connect(db)
    columns = [row[1] for row in check.execute("PRAGMA table_info(facts)")]
    assert "half_done" not in columns and "hidden" not in columns  # the whole upgrade rolled back
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"this is not a database\n" * 100, id="text-file"),
        pytest.param(lambda data: data[:16] + b"\xff" * 84 + data[100:], id="bad-header"),
        pytest.param(lambda data: data[:100] + b"\x00\x13" * 2000 + data[4100:], id="bad-page"),
        pytest.param(lambda data: data[: len(data) // 3], id="truncated"),
    ],
)
def test_damaged_library_is_refused_and_left_byte_for_byte(data_dir: Path, damage: object) -> None:
    with Library.open() as library:
        library.close()
    db = install_v1(data_dir)
    damaged = damage(db.read_bytes())  # type: ignore[operator]
    db.write_bytes(damaged)
    with pytest.raises(LibraryError) as refused, Library.open() as library:
        library.summaries()
        library.article(1)
    assert "library" in str(refused.value)
    assert db.read_bytes() == damaged
    assert not list(data_dir.glob("*.bak-*"))


def test_library_from_a_newer_version_is_refused_unchanged(data_dir: Path) -> None:
    with Library.open():
        pass
    db = data_dir / "library.sqlite3"
    connection = sqlite3.connect(db)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = db.read_bytes()
    for read_only in (False, True):
        with pytest.raises(LibraryTooNew, match="newer version"):
            Library.open(read_only=read_only)
    assert db.read_bytes() == before


def test_a_foreign_sqlite_database_is_not_taken_over(data_dir: Path) -> None:
    data_dir.mkdir()
    db = data_dir / "library.sqlite3"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE something_else (x)")
    connection.commit()
    connection.close()
    before = db.read_bytes()
    with pytest.raises(LibraryCorrupt):
        Library.open()
    assert db.read_bytes() == before


WRITER = textwrap.dedent(
    """
    import sys
    from briefing.model import Analysis, Fact
    from briefing.store import Library

    name, count = sys.argv[1], int(sys.argv[2])
    with Library.open() as library:
        for number in range(count):
            body = f"{name} sanctions number {number}."
            fact = Fact("sanctions", name, None, None, None, "announced", body, 0, len(body))
            analysis = Analysis(f"{name}-{number}.txt", f"{name} {number}", None, body, (), (),
                                (), (fact,))
            article_id, created = library.add_analysis(analysis, body)
            assert created
            library.update_fact(library.facts(article_id)[0].id, pinned=True, note=name)
            library.add_tags(article_id, [name])
    print("done")
    """
)


def test_two_processes_writing_at_once_lose_nothing(data_dir: Path) -> None:
    count = 150
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
        assert "locked" not in err
    with Library.open() as library:
        assert library.count() == 2 * count
        assert library.count(tag="alpha") == library.count(tag="beta") == count
        pinned = library.facts(pinned_only=True)
        assert len(pinned) == 2 * count
        assert sorted({f.note for f in pinned}) == ["alpha", "beta"]


def test_changes_persist_across_process_restarts(data_dir: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from briefing.model import Analysis, Fact
        from briefing.store import Library

        with Library.open() as library:
            if sys.argv[1] == "write":
                body = "Japan expels eight Russian diplomats."
                fact = Fact("expulsion", "Japan", None, "8", None, "announced", body, 0,
                            len(body))
                analysis = Analysis("a.txt", "Japan", None, body, (), (), (), (fact,))
                article_id, _ = library.add_analysis(analysis, body)
                fact_id = library.facts(article_id)[0].id
                library.update_fact(fact_id, pinned=True, note="keep",
                                    corrections={"target": "envoys"})
                library.set_unread(article_id, False)
            else:
                (fact,) = library.facts()
                (summary,) = library.summaries()
                print(fact.pinned, fact.note, fact.target, summary.unread)
        """
    )
    for step in ("write", "read"):
        done = subprocess.run(
            [sys.executable, "-c", script, step], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "keep", "envoys", "False"]


def test_a_change_reported_saved_survives_kill_9(data_dir: Path) -> None:
    with Library.open() as library:
        body = "Japan expels eight Russian diplomats."
        fact = Fact("expulsion", "Japan", None, "8", None, "announced", body, 0, len(body))
        article_id, _ = library.add_analysis(
            Analysis("a.txt", "Japan", None, body, (), (), (), (fact,)), body
        )
        fact_id = library.facts(article_id)[0].id
    script = textwrap.dedent(
        f"""
        import time
        from briefing.store import Library

        library = Library.open()
        library.update_fact({fact_id}, pinned=True, note="saved before the crash")
        library.add_tags({article_id}, ["crash"])
        print("saved", flush=True)
        time.sleep(120)  # killed here, the library still open
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "saved", process.stderr
    process.kill()
    process.communicate(timeout=30)
    with Library.open() as library:
        saved = library.fact(fact_id)
        assert saved.pinned and saved.note == "saved before the crash"
        assert library.article(article_id).tags == ("crash",)


CREATOR = textwrap.dedent(
    """
    import sys
    from briefing.model import Analysis
    from briefing.store import Library

    with Library.open() as library:
        library.add_analysis(Analysis("a.txt", "t", None, "b", (), (), (), ()), sys.argv[1])
    """
)


@pytest.mark.parametrize("attempt", range(5))
def test_processes_creating_the_same_new_library_at_once_all_succeed(
    data_dir: Path, attempt: int
) -> None:
    creators = [
        subprocess.Popen(
            [sys.executable, "-c", CREATOR, f"text {number}"], stderr=subprocess.PIPE, text=True
        )
        for number in range(3)
    ]
    for creator in creators:
        _out, err = creator.communicate(timeout=120)
        assert creator.returncode == 0, err
    with Library.open() as library:
        assert library.count() == 3
