namespace FunctionsIngest.Store.Sqlite.Migrations;

/// <summary>Jobs, runs, run steps and run logs.</summary>
internal static class V001InitialSchema
{
    // Instants are fixed-width ISO-8601 UTC text (see SqliteValues), so text order is time order.
    // Enums are stored by name, except the log level: an integer, because logs are filtered by level >= min.
    // runs.job_id has no foreign key on purpose: deleting a job keeps its runs and logs (history).
    public const string Sql = """
        CREATE TABLE jobs (
            id          TEXT NOT NULL PRIMARY KEY,
            name        TEXT NOT NULL COLLATE NOCASE,
            name_key    TEXT NOT NULL,
            definition  TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_jobs_name_key ON jobs (name_key);
        CREATE INDEX ix_jobs_name ON jobs (name COLLATE NOCASE, id);

        CREATE TABLE runs (
            id               TEXT NOT NULL PRIMARY KEY,
            job_id           TEXT NOT NULL,
            job_name         TEXT NOT NULL,
            trigger          TEXT NOT NULL,
            status           TEXT NOT NULL,
            created_at       TEXT NOT NULL,
            last_updated_at  TEXT NOT NULL,
            started_at       TEXT,
            completed_at     TEXT,
            rows_read        INTEGER NOT NULL DEFAULT 0,
            rows_written     INTEGER NOT NULL DEFAULT 0,
            output           TEXT NOT NULL DEFAULT '[]',
            error            TEXT,
            custom_status    TEXT,
            job_snapshot     TEXT NOT NULL
        );
        CREATE INDEX ix_runs_job_created ON runs (job_id, created_at, id);
        CREATE INDEX ix_runs_status_created ON runs (status, created_at, id);
        CREATE INDEX ix_runs_created ON runs (created_at, id);

        CREATE TABLE run_steps (
            id                INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id            TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            kind              TEXT NOT NULL,
            ordinal           INTEGER NOT NULL DEFAULT 0,
            status            TEXT NOT NULL,
            attempt           INTEGER NOT NULL DEFAULT 0,
            lease_owner       TEXT,
            lease_expires_at  TEXT,
            not_before        TEXT,
            created_at        TEXT NOT NULL,
            started_at        TEXT,
            completed_at      TEXT,
            rows              INTEGER NOT NULL DEFAULT 0,
            input             TEXT,
            output            TEXT,
            error             TEXT
        );
        CREATE INDEX ix_run_steps_run ON run_steps (run_id, id);
        -- Claiming scans only unfinished steps, in id order; finished steps (the bulk) stay out of this index.
        CREATE INDEX ix_run_steps_claimable ON run_steps (id) WHERE status IN ('Pending', 'Running');

        CREATE TABLE run_logs (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id   TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            ts       TEXT NOT NULL,
            level    INTEGER NOT NULL,
            step     TEXT NOT NULL,
            message  TEXT NOT NULL,
            data     TEXT
        );
        CREATE INDEX ix_run_logs_run ON run_logs (run_id, id);
        """;
}
