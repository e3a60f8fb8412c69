#!/usr/bin/env python3
"""Build the Shangyu policy portal for the browser and serve it on this machine.

    python3 serve.py [--port 8000] [--host 127.0.0.1] [--no-build]

Installs the Debian packages it needs, fetches and checks the third-party sources, builds SDL2 for WebAssembly
once (cached in ~/.cache/shangyu-portal), builds the release bundle into build/web/dist and serves it. A second
run with nothing changed is serving within seconds. Stop with Ctrl+C.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO / "scripts"))
import build  # noqa: E402

DIST = REPO / "build" / "web" / "dist"


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A plain static server with the types browsers insist on (wasm must be application/wasm)."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript; charset=utf-8",
        ".mjs": "text/javascript; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml",
        ".ttf": "font/ttf",
        ".webmanifest": "application/manifest+json",
        ".txt": "text/plain; charset=utf-8",
    }

    def end_headers(self) -> None:
        # Revalidate every time: a new deployment must never mix with an old cached wasm.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, fmt: str, *args) -> None:
        if not self.server.quiet:  # type: ignore[attr-defined]
            super().log_message(fmt, *args)


def serve(directory: Path, host: str, port: int, quiet: bool) -> None:
    handler = functools.partial(StaticHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.quiet = quiet  # type: ignore[attr-defined]
    print(f"Serving the Shangyu policy portal at http://{host}:{server.server_address[1]}/  (Ctrl+C stops)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000; 0 picks a free one)")
    ap.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--no-build", action="store_true", help="serve the existing bundle without building")
    ap.add_argument("--quiet", action="store_true", help="do not log each request")
    args = ap.parse_args()
    if not args.no_build:
        try:
            build.build("web", "web_dist")
        except subprocess.CalledProcessError as err:
            print(f"serve.py: the build failed ({' '.join(map(str, err.cmd))}); nothing to serve", file=sys.stderr)
            return 1
    if not (DIST / "index.html").exists():
        print(f"serve.py: {DIST} has no bundle; run without --no-build", file=sys.stderr)
        return 1
    serve(DIST, args.host, args.port, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
