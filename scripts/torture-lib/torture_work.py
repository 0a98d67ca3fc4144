"""Random valid offline work for one agent, drawn from what its replica holds, with what each line means."""
import json

ZERO_DECIMAL = {"UGX", "RWF", "BIF", "XOF", "XAF", "KMF", "GNF", "JPY", "KRW"}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letters(number):
    """A letters-only token for a number (names take no digits)."""
    text = ""
    while True:
        number, digit = divmod(number, 26)
        text = LETTERS[digit] + text
        if number == 0:
            return text


def amount_text(minor, currency):
    if currency in ZERO_DECIMAL:
        return str(minor)
    return f"{minor // 100}.{minor % 100:02d}"


def quote(text):
    return "'" + text.replace("'", "") + "'"


class Snapshot:
    """What an agent's replica shows (its view: server state with its pending edits on top)."""

    def __init__(self, agent):
        self.clients = agent.query("SELECT id, status, kyc_status, kyc_id_type, kyc_id_number, view_json "
                                   "FROM clients")
        self.loans = agent.query("SELECT id, client_id, status, balance, currency, view_json FROM loans")
        self.payments = agent.query("SELECT id, type, status, loan_id, amount FROM payments")
        self.links = agent.query("SELECT id, status, loan_id FROM payment_links")
        self.loans_of = {}
        for loan in self.loans:
            self.loans_of.setdefault(loan["client_id"], []).append(loan)

    def clients_where(self, **want):
        return [c for c in self.clients if all(c.get(k) == v for k, v in want.items())]

    def loans_in(self, *statuses):
        return [loan for loan in self.loans if loan["status"] in statuses]


class WorkDrawer:
    """Draws a batch of edit lines; each line comes with an intent the checker can verify."""

    WEIGHTS = [("client_add", 10), ("client_edit", 16), ("kyc_verify", 7), ("kyc_reject", 2),
               ("loan_apply", 8), ("loan_edit", 8), ("loan_approve", 7), ("loan_reject", 1),
               ("loan_withdraw", 1), ("loan_disburse", 7), ("loan_write_off", 1), ("repay", 18),
               ("payment_reverse", 3), ("link_create", 3), ("link_cancel", 2), ("client_delete", 4)]

    def __init__(self, rng, round_number, unique):
        self.rng, self.round_number, self.unique = rng, round_number, unique

    def batch(self, agent, snapshot, size, own_clients):
        """Up to `size` (line, intent) pairs; later lines may name objects added by earlier ones only by
        name, so each line is drawn against the snapshot (refusals are fine: not counted)."""
        lines = []
        names = [name for name, _ in self.WEIGHTS]
        weights = [weight for _, weight in self.WEIGHTS]
        for _ in range(size):
            kind = self.rng.choices(names, weights)[0]
            drawn = getattr(self, kind)(agent, snapshot, own_clients)
            if drawn is not None:
                lines.append(drawn)
        return lines

    def _pick(self, items):
        return self.rng.choice(items) if items else None

    def client_add(self, agent, snapshot, own_clients):
        n = self.unique()
        first, last = "Tor" + letters(n), "Ag" + letters(self.round_number * 7 + len(agent.name)) + "q" + letters(n)
        id_number = f"TX{self.round_number:03d}N{n:07d}"
        phone = f"+2547{(31000000 + n * 37 + self.round_number) % 100000000:08d}"
        intent = {"kind": "create_client", "first": first, "last": last, "id_number": id_number, "phone": phone}
        line = (f"client add first_name={first} last_name={last} phone={phone} "
                f"kyc.id_type=national_id kyc.id_number={id_number} address=start-{letters(n)}")
        return line, intent

    def client_edit(self, agent, snapshot, own_clients):
        client = self._pick(snapshot.clients_where(status="active") or snapshot.clients)
        if client is None:
            return None
        value = f"addr-r{self.round_number}-{agent.name}-{self.unique()}"
        return (f"client edit {client['id']} address={value}",
                {"kind": "edit", "type": "client", "object": client["id"], "field": "address", "value": value})

    def kyc_verify(self, agent, snapshot, own_clients):
        client = self._pick([c for c in snapshot.clients
                             if c["kyc_status"] == "pending" and c["kyc_id_type"] and c["kyc_id_number"]])
        if client is None:
            return None
        return f"kyc verify {client['id']}", {"kind": "action", "what": "kyc verify", "object": client["id"]}

    def kyc_reject(self, agent, snapshot, own_clients):
        client = self._pick(snapshot.clients_where(kyc_status="pending"))
        if client is None:
            return None
        return (f"kyc reject {client['id']} reason=torture",
                {"kind": "action", "what": "kyc reject", "object": client["id"]})

    def loan_apply(self, agent, snapshot, own_clients):
        client = self._pick(snapshot.clients_where(status="active"))
        if client is None:
            return None
        principal = 1000 + self.rng.randrange(100) * 500
        product = f"p{self.round_number}{agent.name}{self.unique()}"
        return (f"loan apply {client['id']} principal={principal} currency=KES interest_rate_bps="
                f"{self.rng.choice([0, 1200, 1800])} term_months={self.rng.choice([1, 3, 6, 12])} product={product}",
                {"kind": "action", "what": "loan apply", "object": client["id"], "product": product})

    def loan_edit(self, agent, snapshot, own_clients):
        loan = self._pick([loan for loan in snapshot.loans_in("pending") if loan["currency"] == "KES"])
        if loan is None:
            return None
        # Unique per edit: the whole shillings carry the edit's number, so the checker can tell who won.
        minor = (100000 + self.unique() * 100) * 100
        return (f"loan edit {loan['id']} principal={amount_text(minor, 'KES')}",
                {"kind": "edit", "type": "loan", "object": loan["id"], "field": "principal", "value": minor})

    def _loan_action(self, what, statuses, suffix=""):
        def draw(agent, snapshot, own_clients):
            loan = self._pick(snapshot.loans_in(*statuses))
            if loan is None:
                return None
            return f"{what} {loan['id']}{suffix}", {"kind": "action", "what": what, "object": loan["id"]}
        return draw

    def loan_approve(self, agent, snapshot, own_clients):
        return self._loan_action("loan approve", ["pending"])(agent, snapshot, own_clients)

    def loan_reject(self, agent, snapshot, own_clients):
        return self._loan_action("loan reject", ["pending"], " reason=torture")(agent, snapshot, own_clients)

    def loan_withdraw(self, agent, snapshot, own_clients):
        return self._loan_action("loan withdraw", ["pending", "approved"])(agent, snapshot, own_clients)

    def loan_disburse(self, agent, snapshot, own_clients):
        method = self.rng.choice(["cash", "mobile_money"])
        return self._loan_action("loan disburse", ["approved"], f" method={method}")(agent, snapshot, own_clients)

    def loan_write_off(self, agent, snapshot, own_clients):
        return self._loan_action("loan write_off", ["active"], " reason=torture")(agent, snapshot, own_clients)

    def repay(self, agent, snapshot, own_clients):
        loan = self._pick([loan for loan in snapshot.loans_in("active") if loan["balance"] > 0])
        if loan is None:
            return None
        ceiling = max(1, min(loan["balance"] // 12, 500000))
        minor = 1 + self.rng.randrange(ceiling)
        if loan["currency"] in ZERO_DECIMAL:
            minor = max(1, minor)
        reference = f"TR{self.round_number}-{agent.name}-{self.unique()}"
        method = self.rng.choice(["cash", "cash", "mobile_money"])
        return (f"repay {loan['id']} amount={amount_text(minor, loan['currency'])} method={method} "
                f"reference={reference}",
                {"kind": "repay", "loan": loan["id"], "reference": reference, "amount": minor})

    def payment_reverse(self, agent, snapshot, own_clients):
        payment = self._pick([p for p in snapshot.payments if p["type"] == "repayment" and p["status"] == "succeeded"])
        if payment is None:
            return None
        return (f"payment reverse {payment['id']} reason=torture",
                {"kind": "action", "what": "payment reverse", "object": payment["id"]})

    def link_create(self, agent, snapshot, own_clients):
        loan = self._pick([loan for loan in snapshot.loans_in("active") if loan["balance"] > 0])
        if loan is None:
            return None
        minor = 1 + self.rng.randrange(max(1, min(loan["balance"], 100000)))
        return (f"link create {loan['id']} amount={amount_text(minor, loan['currency'])}",
                {"kind": "action", "what": "link create", "object": loan["id"]})

    def link_cancel(self, agent, snapshot, own_clients):
        link = self._pick([link for link in snapshot.links if link["status"] == "active"])
        if link is None:
            return None
        return f"link cancel {link['id']}", {"kind": "action", "what": "link cancel", "object": link["id"]}

    def client_delete(self, agent, snapshot, own_clients):
        mine = [c for c in snapshot.clients
                if c["id"] in own_clients and not snapshot.loans_of.get(c["id"])]
        client = self._pick(mine)
        if client is None:
            return None
        return f"client delete {client['id']}", {"kind": "delete", "object": client["id"]}


def parse_batch(script_name, lines, status, stdout, stderr, first_line=1):
    """Which lines the agent acknowledged: a JSON `saved` record each, in order; refused lines are named
    `SCRIPT:LINE: error:` on stderr. Returns [(intent, reported id)] or raises ValueError."""
    refused = set()
    for text in stderr.splitlines():
        if text.startswith(f"{script_name}:") and ": error:" in text:
            try:
                refused.add(int(text.split(":")[1]))
            except ValueError:
                continue
    saved = []
    for text in stdout.splitlines():
        text = text.strip()
        if text.startswith("{"):
            record = json.loads(text)
            # A client delete is acknowledged as {"id", "deleted": "local"|"server"}, not queued.
            if "saved" in record:
                saved.append(record)
            elif "deleted" in record:
                saved.append({"id": record.get("id"), "saved": "deleted " + str(record["deleted"])})
    acknowledged = [intent for number, (_, intent) in enumerate(lines, start=first_line) if number not in refused]
    if status not in (0, 1, 3):
        raise ValueError(f"batch ended with status {status}: {stderr.strip()[-300:]}")
    if len(acknowledged) != len(saved):
        said = " | ".join(str(record.get("saved")) for record in saved)
        raise ValueError(f"{len(acknowledged)} lines not refused but {len(saved)} saved records; lines: "
                         f"{' | '.join(line for line, _ in lines)}; saved: {said}; stdout: {stdout[-600:]}; "
                         f"stderr: {stderr[-600:]}")
    return [(intent, record.get("id")) for intent, record in zip(acknowledged, saved)]
