#!/usr/bin/env python3
"""Signals on the real screen (SDL's dummy video driver): SIGHUP reads the files again, SIGUSR1,
SIGUSR2 and SIGPIPE leave it running, and a signal whose default ends the process (SIGALRM) is
named on stderr before it does.

usage: signals_test.py KIOSK SOURCE_DIR
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

from screen_run import ScreenRun, dummy_display_env, read_json

kiosk, source = sys.argv[1], sys.argv[2]
run = ScreenRun("kiosk-signals.")
work = run.work
finish = run.finish
shutil.copy(os.path.join(source, "data/program.txt"), os.path.join(work, "program.txt"))
config = os.path.join(work, "kiosk.toml")
with open(config, "w", encoding="utf-8") as f:
    f.write('[venue]\ntimezone = "America/Los_Angeles"\n[screen]\nroom = "Exhibit Hall A"\n'
            '[data]\nprogram = "program.txt"\nyear = 2022\n')
status_path = os.path.join(work, "state", "status.json")
log_path = os.path.join(work, "kiosk.log")
screen = run.start(
    [kiosk, "run", "--config", config, "--state-dir", os.path.join(work, "state"), "--now",
     "2022-08-29T09:10", "--windowed", "640x360"], "kiosk.log", env=dummy_display_env())


def wait_for(done, what):
    run.wait_for(done, what, screen, seconds=20)


def status():
    return read_json(status_path) or {}


def logged(text):
    return text in open(log_path, encoding="utf-8").read()


wait_for(lambda: status().get("slide"), "the first slide")
screen.send_signal(signal.SIGHUP)
wait_for(lambda: logged("kiosk: SIGHUP: reading the config and its files again"), "the reload")
for sig in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGPIPE, signal.SIGHUP):
    screen.send_signal(sig)
    time.sleep(0.3)
    if screen.poll() is not None:
        finish(False, f"{sig.name} ended the screen (exit {screen.returncode})")
if status().get("program") is None:
    finish(False, "no program after the signals: " + json.dumps(status()))
screen.send_signal(signal.SIGALRM)
try:
    screen.wait(timeout=10)
except subprocess.TimeoutExpired:
    finish(False, "SIGALRM did not end the screen")
if screen.returncode != -signal.SIGALRM:
    finish(False, f"SIGALRM: exit {screen.returncode}, expected death by the signal")
if not logged("kiosk: stopped by signal SIGALRM"):
    finish(False, "SIGALRM ended the screen without a word")
finish(True, "SIGHUP reloaded, SIGUSR1, SIGUSR2 and SIGPIPE left it running, SIGALRM was named")
