#!/usr/bin/env python3
"""What a first visit to the visitor's page downloads with a larger policy file (brotli -q 11), printed, not checked.

    python3 scripts/wire_at_scale.py [--dist build/web/dist] [POLICIES.json ...]

For each file (default: build/bench/policies-10000.json and build/bench/shangyu-10000.json, from
bench/generate_policies.py --sizes 10000 --bundled-sizes 10000) it takes the first-visit files of index.html
exactly as scripts/size_budget.py counts them, with the data the build would make from that file
(finish_dist.visitor_data and split_english: without the booth-only fields, without "details" and without the
English of the policies' texts, which a page starting in Chinese loads after its first frame from policy-details.json
and policy-english.json, whose sizes are printed too) in place of policies.json, and prints the table.
Then it splits the data's brotli bytes by what the first frame could still do without: the texts of "terms"
(shown when a card is opened), and each language's texts as a whole (a visitor reads one), so the doc can say
what loading them later would save.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from finish_dist import (VISITOR_DATA, VISITOR_DETAILS, VISITOR_ENGLISH, compact, details_data,  # noqa: E402
                         english_data, split_english, visitor_data)
from size_budget import brotli_size, first_visit_files, measure  # noqa: E402

DEFAULT_FILES = [REPO / "build" / "bench" / "policies-10000.json", REPO / "build" / "bench" / "shangyu-10000.json"]
LATER_FIELDS = ("details", "terms")


def without_fields(data: dict, fields: tuple[str, ...]) -> dict:
    policies = [{k: v for k, v in p.items() if k not in fields} for p in data["policies"]]
    return {**data, "policies": policies}


def only_language(value, keep: str):
    """The document with every text object {"zh", "en"} reduced to the language `keep`."""
    if isinstance(value, dict):
        if set(value) <= {"zh", "en"} and value and all(isinstance(v, (str, list)) for v in value.values()):
            return {k: v for k, v in value.items() if k == keep}
        return {k: only_language(v, keep) for k, v in value.items()}
    if isinstance(value, list):
        return [only_language(v, keep) for v in value]
    return value


def kb(size: int) -> str:
    return f"{size / 1000:,.1f} KB"


def report(dist: Path, policies: Path) -> None:
    contract = json.loads(policies.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(visitor_data(contract)))  # a copy: split_english edits it
    english_entries = split_english(data)
    text = compact(data).encode("utf-8")
    details = compact(details_data(contract, text)).encode("utf-8")
    english = compact(english_data(english_entries, text)).encode("utf-8")
    names = [n for n in first_visit_files(dist, "index.html", "app") if n != VISITOR_DATA]
    rows = measure(dist, names)
    rows.append({"file": f"{VISITOR_DATA} ({policies.name})", "raw": len(text), "gzip": 0,
                 "brotli": brotli_size(text)})
    print(f"\n## first visit to index.html with {len(data['policies']):,} policies from {policies.name}\n")
    print("| file | raw | brotli |")
    print("|---|---:|---:|")
    for row in rows:
        print(f"| {row['file']} | {kb(row['raw'])} | {kb(row['brotli'])} |")
    total_raw = sum(r["raw"] for r in rows)
    total = sum(r["brotli"] for r in rows)
    print(f"| **total** | {kb(total_raw)} | **{kb(total)}** |")

    data_br = rows[-1]["brotli"]
    later = brotli_size(compact(without_fields(data, LATER_FIELDS)).encode("utf-8"))
    print(f"\nthe data: {kb(data_br)} brotli; without {' and '.join(LATER_FIELDS)}: {kb(later)} "
          f"({100 * (data_br - later) / data_br:.0f} % of the first visit's data could wait for a card to open)")
    for lang in ("zh", "en"):
        one = brotli_size(compact(only_language(data, lang)).encode("utf-8"))
        print(f"only the {lang} texts: {kb(one)} ({100 * (data_br - one) / data_br:.0f} % less)")
    print(f"first visit: {kb(total)} brotli, of which the data {100 * data_br / total:.0f} %")
    print(f"after the first frame: {VISITOR_DETAILS} {kb(len(details))} raw, {kb(brotli_size(details))} brotli")
    english_br = brotli_size(english)
    print(f"after the first frame (with the data when the page starts in English): {VISITOR_ENGLISH} "
          f"{kb(len(english))} raw, {kb(english_br)} brotli; a first visit in English {kb(total + english_br)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=REPO / "build" / "web" / "dist")
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    args = parser.parse_args()
    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        sys.exit(f"missing {', '.join(missing)}: run python3 bench/generate_policies.py --sizes 10000 "
                 "--bundled-sizes 10000")
    for policies in args.files:
        report(args.dist, policies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
