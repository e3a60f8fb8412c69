#!/usr/bin/env python3
"""Build the Shangyu policy portal for the browser and serve it on this machine.

    python3 serve.py [--port 8000] [--host 127.0.0.1] [--no-build]

Installs the Debian packages it needs, fetches and checks the third-party sources, builds SDL2 for WebAssembly
once (cached in ~/.cache/shangyu-portal), builds the release bundle into build/web/dist and serves it. A second
run with nothing changed is serving within seconds. Stop with Ctrl+C.
"""
from __future__ import annotations

import argparse
import email.utils
import functools
import http.server
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO / "scripts"))
import build  # noqa: E402

DIST = REPO / "build" / "web" / "dist"


def accepted_encodings(header: str | None) -> set[str]:
    """The content codings an Accept-Encoding header allows (q=0 refuses one; "*" allows any not named)."""
    allowed, refused, star = set(), set(), False
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        if not name:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name == "*":
            star = q > 0
        elif q > 0:
            allowed.add(name)
        else:
            refused.add(name)
    if star:
        allowed |= {"br", "gzip"} - refused
    return allowed


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that sends what real static hosts send: the types browsers insist on (wasm must be
    application/wasm), and the precompressed NAME.br / NAME.gz made at build time (scripts/finish_dist.py) to
    browsers that accept them, with Content-Encoding, Vary: Accept-Encoding, and an ETag per variant, so what a
    browser downloads here is what scripts/size_budget.py measures."""

    # Preferred first: brotli is smaller (the budget is counted in brotli bytes).
    ENCODINGS = [("br", ".br"), ("gzip", ".gz")]

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

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")  # the directory's page, precompressed like any other file
        if not os.path.isfile(path):
            return super().send_head()  # directories without a slash (redirects) and 404s as before
        variants = [(name, path + suffix) for name, suffix in self.ENCODINGS if os.path.isfile(path + suffix)]
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        encoding, served = next(((name, file) for name, file in variants if name in accepted), (None, path))
        try:
            f = open(served, "rb")
        except OSError:
            self.send_error(404, "File not found")
            return None
        try:
            stat = os.fstat(f.fileno())
            etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-" + encoding if encoding else ""}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                if variants:
                    self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                f.close()
                return None
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            if variants:
                self.send_header("Vary", "Accept-Encoding")  # caches must keep one copy per encoding
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
            self.send_header("ETag", etag)
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise

    def end_headers(self) -> None:
        # Revalidate every time (the ETag makes that cheap): the files' names carry no version, and a new
        # deployment must never mix with an old cached wasm.
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
