#!/usr/bin/env python3
"""Write the site's two pages from one template: the visitor's index.html and the booth's kiosk.html.

    make_pages.py TEMPLATE OUT_DIR

Both pages share everything a page holds (security policy, loading card, failure message, <noscript>, the text
version's links, the loader) through shell/page.html; only the slots below differ. A slot is written {{name}} in
the template. A slot alone on its line whose value is empty leaves no line; a value of several lines keeps the
slot's indentation. Fails (exit 1) when the template has a slot no page fills, or a page fills a slot the template
lacks, so the two pages cannot drift apart by an edit to one of them. The template's comments are for whoever
edits it and are left out of the pages (half a kilobyte of brotli on every first visit).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

VIEWPORT = "width=device-width, initial-scale=1, viewport-fit=cover"

PAGES: dict[str, dict[str, list[str] | str]] = {
    "index.html": {
        "html_attributes": "",
        "viewport": VIEWPORT,
        "head": [
            "<title>上虞青春之城 · 创客城市政策导航 | Shangyu Maker City Policy Explorer</title>",
            '<meta name="description" content="查一查上虞区的人才、创业与青年政策：'
            '零元创业空间、青春公寓、生活津贴、房票、创业担保贷款、技能补贴等，看看哪些适合你、价值多少。'
            'Find out which Shangyu talent, housing and start-up policies apply to you and what they are worth.">',
        ],
        "manifest": "manifest.webmanifest",
        "scripts": [],
    },
    # The booth: its own wasm (data-app, read by portal-loader.js), no pinch zoom, locked down by kiosk.js.
    "kiosk.html": {
        "html_attributes": ' class="kiosk" data-app="booth"',
        "viewport": "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover",
        "head": ["<title>上虞人才招聘会 · 政策自助查询 | Shangyu talent fair policy booth</title>"],
        "manifest": "kiosk.webmanifest",
        "scripts": ['<script defer src="kiosk.js"></script>'],
    },
}

COMMENT = re.compile(r"[ \t]*<!--.*?-->[ \t]*\n?", re.S)
SLOT = re.compile(r"\{\{([a-z_]+)\}\}")
SLOT_LINE = re.compile(r"^([ \t]*)\{\{([a-z_]+)\}\}[ \t]*\n", re.M)


def render(template: str, values: dict[str, list[str] | str]) -> str:
    slots = set(SLOT.findall(template))
    if slots != set(values):
        unfilled, unknown = sorted(slots - set(values)), sorted(set(values) - slots)
        raise ValueError(f"slots the page does not fill: {unfilled}; values the template has no slot for: {unknown}")

    def whole_line(match: re.Match) -> str:
        indent, value = match.group(1), values[match.group(2)]
        lines = value if isinstance(value, list) else [value] if value else []
        return "".join(f"{indent}{line}\n" for line in lines)

    text = SLOT_LINE.sub(whole_line, template)

    def inline(match: re.Match) -> str:
        value = values[match.group(1)]
        if isinstance(value, list):
            raise ValueError(f"slot {match.group(1)} takes several lines, so it must stand alone on its line")
        return value

    return COMMENT.sub("", SLOT.sub(inline, text))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    template, out = Path(argv[1]).read_text(encoding="utf-8"), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name, values in PAGES.items():
        try:
            page = render(template, values)
        except ValueError as error:
            print(f"make_pages: {name}: {error}", file=sys.stderr)
            return 1
        target = out / name
        if not target.exists() or target.read_text(encoding="utf-8") != page:
            target.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
