// The importer registry: which importer reads a file, and what is said when none can.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/core/import/daypage.h"
#include "kiosk/core/import/importer.h"

namespace kiosk {
namespace {

using ::testing::ElementsAre;

ImportOptions options(std::string file) {
    ImportOptions o;
    o.file_name = std::move(file);
    o.fallback_timezone = "America/Los_Angeles";
    o.reference_day = date::local_days{date::year{2022} / 8 / 1};
    return o;
}

std::vector<std::string> messages(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(to_string(d));
    return out;
}

std::vector<std::string_view> names() {
    std::vector<std::string_view> out;
    for (const Importer* i : importers()) out.push_back(i->name());
    return out;
}

// A JPEG's first bytes: binary, with NULs right at the start.
const std::string jpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);

TEST(Importers, TheDayPageIsLastForItReadsAnyText) {
    ASSERT_FALSE(importers().empty());
    EXPECT_EQ(importers().back()->name(), "day page");
    EXPECT_THAT(names(), ElementsAre("frab/pretalx XML", "c3voc/pretalx schedule.json", "iCalendar",
                                     "day page"));
}

TEST(Importers, TextGoesToTheDayPage) {
    const Importer* found = find_importer("Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\n");
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->name(), "day page");
    // Empty and UTF-16 files are the day page's to explain: it says what to do about them.
    EXPECT_EQ(find_importer(""), found);
    EXPECT_EQ(find_importer(std::string("\xFF\xFEO\0r\0", 6)), found);
}

TEST(Importers, BinaryIsRecognisedByNone) {
    EXPECT_EQ(find_importer(jpeg), nullptr);
    EXPECT_EQ(find_importer(std::string("Oral: X\0", 8)), nullptr);
}

TEST(Importers, ImportProgramReadsWhatTheDayPageReads) {
    const std::string page = "Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\n[ Exhibit Hall A ]\n";
    auto via_registry = import_program(page, options("program.txt"));
    auto direct = import_day_page(page, options("program.txt"));
    ASSERT_TRUE(via_registry.has_value());
    ASSERT_TRUE(direct.has_value());
    EXPECT_EQ(via_registry.value(), direct.value());
}

TEST(Importers, ANonProgramFileNamesTheFileAndEveryFormatTried) {
    auto r = import_program(jpeg, options("photo.jpg"));
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(
        messages(r.error()),
        ElementsAre("photo.jpg: not a program file kiosk can read (tried: frab/pretalx XML, "
                    "c3voc/pretalx schedule.json, iCalendar, day page)"));
    EXPECT_EQ(r.error().front().line, 0);
    EXPECT_EQ(r.error().front().severity, Severity::error);
}

TEST(Importers, TheDayPagesOwnMessagesStillReachTheUser) {
    auto empty = import_program("", options("program.txt"));
    ASSERT_FALSE(empty.has_value());
    EXPECT_THAT(messages(empty.error()),
                ElementsAre("program.txt: the file is empty; expected the text of a day page"));
    // A NUL past the bytes recognising looks at is the day page's to report, with its line.
    std::string late_nul(9000, 'x');
    late_nul[8500] = '\n';
    late_nul += std::string("\0", 1);
    auto r = import_program(late_nul, options("program.txt"));
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre("program.txt:2: binary data (a NUL byte); the file was rejected: "
                            "expected the text of a day page"));
}

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(KIOSK_TEST_DATA_DIR) + "/programs/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Each export is read by its own importer whatever it is called: content decides, not the name.
TEST(Importers, EachExportIsRecognisedByItsContent) {
    const std::pair<std::string, std::string_view> exports[] = {
        {"ktc23.schedule.xml", "frab/pretalx XML"},
        {"ktc23.schedule.json", "c3voc/pretalx schedule.json"},
        {"ktc23.ics", "iCalendar"},
    };
    for (const auto& [file, format] : exports) {
        std::string bytes = fixture(file);
        ASSERT_FALSE(bytes.empty()) << file;
        const Importer* found = find_importer(bytes);
        ASSERT_NE(found, nullptr) << file;
        EXPECT_EQ(found->name(), format) << file;
        auto program = import_program(bytes, options("program.txt"));
        ASSERT_TRUE(program.has_value()) << file;
        EXPECT_EQ(program->timezone, "Europe/Berlin") << file;
        EXPECT_EQ(program->sessions.size(), 9u) << file;
    }
}

}  // namespace
}  // namespace kiosk
