#include "core/nn/blas_selection.hpp"

#include "core/nn/blas_kernel_choice.hpp"

namespace lrscope::core {

namespace {

std::string withInstructionSet(const std::string& kernel) {
    const std::string_view set = blasKernelInstructionSet(kernel);
    return set.empty() ? kernel : kernel + " (" + std::string(set) + ")";
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

}  // namespace

BlasSelection selectBlasKernel(const CpuFeatures& cpu, const std::string& library,
                               const std::string& detected, const std::string& userKernel,
                               const std::function<KernelTrial(const std::string&)>& tryKernel) {
    BlasSelection selection;
    selection.library = library;
    selection.detected = detected;
    selection.userKernel = userKernel;
    for (const std::string& candidate : blasKernelCandidates(cpu, detected, userKernel)) {
        const KernelTrial trial = tryKernel(candidate);
        if (trial == KernelTrial::Correct) {
            selection.kernel = candidate;
            break;
        }
        if (trial == KernelTrial::Wrong) {
            selection.wrong.push_back(candidate);
        }
    }
    return selection;
}

std::string describeBlasSelection(const BlasSelection& selection) {
    const std::string kEigen = "using Eigen's own product";
    if (selection.library.empty()) {
        return "no BLAS (" + selection.problem + "); " + kEigen;
    }
    if (!selection.problem.empty()) {
        return selection.library + ": " + selection.problem + "; " + kEigen;
    }
    std::string text = selection.library + ": ";
    if (!selection.userKernel.empty()) {
        text += "OPENBLAS_CORETYPE=" + selection.userKernel;
        if (selection.kernel.empty()) {
            text += ", " + kEigen;
        } else if (sameBlasKernel(selection.kernel, selection.userKernel)) {
            text += ", using " + withInstructionSet(selection.kernel);
        } else {
            // OpenBLAS ignores a name it does not know and uses its own detection.
            text += " is none of its kernels, using " + withInstructionSet(selection.kernel);
        }
    } else {
        text += "detected " + selection.detected + ", ";
        text += selection.kernel.empty() ? kEigen : "using " + withInstructionSet(selection.kernel);
    }
    if (!selection.wrong.empty()) {
        text += "; dropped for wrong products: " + joined(selection.wrong);
    }
    return text;
}

}  // namespace lrscope::core
