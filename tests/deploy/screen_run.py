"""What the deploy tests that run the real `kiosk run` share: a work folder, the processes they
start, SDL's dummy drivers (no display needed), waiting on the screen, and ending the test with
every log shown when it failed."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def dummy_display_env():
    """The environment without a display: SDL's dummy video and audio drivers."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_") and k != "DISPLAY"}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return env


def read_json(path):
    """The JSON file at `path`, or None while it is missing or half written."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


class ScreenRun:
    def __init__(self, prefix):
        self.work = tempfile.mkdtemp(prefix=prefix)
        self.children = []
        self.show_on_failure = []  # more files to print when the test fails (a status file)

    def path(self, *parts):
        return os.path.join(self.work, *parts)

    def start(self, args, log_name=None, **kwargs):
        """Starts a process, its output into `log_name` in the work folder when given."""
        if log_name is not None:
            log = open(self.path(log_name), "w", encoding="utf-8")
            kwargs.update(stdout=log, stderr=subprocess.STDOUT)
        child = subprocess.Popen(args, **kwargs)
        self.children.append(child)
        return child

    def finish(self, ok, message):
        """Stops what is still running, prints every *.log (and show_on_failure) when the test
        failed, removes the work folder and exits 0 or 1."""
        for child in self.children:
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
        if not ok:
            print("FAIL: " + message, file=sys.stderr)
            logs = [self.path(n) for n in sorted(os.listdir(self.work)) if n.endswith(".log")]
            for path in logs + self.show_on_failure:
                if os.path.exists(path):
                    text = open(path, encoding="utf-8").read()
                    print(f"--- {os.path.basename(path)}:\n{text}", file=sys.stderr)
        shutil.rmtree(self.work, ignore_errors=True)
        print(message)
        sys.exit(0 if ok else 1)

    def wait_for(self, done, what, screen, seconds=30):
        """What `done()` returns once it is true; the test fails if `screen` stops first or it
        takes longer than `seconds`."""
        give_up = time.monotonic() + seconds
        while time.monotonic() < give_up:
            got = done()
            if got:
                return got
            if screen.poll() is not None:
                self.finish(False, f"the screen stopped (exit {screen.returncode}) while waiting "
                                   f"for {what}")
            time.sleep(0.05)
        self.finish(False, "never saw " + what)
