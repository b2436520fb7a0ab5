#include "core/base/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/base/errors.hpp"

namespace lrscope::core {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp folder, removed with its contents afterwards.
class AtomicFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "lrscope-atomic-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(dir_, ignored);
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    size_t fileCount() const {
        return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {}));
    }

    fs::path dir_;
};

std::string errorOf(const auto& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return "";
}

TEST_F(AtomicFileTest, WritesAndReadsBackExactBytes) {
    const std::string contents("line 1\r\nline 2\n\0binary\xff", 23);
    writeFileAtomically(path("out.bin"), contents);
    EXPECT_EQ(readFile(path("out.bin")), contents);
    EXPECT_EQ(fileCount(), 1u);  // no temporary left behind
}

TEST_F(AtomicFileTest, ReplacesAnExistingFileWhole) {
    writeFileAtomically(path("f.txt"), "a much longer first version of the file\n");
    writeFileAtomically(path("f.txt"), "short\n");
    EXPECT_EQ(readFile(path("f.txt")), "short\n");
    EXPECT_EQ(fileCount(), 1u);
}

TEST_F(AtomicFileTest, WritesAnEmptyFile) {
    writeFileAtomically(path("empty"), "");
    EXPECT_TRUE(fs::exists(path("empty")));
    EXPECT_EQ(readFile(path("empty")), "");
}

TEST_F(AtomicFileTest, NewFileIsReadableByOthersAndKeepsTheModeOfAReplacedFile) {
    writeFileAtomically(path("new"), "x");
    EXPECT_EQ(fs::status(path("new")).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);

    fs::permissions(path("new"), fs::perms::owner_read | fs::perms::owner_write);
    writeFileAtomically(path("new"), "y");
    EXPECT_EQ(fs::status(path("new")).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(AtomicFileTest, MissingFolderIsAnInputErrorNamingThePath) {
    const std::string target = path("no/such/dir/out.csv");
    EXPECT_EQ(errorOf([&] { writeFileAtomically(target, "x"); }),
              target + ": cannot write file (No such file or directory)");
}

TEST_F(AtomicFileTest, FailedRenameLeavesTheTargetAndNoTemporary) {
    // A directory in the way makes the final rename fail, even for root, after the
    // temporary file was written: the temporary must go and the directory must stay.
    fs::create_directory(path("taken"));
    writeFileAtomically(path("taken/inside.txt"), "old");
    const std::string message = errorOf([&] { writeFileAtomically(path("taken"), "new"); });
    EXPECT_EQ(message.rfind(path("taken") + ": cannot write file (", 0), 0u) << message;
    EXPECT_EQ(readFile(path("taken/inside.txt")), "old");
    EXPECT_EQ(fileCount(), 1u);
}

TEST_F(AtomicFileTest, FolderThatIsAFileIsReportedByName) {
    writeFileAtomically(path("keep.txt"), "old");
    const std::string message =
        errorOf([&] { writeFileAtomically(path("keep.txt") + "/child.txt", "new"); });
    EXPECT_NE(message.find(path("keep.txt") + "/child.txt"), std::string::npos) << message;
    EXPECT_EQ(readFile(path("keep.txt")), "old");
    EXPECT_EQ(fileCount(), 1u);
}

TEST_F(AtomicFileTest, FolderThatIsAFileIsAnInputError) {
    writeFileAtomically(path("plain"), "x");
    EXPECT_EQ(errorOf([&] { writeFileAtomically(path("plain/out.csv"), "y"); }),
              path("plain/out.csv") + ": cannot write file (Not a directory)");
    EXPECT_EQ(readFile(path("plain")), "x");
}

TEST_F(AtomicFileTest, RenameFailureRemovesTheTemporary) {
    // The target is a non-empty directory: rename() fails after the temp file was written.
    fs::create_directories(path("taken/inner"));
    const std::string message = errorOf([&] { writeFileAtomically(path("taken"), "x"); });
    EXPECT_EQ(message.rfind(path("taken") + ": cannot write file (", 0), 0u) << message;
    EXPECT_EQ(fileCount(), 1u);  // only the directory itself
}

TEST_F(AtomicFileTest, MissingFileIsAnInputError) {
    const std::string missing = path("missing.csv");
    EXPECT_EQ(errorOf([&] { readFile(missing); }),
              missing + ": cannot open file (No such file or directory)");
}

TEST_F(AtomicFileTest, ReadingADirectoryIsAnInputError) {
    EXPECT_EQ(errorOf([&] { readFile(dir_.string()); }),
              dir_.string() + ": cannot read file (Is a directory)");
}

}  // namespace
}  // namespace lrscope::core
