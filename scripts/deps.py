#!/usr/bin/env python3
"""Install and fetch everything the portal needs that is not our own code.

    python3 scripts/deps.py packages      Debian packages for building and serving
    python3 scripts/deps.py test-packages  ... plus what the tests need (Chromium, npm packages)
    python3 scripts/deps.py imgui         Dear ImGui 1.90.1 source (Debian trixie source package)
    python3 scripts/deps.py qrcodegen     QR Code generator 1.8.0 (Debian source package) for the kiosk
    python3 scripts/deps.py sdl2-wasm     SDL2 2.26.5 (bookworm source package) built for WebAssembly
    python3 scripts/deps.py all           everything for the web build

Third-party sources come from Debian's archive through `apt-get source`, are checked against the SHA-256 sums
pinned below, and are unpacked and built in PORTAL_CACHE (default ~/.cache/shangyu-portal), outside the tracked
tree, so that a second run finds them and does nothing. Nothing fetched here is ever committed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("PORTAL_CACHE", Path.home() / ".cache" / "shangyu-portal"))

# Debian packages. Build: compilers, ccache (compiled objects kept between clones) and headers; fonts: the CJK face and the subsetter; terser minifies the scripts.
BUILD_PACKAGES = [
    "cmake", "g++", "ccache", "emscripten", "nlohmann-json3-dev", "doctest-dev", "libsdl2-dev",
    "fonts-noto-cjk", "python3-fonttools", "python3-brotli", "brotli", "terser", "gzip", "xz-utils", "ca-certificates",
]
TEST_PACKAGES = ["chromium", "clang-14", "libclang-rt-14-dev"]

# Third-party sources, pinned by the SHA-256 of Debian's orig tarball.
SOURCES = {
    "imgui": {
        "package": "imgui", "suite": "trixie", "version": "1.90.1+ds-1",
        "orig": "imgui_1.90.1+ds.orig.tar.xz",
        "sha256": "ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c",
        "dest": "imgui-1.90.1",
    },
    "qrcodegen": {
        "package": "qr-code-generator", "suite": "bookworm", "version": "1.8.0-1.1",
        "orig": "qr-code-generator_1.8.0.orig.tar.gz",
        "sha256": "2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60",
        "dest": "qrcodegen-1.8.0",
    },
    "sdl2": {
        "package": "libsdl2", "suite": "bookworm", "version": "2.26.5+dfsg-1",
        "orig": "libsdl2_2.26.5+dfsg.orig.tar.gz",
        "sha256": "b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3",
        "dest": "SDL2-2.26.5",
    },
}

# SDL2 for the web: only what the portal uses (video, events, timers). Changing the flags changes the cache key.
# SDL_LEAN_AND_MEAN is SDL's own switch (src/SDL_internal.h) that leaves out the optimised software blitters, RLE
# and YUV conversion: the portal draws with WebGL and never blits a surface, and they were the largest code in the
# visitor's wasm that no frame runs (app.wasm 289.7 -> 270.0 KB brotli, measured).
SDL2_WASM_FLAGS = [
    "-DSDL_SHARED=OFF", "-DSDL_STATIC=ON", "-DSDL_TEST=OFF", "-DSDL_AUDIO=OFF", "-DSDL_JOYSTICK=OFF",
    "-DSDL_HAPTIC=OFF", "-DSDL_SENSOR=OFF", "-DSDL_POWER=OFF", "-DSDL_RENDER=OFF", "-DSDL_HIDAPI=OFF",
    "-DSDL_PTHREADS=OFF", "-DSDL_THREADS=OFF", "-DCMAKE_BUILD_TYPE=MinSizeRel",
    "-DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1",
]


def log(msg: str) -> None:
    print(f"[deps] {msg}", flush=True)


def run(cmd: list[str], **kw) -> None:
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run(cmd, check=True, **kw)


def emscripten_env() -> dict[str, str]:
    """Debian's emscripten needs node to find acorn in /usr/share/nodejs (see TOOLCHAIN.md)."""
    env = dict(os.environ)
    env["NODE_PATH"] = "/usr/share/nodejs" + (":" + env["NODE_PATH"] if env.get("NODE_PATH") else "")
    return env


# --- Debian packages --------------------------------------------------------------------------------------------

def missing_packages(names: list[str]) -> list[str]:
    missing = []
    for name in names:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "install ok installed" not in r.stdout:
            missing.append(name)
    return missing


def ensure_packages(names: list[str]) -> None:
    missing = missing_packages(names)
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"[deps] missing Debian packages (run as root or install them): {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], env=env)


def ensure_npm_packages() -> None:
    """playwright-core and friends, exactly as package-lock.json pins them."""
    stamp = REPO / "node_modules" / ".portal-lock-sha256"
    lock = REPO / "package-lock.json"
    digest = sha256_of(lock)
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO)
    stamp.write_text(digest)


# --- Debian source packages -------------------------------------------------------------------------------------

def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def private_apt_options() -> list[str]:
    """A private source list and index, so fetching sources never touches the machine's own apt state."""
    root = CACHE / "apt"
    (root / "lists" / "partial").mkdir(parents=True, exist_ok=True)
    (root / "cache" / "archives" / "partial").mkdir(parents=True, exist_ok=True)
    sources = root / "sources.list"
    keyring = "/usr/share/keyrings/debian-archive-keyring.gpg"
    lines = [f"deb-src [signed-by={keyring}] http://deb.debian.org/debian {suite} main"
             for suite in sorted({s["suite"] for s in SOURCES.values()})]
    text = "\n".join(lines) + "\n"
    if not sources.exists() or sources.read_text() != text:
        sources.write_text(text)
    return [f"-oDir::Etc::SourceList={sources}", "-oDir::Etc::SourceParts=/dev/null",
            f"-oDir::State::Lists={root / 'lists'}", f"-oDir::Cache={root / 'cache'}",
            "-oAPT::Sandbox::User=root"]


def download_orig(spec: dict) -> Path:
    downloads = CACHE / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    orig = downloads / spec["orig"]
    if orig.exists() and sha256_of(orig) == spec["sha256"]:
        return orig
    opts = private_apt_options()
    if not list((CACHE / "apt" / "lists").glob("*Sources*")):
        run(["apt-get", *opts, "update", "-q"])
    fetch = ["apt-get", *opts, "source", "--download-only", "-q", f"{spec['package']}={spec['version']}"]
    # Only the upstream (orig) tarball is used, and it is checked by hash below; a mirror that lacks the small
    # Debian packaging files makes apt-get fail after the orig tarball arrived, which is fine.
    if subprocess.run(fetch, cwd=downloads).returncode != 0 and not orig.exists():
        run(["apt-get", *opts, "update", "-q"])  # the index may be stale; refresh it once and retry
        subprocess.run(fetch, cwd=downloads)
    if not orig.exists():
        sys.exit(f"[deps] could not download {spec['orig']} ({spec['package']} {spec['version']})")
    got = sha256_of(orig)
    if got != spec["sha256"]:
        orig.unlink()
        sys.exit(f"[deps] SHA-256 mismatch for {spec['orig']}: expected {spec['sha256']}, got {got}")
    return orig


def ensure_source(name: str) -> Path:
    spec = SOURCES[name]
    dest = CACHE / "src" / spec["dest"]
    stamp = dest / ".portal-sha256"
    if stamp.exists() and stamp.read_text().strip() == spec["sha256"]:
        return dest
    orig = download_orig(spec)
    if dest.exists():
        shutil.rmtree(dest)
    tmp = dest.with_name(dest.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    with tarfile.open(orig) as tar:
        tar.extractall(tmp)
    entries = list(tmp.iterdir())
    top = entries[0] if len(entries) == 1 and entries[0].is_dir() else tmp
    top.rename(dest)
    if tmp.exists():
        shutil.rmtree(tmp)
    stamp.write_text(spec["sha256"])
    log(f"{name}: unpacked into {dest}")
    return dest


# --- SDL2 for WebAssembly ---------------------------------------------------------------------------------------

def sdl2_wasm_key() -> str:
    h = hashlib.sha256((SOURCES["sdl2"]["sha256"] + " ".join(SDL2_WASM_FLAGS)).encode())
    return h.hexdigest()[:12]


def ensure_sdl2_wasm() -> Path:
    """Build SDL2 once with its own CMake under emcmake (minutes: every configure check is an emcc call)."""
    prefix = CACHE / "sdl2-wasm"
    stamp = prefix / ".portal-key"
    key = sdl2_wasm_key()
    if stamp.exists() and stamp.read_text().strip() == key and (prefix / "lib" / "libSDL2.a").exists():
        return prefix
    src = ensure_source("sdl2")
    build = CACHE / "build" / f"sdl2-wasm-{key}"
    if build.exists():
        shutil.rmtree(build)
    if prefix.exists():
        shutil.rmtree(prefix)
    env = emscripten_env()
    log("building SDL2 for wasm (one time, a few minutes)")
    run(["emcmake", "cmake", "-S", str(src), "-B", str(build), f"-DCMAKE_INSTALL_PREFIX={prefix}",
         *SDL2_WASM_FLAGS], env=env)
    run(["cmake", "--build", str(build), f"-j{os.cpu_count() or 2}"], env=env)
    run(["cmake", "--install", str(build)], env=env)
    stamp.write_text(key)
    shutil.rmtree(build, ignore_errors=True)
    return prefix


def main(argv: list[str]) -> int:
    what = argv[1] if len(argv) > 1 else "all"
    if what == "packages":
        ensure_packages(BUILD_PACKAGES)
    elif what == "test-packages":
        ensure_packages(BUILD_PACKAGES + TEST_PACKAGES)
        ensure_npm_packages()
    elif what == "imgui":
        ensure_packages(["xz-utils"])
        ensure_source("imgui")
    elif what == "sdl2-wasm":
        ensure_packages(BUILD_PACKAGES)
        ensure_sdl2_wasm()
    elif what == "qrcodegen":
        ensure_source("qrcodegen")
    elif what == "all":
        ensure_packages(BUILD_PACKAGES)
        ensure_source("imgui")
        ensure_source("qrcodegen")
        ensure_sdl2_wasm()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
