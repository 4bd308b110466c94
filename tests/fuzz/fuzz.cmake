# The libFuzzer targets inside the main build (README "Fuzzing"). kiosk is built with g++; the
# fuzz targets need clang's -fsanitize=fuzzer, so tests/fuzz is configured as a project of its
# own with clang++ into build/fuzz and built with everything else; ctest runs each target briefly
# (label `fuzz`). tests/fuzz/run-long.sh runs them for longer.
#
# KIOSK_FUZZ defaults to ON for a top-level build with tests when clang++ can link a fuzzer and
# KIOSK_SANITIZE is off (the sanitizer build tests the same code with g++; building the fuzzers
# twice would only cost time).
include(ExternalProject)

find_program(KIOSK_FUZZ_CLANGXX NAMES clang++ clang++-14 clang++-15 clang++-16
             DOC "clang++ for the libFuzzer targets")

# Whether `clang++ -fsanitize=fuzzer,address,undefined` links a program: clang without
# libclang-rt-dev (Debian's clang 14 ships the fuzzer runtime in libclang-rt-14-dev) does not.
function(kiosk_fuzz_check_clang out)
  set(dir "${CMAKE_BINARY_DIR}/CMakeFiles/kiosk_fuzz_check")
  file(WRITE "${dir}/check.cpp"
    "#include <cstddef>\n#include <cstdint>\n"
    "extern \"C\" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n")
  execute_process(
    COMMAND ${KIOSK_FUZZ_CLANGXX} -fsanitize=fuzzer,address,undefined check.cpp -o check
    WORKING_DIRECTORY "${dir}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0)
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

set(kiosk_fuzz_why "")
if(NOT KIOSK_FUZZ_CLANGXX)
  set(kiosk_fuzz_why "clang++ was not found (apt-get install clang libclang-rt-14-dev)")
else()
  if(NOT DEFINED CACHE{KIOSK_FUZZ_CLANG_WORKS})
    kiosk_fuzz_check_clang(works)
    set(KIOSK_FUZZ_CLANG_WORKS ${works} CACHE INTERNAL "clang++ links -fsanitize=fuzzer")
  endif()
  if(NOT KIOSK_FUZZ_CLANG_WORKS)
    string(CONCAT kiosk_fuzz_why "${KIOSK_FUZZ_CLANGXX} cannot link "
           "-fsanitize=fuzzer,address,undefined (apt-get install libclang-rt-14-dev)")
  endif()
endif()
set(kiosk_fuzz_default OFF)
if(PROJECT_IS_TOP_LEVEL AND NOT KIOSK_SANITIZE AND NOT kiosk_fuzz_why)
  set(kiosk_fuzz_default ON)
endif()
option(KIOSK_FUZZ "Build the libFuzzer targets with clang++ and run each briefly in ctest"
       ${kiosk_fuzz_default})
set(KIOSK_FUZZ_SECONDS 20 CACHE STRING "How long ctest runs each fuzz target")

if(NOT KIOSK_FUZZ)
  if(kiosk_fuzz_why)
    message(STATUS "Fuzz targets off: ${kiosk_fuzz_why}")
  elseif(KIOSK_SANITIZE)
    message(STATUS "Fuzz targets off: not built again in the KIOSK_SANITIZE build")
  else()
    message(STATUS "Fuzz targets off (-DKIOSK_FUZZ=ON builds them)")
  endif()
  return()
endif()
if(kiosk_fuzz_why)
  message(FATAL_ERROR "KIOSK_FUZZ is ON but ${kiosk_fuzz_why}")
endif()
message(STATUS "Fuzz targets: built with ${KIOSK_FUZZ_CLANGXX} in ${CMAKE_BINARY_DIR}/fuzz")

set(KIOSK_FUZZ_DIR "${CMAKE_BINARY_DIR}/fuzz")
ExternalProject_Add(kiosk_fuzz
  SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}"
  BINARY_DIR "${KIOSK_FUZZ_DIR}/build"
  PREFIX "${KIOSK_FUZZ_DIR}"
  CMAKE_ARGS -DCMAKE_CXX_COMPILER=${KIOSK_FUZZ_CLANGXX}
  # Its own build decides what changed in kiosk's sources; ask it every time.
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  USES_TERMINAL_BUILD OFF)

file(GLOB kiosk_fuzz_targets LIST_DIRECTORIES true RELATIVE "${CMAKE_CURRENT_LIST_DIR}/corpus"
     "${CMAKE_CURRENT_LIST_DIR}/corpus/*")
foreach(t ${kiosk_fuzz_targets})
  add_test(NAME fuzz.${t}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run-short.sh ${t} ${KIOSK_FUZZ_DIR}/build
            ${KIOSK_FUZZ_DIR}/short ${KIOSK_FUZZ_SECONDS})
  set_tests_properties(fuzz.${t} PROPERTIES LABELS fuzz TIMEOUT 180)
endforeach()
