#!/usr/bin/env python3
"""The transfer-size budget of a first visit (docs/PERFORMANCE.md).

    python3 scripts/size_budget.py [DIST] [--budget-kb 500] [--json]

Prints the raw, gzip (-9) and brotli (-q 11) size of every file a first visit downloads, and exits 1 when the
brotli total exceeds the budget (500 KB = 500,000 bytes, font and data included), 2 when DIST is unusable.

A first visit downloads the page, everything the page itself references (stylesheet, scripts, icon, manifest),
and what the loader fetches before the first frame (the app's JS and wasm, the policy data, the font). The
service worker (sw.js) and what it caches later, and the single-file offline page, are not part of it. The
page's references are read from index.html, so a script added there is counted without editing this file.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIST = REPO / "build" / "web" / "dist"
BUDGET_KB = 500

# Fetched by shell/portal-loader.js before the first frame (FILES, and loadScript('app.js')).
LOADER_FETCHES = ["app.js", "app.wasm", "policies.json", "portal-font.ttf"]
# Not counted: jsonlogic-tests.json, fetched only when staff open the kiosk's self-test (finish_dist.py LAZY).

# <script src>, <link href> (stylesheet, icon, manifest) and <img src> of the page; not <a href> (navigation).
REFERENCE = re.compile(r"<(?:script|img)\b[^>]*\bsrc=\"([^\"]+)\"|<link\b[^>]*\bhref=\"([^\"]+)\"", re.I)


def page_references(index_html: str) -> list[str]:
    names = []
    for match in REFERENCE.finditer(index_html):
        target = match.group(1) or match.group(2)
        if re.match(r"^[a-z]+:", target, re.I) or target.startswith("//"):
            continue  # another origin or a data: URL: nothing to download from the site
        names.append(target.split("?")[0].split("#")[0].lstrip("./"))
    return names


def first_visit_files(dist: Path) -> list[str]:
    names = ["index.html"]
    for name in page_references((dist / "index.html").read_text(encoding="utf-8")) + LOADER_FETCHES:
        if name not in names:
            names.append(name)
    return names


def brotli_size(data: bytes) -> int:
    """Debian's brotli CLI at its best quality (what a static host's precompression would use)."""
    if shutil.which("brotli"):
        result = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True)
        return len(result.stdout)
    try:
        import brotli  # python3-brotli, for Debian's /usr/bin/python3
    except ImportError:
        sys.exit("size_budget: neither the brotli CLI nor python3-brotli is installed (apt-get install brotli)")
    return len(brotli.compress(data, quality=11))


def measure(dist: Path, names: list[str]) -> list[dict]:
    rows = []
    for name in names:
        data = (dist / name).read_bytes()
        rows.append({"file": name, "raw": len(data), "gzip": len(gzip.compress(data, 9, mtime=0)),
                     "brotli": brotli_size(data)})
    return rows


def kb(size: int) -> str:
    return f"{size / 1000:8.1f}"


def print_table(rows: list[dict], budget: int) -> None:
    print(f"{'file':<24}{'raw KB':>10}{'gzip KB':>10}{'brotli KB':>11}")
    for row in rows:
        print(f"{row['file']:<24}{kb(row['raw']):>10}{kb(row['gzip']):>10}{kb(row['brotli']):>11}")
    total = {key: sum(r[key] for r in rows) for key in ("raw", "gzip", "brotli")}
    print(f"{'total (first visit)':<24}{kb(total['raw']):>10}{kb(total['gzip']):>10}{kb(total['brotli']):>11}")
    verdict = "within" if total["brotli"] <= budget else "OVER"
    print(f"brotli total {total['brotli'] / 1000:.1f} KB: {verdict} the {budget / 1000:.0f} KB budget "
          f"({(budget - total['brotli']) / 1000:+.1f} KB to spare)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dist", nargs="?", type=Path, default=DEFAULT_DIST)
    parser.add_argument("--budget-kb", type=float, default=BUDGET_KB)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON instead of a table")
    args = parser.parse_args(argv)

    dist = args.dist.resolve()
    if not (dist / "index.html").is_file():
        print(f"size_budget: no index.html in {dist} (build it: python3 scripts/build.py web)", file=sys.stderr)
        return 2
    names = first_visit_files(dist)
    missing = [name for name in names if not (dist / name).is_file()]
    if missing:
        print(f"size_budget: the first visit needs files that {dist} lacks: {', '.join(missing)}", file=sys.stderr)
        return 2
    rows = measure(dist, names)
    budget = int(args.budget_kb * 1000)
    if args.json:
        print(json.dumps({"dist": str(dist), "budget": budget, "files": rows}, indent=1))
    else:
        print_table(rows, budget)
    return 0 if sum(r["brotli"] for r in rows) <= budget else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
