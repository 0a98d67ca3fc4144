"""The invariant checker: reads the server through its API and every replica read-only, and counts
what must be zero. The rules, precisely:

- repayments lost: an acknowledged repayment (its unique `reference`) that is not on the server, unless
  its outbox entry ended `failed` with the server's reason recorded (the agent was told: a refusal,
  counted apart as "refused", not as lost).
- repayments doubled: one acknowledged reference on the server more than once.
- edits lost: per agent, object and field, the agent's last acknowledged value (its own later edit
  supersedes its earlier ones) is not the server's value, and nothing explains it: the object is gone
  from the server; the edit's outbox entry ended `failed` with a reason (or waits behind one); the
  agent resolved a conflict on the object as `theirs`. Lost: the entry did not reach the server, or
  the server's value is nobody's acknowledged value.
- edits silently overwritten: A's edit reached the server (entry `done`; with If-Match it landed at
  its base version + 1, a create at 1) and the server now holds a value acknowledged to B (or to A
  earlier) whose edit was based on an older version than that: B wrote over A's value without having
  seen it. (Resolving a conflict as `mine` re-bases the edit on the server's version, so a knowing
  override passes.)
- deleted objects resurrected: an object the server deleted (a tombstone) listed live by the server or
  present in any replica; a client whose acknowledged delete did not fail yet is live on the server.
- replicas that differ: per agent, synced type and object: an id on the server missing from the
  replica, an id in the replica not on the server (a local id left behind counts, unless its create
  ended `failed` with a reason), or a different version.
- conflicts left unexplained: outbox entries still `pending`, `in_flight` or `conflict` at the end, or
  `failed` without an error code or message.
- personal data of deleted clients: a deleted agent-created client's names, phone or ID number, or a
  deleted demo client's phone or ID number, found in the bytes of any file of any agent's FINCORE_HOME.
- API key exposed: the key's bytes in any file of the round's folder or in any captured output.
"""
import json
import os

FIGURES = [("repayments_lost", "repayments lost"), ("repayments_doubled", "repayments doubled"),
           ("edits_lost", "edits lost"), ("edits_overwritten", "edits silently overwritten"),
           ("resurrected", "deleted objects resurrected"), ("replicas_differ", "replica objects differing"),
           ("conflicts_unexplained", "conflicts left unexplained"),
           ("deleted_personal_data", "personal data of deleted clients"),
           ("api_key_exposed", "API key in a file or output"), ("round_failures", "rounds failed (hang, crash)")]

RESOURCES = [("clients", "clients"), ("loans", "loans"), ("payments", "payments"),
             ("payment_links", "payment_links")]
EXAMPLES = 6


class Checker:
    def __init__(self, sandbox, agents, intents, own_clients, resolutions, log, initial_clients=()):
        self.sandbox, self.agents, self.intents = sandbox, agents, intents
        self.initial_clients = list(initial_clients)
        self.own_clients, self.resolutions, self.log = own_clients, resolutions, log
        self.figures = {name: 0 for name, _ in FIGURES}
        self.details = []

    def flag(self, figure, text):
        self.figures[figure] += 1
        shown = sum(1 for line in self.details if line.startswith(figure))
        if shown < EXAMPLES:
            self.details.append(f"{figure}: {text}")

    def check(self, extra_outputs=()):
        self.live, self.tombstones = {}, set()
        for resource, _ in RESOURCES:
            self.live[resource] = {}
            for obj in self.sandbox.list_all(resource):
                if obj.get("deleted"):
                    self.tombstones.add(obj["id"])
                else:
                    self.live[resource][obj["id"]] = obj
        self.replicas = {}
        for agent in self.agents:
            self.replicas[agent.name] = {
                "aliases": {r["local_id"]: r["server_id"] for r in agent.query("SELECT * FROM id_aliases")},
                "outbox": agent.query("SELECT * FROM outbox ORDER BY seq"),
                "dependencies": agent.query("SELECT entry_seq, depends_on FROM outbox_dependencies"),
                "tables": {table: {r["id"]: r["version"] for r in agent.query(f"SELECT id, version FROM {table}")}
                           for _, table in RESOURCES},
            }
        for replica in self.replicas.values():
            self.mark_held(replica)
        self.check_repayments()
        self.check_edits()
        self.check_deletes()
        self.check_replicas()
        self.check_outboxes()
        self.check_personal_data()
        self.check_api_key(extra_outputs)
        refused = sum(1 for line in self.details if line.startswith("note: refused"))
        if refused:
            self.details.append(f"note: {refused} acknowledged edits were refused by the server later, or wait "
                                "behind one that was (failed entries with a reason: expected under concurrent work)")
        return self.figures, [line for line in self.details if not line.startswith("note: refused")]

    # Helpers.

    def server_id(self, agent, object_id):
        return self.replicas[agent]["aliases"].get(object_id, object_id)

    def entries_for(self, agent, object_id):
        ids = {object_id, self.server_id(agent, object_id)}
        ids |= {local for local, server in self.replicas[agent]["aliases"].items() if server in ids}
        return [e for e in self.replicas[agent]["outbox"] if e["object_id"] in ids]

    @staticmethod
    def explained_failure(entry):
        """A failed entry with the server's reason, or an entry held back behind one (the agent exits 4
        and lists them; they wait for the user's `outbox retry` or `drop`)."""
        if entry is None:
            return False
        if entry.get("held"):
            return True
        return entry["state"] == "failed" and bool(entry["error_code"] or entry["error_message"])

    @staticmethod
    def mark_held(replica):
        """Marks pending entries that wait, directly or through others, on a failed entry."""
        by_seq = {e["seq"]: e for e in replica["outbox"]}
        waits_on = {}
        for row in replica["dependencies"]:
            waits_on.setdefault(row["entry_seq"], []).append(row["depends_on"])
        for entry in replica["outbox"]:  # in seq order: an entry depends only on earlier ones
            if entry["state"] != "pending":
                continue
            for seq in waits_on.get(entry["seq"], []):
                blocker = by_seq.get(seq)
                if blocker and (blocker.get("held") or (blocker["state"] == "failed"
                                                         and (blocker["error_code"] or blocker["error_message"]))):
                    entry["held"] = seq
                    break

    def resolved(self, agent, object_id, choice):
        ids = {object_id, self.server_id(agent, object_id)}
        ids |= {local for local, server in self.replicas[agent]["aliases"].items() if server in ids}
        return any(name == agent and obj in ids and how == choice and status in (0, 3, 4)
                   for name, _, obj, how, status in self.resolutions)

    def entry_with_value(self, agent, object_id, value):
        needle = json.dumps(value)
        matches = [e for e in self.entries_for(agent, object_id) if needle in (e["body"] or "")]
        return matches[-1] if matches else None

    # Figures.

    def check_repayments(self):
        counts = {}
        for payment in self.live["payments"].values():
            if payment.get("reference"):
                counts[payment["reference"]] = counts.get(payment["reference"], 0) + 1
        for agent, intent, reported in self.intents:
            if intent["kind"] != "repay":
                continue
            count = counts.get(intent["reference"], 0)
            if count > 1:
                self.flag("repayments_doubled", f"{agent} {intent['reference']} is on the server {count} times")
            elif count == 0:
                entries = self.entries_for(agent, reported or "")
                entry = entries[0] if entries else None
                if self.explained_failure(entry):
                    self.details.append(f"note: refused repayment {intent['reference']}: "
                                        f"{entry['error_code'] or 'held back'}")
                else:
                    state = entry["state"] if entry else "no outbox entry"
                    self.flag("repayments_lost", f"{agent} {intent['reference']} ({reported}) not on the server; "
                              f"outbox: {state}")

    def check_edits(self):
        last, every = {}, {}
        for agent, intent, reported in self.intents:
            if intent["kind"] == "edit":
                local = reported or intent["object"]
                obj = self.server_id(agent, local)
                last[(agent, obj, intent["type"], intent["field"])] = (intent["value"], local)
                every.setdefault((obj, intent["field"]), []).append((agent, intent["value"], local))
        for (agent, obj, kind, field), (value, local) in last.items():
            server = self.live["clients" if kind == "client" else "loans"].get(obj)
            if server is None:
                continue  # deleted (by an agent or a writer), or a create the server refused
            actual = server.get(field)
            if actual == value:
                continue
            entry = self.entry_with_value(agent, local, value)
            if self.explained_failure(entry):
                self.details.append(f"note: refused edit {kind} {obj} {field}: {entry['error_code'] or 'held back'}")
                continue
            if self.resolved(agent, local, "theirs"):
                continue
            if entry is None or entry["state"] != "done":
                state = entry["state"] if entry else "no outbox entry holds it"
                self.flag("edits_lost", f"{agent} set {kind} {obj} {field}={value}, server has {actual}; "
                          f"entry: {state}")
                continue
            # With If-Match, my value landed at version base+1 (a create at 1); a later value is legitimate
            # only from an edit whose base was at or after that version, i.e. made having seen mine.
            mine_at = (entry["base_version"] or 0) + 1
            source = next(((b, blocal) for b, w, blocal in every.get((obj, field), []) if w == actual), None)
            if source is None:
                self.flag("edits_lost", f"{agent} set {kind} {obj} {field}={value} (landed at version {mine_at}), "
                          f"server has {actual}, nobody's acknowledged value")
                continue
            other, other_local = source
            other_entry = self.entry_with_value(other, other_local, actual)
            base = other_entry["base_version"] if other_entry else None
            if base is not None and base >= mine_at:
                continue
            self.flag("edits_overwritten", f"{agent} set {kind} {obj} {field}={value} (landed at version {mine_at}); "
                      f"{other}'s {actual} replaced it from base version {base} "
                      f"(entry {other_entry['seq'] if other_entry else None}: "
                      f"{other_entry['state'] if other_entry else 'none'})")

    def check_deletes(self):
        for resource, live in self.live.items():
            for object_id in live:
                if object_id in self.tombstones:
                    self.flag("resurrected", f"{object_id} is both deleted and listed live by the server")
        for agent, replica in self.replicas.items():
            for table, rows in replica["tables"].items():
                for object_id in rows:
                    if object_id in self.tombstones:
                        self.flag("resurrected", f"{agent}'s replica still holds deleted {object_id} ({table})")
        for agent, intent, reported in self.intents:
            if intent["kind"] != "delete":
                continue
            obj = self.server_id(agent, reported or intent["object"])
            if obj in self.live["clients"]:
                deletes = [e for e in self.entries_for(agent, obj) if "delete" in e["kind"]]
                if deletes and self.explained_failure(deletes[-1]):
                    self.details.append(f"note: refused delete of {obj}: {deletes[-1]['error_code']}")
                    continue
                self.flag("resurrected", f"{agent} deleted client {obj} but the server lists it live "
                          f"(entry: {deletes[-1]['state'] if deletes else 'none'})")

    def check_replicas(self):
        for agent, replica in self.replicas.items():
            failed_creates = {e["object_id"] for e in replica["outbox"] if self.explained_failure(e)}
            failed_creates |= {e["loan_id"] for e in replica["outbox"] if self.explained_failure(e) and e["loan_id"]}
            for resource, table in RESOURCES:
                server = {i: o["version"] for i, o in self.live[resource].items()}
                local = replica["tables"][table]
                for object_id, version in server.items():
                    if object_id not in local:
                        self.flag("replicas_differ", f"{agent} lacks {object_id} (server version {version})")
                    elif local[object_id] != version:
                        self.flag("replicas_differ", f"{agent} has {object_id} at version {local[object_id]}, "
                                  f"the server at {version}")
                for object_id in local:
                    if object_id not in server and object_id not in self.tombstones \
                            and object_id not in failed_creates:
                        self.flag("replicas_differ", f"{agent} has {object_id}, the server does not")

    def check_outboxes(self):
        for agent, replica in self.replicas.items():
            for entry in replica["outbox"]:
                if entry.get("held"):
                    self.details.append(f"note: refused (held back behind failed #{entry['held']}) "
                                        f"{agent} #{entry['seq']} {entry['kind']}")
                elif entry["state"] in ("pending", "in_flight", "conflict"):
                    self.flag("conflicts_unexplained", f"{agent} outbox #{entry['seq']} {entry['kind']} "
                              f"{entry['object_id']} left {entry['state']}")
                elif entry["state"] == "failed" and not (entry["error_code"] or entry["error_message"]):
                    self.flag("conflicts_unexplained", f"{agent} outbox #{entry['seq']} failed without a reason")

    def deleted_client_tokens(self):
        live_names = {o.get("first_name") for o in self.live["clients"].values()}
        kept = set()  # names still held, rightly, by an entry the user must see (a refused create)
        for replica in self.replicas.values():
            for entry in replica["outbox"]:
                if entry["state"] != "done":
                    kept.add(entry["body"] or "")
        tokens = []
        for agent, intent, _ in self.intents:
            if intent["kind"] != "create_client" or intent["first"] in live_names:
                continue
            if any(intent["first"] in body for body in kept):
                continue
            tokens.append((intent["first"], [intent["first"], intent["last"], intent["id_number"], intent["phone"]]))
        # Demo clients deleted since the start (by writers or agents): their phone and ID number, when no
        # live client shares them (demo names repeat, so names are not evidence).
        live_values = set()
        for obj in self.live["clients"].values():
            live_values.add(obj.get("phone"))
            live_values.add((obj.get("kyc") or {}).get("id_number"))
        for obj in self.initial_clients:
            if obj.get("deleted") or obj["id"] not in self.tombstones:
                continue
            values = [v for v in (obj.get("phone"), (obj.get("kyc") or {}).get("id_number"))
                      if v and len(v) >= 6 and v not in live_values]
            if values:
                tokens.append((obj["id"], values))
        return tokens

    def check_personal_data(self):
        tokens = self.deleted_client_tokens()
        if not tokens:
            return
        for agent in self.agents:
            contents = []
            for path in agent.files():
                try:
                    with open(path, "rb") as handle:
                        contents.append((path, handle.read()))
                except OSError:
                    continue
            for name, values in tokens:
                for path, data in contents:
                    found = [v for v in values if v.encode() in data]
                    if found:
                        self.flag("deleted_personal_data", f"deleted client {name}: {', '.join(found)} "
                                  f"in {agent.name}:{os.path.relpath(path, agent.home)}")
                        break

    def check_api_key(self, extra_outputs):
        key = self.sandbox.api_key.encode()
        for root, _, names in os.walk(self.sandbox.folder):
            for name in names:
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as handle:
                        if key in handle.read():
                            self.flag("api_key_exposed", f"in file {os.path.relpath(path, self.sandbox.folder)}")
                except OSError:
                    continue
        outputs = list(extra_outputs)
        for agent in self.agents:
            outputs.extend(agent.outputs)
        for text in outputs:
            if self.sandbox.api_key in text:
                self.flag("api_key_exposed", "in a captured output")
