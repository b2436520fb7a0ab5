// Where a dropped file goes, judged by its name and first bytes (core/io/file_kind.hpp).
#include <gtest/gtest.h>

#include "core/io/file_kind.hpp"

using namespace lrscope::core;

namespace {

DetectedFile kindOf(const std::string& path, std::string_view head) {
    return detectFileKind(path, head);
}

}  // namespace

TEST(FileKind, SessionsByExtensionOrByTheirFormatKey) {
    EXPECT_EQ(kindOf("a.lrscope", "garbage").kind, FileKind::Session);
    EXPECT_EQ(kindOf("a.json", "{\n \"format\" : \"lrscope-session\", \"version\": 1").kind,
              FileKind::Session);
    EXPECT_EQ(kindOf("a.txt", "\xEF\xBB\xBF {\"format\":\"lrscope-session\"").kind,
              FileKind::Session);
}

TEST(FileKind, OtherJsonIsWeightsExceptAnArrayOfArrays) {
    EXPECT_EQ(kindOf("w.json", "{\"format\": \"lrscope-weights\", \"layers\": []}").kind,
              FileKind::Weights);
    EXPECT_EQ(kindOf("w", "[{\"weight\": [[1]], \"bias\": [0]}]").kind, FileKind::Weights);
    EXPECT_EQ(kindOf("broken.json", "not json at all").kind, FileKind::Weights);
    const DetectedFile tensorBoard = kindOf("x.txt", " [ [1700000000.5, 0, 0.7]]");
    EXPECT_EQ(tensorBoard.kind, FileKind::Import);
    EXPECT_EQ(tensorBoard.importFormat, ImportFormat::TensorBoardJson);
}

TEST(FileKind, CsvsWithAStepColumnAreImportsOthersAreData) {
    EXPECT_EQ(kindOf("t.csv", "Wall time,Step,Value\n1,0,0.5\n").importFormat,
              ImportFormat::TensorBoardCsv);
    const DetectedFile runs = kindOf("r.csv", "run,name,optimizer,base_lr,epoch,train_loss\n");
    EXPECT_EQ(runs.kind, FileKind::Import);
    EXPECT_EQ(runs.importFormat, ImportFormat::RunsCsv);
    const DetectedFile log = kindOf("m.csv", "\"Epoch\",train_loss\n0,0.9\n");
    EXPECT_EQ(log.kind, FileKind::Import);
    EXPECT_EQ(log.importFormat, ImportFormat::GenericCsv);
    EXPECT_EQ(kindOf("iris.csv", "sepal,petal,species\n1,2,setosa\n").kind, FileKind::DataCsv);
    // A stepsize column is not a step column.
    EXPECT_EQ(kindOf("d.csv", "stepsize,y\n1,2\n").kind, FileKind::DataCsv);
    // Binary or cut-off text is left to the data reader, which says what is wrong.
    EXPECT_EQ(kindOf("b.csv", std::string_view("\x01\0\x02", 3)).kind, FileKind::DataCsv);
    EXPECT_EQ(kindOf("q.csv", "\"step,unterminated").kind, FileKind::DataCsv);
    EXPECT_EQ(kindOf("e.csv", "").kind, FileKind::DataCsv);
}

TEST(FileKind, DescriptionsNameTheKind) {
    EXPECT_EQ(fileKindDescription({FileKind::Import, ImportFormat::TensorBoardCsv}),
              "runs to import (TensorBoard CSV)");
    EXPECT_EQ(fileKindDescription({FileKind::Weights}), "a weights file");
}
