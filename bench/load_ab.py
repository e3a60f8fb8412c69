#!/usr/bin/env python3
"""Load+validate of two builds in one run: alternating rounds, medians printed side by side.

    python3 bench/load_ab.py --before DIR --after DIR [--rounds 5] [--min-time 0.5] FILE...

DIR holds a bench_steps binary (native) or bench_steps.js + .wasm (run under node). Each round runs
`bench_steps --only load+validate` of the before build, then of the after build, on every file; the medians of the
rounds' medians are printed, with the ratio and each side's peak heap during the load (counted, so the same in
every round). Alternating rounds let both builds share the machine's load, which on a shared machine matters more
than either absolute figure.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

NODE = ["node", "--no-experimental-fetch", "--stack-size=4000"]


def command(build: Path) -> list[str]:
    if (build / "bench_steps.js").exists():
        return [*NODE, str(build / "bench_steps.js")]
    if (build / "bench_steps").exists():
        return [str(build / "bench_steps")]
    sys.exit(f"no bench_steps or bench_steps.js in {build}")


def run(build: Path, files: list[str], profiles: str, min_time: float) -> dict[str, dict]:
    cmd = [*command(build), "--json", "--only", "load+validate", "--min-time", str(min_time), "--profiles", profiles,
           *files]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    by_file: dict[str, dict] = {}
    loads = [r for r in rows if r["step"] == "load+validate"]
    memory = [r for r in rows if r["step"] == "memory"]
    for file, load, mem in zip(files, loads, memory):
        by_file[file] = {"ms": load["median_ms"], "heap": load["peak_heap_mb"], "file_mb": mem["file_mb"]}
    return by_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.5)
    parser.add_argument("--profiles", default="build/bench/profiles.json")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    samples = {side: {f: [] for f in args.files} for side in ("before", "after")}
    last: dict[str, dict] = {}
    for round_number in range(args.rounds):
        for side, build in (("before", args.before), ("after", args.after)):
            result = run(build, args.files, args.profiles, args.min_time)
            for file in args.files:
                samples[side][file].append(result[file]["ms"])
                last[side + file] = result[file]
        print(f"round {round_number + 1}/{args.rounds} done", file=sys.stderr, flush=True)

    print(f"load+validate, median of {args.rounds} alternating rounds ({args.before} vs {args.after})")
    print("| file | MB | before | after | after/before | peak heap before | peak heap after |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for file in args.files:
        before = statistics.median(samples["before"][file])
        after = statistics.median(samples["after"][file])
        b, a = last["before" + file], last["after" + file]
        print(f"| {Path(file).name} | {a['file_mb']:.1f} | {before:,.0f} ms | {after:,.0f} ms | {after / before:.2f}x | "
              f"{b['heap']:,.0f} MB ({b['heap'] / b['file_mb']:.1f}x file) | "
              f"{a['heap']:,.0f} MB ({a['heap'] / a['file_mb']:.1f}x file) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
