"""What the measurement scripts read about a running screen: its memory, descriptors and CPU time
from /proc, and a number from its metrics file."""
import os


def rss_pss(pid):
    """(RSS KiB, PSS KiB) from /proc/PID/smaps_rollup; OSError once the process is gone."""
    rss = pss = 0
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
        for line in f:
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    return rss, pss


def open_files(pid):
    """What the process's descriptors point at, as "FD:TARGET"; OSError once it is gone."""
    out = []
    for fd in sorted(os.listdir(f"/proc/{pid}/fd"), key=int):
        try:
            out.append(f"{fd}:{os.readlink(f'/proc/{pid}/fd/{fd}')}")
        except OSError:
            pass  # closed between the listing and the look
    return out


def cpu_ticks(pid):
    """User and system CPU time in clock ticks (os.sysconf("SC_CLK_TCK") a second)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()  # the name in (...) may hold spaces
    return int(fields[11]) + int(fields[12])


def metric(path, name):
    """The value of the series `name` in a metrics file (kiosk-NAME.prom), or None."""
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(name + "{"):
                    return int(float(line.rsplit(" ", 1)[1]))
    except (OSError, ValueError):
        pass
    return None
