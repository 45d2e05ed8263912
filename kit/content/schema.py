"""JSON Schema of each library file kind, from the same models the loader uses."""

from __future__ import annotations

import json
from pathlib import Path

from kit.content.models import FILE_KINDS

# Which files each schema describes, for editors' yaml.schemas settings.
GLOBS = {
    "audiences": "audiences.yaml",
    "nations": "nations.yaml",
    "links": "links.yaml",
    "lint": "lint.yaml",
    "modules": "modules/*.yaml",
    "questions": "questions/*.yaml",
    "plans": "plans/*.yaml",
}


def schema_for(kind: str) -> dict:
    """Return the JSON Schema for files of KIND."""
    schema = FILE_KINDS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Safer Sessions Kit {kind} file ({GLOBS[kind]})"
    return schema


def write_schemas(out: Path) -> list[Path]:
    """Write one `<kind>.schema.json` per file kind into OUT; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILE_KINDS:
        path = out / f"{kind}.schema.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
