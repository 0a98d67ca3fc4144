import SQLite

/// The replica's schema: an ordered list of migrations run by the SQLite layer's `Migrator`.
///
/// Each synced type has one table holding the user's view of each object (server state with the
/// pending outbox applied on top) in `view_json` and in the columns queries filter on, beside the
/// server's own copy, stored exactly as pulled, in `server_json` with its `version`. Downloads
/// write `server_json` and recompute the view from it and the pending entries, so a pull never
/// lands over the user's pending edits (STYLE habit 8). Objects created offline have a local id
/// (`LocalID`) and no `server_json` until the create is acknowledged.
///
/// Append migrations, never edit a shipped one (`Migrator`'s rule).
enum ReplicaSchema {
    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.registerMigration("v1-server-state") { db in try db.execute(sql: serverState) }
        migrator.registerMigration("v1-outbox") { db in try db.execute(sql: outbox) }
        migrator.registerMigration("v1-sync-state") { db in try db.execute(sql: syncState) }
        migrator.registerMigration("v2-webhook-events") { db in try db.execute(sql: webhookEvents) }
        migrator.registerMigration("v3-portfolio-index") { db in try db.execute(sql: portfolioIndex) }
        migrator.registerMigration("v4-oldest-unpaid") { db in try db.execute(sql: oldestUnpaid) }
        return migrator
    }

    /// Clients (with KYC), loans and their instalments, payments, payment links, id aliases.
    static let serverState = """
        CREATE TABLE clients (
            id TEXT NOT NULL UNIQUE,
            external_id TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT,
            server_json TEXT,
            view_json TEXT NOT NULL,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            phone TEXT,
            date_of_birth TEXT,
            address TEXT,
            branch_id TEXT,
            officer_id TEXT,
            status TEXT NOT NULL,
            kyc_status TEXT NOT NULL,
            kyc_id_type TEXT,
            kyc_id_number TEXT,
            pending INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX clients_external_id ON clients(external_id) WHERE external_id IS NOT NULL;
        CREATE INDEX clients_status ON clients(status, last_name);
        CREATE INDEX clients_branch ON clients(branch_id, status, last_name);
        CREATE INDEX clients_officer ON clients(officer_id, status, last_name);

        -- Substring search on names, phone and ID number (trigram tokenizer, SQLite 3.34+;
        -- https://www.sqlite.org/fts5.html#the_trigram_tokenizer). External content: the text lives
        -- once, in clients; triggers keep the index in step.
        CREATE VIRTUAL TABLE clients_fts USING fts5(
            first_name, last_name, phone, kyc_id_number,
            content = 'clients', content_rowid = 'rowid', tokenize = 'trigram');
        CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
            INSERT INTO clients_fts(rowid, first_name, last_name, phone, kyc_id_number)
            VALUES (new.rowid, new.first_name, new.last_name, new.phone, new.kyc_id_number);
        END;
        CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
            INSERT INTO clients_fts(clients_fts, rowid, first_name, last_name, phone, kyc_id_number)
            VALUES ('delete', old.rowid, old.first_name, old.last_name, old.phone, old.kyc_id_number);
        END;
        CREATE TRIGGER clients_fts_update AFTER UPDATE OF first_name, last_name, phone, kyc_id_number ON clients BEGIN
            INSERT INTO clients_fts(clients_fts, rowid, first_name, last_name, phone, kyc_id_number)
            VALUES ('delete', old.rowid, old.first_name, old.last_name, old.phone, old.kyc_id_number);
            INSERT INTO clients_fts(rowid, first_name, last_name, phone, kyc_id_number)
            VALUES (new.rowid, new.first_name, new.last_name, new.phone, new.kyc_id_number);
        END;

        CREATE TABLE loans (
            id TEXT NOT NULL UNIQUE,
            external_id TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT,
            server_json TEXT,
            view_json TEXT NOT NULL,
            client_id TEXT NOT NULL,
            branch_id TEXT,
            officer_id TEXT,
            status TEXT NOT NULL,
            currency TEXT NOT NULL,
            principal INTEGER NOT NULL,
            balance INTEGER NOT NULL,
            pending INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX loans_external_id ON loans(external_id) WHERE external_id IS NOT NULL;
        CREATE INDEX loans_client ON loans(client_id);
        CREATE INDEX loans_status ON loans(status);
        CREATE INDEX loans_branch ON loans(branch_id, status);
        CREATE INDEX loans_officer ON loans(officer_id, status);

        -- A loan's schedule as rows, so the collection list is an index range, not a JSON scan.
        CREATE TABLE instalments (
            loan_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            due_date TEXT NOT NULL,
            principal_due INTEGER NOT NULL,
            interest_due INTEGER NOT NULL,
            amount_due INTEGER NOT NULL,
            paid INTEGER NOT NULL,
            PRIMARY KEY (loan_id, number)
        ) WITHOUT ROWID;
        CREATE INDEX instalments_unpaid_due ON instalments(due_date) WHERE paid < amount_due;

        CREATE TABLE payments (
            id TEXT NOT NULL UNIQUE,
            external_id TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT,
            server_json TEXT,
            view_json TEXT NOT NULL,
            type TEXT NOT NULL,
            loan_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            branch_id TEXT,
            officer_id TEXT,
            amount INTEGER NOT NULL,
            currency TEXT NOT NULL,
            method TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            pending INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX payments_external_id ON payments(external_id) WHERE external_id IS NOT NULL;
        CREATE INDEX payments_loan ON payments(loan_id, created_at);
        CREATE INDEX payments_client ON payments(client_id, created_at);
        CREATE INDEX payments_status ON payments(status);

        CREATE TABLE payment_links (
            id TEXT NOT NULL UNIQUE,
            external_id TEXT,
            version INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT,
            server_json TEXT,
            view_json TEXT NOT NULL,
            loan_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            branch_id TEXT,
            officer_id TEXT,
            amount INTEGER NOT NULL,
            status TEXT NOT NULL,
            pending INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX payment_links_external_id ON payment_links(external_id) WHERE external_id IS NOT NULL;
        CREATE INDEX payment_links_loan ON payment_links(loan_id);
        CREATE INDEX payment_links_client ON payment_links(client_id);

        -- A local id keeps resolving after its create is acknowledged.
        CREATE TABLE id_aliases (
            local_id TEXT PRIMARY KEY NOT NULL,
            server_id TEXT NOT NULL,
            object_type TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX id_aliases_server ON id_aliases(server_id);
        """

    /// One row per user intent, in the order taken, with what it depends on.
    static let outbox = """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            loan_id TEXT,
            client_id TEXT,
            idempotency_key TEXT NOT NULL UNIQUE,
            base_version INTEGER,
            base_json TEXT,
            body TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'in_flight', 'done', 'conflict', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            error_status INTEGER,
            error_code TEXT,
            error_message TEXT,
            error_field TEXT,
            theirs_json TEXT,
            created_at TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE INDEX outbox_state ON outbox(state, seq);
        CREATE INDEX outbox_object ON outbox(object_id, seq);
        CREATE INDEX outbox_loan ON outbox(loan_id, seq) WHERE loan_id IS NOT NULL;
        CREATE INDEX outbox_client ON outbox(client_id, seq) WHERE client_id IS NOT NULL;

        CREATE TABLE outbox_dependencies (
            entry_seq INTEGER NOT NULL REFERENCES outbox(seq) ON DELETE CASCADE,
            depends_on INTEGER NOT NULL REFERENCES outbox(seq) ON DELETE CASCADE,
            PRIMARY KEY (entry_seq, depends_on)
        ) WITHOUT ROWID;
        CREATE INDEX outbox_dependents ON outbox_dependencies(depends_on);
        """

    /// Cursors, the sync journal and per-record history; none of them holds personal data.
    static let syncState = """
        CREATE TABLE sync_cursors (
            resource TEXT PRIMARY KEY NOT NULL,
            updated_at TEXT,
            last_id TEXT,
            state_json TEXT,
            saved_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE sync_journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            resource TEXT NOT NULL,
            event TEXT NOT NULL,
            pulled INTEGER NOT NULL DEFAULT 0,
            pushed INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            error_code TEXT,
            note TEXT
        );

        CREATE TABLE record_history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            object_type TEXT NOT NULL,
            record_id TEXT NOT NULL,
            event TEXT NOT NULL,
            version INTEGER,
            outbox_seq INTEGER,
            error_code TEXT
        );
        CREATE INDEX record_history_record ON record_history(record_id, seq);
        """

    /// Webhook events already handled (durable deduplication by event `id`, contract § Webhooks) and
    /// the ids of objects the server deleted, so that an older copy arriving after its tombstone (a
    /// shuffled delivery, a slow page) cannot bring a deleted object back. Ids and types only: no
    /// personal data.
    static let webhookEvents = """
        CREATE TABLE webhook_events (
            id TEXT PRIMARY KEY NOT NULL,
            type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            outcome TEXT NOT NULL,
            received_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX webhook_events_received ON webhook_events(received_at);

        CREATE TABLE deleted_objects (
            id TEXT PRIMARY KEY NOT NULL,
            object_type TEXT NOT NULL,
            deleted_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// The portfolio summary groups every loan by status and currency: a covering index lets it
    /// read this narrow index instead of every loan row with its JSON copies (≈200 ms → a few ms on
    /// 30,000 loans; `scripts/bench-replica`). `id` ends it for PAR30's instalment lookup.
    static let portfolioIndex = """
        CREATE INDEX loans_portfolio ON loans(status, currency, branch_id, officer_id, principal, balance, id);
        """

    /// PAR30 asks, for every active loan, whether an instalment is unpaid 30 days past due. Asked
    /// of the instalments that was one index probe per loan (≈70 ms on 30,000 loans); kept on the
    /// loan row as the due date of its oldest unpaid instalment (written with the schedule,
    /// `ViewStore`), it is a range of this index: only the late loans are read.
    static let oldestUnpaid = """
        ALTER TABLE loans ADD COLUMN oldest_unpaid_due TEXT;
        UPDATE loans SET oldest_unpaid_due = (
            SELECT min(i.due_date) FROM instalments i WHERE i.loan_id = loans.id AND i.paid < i.amount_due);
        CREATE INDEX loans_at_risk ON loans(status, oldest_unpaid_due, currency, branch_id, officer_id, balance);
        """
}
