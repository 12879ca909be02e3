namespace FunctionsIngest.Store.Sqlite.Migrations;

/// <summary>Scheduled-run keys, reruns, the scheduler cursor and incremental-source watermarks.</summary>
internal static class V002Orchestration
{
    // ux_runs_job_scheduled makes a double fire of one (job, scheduled instant) impossible, whatever races.
    public const string Sql = """
        ALTER TABLE runs ADD COLUMN scheduled_for TEXT;
        ALTER TABLE runs ADD COLUMN rerun_of TEXT;
        CREATE UNIQUE INDEX ux_runs_job_scheduled ON runs (job_id, scheduled_for) WHERE scheduled_for IS NOT NULL;
        CREATE INDEX ix_runs_job_active ON runs (job_id, created_at, id) WHERE status IN ('Pending', 'Running');

        CREATE TABLE scheduler_state (
            key    TEXT NOT NULL PRIMARY KEY,
            value  TEXT NOT NULL
        );

        CREATE TABLE job_watermarks (
            job_id    TEXT NOT NULL,
            file      TEXT NOT NULL,
            size      INTEGER NOT NULL,
            modified  TEXT NOT NULL,
            PRIMARY KEY (job_id, file)
        );
        """;
}
