#!/usr/bin/env python3
"""Run the libFuzzer targets of tests/fuzz for a bounded time each, starting from the committed seed corpora.

    python3 tests/fuzz/run.py [--build] [--seconds 25] [--only load,rule,fragment]

--build first builds them (`cmake --preset fuzz`, clang-14, ASan + UBSan + libFuzzer, in build/fuzz).
New inputs found are kept in build/fuzz/corpus/<target>/ (not tracked), so repeated or long runs build on each
other; a crash or a broken property is saved in build/fuzz/artifacts/ and fails the run. Reproduce one with
`build/fuzz/tests/fuzz/<target> build/fuzz/artifacts/<file>`. The last line reads `fuzz: N passed, M failed`.
Longer runs: docs/SECURITY.md.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BUILD = REPO / "build" / "fuzz"


@dataclass(frozen=True)
class Target:
    name: str       # short name used on the command line
    binary: str
    seeds: str      # folder under tests/fuzz/corpus
    dictionary: str
    max_len: int    # bytes: big enough for the largest seed and for inputs just over the decoders' limits


TARGETS = [
    Target("load", "fuzz_load_policy", "load", "policy.dict", 24576),
    Target("rule", "fuzz_rule", "rule", "policy.dict", 4096),
    Target("fragment", "fuzz_fragment", "fragment", "fragment.dict", 9000),
]


def build_targets() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    import build  # noqa: E402  (scripts/build.py: packages, configure once, build)
    build.build("fuzz", "portal_fuzzers")


def final_stats(output: str) -> dict[str, int]:
    stats = {key: int(value) for key, value in re.findall(r"^stat::(\w+):\s+(\d+)", output, re.M)}
    coverage = re.findall(r"\bcov: (\d+) ft: (\d+) corp: (\d+)", output)
    if coverage:
        stats["cov"], stats["ft"], stats["corpus"] = map(int, coverage[-1])
    return stats


def run_target(target: Target, seconds: int) -> bool:
    work = BUILD / "corpus" / target.name
    artifacts = BUILD / "artifacts"
    work.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    cmd = [str(BUILD / "tests" / "fuzz" / target.binary),
           f"-max_total_time={seconds}", "-timeout=10", "-rss_limit_mb=2048", f"-max_len={target.max_len}",
           f"-dict={HERE / target.dictionary}", f"-artifact_prefix={artifacts}/{target.name}-",
           "-print_final_stats=1", str(work), str(HERE / "corpus" / target.seeds)]
    print("$ " + " ".join(cmd), flush=True)
    try:
        proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              errors="replace", timeout=seconds + 120)
        output, code = proc.stdout, proc.returncode
    except subprocess.TimeoutExpired as err:
        output, code = (err.stdout or "") if isinstance(err.stdout, str) else "", -1
    stats = final_stats(output)
    runs = stats.get("number_of_executed_units", 0)
    summary = (f"{target.binary}: {runs} runs in {seconds} s ({stats.get('average_exec_per_sec', 0)}/s), "
               f"coverage {stats.get('cov', 0)} edges / {stats.get('ft', 0)} features, "
               f"corpus {stats.get('corpus', 0)} (+{stats.get('new_units_added', 0)} new), "
               f"peak RSS {stats.get('peak_rss_mb', 0)} MB")
    if code == 0:
        print("ok   " + summary, flush=True)
        return True
    tail = "\n".join(output.splitlines()[-60:])
    print(f"{tail}\nFAIL {summary} (exit {code}; the input is in {artifacts})", flush=True)
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", action="store_true", help="build the targets first (fuzz preset)")
    ap.add_argument("--seconds", type=int, default=25, help="time per target (default 25)")
    ap.add_argument("--only", default="", help="comma-separated subset of: " + ",".join(t.name for t in TARGETS))
    args = ap.parse_args()
    if args.build:
        build_targets()
    wanted = [name for name in args.only.split(",") if name]
    chosen = [t for t in TARGETS if not wanted or t.name in wanted]
    results = [run_target(target, args.seconds) for target in chosen]
    passed = sum(results)
    print(f"fuzz: {passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
