#!/usr/bin/env python3
"""An update storm on the real screen: `kiosk run` with a fast rehearsal clock while its program
file is replaced hundreds of times, in place and by rename, mostly by broken versions (cut at a
random byte, bits flipped, garbage, empty; now and then deleted, or a folder in its place) and
now and then by a good program with a changed title (the seed's day page, repeated over the days
the clock will cover, or a pretalx XML export). Checked throughout:

- the process stays up;
- the status file always parses and names a program;
- every good program is on screen (the status file's program.sha256, written after a frame of
  it was drawn) within 2 s of its last byte being written;
- memory (RSS and PSS) and open file descriptors stay flat after warm-up (see --trend-bound and --peak-bound).

    tests/measure/update-storm.py [--kiosk build/kiosk] [--updates 150] [--seed N] [--csv FILE]

The seed is printed first: `--seed N` replays the same sequence of files and pauses. The short
form runs in CI (ctest -R deploy.update_storm); `--updates 2000` is the long one. SDL's dummy
video driver draws in memory (no display needed); KIOSK_STORM_SIZE changes the window (1920x1080).
"""
import argparse
import csv
import datetime
import hashlib
import json
import os
import random
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE, "tests", "deploy"))
from screen_run import ScreenRun, dummy_display_env, read_json  # noqa: E402

from procfs import metric, open_files, rss_pss  # noqa: E402
from seed_days import seed_days  # noqa: E402

SHOWN_WITHIN = 2.0  # seconds from a good program's last byte to its frame on screen
# Fallback font files open at once: a face for each script a garbled file can bring up, in the
# few sizes and weights the theme uses.
MAX_FONT_FILES = 24


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kiosk", default=os.path.join(SOURCE, "build", "kiosk"))
    p.add_argument("--updates", type=int, default=150, help="files written (default 150)")
    p.add_argument("--seed", type=int, default=None, help="default: a new one, printed")
    p.add_argument("--speed", type=float, default=300.0,
                   help="the rehearsal clock's speed (default 300: a venue minute each 0.2 s)")
    p.add_argument("--good-every", type=int, default=6,
                   help="about one good program in this many updates (default 6)")
    p.add_argument("--warm-up", type=float, default=0.3,
                   help="the share of the updates after which memory must stay flat (0.3)")
    p.add_argument("--trend-bound", type=float, default=2.0,
                   help="MiB by which the RSS and PSS level (median of the last quarter of the "
                        "samples after warm-up) may exceed the first quarter's (default 2)")
    p.add_argument("--peak-bound", type=float, default=8.0,
                   help="MiB that any RSS or PSS sample after warm-up may exceed the first "
                        "quarter's level (default 8: one 1920x1080 frame of text, 7.9 MiB, on "
                        "top of the text cache's budget)")
    p.add_argument("--sanitized", action="store_true",
                   help="the kiosk is built with AddressSanitizer, which holds freed memory in "
                        "quarantine (256 MB by default): memory is not bounded, descriptors are")
    p.add_argument("--csv", help="write the memory samples here (time, update, RSS, PSS, fds, "
                                 "font fds, text cache bytes)")
    return p.parse_args()


def good_programs(days):
    """The two good programs' bytes, each with a title to change: the seed's day page on `days`
    days (a fast clock must not run out of sessions) and a pretalx XML export."""
    day_page = seed_days(datetime.date(2022, 8, 29), days).encode()
    with open(os.path.join(SOURCE, "tests", "data", "programs", "ktc23.schedule.xml"), "rb") as f:
        xml = f.read()
    return [(day_page, b"Outstanding Papers"), (xml, b"Scheduling without Surprises")]


def good_version(rng, number, programs):
    bytes_, title = rng.choice(programs)
    return bytes_.replace(title, title + b" (storm %d)" % number, 1)


def broken_version(rng, programs):
    """A version that is not the good program: its kind and bytes."""
    base = rng.choice(programs)[0]
    kind = rng.choice(["truncated", "truncated", "bit flips", "garbage", "text garbage", "empty"])
    if kind == "truncated":
        return kind, base[:rng.randrange(len(base))]
    if kind == "bit flips":
        data = bytearray(base)
        for _ in range(rng.randint(1, 16)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return kind, bytes(data)
    if kind == "garbage":
        return kind, bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 20000)))
    if kind == "text garbage":
        words = base.split()
        return kind, b" ".join(rng.choice(words) for _ in range(rng.randrange(1, 3000)))
    return kind, b""


def write_in_place(path, data, rng):
    """Rewrites the file where it is, now and then in two writes with a pause between: a reader
    can find it half written."""
    with open(path, "wb") as f:
        if len(data) > 1 and rng.random() < 0.3:
            cut = rng.randrange(1, len(data))
            f.write(data[:cut])
            f.flush()
            time.sleep(rng.uniform(0, 0.05))
            f.write(data[cut:])
        else:
            f.write(data)


def write_by_rename(path, data):
    temporary = path + ".storm-tmp"
    with open(temporary, "wb") as f:
        f.write(data)
    os.replace(temporary, path)


FONT_FILES = (".ttf", ".otf", ".ttc")


def memory(pid):
    """(RSS KiB, PSS KiB, open fds, of which font files) of the process, or None once it is
    gone."""
    try:
        files = open_files(pid)
        return rss_pss(pid) + (len(files), len([f for f in files if f.endswith(FONT_FILES)]))
    except OSError:
        return None


class Watch:
    """A thread reading the status file every 20 ms and /proc every 250 ms: the first status that
    does not parse or names no program, and every memory sample, with the update it fell in."""

    def __init__(self, status_path, metrics_path, pid, warm_update):
        self.status_path = status_path
        self.metrics_path = metrics_path
        self.warm_update = warm_update
        self.warm_files = None  # the descriptors once warmed up
        self.pid = pid
        self.update = 0
        self.samples = []  # (seconds, update, rss KiB, pss KiB, fds, font fds, text cache bytes)
        self.problem = None
        self.status_reads = 0
        self.stop = threading.Event()
        self.t0 = time.monotonic()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        next_sample = 0.0
        while not self.stop.is_set():
            try:
                with open(self.status_path, encoding="utf-8") as f:
                    text = f.read()
                status = json.loads(text)
                self.status_reads += 1
                if status.get("program") is None and self.problem is None:
                    self.problem = f"update {self.update}: the status names no program: {text}"
            except OSError as e:
                if self.problem is None:
                    self.problem = f"update {self.update}: cannot read the status file: {e}"
            except ValueError as e:
                if self.problem is None:
                    self.problem = f"update {self.update}: the status file does not parse ({e}): " \
                                   f"{text!r}"
            now = time.monotonic() - self.t0
            if now >= next_sample:
                got = memory(self.pid)
                if got is not None:
                    cached = metric(self.metrics_path, "kiosk_text_cache_bytes")
                    self.samples.append((round(now, 2), self.update) + got +
                                        (-1 if cached is None else cached,))
                    if self.warm_files is None and self.update >= self.warm_update:
                        self.warm_files = open_files(self.pid)
                next_sample = now + 0.25
            time.sleep(0.02)

    def finish(self):
        self.stop.set()
        self.thread.join()


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def check_flat(samples, warm_update, trend_kib, peak_kib, settled):
    """Why memory or fds did not stay flat after `warm_update`; None when they did.

    Memory: the median of the last quarter of the samples after warm-up may be at most
    `trend_kib` above the median of the first quarter (a leak shows as a rising level), and no
    sample may be more than `peak_kib` above that first median (the text cache holds its byte
    budget plus the lines of the frame on screen, which a new slide can bring all at once).

    Descriptors: the same number at the end as after warm-up, not counting fallback fonts (Noto
    CJK for a flipped bit that made a Han character), which are opened when a line first needs
    them and kept, one descriptor per face and size; those are bounded by MAX_FONT_FILES."""
    after = [s for s in samples if s[1] >= warm_update]
    if len(after) < 8:
        return f"too few samples after warm-up ({len(after)})"
    quarter = len(after) // 4
    for column, name in ((2, "RSS"), (3, "PSS")):
        first = median(s[column] for s in after[:quarter])
        last = median(s[column] for s in after[-quarter:])
        top = max(s[column] for s in after)
        if last - first > trend_kib:
            return f"{name} rose after warm-up: median {first} KiB in the first quarter, " \
                   f"{last} KiB in the last (limit +{trend_kib} KiB)"
        if top - first > peak_kib:
            return f"{name} peaked at {top} KiB after warm-up, {top - first} KiB above its " \
                   f"level {first} KiB (limit +{peak_kib} KiB)"
    base_fds = after[0][4] - after[0][5]
    if settled[2] - settled[3] != base_fds:
        return f"open files: {base_fds} after warm-up, {settled[2] - settled[3]} at the end " \
               f"(not counting font files)"
    if max(s[5] for s in samples) > MAX_FONT_FILES:
        return f"{max(s[5] for s in samples)} font files open, more than {MAX_FONT_FILES}"
    return None


def main():
    args = parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    print(f"update storm: seed {seed} ({args.updates} updates, speed {args.speed}); "
          f"replay with --seed {seed}", flush=True)
    rng = random.Random(seed)
    if not os.access(args.kiosk, os.X_OK):
        print(f"update storm: no {args.kiosk}; build it first", file=sys.stderr)
        return 2
    # Days enough for the clock: an update takes about a quarter of a second, a good one more.
    programs = good_programs(int(args.updates * 0.4 * args.speed / 86400) + 2)

    run = ScreenRun("kiosk-storm.")
    program = run.path("program.txt")
    first = good_version(rng, 0, programs)
    with open(program, "wb") as f:
        f.write(first)
    config = run.path("kiosk.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('[venue]\ntimezone = "America/Los_Angeles"\n[screen]\nroom = "Exhibit Hall A"\n'
                '[data]\nprogram = "program.txt"\nyear = 2022\n')
    state = run.path("state")
    status_path = os.path.join(state, "status.json")
    run.show_on_failure.append(status_path)
    size = os.environ.get("KIOSK_STORM_SIZE", "1920x1080")
    screen = run.start([args.kiosk, "run", "--config", config, "--state-dir", state, "--now",
                        "2022-08-29T08:40", "--speed", str(args.speed), "--windowed", size,
                        "--metrics-dir", run.path("metrics"), "--screen", "storm"],
                       "kiosk.log", env=dummy_display_env())

    def fail(message):
        run.finish(False, f"update storm (seed {seed}): {message}")

    def sha_shown():
        status = read_json(status_path) or {}
        return (status.get("program") or {}).get("sha256")

    first_sha = hashlib.sha256(first).hexdigest()
    run.wait_for(lambda: sha_shown() == first_sha, "the first program", screen)
    warm_update = max(1, int(args.updates * args.warm_up))
    watch = Watch(status_path, run.path("metrics", "kiosk-storm.prom"), screen.pid, warm_update)
    kinds = {}
    latencies = []
    t0 = time.monotonic()
    for n in range(1, args.updates + 1):
        watch.update = n
        good = rng.randrange(args.good_every) == 0 or n == args.updates
        if good:
            kind, data = "good", good_version(rng, n, programs)
        else:
            kind, data = broken_version(rng, programs)
        how = "rename" if rng.random() < 0.5 else "in place"
        if os.path.isdir(program):
            os.rmdir(program)  # left by the update before
        if not good and rng.random() < 0.05:
            # Gone for a moment (a sync that deletes first), or a folder where the file was.
            kind, how = rng.choice([("missing", "deleted"), ("folder", "in its place")])
            if os.path.exists(program):
                os.remove(program)
            if kind == "folder":
                os.mkdir(program)
        elif how == "rename":
            write_by_rename(program, data)
        else:
            write_in_place(program, data, rng)
        kinds[(kind, how)] = kinds.get((kind, how), 0) + 1
        written = time.monotonic()
        if good:
            want = hashlib.sha256(data).hexdigest()
            while sha_shown() != want:
                if screen.poll() is not None:
                    fail(f"update {n}: the screen stopped (exit {screen.returncode})")
                if time.monotonic() - written > SHOWN_WITHIN:
                    fail(f"update {n}: a good program ({how}) was not on screen after "
                         f"{SHOWN_WITHIN} s; the status shows sha256 {sha_shown()}")
                time.sleep(0.01)
            latencies.append(time.monotonic() - written)
        else:
            # Mostly quick (an upload in pieces, a file still changing), now and then long enough
            # for the screen to read the broken version and refuse it.
            time.sleep(rng.choice([0.0, 0.02, 0.05, 0.1, 0.4, 0.6]))
        if screen.poll() is not None:
            fail(f"update {n} ({kind}, {how}): the screen stopped (exit {screen.returncode})")
        if watch.problem:
            fail(watch.problem)
    elapsed = time.monotonic() - t0
    time.sleep(1.0)  # the last reads finished: the files it holds open are its own
    settled = memory(screen.pid)
    watch.finish()
    if watch.problem:
        fail(watch.problem)
    if settled is None or screen.poll() is not None:
        fail(f"the screen stopped at the end (exit {screen.returncode})")

    if args.csv:
        with open(args.csv, "w", newline="", encoding="ascii") as f:
            out = csv.writer(f)
            out.writerow(["seconds", "update", "rss_kib", "pss_kib", "fds", "font_fds",
                          "text_cache_bytes"])
            out.writerows(watch.samples)
    samples = watch.samples
    warm = next(s for s in samples if s[1] >= warm_update)
    print(f"updates: {args.updates} in {elapsed:.1f} s; " + ", ".join(
        f"{k} {h}: {c}" for (k, h), c in sorted(kinds.items())))
    print(f"good programs on screen: {len(latencies)}, latency max {max(latencies):.3f} s, "
          f"median {sorted(latencies)[len(latencies) // 2]:.3f} s")
    print(f"status file read {watch.status_reads} times, always parsed, always a program")
    print(f"memory (KiB): start RSS {samples[0][2]} PSS {samples[0][3]} fds {samples[0][4]} "
          f"text cache {samples[0][6] // 1024}; after warm-up (update {warm_update}) RSS "
          f"{warm[2]} PSS {warm[3]} fds {warm[4]} text cache {warm[6] // 1024}; end RSS "
          f"{settled[0]} PSS {settled[1]} fds {settled[2]} ({settled[3]} font files) text cache "
          f"{samples[-1][6] // 1024}; max RSS {max(s[2] for s in samples)}")
    after = [s for s in samples if s[1] >= warm_update]
    quarter = max(1, len(after) // 4)
    print("level after warm-up (median of the first and last quarter of its samples, KiB): "
          f"RSS {median(s[2] for s in after[:quarter])} -> {median(s[2] for s in after[-quarter:])}"
          f", PSS {median(s[3] for s in after[:quarter])} -> "
          f"{median(s[3] for s in after[-quarter:])}")
    if args.sanitized:
        print("memory not bounded: AddressSanitizer keeps freed memory in quarantine")
    unbounded = 1 << 40
    why = check_flat(samples, warm_update,
                     unbounded if args.sanitized else int(args.trend_bound * 1024),
                     unbounded if args.sanitized else int(args.peak_bound * 1024), settled)
    if why and why.startswith("open files"):
        why += f"; then {watch.warm_files}, now {open_files(screen.pid)}"
    if why:
        fail(why)
    run.finish(True, f"update storm (seed {seed}): passed")


if __name__ == "__main__":
    sys.exit(main())
