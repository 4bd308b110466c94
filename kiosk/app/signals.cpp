// What signals do to a running screen (see signals.h).
#include "kiosk/app/signals.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>

#include <unistd.h>

namespace kiosk {

namespace {

std::atomic<bool> hangup{false};
std::atomic<int> hangup_fd{-1};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void on_hangup(int) {
    int saved = errno;
    hangup = true;
    if (int fd = hangup_fd.load(); fd >= 0) {
        std::uint64_t one = 1;
        if (::write(fd, &one, sizeof one) < 0) {
            // Only when the counter would overflow: the reload thread is awake anyway.
        }
    }
    errno = saved;
}

struct Named {
    int signo;
    const char* line;  // written as it is from the handler: no formatting there
};

// The signals whose default action ends the process and that are not crashes or stops.
constexpr Named logged[] = {
    {SIGALRM, "kiosk: stopped by signal SIGALRM\n"},
    {SIGVTALRM, "kiosk: stopped by signal SIGVTALRM\n"},
    {SIGPROF, "kiosk: stopped by signal SIGPROF\n"},
    {SIGIO, "kiosk: stopped by signal SIGIO\n"},
    {SIGPWR, "kiosk: stopped by signal SIGPWR\n"},
    {SIGSTKFLT, "kiosk: stopped by signal SIGSTKFLT\n"},
    {SIGQUIT, "kiosk: stopped by signal SIGQUIT\n"},
    {SIGXCPU, "kiosk: stopped by signal SIGXCPU (CPU time limit)\n"},
    {SIGXFSZ, "kiosk: stopped by signal SIGXFSZ (file size limit)\n"},
};

extern "C" void on_ending_signal(int signo) {
    for (const Named& n : logged) {
        if (n.signo == signo) {
            if (::write(STDERR_FILENO, n.line, std::strlen(n.line)) < 0) {
                // stderr is gone: nothing else to tell.
            }
        }
    }
    // SA_RESETHAND put the default back: the signal now does what it always did.
    ::raise(signo);
}

void handle(int signo, void (*handler)(int), int flags) {
    struct sigaction sa {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    sigaction(signo, &sa, nullptr);
}

}  // namespace

void install_screen_signals() {
    handle(SIGPIPE, SIG_IGN, 0);
    handle(SIGUSR1, SIG_IGN, 0);  // the window's handler replaces these once it is open
    handle(SIGUSR2, SIG_IGN, 0);
    handle(SIGHUP, on_hangup, SA_RESTART);
    for (const Named& n : logged) handle(n.signo, on_ending_signal, SA_RESETHAND);
}

bool take_hangup() { return hangup.exchange(false); }

void wake_on_hangup(int eventfd) { hangup_fd = eventfd; }

void stop_waking_on_hangup(int eventfd) { hangup_fd.compare_exchange_strong(eventfd, -1); }

}  // namespace kiosk
