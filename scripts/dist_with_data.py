#!/usr/bin/env python3
"""A copy of a built site serving another policy file, split exactly as the build splits the bundled one.

    python3 scripts/dist_with_data.py build/web/dist OUT POLICIES.json

OUT (replaced if it exists) gets every file of the built site; POLICIES.json (a contract file, e.g. from
bench/generate_policies.py) becomes the booth's data, and the visitor's files made from it are written the way
scripts/finish_dist.py writes them: policies.json without the booth's fields, the policies' details and their
English in the files loaded after the first frame, each naming the SHA-256 of the data it belongs to. The
benchmarks time a first visit at scale with it (docs/PERFORMANCE.md), e.g.

    node bench/startup.mjs --dist OUT --runs 7

The font stays the bundled data's glyph subset and the text version (policies.html) stays the bundled data's:
characters outside the subset are drawn as a replacement glyph, which costs the same to draw.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from finish_dist import BOOTH_DATA, write_data  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    dist, out, policies = (Path(arg).resolve() for arg in argv[1:])
    if not (dist / "index.html").exists():
        print(f"{dist}: no built site here (python3 scripts/build.py web)", file=sys.stderr)
        return 1
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(dist, out)
    shutil.copyfile(policies, out / BOOTH_DATA)
    write_data(out)
    print(f"{out}: the site of {dist} with the data of {policies.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
