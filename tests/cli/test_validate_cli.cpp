// `trygg validate` end to end on small study files written by the tests: the table, the
// Markdown and HDF5 outputs, exit status 5 for a finding that is not as its file expects, and
// bad input (exit 2, one line, nothing simulated or written). The shipped studies run in
// Validation.* (tests/cli/test_validation_suite.cpp).
#include "cli_fixture.hpp"

#include <fstream>
#include <sstream>

namespace trygg::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ValidateCli : public TryggCli {
protected:
    // A two-week study of the shipped baseline and Tjärna Ängar's lighting, whose findings
    // are `findings`.
    void study(const std::string& name, const std::string& findings) {
        std::filesystem::create_directories(work() / "studies");
        ours_.insert("studies");
        put("studies/" + name + ".yaml",
            "title: A small study\nsources: [Someone 2020]\ndesign: how it was done\nbaseline: " +
                quoted_path("scenarios/baseline.yaml") + "\ntreated: " + quoted_path("scenarios/lighting_tjarna.yaml") +
                "\nweeks: 2\nreplicates: 2\nseed: 5\nfindings:\n" + findings);
    }
    static std::string quoted_path(const std::string& relative) { return "'" + source_path(relative) + "'"; }
};

const std::string kAgrees = R"(  - name: dark
    label: Crimes in Tjärna Ängar in the dark
    statistic: percent_change
    area: treated
    districts: [Tjärna Ängar]
    light: dark
    published: {estimate: 0, interval: [-100, 100], source: Someone 2020}
  - name: burglary
    label: Burglary a year
    statistic: yearly_count
    types: [burglary]
    published: {estimate: 300, interval: [0, 100000], source: Someone 2020}
)";

TEST_F(ValidateCli, PrintsEachFindingBesideThePublishedFigureAndWritesMarkdownAndHdf5) {
    study("small", kAgrees);
    const Outcome o = trygg("validate --dir studies --markdown validation.md -o validation.h5 -t 2");
    ASSERT_EQ(o.status, 0) << o.err << o.out;
    EXPECT_THAT(o.out, HasSubstr("small — A small study (2 replicates × 2 weeks, seed 5)"));
    EXPECT_THAT(o.out, HasSubstr("-100 to 100"));
    EXPECT_THAT(o.out, HasSubstr("every finding as its file expects"));
    EXPECT_THAT(o.out, Not(HasSubstr("NOT AS EXPECTED")));
    const std::string md = read_text(work() / "validation.md");
    EXPECT_THAT(md, HasSubstr("# Validation: virtual replications"));
    EXPECT_THAT(md, HasSubstr("| [small](#small) | dark | % change |"));
    EXPECT_THAT(md, HasSubstr("Someone 2020"));
    EXPECT_TRUE(std::filesystem::is_regular_file(work() / "validation.h5"));
    EXPECT_GT(std::filesystem::file_size(work() / "validation.h5"), 1000u);
}

TEST_F(ValidateCli, AFindingNotAsItsFileExpectsExitsFiveAndSaysWhich) {
    study("small", R"(  - name: burglary
    label: Burglary a year
    statistic: yearly_count
    types: [burglary]
    published: {estimate: 1000000, interval: [900000, 2000000], source: Someone 2020}
)");
    const Outcome o = trygg("validate --dir studies -t 2");
    EXPECT_EQ(o.status, 5) << o.err;
    EXPECT_THAT(o.out, HasSubstr("gap — NOT AS EXPECTED (overlap)"));
    EXPECT_THAT(o.out, HasSubstr("SOME FINDINGS NOT AS THEIR FILES EXPECT"));
}

TEST_F(ValidateCli, OnlyRunsTheNamedStudyAndTheSameSeedGivesTheSameTable) {
    study("small", kAgrees);
    study("other",
          "  - name: x\n    label: X\n    statistic: yearly_count\n    published: {estimate: 1, interval: "
          "[0, 1000000], source: S}\n");
    const Outcome a = trygg("validate --dir studies --only small -t 1");
    const Outcome b = trygg("validate --dir studies --only small -t 2");
    ASSERT_EQ(a.status, 0) << a.err;
    EXPECT_THAT(a.out, Not(HasSubstr("other —")));
    // Everything but the elapsed time is the same at any thread count.
    const auto table = [](const std::string& out) { return out.substr(0, out.rfind("studies in")); };
    EXPECT_EQ(table(a.out), table(b.out));
}

TEST_F(ValidateCli, BadInputIsOneLineAndNothingRuns) {
    study("small", kAgrees);
    expect_bad_input(trygg("validate --dir studies --only smal"), {"--only", "did you mean 'small'"});
    expect_bad_input(trygg("validate --dir studies --replicates 1"), {"--replicates", "[2, 1000]"});
    expect_bad_input(trygg("validate --dir nowhere"), {"--dir", "nowhere"});
    expect_bad_input(trygg("validate --dir studies --threads 0"), {"--threads"});
    expect_bad_input(trygg("validate --dir studies --markdown studies/small.yaml"), {"--markdown", "small.yaml"});
    expect_bad_input(trygg("validate --dir studies --markdown no_such_dir/v.md"), {"no_such_dir"});
}

TEST_F(ValidateCli, ATypoOrAnUnknownDistrictInAStudyNamesItsFileLineAndKey) {
    study("small",
          "  - name: x\n    label: X\n    statistic: yearly_count\n    typs: [burglary]\n"
          "    published: {estimate: 1, interval: [0, 2], source: S}\n");
    expect_bad_input(trygg("validate --dir studies"), {"small.yaml:13: findings[0].typs", "did you mean 'types'"});
    study("small",
          "  - name: x\n    label: X\n    statistic: yearly_count\n    area: districts\n"
          "    districts: [Tjärna Ängen]\n    published: {estimate: 1, interval: [0, 2], source: S}\n");
    expect_bad_input(trygg("validate --dir studies"),
                     {"small.yaml:14: findings[0].districts", "did you mean 'Tjärna Ängar'"});
}

}  // namespace
}  // namespace trygg::testing
