#!/usr/bin/env python3
"""Run the benchmarks and print docs/PERFORMANCE.md's tables (Markdown) with the machine they ran on.

    python3 scripts/bench_tables.py [--parts engine,wasm,h2h,startup,ui,size] [--sizes 100,1000,10000,100000]
                                    [--dist build/web/dist] [--min-time 1.0]

Expects the generated data (python3 bench/generate_policies.py) and the benchmark builds:
    build/bench-native  (cmake -DPORTAL_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release; bench_engine, bench_steps)
    build/bench-web     (cmake --preset web -B build/bench-web -DPORTAL_BUILD_BENCH=ON; bench_steps, jsonlogic_batch,
                         empty_app)
The figures are printed, never checked: benchmarks are not tests. Each part takes from seconds (size) to several
minutes (engine and wasm at 100,000 policies).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "build" / "bench"
NODE = ["node", "--no-experimental-fetch", "--stack-size=4000"]
STEPS = ["load+validate", "search index", "evaluate (empty)", "evaluate (partial)", "evaluate (full)",
         "search keystroke (zh)", "search keystroke (en)", "search keystroke (l)", "next question", "best bundle",
         "app: start", "app: keystroke", "app: typing"]


def run_json_lines(cmd: list[str], env: dict | None = None) -> list[dict]:
    print(f"$ {' '.join(map(str, cmd))}", file=sys.stderr, flush=True)
    out = subprocess.run(cmd, cwd=REPO, env=env, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def machine() -> str:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next((l.split(":", 1)[1].strip() for l in lscpu.splitlines() if l.startswith("Model name")), "?")
    memory_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    load = os.getloadavg()
    return (f"{os.cpu_count()} CPUs ({model}), {memory_kb / 1024 / 1024:.1f} GiB RAM, {platform.system()} "
            f"{platform.release()}; load average at the start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def files(sizes: list[int]) -> list[str]:
    paths = [DATA / f"policies-{n}.json" for n in sizes]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        sys.exit(f"missing {', '.join(missing)}: run python3 bench/generate_policies.py")
    return [str(p) for p in paths]


def figure(value: float, unit: str) -> str:
    """Three significant digits without exponents: 0.0215 ms, 4.62 ms, 187 ms, 2,770 ms."""
    if value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.3g} {unit}"


def step_table(rows: dict[tuple[int, str], float], memory: dict[int, str], sizes: list[int], unit: str) -> None:
    print("| step | " + " | ".join(f"{n:,}" for n in sizes) + f" | per policy, {sizes[-1]:,} vs {sizes[1]:,} |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for step in STEPS:
        cells = [rows.get((n, step)) for n in sizes]
        growth = ""
        if len(sizes) > 2 and cells[1] and cells[-1]:
            growth = f"{(cells[-1] / sizes[-1]) / (cells[1] / sizes[1]):.2f}x"
        print(f"| {step} | " + " | ".join("–" if c is None else figure(c, unit) for c in cells) + f" | {growth} |")
    print("| memory | " + " | ".join(memory.get(n, "–") for n in sizes) + " | |")


def engine_native(sizes: list[int], min_time: float) -> None:
    binary = REPO / "build" / "bench-native" / "bench" / "bench_engine"
    out = REPO / "build" / "bench" / "bench_engine.json"
    print(f"$ {binary} ... --benchmark_out={out}", file=sys.stderr, flush=True)
    subprocess.run([str(binary), "--min-time", str(min_time), "--benchmark_out_format=json", f"--benchmark_out={out}",
                    "--profiles", str(DATA / "profiles.json"), *files(sizes)], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    results = json.loads(out.read_text())["benchmarks"]
    names = {s: s.replace("+", "_").replace(": ", "_").replace(" (", "_").replace(")", "").replace(" ", "_") for s in STEPS}
    rows, peaks, rss = {}, {}, {}
    for r in results:
        name, file = r["name"].split("/", 1)
        n = int(file.split("-")[1].split(".")[0])
        step = next(s for s, ident in names.items() if ident == name)
        rows[(n, step)] = r["real_time"]
        peaks[(n, step)] = r["peak_heap_MB"]
        rss[n] = max(rss.get(n, 0), r["rss_MB"])
    print("\n### Engine, native (Google Benchmark, g++ -O3), milliseconds\n")
    step_table(rows, {n: f"peak RSS {rss[n]:.0f} MB" for n in rss}, sizes, "ms")
    print("\nPeak heap of each step above what was live before it (MB):\n")
    step_table(peaks, {}, sizes, "MB")


def engine_wasm(sizes: list[int], min_time: float) -> None:
    script = REPO / "build" / "bench-web" / "bench" / "bench_steps.js"
    lines = run_json_lines([*NODE, str(script), "--json", "--min-time", str(min_time), "--profiles",
                            str(DATA / "profiles.json"), *files(sizes)])
    rows = {(l["policies"], l["step"]): l["median_ms"] for l in lines if "median_ms" in l}
    memory = {l["policies"]: f"set {l['set_mb']:.1f} MB, index {l['index_mb']:.1f} MB, wasm memory {l['process_peak_mb']:.0f} MB"
              for l in lines if l["step"] == "memory"}
    print("\n### Engine, wasm under node (the web build's flags, median of the timing loop), milliseconds\n")
    step_table(rows, memory, sizes, "ms")


def head_to_head() -> None:
    print("\n### Head-to-head with json-logic-js 2.0.5 (node, same process)\n")
    print("| data | rules, order | rules × data | ours (wasm) | json-logic-js | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    runs = [["--policies", str(DATA / "policies-10000.json")], ["--policies", str(DATA / "policies-1000.json")],
            ["--policies", str(REPO / "assets" / "policies" / "shangyu.json"), "--profiles", "examples"]]
    for extra in runs:
        for row in run_json_lines([*NODE, str(REPO / "bench" / "head_to_head.mjs"), "--json", *extra]):
            print(f"| {row['file']} | {row['subset']} | {row['rules']:,} × {row['data']} | "
                  f"{row['wasmPerSecond'] / 1e6:.2f} M/s | {row['jsPerSecond'] / 1e6:.2f} M/s | {row['ratio']:.2f}x |")


def startup(dist: str) -> None:
    row = run_json_lines(["node", str(REPO / "bench" / "startup.mjs"), "--json", "--dist", dist])[0]
    print("\n### Startup (navigation to first frame, headless Chromium, median of 5)\n")
    print("| page | ready | files in | module | portal_start | first frame | WebGL contexts | every run |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, key in (("empty ImGui app, same flags", "empty"), ("portal (index.html)", "portal"),
                      ("booth (kiosk.html, 1920×1080)", "booth")):
        s = row[key]
        print(f"| {name} | {s['ready']:.0f} ms | {s['downloaded']:.0f} ms | {s['module']:.0f} ms | {s['start']:.0f} ms | "
              f"{s['firstFrame']:.0f} ms | {s['contexts']} in {s['contextMs']:.0f} ms | {', '.join(map(str, s['all']))} |")
    print(f"\nRatio portal / empty app: **{row['ratio']:.2f}x** (aim: at most 1.3x); booth / empty app: "
          f"{row['boothRatio']:.2f}x")


def ui(dist: str) -> None:
    rows = run_json_lines(["node", str(REPO / "bench" / "ui_scale.mjs"), "--json", "--dist", dist,
                           "--policies", str(DATA / "policies-10000.json")])
    print("\n### UI at scale (headless Chromium, 1366×768)\n")
    print("| data | ready | state() | frame (app only) | cards built (top / scrolled) | scroll frame (app only) | "
          "keystroke frames to screen | keystroke frame (app only), median / max |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        to_screen = sorted({k["framesToScreen"] for k in r["keystrokes"]})
        print(f"| {r['label']} ({r['policies']:,}) | {r['ready']:.0f} ms | {r['stateMs']:.1f} ms | "
              f"{r['frame']['total']['median']:.1f} ms ({r['frame']['app']['median']:.1f}) | "
              f"{r['cardsAtTop']['drawn']} / {r['cardsAfterScroll']['drawn']} | "
              f"{r['scroll']['total']['median']:.1f} ms ({r['scroll']['app']['median']:.1f}) | "
              f"{', '.join(map(str, to_screen))} | "
              f"{r['keystrokeFrames']['total']['median']:.0f} / {r['keystrokeFrames']['total']['max']:.0f} ms "
              f"({r['keystrokeFrames']['app']['median']:.1f} / {r['keystrokeFrames']['app']['max']:.1f}) |")


def size(dist: str) -> None:
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "size_budget.py"), dist, "--json"], cwd=REPO,
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    for page, entry in report["pages"].items():
        where = Path(dist).relative_to(REPO) if Path(dist).is_absolute() else dist
        print(f"\n### First-visit transfer size: {page} ({where})\n")
        print("| file | raw | gzip -9 | brotli -q 11 |")
        print("|---|---:|---:|---:|")
        for f in entry["files"]:
            print(f"| {f['file']} | {f['raw'] / 1000:.1f} KB | {f['gzip'] / 1000:.1f} KB | {f['brotli'] / 1000:.1f} KB |")
        total = {k: sum(f[k] for f in entry["files"]) for k in ("raw", "gzip", "brotli")}
        print(f"| **total** | {total['raw'] / 1000:.1f} KB | {total['gzip'] / 1000:.1f} KB | **{total['brotli'] / 1000:.1f} KB** |")
        print(f"\nBudget {entry['budget'] / 1000:.0f} KB brotli: {'within' if total['brotli'] <= entry['budget'] else 'OVER'}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", default="engine,wasm,h2h,startup,ui,size")
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--dist", default=str(REPO / "build" / "web" / "dist"))
    parser.add_argument("--min-time", type=float, default=1.0)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    parts = args.parts.split(",")
    print(f"Machine: {machine()}\n")
    if "engine" in parts:
        engine_native(sizes, args.min_time / 2)
    if "wasm" in parts:
        engine_wasm(sizes, args.min_time)
    if "h2h" in parts:
        head_to_head()
    if "startup" in parts:
        startup(args.dist)
    if "ui" in parts:
        ui(args.dist)
    if "size" in parts:
        size(args.dist)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
