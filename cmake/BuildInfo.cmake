# The commit lrscope is built from, for --version and the About box: the header
# lrscope/build_info.hpp (target lrscope_build_info) holds `git describe --always --dirty`,
# or "unknown" outside a git checkout. The header is refreshed at every build and rewritten
# only when the text changes, so a new commit or an edit is seen without reconfiguring and
# nothing recompiles when nothing changed.
find_package(Git QUIET)
set(LRSCOPE_BUILD_INFO_DIR ${CMAKE_BINARY_DIR}/generated)
set(LRSCOPE_BUILD_INFO_HEADER ${LRSCOPE_BUILD_INFO_DIR}/lrscope/build_info.hpp)
set(lrscopeBuildInfoCommand
    ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${LRSCOPE_BUILD_INFO_HEADER}
    -DGIT_EXECUTABLE=${GIT_EXECUTABLE} -P ${PROJECT_SOURCE_DIR}/cmake/BuildInfoScript.cmake)
# Once now, so the header exists before the first build.
execute_process(COMMAND ${lrscopeBuildInfoCommand})
add_custom_target(lrscope_build_info_header
                  COMMAND ${lrscopeBuildInfoCommand}
                  BYPRODUCTS ${LRSCOPE_BUILD_INFO_HEADER}
                  COMMENT "Checking the commit for --version"
                  VERBATIM)
add_library(lrscope_build_info INTERFACE)
target_include_directories(lrscope_build_info INTERFACE ${LRSCOPE_BUILD_INFO_DIR})
add_dependencies(lrscope_build_info lrscope_build_info_header)
