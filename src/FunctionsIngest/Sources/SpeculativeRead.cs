namespace FunctionsIngest.Sources;

/// <summary>
/// Runs a read-and-write that may open its source in a single pass; when the single pass misses
/// (<see cref="SpeculationMissedException"/>), runs it again without, after <c>onMiss</c>. The attempt must discard
/// what it wrote when it throws (a staged part or an atomic file the retry overwrites).
/// </summary>
public static class SpeculativeRead
{
    public static async Task<T> RunAsync<T>(Func<bool, Task<T>> attempt, Action<SpeculationMissedException>? onMiss = null)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        try
        {
            return await attempt(true);
        }
        catch (SpeculationMissedException miss)
        {
            onMiss?.Invoke(miss);
            return await attempt(false);
        }
    }

    public static T Run<T>(Func<bool, T> attempt, Action<SpeculationMissedException>? onMiss = null) =>
        RunAsync(singlePass => Task.FromResult(attempt(singlePass)), onMiss).GetAwaiter().GetResult();
}
