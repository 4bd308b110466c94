// sd_notify messages as systemd receives them: a datagram socket of our own as NOTIFY_SOCKET.
#include "kiosk/app/notify.h"

#include <array>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "kiosk/app/board_text.h"
#include "kiosk/core/time.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using Clock = ServiceNotifier::Clock;

// Plays the service manager: binds a socket in a fresh folder and points NOTIFY_SOCKET,
// WATCHDOG_USEC and WATCHDOG_PID at it for the test's lifetime.
class FakeServiceManager {
  public:
    explicit FakeServiceManager(std::string watchdog_usec = "",
                                std::string watchdog_pid = std::to_string(getpid())) {
        std::array<char, 32> dir_template{"/tmp/kiosk-notify-XXXXXX"};
        const char* dir = mkdtemp(dir_template.data());
        if (dir == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = dir;
        path_ = dir_ + "/notify";
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path_.c_str(), sizeof(addr.sun_path) - 1);
        if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
            throw std::runtime_error("cannot bind " + path_);
        }
        setenv("NOTIFY_SOCKET", path_.c_str(), 1);
        if (watchdog_usec.empty()) {
            unsetenv("WATCHDOG_USEC");
        } else {
            setenv("WATCHDOG_USEC", watchdog_usec.c_str(), 1);
        }
        setenv("WATCHDOG_PID", watchdog_pid.c_str(), 1);
    }
    FakeServiceManager(const FakeServiceManager&) = delete;
    FakeServiceManager& operator=(const FakeServiceManager&) = delete;
    ~FakeServiceManager() {
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
        if (fd_ >= 0) close(fd_);
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // Every datagram sent so far, in order; does not wait for more.
    std::vector<std::string> received() const {
        std::vector<std::string> out;
        std::array<char, 4096> buf{};
        for (;;) {
            ssize_t n = recv(fd_, buf.data(), buf.size(), MSG_DONTWAIT);
            if (n < 0) break;
            out.emplace_back(buf.data(), static_cast<std::size_t>(n));
        }
        return out;
    }

  private:
    std::string dir_;
    std::string path_;
    int fd_ = -1;
};

#define SKIP_WITHOUT_LIBSYSTEMD()                                              \
    if (!ServiceNotifier::supported()) {                                       \
        GTEST_SKIP() << "built without libsystemd: sd_notify is a no-op here"; \
    }

TEST(ServiceNotifier, ReadyOnceThenWatchdogEveryHalfTimeout) {
    SKIP_WITHOUT_LIBSYSTEMD();
    FakeServiceManager manager("2000000");  // WatchdogSec=2s: ping at least every second
    ServiceNotifier notifier;
    ASSERT_EQ(notifier.watchdog_timeout(), std::chrono::microseconds(2s));

    const auto t0 = Clock::time_point{} + 1h;
    notifier.ready();
    notifier.ready();               // a second frame is not a second READY
    notifier.watchdog(t0);          // the first ping goes at once
    notifier.watchdog(t0 + 999ms);  // a frame later: too soon
    notifier.watchdog(t0 + 1s);     // half the timeout: due
    notifier.watchdog(t0 + 1500ms);
    notifier.watchdog(t0 + 2s);
    EXPECT_EQ(manager.received(),
              (std::vector<std::string>{"READY=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"}));
    EXPECT_EQ(notifier.watchdog_due(t0 + 2s), t0 + 3s);
}

TEST(ServiceNotifier, WatchdogDueAtOnceBeforeTheFirstPing) {
    SKIP_WITHOUT_LIBSYSTEMD();
    FakeServiceManager manager("30000000");
    ServiceNotifier notifier;
    const auto now = Clock::time_point{} + 5min;
    EXPECT_EQ(notifier.watchdog_due(now), now);
}

TEST(ServiceNotifier, StatusOnlyWhenItChangesAndOnOneLine) {
    SKIP_WITHOUT_LIBSYSTEMD();
    FakeServiceManager manager;
    ServiceNotifier notifier;
    notifier.status("Exhibit Hall A: Outstanding Papers");
    notifier.status("Exhibit Hall A: Outstanding Papers");  // same board after a reload
    notifier.status("Exhibit Hall A: between sessions\nnext 13:00");
    notifier.stopping();
    notifier.stopping();
    EXPECT_EQ(manager.received(), (std::vector<std::string>{
                                      "STATUS=Exhibit Hall A: Outstanding Papers",
                                      "STATUS=Exhibit Hall A: between sessions next 13:00",
                                      "STOPPING=1",
                                  }));
}

TEST(ServiceNotifier, NoWatchdogWhenArmedForAnotherProcess) {
    SKIP_WITHOUT_LIBSYSTEMD();
    // A child of the screen inherits WATCHDOG_USEC; WATCHDOG_PID says it is not meant for it.
    FakeServiceManager manager("2000000", std::to_string(getpid() + 1));
    ServiceNotifier notifier;
    EXPECT_FALSE(notifier.watchdog_timeout().has_value());
    EXPECT_FALSE(notifier.watchdog_due(Clock::time_point{}).has_value());
    notifier.watchdog(Clock::time_point{} + 1h);
    notifier.ready();
    EXPECT_EQ(manager.received(), (std::vector<std::string>{"READY=1"}));
}

TEST(ServiceNotifier, NothingHappensOutsideAService) {
    // `kiosk run` in a terminal: no NOTIFY_SOCKET, no watchdog; every call is harmless.
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    ServiceNotifier notifier;
    EXPECT_FALSE(notifier.watchdog_timeout().has_value());
    notifier.ready();
    notifier.watchdog(Clock::time_point{} + 1h);
    notifier.status("Exhibit Hall A");
    notifier.stopping();
}

// --- the STATUS= line for a board --------------------------------------------------------------

const date::time_zone& la() { return *find_zone("America/Los_Angeles").value(); }
Instant local(const char* text) { return parse_instant(text, la(), "test").value(); }

ScheduledSession session(std::string title, std::optional<Instant> start,
                         std::optional<Instant> end = std::nullopt) {
    ScheduledSession s;
    s.kind = "Oral";
    s.title = std::move(title);
    s.room = "Exhibit Hall A";
    s.start = start;
    s.end = end;
    return s;
}

Board board(RoomStatus status) {
    Board b;
    b.room = "Exhibit Hall A";
    b.timezone = "America/Los_Angeles";
    b.zone = date::locate_zone(b.timezone);
    b.at = local("2022-08-29T08:50");
    b.status = status;
    return b;
}

TEST(StatusLine, InSessionNamesTheSessionItsEndAndTheTalkOnStage) {
    auto papers =
        session("Outstanding Papers", local("2022-08-29T08:45"), local("2022-08-29T10:00"));
    papers.end_estimated = true;
    ScheduledTalk pathways, quadralib;
    pathways.label = "Pathways";
    quadralib.label = "QuadraLib";
    papers.talks = {pathways, quadralib};
    Board b = board(RoomStatus::in_session);
    b.now = {board_session(papers, 0)};
    EXPECT_EQ(status_line(b),
              "Exhibit Hall A: now Outstanding Papers until ≈ 10:00, on stage Pathways");
}

TEST(StatusLine, SessionsTogetherAreCounted) {
    Board b = board(RoomStatus::in_session);
    b.now = {
        board_session(session("Tutorial A", local("2022-08-29T08:00"), local("2022-08-29T12:00"))),
        board_session(session("Tutorial B", local("2022-08-29T08:00"), local("2022-08-29T12:00")))};
    EXPECT_EQ(status_line(b), "Exhibit Hall A: now Tutorial A + 1 more until 12:00");
}

TEST(StatusLine, BetweenSessionsNamesTheNextAndItsTime) {
    Board b = board(RoomStatus::between_sessions);
    b.next = {
        board_session(session("Distributed and Parallel Learning", local("2022-08-29T13:00")))};
    EXPECT_EQ(status_line(b), "Exhibit Hall A: next Distributed and Parallel Learning at 13:00");
    b.next = {board_session(session("Poster Session", std::nullopt))};
    EXPECT_EQ(status_line(b), "Exhibit Hall A: next Poster Session (time to be announced)");
}

TEST(StatusLine, AfterTheLastSessionNamesTomorrowsFirst) {
    Board b = board(RoomStatus::after_last_session);
    EXPECT_EQ(status_line(b), "Exhibit Hall A: nothing more today");
    b.next_day_first = board_session(session("Keynote", local("2022-08-30T09:00")));
    EXPECT_EQ(status_line(b),
              "Exhibit Hall A: nothing more today, next Keynote (Tue 30 Aug 09:00)");
    b.status = RoomStatus::before_conference;
    EXPECT_EQ(status_line(b),
              "Exhibit Hall A: before the conference, next Keynote (Tue 30 Aug 09:00)");
    b.status = RoomStatus::after_conference;
    EXPECT_EQ(status_line(b), "Exhibit Hall A: the conference is over");
}

}  // namespace
}  // namespace kiosk
