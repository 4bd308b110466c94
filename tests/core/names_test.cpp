// Names typed by people match names spelled by programs.
#include "kiosk/core/names.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Names, TidyTrimsAndCollapsesWhiteSpaceKeepingCase) {
    EXPECT_EQ(tidy_name("  Exhibit \t Hall  A \n"), "Exhibit Hall A");
    EXPECT_EQ(tidy_name(""), "");
    EXPECT_EQ(tidy_name(" \t "), "");
}

TEST(Names, FoldAlsoLowersAsciiAndLeavesOtherBytes) {
    EXPECT_EQ(fold_name("  EXHIBIT  hall A"), "exhibit hall a");
    EXPECT_EQ(fold_name("Salle ÉVIAN"), "salle Évian");
}

TEST(Names, ContainsWordsOnlyAtWordBoundaries) {
    EXPECT_TRUE(contains_words("welcome reception", "reception"));
    EXPECT_TRUE(contains_words("poster session a", "poster session"));
    EXPECT_FALSE(contains_words("receptionist desk", "reception"));
    EXPECT_FALSE(contains_words("oral", ""));
}

}  // namespace
}  // namespace kiosk
