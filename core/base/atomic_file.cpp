#include "core/base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#include "core/base/errors.hpp"

namespace lrscope::core {

namespace {

std::string errorText(int error) {
    return std::generic_category().message(error);
}

// Closes a file descriptor on scope exit unless released.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    int get() const { return fd_; }
    // Closes now and reports close()'s errno (0 on success).
    int close() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0 ? 0 : errno;
    }

private:
    int fd_;
};

[[noreturn]] void failWrite(const std::string& path, const std::string& tempPath, int error) {
    if (!tempPath.empty()) {
        ::unlink(tempPath.c_str());
    }
    throw InputError(path + ": cannot write file (" + errorText(error) + ")");
}

int writeAll(int fd, std::string_view contents) {
    const char* data = contents.data();
    size_t left = contents.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        data += written;
        left -= static_cast<size_t>(written);
    }
    return 0;
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view contents) {
    if (path.empty()) {
        throw InputError("cannot write a file with an empty name");
    }
    std::string pattern = path + ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    FileDescriptor fd(::mkstemp(name.data()));
    if (fd.get() < 0) {
        failWrite(path, "", errno);
    }
    const std::string tempPath(name.data());

    // mkstemp creates the file 0600; give it the mode of the file it replaces, or the usual
    // 0644 for a new file.
    struct stat existing {};
    const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
    if (::fchmod(fd.get(), mode) != 0) {
        failWrite(path, tempPath, errno);
    }
    if (const int error = writeAll(fd.get(), contents); error != 0) {
        failWrite(path, tempPath, error);
    }
    if (::fsync(fd.get()) != 0) {
        failWrite(path, tempPath, errno);
    }
    if (const int error = fd.close(); error != 0) {
        failWrite(path, tempPath, error);
    }
    if (std::rename(tempPath.c_str(), path.c_str()) != 0) {
        failWrite(path, tempPath, errno);
    }
}

std::string readFile(const std::string& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        throw InputError(path + ": cannot open file (" + errorText(errno) + ")");
    }
    std::string contents;
    struct stat info {};
    if (::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
        contents.reserve(static_cast<size_t>(info.st_size));
    }
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw InputError(path + ": cannot read file (" + errorText(errno) + ")");
        }
        if (got == 0) {
            break;
        }
        contents.append(buffer.data(), static_cast<size_t>(got));
    }
    return contents;
}

}  // namespace lrscope::core
