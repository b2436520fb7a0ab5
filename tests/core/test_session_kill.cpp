// kill -9 at any moment of a save leaves the previous session file intact: a child process
// (tests/tools/session_save_loop) saves two large sessions in turn and is killed with
// SIGKILL after random delays from the start of a write; the file must then hold one of the
// two, byte for byte.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>
#include <stdexcept>
#include <thread>

#include "core/base/atomic_file.hpp"
#include "core/io/session_file.hpp"
#include "tests/tools/large_session.hpp"

namespace lrscope::core {
namespace {

using Clock = std::chrono::steady_clock;

// The saving child with its stdout on a pipe.
class SaveLoop {
public:
    explicit SaveLoop(const std::string& path) {
        int fds[2];
        if (::pipe(fds) != 0) {
            throw std::runtime_error("pipe failed");
        }
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            ::execl(LRSCOPE_SESSION_SAVE_LOOP, LRSCOPE_SESSION_SAVE_LOOP, path.c_str(), nullptr);
            std::_Exit(127);
        }
        ::close(fds[1]);
        out_ = fds[0];
    }
    SaveLoop(const SaveLoop&) = delete;
    SaveLoop& operator=(const SaveLoop&) = delete;
    ~SaveLoop() {
        kill();
        ::close(out_);
    }

    // The next line the child wrote ("ready", "saved"), or "" after 20 s or at its end.
    std::string readLine() {
        std::string line;
        for (;;) {
            pollfd fd{out_, POLLIN, 0};
            if (::poll(&fd, 1, 20'000) <= 0) {
                return "";
            }
            char c = 0;
            if (::read(out_, &c, 1) != 1) {
                return "";
            }
            if (c == '\n') {
                return line;
            }
            line.push_back(c);
        }
    }

    void kill() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            pid_ = -1;
        }
    }

private:
    pid_t pid_ = -1;
    int out_ = -1;
};

TEST(SessionKill, KillNineDuringSavesLeavesTheOldOrTheNewSession) {
    const std::string texts[2] = {sessionToJsonText(test::largeSession(0)),
                                  sessionToJsonText(test::largeSession(1))};
    ASSERT_NE(texts[0], texts[1]);
    // Both generations parse back to themselves, so a file equal to one of them parses.
    for (const std::string& text : texts) {
        EXPECT_EQ(sessionToJsonText(sessionFromJsonText(text, "large.lrscope")), text);
    }

    std::string pattern = (std::filesystem::temp_directory_path() / "lrscope-kill-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const std::string path = pattern + "/s.lrscope";
    writeFileAtomically(path, texts[0]);

    // How long writing a save's text takes here (from the child's "text" to "saved"): the
    // longest of three, since fsync's time varies.
    Clock::duration write{};
    {
        SaveLoop loop(path);
        ASSERT_EQ(loop.readLine(), "ready");
        for (int i = 0; i < 3; ++i) {
            ASSERT_EQ(loop.readLine(), "text");
            const auto start = Clock::now();
            ASSERT_EQ(loop.readLine(), "saved");
            write = std::max(write, Clock::now() - start);
        }
    }

    // Each kill lands after a random delay from the start of a write: mostly during the
    // write (the temporary file, its fsync, the rename), some just after it.
    constexpr int kKills = 100;
    std::mt19937_64 random(20261201);
    const long longest =
        std::chrono::duration_cast<std::chrono::microseconds>(write).count() * 5 / 4;
    std::uniform_int_distribution<long> delay(0, longest);
    int found[2] = {0, 0};
    int midWrite = 0;  // kills that left the temporary file of a save behind
    for (int k = 0; k < kKills; ++k) {
        if (readFile(path) != texts[0]) {
            writeFileAtomically(path, texts[0]);  // the old session; the child writes the new
        }
        SaveLoop loop(path);
        ASSERT_EQ(loop.readLine(), "ready");
        ASSERT_EQ(loop.readLine(), "text");
        // The delay picks the moment of the kill; nothing is proven by waiting.
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        loop.kill();
        const std::string text = readFile(path);
        const bool old = text == texts[0];
        const bool fresh = text == texts[1];
        ASSERT_TRUE(old || fresh) << "kill " << k << ": the file holds " << text.size()
                                  << " bytes that are neither session";
        ++found[old ? 0 : 1];
        bool leftover = false;
        for (const auto& entry : std::filesystem::directory_iterator(pattern)) {
            if (entry.path() != std::filesystem::path(path)) {
                std::filesystem::remove(entry.path());
                leftover = true;
            }
        }
        midWrite += leftover ? 1 : 0;
    }
    // Kills landed before and after a save completed, and during the writing itself.
    EXPECT_GT(found[0], 0);
    EXPECT_GT(found[1], 0);
    EXPECT_GT(midWrite, 0);
    std::cout << "[ kills    ] " << kKills << " kills over writes of "
              << std::chrono::duration_cast<std::chrono::milliseconds>(write).count() << " ms ("
              << texts[0].size() / 1'000'000 << " MB): old session " << found[0] << " times, new "
              << found[1] << " times; " << midWrite << " kills during the write\n";
    std::filesystem::remove_all(pattern);
}

}  // namespace
}  // namespace lrscope::core
