# lrscope_add_man_page(TARGET exe) writes exe.1 from the program's own help (its --help,
# the --help of every command that help lists; the version from --version) when the program is built,
# and installs it to share/man/man1. The page cannot drift from the help it documents.
function(lrscope_add_man_page)
  cmake_parse_arguments(MAN "" "TARGET" "" ${ARGN})
  set(page ${CMAKE_CURRENT_BINARY_DIR}/${MAN_TARGET}.1)
  add_custom_command(
    OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${MAN_TARGET}> -DNAME=${MAN_TARGET}
            -DOUTPUT=${page} -P ${PROJECT_SOURCE_DIR}/cmake/ManPageScript.cmake
    DEPENDS ${MAN_TARGET} ${PROJECT_SOURCE_DIR}/cmake/ManPageScript.cmake
    COMMENT "Writing the man page of ${MAN_TARGET} from its help"
    VERBATIM)
  add_custom_target(${MAN_TARGET}-man ALL DEPENDS ${page})
  install(FILES ${page} DESTINATION share/man/man1)
endfunction()
