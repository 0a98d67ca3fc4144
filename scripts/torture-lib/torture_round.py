"""One torture round: a fresh sandbox, two or three agents, a random schedule of work and faults,
quiet final syncs, then the invariant checker."""
import os
import time

from torture_checker import FIGURES, Checker
from torture_processes import Agent, RoundFailure, Sandbox
from torture_work import Snapshot, WorkDrawer, parse_batch

__all__ = ["Round", "RoundFailure"]

KNOBS_OFF = {"latency_ms": "0-0", "error_503": 0, "error_500": 0, "drop_before_commit": 0,
             "drop_after_commit": 0, "truncate_body": 0, "storm_429": 0, "commit_lag_s": 0, "writers": 0}
PROBABILITY_KNOBS = ["error_503", "error_500", "drop_before_commit", "drop_after_commit", "truncate_body",
                     "storm_429"]


class Round:
    def __init__(self, number, rng, sandbox_seed, binary, folder, agents, quick, faketime, verbose):
        self.number, self.rng, self.binary, self.folder = number, rng, binary, folder
        self.quick, self.faketime, self.verbose = quick, faketime, verbose
        self.agent_count = agents
        # A sync under heavy faults can take a minute (30 s request timeouts, retries, writers to chase).
        self.sync_timeout = 90 if quick else 180
        self.started = time.monotonic()
        self.deadline = self.started + (75 if quick else 900)
        self.api_key = f"sk_test_torture_{rng.getrandbits(64):016x}"
        self.admin_key = f"admin_torture_{rng.getrandbits(64):016x}"
        self.sandbox = Sandbox(binary, folder, sandbox_seed % 100000 + 1, 6 if quick else 12,
                               self.admin_key, self.api_key, self.log, faketime)
        self.agents = []
        self.counter = 0
        self.intents = []          # (agent name, intent, reported id), acknowledged edits only
        self.own_clients = {}      # agent name -> ids of clients it created (local and server ids)
        self.resolutions = []      # (agent name, outbox seq, object id, mine|theirs)
        self.kills = 0
        self.other_faults = 0      # expiries, offline toggles, skewed agents
        self.details = []
        self.initial_clients = []

    def log(self, text):
        if self.verbose:
            print(f"  [{time.monotonic() - self.started:6.1f}s] {text}", flush=True)

    def unique(self):
        self.counter += 1
        return self.number * 100000 + self.counter

    def check_time(self, what):
        if time.monotonic() > self.deadline:
            raise RoundFailure(f"round {self.number} ran past its time limit during {what}")

    # The schedule.

    def run(self):
        self.sandbox.start()
        self.initial_clients = self.sandbox.list_all("clients")  # the demo clients' data, for the PII check
        for index in range(self.agent_count):
            skew = self.rng.choice([-9, -5, -2, 0, 3, 7, 10])  # minutes from the server's clock
            agent = Agent(f"a{index + 1}", self.binary, self.folder, self.api_key, self.sandbox.url, skew,
                          self.faketime, self.log)
            if self.faketime and skew:
                self.other_faults += 1
            self.agents.append(agent)
            self.own_clients[agent.name] = set()
            status, _, err = agent.run(["-c", "sync"], timeout=60)
            if status != 0:
                raise RoundFailure(f"{agent.name}: the first sync failed with {status}: {err.strip()[-300:]}")
        drawer = WorkDrawer(self.rng, self.number, self.unique)
        for agent in self.agents:  # every agent has work of its own before the schedule starts
            self.event_batch(agent, drawer)
        steps = 10 if self.quick else 30
        events = [("batch", 6), ("sync", 5), ("knobs", 2), ("server_kill", 1 if self.quick else 2),
                  ("expire", 1), ("offline", 1), ("concurrent", 2)]
        for step in range(steps):
            self.check_time(f"step {step}")
            event = self.rng.choices([e for e, _ in events], [w for _, w in events])[0]
            agent = self.rng.choice(self.agents)
            self.log(f"step {step}: {event} ({agent.name})")
            getattr(self, f"event_{event}")(agent, drawer)
        self.final_syncs()
        checker = Checker(self.sandbox, self.agents, self.intents, self.own_clients, self.resolutions, self.log,
                          self.initial_clients)
        figures, details = checker.check(extra_outputs=self.sandbox_outputs())
        self.details.extend(details)
        self.details.append(f"note: slowest fincore run {max(a.slowest for a in self.agents):.1f} s")
        return self.row(figures)

    def event_batch(self, agent, drawer):
        snapshot = Snapshot(agent)
        size = self.rng.randint(3, 8) if self.quick else self.rng.randint(5, 20)
        lines = drawer.batch(agent, snapshot, size, self.own_clients[agent.name] | self.aliases(agent))
        if not lines:
            return
        prefix = ["offline on"] if agent.offline else []
        script = os.path.join(self.folder, f"{agent.name}-batch-{self.unique()}.fc")
        with open(script, "w") as handle:
            handle.write("\n".join(prefix + [line for line, _ in lines]) + "\n")
        offline = self.rng.random() < 0.5
        flags = ["--format", "json", "--keep-going"] + (["--offline"] if offline else [])
        # Skewed only with --offline: a batch that may reach the server (a delete goes at once) waits on
        # timers, which libfaketime stalls (see faked_clock).
        status, out, err = agent.run(flags + ["-f", script], timeout=60, skewed=offline)
        try:
            acknowledged = parse_batch(script, lines, status, out, err, first_line=len(prefix) + 1)
        except ValueError as error:
            raise RoundFailure(f"{agent.name}: could not read a batch's results: {error}") from error
        for intent, reported in acknowledged:
            self.intents.append((agent.name, intent, reported))
            if intent["kind"] == "create_client" and reported:
                self.own_clients[agent.name].add(reported)

    def aliases(self, agent):
        """Server ids of the clients this agent created (their local ids resolve through id_aliases)."""
        own = self.own_clients[agent.name]
        if not own:
            return set()
        rows = agent.query("SELECT local_id, server_id FROM id_aliases")
        return {row["server_id"] for row in rows if row["local_id"] in own}

    def sync_args(self):
        return ["--format", "json", "-c", "sync"]

    def event_sync(self, agent, drawer):
        if agent.offline:
            status, _, _ = agent.run(["-c", "offline on; status"], timeout=30)
            return
        if self.rng.random() < (0.35 if self.quick else 0.5):
            delay = self.rng.uniform(0.01, 0.8)
            process = agent.start(self.sync_args())
            time.sleep(delay)
            agent.finish(process, kill=True)
            self.kills += 1
            self.log(f"{agent.name}: SIGKILL during sync after {delay:.2f} s")
        self.restart_if_dead()
        agent.run(self.sync_args(), timeout=self.sync_timeout)

    def event_concurrent(self, agent, drawer):
        online = [a for a in self.agents if not a.offline]
        kill_server = self.rng.random() < 0.3
        delay = self.rng.uniform(0.05, 0.6)
        processes = [(a, a.start(self.sync_args())) for a in online]
        if kill_server:
            time.sleep(delay)
            self.sandbox.kill()
            self.kills += 1
            self.log(f"server SIGKILL during concurrent syncs after {delay:.2f} s")
        for a, process in processes:
            a.finish(process, timeout=self.sync_timeout)
        self.restart_if_dead()

    def event_knobs(self, agent, drawer):
        knobs = dict(KNOBS_OFF)
        for name in PROBABILITY_KNOBS:
            if self.rng.random() < 0.5:
                knobs[name] = round(self.rng.uniform(0.02, 0.25), 3)
        if self.rng.random() < 0.5:
            low = self.rng.randrange(0, 20)
            knobs["latency_ms"] = f"{low}-{low + self.rng.randrange(0, 40)}"
        knobs["commit_lag_s"] = self.rng.choice([0, 0, 2, 5, 10])
        knobs["writers"] = self.rng.choice([0, 0, 1, 2])
        self.log(f"faults {knobs}")
        self.sandbox.admin("POST", "/_sandbox/faults", knobs)

    def event_server_kill(self, agent, drawer):
        self.sandbox.kill()
        self.kills += 1
        if self.rng.random() < 0.5 and not agent.offline:
            # Against a dead server: must fail cleanly and lose nothing.
            agent.run(self.sync_args(), timeout=self.sync_timeout)
        self.restart_if_dead()

    def event_expire(self, agent, drawer):
        self.restart_if_dead()
        self.sandbox.admin("POST", "/_sandbox/idempotency/expire", {})
        self.other_faults += 1

    def event_offline(self, agent, drawer):
        agent.offline = not agent.offline
        status, _, _ = agent.run(["-c", f"offline {'on' if agent.offline else 'off'}; status"], timeout=30)
        self.other_faults += 1

    def restart_if_dead(self):
        if not self.sandbox.alive():
            self.sandbox.start()
            self.kills += 1  # the restart
            self.log(f"server restarted on port {self.sandbox.port}")

    # The quiet end.

    def final_syncs(self):
        self.restart_if_dead()
        self.sandbox.admin("POST", "/_sandbox/faults", KNOBS_OFF)
        time.sleep(1.0)  # let the writers stop and pending payments settle
        for agent in self.agents:
            agent.offline = False
        clean, previous = False, None
        for attempt in range(10):
            self.check_time(f"final sync {attempt}")
            resolved, waiting = False, []
            for agent in self.agents:
                agent.run(self.sync_args(), timeout=120)
                for entry in agent.query("SELECT seq, object_id FROM outbox WHERE state = 'conflict' ORDER BY seq"):
                    choice = self.rng.choice(["mine", "theirs"])
                    # A careful agent takes theirs only for an entry nothing else waits on: `theirs` drops
                    # the dependents too (a disbursement's cash repayments), which would lose collected cash.
                    dependents = agent.query("SELECT count(*) AS n FROM outbox_dependencies WHERE depends_on = ?",
                                             (entry["seq"],))
                    if dependents and dependents[0]["n"]:
                        choice = "mine"
                    status, _, err = agent.run(["-c", f"resolve {entry['seq']} {choice}"], timeout=60)
                    self.resolutions.append((agent.name, entry["seq"], entry["object_id"], choice, status))
                    resolved = True
                waiting.append(agent.query("SELECT seq, state FROM outbox WHERE state != 'done' ORDER BY seq"))
            # Done when nothing waits, or when what waits stopped moving: entries held back behind a
            # failed one wait for the user (the checker judges them).
            if not resolved and (not any(waiting) or waiting == previous):
                clean = True
                break
            previous = waiting
        time.sleep(1.5)  # the last settlements (settle delay 1 s)
        for _ in range(2):
            for agent in self.agents:
                status, _, err = agent.run(self.sync_args(), timeout=120)
                if status not in (0, 4):
                    self.details.append(f"{agent.name}: a quiet final sync ended with {status}: {err.strip()[-200:]}")

    def sandbox_outputs(self):
        outputs = []
        for name in os.listdir(self.folder):
            if name.startswith("sandbox-"):
                with open(os.path.join(self.folder, name), "rb") as handle:
                    outputs.append(handle.read().decode("utf-8", "replace"))
        return outputs

    # Results.

    def injected(self):
        return sum(self.sandbox.faults_injected().values()) + self.kills + self.other_faults

    def row(self, figures):
        return {"figures": figures, "operations": len(self.intents), "runs": sum(a.runs for a in self.agents),
                "faults": self.injected(), "kills": self.kills, "seconds": time.monotonic() - self.started,
                "details": self.details}

    def failed_row(self, message):
        figures = {name: 0 for name, _ in FIGURES}
        figures["round_failures"] = 1
        self.details.append(f"round failed: {message}")
        faults = 0
        try:
            faults = self.injected()
        except Exception:  # the figures of a failed round are best effort
            pass
        return {"figures": figures, "operations": len(self.intents), "faults": faults, "kills": self.kills,
                "seconds": time.monotonic() - self.started, "details": self.details}

    def stop(self):
        self.sandbox.stop()
