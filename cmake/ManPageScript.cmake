# cmake -DPROGRAM=path/to/exe -DNAME=exe -DOUTPUT=exe.1 -P ManPageScript.cmake
# The page: NAME from the first line of `exe --help`, SYNOPSIS the rest of it, one
# subsection per command it lists (`exe COMMAND ...`) with that command's --help, all as
# preformatted text since the help is laid out in columns.
set(ENV{QT_QPA_PLATFORM} offscreen)

function(run_program outVar)
  execute_process(COMMAND ${PROGRAM} ${ARGN} OUTPUT_VARIABLE out RESULT_VARIABLE result
                  ERROR_VARIABLE err)
  if(NOT result EQUAL 0 OR out STREQUAL "")
    message(FATAL_ERROR "${NAME} ${ARGN} failed (exit ${result}): ${err}")
  endif()
  string(REGEX REPLACE "\n+$" "" out "${out}")
  set(${outVar} "${out}" PARENT_SCOPE)
endfunction()

# Text as roff: backslashes and minus signs escaped, no line read as a request.
function(roff outVar text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" text "\n${text}")
  string(SUBSTRING "${text}" 1 -1 text)
  set(${outVar} "${text}" PARENT_SCOPE)
endfunction()

run_program(help --help)
run_program(version --version)
# (string(FIND), not REGEX REPLACE "^...": CMake applies a "^" again after each match.)
string(FIND "${help}" "\n" firstNewline)
string(SUBSTRING "${help}" 0 ${firstNewline} title)
math(EXPR rest "${firstNewline} + 1")
string(SUBSTRING "${help}" ${rest} -1 synopsis)
string(STRIP "${synopsis}" synopsis)
string(REGEX REPLACE "^${NAME} +- +" "" summary "${title}")
string(REGEX MATCH "^${NAME} +([^ \n]+)" unused "${version}")
set(versionNumber "${CMAKE_MATCH_1}")
string(REGEX MATCHALL "\n  ${NAME} [a-z][a-z-]* " commandLines "${help}")

roff(nameRoff "${NAME}")
roff(summaryRoff "${summary}")
roff(synopsisRoff "${synopsis}")
string(TOUPPER "${nameRoff}" upperName)
set(page ".TH ${upperName} 1 \"\" \"lrscope ${versionNumber}\" \"User Commands\"
.SH NAME
${nameRoff} \\- ${summaryRoff}
.SH SYNOPSIS
.nf
${synopsisRoff}
.fi
.SH COMMANDS
")
foreach(line IN LISTS commandLines)
  string(REGEX REPLACE "^\n  ${NAME} ([a-z-]+) $" "\\1" command "${line}")
  run_program(commandHelp ${command} --help)
  roff(commandRoff "${commandHelp}")
  roff(commandName "${command}")
  string(APPEND page ".SS ${nameRoff} ${commandName}\n.nf\n${commandRoff}\n.fi\n")
endforeach()
file(WRITE ${OUTPUT} "${page}")
