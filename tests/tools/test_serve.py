#!/usr/bin/env python3
"""serve.py sends what a static host set up for precompression sends: the NAME.br or NAME.gz made at build time
(scripts/finish_dist.py) when the browser's Accept-Encoding allows it, with Content-Encoding, Vary, the original
Content-Type, Content-Length and a per-variant ETag; the plain file otherwise. Each answer's bytes decode to the
file itself."""
from __future__ import annotations

import gzip
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
import finish_dist  # noqa: E402
import serve  # noqa: E402


def unbrotli(data: bytes) -> bytes:
    return subprocess.run(["brotli", "-d", "-c"], input=data, capture_output=True, check=True).stdout


class ServeEncodings(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.dir = tempfile.TemporaryDirectory()
        root = Path(cls.dir.name)
        # Something wasm-like (compresses, but not to nothing) and something too small to be worth compressing.
        cls.wasm = b"\0asm\x01\0\0\0" + bytes(range(256)) * 200 + os.urandom(2000)
        (root / "app.wasm").write_bytes(cls.wasm)
        (root / "index.html").write_text("<!doctype html><title>x</title>" + "<p>portal</p>" * 300, encoding="utf-8")
        (root / "tiny.js").write_bytes(b"1")
        finish_dist.precompress(root)
        handler = lambda *a, **kw: serve.StaticHandler(*a, directory=str(root), **kw)  # noqa: E731
        cls.server = serve.http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        cls.server.quiet = True
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.root = root

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.shutdown()
        cls.server.server_close()
        cls.dir.cleanup()

    def get(self, path: str, accept: str | None, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.server_address[1], timeout=10)
        sent = dict(headers or {})
        if accept is not None:
            sent["Accept-Encoding"] = accept
        conn.request("GET", path, headers=sent)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response, body

    def test_build_made_both_variants_and_skipped_the_tiny_file(self) -> None:
        self.assertTrue((self.root / "app.wasm.br").is_file())
        self.assertTrue((self.root / "app.wasm.gz").is_file())
        self.assertFalse((self.root / "tiny.js.br").exists(), "no variant when it would be larger")

    def test_brotli_when_accepted(self) -> None:
        response, body = self.get("/app.wasm", "gzip, deflate, br")
        self.assertEqual(response.status, 200)
        self.assertEqual(response.getheader("Content-Encoding"), "br")
        self.assertEqual(response.getheader("Content-Type"), "application/wasm")
        self.assertEqual(response.getheader("Vary"), "Accept-Encoding")
        self.assertEqual(response.getheader("Cache-Control"), "no-cache")
        self.assertEqual(int(response.getheader("Content-Length")), len(body))
        self.assertEqual(body, (self.root / "app.wasm.br").read_bytes(), "the build's .br, byte for byte")
        self.assertEqual(unbrotli(body), self.wasm)
        self.assertLess(len(body), len(self.wasm))

    def test_gzip_when_brotli_is_not_accepted(self) -> None:
        for accept in ("gzip", "gzip;q=1, br;q=0", "*;q=1, br;q=0"):
            with self.subTest(accept=accept):
                response, body = self.get("/app.wasm", accept)
                self.assertEqual(response.getheader("Content-Encoding"), "gzip")
                self.assertEqual(response.getheader("Vary"), "Accept-Encoding")
                self.assertEqual(gzip.decompress(body), self.wasm)

    def test_plain_when_nothing_is_accepted(self) -> None:
        for accept in (None, "identity", "br;q=0, gzip;q=0"):
            with self.subTest(accept=accept):
                response, body = self.get("/app.wasm", accept)
                self.assertIsNone(response.getheader("Content-Encoding"))
                self.assertEqual(response.getheader("Vary"), "Accept-Encoding")
                self.assertEqual(response.getheader("Content-Type"), "application/wasm")
                self.assertEqual(body, self.wasm)

    def test_html_type_and_a_revalidation_per_variant(self) -> None:
        response, body = self.get("/index.html", "br")
        self.assertEqual(response.getheader("Content-Type"), "text/html; charset=utf-8")
        self.assertEqual(unbrotli(body), (self.root / "index.html").read_bytes())
        etag = response.getheader("ETag")
        again, empty = self.get("/index.html", "br", {"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(empty, b"")
        # The plain file's tag differs: a cache never answers a gzip-less client with brotli bytes.
        plain, _ = self.get("/index.html", None, {"If-None-Match": etag})
        self.assertEqual(plain.status, 200)
        self.assertNotEqual(plain.getheader("ETag"), etag)

    def test_a_file_without_variants_has_no_vary(self) -> None:
        response, body = self.get("/tiny.js", "br, gzip")
        self.assertIsNone(response.getheader("Content-Encoding"))
        self.assertIsNone(response.getheader("Vary"))
        self.assertEqual(body, b"1")

    def test_directory_serves_its_index(self) -> None:
        response, body = self.get("/", "br")
        self.assertEqual(response.status, 200)
        self.assertEqual(response.getheader("Content-Encoding"), "br")
        self.assertEqual(response.getheader("Content-Type"), "text/html; charset=utf-8")
        self.assertEqual(unbrotli(body), (self.root / "index.html").read_bytes())


if __name__ == "__main__":
    unittest.main()
