#pragma once

#include <memory>
#include <string>

#include "core/nn/blas_dgemm.hpp"

namespace lrscope::core {

// OpenBLAS loaded with dlopen. OpenBLAS reads OPENBLAS_CORETYPE once, while it loads, and
// offers no call to change the kernel later; loading it at run time (rather than linking it)
// lets lrscope choose the kernel: set the variable, load, restore the variable, and unload and
// load again to try another kernel. It is a deterministic mechanism that works the same in
// every program linking core (the CLI, the window, the tests), unlike re-executing the process.
// Only one copy may be loaded at a time (the dlopen of a second one would return the first).
class OpenBlasLibrary {
public:
    // Loads libopenblas.so.0; with a kernel name, as if OPENBLAS_CORETYPE were that name (the
    // environment is as before afterwards, so child processes see the user's setting). Returns
    // null and sets error when the library or one of its functions is missing.
    static std::unique_ptr<OpenBlasLibrary> load(const std::string& forcedKernel,
                                                 std::string& error);

    ~OpenBlasLibrary();
    OpenBlasLibrary(const OpenBlasLibrary&) = delete;
    OpenBlasLibrary& operator=(const OpenBlasLibrary&) = delete;

    // "OpenBLAS 0.3.21" (from openblas_get_config).
    std::string version() const;
    // The kernel in use (openblas_get_corename), e.g. "Prescott".
    std::string kernel() const;
    // The pthread build: safe to call from several threads at once. (Debian's serial build
    // computed wrong products when runs called it concurrently.)
    bool threadSafe() const;
    void useOneThreadPerCall() const;
    CblasDgemm dgemm() const { return dgemm_; }

private:
    explicit OpenBlasLibrary(void* handle) : handle_(handle) {}

    void* handle_;
    CblasDgemm dgemm_ = nullptr;
    char* (*getConfig_)() = nullptr;
    char* (*getCorename_)() = nullptr;
    int (*getParallel_)() = nullptr;
    void (*setNumThreads_)(int) = nullptr;
};

}  // namespace lrscope::core
