// Where a test program finds its data: the bundled policy file, tests/data, the personas and the font the build
// makes. The paths belong to one build tree, so CMake writes them into one small generated source per program
// (portal_test_paths in cmake/PortalTesting.cmake) instead of passing them as -D flags to every translation unit:
// that keeps the clone's absolute path out of all other objects, which ccache can then share between clones.
#pragma once

namespace portal::test_paths {
const char* policy_file();    // assets/policies/shangyu.json
const char* data_dir();       // tests/data
const char* personas_file();  // tests/personas/personas.json
const char* font_file();      // the build's font subset (generated/portal-font.ttf)
const char* generated_dir();  // the benchmark generator's small files, for the programs that ask for them ("" otherwise)
}  // namespace portal::test_paths

// The names the suites have always used for them.
#define PORTAL_POLICY_FILE (::portal::test_paths::policy_file())
#define PORTAL_TEST_DATA_DIR (::portal::test_paths::data_dir())
#define PORTAL_PERSONAS_FILE (::portal::test_paths::personas_file())
#define PORTAL_FONT_FILE (::portal::test_paths::font_file())
