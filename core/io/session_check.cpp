// sessionProblem: the rules a session must keep to be written and read back as it is.
#include <cctype>
#include <cmath>
#include <utility>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/io/json_messages.hpp"
#include "core/io/session.hpp"

namespace lrscope::core {

namespace {

using Json = nlohmann::json;

std::string item(const std::string& path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

std::string quoted(const std::string& text) {
    return describeJson(Json(text));
}

bool isHexColour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') {
        return false;
    }
    for (size_t i = 1; i < text.size(); ++i) {
        if (!std::isxdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
    }
    return true;
}

// Collects the first problem; later checks are skipped once one is found.
class Checker {
public:
    bool ok() const { return !problem_; }
    std::optional<std::string> problem() const { return problem_; }

    void fail(const std::string& path, const std::string& message) {
        if (!problem_) {
            problem_ = path + ": " + message;
        }
    }

    void finite(double x, const std::string& path) {
        if (ok() && !std::isfinite(x)) {
            fail(path, "expected a finite number, found " + formatNumber(x));
        }
    }

    void finite(const std::optional<double>& x, const std::string& path) {
        if (x) {
            finite(*x, path);
        }
    }

    // Paths are built only for a value that fails: a large session holds millions.
    void record(const EpochRecord& r, const std::string& path) {
        const std::pair<const char*, std::optional<double>> fields[] = {
            {"train_loss", r.trainLoss},
            {"train_error", r.trainError},
            {"test_loss", r.testLoss},
            {"test_error", r.testError},
            {"lr", r.lr},
            {"grad_norm", r.gradNorm},
            {"update_ratio", r.updateRatio},
            {"step_size", r.stepSize},
            {"lr_changed_to", r.lrChangedTo}};
        for (const auto& [key, value] : fields) {
            if (value && !std::isfinite(*value)) {
                finite(*value, path + "." + key);
            }
        }
    }

    void weights(const NetworkWeights& w, const RunConfig& config, const std::string& path) {
        const size_t expected = config.hiddenLayers.size() + 1;
        if (w.layers.size() != expected) {
            fail(path, "expected " + std::to_string(expected) +
                           " layers (one per hidden layer and the output layer), found " +
                           std::to_string(w.layers.size()));
            return;
        }
        for (size_t l = 0; l < w.layers.size() && ok(); ++l) {
            const LayerWeights& layer = w.layers[l];
            const std::string at = item(path, l);
            if (layer.weight.rows() == 0 || layer.weight.cols() == 0) {
                fail(at + ".weight", "expected at least one row and one column, found none");
            } else if (layer.bias.size() != layer.weight.rows()) {
                fail(at + ".bias", "expected " + std::to_string(layer.weight.rows()) +
                                       " numbers (one per row of weight), found " +
                                       std::to_string(layer.bias.size()));
            } else if (l < config.hiddenLayers.size() &&
                       layer.weight.rows() != config.hiddenLayers[l]) {
                fail(at + ".weight", "expected " + std::to_string(config.hiddenLayers[l]) +
                                         " rows (config.hidden_layers[" + std::to_string(l) +
                                         "]), found " + std::to_string(layer.weight.rows()));
            } else if (l > 0 && layer.weight.cols() != w.layers[l - 1].weight.rows()) {
                fail(at + ".weight", "expected " + std::to_string(w.layers[l - 1].weight.rows()) +
                                         " numbers per row (the outputs of " + item(path, l - 1) +
                                         "), found " + std::to_string(layer.weight.cols()));
            } else if (!layer.weight.allFinite() || !layer.bias.allFinite()) {
                fail(at, "expected finite numbers, found NaN or an infinity");
            }
        }
    }

    // Depth first with a stack of its own, and a node's path built only when it fails: a
    // view's state from a file may nest deeply.
    void json(const Json& root, const std::string& rootPath) {
        struct Node {
            const Json* value;
            long parent;  // index in `nodes`, -1 for the root
            bool inArray;
            std::string key;  // in an object
            size_t index;     // in an array
        };
        std::vector<Node> nodes = {{&root, -1, false, "", 0}};
        std::vector<size_t> pending = {0};
        while (!pending.empty() && ok()) {
            const size_t at = pending.back();
            pending.pop_back();
            const Json& value = *nodes[at].value;
            if (value.is_number_float() && !std::isfinite(value.get<double>())) {
                std::string path;
                for (long n = static_cast<long>(at); nodes[static_cast<size_t>(n)].parent >= 0;
                     n = nodes[static_cast<size_t>(n)].parent) {
                    const Node& node = nodes[static_cast<size_t>(n)];
                    path.insert(
                        0, node.inArray ? "[" + std::to_string(node.index) + "]" : "." + node.key);
                }
                finite(value.get<double>(), rootPath + path);
            } else if (value.is_array()) {
                for (size_t i = 0; i < value.size(); ++i) {
                    nodes.push_back({&value[i], static_cast<long>(at), true, "", i});
                    pending.push_back(nodes.size() - 1);
                }
            } else if (value.is_object()) {
                for (auto it = value.begin(); it != value.end(); ++it) {
                    nodes.push_back({&it.value(), static_cast<long>(at), false, it.key(), 0});
                    pending.push_back(nodes.size() - 1);
                }
            }
        }
    }

    // A config the reader would refuse (it validates every config it reads).
    void config(const RunConfig& c, const std::string& path) {
        if (!ok()) {
            return;
        }
        try {
            validate(c);
        } catch (const InputError& error) {
            fail(path, error.what());
        }
    }

    void run(const SessionRun& r, const std::string& path, int previousNumber) {
        config(r.config, path + ".config");
        if (ok() && r.number <= previousNumber) {
            fail(path + ".run", "expected a run number above " + std::to_string(previousNumber) +
                                    " (runs are stored in increasing order), found " +
                                    std::to_string(r.number));
        }
        if (ok() && r.sweep < 0) {
            fail(path + ".sweep",
                 "expected a sweep's number (1 or more), found " + std::to_string(r.sweep));
        }
        if (ok() && !isHexColour(r.colour)) {
            fail(path + ".colour", "expected a colour \"#rrggbb\", found " + quoted(r.colour));
        }
        const auto recorded = static_cast<long>(r.history.size());
        if (ok() && r.status == FinishedStatus::Diverged &&
            (!r.divergedAt || *r.divergedAt < recorded)) {
            fail(path + ".diverged_at",
                 "expected the epoch in which the run diverged, after its history (from " +
                     std::to_string(recorded) + "), found " +
                     (r.divergedAt ? std::to_string(*r.divergedAt) : "null"));
        }
        if (ok() && r.status != FinishedStatus::Diverged && r.divergedAt) {
            fail(path + ".diverged_at", "expected null (the status is " +
                                            std::string(finishedStatusName(r.status)) +
                                            "), found " + std::to_string(*r.divergedAt));
        }
        int lastChange = 1;
        for (size_t i = 0; i < r.lrChanges.size() && ok(); ++i) {
            const LrChange& change = r.lrChanges[i];
            const std::string at = item(path + ".lr_changes", i);
            if (change.epoch < lastChange || change.epoch > r.config.epochs) {
                fail(at + ".epoch", "expected an epoch from " + std::to_string(lastChange) +
                                        " to " + std::to_string(r.config.epochs) +
                                        " (changes in order, within the run), found " +
                                        std::to_string(change.epoch));
            }
            finite(change.lr, at + ".lr");
            if (ok() && change.lr <= 0.0) {
                fail(at + ".lr", "expected a rate above 0, found " + formatNumber(change.lr));
            }
            lastChange = change.epoch;
        }
        const std::string historyPath = path + ".history";
        for (size_t e = 0; e < r.history.size() && ok(); ++e) {
            const int epoch = r.history[e].epoch;
            if (epoch != static_cast<int>(e)) {
                fail(item(historyPath, e) + ".epoch",
                     "expected " + std::to_string(e) +
                         " (epochs run 0, 1, 2, ... without gaps), found " + std::to_string(epoch));
            } else if (epoch > r.config.epochs) {
                fail(item(historyPath, e) + ".epoch",
                     "expected at most " + std::to_string(r.config.epochs) +
                         " (config.epochs), found " + std::to_string(epoch));
            } else {
                record(r.history[e], item(historyPath, e));
            }
        }
        if (ok() && r.finalWeights) {
            weights(*r.finalWeights, r.config, path + ".final_weights");
        }
    }

private:
    std::optional<std::string> problem_;
};

}  // namespace

std::optional<std::string> sessionProblem(const Session& session) {
    Checker check;
    check.config(session.panel, "panel");
    int previous = 0;
    for (size_t i = 0; i < session.runs.size() && check.ok(); ++i) {
        check.run(session.runs[i], item("runs", i), previous);
        previous = session.runs[i].number;
    }
    for (size_t i = 0; i < session.importedRuns.size() && check.ok(); ++i) {
        const auto& points = session.importedRuns[i].points;
        for (size_t p = 0; p < points.size() && check.ok(); ++p) {
            const std::string at = item(item("imported_runs", i) + ".points", p);
            check.finite(points[p][0], item(at, 0));
            check.finite(points[p][1], item(at, 1));
        }
    }
    for (const auto& [name, state] : session.views) {
        if (!check.ok()) {
            break;
        }
        if (!state.is_object()) {
            check.fail("views." + name,
                       "expected an object (the view's state), found " + describeJson(state));
        }
        check.json(state, "views." + name);
    }
    return check.problem();
}

void clearNonFiniteStatistics(std::vector<EpochRecord>& history) {
    for (EpochRecord& record : history) {
        for (auto* value : {&record.gradNorm, &record.updateRatio, &record.stepSize}) {
            if (*value && !std::isfinite(**value)) {
                value->reset();
            }
        }
    }
}

}  // namespace lrscope::core
