"""The processes of a torture round: the sandbox server and the agents, each bounded in time."""
import glob
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request


def faked_clock(library, minutes):
    """The environment that moves a process's wall clock (Foundation's Date()) by `minutes`.

    libfaketime 0.9.10 and libdispatch do not mix in waiting processes: with a faked monotonic clock or
    a negative offset timed waits never wake, and even without, libdispatch's timer thread can spin
    re-arming its timerfd (seen with gdb: `_dispatch_timeout_program` -> faketime's `timerfd_settime`).
    That is faketime's limit, no real clock's. So the monotonic clock stays real, and only processes
    that never wait on a timer run skewed: the agents' offline work (their edits carry skewed
    timestamps into the outbox and history), not their syncs and not the sandbox.
    """
    return {"LD_PRELOAD": library, "FAKETIME": f"{minutes:+d}m", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}


class RoundFailure(Exception):
    """A round that could not go on (a hang, a server that would not start); reported, never a hang."""


class Sandbox:
    """`fincore sandbox --data PATH` on 127.0.0.1, killed with SIGKILL and restarted on the same port."""

    def __init__(self, binary, folder, seed, demo, admin_key, api_key, log, faketime=None):
        self.binary, self.folder, self.seed, self.demo = binary, folder, seed, demo
        self.faketime = faketime
        self.admin_key, self.api_key, self.log = admin_key, api_key, log
        self.data = os.path.join(folder, "server.sqlite")
        self.process = None
        self.port = 0
        self.starts = 0
        self.stats_before_restart = {}

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/v1/"

    def start(self):
        """Starts the server (port 0 the first time, then the same port) and waits for its first line."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("FINCORE_")}
        env.update(FINCORE_SANDBOX_ADMIN_KEY=self.admin_key, FINCORE_SANDBOX_API_KEYS=self.api_key)
        for attempt in range(20):
            self.starts += 1
            err = open(os.path.join(self.folder, f"sandbox-{self.starts}.stderr"), "wb")
            self.process = subprocess.Popen(
                ["/usr/bin/env", self.binary, "sandbox", "--host", "127.0.0.1", "--port", str(self.port), "--data", self.data,
                 "--seed", str(self.seed), "--demo", str(self.demo), "--rate-window", "0",
                 "--settle-delay", "1"],
                stdout=subprocess.PIPE, stderr=err, env=env)
            err.close()
            line = self._first_line(timeout=30)
            if line.startswith("listening on http://127.0.0.1:"):
                self.port = int(line.rsplit(":", 1)[1].split("/")[0])
                threading.Thread(target=self._drain, args=(self.process,), daemon=True).start()
                return
            self._reap()
            time.sleep(0.25 * (attempt + 1))
        raise RoundFailure(f"the sandbox would not start on port {self.port}")

    def _first_line(self, timeout):
        result = []
        reader = threading.Thread(target=lambda: result.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not result:
            return ""
        return result[0].decode("utf-8", "replace").strip()

    def _drain(self, process):
        with open(os.path.join(self.folder, f"sandbox-{self.starts}.stdout"), "ab") as out:
            for chunk in iter(lambda: process.stdout.read(4096), b""):
                out.write(chunk)

    def _reap(self):
        if self.process is not None:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGKILL)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired as error:
                raise RoundFailure("the sandbox did not die after SIGKILL") from error

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        """SIGKILL, keeping the faults counted so far (a restart starts its counters at zero)."""
        stats = self.stats(quiet=True)
        if stats:
            self._accumulate(stats)
        self._reap()

    def _accumulate(self, stats):
        for name, count in (stats.get("faults_injected") or {}).items():
            self.stats_before_restart[name] = self.stats_before_restart.get(name, 0) + count

    def faults_injected(self):
        """Faults injected over every life of this server, by name."""
        total = dict(self.stats_before_restart)
        for name, count in ((self.stats(quiet=True) or {}).get("faults_injected") or {}).items():
            total[name] = total.get(name, 0) + count
        return total

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._reap()

    def _request(self, method, path, key, body=None, timeout=10):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Authorization": f"Bearer {key}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return json.loads(raw) if raw else None

    def admin(self, method, path, body=None):
        """An operator route, retried while a fault (a dropped connection, a 503) gets in the way."""
        last = None
        for _ in range(30):
            try:
                return self._request(method, path, self.admin_key, body)
            except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError) as error:
                last = error
                time.sleep(0.1)
        raise RoundFailure(f"operator route {method} {path} kept failing: {last}")

    def stats(self, quiet=False):
        try:
            return self._request("GET", "/_sandbox/stats", self.admin_key, timeout=5)
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            if quiet:
                return None
            raise

    def list_all(self, resource):
        """Every object and tombstone of a synced type, through the API (faults must be off)."""
        objects, offset = [], 0
        while True:
            page = None
            for _ in range(10):
                try:
                    page = self._request("GET", f"/v1/{resource}?updated_since=1970-01-01T00:00:00.000000Z"
                                         f"&include_deleted=true&sort=updated_at&limit=100&offset={offset}",
                                         self.api_key)
                    break
                except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
                    time.sleep(0.2)
            if page is None:
                raise RoundFailure(f"could not list {resource} from the server")
            objects.extend(page["data"])
            offset += len(page["data"])
            if not page["data"] or offset >= page["meta"]["total"]:
                return objects


class Agent:
    """One field agent: its own FINCORE_HOME (its own replica) and short-lived fincore processes."""

    def __init__(self, name, binary, folder, api_key, url, skew_minutes, faketime, log):
        self.name, self.binary, self.api_key, self.url = name, binary, api_key, url
        self.home = os.path.join(folder, name)
        os.makedirs(self.home)
        self.skew_minutes, self.faketime, self.log = skew_minutes, faketime, log
        self.offline = False
        self.outputs = []  # every stdout and stderr captured, for the API-key check
        self.runs = 0
        self.slowest = 0.0  # seconds of the longest run (syncs under heavy faults take long)

    def environment(self, skewed=False):
        env = {k: v for k, v in os.environ.items() if not k.startswith("FINCORE_")}
        env.update(FINCORE_HOME=self.home, FINCORE_API_URL=self.url, FINCORE_API_KEY=self.api_key, NO_COLOR="1")
        if self.faketime and skewed:
            env.update(faked_clock(self.faketime, self.skew_minutes))
        return env

    def command(self, arguments):
        # Through env(1): fincore exec'd straight from Python with libfaketime preloaded exits 0 without
        # running (seen with libfaketime 0.9.10); exec'd by env it runs, with the same pid to SIGKILL.
        return ["/usr/bin/env", self.binary] + arguments

    def run(self, arguments, timeout=60, skewed=False):
        """Runs fincore ARGS to completion; returns (status, stdout, stderr). `skewed`: with the agent's
        clock skew (offline work only: see faked_clock)."""
        self.runs += 1
        began = time.monotonic()
        process = subprocess.Popen(self.command(arguments), env=self.environment(skewed), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            where = self.backtrace(process.pid)
            process.kill()
            process.communicate()
            raise RoundFailure(f"{self.name}: fincore {' '.join(arguments)[:80]} ran past {timeout} s"
                               + (f" (its threads: {where})" if where else "")) from error
        done = subprocess.CompletedProcess(arguments, process.returncode, stdout, stderr)
        self.slowest = max(self.slowest, time.monotonic() - began)
        out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
        self.outputs.append(out)
        self.outputs.append(err)
        self.log(f"{self.name}: {' '.join(arguments)[:100]} -> {done.returncode}")
        return done.returncode, out, err

    def backtrace(self, pid):
        """Where a hung fincore is, from gdb when installed (saved beside the agent's home)."""
        if not shutil.which("gdb"):
            return None
        path = os.path.join(os.path.dirname(self.home), f"hang-{self.name}-{pid}.txt")
        try:
            trace = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt 25"],
                                   capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return None
        with open(path, "wb") as handle:
            handle.write(trace.stdout)
        return path

    def start(self, arguments):
        """Starts fincore ARGS in the background (to be killed); `finish` collects it."""
        self.runs += 1
        return subprocess.Popen(self.command(arguments), env=self.environment(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)

    def finish(self, process, kill=False, timeout=60):
        if kill and process.poll() is None:
            process.send_signal(signal.SIGKILL)
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            process.kill()
            process.communicate()
            raise RoundFailure(f"{self.name}: a background fincore ran past {timeout} s") from error
        self.outputs.append(out.decode("utf-8", "replace"))
        self.outputs.append(err.decode("utf-8", "replace"))
        return process.returncode

    def replica_path(self):
        paths = glob.glob(os.path.join(self.home, "replicas", "*", "replica.sqlite"))
        return paths[0] if paths else None

    def query(self, sql, arguments=()):
        """Rows of a read-only query on the replica (only while none of this agent's processes runs)."""
        path = self.replica_path()
        if path is None:
            return []
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            connection.row_factory = sqlite3.Row
            return [dict(row) for row in connection.execute(sql, arguments)]
        finally:
            connection.close()

    def files(self):
        """Every file under this agent's FINCORE_HOME."""
        found = []
        for root, _, names in os.walk(self.home):
            found.extend(os.path.join(root, name) for name in names)
        return found
