#!/usr/bin/env python3
"""Make the portal's font: a Noto Sans CJK SC subset holding exactly the characters the app can display, with
TrueType outlines (quicker for the browser to rasterise than the original CFF ones) on a coarser grid (smaller).

The character set is: printable ASCII, every non-ASCII character in the app's own sources (UI strings in both
languages live there), and every string in the bundled policy data. The same set is written as a C++ string
literal so that the ImGui atlas holds the same glyphs (built with ImFontGlyphRangesBuilder::AddText).

Fails (exit 1) when a character the app can display has no glyph in the font, naming the character and the
file it came from, so a missing glyph is a build error rather than a "?" on a visitor's screen.

    make_font.py --out-font F.ttf --out-glyphs G.inc --data a.json [--data b.json] --sources x.cpp y.hpp ...
                 [--out-visitor-font V.ttf --booth-sources y.hpp ...]

Runs under Debian's /usr/bin/python3, where python3-fonttools is installed.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
NOTO_SC_FACE = 2  # "Noto Sans CJK SC" within the collection

# Whitespace and controls the app never draws as glyphs (newlines are layout, not ink).
NOT_DRAWN = {"\n", "\r", "\t", "\ufeff", "\u200b"}


def json_strings(value, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list):
        for item in value:
            json_strings(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            out.append(key)
            json_strings(item, out)


def collect(data_files: list[Path], source_files: list[Path]) -> dict[str, str]:
    """Character -> the first file it was seen in (for error messages)."""
    seen: dict[str, str] = {chr(c): "printable ASCII" for c in range(0x20, 0x7F)}
    for path in data_files:
        strings: list[str] = []
        json_strings(json.loads(path.read_text(encoding="utf-8")), strings)
        for text in strings:
            for ch in text:
                seen.setdefault(ch, str(path))
    for path in source_files:
        for ch in path.read_text(encoding="utf-8"):
            if ord(ch) > 0x7E:
                seen.setdefault(ch, str(path))
    for ch in NOT_DRAWN:
        seen.pop(ch, None)
    return seen


# The outlines are stored on a grid of 256 units per em instead of Noto's 1000: coordinates and their deltas get
# smaller and repeat more often, which brotli rewards (the font shrinks from 126 to 93 KB brotli, most of all the
# visitor's first visit downloads that is not code). A grid step is 0.004 em: 0.25 device pixel for the booth's
# 64 px title at 2x density, 0.06 px for 16 px body text at 1x, and rounding moves a point by half that.
UNITS_PER_EM = 256

# How far (in units of the 256-unit grid) a quadratic outline may stray from the cubic original: 0.006 em, under a
# device pixel even for the booth's title at 2x density and invisible side by side with the original at 300 px.
QUADRATIC_MAX_ERROR = 1.5


def to_truetype_outlines(font) -> None:
    """Replace the CFF outlines with TrueType (quadratic) ones, in place.

    The browser rasterises every glyph with stb_truetype at startup. For CFF it must interpret each glyph's
    charstring twice (once for the box, once for the shape); TrueType outlines are read directly, which makes
    the atlas build about 40 % faster at 1x density (docs/PERFORMANCE.md, section 6). Vertical metrics go too:
    the app never lays text out vertically.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    units_per_em = font["head"].unitsPerEm
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # TrueType winds outer contours the other way round from CFF.
        glyph_set[name].draw(Cu2QuPen(pen, QUADRATIC_MAX_ERROR * units_per_em / UNITS_PER_EM, reverse_direction=True))
        glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG", "vhea", "vmtx"):
        if tag in font:
            del font[tag]
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    maxp = font["maxp"] = newTable("maxp")  # version 1.0; its counts are recomputed from glyf on save
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: nothing reads them
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True  # glyph boxes and maxp's counts are computed when the font is saved


def to_coarser_grid(font) -> None:
    """Scale every coordinate and metric of the TrueType font to UNITS_PER_EM units per em, rounding, in place."""
    from fontTools.ttLib.scaleUpem import scale_upem

    scale_upem(font, UNITS_PER_EM)


def cxx_literal(chars: str) -> str:
    """A C++ u8 string literal, split into short lines; only '"' and '\\' need escaping (all are printable)."""
    escaped = chars.replace("\\", "\\\\").replace('"', '\\"')
    lines = [escaped[i:i + 60] for i in range(0, len(escaped), 60)]
    body = "\n".join(f'    u8"{line}"' for line in lines)
    return ("// Generated by scripts/make_font.py: every character the portal can display. Do not edit.\n"
            "static const char kPortalGlyphs[] =\n" + body + ";\n")


def write_font(text: str, path: Path) -> None:
    from fontTools import subset

    path.parent.mkdir(parents=True, exist_ok=True)
    options = subset.Options()
    options.font_number = NOTO_SC_FACE
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright and licence notice of the font
    options.notdef_outline = True
    font = subset.load_font(str(NOTO_CJK), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    to_truetype_outlines(font)
    to_coarser_grid(font)
    subset.save_font(font, str(path), options)
    print(f"make_font: {len(text)} characters, {path.stat().st_size} bytes -> {path}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-font", required=True, type=Path)
    ap.add_argument("--out-glyphs", required=True, type=Path)
    ap.add_argument("--data", action="append", default=[], type=Path)
    ap.add_argument("--sources", nargs="*", default=[], type=Path)
    ap.add_argument("--out-visitor-font", type=Path, help="also a font without the characters only the booth shows")
    ap.add_argument("--booth-sources", nargs="*", default=[], type=Path, help="those of --sources only the booth has")
    args = ap.parse_args()
    args.sources = [s.resolve() for s in args.sources]
    args.booth_sources = {s.resolve() for s in args.booth_sources}

    from fontTools.ttLib import TTCollection

    chars = collect(args.data, args.sources)
    face = TTCollection(str(NOTO_CJK)).fonts[NOTO_SC_FACE]
    cmap = face.getBestCmap()
    missing = sorted((ch for ch in chars if ord(ch) not in cmap), key=ord)
    if missing:
        for ch in missing:
            name = unicodedata.name(ch, "unnamed")
            print(f"make_font: error: U+{ord(ch):04X} {name} ({ch!r}) from {chars[ch]} has no glyph in "
                  f"Noto Sans CJK SC; reword the text or pick another symbol", file=sys.stderr)
        return 1

    text = "".join(sorted(chars, key=ord))
    write_font(text, args.out_font)
    if args.out_visitor_font:
        # The booth's own texts (attract screen, keypad, QR panel, self-test) are in its sources alone; the
        # visitor's page never draws them, so its font goes without their glyphs (the atlas skips what the font
        # lacks). Every character of the shared sources and of the data stays.
        booth_only = set(chars) - set(collect(args.data, [s for s in args.sources if s not in args.booth_sources]))
        write_font("".join(ch for ch in text if ch not in booth_only), args.out_visitor_font)
        print(f"make_font: the visitor's font leaves out {len(booth_only)} characters only the booth shows: "
              f"{''.join(sorted(booth_only, key=ord))}")

    args.out_glyphs.parent.mkdir(parents=True, exist_ok=True)
    literal = cxx_literal(text)
    if not args.out_glyphs.exists() or args.out_glyphs.read_text(encoding="utf-8") != literal:
        args.out_glyphs.write_text(literal, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
