#include "core/nn/blas_backend.hpp"

#include <cstdlib>

#include "core/nn/blas_check.hpp"
#include "core/nn/blas_kernel_choice.hpp"
#include "core/nn/openblas_library.hpp"

namespace lrscope::core {

BlasBackend::BlasBackend() {
    const char* userSetting = std::getenv("OPENBLAS_CORETYPE");
    const std::string userKernel = userSetting != nullptr ? userSetting : "";
    std::string error;
    library_ = OpenBlasLibrary::load("", error);  // as the environment stands: its detection
    if (!library_) {
        selection_.problem = error;
        return;
    }
    selection_.library = library_->version();
    if (!library_->threadSafe()) {
        selection_.problem = "its serial build, unsafe for runs training in parallel";
        library_.reset();
        return;
    }
    const auto tryKernel = [this](const std::string& kernel) {
        if (!sameBlasKernel(library_ != nullptr ? library_->kernel() : "", kernel)) {
            library_.reset();  // unload first: loading again would return this very copy
            std::string ignored;
            library_ = OpenBlasLibrary::load(kernel, ignored);
            if (!library_ || !sameBlasKernel(library_->kernel(), kernel)) {
                return KernelTrial::Unavailable;
            }
        }
        library_->useOneThreadPerCall();
        return dgemmAgreesWithEigen(library_->dgemm()) ? KernelTrial::Correct : KernelTrial::Wrong;
    };
    selection_ = selectBlasKernel(detectCpuFeatures(), selection_.library, library_->kernel(),
                                  userKernel, tryKernel);
    if (selection_.kernel.empty()) {
        library_.reset();
        return;
    }
    dgemm_ = library_->dgemm();
}

BlasBackend::~BlasBackend() = default;

const BlasBackend& BlasBackend::instance() {
    // Never destroyed: a product still running on some thread at exit keeps its library, as
    // with a linked one.
    static const BlasBackend& backend = *new BlasBackend();
    return backend;
}

std::string blasDescription() {
    return describeBlasSelection(BlasBackend::instance().selection());
}

}  // namespace lrscope::core
