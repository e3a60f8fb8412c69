#!/usr/bin/env python3
"""Facts written in more than one file must agree: this fails when one copy changes and another does not.

- Dear ImGui's internals are reached through src/ui/imgui_private.hpp only (its version check and upgrade path).
- The page's calls into the wasm: every _portal_* function the page scripts call, and every one the CMake export
  list names, is defined with EMSCRIPTEN_KEEPALIVE in src/platform; the booth's own are defined in web_kiosk.cpp.
- The storage keys: the page's loader reads exactly the keys the app writes (src/platform/web_page.cpp).
- The conformance file: the name the booth fetches, the bundle copies and the size budget skips is the file in
  tests/data.
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


if __name__ == "__main__":
    sys.exit(unittest.main())
