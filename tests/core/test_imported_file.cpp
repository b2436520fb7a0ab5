#include "core/io/imported_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/io/import_format.hpp"
#include "tests/core/import_test_files.hpp"

namespace lrscope::core {
namespace {

using Points = std::vector<std::pair<double, double>>;

TEST(ImportFormat, DetectsEachFormatFromItsContent) {
    const auto detect = [](const std::string& path) {
        return detectImportFormat(path, readFile(path));
    };
    EXPECT_EQ(detect(goodImportFile("run-train-tag-loss.csv")), ImportFormat::TensorBoardCsv);
    EXPECT_EQ(detect(goodImportFile("tb_bom_crlf.csv")), ImportFormat::TensorBoardCsv);
    EXPECT_EQ(detect(goodImportFile("run-eval-tag-accuracy.json")), ImportFormat::TensorBoardJson);
    EXPECT_EQ(detect(goodImportFile("lightning_metrics.csv")), ImportFormat::GenericCsv);
    EXPECT_EQ(
        detectImportFormat("runs.csv",
                           "run,name,optimizer,base_lr,epoch,train_loss,lr\n0,a,sgd,0.1,0,1,0.1\n"),
        ImportFormat::RunsCsv);
    // JSON by its first character whatever the name, and by the name whatever the content.
    EXPECT_EQ(detectImportFormat("download.txt", "\xEF\xBB\xBF \n[[1, 2, 3]]"),
              ImportFormat::TensorBoardJson);
    EXPECT_EQ(detectImportFormat("broken.JSON", "Wall time,Step,Value\n"),
              ImportFormat::TensorBoardJson);
    // Not CSV at all: the CSV log reader will say why.
    EXPECT_EQ(detect(badImportFile("tb_binary.csv")), ImportFormat::GenericCsv);
    EXPECT_EQ(detectImportFormat("q.csv", "\"never closed\n"), ImportFormat::GenericCsv);
    EXPECT_EQ(detectImportFormat("e.csv", ""), ImportFormat::GenericCsv);
}

TEST(ImportedFile, ReadsEachFormat) {
    const ImportedFile tb = readImportedFile(goodImportFile("run-train-tag-loss.csv"));
    EXPECT_EQ(tb.format, ImportFormat::TensorBoardCsv);
    ASSERT_EQ(tb.series.size(), 1u);
    EXPECT_EQ(tb.series[0].points.size(), 5u);
    EXPECT_TRUE(tb.runs.empty());

    const ImportedFile json = readImportedFile(goodImportFile("run-eval-tag-accuracy.json"));
    EXPECT_EQ(json.format, ImportFormat::TensorBoardJson);
    ASSERT_EQ(json.series.size(), 1u);
    EXPECT_EQ(json.series[0].points.size(), 7u);

    const ImportedFile log = readImportedFile(goodImportFile("lightning_metrics.csv"));
    EXPECT_EQ(log.format, ImportFormat::GenericCsv);
    EXPECT_EQ(log.series.size(), 2u);

    const ImportedFile runs = importedFileFromText(
        "run,name,optimizer,base_lr,epoch,train_loss,train_error,test_loss,test_error,lr,"
        "grad_norm,update_ratio,step_size,lr_changed_to\n"
        "0,a,sgd,0.1,0,0.7,,,,0.1,,,,\n0,a,sgd,0.1,1,0.5,,,,0.1,,,,\n"
        "1,b,adam,0.01,0,0.7,,,,0.01,,,,\n",
        "runs.csv");
    EXPECT_EQ(runs.format, ImportFormat::RunsCsv);
    EXPECT_TRUE(runs.series.empty());
    ASSERT_EQ(runs.runs.size(), 2u);
    EXPECT_EQ(runs.runs[0].history.size(), 2u);
    EXPECT_EQ(runs.runs[1].name, "b");
}

TEST(ImportedFile, NamedColumnsReadATensorBoardCsvAsALog) {
    const ImportedFile byTime =
        readImportedFile(goodImportFile("tb_repeated_step.csv"), {"Wall time", {"Value"}});
    EXPECT_EQ(byTime.format, ImportFormat::GenericCsv);
    ASSERT_EQ(byTime.series.size(), 1u);
    EXPECT_EQ(byTime.series[0].name, "Value");
    EXPECT_EQ(byTime.series[0].points, (Points{{1700000000, 1.0},
                                               {1700000010, 0.8},
                                               {1700000020, 0.6},
                                               {1700005000, 0.65},
                                               {1700005010, 0.5}}));
}

TEST(ImportedFile, NamedColumnsDoNotApplyToJson) {
    try {
        readImportedFile(goodImportFile("run-eval-tag-accuracy.json"), {"", {"value"}});
        ADD_FAILURE() << "accepted columns for a JSON file";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  goodImportFile("run-eval-tag-accuracy.json") +
                      ": found a JSON file; expected a CSV when x or y columns are named");
    }
}

TEST(ImportedFile, BadFilesGiveTheReaderOfTheirFormatsMessage) {
    const auto read = [](const std::string& path) { readImportedFile(path); };
    EXPECT_EQ(importErrorOf("tb_ragged.csv", read),
              "tb_ragged.csv:3:3: found 2 fields; expected 3 like the header "
              "'Wall time,Step,Value'");
    EXPECT_EQ(importErrorOf("tb_short_row.json", read),
              "tb_short_row.json: [1]: found an array of 2 values; expected "
              "[wall_time, step, value]");
    EXPECT_EQ(importErrorOf("log_text_in_values.csv", read),
              "log_text_in_values.csv:3:2: found '0.5x'; expected a number, nan, inf or an empty "
              "cell in column 'loss'");
    EXPECT_EQ(importErrorOf("tb_binary.csv", read),
              "tb_binary.csv:2: the file contains a NUL byte, so it is not text; expected a CSV "
              "file with a header row");
    const std::string missing = badImportFile("no_such_file.csv");
    EXPECT_THROW(readImportedFile(missing), InputError);
}

TEST(ImportedFile, RefusesAFileOverTheSizeLimitBeforeReadingIt) {
    // A sparse file: its size is one byte over the limit, yet it takes no disk space.
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lrscope-import-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const std::filesystem::path dir(pattern);
    const std::string path = (dir / "huge.csv").string();
    writeFileAtomically(path, "step,loss\n");
    std::filesystem::resize_file(path, kMaxImportBytes + 1);
    try {
        readImportedFile(path);
        ADD_FAILURE() << "read a file over the limit";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  path +
                      ": found a file of 1073741825 bytes; expected at most 1073741824 bytes "
                      "(1 GiB) for an imported log");
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lrscope::core
