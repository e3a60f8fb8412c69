#!/usr/bin/env python3
"""Run every test of the portal and print one summary.

    python3 tests/run_all.py [--skip-e2e] [--skip-wasm] [--skip-sanitize] [--skip-fuzz]

Installs what the tests need (Debian's chromium and clang, the npm packages pinned in package-lock.json), then:
  1. native:   builds core, tools, UI and their suites; runs them through ctest (doctest, policyctl, headless UI)
  +  schema:   the data file's JSON Schema (ajv) and policyctl validate judge the same files alike
  2. sanitize: the native suites again under AddressSanitizer + UndefinedBehaviorSanitizer
  3. wasm:     the same core suites compiled to WebAssembly, run under node through ctest
  +  fuzz:     the libFuzzer targets of tests/fuzz (clang-14), 25 s each from their seed corpora
  4. e2e:      the release bundle in headless Chromium (playwright-core), tests/e2e/*.test.mjs
Exits non-zero when anything fails. The last line reads `N passed, M failed`.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
import build  # noqa: E402
import deps  # noqa: E402


@dataclass
class Stage:
    name: str
    passed: int = 0
    failed: int = 0
    seconds: float = 0.0
    note: str = ""


def run_logged(cmd: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    """Runs a command, echoing its output live, and returns (exit code, output)."""
    print("$ " + " ".join(cmd), flush=True)
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            errors="replace")
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        sys.stdout.write(line)
        lines.append(line)
    sys.stdout.flush()
    return proc.wait(), "".join(lines)


def built_stage(name: str, preset: str, target: str | None, run) -> Stage:
    """Builds `target` of `preset`, then runs the stage's tests: run() returns (passed, failed, note). A failed
    build counts as one failure, and the stage is timed as a whole."""
    stage = Stage(name)
    start = time.monotonic()
    try:
        build.build(preset, target)
    except subprocess.CalledProcessError as err:
        stage.failed, stage.note = 1, f"build failed (exit {err.returncode})"
    else:
        stage.passed, stage.failed, stage.note = run()
    stage.seconds = time.monotonic() - start
    return stage


def count_or_fail(passed: int, failed: int, code: int, what: str) -> tuple[int, int, str]:
    """A tool that exited non-zero without reporting a failure still fails; so does one that ran nothing."""
    if code != 0 and failed == 0:
        return passed, 1, f"{what} exited {code}"
    if passed + failed == 0:
        return 0, 1, f"{what} ran no tests"
    return passed, failed, ""


def ctest_stage(name: str, preset: str) -> Stage:
    def run() -> tuple[int, int, str]:
        code, out = run_logged(["ctest", "--preset", preset, "-j", build.JOBS], env=deps.emscripten_env())
        match = re.search(r"(\d+)% tests passed, (\d+) tests? failed out of (\d+)", out)
        failed = int(match.group(2)) if match else 0
        passed = int(match.group(3)) - failed if match else 0
        return count_or_fail(passed, failed, code, "ctest")
    return built_stage(name, preset, None, run)


def fuzz_stage(seconds: int = 25) -> Stage:
    """Builds the libFuzzer targets (fuzz preset) and runs each for a bounded time; see tests/fuzz/run.py."""
    def run() -> tuple[int, int, str]:
        code, out = run_logged([sys.executable, "tests/fuzz/run.py", "--seconds", str(seconds)])
        match = re.search(r"^fuzz: (\d+) passed, (\d+) failed", out, re.M)
        passed, failed = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        return count_or_fail(passed, failed, code, "tests/fuzz/run.py")
    return built_stage("fuzz (libFuzzer, ASan+UBSan)", "fuzz", "portal_fuzzers", run)


def e2e_stage() -> Stage:
    def run() -> tuple[int, int, str]:
        tests = sorted(str(p.relative_to(REPO)) for p in (REPO / "tests" / "e2e").glob("*.test.mjs"))
        env = dict(os.environ, PORTAL_DIST=str(REPO / "build" / "web" / "dist"))
        code, out = run_logged(["node", "--test", "--test-concurrency=1", *tests], env=env)
        passed = re.search(r"^# pass (\d+)", out, re.M)
        failed = re.search(r"^# fail (\d+)", out, re.M)
        return count_or_fail(int(passed.group(1)) if passed else 0, int(failed.group(1)) if failed else 0,
                             code, "node --test")
    return built_stage("e2e (chromium)", "web", "web_dist", run)


def schema_stage() -> Stage:
    """The data file's JSON Schema (ajv) against `policyctl validate`, file by file (tests/tools/test_schema.py)."""
    def run() -> tuple[int, int, str]:
        env = dict(os.environ, POLICYCTL=str(build.build_dir("native") / "src" / "tools" / "policyctl"))
        code, out = run_logged([sys.executable, "tests/tools/test_schema.py"], env=env)
        passed = len(re.findall(r"^ok  ", out, re.M))
        failed = len(re.findall(r"^FAIL ", out, re.M))
        return count_or_fail(passed, failed, code, "tests/tools/test_schema.py")
    return built_stage("schema (ajv vs policyctl)", "native", "policyctl", run)


def budgets_stage() -> Stage:
    """The first visit's transfer size against its budget (scripts/size_budget.py, docs/PERFORMANCE.md)."""
    def run() -> tuple[int, int, str]:
        code, _ = run_logged([sys.executable, str(REPO / "scripts" / "size_budget.py"),
                              str(REPO / "build" / "web" / "dist")])
        if code == 0:
            return 1, 0, ""
        return 0, 1, "over budget" if code == 1 else f"size_budget.py exited {code}"
    return built_stage("size budget (brotli)", "web", "web_dist", run)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-e2e", action="store_true")
    ap.add_argument("--skip-wasm", action="store_true")
    ap.add_argument("--skip-sanitize", action="store_true")
    ap.add_argument("--skip-fuzz", action="store_true")
    args = ap.parse_args()

    deps.ensure_packages(deps.BUILD_PACKAGES + deps.TEST_PACKAGES)
    deps.ensure_npm_packages()

    stages = [ctest_stage("native (ctest)", "native"), schema_stage()]
    if not args.skip_sanitize:
        stages.append(ctest_stage("sanitize (ctest, ASan+UBSan)", "sanitize"))
    if not args.skip_fuzz:
        stages.append(fuzz_stage())
    if not args.skip_wasm:
        stages.append(ctest_stage("wasm (ctest under node)", "web"))
    if not args.skip_e2e:
        stages.append(e2e_stage())
    stages.append(budgets_stage())

    print("\n=== Summary ===")
    for s in stages:
        status = "ok  " if s.failed == 0 else "FAIL"
        note = f"  ({s.note})" if s.note else ""
        print(f"{status} {s.name:<32} {s.passed:4d} passed, {s.failed:3d} failed  {s.seconds:6.1f}s{note}")
    total_passed = sum(s.passed for s in stages)
    total_failed = sum(s.failed for s in stages)
    print(f"{total_passed} passed, {total_failed} failed")
    return 0 if total_failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
