#!/usr/bin/env python3
"""Finish the static site in build/web/dist after CMake has copied the app, page, data and font into it.

1. sw.js: fills in the build fingerprint and the list of files to cache, so a new deployment replaces the
   old cache cleanly and the site works offline after one visit.
2. portal-offline.html: one self-contained page (wasm, data, font, scripts and styles inlined) that works when
   opened from file:// by double-click, for demos from a USB stick. Its Content-Security-Policy allows exactly
   its own inline scripts and styles, by hash.

    finish_dist.py DIST_DIR SINGLE_FILE_APP_JS
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from pathlib import Path

# Files the service worker caches: those every first visit needs, in the order a visitor needs them, then the
# text version (policies.html, written by policyctl export-html), which is only fetched when someone opens it.
CACHED = ["index.html", "portal.css", "kiosk.js", "text-input.js", "portal-loader.js", "app.js", "app.wasm", "policies.json",
          "portal-font.ttf", "favicon.svg", "manifest.webmanifest", "policies.html"]
# Files the page fetches only on demand (the kiosk's staff self-test reads the JsonLogic suite): never part of a
# visitor's first load nor of scripts/size_budget.py, but cached by the service worker once it installs, so a
# booth with no network can still run its self-test.
LAZY = ["jsonlogic-tests.json"]
OFFLINE_PAGE = "portal-offline.html"


def fingerprint(dist: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((dist / name).read_bytes())
    return digest.hexdigest()[:16]


def write_service_worker(dist: Path, template: str) -> None:
    files = [name for name in CACHED + LAZY if (dist / name).exists()]
    build = fingerprint(dist, files)
    text = template.replace("'__PORTAL_BUILD__'", json.dumps(build))
    text = text.replace("__PORTAL_FILES__", json.dumps(["./", *files]))
    (dist / "sw.js").write_text(text, encoding="utf-8")


def compact_data(path: Path) -> None:
    """The shipped data without indentation: the same JSON, a few KB less on every first visit. (Authors edit
    and validate the indented file in assets/; the app's messages name JSON pointers, not lines, for it.)"""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_script(code: str) -> str:
    # A literal "</script" inside code would end the element early.
    return code.replace("</script", "<\\/script")


def write_offline_page(dist: Path, single_app_js: Path) -> None:
    page = (dist / "index.html").read_text(encoding="utf-8")
    styles = (dist / "portal.css").read_text(encoding="utf-8")
    scripts = [inline_script((dist / "kiosk.js").read_text(encoding="utf-8")),
               inline_script((dist / "text-input.js").read_text(encoding="utf-8")),
               inline_script(single_app_js.read_text(encoding="utf-8")),
               inline_script((dist / "portal-loader.js").read_text(encoding="utf-8"))]
    data = base64.b64encode((dist / "policies.json").read_bytes()).decode()
    font = base64.b64encode((dist / "portal-font.ttf").read_bytes()).decode()
    icon = "data:image/svg+xml;base64," + base64.b64encode((dist / "favicon.svg").read_bytes()).decode()

    csp = ("default-src 'none'; script-src " + " ".join(csp_hash(s) for s in scripts) +
           " 'wasm-unsafe-eval'; style-src " + csp_hash(styles) + "; img-src data:; connect-src data:; "
           "object-src 'none'; base-uri 'none'; form-action 'none'")
    page = re.sub(r'content="default-src[^"]*"', lambda _: f'content="{csp}"', page, count=1)
    page = page.replace('<link rel="stylesheet" href="portal.css">', f"<style>{styles}</style>")
    page = page.replace('  <link rel="manifest" href="manifest.webmanifest">\n', "")
    page = page.replace('href="favicon.svg"', f'href="{icon}"').replace('src="favicon.svg"', f'src="{icon}"')
    embedded = (f'<script type="application/octet-stream" id="portal-embedded-data">{data}</script>\n'
                f'  <script type="application/octet-stream" id="portal-embedded-font">{font}</script>\n')
    page = page.replace('  <script defer src="kiosk.js"></script>\n', embedded + f"  <script>{scripts[0]}</script>\n")
    page = page.replace('  <script defer src="text-input.js"></script>\n', f"  <script>{scripts[1]}</script>\n")
    page = page.replace('  <script defer src="portal-loader.js"></script>',
                        f"  <script>{scripts[2]}</script>\n  <script>{scripts[3]}</script>")
    if "portal-embedded-data" not in page or re.search(r'<script[^>]*\bsrc=', page) or 'rel="stylesheet"' in page:
        sys.exit("finish_dist: index.html changed shape; update write_offline_page()")
    (dist / OFFLINE_PAGE).write_text(page, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    dist, single_app_js = Path(argv[1]), Path(argv[2])
    template = (Path(__file__).resolve().parent.parent / "web" / "sw.js").read_text(encoding="utf-8")
    compact_data(dist / "policies.json")
    write_service_worker(dist, template)
    write_offline_page(dist, single_app_js)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
