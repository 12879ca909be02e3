using FunctionsIngest.Data;
using FunctionsIngest.Storage;

namespace FunctionsIngest.Runs;

/// <summary>Decides whether a step's exception can go away on retry (I/O, locks) or is permanent (bad input).</summary>
public static class StepFailure
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        IngestException ingest => ingest.IsTransient,
        StoragePathException => false,
        FileNotFoundException => false,
        // Missing sources are reported as IngestException; a vanished folder here is a race with a concurrent clean-up.
        DirectoryNotFoundException => true,
        UnauthorizedAccessException => false,
        IOException => true,
        TimeoutException => true,
        _ => false,
    };
}
