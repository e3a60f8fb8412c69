#!/usr/bin/env python3
"""Configure and build one CMake preset, installing and fetching what it needs first.

    python3 scripts/build.py web       the browser bundle (build/web/dist) and the wasm test suites
    python3 scripts/build.py native    core, tests, policyctl, desktop app (build/native)
    python3 scripts/build.py sanitize  native suites under ASan + UBSan (build/sanitize)

Configuring is skipped when the build tree already exists, so an unchanged tree rebuilds in a second or two.
Compiled objects are also kept by ccache in the cache outside the tree, keyed without the clone's own path, so a
fresh clone of code already compiled on this machine builds in a few minutes instead of twenty.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deps  # noqa: E402

REPO = deps.REPO
JOBS = str(os.cpu_count() or 2)


def build_dir(preset: str) -> Path:
    return REPO / "build" / preset


def prepare(preset: str) -> None:
    deps.ensure_packages(deps.BUILD_PACKAGES)
    deps.ensure_source("imgui")
    deps.ensure_source("qrcodegen")
    if preset == "web":
        deps.ensure_sdl2_wasm()


def policyctl_path() -> Path:
    return build_dir("native") / "src" / "tools" / "policyctl"


def cache_settings(preset: str) -> list[str]:
    """-D settings a preset needs beyond CMakePresets.json. The web bundle's text version (policies.html) is
    written at build time by the native policyctl, which cannot be compiled by Emscripten. Emscripten takes its
    compiler cache from the environment instead (build_env), since em++ is a script ccache does not know."""
    if preset == "web":
        return [f"-DPORTAL_POLICYCTL:FILEPATH={policyctl_path()}"]
    return ["-DCMAKE_C_COMPILER_LAUNCHER:STRING=ccache", "-DCMAKE_CXX_COMPILER_LAUNCHER:STRING=ccache"]


def build_env() -> dict[str, str]:
    """The environment of configure and build: Emscripten's, plus ccache's settings. base_dir turns the clone's
    absolute paths into relative ones before hashing and nohashdir leaves the working directory out, so two
    clones share their objects; debug info then names the clone that compiled first, which no test reads."""
    env = deps.emscripten_env()
    env.update(CCACHE_DIR=str(deps.CACHE / "ccache"), CCACHE_BASEDIR=str(REPO), CCACHE_NOHASHDIR="1",
               CCACHE_MAXSIZE="4G", EM_COMPILER_WRAPPER="ccache")
    return env


def configure(preset: str) -> None:
    settings = cache_settings(preset)
    cache = build_dir(preset) / "CMakeCache.txt"
    if cache.exists():
        text = cache.read_text(encoding="utf-8", errors="replace")
        if all(setting[2:] in text.splitlines() for setting in settings):
            return  # CMake re-runs itself when a CMakeLists.txt changes
    subprocess.run(["cmake", "--preset", preset, "--log-level=WARNING", *settings], cwd=REPO, check=True,
                   env=build_env())


def build(preset: str, target: str | None = None) -> None:
    if preset == "web":
        build("native", "policyctl")  # web_dist runs it to write policies.html
    prepare(preset)
    configure(preset)
    cmd = ["cmake", "--build", "--preset", preset, "-j", JOBS]
    if target:
        cmd += ["--target", target]
    subprocess.run(cmd, cwd=REPO, check=True, env=build_env())


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in ("web", "native", "sanitize"):
        print(__doc__)
        return 2
    try:
        build(argv[1])
    except subprocess.CalledProcessError as err:
        print(f"[build] failed: {' '.join(map(str, err.cmd))} (exit {err.returncode})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
