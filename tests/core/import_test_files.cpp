#include "tests/core/import_test_files.hpp"

#include <gtest/gtest.h>

#include "core/base/errors.hpp"

namespace lrscope::core {

namespace {

const std::string kImportDir = std::string(LRSCOPE_TEST_DATA_DIR) + "/data/import/";

}  // namespace

std::string goodImportFile(const std::string& name) {
    return kImportDir + "good/" + name;
}

std::string badImportFile(const std::string& name) {
    return kImportDir + "bad/" + name;
}

std::string importErrorOf(const std::string& name,
                          const std::function<void(const std::string& path)>& read) {
    const std::string path = badImportFile(name);
    try {
        read(path);
    } catch (const InputError& e) {
        const std::string message = e.what();
        const std::string folder = kImportDir + "bad/";
        EXPECT_EQ(message.find('\n'), std::string::npos) << "not one line: " << message;
        return message.starts_with(folder) ? message.substr(folder.size()) : message;
    }
    ADD_FAILURE() << "expected an InputError for " << name;
    return "";
}

}  // namespace lrscope::core
