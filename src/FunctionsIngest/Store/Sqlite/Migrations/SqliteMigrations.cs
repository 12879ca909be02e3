namespace FunctionsIngest.Store.Sqlite.Migrations;

/// <summary>
/// Every schema version the store knows, oldest first. Append new migrations; never edit a shipped one
/// (databases in the field have already applied it).
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema", V001InitialSchema.Sql),
        new(2, "orchestration: scheduled keys, reruns, scheduler cursor, watermarks", V002Orchestration.Sql),
        new(3, "schedule columns", V003ScheduleColumns.Sql),
        new(4, "rows quarantined", V004RowsQuarantined.Sql),
    ];
}
