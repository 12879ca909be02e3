namespace FunctionsIngest.Store;

/// <summary>One page of a listing plus the total number of matching items.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Skip, int Take);
