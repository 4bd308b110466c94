#!/usr/bin/env python3
"""The README's fleet guide, followed as written: its fleet.toml, checked for every host by its
own check-config loop, then one screen started per host from that one file (`--screen HOST`, as
kiosk@HOST does; SDL's dummy video driver, no display needed). Each screen must find its own
entry and show its own room; the lobby's shows every room.

Only the program's location differs from a deployed box: the guide's
/var/lib/kiosk/program.txt is the seed, copied next to the test's fleet.toml.

usage: fleet_guide_test.py KIOSK SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys

from screen_run import ScreenRun, dummy_display_env, read_json

kiosk, source = os.path.abspath(sys.argv[1]), sys.argv[2]
readme = open(os.path.join(source, "README.md"), encoding="utf-8").read()
run = ScreenRun("kiosk-fleet-guide.")
work = run.work
finish = run.finish


# The guide: the first toml and sh blocks of "## Running a fleet".
section = readme.split("\n## Running a fleet\n", 1)
if len(section) != 2:
    finish(False, "README.md has no '## Running a fleet' section")
section = section[1].split("\n## ", 1)[0]
blocks = re.findall(r"```(toml|sh)\n(.*?)```", section, re.S)
toml_block = next((b for lang, b in blocks if lang == "toml"), None)
sh_block = next((b for lang, b in blocks if lang == "sh"), None)
if toml_block is None or sh_block is None:
    finish(False, "the fleet guide has no toml block or no sh block")
toml_block = "\n".join(line[2:] if line.startswith("  ") else line
                       for line in toml_block.splitlines()) + "\n"
check_loop = next((line.strip() for line in sh_block.splitlines() if "check-config" in line), None)
if check_loop is None:
    finish(False, "the fleet guide does not check its config")
hosts = re.match(r"for host in ([^;]+);", check_loop)
if hosts is None:
    finish(False, "cannot read the hosts of: " + check_loop)
hosts = hosts.group(1).split()
entries = re.findall(r"^\[screens\.([^\]]+)\]", toml_block, re.M)
if sorted(entries) != sorted(hosts) or len(hosts) < 3:
    finish(False, f"the guide's loop checks {hosts} but its fleet.toml has {entries}")

program = os.path.join(work, "program.txt")
shutil.copy(os.path.join(source, "data/program.txt"), program)
if "/var/lib/kiosk/program.txt" not in toml_block:
    finish(False, "the guide's fleet.toml does not read the deployed program")
with open(os.path.join(work, "fleet.toml"), "w", encoding="utf-8") as f:
    f.write(toml_block.replace("/var/lib/kiosk/program.txt", program))

# The guide's own check loop, word for word, with this build's kiosk first on PATH.
bin_dir = os.path.join(work, "bin")
os.makedirs(bin_dir)
os.symlink(kiosk, os.path.join(bin_dir, "kiosk"))
env = dummy_display_env()
env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
with open(os.path.join(work, "check.log"), "w", encoding="utf-8") as log:
    rc = subprocess.run(["bash", "-c", check_loop], cwd=work, env=env, stdout=log,
                        stderr=subprocess.STDOUT).returncode
if rc != 0:
    finish(False, f"the guide's check-config loop exited {rc}")

# One screen per host, all from the one file, at 10:20 on the seed's day.
screens = {
    host: run.start([kiosk, "run", "--config", "fleet.toml", "--screen", host, "--state-dir",
                     os.path.join(work, "state-" + host), "--now", "2022-08-29T10:20",
                     "--windowed", "640x360"], host + ".log", cwd=work, env=env)
    for host in hosts}


def status_of(host, seconds=40):
    """The host's status file once its first slide is up."""
    path = os.path.join(work, "state-" + host, "status.json")
    def ready():
        status = read_json(path)
        return status if status is not None and status.get("slide") else None
    return run.wait_for(ready, f"the first slide of {host}", screens[host], seconds)


rooms_of = dict(re.findall(r'^\[screens\.([^\]]+)\]\nroom = "([^"]+)"', toml_block, re.M))
seen = {}
for host in hosts:
    status = status_of(host)
    if status["last_error"] is not None:
        finish(False, f"{host}: {status['last_error']}")
    if status["program"] is None or status["program"]["path"] != program:
        finish(False, f"{host} does not show the fleet's program: {json.dumps(status)}")
    if host in rooms_of:
        if status["room"] != rooms_of[host] or not status["slide"].startswith("now"):
            finish(False, f"{host} shows {status['room']} ({status['slide']}), not its room "
                          f"{rooms_of[host]}")
        seen[host] = status["room"]
    else:
        if not status["slide"].startswith("overview"):
            finish(False, f"{host} shows the slide {status['slide']}, not the overview")
        seen[host] = "every room"
if len(set(seen.values())) != len(hosts):
    finish(False, f"two screens show the same: {seen}")
finish(True, "one fleet.toml, checked for " + ", ".join(hosts) + "; each screen shows its own: " +
       "; ".join(f"{h}: {r}" for h, r in seen.items()))
