#!/usr/bin/env python3
"""Facts written in more than one file must agree: this fails when one copy changes and another does not.

- Dear ImGui's internals are reached through src/ui/imgui_private.hpp only (its version check and upgrade path).
- The page's calls into the wasm: every _portal_* function the page scripts call, and every one the CMake export
  list names, is defined with EMSCRIPTEN_KEEPALIVE in src/platform; the booth's own are defined in web_kiosk.cpp.
- The storage keys: the page's loader reads exactly the keys the app writes (src/platform/web_page.cpp).
- The conformance file: the name the booth fetches, the bundle copies and the size budget skips is the file in
  tests/data.
- The visitor's details file: the name the visitor's wasm asks for is the one the build writes and caches for
  offline use, and the build writes the format the core reads.
- The palette: src/ui/theme.hpp is the source; each colour's value agrees with the hex its comment gives, and the
  page's CSS, the reports' style sheet, the page's theme colour and the web manifests use those same hex values.
"""
import re
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def read(path: str) -> str:
    return (REPO / path).read_text(encoding="utf-8")


def sources(folder: str, *suffixes: str) -> list[Path]:
    return sorted(p for p in (REPO / folder).rglob("*") if p.suffix in suffixes and p.is_file())


class SingleSources(unittest.TestCase):
    def test_imgui_internals_behind_one_header(self):
        includers = [str(p.relative_to(REPO)) for folder in ("src", "tests", "bench")
                     for p in sources(folder, ".cpp", ".hpp", ".h")
                     if re.search(r"#include\s*<imgui_internal\.h>", p.read_text(encoding="utf-8"))]
        self.assertEqual(includers, ["src/ui/imgui_private.hpp"])
        self.assertIn("IMGUI_VERSION_NUM == 19010", read("src/ui/imgui_private.hpp"))

    def keepalive(self, path: str) -> set[str]:
        return set(re.findall(r"EMSCRIPTEN_KEEPALIVE[^(]*?\b(portal_\w+)\s*\(", read(path)))

    def test_exported_functions(self):
        booth = self.keepalive("src/platform/web_kiosk.cpp")
        common = set().union(*(self.keepalive(str(p.relative_to(REPO))) for p in sources("src/platform", ".cpp")
                               if p.name != "web_kiosk.cpp"))
        defined = common | booth
        self.assertTrue(common and booth)
        cmake = read("src/platform/CMakeLists.txt").replace("\\\n", "")
        exports = set(re.findall(r"_(portal_\w+)", re.search(r'set\(_exports "([^"]*)"', cmake).group(1)))
        booth_exports = set(re.findall(r"_(portal_\w+)", re.search(r'set\(_booth_exports "([^"]*)"', cmake).group(1)))
        self.assertEqual(exports - defined, set(), "exported in CMake but defined nowhere")
        self.assertEqual(booth_exports, booth, "the booth's exports are the functions web_kiosk.cpp defines")
        self.assertEqual(exports & booth, set(), "the visitor's page must not export the booth's functions")
        for script in sources("shell", ".js") + sources("web", ".js"):
            called = set(re.findall(r"\b_(portal_\w+)", script.read_text(encoding="utf-8")))
            self.assertEqual(called - defined, set(), f"{script.name} calls functions the wasm does not define")

    def test_storage_keys(self):
        written = set(re.findall(r"'(shangyu-portal\.\w+)'", read("src/platform/web_page.cpp")))
        read_back = set(re.findall(r"'(shangyu-portal\.\w+)'", read("shell/portal-loader.js")))
        self.assertEqual(len(written), 2)
        self.assertEqual(read_back, written)

    def test_conformance_file_name(self):
        name = "jsonlogic-tests.json"
        self.assertTrue((REPO / "tests" / "data" / name).is_file())
        for path in ("src/platform/web_kiosk.cpp", "src/platform/CMakeLists.txt", "scripts/finish_dist.py",
                     "scripts/size_budget.py"):
            text = read(path)
            self.assertIn(name, text, path)
            others = set(re.findall(r"[\w-]*tests?\.json", text)) - {name}
            self.assertEqual(others, set(), f"{path} names another suite file")

    def test_details_file(self):
        asked = re.findall(r'details_file = "([^"]+)"', read("src/platform/web_visitor.cpp"))
        self.assertEqual(len(asked), 1)
        build = read("scripts/finish_dist.py")
        self.assertIn(f'details="{asked[0]}"', build)
        self.assertIn(f'"{asked[0]}",  # fetched by the app', build)
        core_format = re.search(r'kDetailsFormat = "([^"]+)"', read("src/core/details.hpp")).group(1)
        self.assertIn(f'DETAILS_FORMAT = "{core_format}"', build)

    def check_hex(self, name: str, rgb: str, hex_: str) -> str:
        channels = [float(x.rstrip("f")) for x in rgb.split(",")[:3]]
        for channel, byte in zip(channels, bytes.fromhex(hex_)):
            self.assertAlmostEqual(channel * 255, byte, delta=0.6, msg=f"theme.hpp {name}: value and #{hex_} differ")
        return "#" + hex_.upper()

    def theme_colours(self) -> dict[str, str]:
        colours = {}
        for name, rgb, hex_ in re.findall(
                r"ImVec4 (\w+)\{([0-9.f, ]+)\};\s*// #([0-9A-Fa-f]{6})", read("src/ui/theme.hpp")):
            colours[name] = self.check_hex(name, rgb, hex_)
        self.assertGreaterEqual(len(colours), 8)
        return colours

    def more_contrast_colours(self) -> dict[str, str]:
        """kMoreContrast lists every Palette member in order, each value beside its hex and its member's name."""
        text = read("src/ui/theme.hpp")
        palette = text[text.index("struct Palette {"):]
        members = re.findall(r"ImVec4 (\w+)\{", palette[:palette.index("\n};")])
        block = text[text.index("kMoreContrast{"):]
        block = block[:block.index("\n};")]
        entries = re.findall(r"ImVec4\{([0-9.f, ]+)\},\s*// #([0-9A-Fa-f]{6}) (\w+)", block)
        self.assertEqual([name for _, _, name in entries], members, "kMoreContrast: one value per member, in order")
        return {name: self.check_hex(name, rgb, hex_) for rgb, hex_, name in entries}

    def test_palette(self):
        theme = self.theme_colours()
        by_variable = {"page": "page", "surface": "surface", "text": "text", "muted": "text_muted",
                       "accent": "accent", "accent-soft": "accent_soft", "soft": "accent_soft", "border": "border",
                       "danger": "danger", "bad": "danger"}
        more = self.more_contrast_colours()
        for path in ("shell/portal.css", "src/report/page_style.hpp"):
            text = read(path)
            # A page's "more contrast" block uses the high-contrast palette; the rest the standard one.
            media = re.search(r"@media \(prefers-contrast: more\) \{(.*?)\n\}", text, re.S)
            blocks = [(text[:media.start()] + text[media.end():], theme), (media.group(1), more)] if media else [(text, theme)]
            for block, palette in blocks:
                found = dict(re.findall(r"--([\w-]+):\s*(#[0-9A-Fa-f]{6})", block))
                checked = 0
                for variable, value in found.items():
                    if variable in by_variable:
                        self.assertEqual(value.upper(), palette[by_variable[variable]], f"{path} --{variable}")
                        checked += 1
                self.assertGreaterEqual(checked, 6, path)
        theme_colours = 0
        for path in ("shell/page.html", "scripts/make_pages.py"):  # both pages are made from these two
            for value in re.findall(r'name="theme-color" content="(#[0-9A-Fa-f]{6})"', read(path)):
                self.assertEqual(value.upper(), theme["accent"], path)
                theme_colours += 1
        self.assertGreaterEqual(theme_colours, 1, "the pages' theme-color")
        for path in ("web/manifest.webmanifest", "web/kiosk.webmanifest"):
            text = read(path)
            theme_colour = re.search(r'"theme_color":\s*"(#[0-9A-Fa-f]{6})"', text)
            self.assertEqual(theme_colour.group(1).upper(), theme["accent"], f"{path} theme_color")
            # The splash behind the icon: the page's background, or the accent for the booth's full-screen start.
            background = re.search(r'"background_color":\s*"(#[0-9A-Fa-f]{6})"', text)
            self.assertIn(background.group(1).upper(), set(theme.values()), f"{path} background_color")


if __name__ == "__main__":
    sys.exit(unittest.main())
