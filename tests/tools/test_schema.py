#!/usr/bin/env python3
"""The JSON Schema (assets/policies/policy-portal-1.schema.json, checked with ajv) against `policyctl validate`.

Editors check a policy file with the schema; the portal and the authors' tool check it with policyctl. The two
must not tell an author different things, so every file below is judged by both:

- policyctl's verdict is *clean* (exit 0, no diagnostic at all), *warnings* (exit 0) or *errors* (exit 1). The
  schema refuses what policyctl only warns about (an unknown field, a bidirectional control, options on a number
  question ...), so it is compared with *clean*;
- the schema's verdict is *valid*, *invalid*, or *unparsed* when JavaScript's JSON.parse refuses the text.

Files and what must hold:
- the bundled data and the policy files in tests/data:    schema valid  == policyctl clean (and both say yes);
- tests/data/schema/ok-*.json:                            both accept;
- tests/data/schema/bad-*.json:                           both refuse;
- tests/data/schema/policyctl-only-*.json:                policyctl finds errors the schema cannot see (what the
  schema cannot check: docs/POLICY-FORMAT.md); the schema accepts the file. If the schema learns to refuse one,
  rename the file to bad-*;
- tests/data/schema/not-json-*.json:                      unparsed, and policyctl is not clean;
- the fuzzers' seed policy files (tests/fuzz/corpus/load): where the schema refuses, policyctl is not clean (a
  schema never stricter than the tool; the other direction is the schema's known blind spots).

Run by tests/run_all.py (its "schema" stage). By hand, after building policyctl:
    python3 tests/tools/test_schema.py        (POLICYCTL=path/to/policyctl to use another build)
Needs node and the npm packages of package-lock.json (ajv, ajv-formats).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
CHECKER = REPO / "tests" / "tools" / "schema_check.mjs"
HOSTILE = REPO / "tests" / "data" / "schema"
CORPUS = REPO / "tests" / "fuzz" / "corpus" / "load"
BUNDLED = [REPO / "assets" / "policies" / "shangyu.json"]
POLICYCTL = os.environ.get("POLICYCTL", str(REPO / "build" / "native" / "src" / "tools" / "policyctl"))
FIXTURES = [REPO / "tests" / "data" / name for name in ("fixture-policies.json", "ui-fixture.json")]


def policyctl_verdict(path: Path) -> tuple[str, str]:
    result = subprocess.run([POLICYCTL, "validate", str(path)], capture_output=True, timeout=60)
    stderr = result.stderr.decode("utf-8", "replace")
    if result.returncode == 0:
        return ("clean" if stderr.strip() == "" else "warnings"), stderr
    if result.returncode == 1:
        return "errors", stderr
    raise RuntimeError(f"policyctl validate {path} exited {result.returncode}: {stderr}")


def schema_verdicts(paths: list[Path]) -> dict[Path, tuple[str, list[str]]]:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed (python3 scripts/deps.py test-packages)")
    if not (REPO / "node_modules" / "ajv").is_dir():
        raise RuntimeError("ajv is not installed: run `npm ci` (or python3 scripts/deps.py test-packages)")
    out = subprocess.run([node, str(CHECKER), *map(str, paths)], capture_output=True, text=True, cwd=REPO,
                         timeout=120, check=True).stdout
    verdicts = {}
    for line in out.splitlines():
        item = json.loads(line)
        verdict = "unparsed" if not item["parsed"] else ("valid" if item["valid"] else "invalid")
        verdicts[Path(item["file"])] = (verdict, item["errors"])
    return verdicts


def expectation(path: Path) -> str:
    if path.parent != HOSTILE:
        return "agree"
    for prefix in ("ok-", "bad-", "policyctl-only-", "not-json-"):
        if path.name.startswith(prefix):
            return prefix.rstrip("-")
    raise RuntimeError(f"{path.name}: a file in {HOSTILE} must start with ok-, bad-, policyctl-only- or not-json-")


def judge(kind: str, schema: str, tool: str) -> str:
    """Empty when the pair of verdicts is what `kind` requires, else what is wrong."""
    accepted = schema == "valid"
    if kind == "agree":
        if schema == "unparsed":
            return "the schema checker cannot parse a file policyctl reads"
        if accepted != (tool == "clean"):
            return "the schema and policyctl disagree"
        return "" if accepted else "bundled data and fixtures must be valid"
    if kind == "ok":
        return "" if accepted and tool == "clean" else "both must accept this file"
    if kind == "bad":
        return "" if schema == "invalid" and tool != "clean" else "both must refuse this file"
    if kind == "policyctl-only":
        return "" if accepted and tool == "errors" else "the schema must accept and policyctl find errors"
    if kind == "not-json":
        return "" if schema == "unparsed" and tool != "clean" else "JSON.parse must refuse and policyctl complain"
    if kind == "corpus":
        return "" if schema != "invalid" or tool != "clean" else "the schema refuses a file policyctl finds clean"
    raise AssertionError(kind)


def main() -> int:
    hostile = sorted(HOSTILE.glob("*.json"))
    corpus = sorted(p for p in CORPUS.iterdir() if p.is_file())
    files = [(p, "agree") for p in BUNDLED + FIXTURES] + [(p, expectation(p)) for p in hostile] + \
            [(p, "corpus") for p in corpus]
    schema = schema_verdicts([p for p, _ in files])
    failures = 0
    counts: dict[str, int] = {}
    for path, kind in files:
        schema_verdict, schema_errors = schema[path]
        tool_verdict, tool_errors = policyctl_verdict(path)
        problem = judge(kind, schema_verdict, tool_verdict)
        shown = path.relative_to(REPO)
        print(f"{'FAIL' if problem else 'ok  '} {kind:<14} schema {schema_verdict:<8} policyctl {tool_verdict:<8} {shown}")
        if problem:
            failures += 1
            print(f"     {problem}")
            for line in schema_errors[:5]:
                print(f"     schema: {line}")
            for line in tool_errors.splitlines()[:5]:
                print(f"     policyctl: {line}")
        else:
            counts[kind] = counts.get(kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    print(f"schema vs policyctl: {len(files)} files checked ({summary}); {failures} disagreements")
    if len(hostile) < 10 or not corpus:
        print("the hostile set or the fuzz corpus is missing")
        return 1
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
