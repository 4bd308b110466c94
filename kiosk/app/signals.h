// What signals do to a running screen, set once at start-up (`kiosk run`): a screen on a wall
// must never die of a signal a daemon is expected to take, nor die of one without a word.
//
// - SIGHUP: read the config and every file again (the reload thread's "reload now"), as daemons do.
// - SIGUSR1, SIGUSR2: a picture of the screen (the window's handler, render/window.cpp); ignored
//   until the window is open, so one sent during start-up does nothing rather than kill it.
// - SIGPIPE: ignored; a write to a closed pipe is an error where it happens.
// - SIGTERM, SIGINT: a clean stop (SDL turns them into a quit; the loop says so on stderr).
// - Every other signal whose default ends the process (SIGALRM, SIGQUIT, SIGXCPU, …): one line
//   on stderr naming it, then the default action, so systemd restarts the screen. Crashes
//   (SIGSEGV, SIGABRT, …) are left to their default and to the sanitizers' own reports.
#pragma once

namespace kiosk {

// Installs the above for the whole process. Call once, before any thread starts.
void install_screen_signals();

// Whether SIGHUP arrived since the last call; clears it.
bool take_hangup();

// The eventfd SIGHUP's handler writes to, so a thread polling it wakes at once (the reload
// thread's). It must stay open until replaced, or taken back with stop_waking_on_hangup.
void wake_on_hangup(int eventfd);
void stop_waking_on_hangup(int eventfd);  // when `eventfd` is still the one: none from now on

}  // namespace kiosk
