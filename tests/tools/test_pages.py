#!/usr/bin/env python3
"""Both pages come from one template (shell/page.html, scripts/make_pages.py): they differ only in their slots,
so the loading card, failure message, <noscript> and scripts cannot drift apart; and the build refuses a template
and a page list that do not match."""
from __future__ import annotations

import difflib
import re
import sys
import tempfile
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
import make_pages  # noqa: E402

TEMPLATE = REPO / "shell" / "page.html"


def rendered() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as out:
        assert make_pages.main(["make_pages.py", str(TEMPLATE), out]) == 0
        return {name: (Path(out) / name).read_text(encoding="utf-8") for name in make_pages.PAGES}


class Pages(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.pages = rendered()

    def test_no_hand_written_copies(self) -> None:
        # A page kept in shell/ beside the template would be copied into the site and then overwritten, or worse,
        # edited in vain.
        self.assertEqual(sorted(p.name for p in (REPO / "shell").glob("*.html")), ["page.html"])

    def test_pages_differ_only_in_their_slots(self) -> None:
        visitor, booth = (self.pages[n].splitlines() for n in ("index.html", "kiosk.html"))
        # A line may differ when it is a template line with a slot in it, or a line of a slot's value.
        template = TEMPLATE.read_text(encoding="utf-8").splitlines()
        slot_lines = [self.slot_pattern(line) for line in template if "{{" in line]
        values = {line.strip() for page in make_pages.PAGES.values() for value in page.values()
                  if isinstance(value, list) for line in value}
        for value in values:  # a page's own lines are head elements and scripts, never markup of the body
            self.assertRegex(value, r"^<(title|meta|script)\b", "a page-specific line the pages should share")
        differing = [line for line in difflib.unified_diff(visitor, booth, lineterm="", n=0)
                     if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        self.assertTrue(differing, "the two pages are the same page")
        for line in differing:
            text = line[1:].strip()
            self.assertTrue(text in values or any(p.fullmatch(text) for p in slot_lines), f"not from a slot: {line}")

    @staticmethod
    def slot_pattern(line: str) -> re.Pattern:
        parts = re.split(r"\{\{[a-z_]+\}\}", line.strip())
        return re.compile(".*".join(re.escape(part) for part in parts))

    def test_shared_markup_and_loader_order(self) -> None:
        for name, page in self.pages.items():
            with self.subTest(page=name):
                self.assertNotIn("{{", page)
                self.assertNotIn("<!--", page)  # the template's comments stay in the template
                for marker in ('id="loading"', 'id="failure"', "<noscript>", 'href="policies.html"', 'id="canvas"'):
                    self.assertIn(marker, page)
                scripts = re.findall(r'<script defer src="([^"]+)"></script>', page)
                # The loader runs last: it uses the text input and the accessibility mirror, which must be defined by then.
                self.assertEqual(scripts[-3:], ["text-input.js", "a11y-mirror.js", "portal-loader.js"])
        self.assertIn('data-app="booth"', self.pages["kiosk.html"])
        self.assertNotIn("data-app", self.pages["index.html"])
        self.assertIn('<script defer src="kiosk.js"></script>', self.pages["kiosk.html"])
        self.assertNotIn("kiosk.js", self.pages["index.html"])

    def test_template_and_pages_must_match(self) -> None:
        template = TEMPLATE.read_text(encoding="utf-8")
        values = dict(make_pages.PAGES["index.html"])
        with self.assertRaisesRegex(ValueError, "does not fill"):
            make_pages.render(template.replace("</body>", "{{footer}}\n</body>"), values)
        with self.assertRaisesRegex(ValueError, "no slot for"):
            make_pages.render(template, {**values, "footer": "x"})

    def test_slot_lines(self) -> None:
        template = "<p>\n  {{many}}\n  {{none}}\n<i{{inline}}>\n"
        self.assertEqual(make_pages.render(template, {"many": ["a", "b"], "none": [], "inline": " x"}),
                         "<p>\n  a\n  b\n<i x>\n")


if __name__ == "__main__":
    unittest.main()
