#include "core/history_csv.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/csv_reader.hpp"

namespace lrscope::core {
namespace {

EpochRecord fullRecord() {
    EpochRecord record;
    record.run_id = 3;
    record.epoch = 12;
    record.train_loss = 0.1;
    record.train_error = 0.25;
    record.test_loss = 0.30000000000000004;
    record.test_error = 0.5;
    record.lr = 3e-3;
    record.grad_norm = 1.5;
    record.update_ratio = 1e-5;
    record.step_size = 2.0;
    record.lr_changed_to = 0.01;
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
    record.train_loss = 0.6931471805599453;
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
              "grad_norm,update_ratio,step_size,lr_changed_to");
    NamedHistory run;
    run.run = 2;
    run.name = "SGD lr=3e-3";
    run.optimizer = "sgd";
    run.base_lr = 3e-3;
    EXPECT_EQ(longCsvRow(run, fullRecord()),
              "2,SGD lr=3e-3,sgd,0.003,12,0.1,0.25,0.30000000000000004,0.5,0.003,1.5,1e-05,2,"
              "0.01");
}

TEST(HistoryCsv, LongFormatQuotesNamesWithCommasOrQuotes) {
    NamedHistory run;
    run.run = 1;
    run.name = "Adam, \"fast\"";
    run.optimizer = "adam";
    run.base_lr = 0.001;
    EpochRecord record;
    record.train_loss = 1.0;
    record.lr = 0.001;
    const std::string row = longCsvRow(run, record);
    EXPECT_EQ(row, "1,\"Adam, \"\"fast\"\"\",adam,0.001,0,1,,,,0.001,,,,");

    // Our own reader gets the name back intact.
    const CsvTable table = parseCsv(longCsvHeader() + "\n" + row + "\n", "runs.csv");
    EXPECT_EQ(table.rows[0][1], "Adam, \"fast\"");
    EXPECT_EQ(table.rows[0].size(), table.header.size());
}

}  // namespace
}  // namespace lrscope::core
