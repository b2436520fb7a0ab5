# libFuzzer build (-DLRSCOPE_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++): every object is
# instrumented for coverage and checked by AddressSanitizer + UndefinedBehaviorSanitizer;
# only the fuzz executables link libFuzzer's main. The gcc build never sees these flags.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "LRSCOPE_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                    -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=address,undefined)

set(LRSCOPE_FUZZ_SECONDS 5 CACHE STRING "How long ctest runs each fuzz target")
# One input that takes longer than this is a hang, and a finding.
set(LRSCOPE_FUZZ_TIMEOUT 10 CACHE STRING "Seconds one input may take")

# lrscope_add_fuzzer(NAME) builds fuzz_NAME from fuzz_NAME.cpp in the calling folder and
# adds the ctest test fuzz.NAME: it first replays every seed in corpus/NAME/ (so a past
# finding kept there is a regression test), then fuzzes for LRSCOPE_FUZZ_SECONDS. New
# inputs go to the build folder, never into the sources; crashing inputs go to
# findings/NAME/ in the build folder.
function(lrscope_add_fuzzer name)
  set(target fuzz_${name})
  add_executable(${target} ${CMAKE_CURRENT_SOURCE_DIR}/${target}.cpp)
  target_link_libraries(${target} PRIVATE lrscope_core lrscope_warnings)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_options(${target} PRIVATE -fsanitize=fuzzer)

  set(seeds ${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name})
  set(work ${CMAKE_CURRENT_BINARY_DIR}/corpus/${name})
  set(findings ${CMAKE_CURRENT_BINARY_DIR}/findings/${name})
  file(MAKE_DIRECTORY ${work} ${findings})
  add_test(NAME fuzz.${name}
           COMMAND ${target} -max_total_time=${LRSCOPE_FUZZ_SECONDS}
                   -timeout=${LRSCOPE_FUZZ_TIMEOUT} -rss_limit_mb=2048
                   -artifact_prefix=${findings}/ ${work} ${seeds})
  math(EXPR ctestTimeout "${LRSCOPE_FUZZ_SECONDS} + 120")
  set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT ${ctestTimeout})
  add_dependencies(lrscope_fuzzers ${target})
endfunction()

add_custom_target(lrscope_fuzzers)
