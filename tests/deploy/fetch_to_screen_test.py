#!/usr/bin/env python3
"""A venue's pretalx export, end to end: kiosk-fetch downloads schedule.xml from a server on
127.0.0.1 (as pretalx serves it, at its export path), checks it with the real `kiosk check`,
renames it into place, and the running screen (SDL's dummy video driver, no display needed)
shows the export's session in its room.

usage: fetch_to_screen_test.py KIOSK KIOSK_FETCH SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys

from screen_run import ScreenRun, dummy_display_env, read_json

kiosk, fetch, source = sys.argv[1], sys.argv[2], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
if shutil.which("curl") is None:
    print("SKIP: curl is not installed (kiosk/tools/bootstrap test installs it)")
    sys.exit(77)

run = ScreenRun("kiosk-fetch-screen.")
work = run.work
served = os.path.join(work, "served", "ktc23", "schedule", "export")
os.makedirs(served)
shutil.copy(os.path.join(source, "tests/data/programs/ktc23.schedule.xml"),
            os.path.join(served, "schedule.xml"))
program = os.path.join(work, "program.txt")
shutil.copy(os.path.join(source, "data/program.txt"), program)  # the seed, until the export comes
os.utime(program, (946684800, 946684800))  # put there long before the export was written
config = os.path.join(work, "kiosk.toml")
with open(config, "w", encoding="utf-8") as f:
    f.write('[venue]\ntimezone = "Europe/Berlin"\n[screen]\nroom = "Saal 1"\n'
            '[data]\nprogram = "program.txt"\nyear = 2022\n')
status_path = os.path.join(work, "state", "status.json")
run.show_on_failure.append(status_path)
finish = run.finish


def status_when(done, what, seconds=30):
    """The status file once `done` holds for it; the screen rewrites it on every change."""
    def ready():
        status = read_json(status_path)
        return status if status is not None and done(status) else None
    return run.wait_for(ready, what, run.children[-1], seconds)


server = run.start([sys.executable, os.path.join(here, "program_server.py"),
                   os.path.join(work, "served"), os.path.join(work, "requests.log")],
                  stdout=subprocess.PIPE, text=True)
port = server.stdout.readline().strip()
url = f"http://127.0.0.1:{port}/ktc23/schedule/export/schedule.xml"

run.start([kiosk, "run", "--config", config, "--state-dir", os.path.join(work, "state"),
           "--now", "2023-10-28T10:10", "--windowed", "640x360"],
          "kiosk.log", env=dummy_display_env())

# The seed names no 'Saal 1': the screen runs, says why there is nothing to show, and waits.
status_when(lambda s: s.get("program") is not None and s.get("slide"), "its first slide")

with open(os.path.join(work, "fetch.log"), "w", encoding="utf-8") as out:
    rc = subprocess.run([fetch, "--kiosk", kiosk, "--config", config, url, program],
                        stdout=out, stderr=subprocess.STDOUT).returncode
if rc != 0:
    finish(False, f"kiosk-fetch exited {rc}")
if open(program, "rb").read() != open(os.path.join(served, "schedule.xml"), "rb").read():
    finish(False, "kiosk-fetch did not install the export")

shown = status_when(lambda s: s.get("now") == ["Opening: Welcome to Kiosk Test Camp"],
                    "the export's session")
if shown["room"] != "Saal 1" or shown["program"]["origin"] != "file":
    finish(False, "unexpected status: " + json.dumps(shown))
if shown["clock"]["shown"] != "2023-10-28T10:10:00+02:00":
    finish(False, "the clock is not the export's zone: " + shown["clock"]["shown"])
finish(True, "kiosk-fetch installed the pretalx export and the screen showed it")
