#!/usr/bin/env python3
"""docs/POLICY-FORMAT.md against what it describes: the shared format text, the loader and the JSON Schema.

Fails when
1. a name in backticks in the shared text (or a key of its JSON examples) does not occur in our page;
2. a field the loader reads (the key lists of `Fields` in src/core) does not occur in our page, or the loader's
   fields and the schema's properties are not the same set;
3. the lint codes of the core (kLintCodes), of the schema and of our page's lint table differ.

The shared text lives outside the repository: PORTAL_SHARED_CONTRACT names it, else it is looked for as
shared/POLICY-FORMAT.md beside the repository or one level further up (where the project's checkouts keep it).
Its names are also kept in tests/data/shared-format-names.txt, so a checkout without the shared text still
checks our page against them; where the shared text is found, the kept list must match it (rerun with
--update-names after the shared text changed, then bring our page in step).
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
OURS = REPO / "docs" / "POLICY-FORMAT.md"
SCHEMA = REPO / "assets" / "policies" / "policy-portal-1.schema.json"
CORE = REPO / "src" / "core"
KEPT_NAMES = REPO / "tests" / "data" / "shared-format-names.txt"

IDENTIFIER = re.compile(r"^[$a-z_][a-z0-9_]*$")
JSON_KEY = re.compile(r'"([$a-z_][a-z0-9_]*)"\s*:')
WORD = re.compile(r"[$a-z_][a-z0-9_-]*")  # hyphenated names (lint codes) stay whole


def shared_contract() -> Path | None:
    """The shared text, or None to use the kept names (also when PORTAL_SHARED_CONTRACT is set but empty)."""
    named = os.environ.get("PORTAL_SHARED_CONTRACT")
    if named is not None:
        if named and not Path(named).is_file():
            raise SystemExit(f"PORTAL_SHARED_CONTRACT={named}: no such file")
        return Path(named) if named else None
    for base in (REPO.parent, REPO.parent.parent):
        candidate = base / "shared" / "POLICY-FORMAT.md"
        if candidate.is_file():
            return candidate
    return None


def fenced_blocks(text: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", text, re.M | re.S)


def names_defined(text: str) -> set[str]:
    """Identifiers a page names: whole backtick spans that are identifiers, plus keys of its JSON examples
    (fenced blocks and JSON written inline in backticks)."""
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))
    names = {span for span in spans if IDENTIFIER.match(span)}
    for block in fenced_blocks(text) + spans:
        names.update(JSON_KEY.findall(block))
    return names


def names_mentioned(text: str) -> set[str]:
    """Every identifier-like word inside backticks or fenced blocks of a page (where our page names things)."""
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))
    words: set[str] = set()
    for chunk in spans + fenced_blocks(text):
        words.update(WORD.findall(chunk))
    return words


def loader_fields() -> set[str]:
    fields: set[str] = set()
    for source in sorted(CORE.rglob("*.cpp")):
        text = source.read_text(encoding="utf-8")
        for match in re.finditer(r"\bFields\s+\w+\s*\([^;{]*\{((?:\s*\"[^\"]*\"\s*,?)+)\}\s*\)", text):
            fields.update(re.findall(r'"([^"]*)"', match.group(1)))
    return fields


def schema_properties(node) -> set[str]:
    """Property names the schema defines; `if` and `not` only test properties defined elsewhere, so they do
    not count."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("if", "not"):
                continue
            if key == "properties" and isinstance(value, dict):
                found.update(value.keys())
            found |= schema_properties(value)
    elif isinstance(node, list):
        for value in node:
            found |= schema_properties(value)
    return found


def core_lint_codes() -> set[str]:
    for source in sorted(CORE.rglob("*.[ch]pp")):
        match = re.search(r"kLintCodes\[\]\s*=\s*\{([^}]*)\}", source.read_text(encoding="utf-8"))
        if match:
            return set(re.findall(r'"([^"]+)"', match.group(1)))
    return set()


def doc_lint_codes(text: str) -> set[str]:
    section = text.split("### `policyctl lint`", 1)[-1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z-]+)` \|", section, re.M))


def main() -> int:
    ours = OURS.read_text(encoding="utf-8")
    mentioned = names_mentioned(ours)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    problems: list[str] = []

    kept = set(KEPT_NAMES.read_text(encoding="utf-8").split())
    shared_path = shared_contract()
    if shared_path is None:
        print(f"1. shared format text not found (PORTAL_SHARED_CONTRACT): using the {len(kept)} names kept in "
              f"{KEPT_NAMES.relative_to(REPO)}")
        shared = kept
    else:
        shared = names_defined(shared_path.read_text(encoding="utf-8"))
        if "--update-names" in sys.argv:
            KEPT_NAMES.write_text("\n".join(sorted(shared)) + "\n", encoding="utf-8")
            kept = shared
        if kept != shared:
            problems.append(f"{KEPT_NAMES.relative_to(REPO)} is not the list of {shared_path}: added "
                            f"{sorted(shared - kept)}, gone {sorted(kept - shared)} (rerun with --update-names)")
    missing = sorted(shared - mentioned)
    problems += [f"the shared format names `{name}`, docs/POLICY-FORMAT.md does not" for name in missing]
    print(f"1. {len(shared)} names of the shared format: {len(shared) - len(missing)} in docs/POLICY-FORMAT.md")

    loader = loader_fields()
    if len(loader) < 40:
        problems.append(f"found only {len(loader)} loader fields in src/core: has the Fields reader changed?")
    props = schema_properties(schema)
    problems += [f"the loader reads `{name}`, docs/POLICY-FORMAT.md does not name it" for name in sorted(loader - mentioned)]
    problems += [f"the loader reads `{name}`, the schema has no such property" for name in sorted(loader - props)]
    problems += [f"the schema has property `{name}`, the loader does not read it" for name in sorted(props - loader)]
    print(f"2. {len(loader)} loader fields, {len(props)} schema properties")

    codes = core_lint_codes()
    schema_codes = set(schema["definitions"]["lint_accept"]["items"]["properties"]["code"]["enum"])
    table = doc_lint_codes(ours)
    if not codes:
        problems.append("kLintCodes not found in src/core")
    if not (codes == schema_codes == table):
        problems.append(f"lint codes differ: core {sorted(codes)}, schema {sorted(schema_codes)}, page {sorted(table)}")
    print(f"3. lint codes: core {len(codes)}, schema {len(schema_codes)}, page {len(table)}")

    for problem in problems:
        print("FAIL " + problem)
    print(f"contract page: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
