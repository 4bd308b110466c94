// Diagnostics read like compiler messages and never flood the terminal.
#include "kiosk/core/diagnostic.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Diagnostic, FileLineMessage) {
    EXPECT_EQ(to_string({"program.txt", 12, Severity::error, "no such date 'Mon 31 Feb'"}),
              "program.txt:12: no such date 'Mon 31 Feb'");
    EXPECT_EQ(to_string({"program.txt", 3, Severity::warning, "talk has no abstract"}),
              "program.txt:3: warning: talk has no abstract");
    EXPECT_EQ(to_string({"program.txt", 0, Severity::error, "file is empty"}),
              "program.txt: file is empty");
}

TEST(Diagnostic, AtMostTheLimitThenACount) {
    Diagnostics ds;
    for (int i = 1; i <= 25; ++i) ds.push_back({"p.txt", i, Severity::warning, "x"});
    auto text = format_diagnostics(ds, 20);
    EXPECT_NE(text.find("p.txt:20: warning: x\n"), std::string::npos);
    EXPECT_EQ(text.find("p.txt:21:"), std::string::npos);
    EXPECT_NE(text.find("... and 5 more\n"), std::string::npos);
}

}  // namespace
}  // namespace kiosk
