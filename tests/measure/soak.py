#!/usr/bin/env python3
"""A soak: `kiosk run` full screen on a 1920x1080 Xvfb for hours, its rehearsal clock playing
simulated conference days at high speed, while the program is replaced by good versions, the
screen's room is switched (config edit + SIGHUP) and announcements and ROOM FULL marks come and
go (`kiosk announce`, `kiosk full`). Every --interval seconds it samples RSS and PSS
(/proc/PID/smaps_rollup), open file descriptors (/proc/PID/fd), the text cache's entries and
bytes (the screen's metrics file) and the screen's CPU to a CSV, and at the end draws them with
gnuplot (memory, fds and cache over time; CPU below) and prints RSS and PSS growth after warm-up.

    tests/measure/soak.py [--kiosk build/kiosk] [--minutes 120] [--speed 60] [--interval 30]
                          [--out DIR]                       (writes DIR/soak.csv, DIR/soak.png)

The program is the seed's day page repeated day after day (and in a second room), so the clock
never runs out of sessions: --speed 60 plays a conference day in 24 minutes. Not in CI.
Exits 1 when the screen stops, or RSS grows more than --max-growth percent after warm-up.
"""
import argparse
import csv
import datetime
import json
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from procfs import cpu_ticks, metric, rss_pss
from seed_days import SEED_ROOM, SOURCE, seed_days

# The program's first day: tomorrow, so the rehearsal clock is always ahead of the real one and
# `kiosk announce` takes its times (it refuses an end that has passed on the real clock).
FIRST_DAY = datetime.date.today() + datetime.timedelta(days=1)
ROOMS = [SEED_ROOM, "Ballroom B"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kiosk", default=os.path.join(SOURCE, "build", "kiosk"))
    p.add_argument("--minutes", type=float, default=120.0, help="how long to run (default 120)")
    p.add_argument("--speed", type=float, default=60.0, help="the rehearsal clock's speed (60)")
    p.add_argument("--interval", type=float, default=30.0, help="seconds between samples (30)")
    p.add_argument("--warm-up", type=float, default=None,
                   help="minutes before growth is measured (default: a tenth of the run, and "
                        "at least one simulated day)")
    p.add_argument("--from-csv", metavar="CSV",
                   help="run nothing: print the figures and draw the plot of an earlier run's "
                        "CSV, next to it (give its --speed)")
    p.add_argument("--size", default="1920x1080", help="the Xvfb screen (1920x1080)")
    p.add_argument("--out", default=".", help="where soak.csv and soak.png go (default: here)")
    p.add_argument("--reload-every", type=float, default=60.0,
                   help="seconds between program updates (60)")
    p.add_argument("--room-every", type=float, default=150.0,
                   help="seconds between room switches (150)")
    p.add_argument("--announce-every", type=float, default=100.0,
                   help="seconds between announcements and room-full marks (100)")
    p.add_argument("--max-growth", type=float, default=5.0,
                   help="RSS growth after warm-up, in percent, above which it fails (5)")
    return p.parse_args()


def soak_program(days, generation):
    """The seed on `days` days from FIRST_DAY in both ROOMS; `generation` in one title."""
    return seed_days(FIRST_DAY, days, ROOMS, f" (version {generation})")


def write_atomic(path, text):
    temporary = path + ".soak-tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)


def start_xvfb(size, log):
    """Xvfb on a display it picks itself (-displayfd): (process, ":N")."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,), stdout=log, stderr=log)
    os.close(write_fd)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            raise RuntimeError("Xvfb did not start")
        number += chunk
    os.close(read_fd)
    return xvfb, ":" + number.decode().strip()


def proc_sample(pid):
    """(RSS KiB, PSS KiB, open fds, CPU ticks) or None once the process is gone."""
    try:
        return rss_pss(pid) + (len(os.listdir(f"/proc/{pid}/fd")), cpu_ticks(pid))
    except OSError:
        return None


def venue_time(status):
    """The clock the screen shows, as a naive venue-local datetime, or None."""
    shown = (status.get("clock") or {}).get("shown")
    return datetime.datetime.fromisoformat(shown).replace(tzinfo=None) if shown else None


def plot(csv_path, png_path, title, warm_up):
    script = f"""
set terminal pngcairo size 900,640 font ",9"
set output '{png_path}'
set datafile separator ','
set key autotitle columnhead
set multiplot layout 2,1 title '{title}'
set lmargin 10
set rmargin 10
set grid
set ylabel 'MiB'
set y2label 'open fds, cache lines'
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:*]
set key below horizontal
set xlabel ''
set arrow 1 from {warm_up / 60},graph 0 to {warm_up / 60},graph 1 nohead dt 4 lc rgb 'gray'
set label 1 'warm-up' at {warm_up / 60},graph 0.93 offset 0.5,0 textcolor rgb 'gray'
plot '{csv_path}' using ($1/60):($3/1024) with lines lw 2 title 'RSS', \\
     '' using ($1/60):($4/1024) with lines lw 2 title 'PSS', \\
     '' using ($1/60):($7/1048576) with lines lw 2 lc rgb '#1e90ff' title 'text cache (MiB)', \\
     '' using ($1/60):5 axes x1y2 with lines dt 2 title 'fds', \\
     '' using ($1/60):6 axes x1y2 with lines dt 3 lc rgb '#8b6914' title 'cache lines'
set ylabel '% of a core'
unset y2label
unset y2tics
set xlabel 'minutes'
unset label 1
set yrange [0:*]
plot '{csv_path}' using ($1/60):8 with lines lw 1 title 'CPU (kiosk)'
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def summarise(csv_path, png_path, speed, warm_up, size, events=""):
    """Prints the run's figures and draws the plot; returns RSS growth after warm-up in percent
    (None when the run was too short to say).

    RSS swings by several MiB within a simulated day (busy hours render more lines than the
    night), so growth compares like with like: the median over the first simulated day after
    warm-up with the median over the last simulated day of the run."""
    with open(csv_path, encoding="ascii") as f:
        rows = list(csv.DictReader(f))
    day = 86400 / speed  # real seconds of one simulated day
    end = float(rows[-1]["seconds"])
    first = [r for r in rows if warm_up <= float(r["seconds"]) < warm_up + day]
    last = [r for r in rows if float(r["seconds"]) > end - day]
    print(f"soak: {len(rows)} samples over {end / 60:.1f} min (speed {speed:g}, a simulated day "
          f"each {day / 60:.1f} min; venue clock {rows[1]['venue_time']} .. "
          f"{rows[-1]['venue_time']}); {events}", flush=True)
    growth = None
    if end - day < warm_up + day or len(first) < 3 or len(last) < 3:
        print(f"soak: too short to measure growth: warm-up {warm_up / 60:g} min, then at least "
              f"two simulated days ({2 * day / 60:.1f} min) are needed")
    else:
        def med(rs, key):
            return statistics.median(int(r[key]) for r in rs)

        def peak(rs, key):
            return max(int(r[key]) for r in rs)

        def grew(key):
            return 100.0 * (med(last, key) - med(first, key)) / med(first, key)

        growth = grew("rss_kib")
        after = [r for r in rows if float(r["seconds"]) >= warm_up]
        cpus = [float(r["cpu_percent"]) for r in after if r["cpu_percent"]]
        print(f"after warm-up ({warm_up / 60:g} min), median of the first simulated day -> the "
              f"last: RSS {med(first, 'rss_kib') / 1024:.1f} -> {med(last, 'rss_kib') / 1024:.1f}"
              f" MiB ({growth:+.2f}%; peaks {peak(first, 'rss_kib') / 1024:.1f} -> "
              f"{peak(last, 'rss_kib') / 1024:.1f}), PSS {med(first, 'pss_kib') / 1024:.1f} -> "
              f"{med(last, 'pss_kib') / 1024:.1f} MiB ({grew('pss_kib'):+.2f}%), fds "
              f"{peak(first, 'fds')} -> {peak(last, 'fds')} at most, text cache at most "
              f"{peak(first, 'cache_bytes') / 1048576:.1f} -> "
              f"{peak(last, 'cache_bytes') / 1048576:.1f} MiB; CPU mean "
              f"{statistics.mean(cpus):.2f}% of a core", flush=True)
    plot(csv_path, png_path,
         f"kiosk soak: {size}, clock x{speed:g}, {end / 60:.0f} min"
         + (f", RSS {growth:+.1f}% after warm-up (day medians)" if growth is not None else ""),
         warm_up)
    print(f"soak: plot {png_path}")
    return growth


def default_warm_up(args, seconds):
    """Seconds: --warm-up, else a tenth of the run and at least one simulated day."""
    if args.warm_up is not None:
        return 60 * args.warm_up
    return max(seconds / 10, 86400 / args.speed)


def main():
    args = parse_args()
    if args.from_csv:
        with open(args.from_csv, encoding="ascii") as f:
            seconds = float(list(csv.DictReader(f))[-1]["seconds"])
        growth = summarise(args.from_csv, os.path.splitext(args.from_csv)[0] + ".png",
                           args.speed, default_warm_up(args, seconds), args.size)
        return 1 if growth is not None and growth > args.max_growth else 0
    for tool in ("Xvfb", "gnuplot"):
        if shutil.which(tool) is None:
            print(f"soak: {tool} is not installed (apt-get install xvfb gnuplot-nox)",
                  file=sys.stderr)
            return 2
    if not os.access(args.kiosk, os.X_OK):
        print(f"soak: no {args.kiosk}; build it first", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    csv_path = os.path.join(args.out, "soak.csv")
    png_path = os.path.join(args.out, "soak.png")
    seconds = args.minutes * 60
    warm_up = default_warm_up(args, seconds)
    days = math.ceil(seconds * args.speed / 86400) + 2

    work = tempfile.mkdtemp(prefix="kiosk-soak.")
    program = os.path.join(work, "program.txt")
    generation = 0
    write_atomic(program, soak_program(days, generation))
    config = os.path.join(work, "kiosk.toml")
    write_atomic(config, '[venue]\ntimezone = "America/Los_Angeles"\n'
                         f'[screen]\nroom = "{ROOMS[0]}"\n'
                         '[data]\nprogram = "program.txt"\n')
    state = os.path.join(work, "state")
    metrics_path = os.path.join(work, "metrics", "kiosk-soak.prom")
    status_path = os.path.join(state, "status.json")
    log = open(os.path.join(work, "kiosk.log"), "w", encoding="utf-8")
    xvfb, display = start_xvfb(args.size, log)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env["DISPLAY"] = display
    start = f"{FIRST_DAY.isoformat()}T07:00"
    screen = subprocess.Popen(
        [args.kiosk, "run", "--config", config, "--state-dir", state, "--metrics-dir",
         os.path.join(work, "metrics"), "--screen", "soak", "--now", start, "--speed",
         str(args.speed)], stdout=log, stderr=subprocess.STDOUT, env=env)
    print(f"soak: {args.minutes:g} min at speed {args.speed:g} ({days} program days) on "
          f"{args.size} Xvfb {display}, warm-up {warm_up / 60:g} min; pid {screen.pid}; work "
          f"{work}; samples every {args.interval:g} s to {csv_path}", flush=True)

    def status():
        try:
            with open(status_path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def kiosk(*command):
        done = subprocess.run([args.kiosk, *command, "--config", config], capture_output=True,
                              text=True)
        if done.returncode != 0:
            print(f"soak: kiosk {' '.join(command)}: {done.stderr.strip()}", flush=True)

    # Sampling starts with the first frame's status, not with a process still loading.
    while status().get("program") is None:
        if screen.poll() is not None:
            print(f"soak: FAIL: the screen did not start; log in {work}/kiosk.log",
                  file=sys.stderr)
            return 1
        time.sleep(0.1)
    hz = os.sysconf("SC_CLK_TCK")
    t0 = time.monotonic()
    events = {"reload": 0, "room": 0, "announce": 0, "full": 0, "clear": 0}
    next_reload, next_room = args.reload_every, args.room_every
    next_announce = args.announce_every
    next_sample = 0.0
    last = None  # (seconds, ticks) of the previous sample
    room = 0
    failure = None
    with open(csv_path, "w", newline="", encoding="ascii") as f:
        out = csv.writer(f)
        out.writerow(["seconds", "venue_time", "rss_kib", "pss_kib", "fds", "cache_entries",
                      "cache_bytes", "cpu_percent"])
        while True:
            now = time.monotonic() - t0
            if screen.poll() is not None:
                failure = f"the screen stopped (exit {screen.returncode}) after {now:.0f} s"
                break
            if now >= seconds:
                break
            if now >= next_sample:
                got = proc_sample(screen.pid)
                if got is not None:
                    rss, pss, fds, ticks = got
                    cpu = "" if last is None else round(
                        100.0 * (ticks - last[1]) / hz / (now - last[0]), 2)
                    last = (now, ticks)
                    shown = venue_time(status())
                    out.writerow([round(now), shown.isoformat() if shown else "", rss, pss, fds,
                                  metric(metrics_path, "kiosk_text_cache_entries"),
                                  metric(metrics_path, "kiosk_text_cache_bytes"), cpu])
                    f.flush()
                next_sample += args.interval
            shown = venue_time(status())
            if now >= next_reload:
                generation += 1
                write_atomic(program, soak_program(days, generation))
                events["reload"] += 1
                next_reload += args.reload_every
            if now >= next_room:
                room = 1 - room
                with open(config, encoding="utf-8") as c:
                    text = c.read()
                write_atomic(config, re.sub(r'(?m)^room = ".*"$', f'room = "{ROOMS[room]}"',
                                            text))
                screen.send_signal(signal.SIGHUP)
                events["room"] += 1
                next_room += args.room_every
            if now >= next_announce and shown is not None:
                # Alternately an announcement and a ROOM FULL mark, each for half an hour of the
                # venue's time, on the clock the screen shows; every fourth round clears both,
                # so the config does not grow.
                until = (shown + datetime.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")
                round_ = events["announce"] + events["full"] + events["clear"]
                if round_ % 4 == 3:
                    kiosk("announce", "--clear")
                    kiosk("full", "--clear")
                    events["clear"] += 1
                elif round_ % 2 == 0:
                    kiosk("announce", f"Coffee in the foyer (round {round_})", "--from",
                          shown.strftime("%Y-%m-%dT%H:%M"), "--until", until,
                          *(["--urgent"] if round_ % 8 == 4 else []))
                    events["announce"] += 1
                else:
                    kiosk("full", ROOMS[room], "--until", until, "--now",
                          shown.strftime("%Y-%m-%dT%H:%M"))
                    events["full"] += 1
                next_announce += args.announce_every
            time.sleep(0.5)

    screen.send_signal(signal.SIGTERM)
    try:
        screen.wait(timeout=15)
    except subprocess.TimeoutExpired:
        screen.kill()
    xvfb.terminate()
    xvfb.wait()
    log.close()
    # The screen's last word: frames drawn, lines rendered and lines the cache gave back.
    with open(os.path.join(work, "kiosk.log"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("kiosk: stopped after"):
                print("soak: " + line.strip(), flush=True)

    growth = summarise(csv_path, png_path, args.speed, warm_up, args.size,
                       "events: " + ", ".join(f"{k} {v}" for k, v in events.items()))
    if failure is None and growth is not None and growth > args.max_growth:
        failure = f"RSS grew {growth:.2f}% after warm-up (limit {args.max_growth:g}%)"
    if failure:
        print(f"soak: FAIL: {failure}; log in {work}/kiosk.log", file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
