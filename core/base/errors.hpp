#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace lrscope::core {

// Bad input from the user: a file, a flag or a setting. The message is one line that says
// what is wrong, where (file:line:column, JSON path or flag) and what was expected.
// The CLI maps it to exit code 2; the GUI shows it and keeps its current state.
//
// An error about one setting also carries the setting's key (its canonical name, which is
// the command-line flag without the dashes: "batch-size") and the detail without the
// setting's name, so the window can put its own label in front ("Batch size: ...") while
// the CLI prints what() ("--batch-size: ..."). Errors about files carry no key.
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}

    // An invalid setting; the message is "--key: detail".
    static InputError setting(const std::string& key, std::string detail) {
        const std::string message = "--" + key + ": " + detail;
        return InputError(key, std::move(detail), message);
    }
    // The same with a message worded differently ("--samples must be between ...").
    static InputError setting(std::string key, std::string detail, const std::string& message) {
        return InputError(std::move(key), std::move(detail), message);
    }

    // The setting's key, or empty when the error is not about one setting.
    std::string key() const { return setting_ ? setting_->key : std::string(); }
    // What is wrong without naming the setting; the whole message when there is no key.
    std::string detail() const { return setting_ ? setting_->detail : std::string(what()); }

private:
    struct Setting {
        std::string key;
        std::string detail;
    };

    InputError(std::string key, std::string detail, const std::string& message)
        : std::runtime_error(message),
          setting_(std::make_shared<const Setting>(Setting{std::move(key), std::move(detail)})) {}

    // Shared, so copying the exception cannot throw.
    std::shared_ptr<const Setting> setting_;
};

}  // namespace lrscope::core
