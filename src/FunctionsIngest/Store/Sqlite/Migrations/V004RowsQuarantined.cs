namespace FunctionsIngest.Store.Sqlite.Migrations;

/// <summary>Rows a run sent to its job's quarantine dataset, reported beside rows read and written.</summary>
internal static class V004RowsQuarantined
{
    public const string Sql = "ALTER TABLE runs ADD COLUMN rows_quarantined INTEGER NOT NULL DEFAULT 0;";
}
