// libFuzzer target: the screen's config (TOML): parsing, its warnings, one screen's view of it,
// and the edits the staff overlay makes to the file's text (which must refuse, not break, a file
// they cannot edit cleanly).
#include "kiosk/core/config.h"

#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    if (fuzz::too_big(size)) return -1;
    const std::string_view text = fuzz::bytes_of(data, size);
    auto config = parse_config(text, "kiosk.toml", KIOSK_SOURCE_DIR "/config");
    if (config) {
        (void)config_warnings(*config, "kiosk.toml");
        (void)announcements_of(*config);
        (void)import_options(*config, "program.txt", date::local_days{date::year{2024} / 7 / 1});
        (void)for_screen(*config, "hall");
    }
    (void)config_key_line(text, "screen.room");
    (void)set_screen_room(text, "kiosk.toml", "Exhibit Hall A");
    (void)set_config_string(text, "kiosk.toml", "announcement.text", "Lunch is served");
    (void)set_config_entry(text, "kiosk.toml", "full", "Room 203", "2024-07-01T13:00");
    (void)set_config_entry(text, "kiosk.toml", "full", "room  203", std::nullopt);
    (void)clear_config_table(text, "kiosk.toml", "full");
    return 0;
}
