#include "app/cli/arguments.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"

namespace lrscope::cli {

using core::InputError;

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

Arguments::Arguments(const std::vector<std::string>& args,
                     const std::vector<std::string>& valueFlags,
                     const std::vector<std::string>& switches, const std::string& command) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
            throw InputError("unexpected argument '" + arg + "'; see lrscope-cli " + command +
                             " --help");
        }
        std::string flag = arg;
        std::optional<std::string> inlineValue;
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            flag = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        if (values_.count(flag) != 0) {
            throw InputError(flag + ": given more than once");
        }
        if (contains(switches, flag)) {
            if (inlineValue) {
                throw InputError(flag + ": takes no value");
            }
            values_[flag] = "";
        } else if (contains(valueFlags, flag)) {
            if (inlineValue) {
                values_[flag] = *inlineValue;
            } else if (i + 1 < args.size()) {
                values_[flag] = args[++i];
            } else {
                throw InputError(flag + ": missing value");
            }
        } else {
            throw InputError("unknown flag '" + flag + "'; see lrscope-cli " + command + " --help");
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& flag) const {
    const auto it = values_.find(flag);
    if (it == values_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<double> Arguments::number(const std::string& flag) const {
    const auto text = value(flag);
    if (!text) {
        return std::nullopt;
    }
    const auto parsed = core::parseDouble(*text);
    if (!parsed) {
        throw InputError(flag + ": '" + *text + "' is not a number");
    }
    if (!std::isfinite(*parsed)) {
        throw InputError(flag + ": '" + *text + "' is not a finite number");
    }
    return parsed;
}

std::optional<long> Arguments::integer(const std::string& flag) const {
    const auto text = value(flag);
    if (!text) {
        return std::nullopt;
    }
    const auto parsed = core::parseLong(*text);
    if (!parsed) {
        throw InputError(flag + ": '" + *text + "' is not a whole number");
    }
    return parsed;
}

std::optional<bool> Arguments::toggle(const std::string& on, const std::string& off) const {
    if (has(on) && has(off)) {
        throw InputError(on + " and " + off + " contradict each other; give one");
    }
    if (has(on)) {
        return true;
    }
    if (has(off)) {
        return false;
    }
    return std::nullopt;
}

std::vector<std::string> splitList(const std::string& text, const std::string& flag) {
    std::vector<std::string> items;
    if (text.empty()) {
        return items;
    }
    size_t start = 0;
    while (true) {
        const size_t comma = text.find(',', start);
        std::string item = text.substr(start, comma - start);
        if (item.empty()) {
            throw InputError(flag + ": empty item in '" + text + "'");
        }
        items.push_back(item);
        if (comma == std::string::npos) {
            return items;
        }
        start = comma + 1;
    }
}

}  // namespace lrscope::cli
