namespace FunctionsIngest.App.Hosting;

/// <summary>The "Ingest" configuration section (environment: Ingest__DataDirectory, Ingest__ApiKey...).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Holds the SQLite database (ingest.db) and the storage root (files/). Relative to the working directory.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>True: refuse to start when the data directory does not exist (e.g. an Azure Files mount that failed), instead of creating it.</summary>
    public bool RequireDataDirectory { get; set; }

    /// <summary>Required on every non-health endpoint when set; must be set when listening beyond loopback.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How many run steps the in-process worker pool executes at once.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Run the in-process step workers (off in hosts that dispatch steps elsewhere).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>SQLite write-ahead logging; turn off when the data directory is on a network share (Azure Files).</summary>
    public bool UseWal { get; set; } = true;

    /// <summary>Run the in-process scheduler (a tick every minute).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>How long a worker holds a step without renewing its lease; a crashed worker's step resumes after this.</summary>
    public int StepLeaseSeconds { get; set; } = 60;

    /// <summary>Where job sources and datasets live: local folder (default) or Azure Blob container.</summary>
    public StorageSettings Storage { get; set; } = new();

    public string DataPath => Path.GetFullPath(DataDirectory);

    public string DatabasePath => Path.Combine(DataPath, "ingest.db");

    public string FilesPath => Path.Combine(DataPath, "files");
}
