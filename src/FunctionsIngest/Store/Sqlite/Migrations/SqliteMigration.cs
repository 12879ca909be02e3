namespace FunctionsIngest.Store.Sqlite.Migrations;

/// <summary>One schema change: applied once, in version order, and recorded in schema_version.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
