# Build time. Precompiled headers: the third-party and standard headers most sources include, parsed once
# per target instead of once per file (Qt, QCustomPlot, Eigen, nlohmann/json and GoogleTest
# were most of the compile time). Our own headers stay out, so editing one recompiles only what
# includes it. -DLRSCOPE_PCH=OFF builds without them, which also shows a missing #include.
option(LRSCOPE_PCH "Precompile the common third-party headers" ON)
if(LRSCOPE_PCH)
  # A precompiled header the compiler cannot take (other flags) is an error, not a silent
  # slow build.
  target_compile_options(lrscope_warnings INTERFACE -Winvalid-pch)
endif()
if(LRSCOPE_PCH AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 forgets that precompiled libstdc++ headers are system headers, and then reports its
  # known false -Warray-bounds and -Wstringop-overflow positives in std::string code inlined at
  # -O3 (GCC bugs 105329, 105651). The ASan+UBSan build checks bounds for real.
  target_compile_options(lrscope_warnings INTERFACE -Wno-array-bounds -Wno-stringop-overflow)
endif()

set(LRSCOPE_PCH_STD
  <algorithm> <array> <chrono> <cmath> <cstddef> <cstdint> <filesystem> <functional> <limits>
  <map> <memory> <mutex> <optional> <span> <sstream> <string> <string_view> <utility> <vector>)
set(LRSCOPE_PCH_CORE ${LRSCOPE_PCH_STD} <Eigen/Core> <nlohmann/json.hpp>)
set(LRSCOPE_PCH_QT ${LRSCOPE_PCH_CORE}
  <qcustomplot.h> <QAction> <QCheckBox> <QColor> <QComboBox> <QFileInfo> <QFormLayout>
  <QHBoxLayout> <QLabel> <QMessageBox> <QObject> <QPushButton> <QString> <QStringList> <QTimer>
  <QVBoxLayout> <QWidget>)
set(LRSCOPE_PCH_GTEST ${LRSCOPE_PCH_CORE} <gtest/gtest.h>)
set(LRSCOPE_PCH_QTEST ${LRSCOPE_PCH_QT} <QSignalSpy> <QTemporaryDir> <QTest>)

# lrscope_precompile(TARGET HEADERS...): precompiles HEADERS for TARGET's sources.
function(lrscope_precompile target)
  if(LRSCOPE_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()

# lrscope_precompile_like(TARGET FROM): TARGET uses FROM's precompiled headers; it must have
# FROM's flags and -D definitions (more definitions are fine).
function(lrscope_precompile_like target from)
  if(LRSCOPE_PCH)
    target_precompile_headers(${target} REUSE_FROM ${from})
  endif()
endfunction()

# Unity builds for the libraries: their sources are compiled eight to a translation unit, so
# Qt's and QCustomPlot's headers (5 s for each file that includes qcustomplot.h) are parsed an
# eighth as often. A name in an anonymous namespace must therefore be unique in its library. The
# tests keep one translation unit per file (their helpers share names on purpose).
option(LRSCOPE_UNITY "Compile the libraries' sources in batches" ON)

# lrscope_unity(TARGET)
function(lrscope_unity target)
  if(LRSCOPE_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()

# lrscope_test_code(TARGET): the tests' own code is compiled with -O1 in release builds and
# -O0 in the sanitizer build (CMAKE_BUILD_TYPE Debug). What they test (the libraries) keeps -O3
# and -O1; the test bodies, GoogleTest's and Qt Test's macros spent half their compile time in
# the optimiser and run no faster for it. -O0 keeps every sanitizer check.
function(lrscope_test_code target)
  target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-O1> $<$<CONFIG:Debug>:-O0>)
endfunction()
