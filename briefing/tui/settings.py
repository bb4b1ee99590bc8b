"""The reader's remembered preferences: a small JSON file next to the library."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

SETTINGS_FILE = "settings.json"


@dataclass(slots=True)
class Settings:
    theme: str | None = None

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        """Read the settings; a missing or damaged file gives the defaults (it is a preference)."""
        try:
            data = json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        theme = data.get("theme") if isinstance(data, dict) else None
        return cls(theme=theme if isinstance(theme, str) else None)

    def save(self, data_dir: Path) -> bool:
        """Write atomically (temp file + rename); False where the data dir is not writable."""
        target = data_dir / SETTINGS_FILE
        temporary = target.with_suffix(".tmp")
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
            os.replace(temporary, target)
        except OSError:
            return False
        return True
