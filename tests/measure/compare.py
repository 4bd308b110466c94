#!/usr/bin/env python3
"""Measures kiosk beside the floor program and a Chromium kiosk, in one run, on fresh Xvfb servers.

For each screen size (1920x1080, 1080x1920 portrait, 3840x2160) a fresh Xvfb of that size is
started and each case runs alone on it for SECONDS, read from /proc while it runs:

  kiosk        kiosk run with the shipped config, the seed's morning rehearsal
               (--now 2022-08-29T08:50): slides rotating every 10 s with a fade
  kiosk-steady kiosk showing one slide (Now) with a clock with seconds: the shipped config with
               [slides] show = [], talks = 0 and [clock] seconds = true
  floor        tests/measure/floor.cpp (build target kiosk_floor): one slide and a seconds clock
               with bare SDL2 + SDL2_ttf, the least a native program can do
  chromium     Debian's chromium in kiosk mode showing tests/measure/slides.html, the same
               morning's Now / Up next / Around slides rotating every 10 s with a 0.5 s fade
  chromium-steady  the same page with ?seconds=1&rotate=0: kiosk-steady's content

CPU (utime + stime over every process of the case, all threads, from /proc/PID/stat), wake-ups
(voluntary context switches, every thread; the median half-second is the rate between fades),
RSS (VmRSS summed: shared pages counted once per process) and PSS (smaps_rollup, summed: shared
pages split between the processes) are read for every process in the case's process tree, so
Chromium's browser, zygotes, GPU, network, storage and renderer processes all count. The X
server's own CPU while the case runs (putting the frames on its screen) is shown beside it, not
added: on a real display that work is the display server's and the GPU's.

Prints the machine, a markdown table and the ratios against the targets of issue 15; exits 1
when a target is missed (and says MISSED), 2 when something could not be measured, 77 when Xvfb
or (for the Chromium cases) chromium is not installed.

  tests/measure/compare.py [--build DIR] [--seconds N] [--sizes 1920x1080,...] [--cases ...]
"""

import argparse
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent
HZ = os.sysconf("SC_CLK_TCK")
SIZES = ["1920x1080", "1080x1920", "3840x2160"]
CASES = ["kiosk", "kiosk-steady", "floor", "chromium", "chromium-steady"]

# A browser kiosk as it is usually set up on a box without a GPU: kiosk mode, no first-run or
# crash bubbles, a fresh profile. Debian's /usr/bin/chromium wrapper adds its own defaults
# (/etc/chromium.d: --enable-gpu-rasterization, --disable-pings, --no-default-browser-check,
# --media-router=0, and --disable-dev-shm-usage when /dev/shm is small). --no-sandbox only when
# run as root, which Chromium refuses otherwise.
# KIOSK_CHROMIUM_FLAGS replaces this list (space-separated), to measure another setup.
CHROMIUM_FLAGS = os.environ.get("KIOSK_CHROMIUM_FLAGS", "").split() or [
    "--kiosk",
    "--no-first-run",
    "--noerrdialogs",
    "--disable-infobars",
    "--disable-session-crashed-bubble",
    "--disable-gpu",
    "--password-store=basic",
]



def run_text(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (out.stdout + out.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"({e})"


def machine(build):
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    commit = run_text(["git", "-C", str(SOURCE), "describe", "--always", "--dirty", "--abbrev=12"])
    return [
        ("CPU", f"{model}, {os.cpu_count()} cores"),
        ("memory", f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') >> 20} MB"),
        ("kernel", platform.release()),
        ("Xvfb", run_text(["dpkg-query", "-W", "-f", "${Version}", "xvfb"])),
        ("SDL2", run_text(["pkg-config", "--modversion", "sdl2"])),
        ("SDL2_ttf", run_text(["pkg-config", "--modversion", "SDL2_ttf"])),
        # The binary itself: Debian's wrapper script prints shell noise of its own first.
        ("chromium", run_text(["/usr/lib/chromium/chromium", "--version"])
         if Path("/usr/lib/chromium/chromium").exists() else "not installed"),
        ("kiosk", run_text([str(build / "kiosk"), "--version"]) + f" (commit {commit})"),
        ("load average at start", " ".join(Path("/proc/loadavg").read_text().split()[:3])),
    ]


# ---- reading /proc --------------------------------------------------------------------------

def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree(root):
    """The root and every descendant alive now."""
    kids = children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def cpu_ticks(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])  # utime, stime: every thread, dead ones included


def wakeups(pid):
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for tid in tasks:
        try:
            for line in Path(f"/proc/{pid}/task/{tid}/status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def memory_kb(pid):
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class Sample:
    def __init__(self, pids):
        self.pids = pids
        self.ticks = {p: cpu_ticks(p) for p in pids}
        self.wake = {p: wakeups(p) for p in pids}


def delta(before, after, what):
    # A process that started after `before` counts from zero; one that ended is lost (Chromium
    # keeps its processes for the page's life; the count of processes is reported).
    return sum(getattr(after, what)[p] - getattr(before, what).get(p, 0) for p in after.pids)


# ---- the cases ------------------------------------------------------------------------------

def steady_config(work):
    text = (SOURCE / "config" / "kiosk.toml").read_text()
    # A folder of its own, as /etc/kiosk is: the screen watches its config's folder, and other
    # files written beside it (Chromium's profile, the logs) would wake its reload thread.
    (work / "steady-config").mkdir(exist_ok=True)
    path = work / "steady-config" / "steady.toml"
    lines = []
    for line in text.splitlines():
        lines.append(line)
        if line.strip() == "[slides]":
            lines += ["show = []", "talks = 0"]
    lines += ["", "[clock]", "seconds = true"]
    path.write_text("\n".join(lines) + "\n")
    return path


def start_case(case, size, build, work, display):
    w, h = size.split("x")
    env = dict(os.environ, DISPLAY=f":{display}", XDG_STATE_HOME=str(work / "state" / case))
    err = open(work / f"{case}.err", "w")
    data = ["--data", str(SOURCE / "data" / "program.txt"), "--now", "2022-08-29T08:50"]
    if case == "kiosk":
        cmd = [str(build / "kiosk"), "run", "--config", str(SOURCE / "config" / "kiosk.toml")] + data
    elif case == "kiosk-steady":
        cmd = [str(build / "kiosk"), "run", "--config", str(steady_config(work))] + data
    elif case == "floor":
        cmd = [str(build / "tests" / "kiosk_floor"), str(SOURCE / "assets" / "fonts")]
    else:
        profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
        url = (HERE / "slides.html").as_uri()
        if case == "chromium-steady":
            url += "?seconds=1&rotate=0"
        flags = CHROMIUM_FLAGS + [f"--user-data-dir={profile}", f"--window-size={w},{h}",
                                  "--window-position=0,0"]
        if os.geteuid() == 0:
            flags.append("--no-sandbox")
        cmd = ["/usr/bin/chromium"] + flags + [url]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err,
                            start_new_session=True)
    return proc, cmd


def settle(case, proc, work):
    if case.startswith("kiosk"):
        for _ in range(100):  # the first frame, then the first lines rendered
            if "first frame" in (work / f"{case}.err").read_text():
                break
            time.sleep(0.1)
        time.sleep(2)
    elif case == "floor":
        time.sleep(2)
    else:
        time.sleep(12)  # a fresh profile, the page, its fonts, the first fade


def stop(proc, case):
    pids = tree(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for pid in pids[1:]:  # children Chromium left behind: only those this run started
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return proc.returncode


def measure(case, size, build, seconds, work, xvfb):
    proc, cmd = start_case(case, size, build, work, xvfb[1])
    settle(case, proc, work)
    if proc.poll() is not None:
        raise RuntimeError(f"{case} exited at {size}: "
                           + (work / f"{case}.err").read_text()[-2000:])
    first = Sample(tree(proc.pid))
    x_first = cpu_ticks(xvfb[0].pid)
    start = time.monotonic()
    rates, prev = [], first
    for _ in range(seconds * 2):
        time.sleep(0.5)
        now = Sample(tree(proc.pid))
        rates.append(delta(prev, now, "wake") * 2)
        prev = now
    elapsed = time.monotonic() - start
    x_last = cpu_ticks(xvfb[0].pid)
    last = prev
    rss = pss = 0
    for pid in last.pids:
        r, p = memory_kb(pid)
        rss += r
        pss += p
    result = {
        "cpu": 100.0 * delta(first, last, "ticks") / HZ / elapsed,
        "wake": delta(first, last, "wake") / elapsed,
        "quiet": statistics.median(rates) if rates else 0,
        "rss": rss / 1024,
        "pss": pss / 1024,
        "procs": len(last.pids),
        "xcpu": 100.0 * (x_last - x_first) / HZ / elapsed,
    }
    rc = stop(proc, case)
    result["rc"] = rc
    return result


def start_xvfb(size, work):
    display = 90
    while Path(f"/tmp/.X11-unix/X{display}").exists() or Path(f"/tmp/.X{display}-lock").exists():
        display += 1
    log = open(work / f"xvfb-{size}.log", "w")
    xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{size}x24", "-nolisten",
                             "tcp"], stdout=log, stderr=log, start_new_session=True)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{display}").exists():
            return xvfb, display
        time.sleep(0.1)
    xvfb.kill()
    raise RuntimeError(f"Xvfb did not start at {size}")


# ---- the report -----------------------------------------------------------------------------

def ratio_line(name, num, den, limit):
    if num is None or den is None or den == 0:
        return (name, None, limit, False)
    return (name, num / den, limit, num / den <= limit)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=str(SOURCE / "build"))
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--sizes", default=",".join(SIZES))
    ap.add_argument("--cases", default=",".join(CASES))
    args = ap.parse_args()
    build = Path(args.build).resolve()
    sizes = args.sizes.split(",")
    cases = args.cases.split(",")
    for size in sizes:
        parts = size.split("x")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            sys.exit(f"compare: --sizes: '{size}' is not WIDTHxHEIGHT")
    for case in cases:
        if case not in CASES:
            sys.exit(f"compare: --cases: unknown case '{case}' (known: {', '.join(CASES)})")
    need = {"kiosk": build / "kiosk", "kiosk-steady": build / "kiosk",
            "floor": build / "tests" / "kiosk_floor", "chromium": Path("/usr/bin/chromium"),
            "chromium-steady": Path("/usr/bin/chromium")}
    if shutil.which("Xvfb") is None:
        print("compare: Xvfb is not installed (apt-get install xvfb)", file=sys.stderr)
        return 77
    for case in cases:
        if not os.access(need[case], os.X_OK):
            if case.startswith("chromium"):
                print("compare: chromium is not installed (apt-get install chromium)",
                      file=sys.stderr)
                return 77
            print(f"compare: {need[case]} is missing (build the kiosk and kiosk_floor targets)",
                  file=sys.stderr)
            return 2

    print("## Machine\n")
    for k, v in machine(build):
        print(f"- {k}: {v}")
    print(f"- measured: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{args.seconds} s per case")
    print(f"- Chromium flags: {' '.join(CHROMIUM_FLAGS)} --user-data-dir=TMP "
          f"--window-size=W,H --window-position=0,0"
          + (" --no-sandbox (run as root)" if os.geteuid() == 0 else ""))
    sys.stdout.flush()

    results = {}
    work = Path(tempfile.mkdtemp(prefix="kiosk-compare-"))
    try:
        for size in sizes:
            xvfb = start_xvfb(size, work)
            try:
                for case in cases:
                    print(f"  measuring {case} at {size} ...", file=sys.stderr, flush=True)
                    results[(case, size)] = measure(case, size, build, args.seconds, work, xvfb)
            finally:
                xvfb[0].terminate()
                xvfb[0].wait()
    except RuntimeError as e:
        print(f"compare: {e}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("\n## Measured\n")
    print("| screen | case | processes | CPU % of a core | wake-ups/s | between fades /s "
          "| RSS MB | PSS MB | Xvfb CPU % |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        for case in cases:
            r = results[(case, size)]
            print(f"| {size} | {case} | {r['procs']} | {r['cpu']:.2f} | {r['wake']:.1f} | "
                  f"{r['quiet']:.0f} | {r['rss']:.0f} | {r['pss']:.0f} | {r['xcpu']:.2f} |")

    def get(case, size, what):
        r = results.get((case, size))
        return r[what] if r else None

    checks = []
    for size in ("1920x1080", "3840x2160"):
        for k, c in (("kiosk", "chromium"), ("kiosk-steady", "chromium-steady")):
            checks.append(ratio_line(f"{k} / {c} CPU at {size}",
                                     get(k, size, "cpu"), get(c, size, "cpu"), 1 / 3))
            checks.append(ratio_line(f"{k} / {c} PSS at {size}",
                                     get(k, size, "pss"), get(c, size, "pss"), 1 / 10))
    checks.append(ratio_line("kiosk-steady / floor CPU at 1920x1080",
                             get("kiosk-steady", "1920x1080", "cpu"),
                             get("floor", "1920x1080", "cpu"), 3))
    checks.append(ratio_line("kiosk-steady / floor PSS at 1920x1080",
                             get("kiosk-steady", "1920x1080", "pss"),
                             get("floor", "1920x1080", "pss"), 3))
    checks.append(ratio_line("kiosk CPU 3840x2160 / 1920x1080",
                             get("kiosk", "3840x2160", "cpu"), get("kiosk", "1920x1080", "cpu"),
                             1.5))
    for size in sizes:
        q = get("kiosk", size, "quiet")
        checks.append((f"kiosk wake-ups/s between fades at {size}", q, 2,
                       q is not None and q <= 2))

    print("\n## Targets (issue 15)\n")
    print("| check | measured | target | |")
    print("| --- | ---: | ---: | --- |")
    missed = 0
    for name, value, limit, ok in checks:
        if value is None:  # a size or case left out with --sizes or --cases
            print(f"| {name} | not measured | ≤ {limit:.2f} | |")
            continue
        shown = f"{value:.2f}"
        verdict = "met" if ok else "**MISSED**"
        missed += 0 if ok else 1
        print(f"| {name} | {shown} | ≤ {limit:.2f} | {verdict} |")
    extra = [f"{case} at {size} exited {results[(case, size)]['rc']} on SIGTERM"
             for (case, size) in results
             if case.startswith("kiosk") and results[(case, size)]["rc"] != 0]
    for line in extra:
        print(f"\n{line}: MISSED")
    missed += len(extra)
    print(f"\nload average at end: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    if missed:
        print(f"\nMISSED: {missed} target(s)")
        return 1
    print("\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
