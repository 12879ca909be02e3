namespace FunctionsIngest.Store.Sqlite.Migrations;

/// <summary>The scheduling fields of a job's definition as plain columns, so a tick over many jobs parses no JSON.</summary>
internal static class V003ScheduleColumns
{
    public const string Sql = """
        ALTER TABLE jobs ADD COLUMN schedule TEXT;
        ALTER TABLE jobs ADD COLUMN time_zone TEXT;
        ALTER TABLE jobs ADD COLUMN catch_up TEXT NOT NULL DEFAULT 'once';
        ALTER TABLE jobs ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
        UPDATE jobs SET
            schedule = json_extract(definition, '$.schedule'),
            time_zone = json_extract(definition, '$.timeZone'),
            catch_up = coalesce(json_extract(definition, '$.catchUp'), 'once'),
            enabled = coalesce(json_extract(definition, '$.enabled'), 1);
        CREATE INDEX ix_jobs_scheduled ON jobs (id) WHERE schedule IS NOT NULL AND enabled = 1;
        """;
}
