using System.Runtime.CompilerServices;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// Per-column reuse of recent short strings, so a column of repeated values (categories, codes) allocates each value
/// once. Turns itself off after 4,096 misses with fewer than 1,024 hits (unique values), costing nothing after that.
/// </summary>
internal sealed class StringPool
{
    private const int Slots = 512;
    private const int MaxLength = 32;
    private readonly string?[] _slots = new string?[Slots];
    private int _lookups;
    private int _hits;
    private bool _off;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> text)
    {
        if (_off || text.Length > MaxLength || text.IsEmpty)
            return text.IsEmpty ? "" : new string(text);
        int slot = (int)((uint)(text.Length * 31 + text[0] * 7 + text[^1] * 131 + text[text.Length >> 1] * 17) % Slots);
        var cached = _slots[slot];
        if (cached is not null && text.SequenceEqual(cached))
        {
            _hits++;
            return cached;
        }
        var value = new string(text);
        _slots[slot] = value;
        if (++_lookups == 4096 && _hits < 1024)
            _off = true;
        return value;
    }
}
