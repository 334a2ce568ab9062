// The shipped virtual replications (validation/*.yaml, docs/validation.md). A finding whose
// interval stops overlapping the published one, or an expected gap that closes, makes
// `trygg validate` exit 5 and these tests fail: the model's agreement with the evaluations is
// held like any other figure. CI runs the year-long studies that share one baseline; the
// whole suite (about two minutes on 2 cores) is `trygg validate` (docs/validation.md).
#include "cli_fixture.hpp"

#include <fstream>
#include <regex>

namespace trygg::testing {
namespace {

using ::testing::HasSubstr;

class Validation : public TryggCli {};

TEST_F(Validation, TheYearLongStudiesDoWhatTheirFilesExpectAtTheirOwnReplicates) {
    // Each at the replicates and seed of its file, so the intervals are those of
    // docs/validation.md; they share the baseline year, run once.
    const Outcome o = trygg("validate --dir " + quoted(source_path("validation")) +
                            " --only street_lighting --only cctv --only near_repeat --only concentration"
                            " --only registered_counts --only timing");
    EXPECT_EQ(o.status, 0) << o.out << o.err;
    EXPECT_THAT(o.out, HasSubstr("every finding as its file expects"));
    std::printf("%s", o.out.c_str());
}

TEST_F(Validation, TheDocumentListsEveryStudyFile) {
    const std::string md = read_text(source_path("docs/validation.md"));
    ASSERT_FALSE(md.empty());
    for (const auto& entry : std::filesystem::directory_iterator(source_path("validation"))) {
        if (entry.path().extension() != ".yaml") continue;
        const std::string name = entry.path().stem().string();
        EXPECT_THAT(md, HasSubstr("](#" + name + ")")) << "docs/validation.md is older than validation/" << name
                                                       << ".yaml: run trygg validate --markdown docs/validation.md";
    }
}

}  // namespace
}  // namespace trygg::testing
