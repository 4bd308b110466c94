// One policy for staff corrections in every command that applies them (check, rooms, agenda,
// render): a warning is printed exactly once, and a broken corrections file is one error, the
// program is shown without corrections, and the command exits 1.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_kiosk.h"
#include "temp_dir.h"

namespace kiosk {
namespace {

using ::testing::HasSubstr;

const std::string seed = KIOSK_SOURCE_DIR "/data/program.txt";
const std::string config = KIOSK_SOURCE_DIR "/config/kiosk.toml";  // pins 2022

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Every command that applies corrections, as a user types it, with `corrections` named.
std::vector<std::vector<std::string>> commands(const std::string& corrections,
                                               const std::string& out_dir) {
    std::vector<std::string> common = {"--config", config, "--corrections", corrections};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), common.begin(), common.end());
        return args;
    };
    return {with({"check", seed, "--json"}), with({"rooms", seed}),
            with({"agenda", "--data", seed, "--at", "2022-08-29T09:10"}),
            with({"render", "--data", seed, "--at", "2022-08-29T09:10", "--slide", "now", "--out",
                  out_dir})};
}

Run run_strings(const std::vector<std::string>& args) {
    std::vector<std::string_view> views(args.begin(), args.end());
    return run(views);
}

TEST(CorrectionsPolicy, AWarningIsPrintedOnceByEveryCommand) {
    TempDir dir;
    auto corrections = dir.write("corrections.toml", R"([[session]]
match = { kind = "Oral", title = "Outstanding Paper" }
end = "10:15"
)");
    const std::string warning = corrections +
                                ":1: warning: no Oral session titled 'Outstanding Paper' in the "
                                "program (did you mean 'Outstanding Papers'?)";
    for (const auto& args : commands(corrections, dir.path("png"))) {
        auto r = run_strings(args);
        EXPECT_EQ(r.rc, exit_ok) << args[0] << ": " << r.err;
        EXPECT_EQ(count(r.err, warning), 1u) << args[0] << ": " << r.err;
    }
}

TEST(CorrectionsPolicy, ABrokenFileIsOneErrorTheProgramShownUncorrectedAndExit1) {
    TempDir dir;
    auto corrections = dir.write("corrections.toml", "[[session]]\nend = 10:15\n");
    const std::string error = corrections + ":2: Error while parsing time";
    for (const auto& args : commands(corrections, dir.path("png"))) {
        auto r = run_strings(args);
        EXPECT_EQ(r.rc, exit_failure) << args[0];
        EXPECT_EQ(count(r.err, error), 1u) << args[0] << ": " << r.err;
        // What the program says is still shown.
        EXPECT_THAT(r.out, HasSubstr(args[0] == "rooms"    ? "Exhibit Hall A"
                                     : args[0] == "render" ? "01-now.png"
                                                           : "Outstanding Papers"))
            << args[0];
    }
}

TEST(CorrectionsPolicy, TheConfigsCorrectionsApplyWithoutTheOption) {
    TempDir dir;
    dir.write("corrections.toml", R"([[session]]
match = { kind = "Oral", title = "Outstanding Papers" }
end = "10:15"
)");
    dir.write("kiosk.toml",
              "[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = "
              "\"Exhibit Hall A\"\n[data]\nprogram = \"" +
                  seed + "\"\ncorrections = \"corrections.toml\"\nyear = 2022\n");
    auto r = run({"agenda", "--config", dir.path("kiosk.toml"), "--at", "2022-08-29T10:05"});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_THAT(r.out, HasSubstr("08:45\xE2\x80\x93"
                                 "10:15  Oral: Outstanding Papers"));
}

}  // namespace
}  // namespace kiosk
