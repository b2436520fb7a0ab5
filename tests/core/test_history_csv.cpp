#include "core/io/history_csv.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/base/atomic_file.hpp"
#include "core/base/errors.hpp"
#include "core/data/csv_reader.hpp"

namespace lrscope::core {
namespace {

EpochRecord fullRecord() {
    EpochRecord record;
    record.runId = 3;
    record.epoch = 12;
    record.trainLoss = 0.1;
    record.trainError = 0.25;
    record.testLoss = 0.30000000000000004;
    record.testError = 0.5;
    record.lr = 3e-3;
    record.gradNorm = 1.5;
    record.updateRatio = 1e-5;
    record.stepSize = 2.0;
    record.lrChangedTo = 0.01;
    return record;
}

TEST(HistoryCsv, Header) {
    EXPECT_EQ(historyCsvHeader(),
              "epoch,train_loss,train_error,test_loss,test_error,lr,grad_norm,update_ratio,"
              "step_size,lr_changed_to");
}

TEST(HistoryCsv, RowWithEveryField) {
    EXPECT_EQ(historyCsvRow(fullRecord()),
              "12,0.1,0.25,0.30000000000000004,0.5,0.003,1.5,1e-05,2,0.01");
}

TEST(HistoryCsv, EmptyFieldsWhereAValueDoesNotApply) {
    EpochRecord record;
    record.epoch = 0;
    record.trainLoss = 0.6931471805599453;
    record.lr = 0.1;
    EXPECT_EQ(historyCsvRow(record), "0,0.6931471805599453,,,,0.1,,,,");
}

TEST(HistoryCsv, RowHasAsManyFieldsAsTheHeader) {
    const std::string text = historyCsvHeader() + "\n" + historyCsvRow(fullRecord()) + "\n" +
                             historyCsvRow(EpochRecord{}) + "\n";
    const CsvTable table = parseCsv(text, "history.csv");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0].size(), table.header.size());
    EXPECT_EQ(table.rows[1].size(), table.header.size());
}

TEST(HistoryCsv, LongFormat) {
    EXPECT_EQ(longCsvHeader(),
              "run,name,optimizer,base_lr,epoch,train_loss,train_error,test_loss,test_error,lr,"
              "grad_norm,update_ratio,step_size,lr_changed_to,status,diverged_at");
    NamedHistory run;
    run.run = 2;
    run.name = "SGD lr=3e-3";
    run.optimizer = "sgd";
    run.baseLr = 3e-3;
    EXPECT_EQ(longCsvRow(run, fullRecord()),
              "2,SGD lr=3e-3,sgd,0.003,12,0.1,0.25,0.30000000000000004,0.5,0.003,1.5,1e-05,2,"
              "0.01,,");
    run.status = FinishedStatus::Diverged;
    run.divergedAt = 13;
    EXPECT_EQ(longCsvRow(run, fullRecord()),
              "2,SGD lr=3e-3,sgd,0.003,12,0.1,0.25,0.30000000000000004,0.5,0.003,1.5,1e-05,2,"
              "0.01,diverged,13");
    run.status = FinishedStatus::Stopped;
    run.divergedAt.reset();
    EXPECT_EQ(longCsvRow(run, EpochRecord{}), "2,SGD lr=3e-3,sgd,0.003,0,0,,,,0,,,,,stopped,");
}

TEST(HistoryCsv, LongFormatQuotesNamesWithCommasOrQuotes) {
    NamedHistory run;
    run.run = 1;
    run.name = "Adam, \"fast\"";
    run.optimizer = "adam";
    run.baseLr = 0.001;
    EpochRecord record;
    record.trainLoss = 1.0;
    record.lr = 0.001;
    const std::string row = longCsvRow(run, record);
    EXPECT_EQ(row, "1,\"Adam, \"\"fast\"\"\",adam,0.001,0,1,,,,0.001,,,,,,");

    // Our own reader gets the name back intact.
    const CsvTable table = parseCsv(longCsvHeader() + "\n" + row + "\n", "runs.csv");
    EXPECT_EQ(table.rows[0][1], "Adam, \"fast\"");
    EXPECT_EQ(table.rows[0].size(), table.header.size());
}

// Writes runs with longCsvRow, the way sweep --out and Export runs do.
std::string longCsv(const std::vector<NamedHistory>& runs) {
    std::string text = longCsvHeader() + "\n";
    for (const NamedHistory& run : runs) {
        for (const EpochRecord& record : run.history) {
            text += longCsvRow(run, record) + "\n";
        }
    }
    return text;
}

std::vector<NamedHistory> readText(const std::string& text) {
    std::istringstream in(text);
    return readLongCsv(in, "runs.csv");
}

std::string readError(const std::string& text) {
    try {
        readText(text);
    } catch (const InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return "";
}

void expectSameRecord(const EpochRecord& got, const EpochRecord& expected) {
    EXPECT_EQ(got.runId, expected.runId);
    EXPECT_EQ(got.epoch, expected.epoch);
    EXPECT_EQ(got.trainLoss, expected.trainLoss);
    EXPECT_EQ(got.trainError, expected.trainError);
    EXPECT_EQ(got.testLoss, expected.testLoss);
    EXPECT_EQ(got.testError, expected.testError);
    EXPECT_EQ(got.lr, expected.lr);
    EXPECT_EQ(got.gradNorm, expected.gradNorm);
    EXPECT_EQ(got.updateRatio, expected.updateRatio);
    EXPECT_EQ(got.stepSize, expected.stepSize);
    EXPECT_EQ(got.lrChangedTo, expected.lrChangedTo);
}

TEST(LongCsvReader, RoundTripsEveryField) {
    NamedHistory adam;
    adam.run = 7;
    adam.name = "Adam, \"fast\"\nsecond line";
    adam.optimizer = "adam";
    adam.baseLr = 1.0 / 3.0;
    EpochRecord first;  // epoch 0: only the required values
    first.runId = 7;
    first.trainLoss = 0.6931471805599453;
    first.lr = 1.0 / 3.0;
    EpochRecord full = fullRecord();
    full.runId = 7;
    full.epoch = 1;
    full.trainLoss = 1e-300;
    full.updateRatio = 2.5e-17;
    EpochRecord partial;
    partial.runId = 7;
    partial.epoch = 5;
    partial.trainLoss = 123456789.125;
    partial.testLoss = 0.1 + 0.2;
    partial.lr = 0.05;
    partial.lrChangedTo = 0.05;
    adam.history = {first, full, partial};
    adam.status = FinishedStatus::Diverged;
    adam.divergedAt = 6;

    NamedHistory sgd;
    sgd.run = 2;
    sgd.name = "";
    sgd.optimizer = "sgd";
    sgd.baseLr = 10.0;
    EpochRecord sgdRecord = fullRecord();
    sgdRecord.runId = 2;
    sgdRecord.trainError.reset();
    sgdRecord.gradNorm.reset();
    sgd.history = {sgdRecord};
    sgd.status = FinishedStatus::Done;

    const std::vector<NamedHistory> runs = readText(longCsv({adam, sgd}));
    ASSERT_EQ(runs.size(), 2u);
    const std::vector<const NamedHistory*> written = {&adam, &sgd};
    for (size_t i = 0; i < runs.size(); ++i) {
        EXPECT_EQ(runs[i].run, written[i]->run);
        EXPECT_EQ(runs[i].name, written[i]->name);
        EXPECT_EQ(runs[i].optimizer, written[i]->optimizer);
        EXPECT_EQ(runs[i].baseLr, written[i]->baseLr);
        EXPECT_EQ(runs[i].status, written[i]->status);
        EXPECT_EQ(runs[i].divergedAt, written[i]->divergedAt);
        ASSERT_EQ(runs[i].history.size(), written[i]->history.size());
        for (size_t r = 0; r < runs[i].history.size(); ++r) {
            SCOPED_TRACE("run " + std::to_string(i) + ", row " + std::to_string(r));
            expectSameRecord(runs[i].history[r], written[i]->history[r]);
        }
    }
}

// Found by fuzz_history_csv's round-trip check (corpus/history_csv/name_with_leading_blank.csv): a
// quoted name with a leading blank was written back unquoted, and the reader trims unquoted fields.
TEST(LongCsvReader, NamesWithBlanksAtTheirEndsRoundTrip) {
    for (const std::string name : {" x", "x ", "\tx", "x\t", " "}) {
        SCOPED_TRACE("name '" + name + "'");
        NamedHistory run;
        run.name = name;
        run.optimizer = name;
        run.baseLr = 0.1;
        EpochRecord record;
        record.trainLoss = 0.5;
        record.lr = 0.1;
        run.history = {record};
        const auto runs = readText(longCsv({run}));
        ASSERT_EQ(runs.size(), 1u);
        EXPECT_EQ(runs[0].name, name);
        EXPECT_EQ(runs[0].optimizer, name);
    }
}

TEST(LongCsvReader, RunsInOrderOfFirstAppearanceWhateverTheColumnOrder) {
    const std::string text =
        "epoch,lr,run,name,optimizer,base_lr,train_loss,train_error,test_loss,test_error,"
        "grad_norm,update_ratio,step_size,lr_changed_to,comment\n"
        "0,0.1,3,b,sgd,0.1,1,,,,,,,,x\n"
        "0,0.2,1,a,adam,0.2,2,,,,,,,,y\n"
        "1,0.1,3,b,sgd,0.1,0.5,,,,,,,,z\n";
    const auto runs = readText(text);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].run, 3);
    EXPECT_EQ(runs[0].name, "b");
    ASSERT_EQ(runs[0].history.size(), 2u);
    EXPECT_EQ(runs[0].history[1].trainLoss, 0.5);
    EXPECT_EQ(runs[1].run, 1);
    EXPECT_EQ(runs[1].optimizer, "adam");
    EXPECT_EQ(runs[1].history[0].lr, 0.2);
}

// The header before status and diverged_at existed.
std::string oldHeader() {
    return "run,name,optimizer,base_lr," + historyCsvHeader();
}

TEST(LongCsvReader, FilesWithoutStatusColumnsStillRead) {
    const auto runs =
        readText(oldHeader() + "\n1,a,sgd,0.1,0,1,,,,0.1,,,,\n1,a,sgd,0.1,1,0.5,,,,0.1,,,,\n");
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].history.size(), 2u);
    EXPECT_FALSE(runs[0].status);
    EXPECT_FALSE(runs[0].divergedAt);
}

TEST(LongCsvReader, StatusColumnsAreCheckedRunByRun) {
    const std::string header = longCsvHeader() + "\n";
    const auto runs =
        readText(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,,diverged,2\n" +
                 "2,b,sgd,0.1,0,1,,,,0.1,,,,,,\n" + "1,a,sgd,0.1,1,9,,,,0.1,,,,,diverged,2\n");
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].status, FinishedStatus::Diverged);
    EXPECT_EQ(runs[0].divergedAt, 2);
    EXPECT_FALSE(runs[1].status) << "an empty status is unknown (a run exported while it trains)";

    EXPECT_EQ(readError("run,name,optimizer,base_lr," + historyCsvHeader() +
                        ",status\n1,a,sgd,0.1,0,1,,,,0.1,,,,,done\n"),
              "runs.csv:1: missing column 'diverged_at'; expected both status and diverged_at, "
              "or neither (files written before they existed)");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,,finished,\n"),
              "runs.csv:2:15: status: found 'finished', expected done, stopped, diverged or "
              "failed or an empty cell");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,,diverged,\n"),
              "runs.csv:2:16: diverged_at: found an empty cell, expected the epoch in which run "
              "1 diverged (its status is diverged)");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,,done,4\n"),
              "runs.csv:2:16: diverged_at: found 4, expected an empty cell (the status of run 1 "
              "is not diverged)");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,,diverged,x\n"),
              "runs.csv:2:16: diverged_at: found 'x', expected a whole number from 0 to 1000000");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,,done,\n" +
                        "1,a,sgd,0.1,1,1,,,,0.1,,,,,stopped,\n"),
              "runs.csv:3:15: status: found 'stopped', expected 'done' as on the first row of "
              "run 1 (a run has one status)");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,,diverged,3\n" +
                        "1,a,sgd,0.1,1,1,,,,0.1,,,,,diverged,4\n"),
              "runs.csv:3:16: diverged_at: found 4, expected 3 as on the first row of run 1");
}

TEST(LongCsvReader, MalformedInputSaysWhereWhatAndWhatWasExpected) {
    const std::string header = oldHeader() + "\n";
    EXPECT_EQ(readError("run,name,optimizer,base_lr,epoch,train_loss\n1,a,sgd,0.1,0,1\n"),
              "runs.csv:1: missing column 'train_error'; expected the runs CSV of lrscope (" +
                  longCsvHeader() +
                  "), as written by lrscope-cli sweep --out or Export runs in the window");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,abc,,,,0.1,,,,\n"),
              "runs.csv:2:6: train_loss: found 'abc', expected a finite number");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,,,,,\n"),
              "runs.csv:2:10: lr: found an empty cell, expected a finite number");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,0.5,nan,,0.1,,,,\n"),
              "runs.csv:2:8: test_loss: found 'nan', expected a finite number or an empty cell");
    EXPECT_EQ(readError(header + "1,a,sgd,fast,0,1,,,,0.1,,,,\n"),
              "runs.csv:2:4: base_lr: found 'fast', expected a finite number");
    EXPECT_EQ(readError(header + "x,a,sgd,0.1,0,1,,,,0.1,,,,\n"),
              "runs.csv:2:1: run: found 'x', expected a whole number from 0 to 2147483647");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,1.5,1,,,,0.1,,,,\n"),
              "runs.csv:2:5: epoch: found '1.5', expected a whole number from 0 to 1000000");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,\n1,a,sgd,0.1,1,1,,,,0.1,,,\n"),
              "runs.csv:3: line 3 has 13 fields, the header has 14");
    EXPECT_EQ(readError(header + "1,a,sgd,0.1,0,1,,,,0.1,,,,\n"
                                 "2,b,sgd,0.1,0,1,,,,0.1,,,,\n"
                                 "1,a,sgd,0.1,3,1,,,,0.1,,,,\n"
                                 "1,a,sgd,0.1,3,1,,,,0.1,,,,\n"),
              "runs.csv:5:5: epoch: found 3, expected an epoch after 3 (epochs of run 1 must "
              "increase from row to row)");
    EXPECT_EQ(readError(header),
              "runs.csv: the file has a header row but no data rows; "
              "expected at least one data row");
    EXPECT_EQ(readError(""),
              "runs.csv: the file is empty; expected a header row and at least "
              "one data row");
}

TEST(LongCsvReader, ReadsAFileAndNamesItInMessages) {
    std::string pattern = (std::filesystem::temp_directory_path() / "lrscope-runs-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    const std::filesystem::path dir(pattern);
    const std::string path = (dir / "runs.csv").string();
    NamedHistory run;
    run.run = 1;
    run.name = "SGD";
    run.optimizer = "sgd";
    run.baseLr = 0.1;
    run.history = {fullRecord()};
    run.history[0].runId = 1;
    writeFileAtomically(path, longCsv({run}));
    const auto runs = readLongCsvFile(path);
    ASSERT_EQ(runs.size(), 1u);
    ASSERT_EQ(runs[0].history.size(), 1u);
    expectSameRecord(runs[0].history[0], run.history[0]);

    writeFileAtomically(path, oldHeader() + "\n1,a,sgd,0.1,0,1,,,,-,,,,\n");
    try {
        readLongCsvFile(path);
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()), path + ":2:10: lr: found '-', expected a finite number");
    }
    std::filesystem::remove_all(dir);
    EXPECT_THROW(readLongCsvFile(path), InputError);
}

}  // namespace
}  // namespace lrscope::core
