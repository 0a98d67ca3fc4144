import SQLite

/// The sandbox's tables, as an ordered list of migrations (a `--data` file keeps them across restarts).
enum SandboxSchema {
    /// The columns every synced type may be filtered on; a type leaves the others NULL.
    static let filterColumns = ["branch_id", "officer_id", "status", "client_id", "loan_id", "type"]

    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.registerMigration("v1-objects") { db in
            try db.execute(sql: """
                CREATE TABLE objects (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    external_id TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    version INTEGER NOT NULL,
                    branch_id TEXT, officer_id TEXT, status TEXT,
                    client_id TEXT, loan_id TEXT, type TEXT,
                    doc BLOB NOT NULL
                );
                CREATE UNIQUE INDEX objects_external_id ON objects(kind, external_id)
                    WHERE external_id IS NOT NULL;
                CREATE INDEX objects_updated ON objects(kind, updated_at, id);
                CREATE INDEX objects_created ON objects(kind, created_at, id);
                CREATE INDEX objects_client ON objects(client_id, kind);
                CREATE INDEX objects_loan ON objects(loan_id, kind);
                CREATE TABLE tombstones (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX tombstones_updated ON tombstones(kind, updated_at, id);
                CREATE TABLE idempotency (
                    key_owner TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    headers TEXT NOT NULL,
                    body BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (key_owner, key)
                );
                """)
        }
        migrator.registerMigration("v1-webhooks-reports") { db in
            try db.execute(sql: """
                CREATE TABLE webhooks (
                    id TEXT PRIMARY KEY,
                    created_at INTEGER NOT NULL,
                    secret TEXT NOT NULL,
                    doc BLOB NOT NULL
                );
                CREATE TABLE events (
                    id TEXT PRIMARY KEY,
                    created_at INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    doc BLOB NOT NULL
                );
                CREATE TABLE reports (
                    id TEXT PRIMARY KEY,
                    created_at INTEGER NOT NULL,
                    doc BLOB NOT NULL,
                    download BLOB
                );
                """)
        }
        // One row per (event, webhook): where each delivery stands, so operators and tests can see
        // retries, give-ups and skipped non-loopback endpoints (contract § Webhooks, "Delivery").
        migrator.registerMigration("v2-webhook-deliveries") { db in
            try db.execute(sql: """
                CREATE TABLE deliveries (
                    event_id TEXT NOT NULL,
                    webhook_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    last_status_code INTEGER,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (event_id, webhook_id)
                );
                CREATE INDEX deliveries_webhook ON deliveries(webhook_id, updated_at);
                """)
        }
        return migrator
    }
}
