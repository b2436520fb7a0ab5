#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lrscope::cli {

// Command-line flags of one subcommand: `--name value`, `--name=value` and bare switches.
// Each flag may appear once; an unknown flag, a missing value or a repeated flag throws
// core::InputError naming the flag.
class Arguments {
public:
    // `valueFlags` take a value; `switches` do not.
    Arguments(const std::vector<std::string>& args, const std::vector<std::string>& valueFlags,
              const std::vector<std::string>& switches, const std::string& command);

    bool has(const std::string& flag) const { return values_.count(flag) != 0; }
    std::optional<std::string> value(const std::string& flag) const;

    // Typed readers: the flag's value or nullopt when absent; junk throws InputError
    // ("--epochs: 'ten' is not a whole number").
    std::optional<double> number(const std::string& flag) const;
    std::optional<long> integer(const std::string& flag) const;
    // A pair of switches such as --shuffle/--no-shuffle; both given is an error.
    std::optional<bool> toggle(const std::string& on, const std::string& off) const;

private:
    std::map<std::string, std::string> values_;
};

// Splits "a,b,c" (empty text gives no items; an empty item throws InputError for `flag`).
std::vector<std::string> splitList(const std::string& text, const std::string& flag);

}  // namespace lrscope::cli
