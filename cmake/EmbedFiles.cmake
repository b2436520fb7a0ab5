# lrscope_embed_files(OUTPUT out.cpp NAMESPACE ns FUNCTION fn FILES a.csv b.csv)
# Generates out.cpp defining `std::optional<std::string_view> ns::fn(std::string_view name)`
# that returns a file's contents by its base name without extension.
function(lrscope_embed_files)
  cmake_parse_arguments(EMBED "" "OUTPUT;NAMESPACE;FUNCTION" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${EMBED_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMBED_OUTPUT} -DNAMESPACE=${EMBED_NAMESPACE}
            -DFUNCTION=${EMBED_FUNCTION} "-DFILES=${EMBED_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${EMBED_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${EMBED_FUNCTION} data"
    VERBATIM)
endfunction()
