#include "core/nn/openblas_library.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <sstream>

namespace lrscope::core {

namespace {

constexpr const char* kLibrary = "libopenblas.so.0";  // the soname a link would record
constexpr const char* kCoreTypeVariable = "OPENBLAS_CORETYPE";

// Sets an environment variable for the lifetime of this object (an empty value leaves it as it
// is), then puts back what was there. The variable changes only while the library loads, before
// lrscope starts threads of its own (the programs choose the BLAS at start-up,
// core::useSingleThreadedBlas).
class ScopedVariable {
public:
    ScopedVariable(const char* name, const std::string& value)
        : name_(name), active_(!value.empty()) {
        if (!active_) {
            return;
        }
        if (const char* old = std::getenv(name)) {
            hadOld_ = true;
            old_ = old;
        }
        setenv(name, value.c_str(), 1);
    }
    ~ScopedVariable() {
        if (!active_) {
            return;
        }
        if (hadOld_) {
            setenv(name_, old_.c_str(), 1);
        } else {
            unsetenv(name_);
        }
    }
    ScopedVariable(const ScopedVariable&) = delete;
    ScopedVariable& operator=(const ScopedVariable&) = delete;

private:
    const char* name_;
    bool active_;
    bool hadOld_ = false;
    std::string old_;
};

template <typename Function>
bool resolve(void* handle, const char* name, Function& function, std::string& error) {
    void* symbol = dlsym(handle, name);
    if (symbol == nullptr) {
        error = std::string(kLibrary) + " has no " + name;
        return false;
    }
    function = reinterpret_cast<Function>(symbol);
    return true;
}

}  // namespace

std::unique_ptr<OpenBlasLibrary> OpenBlasLibrary::load(const std::string& forcedKernel,
                                                       std::string& error) {
    void* handle = nullptr;
    {
        const ScopedVariable coreType(kCoreTypeVariable, forcedKernel);
        // RTLD_LOCAL: its symbols stay out of the global scope, so nothing else binds to this
        // copy and unloading it leaves no dangling references.
        handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
    }
    if (handle == nullptr) {
        const char* reason = dlerror();
        error = reason != nullptr ? reason : std::string("cannot load ") + kLibrary;
        return nullptr;
    }
    std::unique_ptr<OpenBlasLibrary> library(new OpenBlasLibrary(handle));
    if (!resolve(handle, "cblas_dgemm", library->dgemm_, error) ||
        !resolve(handle, "openblas_get_config", library->getConfig_, error) ||
        !resolve(handle, "openblas_get_corename", library->getCorename_, error) ||
        !resolve(handle, "openblas_get_parallel", library->getParallel_, error) ||
        !resolve(handle, "openblas_set_num_threads", library->setNumThreads_, error)) {
        return nullptr;
    }
    return library;
}

OpenBlasLibrary::~OpenBlasLibrary() {
    dlclose(handle_);
}

std::string OpenBlasLibrary::version() const {
    // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Prescott MAX_THREADS=64"
    std::istringstream config(getConfig_());
    std::string name;
    std::string number;
    config >> name >> number;
    return number.empty() ? name : name + " " + number;
}

std::string OpenBlasLibrary::kernel() const {
    return getCorename_();
}

bool OpenBlasLibrary::threadSafe() const {
    return getParallel_() == 1;  // 0 serial, 1 pthreads, 2 OpenMP
}

void OpenBlasLibrary::useOneThreadPerCall() const {
    setNumThreads_(1);
}

}  // namespace lrscope::core
