# portal_doctest_program(<target> PREFIX <ctest prefix> LIBRARIES <libs...> SUITES <suites...>)
#
# One doctest executable built from every .cpp beside the calling CMakeLists.txt, registered with ctest as one
# entry per suite ("<prefix>.<suite>", so a failure names its area) plus "<prefix>.other" for any suite not
# listed. Under Emscripten the same program runs as wasm in node through ctest's emulator.
function(portal_doctest_program target)
  cmake_parse_arguments(ARG "" "PREFIX" "LIBRARIES;SUITES" ${ARGN})
  file(GLOB _sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  add_executable(${target} ${_sources})
  target_link_libraries(${target} PRIVATE ${ARG_LIBRARIES} portal::doctest)
  target_compile_definitions(${target} PRIVATE
    PORTAL_TEST_DATA_DIR="${PORTAL_TEST_DATA_DIR}"
    PORTAL_POLICY_FILE="${PORTAL_POLICY_FILE}")
  portal_set_warnings(${target})

  if(EMSCRIPTEN)
    # doctest reports failures by throwing; node needs the real file system and room for the conformance data.
    target_compile_options(${target} PRIVATE -fexceptions)
    target_link_options(${target} PRIVATE -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -fexceptions)
    set_target_properties(${target} PROPERTIES SUFFIX ".js")
    # Emscripten's .js is CommonJS, but the repository's package.json says "type": "module", which node applies
    # to every .js below it. A package.json beside the test program takes precedence.
    file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/package.json" "{\"type\": \"commonjs\"}\n")
  endif()

  foreach(_suite ${ARG_SUITES})
    add_test(NAME ${ARG_PREFIX}.${_suite} COMMAND ${target} --test-suite=${_suite} --no-version=true)
  endforeach()
  list(JOIN ARG_SUITES "," _suite_list)
  add_test(NAME ${ARG_PREFIX}.other COMMAND ${target} --test-suite-exclude=${_suite_list} --no-version=true)
endfunction()
