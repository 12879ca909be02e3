using System.Text;

namespace FunctionsIngest.Sources.Text;

/// <summary>
/// A decoder fallback that replaces invalid bytes with U+FFFD and remembers it happened, so the reader can stop with
/// the line of the first bad byte (a throwing fallback only knows a byte index inside the decoder's current chunk).
/// </summary>
internal sealed class InvalidBytesFallback : DecoderFallback
{
    public const char Marker = '\uFFFD';

    public bool Seen { get; set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>The encoding with this fallback (a fresh one per reader: the flag is per file).</summary>
    public static Encoding Apply(Encoding encoding, out InvalidBytesFallback fallback)
    {
        var copy = (Encoding)encoding.Clone();
        copy.DecoderFallback = fallback = new InvalidBytesFallback();
        return copy;
    }

    private sealed class Buffer(InvalidBytesFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Seen = true;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
                return '\0';
            _pending = false;
            return Marker;
        }

        public override bool MovePrevious() => false;
    }
}
