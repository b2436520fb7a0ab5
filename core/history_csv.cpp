#include "core/history_csv.hpp"

#include <optional>
#include <string>

#include "core/number_format.hpp"

namespace lrscope::core {

namespace {

std::string optionalNumber(const std::optional<double>& value) {
    return value ? formatNumber(*value) : std::string();
}

// RFC 4180: a field holding a separator, a quote or a line break is quoted, quotes doubled.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') {
            out += "\"\"";
        } else {
            out.push_back(c);
        }
    }
    out += '"';
    return out;
}

}  // namespace

std::string historyCsvHeader() {
    return "epoch,train_loss,train_error,test_loss,test_error,lr,grad_norm,update_ratio,"
           "step_size,lr_changed_to";
}

std::string historyCsvRow(const EpochRecord& record) {
    return std::to_string(record.epoch) + "," + formatNumber(record.train_loss) + "," +
           optionalNumber(record.train_error) + "," + optionalNumber(record.test_loss) + "," +
           optionalNumber(record.test_error) + "," + formatNumber(record.lr) + "," +
           optionalNumber(record.grad_norm) + "," + optionalNumber(record.update_ratio) + "," +
           optionalNumber(record.step_size) + "," + optionalNumber(record.lr_changed_to);
}

std::string longCsvHeader() {
    return "run,name,optimizer,base_lr," + historyCsvHeader();
}

std::string longCsvRow(const NamedHistory& run, const EpochRecord& record) {
    return std::to_string(run.run) + "," + csvField(run.name) + "," + csvField(run.optimizer) +
           "," + formatNumber(run.base_lr) + "," + historyCsvRow(record);
}

}  // namespace lrscope::core
