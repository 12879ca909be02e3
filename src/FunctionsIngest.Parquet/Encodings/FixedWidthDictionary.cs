using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Encodings;

/// <summary>
/// Per-chunk dictionary of fixed-width values keyed by their bit pattern (so NaN payloads, -0.0 and +0.0 stay distinct),
/// with the entries kept PLAIN-encoded for the dictionary page.
/// </summary>
internal sealed class FixedWidthDictionary<TBits> : IDisposable
    where TBits : unmanaged, IEquatable<TBits>
{
    private readonly Dictionary<TBits, int> _map = [];
    private readonly ByteBuffer _plain = new(1 << 10);

    public int Count => _map.Count;

    public long PlainBytes => _plain.Length;

    /// <summary>Looks up (adding when new) every value and writes its index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Encode(ReadOnlySpan<TBits> values, Span<int> indices)
    {
        for (int i = 0; i < values.Length; i++)
        {
            TBits v = values[i];
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, v, out bool exists);
            if (!exists)
            {
                slot = _map.Count - 1;
                _plain.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<TBits>(in v)));
            }

            indices[i] = slot;
        }
    }

    public void WritePlain(ByteBuffer body) => body.Write(_plain.WrittenSpan);

    public void Clear()
    {
        _map.Clear();
        _plain.Clear();
    }

    public void Dispose() => _plain.Dispose();
}
