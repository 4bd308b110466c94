// Holding a program's text to what a screen can show: every importer's output goes through it.
#include "kiosk/core/import/limits.h"

#include <gtest/gtest.h>

#include "kiosk/core/import/importer.h"

namespace kiosk {
namespace {

TEST(Limits, CutsEachFieldBetweenCharactersWithAWarningNamingItsLine) {
    Program p;
    Session s;
    s.title = std::string(10, 'a') + "\u00E9\u00E9\u00E9";  // é is two bytes
    s.kind = "Oral";
    s.source = {"program.txt", 12};
    Talk t;
    t.label = "Pathways";
    t.abstract = std::string(50, 'x');
    t.source = {"program.txt", 14};
    for (int i = 0; i < 5; ++i) t.speakers.push_back("Speaker " + std::to_string(i));
    s.talks = {t, t, t};
    p.sessions.push_back(s);
    TextLimits limits;
    limits.title = 14;  // "aaaaaaaaaa" and the ellipsis's 3 bytes leave 1: not half an é
    limits.prose = 20;
    limits.speakers = 2;
    limits.talks = 2;
    bound_program(p, limits);
    const Session& b = p.sessions[0];
    EXPECT_EQ(b.title, std::string(10, 'a') + "\u2026");
    EXPECT_EQ(b.kind, "Oral");
    ASSERT_EQ(b.talks.size(), 2u);
    EXPECT_EQ(b.talks[0].abstract, std::string(17, 'x') + "\u2026");
    EXPECT_EQ(b.talks[0].speakers, (std::vector<std::string>{"Speaker 0", "Speaker 1"}));
    std::vector<std::string> said;
    for (const auto& d : p.warnings) said.push_back(to_string(d));
    ASSERT_EQ(said.size(), 6u);
    EXPECT_EQ(said[0],
              "program.txt:12: warning: the session's title is 16 bytes; it is shown "
              "shortened to 14");
    EXPECT_EQ(said[1], "program.txt:12: warning: the session has 3 talks; the first 2 are kept");
    EXPECT_EQ(said[2],
              "program.txt:14: warning: the talk's abstract is 50 bytes; it is shown "
              "shortened to 20");
    EXPECT_EQ(said[3], "program.txt:14: warning: the talk lists 5 speakers; the first 2 are kept");
}

TEST(Limits, AProgramWithinThemIsLeftAsItIs) {
    Program p;
    Session s;
    s.title = "Outstanding Papers";
    s.description = std::string(3999, 'd');
    p.sessions.push_back(s);
    Program before = p;
    bound_program(p);
    EXPECT_EQ(p, before);
}

// Through the real importer: a day page whose title is one 5 MB word.
TEST(Limits, EveryImportedProgramIsHeldToThem) {
    std::string page = "Oral: Outstanding Papers" + std::string(5'000'000, 'X') +
                       " Mon 29 Aug 08:45 a.m.\nExhibit Hall A\n";
    ImportOptions options;
    options.file_name = "program.txt";
    options.fallback_timezone = "America/Los_Angeles";
    options.year = 2022;
    auto p = import_program(page, options);
    ASSERT_TRUE(p.has_value()) << format_diagnostics(p.error());
    ASSERT_EQ(p->sessions.size(), 1u);
    EXPECT_EQ(p->sessions[0].title.size(), TextLimits{}.title);
    EXPECT_TRUE(p->sessions[0].title.starts_with("Outstanding PapersXXX"));
    bool warned = false;
    for (const auto& d : p->warnings) {
        warned = warned || to_string(d) ==
                               "program.txt:1: warning: the session's title is "
                               "5,000,018 bytes; it is shown shortened to 500";
    }
    EXPECT_TRUE(warned) << format_diagnostics(p->warnings);
}

}  // namespace
}  // namespace kiosk
