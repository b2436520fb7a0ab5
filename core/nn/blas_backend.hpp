#pragma once

#include <memory>
#include <string>

#include "core/nn/blas_dgemm.hpp"
#include "core/nn/blas_selection.hpp"

namespace lrscope::core {

class OpenBlasLibrary;

// The BLAS that core::multiply's large products run on, chosen once per process: OpenBLAS with
// the widest kernel this CPU runs correctly (core/nn/blas_kernel_choice.hpp), checked against
// Eigen before use (core/nn/blas_check.hpp), one thread per call since runs train in parallel
// on their own threads. The library is process-wide, so this is the one global object of core.
class BlasBackend {
public:
    // Chooses at the first call (thread-safe); every later call returns the same backend.
    static const BlasBackend& instance();

    // Null when no kernel computes correctly or no OpenBLAS is installed: Eigen computes.
    CblasDgemm dgemm() const { return dgemm_; }
    const BlasSelection& selection() const { return selection_; }

    ~BlasBackend();
    BlasBackend(const BlasBackend&) = delete;
    BlasBackend& operator=(const BlasBackend&) = delete;

private:
    BlasBackend();

    std::unique_ptr<OpenBlasLibrary> library_;
    BlasSelection selection_;
    CblasDgemm dgemm_ = nullptr;
};

// One line for --version and the About box, e.g.
// "OpenBLAS 0.3.21: detected Prescott, using SkylakeX (AVX-512)".
std::string blasDescription();

}  // namespace lrscope::core
