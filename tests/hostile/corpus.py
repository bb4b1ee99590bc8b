"""The hostile files: each one written to disk as a user would have saved it, with what
``briefing analyze`` and ``briefing add`` must make of it."""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from briefing.reading import MAX_ARTICLE_BYTES

from .support import HOSTILE_BODY, HOSTILE_TITLE

LEAD = "Japan expelled eight Russian diplomats on Friday, the foreign ministry said."
STORY = "Japan expels Russian diplomats\n\n" + LEAD + "\n\nTokyo said more steps could follow.\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"


@dataclass(frozen=True, slots=True)
class Case:
    """One file: ``reason`` is a fragment of the refusal, or None when it must be analysed;
    ``shows`` is text its analysed title or body must contain."""

    name: str
    data: bytes
    reason: str | None = None
    shows: str | None = None

    @property
    def accepted(self) -> bool:
        return self.reason is None


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", STORY)
    return buffer.getvalue()


def _one_line(size: int) -> bytes:
    """A page saved as one line: a news sentence, then an inline blob (a data: URI, minified
    script) to ``size`` bytes with no line break anywhere."""
    blob = ("data:image/png;base64," + "QUJD" * 2_500 + " ") * (size // 10_024 + 1)
    return (LEAD + " " + blob)[:size].encode("ascii")


def _nested_lists(depth: int) -> str:
    return "\n".join(
        "  " * level + "- Japan imposed sanctions level " + str(level) for level in range(depth)
    )


FILE_CASES: tuple[Case, ...] = (
    Case("empty.txt", b"", reason="empty file"),
    Case("whitespace only.txt", b" \n\t\r\n  \n\x0c\n", reason="only whitespace"),
    Case("photo.txt", PNG_HEADER + os.urandom(512), reason="PNG image"),
    Case("archive.md", _zip_bytes(), reason="ZIP archive"),
    Case("nul bytes.txt", STORY.encode() + b"\x00\x00\x00more\n", reason="NUL bytes"),
    Case("random high bytes.txt", bytes(range(128, 256)) * 8, reason="cannot decode"),
    Case("invalid utf-8.txt", STORY.encode() + b"caf\xe9 \xff\xfe\xc3\x28 end\n", shows=LEAD),
    Case("utf-16 bom.txt", STORY.replace("Japan", "Japón").encode("utf-16"), shows="Japón"),
    Case("utf-16le no bom.txt", STORY.replace("Tokyo", "Tōkyō").encode("utf-16-le"), shows="Tōkyō"),
    Case("utf-16be no bom.txt", STORY.encode("utf-16-be"), shows=LEAD),
    Case(
        "utf-8 bom.md", codecs.BOM_UTF8 + ("# Ünïcode\n\n" + LEAD + "\n").encode(), shows="Ünïcode"
    ),
    Case(
        "cp1252.txt", (STORY + "“Quoted” café naïve – €5\n").encode("cp1252"), shows="“Quoted” café"
    ),
    Case(
        "mixed line endings.txt",
        b"Japan expels Russian diplomats\r\n\r\n"
        + LEAD.encode()
        + b"\rSecond line.\n\rThird line.\r\n",
        shows="Second line.",
    ),
    Case(
        "too large.txt",
        b"",  # written by write_corpus: 50 MB of text, well over the limit
        reason=f"the limit is {MAX_ARTICLE_BYTES / 2**20:g} MB",
    ),
    Case("one line 2MB.txt", _one_line(2 * 1024 * 1024), shows=LEAD),
    Case(
        "spaces 'single' \"double\" ünïcødé 日本.txt",
        STORY.replace("eight", "nine").encode(),
        shows="nine",
    ),
    Case("escape \x1b[31m in name.txt", STORY.replace("eight", "ten").encode(), shows="ten"),
    Case(
        "hostile text.txt",
        (HOSTILE_TITLE + "\n\n" + HOSTILE_BODY + "\n").encode(),
        shows="[@click=app.quit]",
    ),
    # Front matter and Markdown structure that a parser can choke on.
    Case(
        "unterminated front matter.md",
        ("---\ntitle: Never closed\nsource: [Reuters\n" + LEAD + "\n").encode(),
        shows="Japan expelled",
    ),
    Case(
        "front matter list.md",
        ("---\n- just\n- a list\n---\n# Sanctions headline\n\n" + LEAD + "\n").encode(),
        shows=LEAD,
    ),
    Case(
        "front matter scalar.md",
        ("---\njust a sentence\n---\n# Sanctions headline\n\n" + LEAD + "\n").encode(),
        shows=LEAD,
    ),
    Case(
        "huge table.md",
        (
            "# Sanctions table\n\n"
            + LEAD
            + "\n\n| Country | Measure | Target |\n|---|---|---|\n"
            + "".join(f"| Country {i} | measure {i} | target {i} |\n" for i in range(2000))
        ).encode(),
        shows=LEAD,
    ),
    Case(
        "nested quotes.md",
        ("# Nested quotes\n\n" + LEAD + "\n\n" + ">" * 500 + " Canada froze assets.\n").encode(),
        shows=LEAD,
    ),
    Case(
        "nested lists.md",
        ("# Nested lists\n\n" + LEAD + "\n\n" + _nested_lists(500) + "\n").encode(),
        shows=LEAD,
    ),
    Case(
        "nested brackets.md",
        ("# Brackets\n\n" + LEAD + " " + "[" * 5000 + "x" + "](" * 3000 + "\n").encode(),
        shows=LEAD,
    ),
)

CASES_BY_NAME = {case.name: case for case in FILE_CASES}
HUGE_BYTES = 50 * 1024 * 1024


def write_corpus(folder: Path) -> dict[str, Path]:
    """Every case as a file in ``folder`` (plus a symlink loop), by case name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for case in FILE_CASES:
        path = folder / case.name
        if case.name == "too large.txt":
            with path.open("wb") as handle:
                line = (LEAD + "\n").encode()
                chunk = line * (1024 * 1024 // len(line))
                while handle.tell() < HUGE_BYTES:
                    handle.write(chunk)
        else:
            path.write_bytes(case.data)
        paths[case.name] = path
    # A directory that contains itself, and one that points back to its parent: an import of
    # the folder must visit each directory once.
    loop = folder / "loop"
    loop.mkdir()
    (loop / "itself").symlink_to(".", target_is_directory=True)
    (loop / "parent").symlink_to("..", target_is_directory=True)
    return paths
