// When an update of the program looks cut short, and the marker that accepts one.
#include "kiosk/app/update_guard.h"

#include <gtest/gtest.h>

#include "fake_fs.h"

namespace kiosk {
namespace {

const date::local_days monday = date::local_days{date::year{2022} / 8 / 29};

// `n` sessions on `day`, appended to `p`.
void add(Program& p, date::local_days day, int n) {
    for (int i = 0; i < n; ++i) {
        Session s;
        s.title = "Session " + std::to_string(p.sessions.size() + 1);
        s.day = day;
        p.sessions.push_back(s);
    }
}

TEST(LooksCutShort, MoreThanHalfOfTheSessionsOfTheDaysItCoversLost) {
    Program before;
    add(before, monday, 10);
    add(before, monday + date::days{1}, 10);
    Program half;
    add(half, monday, 5);
    EXPECT_EQ(looks_cut_short("a", before, "b", half, "the program on screen"), std::nullopt);
    Program four;
    add(four, monday, 4);
    EXPECT_EQ(looks_cut_short("a", before, "b", four, "the program on screen"),
              "it has 4 of the 10 sessions the program on screen has on 2022-08-29, as if most "
              "of it were lost on the way");
    // Over two days, counted together.
    add(four, monday + date::days{1}, 5);
    EXPECT_EQ(looks_cut_short("a", before, "b", four, "it"),
              "it has 9 of the 20 sessions it has on 2022-08-29 to 2022-08-30, as if most of it "
              "were lost on the way");
    // Days it does not cover are not counted: the first day is over and gone.
    Program second_day;
    add(second_day, monday + date::days{1}, 10);
    EXPECT_EQ(looks_cut_short("a", before, "b", second_day, "it"), std::nullopt);
    // Sessions with no day are in no day.
    EXPECT_EQ(looks_cut_short("a", before, "b", Program{}, "it"), std::nullopt);
}

TEST(LooksCutShort, AStrictPrefixMissingMoreThanWhiteSpace) {
    Program p;
    EXPECT_EQ(looks_cut_short("Oral: A\nOral: B\n", p, "Oral: A\nOra", p, "it"),
              "it is only the first 11 of the 16 bytes of it, as if an upload stopped part-way");
    EXPECT_EQ(looks_cut_short("Oral: A\n\n  \n", p, "Oral: A\n", p, "it"), std::nullopt);
    EXPECT_EQ(looks_cut_short("Oral: A\n", p, "Oral: A\n", p, "it"), std::nullopt);
    EXPECT_EQ(looks_cut_short("Oral: A\n", p, "Oral: B", p, "it"), std::nullopt);
}

TEST(AcceptMarker, NamesOneVersionBySha256AsSha256sumWritesIt) {
    FakeFileSystem fs;
    const std::string sha(64, 'a');
    EXPECT_FALSE(accepted_by_marker(fs, "/srv/program.txt", sha));
    ASSERT_TRUE(write_accept_marker(fs, "/srv/program.txt", sha).has_value());
    EXPECT_EQ(fs.bytes("/srv/program.txt.accept"), sha + "\n");
    EXPECT_TRUE(accepted_by_marker(fs, "/srv/program.txt", sha));
    EXPECT_FALSE(accepted_by_marker(fs, "/srv/program.txt", std::string(64, 'b')));
    fs.write("/srv/program.txt.accept", std::string(64, 'A') + "  /srv/program.txt\n");
    EXPECT_TRUE(accepted_by_marker(fs, "/srv/program.txt", sha));
    fs.write("/srv/program.txt.accept", "\n");
    EXPECT_FALSE(accepted_by_marker(fs, "/srv/program.txt", sha));
}

}  // namespace
}  // namespace kiosk
