// `trygg report` end to end: a small real experiment (the baseline, the Tjärna lighting and the
// centre's cameras, two replicates of three weeks) is reported and rendered in headless Chromium, which must draw
// every view with no error and no network request; a screenshot of each rendering goes to the
// build folder (report_screenshots/). Then the same in English, a run with no comparison
// partner, a run file without youth data, and exit status 2 with one line for each kind of
// bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.hpp"
#include "experiment/synthetic_runs.hpp"
#include "fixtures.hpp"
#include "io/hdf5_handle.hpp"
#include "io/results_file.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::Outcome;
using testing::quoted;
using testing::read_text;
using testing::write_text;

const fs::path kSource = TRYGG_SOURCE_DIR;
const fs::path kScreenshots = fs::path(TRYGG_BUILD_DIR) / "report_screenshots";

// Runs a shell command; its exit status (-1 if it did not exit).
int shell(const std::string& command) {
    const int raw = std::system(command.c_str());
    return raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// Chromium, installed through the project's scripts when it is missing: the browser test
// must not be skipped silently.
std::string chromium() {
    static const std::string found = [] {
        const std::string look = "command -v chromium >/dev/null 2>&1";
        if (shell(look) != 0) shell(quoted((kSource / "tools" / "deps").string()) + " >&2");
        return shell(look) == 0 ? std::string("chromium") : std::string();
    }();
    return found;
}

struct Rendering {
    int status = -1;
    std::string dom;  // the DOM after the page's scripts ran
    std::string log;  // Chromium's stderr (console messages with --enable-logging=stderr)
};

// Loads `html` in headless Chromium with virtual time to run the page's scripts, dumps the DOM
// and writes a screenshot `png`.
Rendering render(const fs::path& html, const fs::path& png, const fs::path& scratch) {
    const std::string browser = chromium();
    const std::string common = browser +
                               " --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 "
                               "--virtual-time-budget=30000 --user-data-dir=" +
                               quoted((scratch / "profile").string()) + " ";
    const std::string url = quoted("file://" + fs::absolute(html).string());
    Rendering r;
    r.status = shell(common + "--dump-dom " + url + " >" + quoted((scratch / "dom.html").string()) + " 2>" +
                     quoted((scratch / "chromium.log").string()));
    r.dom = read_text(scratch / "dom.html");
    r.log = read_text(scratch / "chromium.log");
    fs::create_directories(png.parent_path());
    shell(common + "--window-size=1200,3000 --screenshot=" + quoted(png.string()) + " " + url + " >/dev/null 2>&1");
    return r;
}

// The page rendered every view and met no error: no script error, no console error, no request
// blocked by its Content-Security-Policy (a network request would be), and Chromium's log
// agrees.
void expect_clean(const Rendering& r) {
    EXPECT_EQ(r.status, 0) << r.log;
    EXPECT_THAT(r.dom, HasSubstr("<body data-report-state=\"rendered\"")) << r.log;
    EXPECT_THAT(r.dom, Not(HasSubstr("data-report-warnings="))) << "Vega or the page warned: " << r.log;
    EXPECT_THAT(r.dom, Not(HasSubstr("data-error="))) << "a view failed";
    EXPECT_THAT(r.dom, HasSubstr("<div id=\"report-errors\" hidden=\"\"></div>")) << "the page listed errors";
    EXPECT_THAT(r.log, Not(HasSubstr("Refused to"))) << "the page asked for something from outside";
    EXPECT_THAT(r.log, Not(HasSubstr("net::ERR"))) << "the page made a network request";
    EXPECT_THAT(r.log, Not(HasSubstr(":ERROR:CONSOLE"))) << r.log;
    EXPECT_THAT(r.log, Not(HasSubstr("Uncaught"))) << r.log;
}

// A view was drawn: its figure is there, marked rendered, with the SVG Vega drew inside.
void expect_view(const std::string& dom, const std::string& id) {
    const std::size_t at = dom.find("<div class=\"chart\" data-view=\"" + id + "\"");
    ASSERT_NE(at, std::string::npos) << "no view " << id;
    const std::size_t end = dom.find('>', at);
    ASSERT_NE(end, std::string::npos);
    EXPECT_THAT(dom.substr(at, end - at), HasSubstr("data-rendered=\"true\"")) << "view " << id << " not drawn";
    EXPECT_EQ(dom.compare(end + 1, 4, "<svg"), 0) << "view " << id << " holds no SVG";
}

// Some digit, comma, digit in the page's text: a Swedish decimal comma.
bool has_decimal_comma(const std::string& text) {
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == ',' && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(text[i + 1])))
            return true;
    }
    return false;
}

// The drawn page only: the data and the scripts after it hold both languages' words and JSON
// arrays such as [1,2].
std::string drawn(const std::string& dom) {
    const std::size_t from = dom.find("<div id=\"report\">"), to = dom.find("<div id=\"report-errors\"");
    return from < to && to != std::string::npos ? dom.substr(from, to - from) : std::string();
}

// "9&nbsp;027": a no-break space between thousands, as the DOM writes it.
bool has_grouped_thousands(const std::string& text) {
    const std::string nbsp = "&nbsp;";
    for (std::size_t at = text.find(nbsp); at != std::string::npos; at = text.find(nbsp, at + 1)) {
        const std::size_t after = at + nbsp.size();
        if (at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1])) && after + 3 <= text.size() &&
            std::isdigit(static_cast<unsigned char>(text[after])) &&
            std::isdigit(static_cast<unsigned char>(text[after + 2])))
            return true;
    }
    return false;
}

// One section of the drawn page, from its <section> tag to its end.
std::string section_html(const std::string& dom, const std::string& id) {
    const std::size_t from = dom.find("data-section=\"" + id + "\"");
    if (from == std::string::npos) return {};
    const std::size_t to = dom.find("</section>", from);
    return dom.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

class ReportCli : public testing::TryggCli {
protected:
    static void TearDownTestSuite() {
        std::error_code ec;
        if (!shared_.empty()) fs::remove_all(shared_, ec);
    }

    // Puts exp.h5 into work/: one small experiment for the whole suite, run once per test
    // process on first use (ctest runs each test in its own process).
    void use_experiment() {
        if (batch_status_ < 0) {
            shared_ = fs::temp_directory_path() / ("trygg_report_" + std::to_string(::getpid()));
            fs::remove_all(shared_);
            fs::create_directories(shared_);
            write_text(shared_ / "exp.yaml", "scenarios: [" + (kSource / "scenarios" / "baseline.yaml").string() +
                                                 ", " + (kSource / "scenarios" / "lighting_tjarna.yaml").string() +
                                                 ", " + (kSource / "scenarios" / "cameras_centre.yaml").string() +
                                                 "]\nreplicates: 2\nweeks: 3\nseed: 11\n");
            batch_status_ = shell("cd " + quoted(shared_.string()) + " && " + quoted(TRYGG_BINARY) +
                                  " batch exp.yaml -o exp.h5 -q </dev/null >batch.log 2>&1");
        }
        ASSERT_EQ(batch_status_, 0) << read_text(shared_ / "batch.log");
        fs::copy_file(shared_ / "exp.h5", work() / "exp.h5");
        ours_.insert("exp.h5");
    }
    fs::path scratch() const { return dir_; }

    static fs::path shared_;
    static int batch_status_;
};
fs::path ReportCli::shared_;
int ReportCli::batch_status_ = -1;

TEST_F(ReportCli, RendersInSwedishWithTheStrategysEffects) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    const Outcome o = trygg("report exp.h5:baseline --compare exp.h5:lighting_tjarna -o report.html");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.err, IsEmpty());
    EXPECT_THAT(o.out, HasSubstr("Wrote report.html"));
    const std::string html = read_text(work() / "report.html");
    EXPECT_THAT(html, HasSubstr("<html lang=\"sv\">"));
    EXPECT_THAT(html, HasSubstr("default-src 'none'"));
    EXPECT_THAT(html, Not(HasSubstr("src=\"http"))) << "nothing may load from elsewhere";
    const Rendering r = render(work() / "report.html", kScreenshots / "report_sv.png", scratch());
    expect_clean(r);
    for (const std::string view :
         {"district-map", "hotspot-map", "trend-city", "trend-districts", "effects-total", "effects-by_type",
          "effects-by_district", "effects-by_group", "effects-by_hour", "outlook-classes", "youth-districts"}) {
        expect_view(r.dom, view);
    }
    EXPECT_THAT(drawn(r.dom), HasSubstr("Strategiernas effekter"));
    EXPECT_THAT(r.dom, HasSubstr("data-section=\"cost\" data-available=\"true\""));
    EXPECT_THAT(drawn(r.dom), HasSubstr("projektioner under antaganden, inte prognoser"));
    // One strategy is no ranking, and the page says so plainly; harm and hotspots are there.
    EXPECT_THAT(r.dom, HasSubstr("data-section=\"ranking\" data-available=\"false\""));
    EXPECT_THAT(r.dom, HasSubstr("data-missing=\"one_strategy\""));
    EXPECT_THAT(section_html(r.dom, "ranking"), HasSubstr("En rangordning kräver två eller fler strategier"));
    EXPECT_THAT(r.dom, HasSubstr("data-section=\"harm\" data-available=\"true\""));
    EXPECT_THAT(r.dom, HasSubstr("data-section=\"hotspots\" data-available=\"true\""));
    expect_view(r.dom, "harm-prevented");
    EXPECT_THAT(section_html(r.dom, "hotspots"), HasSubstr("Läs den inte som att strategin gjorde hotspots värre"));
    // Swedish numbers: a decimal comma and a no-break space between thousands in the text and the charts.
    const std::string page = drawn(r.dom);
    EXPECT_TRUE(has_decimal_comma(page)) << "no decimal comma";
    EXPECT_TRUE(has_grouped_thousands(page)) << "no no-break space between thousands";
    EXPECT_THAT(page, Not(HasSubstr("NaN")));
    EXPECT_TRUE(fs::file_size(kScreenshots / "report_sv.png") > 10000);
}

// Two strategies: the ranking (a table and a chart per criterion with its interval, and P(best)),
// harm and cost at present value, and hotspots on the baseline's yardstick, in Swedish figures.
TEST_F(ReportCli, RanksTwoOrMoreStrategies) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    const Outcome o =
        trygg("report exp.h5:baseline --compare exp.h5:lighting_tjarna exp.h5:cameras_centre -o report.html -q");
    ASSERT_EQ(o.status, 0) << o.err;
    const Rendering r = render(work() / "report.html", kScreenshots / "report_ranking.png", scratch());
    expect_clean(r);
    for (const std::string section : {"ranking", "harm", "hotspots"}) {
        EXPECT_THAT(r.dom, HasSubstr("data-section=\"" + section + "\" data-available=\"true\"")) << section;
    }
    for (const std::string view : {"ranking-crimes_prevented", "ranking-harm_prevented_pv", "ranking-p-best",
                                   "harm-prevented", "hotspots-baseline"}) {
        expect_view(r.dom, view);
    }
    const std::string ranking = section_html(r.dom, "ranking");
    EXPECT_THAT(ranking, HasSubstr("Rangordning av strategier"));
    EXPECT_THAT(ranking, HasSubstr("lighting_tjarna"));
    EXPECT_THAT(ranking, HasSubstr("cameras_centre"));
    EXPECT_THAT(ranking, HasSubstr("Bäst i andel av replikaten"));
    EXPECT_THAT(ranking, HasSubstr("3,5&nbsp;%")) << "the discount rate, in Swedish";
    EXPECT_TRUE(has_decimal_comma(ranking)) << "the ranking's figures with a decimal comma";
    EXPECT_THAT(ranking, Not(HasSubstr("NaN")));
    const std::string harm = section_html(r.dom, "harm");
    EXPECT_THAT(harm, HasSubstr("Diskonteringsränta"));
    EXPECT_THAT(harm, HasSubstr("fängelsedagar"));
    EXPECT_THAT(harm, Not(HasSubstr("NaN")));
    const std::string hotspots = section_html(r.dom, "hotspots");
    EXPECT_THAT(hotspots, HasSubstr("Andel av brotten i utgångslägets mest brottsutsatta rutor"));
    EXPECT_THAT(hotspots, HasSubstr("Ihållande hotspots"));
    EXPECT_THAT(hotspots, Not(HasSubstr("NaN")));
    EXPECT_TRUE(fs::file_size(kScreenshots / "report_ranking.png") > 10000);
}

// The report's ranking is `trygg compare BASE O1 O2`'s: the same ranks, means, intervals and P(best).
TEST_F(ReportCli, TheRankingIsTryggCompares) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    const std::string runs = "exp.h5:baseline exp.h5:lighting_tjarna exp.h5:cameras_centre";
    ASSERT_EQ(trygg("compare " + runs + " --discount-rate 0.02 --json rank.json -q").status, 0);
    const Outcome o = trygg(
        "report exp.h5:baseline --compare exp.h5:lighting_tjarna exp.h5:cameras_centre "
        "--discount-rate 0.02 -o report.html -q");
    ASSERT_EQ(o.status, 0) << o.err;
    const std::string html = read_text(work() / "report.html");
    const std::string open = "<script type=\"application/json\" id=\"report-data\">";
    const std::size_t from = html.find(open);
    ASSERT_NE(from, std::string::npos);
    const std::size_t to = html.find("</script>", from);
    const auto data = nlohmann::json::parse(html.substr(from + open.size(), to - from - open.size()));
    nlohmann::json ranking;
    for (const auto& s : data["sections"])
        if (s["id"] == "ranking") ranking = s;
    ASSERT_EQ(ranking["available"], true);
    EXPECT_DOUBLE_EQ(ranking["discount_rate"].get<double>(), 0.02);
    const auto compared = nlohmann::json::parse(read_text(work() / "rank.json"))["ranking"];
    ASSERT_EQ(ranking["criteria"].size(), compared.size());
    for (std::size_t c = 0; c < compared.size(); ++c) {
        const auto& ours = ranking["criteria"][c];
        EXPECT_EQ(ours["criterion"], compared[c]["criterion"]);
        ASSERT_EQ(ours["rows"].size(), compared[c]["scores"].size());
        for (std::size_t k = 0; k < ours["rows"].size(); ++k) {
            const auto& a = ours["rows"][k];
            const auto& b = compared[c]["scores"][k];
            EXPECT_THAT(b["strategy"].get<std::string>(), HasSubstr(a["strategy"].get<std::string>()));
            for (const char* field : {"rank", "mean", "low", "high", "p_best_replicates", "p_best_bootstrap"}) {
                if (b[field].is_null()) {
                    EXPECT_TRUE(a[field].is_null()) << field;
                } else {
                    ASSERT_FALSE(a[field].is_null()) << field;
                    EXPECT_NEAR(a[field].get<double>(), b[field].get<double>(), 1e-3)
                        << ours["criterion"] << " " << field;
                }
            }
        }
    }
}

TEST_F(ReportCli, RanksInEnglish) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    const Outcome o = trygg(
        "report exp.h5:baseline --compare exp.h5:lighting_tjarna exp.h5:cameras_centre --lang en --discount-rate 0 "
        "-o report.html -q");
    ASSERT_EQ(o.status, 0) << o.err;
    const Rendering r = render(work() / "report.html", kScreenshots / "report_ranking_en.png", scratch());
    expect_clean(r);
    expect_view(r.dom, "ranking-crimes_prevented");
    const std::string ranking = section_html(r.dom, "ranking");
    EXPECT_THAT(ranking, HasSubstr("Ranking the strategies"));
    EXPECT_THAT(ranking, HasSubstr("discount rate of 0.0%"));
    EXPECT_THAT(section_html(r.dom, "hotspots"), HasSubstr("Do not read it as the strategy making hotspots worse"));
}

TEST_F(ReportCli, RendersInEnglish) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    const Outcome o = trygg("report exp.h5:baseline --compare exp.h5:lighting_tjarna --lang en -o report.html -q");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, IsEmpty());
    const Rendering r = render(work() / "report.html", kScreenshots / "report_en.png", scratch());
    expect_clean(r);
    expect_view(r.dom, "district-map");
    expect_view(r.dom, "effects-by_type");
    EXPECT_THAT(r.dom, HasSubstr("<html lang=\"en\">"));
    const std::string page = drawn(r.dom);
    EXPECT_THAT(page, HasSubstr("The strategies' effects"));
    EXPECT_THAT(page, HasSubstr("projections under assumptions, not forecasts"));
    EXPECT_THAT(page, Not(HasSubstr("Strategiernas effekter")));
    EXPECT_FALSE(has_grouped_thousands(page)) << "English groups thousands with a comma";
}

TEST_F(ReportCli, ARunWithoutAComparisonPartnerSaysWhatItLacks) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    const Outcome o = trygg("report exp.h5:baseline -o report.html");
    ASSERT_EQ(o.status, 0) << o.err;
    const Rendering r = render(work() / "report.html", kScreenshots / "report_no_comparison.png", scratch());
    expect_clean(r);
    expect_view(r.dom, "district-map");
    expect_view(r.dom, "hotspot-map");
    expect_view(r.dom, "trend-districts");
    EXPECT_THAT(r.dom, Not(HasSubstr("data-view=\"effects-")));
    for (const std::string section : {"effects", "areas", "cost", "ranking", "harm", "hotspots"}) {
        EXPECT_THAT(r.dom, HasSubstr("data-section=\"" + section + "\" data-available=\"false\""));
    }
    EXPECT_THAT(r.dom, HasSubstr("data-missing=\"no_comparison\""));
    EXPECT_THAT(drawn(r.dom), HasSubstr("ingen --compare"));
}

// A file written before the youth and safety layers (schema 1) and without a city's polygons:
// the report draws what it has and says what it lacks.
TEST_F(ReportCli, AnOldRunFileWithoutYouthDataSaysSo) {
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    const testing::SyntheticRun run = testing::synthetic_run("baseline", 2);
    write_run_file(work() / "old.h5", run.provenance, run.grid, run.districts, run.results);
    ours_.insert("old.h5");
    {
        h5::File file(H5Fopen((work() / "old.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        ASSERT_TRUE(file.valid());
        for (const char* path : {"/youth/members", "/youth/recruits", "/offending", "/interventions/participants"})
            ASSERT_GE(H5Ldelete(file.get(), path, H5P_DEFAULT), 0) << path;
        h5::Attribute version(H5Aopen(file.get(), "schema_version", H5P_DEFAULT));
        const std::int32_t one = 1;
        ASSERT_GE(H5Awrite(version.get(), H5T_NATIVE_INT32, &one), 0);
    }
    const Outcome o = trygg("report old.h5 -o report.html");
    ASSERT_EQ(o.status, 0) << o.err;
    const Rendering r = render(work() / "report.html", kScreenshots / "report_old_file.png", scratch());
    expect_clean(r);
    EXPECT_THAT(r.dom, HasSubstr("data-missing=\"no_youth\""));
    EXPECT_THAT(r.dom, HasSubstr("data-missing=\"no_safety\""));
    EXPECT_THAT(r.dom, HasSubstr("data-missing=\"no_areas_in_city\""));
    EXPECT_THAT(r.dom, HasSubstr("data-missing=\"no_hotspot_cells\""));
    expect_view(r.dom, "district-bars-crimes");
}

// Runs without the weekly picture of crime per cell (written before it was stored): the hotspot
// section says it cannot test them on the baseline's yardstick and still shows the top cells.
TEST_F(ReportCli, RunsWithoutTheWeeklyPictureSaySo) {
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    testing::SyntheticRun base = testing::synthetic_run("baseline", 2);
    testing::SyntheticRun other = testing::synthetic_run("lighting", 2);
    for (int r = 0; r < 2; ++r) {
        base.results.crimes_cells[base.cell(r, 0, 2, 1)] = 12 + r;
        other.results.crimes_cells[other.cell(r, 0, 2, 1)] = 9 + r;
    }
    write_run_file(work() / "base.h5", base.provenance, base.grid, base.districts, base.results);
    write_run_file(work() / "other.h5", base.provenance, other.grid, other.districts, other.results);
    ours_.insert("base.h5");
    ours_.insert("other.h5");
    const Outcome o = trygg("report base.h5 --compare other.h5 -o report.html -q");
    ASSERT_EQ(o.status, 0) << o.err;
    const Rendering r = render(work() / "report.html", kScreenshots / "report_no_weekly_picture.png", scratch());
    expect_clean(r);
    EXPECT_THAT(r.dom, HasSubstr("data-section=\"hotspots\" data-available=\"true\""));
    const std::string hotspots = section_html(r.dom, "hotspots");
    EXPECT_THAT(hotspots, HasSubstr("data-missing=\"no_weekly_picture\""));
    EXPECT_THAT(hotspots, HasSubstr("Andel av brotten i utgångslägets mest brottsutsatta rutor"));
    EXPECT_THAT(hotspots, Not(HasSubstr("Ihållande hotspots")));
}

TEST_F(ReportCli, PrintsToPdf) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    ASSERT_FALSE(chromium().empty()) << "tools/deps could not install chromium";
    const Outcome o = trygg("report exp.h5:baseline --pdf -o report.html");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(o.out, HasSubstr("report.pdf"));
    EXPECT_EQ(written(), (std::set<std::string>{"report.html", "report.pdf"}));
    EXPECT_THAT(read_text(work() / "report.pdf").substr(0, 5), "%PDF-");
}

TEST_F(ReportCli, BadInputIsOneLineAndStatusTwo) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    expect_bad_input(trygg("report missing.h5 -o r.html"), {"missing.h5"});
    expect_bad_input(trygg("report exp.h5:nosuch -o r.html"), {"no run group 'nosuch'", "baseline, lighting_tjarna"});
    expect_bad_input(trygg("report exp.h5 -o r.html"), {"an experiment file; name one of its runs"});
    expect_bad_input(trygg("report exp.h5:baseline --compare missing.h5 -o r.html"), {"missing.h5"});
    expect_bad_input(trygg("report exp.h5:baseline --compare exp.h5:nosuch -o r.html"), {"no run group 'nosuch'"});
    expect_bad_input(trygg("report exp.h5:baseline --compare -o r.html"), {"trygg report: ", "compare"});
    expect_bad_input(trygg("report exp.h5:baseline --compare exp.h5:lighting_tjarna --discount-rate 3.5 -o r.html"),
                     {"trygg report: --discount-rate", "0.035"});
    expect_bad_input(trygg("report exp.h5:baseline --compare exp.h5:lighting_tjarna --harm missing.yaml -o r.html"),
                     {"missing.yaml"});
    expect_bad_input(trygg("report exp.h5:baseline -o nodir/r.html"), {"directory does not exist"});
    expect_bad_input(trygg("report exp.h5:baseline -o exp.h5"), {"exp.h5"});
    expect_bad_input(trygg("report exp.h5:baseline"), {"-o"});
    expect_bad_input(trygg("report exp.h5:baseline --lang de -o r.html"), {"--lang", "'de'"});
    expect_bad_input(trygg("report"), {"give a run"});
}

TEST_F(ReportCli, AnOutputThatCannotBeWrittenIsBadInput) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    fs::create_directories(work() / "locked");
    ours_.insert("locked");
    fs::permissions(work() / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    if (::geteuid() != 0) {  // root writes anywhere
        expect_bad_input(trygg("report exp.h5:baseline -o locked/r.html"), {"locked/r.html"});
    }
    expect_bad_input(trygg("report exp.h5:baseline -o locked"), {"is a directory"});
    fs::permissions(work() / "locked", fs::perms::owner_all);
}

TEST_F(ReportCli, ARunFileOfAnotherSchemaVersionIsRefused) {
    ASSERT_NO_FATAL_FAILURE(use_experiment());
    const testing::SyntheticRun run = testing::synthetic_run("baseline", 2);
    write_run_file(work() / "future.h5", run.provenance, run.grid, run.districts, run.results);
    ours_.insert("future.h5");
    {
        h5::File file(H5Fopen((work() / "future.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
        ASSERT_TRUE(file.valid());
        h5::Attribute version(H5Aopen(file.get(), "schema_version", H5P_DEFAULT));
        const std::int32_t future = kSchemaVersion + 1;
        ASSERT_GE(H5Awrite(version.get(), H5T_NATIVE_INT32, &future), 0);
    }
    expect_bad_input(trygg("report future.h5 -o r.html"), {"future.h5", "schema"});
    expect_bad_input(trygg("report exp.h5:baseline --compare future.h5 -o r.html"), {"future.h5", "schema"});
}

TEST_F(ReportCli, RunsThatDoNotShareRandomNumbersNeedUnpaired) {
    testing::SyntheticRun base = testing::synthetic_run("baseline", 3);
    testing::SyntheticRun other = testing::synthetic_run("lighting", 3);
    other.provenance.seed = 2;
    write_run_file(work() / "base.h5", base.provenance, base.grid, base.districts, base.results);
    write_run_file(work() / "other.h5", other.provenance, other.grid, other.districts, other.results);
    ours_ = {"base.h5", "other.h5"};
    expect_bad_input(trygg("report base.h5 --compare other.h5 -o r.html"),
                     {"base.h5 and other.h5 are not paired (seed 1 and 2)", "--unpaired"});
    const Outcome o = trygg("report base.h5 --compare other.h5 --unpaired -o r.html -q");
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_THAT(read_text(work() / "r.html"), HasSubstr("\"pairing\":\"unpaired\""));
}

TEST_F(ReportCli, HelpSaysWhatTheReportShows) {
    for (const std::string args : {"help report", "report --help"}) {
        SCOPED_TRACE(args);
        const Outcome o = trygg(args);
        EXPECT_EQ(o.status, 0);
        EXPECT_THAT(o.out, HasSubstr("Usage: trygg report RESULTS.h5[:group]"));
        EXPECT_THAT(o.out, HasSubstr("--compare"));
        EXPECT_THAT(o.out, HasSubstr("--pdf"));
        EXPECT_THAT(o.out, HasSubstr("not forecasts"));
    }
}

}  // namespace
}  // namespace trygg
