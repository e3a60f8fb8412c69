# Third-party inputs, found in one place.
#
# - nlohmann/json and doctest come from Debian's header-only packages (/usr/include). Under Emscripten we must
#   not put /usr/include on the include path (it would pull in glibc headers), so we point at a folder in the
#   build tree that links to just those two libraries.
# - Dear ImGui 1.90.1 and (for the web) SDL2 2.26.5 come from Debian source packages that scripts/deps.py
#   fetches, checks against pinned SHA-256 sums and caches in PORTAL_CACHE (default ~/.cache/shangyu-portal).

if(DEFINED ENV{PORTAL_CACHE})
  set(_portal_cache_default "$ENV{PORTAL_CACHE}")
else()
  set(_portal_cache_default "$ENV{HOME}/.cache/shangyu-portal")
endif()
set(PORTAL_CACHE "${_portal_cache_default}" CACHE PATH "Where fetched third-party sources and builds are cached")
set(PORTAL_IMGUI_DIR "${PORTAL_CACHE}/src/imgui-1.90.1" CACHE PATH "Dear ImGui 1.90.1 source tree")
option(PORTAL_FETCH_DEPS "Fetch missing third-party sources at configure time" ON)

find_package(Python3 COMPONENTS Interpreter QUIET)

# --- header-only libraries from Debian --------------------------------------------------------------------
set(_portal_sysdeps "${CMAKE_BINARY_DIR}/sysdeps/include")
file(MAKE_DIRECTORY "${_portal_sysdeps}")
foreach(_lib nlohmann doctest)
  if(NOT EXISTS "/usr/include/${_lib}")
    message(FATAL_ERROR "/usr/include/${_lib} is missing: apt-get install nlohmann-json3-dev doctest-dev "
                        "(or run `python3 scripts/deps.py packages`)")
  endif()
  if(NOT EXISTS "${_portal_sysdeps}/${_lib}")
    file(CREATE_LINK "/usr/include/${_lib}" "${_portal_sysdeps}/${_lib}" SYMBOLIC)
  endif()
endforeach()

add_library(portal_json INTERFACE)
target_include_directories(portal_json SYSTEM INTERFACE "${_portal_sysdeps}")
add_library(portal::json ALIAS portal_json)

add_library(portal_doctest INTERFACE)
target_include_directories(portal_doctest SYSTEM INTERFACE "${_portal_sysdeps}")
add_library(portal::doctest ALIAS portal_doctest)

# --- Dear ImGui ----------------------------------------------------------------------------------------------
if(NOT EXISTS "${PORTAL_IMGUI_DIR}/imgui.cpp" AND PORTAL_FETCH_DEPS AND Python3_FOUND)
  message(STATUS "Fetching Dear ImGui sources (scripts/deps.py imgui)")
  execute_process(COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/../scripts/deps.py" imgui
                  RESULT_VARIABLE _fetch_result)
  if(NOT _fetch_result EQUAL 0)
    message(WARNING "Could not fetch Dear ImGui; app targets will be skipped")
  endif()
endif()

if(EXISTS "${PORTAL_IMGUI_DIR}/imgui.cpp")
  add_library(portal_imgui STATIC
    "${PORTAL_IMGUI_DIR}/imgui.cpp"
    "${PORTAL_IMGUI_DIR}/imgui_draw.cpp"
    "${PORTAL_IMGUI_DIR}/imgui_widgets.cpp"
    "${PORTAL_IMGUI_DIR}/imgui_tables.cpp")
  target_include_directories(portal_imgui SYSTEM PUBLIC "${PORTAL_IMGUI_DIR}")
  # No demo window, no default font file loading, no legacy names: smaller and stricter.
  target_compile_definitions(portal_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS
                                                 IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_FILE_FUNCTIONS)
  add_library(portal::imgui ALIAS portal_imgui)
  set(PORTAL_IMGUI_BACKENDS_DIR "${PORTAL_IMGUI_DIR}/backends")
endif()

# --- SDL2 -----------------------------------------------------------------------------------------------------
if(EMSCRIPTEN)
  # Built once by scripts/deps.py sdl2-wasm and installed into the cache (see that script for the flags).
  set(PORTAL_SDL2_WASM_DIR "${PORTAL_CACHE}/sdl2-wasm" CACHE PATH "SDL2 2.26.5 built for wasm (install prefix)")
  if(EXISTS "${PORTAL_SDL2_WASM_DIR}/lib/libSDL2.a")
    add_library(portal_sdl2 INTERFACE)
    target_include_directories(portal_sdl2 SYSTEM INTERFACE "${PORTAL_SDL2_WASM_DIR}/include/SDL2")
    target_link_libraries(portal_sdl2 INTERFACE "${PORTAL_SDL2_WASM_DIR}/lib/libSDL2.a")
    add_library(portal::sdl2 ALIAS portal_sdl2)
  endif()
else()
  find_package(SDL2 QUIET)
  if(SDL2_FOUND)
    add_library(portal_sdl2 INTERFACE)
    if(TARGET SDL2::SDL2)
      target_link_libraries(portal_sdl2 INTERFACE SDL2::SDL2)
    else()
      target_include_directories(portal_sdl2 SYSTEM INTERFACE ${SDL2_INCLUDE_DIRS})
      target_link_libraries(portal_sdl2 INTERFACE ${SDL2_LIBRARIES})
    endif()
    add_library(portal::sdl2 ALIAS portal_sdl2)
  endif()
  find_package(OpenGL QUIET)
endif()

# --- QR Code generator (kiosk: "take it with you") ----------------------------------------------------------
set(PORTAL_QRCODEGEN_DIR "${PORTAL_CACHE}/src/qrcodegen-1.8.0" CACHE PATH "QR Code generator 1.8.0 source tree")
if(NOT EXISTS "${PORTAL_QRCODEGEN_DIR}/c/qrcodegen.c" AND PORTAL_FETCH_DEPS AND Python3_FOUND)
  execute_process(COMMAND "${Python3_EXECUTABLE}" "${CMAKE_CURRENT_LIST_DIR}/../scripts/deps.py" qrcodegen
                  RESULT_VARIABLE _fetch_result)
endif()
if(EXISTS "${PORTAL_QRCODEGEN_DIR}/c/qrcodegen.c")
  # The package's C library, not its C++ one: the C++ one formats errors with <sstream>, which drags libc++'s
  # stream and locale code (about 40 KB brotli) into the wasm.
  add_library(portal_qrcodegen STATIC "${PORTAL_QRCODEGEN_DIR}/c/qrcodegen.c")
  target_include_directories(portal_qrcodegen SYSTEM PUBLIC "${PORTAL_QRCODEGEN_DIR}/c")
  add_library(portal::qrcodegen ALIAS portal_qrcodegen)
endif()
