#!/usr/bin/env python3
"""Driver for scripts/bench-repl: times the agent's REPL in a pseudo-terminal.

Usage: bench-repl-driver.py FINCORE_BINARY REPLICA_SQLITE [startups=10] [repeats=30]
The environment (FINCORE_HOME, FINCORE_API_URL, FINCORE_API_KEY) must name the seeded replica.
Prints min / median / p99 of
  - start-up: from fork to the first prompt on the terminal, over STARTUPS fresh processes;
  - each local command, inside one session: from the Enter key to the next prompt (the command,
    its output drawn on the terminal, and the prompt's outbox counts), REPEATS times each.
"""
import fcntl
import os
import pty
import random
import select
import sqlite3
import struct
import sys
import termios
import time

PROMPT = b"]> "
binary, replica = sys.argv[1], sys.argv[2]
startups = int(sys.argv[3]) if len(sys.argv) > 3 else 10
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 30


def spawn():
    """Starts `fincore --offline` on a 120x40 pty; returns (pid, fd, the start instant)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm", NO_COLOR="1")
        os.execve(binary, [binary, "--offline"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return pid, fd, start


def wait_for(fd, marker, timeout=60.0):
    """Reads until `marker` shows up; returns the instant it did."""
    seen = bytearray()  # appended in place: a long listing must not cost the driver quadratic copying
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            seen.extend(chunk)
            if marker in seen[-4096:]:
                return time.perf_counter()
    raise RuntimeError(f"no {marker!r} within {timeout} s; saw {bytes(seen[-400:])!r}")


def close(pid, fd):
    os.write(fd, b"\x04")
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def summary(label, samples, target):
    samples = sorted(samples)
    median = samples[len(samples) // 2]
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    verdict = "meets" if median <= target else "MISSES"
    print(f"  {label:<26} min {samples[0]:7.1f} ms  median {median:7.1f} ms  p99 {p99:7.1f} ms"
          f"  (n={len(samples)}; target <= {target} ms: median {verdict})")


db = sqlite3.connect(f"file:{replica}?mode=ro", uri=True)
clients = [row[0] for row in db.execute("SELECT id FROM clients ORDER BY random() LIMIT ?", (repeats,))]
names = [row[0][:4] for row in db.execute(
    "SELECT json_extract(view_json, '$.last_name') FROM clients ORDER BY random() LIMIT ?", (repeats,))]
loans = [row[0] for row in db.execute("SELECT id FROM loans ORDER BY random() LIMIT ?", (repeats,))]
count = db.execute("SELECT count(*) FROM clients").fetchone()[0]
db.close()

print(f"bench-repl: {count} clients in the replica; {startups} start-ups, {repeats} runs of each command")
times = []
for _ in range(startups):
    pid, fd, start = spawn()
    times.append((wait_for(fd, PROMPT) - start) * 1000)
    close(pid, fd)
summary("start-up to first prompt", times, 200)

pid, fd, _ = spawn()
wait_for(fd, PROMPT)
commands = [
    ("client find NAME", [f"client find {n}" for n in names]),
    ("client show ID", [f"client show {c}" for c in clients]),
    ("loan show ID", [f"loan show {l}" for l in loans]),
    ("due", ["due"] * repeats),
    ("overdue", ["overdue"] * repeats),
    ("portfolio", ["portfolio"] * repeats),
]
random.seed(1)
for label, lines in commands:
    samples = []
    for line in lines:
        os.write(fd, line.encode())
        wait_for(fd, line[-8:].encode())  # the echo: the line is typed, not yet run
        sent = time.perf_counter()
        os.write(fd, b"\r")
        samples.append((wait_for(fd, PROMPT) - sent) * 1000)
    summary(label, samples, 50)
close(pid, fd)
