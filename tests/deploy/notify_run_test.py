#!/usr/bin/env python3
"""`kiosk run` as systemd sees it: the sd_notify messages the real binary sends on a socket of our
own as NOTIFY_SOCKET, on a virtual X server. STATUS names the room and what is on, READY comes
once after the first frame, WATCHDOG=1 keeps coming while the loop idles between minutes, and
SIGTERM brings STOPPING=1 and exit 0.

usage: notify_run_test.py KIOSK SOURCE_DIR     (exit 77: skipped, Xvfb is not installed)
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

kiosk, source = sys.argv[1], sys.argv[2]
if shutil.which("Xvfb") is None:
    print("SKIP: Xvfb is not installed (apt-get install xvfb)")
    sys.exit(77)


def fail(message, err_path=None):
    print(f"FAIL: {message}", file=sys.stderr)
    if err_path and os.path.exists(err_path):
        with open(err_path, encoding="utf-8", errors="replace") as f:
            sys.stderr.write(f.read())
    sys.exit(1)


work = tempfile.mkdtemp(prefix="kiosk-notify-run.")
xvfb = screen = None
try:
    # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x720x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as r:
        display = r.readline().strip()
    if not display:
        fail("Xvfb did not start")

    manager = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify_path = os.path.join(work, "notify")
    manager.bind(notify_path)
    manager.settimeout(10)  # the longest wait for any one message

    config = os.path.join(work, "kiosk.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('[venue]\ntimezone = "America/Los_Angeles"\n'
                '[screen]\nroom = "Exhibit Hall A"\n'
                f'[data]\nprogram = "{source}/data/program.txt"\nyear = 2022\n')
    env = dict(os.environ, DISPLAY=f":{display}", NOTIFY_SOCKET=notify_path,
               WATCHDOG_USEC="400000",  # a ping at least every 200 ms
               XDG_STATE_HOME=os.path.join(os.path.dirname(config), "state"))  # one screen each
    # In the sanitizer build: libdbus (started by SDL) keeps buffers until exit; not ours.
    supp = f"suppressions={source}/tests/render/lsan.supp"
    env["LSAN_OPTIONS"] = supp + (":" + env["LSAN_OPTIONS"] if env.get("LSAN_OPTIONS") else "")
    env.pop("WATCHDOG_PID", None)  # unset: the watchdog is meant for whoever reads it
    err_path = os.path.join(work, "err")
    with open(err_path, "w", encoding="utf-8") as err:
        screen = subprocess.Popen([kiosk, "run", "--config", config, "--now", "2022-08-29T08:50"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=err)

    def receive():
        try:
            return manager.recv(4096).decode()
        except socket.timeout:
            fail("no sd_notify message within 10 s", err_path)

    seen = []
    while "READY=1" not in seen:
        seen.append(receive())
    status = [m for m in seen if m.startswith("STATUS=")]
    if not status or not status[-1].startswith("STATUS=Exhibit Hall A: now Outstanding Papers"):
        fail(f"no STATUS naming the room and the session before READY: {seen}", err_path)
    # The loop idles until the next minute; the watchdog must still hear from it, again and again.
    pings = 0
    started = time.monotonic()
    while pings < 5:
        message = receive()
        if message == "READY=1":
            fail("READY=1 sent twice", err_path)
        pings += message == "WATCHDOG=1"
    took = time.monotonic() - started
    if took > 2.0:
        fail(f"5 watchdog pings took {took:.1f} s with WATCHDOG_USEC=400000", err_path)

    screen.send_signal(signal.SIGTERM)
    while receive() != "STOPPING=1":
        pass
    rc = screen.wait(timeout=10)
    screen = None
    if rc != 0:
        fail(f"exit status {rc} after SIGTERM, expected 0", err_path)
    print(f"ok: {status[-1]}; READY once; 5 watchdog pings in {took:.2f} s; STOPPING=1; exit 0")
finally:
    for p in (screen, xvfb):
        if p is not None and p.poll() is None:
            p.kill()
            p.wait()
    shutil.rmtree(work, ignore_errors=True)
