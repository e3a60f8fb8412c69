#!/usr/bin/env python3
"""Finish the static site in build/web/dist after CMake has copied the apps, pages, data and font into it.

The site has two pages, each with its own wasm: the visitor's index.html (app.js + app.wasm) and the
recruitment-fair booth's kiosk.html (booth.js + booth.wasm). First, every script the pages load is minified (Debian's
terser: names mangled, dead code dropped). Then the data files are written from the contract file (write_data: the
booth's whole; the visitor's without the booth's fields and the policies' details, and those details in a second
file the visitor's app fetches after its first frame; the policies' English texts in a third, fetched with the
data when the page starts in English, after the first frame otherwise). Then, for each page:

1. its service worker (sw.js, kiosk-sw.js): the build fingerprint and the list of files that page needs, so a
   new deployment replaces the old cache cleanly and the page works offline after one visit;
2. its self-contained offline page (portal-offline.html, kiosk-offline.html): wasm, data (details, English), font,
   scripts and styles inlined, working when opened from file:// by double-click, for demos from a USB stick. Its
   Content-Security-Policy allows exactly its own inline scripts and styles, by hash.

Then 3. every file a browser downloads from the site gets precompressed copies beside it (NAME.br at brotli's
best quality, NAME.gz at gzip -9), which serve.py (like any static host set up for it) sends to browsers that
accept them. They are the bytes scripts/size_budget.py measures.

    finish_dist.py DIST_DIR APP_SINGLE_JS BOOTH_SINGLE_JS
"""
from __future__ import annotations

import base64
import copy
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Page:
    html: str              # the page
    app: str               # its app: APP.js + APP.wasm
    worker: str            # its service worker, made from web/sw.js
    cache_prefix: str      # its worker's cache names (each worker deletes only its own old caches)
    offline: str           # its self-contained offline page
    data: str              # the policy data its loader fetches
    font: str              # and its font
    # Files its worker caches: the page's own, in the order a visitor needs them, then what it may fetch later.
    cached: list[str] = field(default_factory=list)
    details: str = ""      # the policies' details, which its app fetches after the first frame ("" = in `data`)
    english: str = ""      # the policies' English texts, fetched when the visitor reads English ("" = in `data`)


VISITOR = Page("index.html", "app", "sw.js", "shangyu-portal-", "portal-offline.html", "policies.json",
               "portal-font.ttf", [
    "index.html", "portal.css", "text-input.js", "a11y-mirror.js", "portal-loader.js", "app.js", "app.wasm", "policies.json",
    "portal-font.ttf", "favicon.svg", "manifest.webmanifest",
    "policy-details.json",  # fetched by the app right after its first frame
    "policy-english.json",  # with the data when the page starts in English, else right after the first frame
    "policies.html",  # the text version (policyctl export-html), fetched only when someone opens it
], details="policy-details.json", english="policy-english.json")
BOOTH = Page("kiosk.html", "booth", "kiosk-sw.js", "shangyu-portal-kiosk-", "kiosk-offline.html",
             "kiosk-policies.json", "kiosk-font.ttf", [
    "kiosk.html", "portal.css", "kiosk.js", "text-input.js", "a11y-mirror.js", "portal-loader.js", "booth.js", "booth.wasm",
    "kiosk-policies.json", "kiosk-font.ttf", "favicon.svg", "kiosk.webmanifest",
    # Fetched only when staff open the self-test, never on a first load (nor by scripts/size_budget.py), but
    # cached, so a booth with no network can still run it. The booth hides the text version: not cached.
    "jsonlogic-tests.json",
])
PAGES = [VISITOR, BOOTH]

# Precompressed: what browsers download from the site (not the offline pages, which are for file://).
COMPRESSIBLE = {".html", ".js", ".css", ".wasm", ".json", ".ttf", ".svg", ".webmanifest"}


# Not minified: the service worker's template (this script writes the workers from web/sw.js afterwards).
NOT_MINIFIED = {"sw.js"}


def minify_scripts(dist: Path) -> None:
    """Every script of the site through terser, in place: Emscripten 3.1.6 only strips white space from its
    glue (its closure pass needs a newer Closure Compiler than Debian's), and our own scripts are written to be
    read. Measured on the visitor's first visit: app.js 20.4 -> 14.8 KB brotli, portal-loader.js 5.7 -> 3.0,
    text-input.js 2.2 -> 1.0. Top-level names and every property stay as they are (window.portal, Module[...])."""
    terser = shutil.which("terser")
    if not terser:
        sys.exit("finish_dist: terser is not installed (apt-get install terser, or python3 scripts/deps.py packages)")
    environment = {**os.environ, "NODE_PATH": os.environ.get("NODE_PATH") or "/usr/share/nodejs"}
    for path in sorted(dist.glob("*.js")):
        if path.name in NOT_MINIFIED:
            continue
        result = subprocess.run([terser, str(path), "--compress", "--mangle"], capture_output=True, text=True,
                                env=environment)
        if result.returncode != 0 or not result.stdout:
            sys.exit(f"finish_dist: terser failed on {path.name}: {result.stderr.strip()}")
        if result.stdout != path.read_text(encoding="utf-8"):
            path.write_text(result.stdout, encoding="utf-8")


def fingerprint(dist: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((dist / name).read_bytes())
    return digest.hexdigest()[:16]


def write_service_worker(dist: Path, template: str, page: Page) -> None:
    files = [name for name in page.cached if (dist / name).exists()]
    text = template.replace("'__PORTAL_BUILD__'", json.dumps(fingerprint(dist, files)))
    # The visitor's page is also the directory's index: "./" is cached as well, as browsers ask for it so.
    entries = (["./"] if page.html == "index.html" else []) + files
    text = text.replace("__PORTAL_FILES__", json.dumps(entries))
    text = text.replace("'__PORTAL_PAGE__'", json.dumps(page.html))
    text = text.replace("'__PORTAL_CACHE_PREFIX__'", json.dumps(page.cache_prefix))
    if "__PORTAL_" in text:
        sys.exit("finish_dist: web/sw.js has a placeholder this script does not fill")
    (dist / page.worker).write_text(text, encoding="utf-8")


# The policy data: CMake copies the contract file (assets/policies/shangyu.json) as BOOTH_DATA; the visitor's page
# loads VISITOR_DATA, made from it without the fields only the booth's self-test and the linter read, and without
# the policies' details, which are in VISITOR_DETAILS (loaded after the first frame; src/core/details.hpp).
BOOTH_DATA = "kiosk-policies.json"
VISITOR_DATA = "policies.json"
VISITOR_DETAILS = VISITOR.details
VISITOR_ENGLISH = VISITOR.english
# "examples": the self-test's worked cases (policyctl test runs them too); "lint_accept": warnings the authors
# accepted, read by policyctl lint. The app's loader treats both as optional. 3.1 KB brotli of the visitor's 41.6.
BOOTH_ONLY_FIELDS = ("examples", "lint_accept")
# Shown only in a policy's detail view, so not needed before the first frame: 8.5 KB brotli of the visitor's 38.6.
LATER_FIELDS = ("details",)
DETAILS_FORMAT = "shangyu-policy-details/1"
# The English of every text inside "policies" (src/core/english.hpp), needed before the first frame only by a page
# that starts in English: 9.3 KB brotli of the visitor's 30.0 (10.5 KB in its own file). The other lists
# (questions, categories, sources...) keep their English: 3.2 KB more, in texts shared by every screen.
ENGLISH_FORMAT = "shangyu-policy-english/1"
# Fields of a policy that hold rules or a self-test's answers, never texts.
NO_TEXTS = ("rule", "eligible_when", "amount", "examples")


def visitor_data(data: dict) -> dict:
    """The contract's data as the visitor's page loads it first: the same document without BOOTH_ONLY_FIELDS (at
    the top level and in every policy) and without each policy's LATER_FIELDS."""
    strip = lambda entry, fields: {key: value for key, value in entry.items() if key not in fields}  # noqa: E731
    visitor = strip(data, BOOTH_ONLY_FIELDS)
    visitor["policies"] = [strip(policy, BOOTH_ONLY_FIELDS + LATER_FIELDS) if isinstance(policy, dict) else policy
                           for policy in data.get("policies", [])]
    return visitor


def details_data(data: dict, visitor_bytes: bytes) -> dict:
    """The policies' details for the data file whose bytes are `visitor_bytes`: one entry per entry of the
    contract's "policies" (same places, so the same JSON pointers), with its id and, when it has them, its
    details. The app refuses the file unless data_sha256 is the SHA-256 of the data it loaded."""
    entries = []
    for policy in data.get("policies", []):
        entry = {}
        if isinstance(policy, dict):
            entry = {key: policy[key] for key in ("id",) + LATER_FIELDS if key in policy}
        entries.append(entry)
    return {"format": DETAILS_FORMAT, "data_sha256": hashlib.sha256(visitor_bytes).hexdigest(), "policies": entries}


def take_english(node):
    """Removes the English of every text below `node` ({"zh", "en"} objects, and the tags' {"zh": [...], "en": [...]})
    and returns it in the same shape: None when there was none; lists keep their places, with {} for an element
    without English, so a text has the same JSON pointer in both files."""
    if isinstance(node, dict):
        if node and set(node) <= {"zh", "en"}:
            return {"en": node.pop("en")} if "en" in node else None
        mirror = {}
        for key, value in node.items():
            if key not in NO_TEXTS:
                taken = take_english(value)
                if taken is not None:
                    mirror[key] = taken
        return mirror or None
    if isinstance(node, list):
        taken = [take_english(element) for element in node]
        return [{} if entry is None else entry for entry in taken] if any(e is not None for e in taken) else None
    return None


def split_english(visitor: dict) -> list:
    """Takes the English texts out of the visitor's policies (in place) and returns the English file's entries:
    one per policy, its id and its English, mirroring the policy."""
    entries = []
    for policy in visitor.get("policies", []):
        entry = {}
        if isinstance(policy, dict):
            if "id" in policy:
                entry["id"] = policy["id"]
            entry.update(take_english(policy) or {})
        entries.append(entry)
    return entries


def english_data(entries: list, visitor_bytes: bytes) -> dict:
    """The English file for the data file whose bytes are `visitor_bytes` (the app refuses it for any other)."""
    return {"format": ENGLISH_FORMAT, "data_sha256": hashlib.sha256(visitor_bytes).hexdigest(), "policies": entries}


def compact(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_data(dist: Path) -> None:
    """The data files without indentation (a few KB less on every first visit; authors edit and validate the
    indented file in assets/, and the app's messages name JSON pointers, not lines): the booth's whole, the
    visitor's without the booth's fields, the details and the policies' English, and the visitor's details and
    English made for exactly those bytes. scripts/size_budget.py checks them against the contract file."""
    data = json.loads((dist / BOOTH_DATA).read_text(encoding="utf-8"))
    chinese = copy.deepcopy(visitor_data(data))  # its texts are the booth's own objects until copied
    english = split_english(chinese)
    visitor = compact(chinese)
    details = compact(details_data(data, visitor.encode("utf-8")))
    english_text = compact(english_data(english, visitor.encode("utf-8")))
    for name, text in ((BOOTH_DATA, compact(data)), (VISITOR_DATA, visitor), (VISITOR_DETAILS, details),
                       (VISITOR_ENGLISH, english_text)):
        path = dist / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_script(code: str) -> str:
    # A literal "</script" inside code would end the element early.
    return code.replace("</script", "<\\/script")


SCRIPT_TAG = re.compile(r'  <script defer src="([^"]+)"></script>\n?')


def write_offline_page(dist: Path, page: Page, single_app_js: Path) -> None:
    html = (dist / page.html).read_text(encoding="utf-8")
    styles = (dist / "portal.css").read_text(encoding="utf-8")
    # The page's own scripts in their order, with the app (wasm inlined) just before the loader that starts it.
    names = SCRIPT_TAG.findall(html)
    if "portal-loader.js" not in names:
        sys.exit(f"finish_dist: {page.html} has no portal-loader.js; update write_offline_page()")
    scripts = []
    for name in names:
        if name == "portal-loader.js":
            scripts.append(inline_script(single_app_js.read_text(encoding="utf-8")))
        scripts.append(inline_script((dist / name).read_text(encoding="utf-8")))
    data = base64.b64encode((dist / page.data).read_bytes()).decode()
    font = base64.b64encode((dist / page.font).read_bytes()).decode()
    icon = "data:image/svg+xml;base64," + base64.b64encode((dist / "favicon.svg").read_bytes()).decode()

    csp = ("default-src 'none'; script-src " + " ".join(csp_hash(s) for s in scripts) +
           " 'wasm-unsafe-eval'; style-src " + csp_hash(styles) + "; img-src data:; connect-src data:; "
           "object-src 'none'; base-uri 'none'; form-action 'none'")
    html = re.sub(r'content="default-src[^"]*"', lambda _: f'content="{csp}"', html, count=1)
    html = html.replace('<link rel="stylesheet" href="portal.css">', f"<style>{styles}</style>")
    html = re.sub(r'  <link rel="manifest" href="[^"]+">\n', "", html)
    html = html.replace('href="favicon.svg"', f'href="{icon}"').replace('src="favicon.svg"', f'src="{icon}"')
    embedded = (f'  <script type="application/octet-stream" id="portal-embedded-data">{data}</script>\n'
                f'  <script type="application/octet-stream" id="portal-embedded-font">{font}</script>\n')
    # Handed to the app when it asks, as the site's page fetches them.
    for part, name in (("details", page.details), ("english", page.english)):
        if name:
            encoded = base64.b64encode((dist / name).read_bytes()).decode()
            embedded += f'  <script type="application/octet-stream" id="portal-embedded-{part}">{encoded}</script>\n'
    inline = "".join(f"  <script>{s}</script>\n" for s in scripts)
    first = SCRIPT_TAG.search(html)
    html = SCRIPT_TAG.sub("", html)
    html = html[:first.start()] + embedded + inline + html[first.start():]
    if re.search(r'<script[^>]*\bsrc=', html) or 'rel="stylesheet"' in html:
        sys.exit(f"finish_dist: {page.html} changed shape; update write_offline_page()")
    (dist / page.offline).write_text(html, encoding="utf-8")


def brotli_bytes(data: bytes) -> bytes:
    """Debian's brotli CLI at its best quality (scripts/size_budget.py measures with the same)."""
    if shutil.which("brotli"):
        return subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout
    try:
        import brotli  # python3-brotli
    except ImportError:
        sys.exit("finish_dist: neither the brotli CLI nor python3-brotli is installed (apt-get install brotli)")
    return brotli.compress(data, quality=11)


def precompress(dist: Path) -> None:
    """NAME.br and NAME.gz beside every file browsers download, when smaller; stale copies are removed."""
    for path in sorted(dist.iterdir()):
        if path.suffix in (".br", ".gz"):
            if not path.with_suffix("").exists():
                path.unlink()
            continue
        if path.suffix not in COMPRESSIBLE or path.name in {p.offline for p in PAGES}:
            continue
        data = path.read_bytes()
        for suffix, packed in ((".br", brotli_bytes(data)), (".gz", gzip.compress(data, 9, mtime=0))):
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                if not target.exists() or target.read_bytes() != packed:
                    target.write_bytes(packed)
            elif target.exists():
                target.unlink()


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__)
        return 2
    dist = Path(argv[1])
    singles = {VISITOR.app: Path(argv[2]), BOOTH.app: Path(argv[3])}
    template = (Path(__file__).resolve().parent.parent / "web" / "sw.js").read_text(encoding="utf-8")
    minify_scripts(dist)
    write_data(dist)
    for page in PAGES:
        write_service_worker(dist, template, page)
        write_offline_page(dist, page, singles[page.app])
    precompress(dist)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
