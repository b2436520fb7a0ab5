# cmake -DSOURCE_DIR=... -DOUTPUT=.../build_info.hpp [-DGIT_EXECUTABLE=git] -P BuildInfoScript.cmake
# Writes OUTPUT only when its text changes.
set(commit unknown)
if(GIT_EXECUTABLE)
  # Only the checkout the sources are in: a source tree unpacked inside some other
  # repository must not report that repository's commit.
  execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} rev-parse --show-toplevel
                  OUTPUT_VARIABLE top RESULT_VARIABLE topResult
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  file(REAL_PATH "${SOURCE_DIR}" source)
  if(topResult EQUAL 0 AND NOT top STREQUAL "")
    file(REAL_PATH "${top}" top)
  endif()
  if(topResult EQUAL 0 AND top STREQUAL source)
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} describe --always --dirty
                    OUTPUT_VARIABLE described RESULT_VARIABLE describeResult
                    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(describeResult EQUAL 0 AND described MATCHES "^[-A-Za-z0-9._+]+$")
      set(commit "${described}")
    endif()
  endif()
endif()

set(text "#pragma once
// Written by cmake/BuildInfoScript.cmake at build time.
namespace lrscope::build {
// `git describe --always --dirty` of the sources, or \"unknown\" outside a git checkout.
inline constexpr const char* kCommit = \"${commit}\";
}  // namespace lrscope::build
")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT old STREQUAL text)
  file(WRITE ${OUTPUT} "${text}")
endif()
