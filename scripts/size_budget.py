#!/usr/bin/env python3
"""The transfer-size budgets of a first visit to each page (docs/PERFORMANCE.md).

    python3 scripts/size_budget.py [DIST] [--visitor-kb 450] [--booth-kb 560] [--json]

Two pages, two budgets: the visitor's index.html (450 KB) and the recruitment-fair booth's kiosk.html (560 KB),
in brotli bytes (1 KB = 1,000 bytes), font and data included. For each it prints the raw, gzip (-9) and brotli
(-q 11) size of every file a first visit downloads. Then it checks that the visitor's wasm has none of the
booth's code (BOOTH_ONLY below), and that the data each page loads is what the build makes from the contract file
(assets/policies/shangyu.json; scripts/finish_dist.py). Exits 1 when a page is over its budget, the visitor's wasm
holds booth code or a page's data is not the contract's, 2 when DIST is unusable.

A first visit downloads the page, everything the page itself references (stylesheet, scripts, icon, manifest),
and what the loader fetches before the first frame (the page's app JS and wasm, its policy data, the font). The
service worker and what it caches later, and the single-file offline pages, are not part of it. The page's
references are read from the page, so a script added there is counted without editing this file.
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
sys.path.insert(0, str(REPO / "scripts"))
from finish_dist import (BOOTH_DATA, VISITOR_DATA, VISITOR_DETAILS, VISITOR_ENGLISH, details_data,  # noqa: E402
                         english_data, split_english, visitor_data)

CONTRACT = REPO / "assets" / "policies" / "shangyu.json"
# page -> (its app: APP.js + APP.wasm, budget in KB)
PAGES = {"index.html": ("app", 450), "kiosk.html": ("booth", 560)}

# Fetched by shell/portal-loader.js before the first frame (FILES, and loadScript(APP + '.js')).
LOADER_DATA = {"index.html": [VISITOR_DATA, "portal-font.ttf"], "kiosk.html": [BOOTH_DATA, "kiosk-font.ttf"]}
# Not counted: jsonlogic-tests.json, fetched only when staff open the booth's self-test, and the visitor's
# VISITOR_DETAILS, which the app fetches after its first frame, and VISITOR_ENGLISH, which a page starting in
# Chinese fetches after its first frame too (both printed below the table, with what a start in English adds).

# Text that only the booth's code holds (kiosk_strings.hpp, the conformance runner, the booth's page side), found
# in booth.wasm and never in app.wasm. The link map (--emit-symbol-map, beside the wasm in the build tree) is
# checked for the booth's functions too, when it is there.
BOOTH_ONLY_TEXT = [b"Touch the screen to start", b"Take my results", b"Booth self-test (staff)",
                   b"Official JsonLogic conformance suite", b"jsonlogic case ", b"is not a [rule, data, expected] triple"]
# ... and in the page side, APP.js: the booth's entry points and the self-test's suite file.
BOOTH_ONLY_JS = [b"portal_configure_kiosk", b"portal_kiosk_suite", b"jsonlogic-tests.json"]
BOOTH_ONLY_SYMBOLS = re.compile(r"qrcodegen|KioskBooth|draw_attract|draw_keypad|draw_countdown|draw_selftest|"
                                r"draw_category_tiles|run_jsonlogic_suite|open_selftest|kiosk_zoom")

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


def first_visit_files(dist: Path, page: str, app: str) -> list[str]:
    names = [page]
    loaded = [app + ".js", app + ".wasm"] + LOADER_DATA[page]
    for name in page_references((dist / page).read_text(encoding="utf-8")) + loaded:
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


def print_table(page: str, rows: list[dict], budget: int) -> None:
    print(f"{page} (first visit)")
    print(f"{'file':<24}{'raw KB':>10}{'gzip KB':>10}{'brotli KB':>11}")
    for row in rows:
        print(f"{row['file']:<24}{kb(row['raw']):>10}{kb(row['gzip']):>10}{kb(row['brotli']):>11}")
    total = {key: sum(r[key] for r in rows) for key in ("raw", "gzip", "brotli")}
    print(f"{'total (first visit)':<24}{kb(total['raw']):>10}{kb(total['gzip']):>10}{kb(total['brotli']):>11}")
    verdict = "within" if total["brotli"] <= budget else "OVER"
    print(f"{page}: brotli total {total['brotli'] / 1000:.1f} KB: {verdict} the {budget / 1000:.0f} KB budget "
          f"({(budget - total['brotli']) / 1000:+.1f} KB to spare)")
    print()


def symbol_map(dist: Path, app: str) -> Path | None:
    """The link's symbol map: build/web/src/platform/APP.js.symbols beside build/web/dist."""
    path = dist.parent / "src" / "platform" / f"{app}.js.symbols"
    return path if path.is_file() else None


def booth_code_in(dist: Path, app: str) -> list[str]:
    """What of the booth's code APP.wasm holds: its unique texts, and its functions by the symbol map."""
    wasm, js = (dist / f"{app}.wasm").read_bytes(), (dist / f"{app}.js").read_bytes()
    found = [text.decode() for text in BOOTH_ONLY_TEXT if text in wasm]
    found += [f"{text.decode()} ({app}.js)" for text in BOOTH_ONLY_JS if text in js]
    symbols = symbol_map(dist, app)
    if symbols:
        names = {m.group(0) for m in BOOTH_ONLY_SYMBOLS.finditer(symbols.read_text(encoding="utf-8", errors="replace"))}
        found += sorted(names)
    return found


def check_split(dist: Path) -> bool:
    """The visitor's wasm has none of the booth's code; the booth's has it (so the check can see it at all)."""
    visitor, booth = booth_code_in(dist, "app"), booth_code_in(dist, "booth")
    maps = "texts and symbol maps" if symbol_map(dist, "app") and symbol_map(dist, "booth") else "texts only"
    print(f"booth code in app.wasm ({maps}): {', '.join(visitor) if visitor else 'none'}")
    print(f"booth code in booth.wasm: {len(booth)} markers ({', '.join(booth[:6])}{', ...' if len(booth) > 6 else ''})")
    ok = not visitor and len(booth) >= len(BOOTH_ONLY_TEXT) + len(BOOTH_ONLY_JS)
    if not ok:
        print("size_budget: the visitor's wasm must hold none of the booth's code, and the booth's all of it")
    return ok


def check_data(dist: Path, verbose: bool = True) -> bool:
    """Each page loads what the build makes from the contract file: the booth the contract itself, the visitor
    the contract without the booth's fields, the details and the policies' English, then the details and the
    English made for those very bytes (compared as JSON documents: formatting is the build's business)."""
    contract = json.loads(CONTRACT.read_text(encoding="utf-8"))
    visitor_bytes = (dist / VISITOR_DATA).read_bytes()
    chinese = json.loads(json.dumps(visitor_data(contract)))  # a copy: split_english edits it
    english = split_english(chinese)
    ok = True
    for name, expected in ((BOOTH_DATA, contract), (VISITOR_DATA, chinese),
                           (VISITOR_DETAILS, details_data(contract, visitor_bytes)),
                           (VISITOR_ENGLISH, english_data(english, visitor_bytes))):
        path = dist / name
        same = path.is_file() and json.loads(path.read_text(encoding="utf-8")) == expected
        if verbose or not same:
            print(f"{name}: {'made from' if same else 'DIFFERS from'} {CONTRACT.relative_to(REPO)}", file=sys.stderr
                  if not verbose else sys.stdout)
        ok = ok and same
    return ok


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dist", nargs="?", type=Path, default=DEFAULT_DIST)
    parser.add_argument("--visitor-kb", type=float, default=PAGES["index.html"][1])
    parser.add_argument("--booth-kb", type=float, default=PAGES["kiosk.html"][1])
    parser.add_argument("--json", action="store_true", help="print the rows as JSON instead of tables")
    args = parser.parse_args(argv)

    dist = args.dist.resolve()
    budgets = {"index.html": args.visitor_kb, "kiosk.html": args.booth_kb}
    report, ok = {"dist": str(dist), "pages": {}}, True
    for page, (app, _) in PAGES.items():
        if not (dist / page).is_file():
            print(f"size_budget: no {page} in {dist} (build it: python3 scripts/build.py web)", file=sys.stderr)
            return 2
        names = first_visit_files(dist, page, app)
        missing = [name for name in names if not (dist / name).is_file()]
        if missing:
            print(f"size_budget: {page}'s first visit needs files that {dist} lacks: {', '.join(missing)}",
                  file=sys.stderr)
            return 2
        rows = measure(dist, names)
        budget = int(budgets[page] * 1000)
        report["pages"][page] = {"budget": budget, "files": rows}
        if not args.json:
            print_table(page, rows, budget)
            if page == "index.html":
                later = measure(dist, [VISITOR_DETAILS, VISITOR_ENGLISH])
                for row in later:
                    print(f"after the first frame: {row['file']} {kb(row['raw']).strip()} KB raw, "
                          f"{kb(row['brotli']).strip()} KB brotli (not part of the first visit)")
                english = later[1]["brotli"]
                print(f"a page starting in English fetches {VISITOR_ENGLISH} with the data: its first visit is "
                      f"{kb(sum(r['brotli'] for r in rows) + english).strip()} KB brotli\n")
        ok = ok and sum(r["brotli"] for r in rows) <= budget
    if args.json:
        print(json.dumps(report, indent=1))
    split = check_split(dist) if not args.json else not booth_code_in(dist, "app")
    data = check_data(dist, verbose=not args.json)
    return 0 if ok and split and data else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
