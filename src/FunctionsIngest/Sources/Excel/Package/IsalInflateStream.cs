using System.Runtime.InteropServices;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>
/// A zip entry's raw deflate data inflated with ISA-L (<see cref="IsalLibrary"/>). Like .NET's entry stream it ends at
/// the size the zip declares; damaged or truncated data throws <see cref="InvalidDataException"/>, as DeflateStream does.
/// </summary>
internal sealed unsafe class IsalInflateStream : ForwardReadStream
{
    private const int InputSize = 1 << 16;
    private readonly Stream _entry;
    private readonly Stream _raw;
    private readonly long _declaredLength;
    private byte* _state;
    private byte* _input;
    private bool _rawEnded;
    private bool _finished;
    private long _read;

    /// <param name="entry">The entry's own stream, disposed with this one.</param>
    /// <param name="raw">The entry's compressed bytes.</param>
    /// <param name="declaredLength">The uncompressed size the zip declares.</param>
    public IsalInflateStream(Stream entry, Stream raw, long declaredLength)
    {
        _entry = entry;
        _raw = raw;
        _declaredLength = declaredLength;
        _state = (byte*)NativeMemory.AlignedAlloc(IsalLibrary.StateSize, 64);
        _input = (byte*)NativeMemory.Alloc(InputSize);
        NativeMemory.Clear(_state, IsalLibrary.StateSize);
        IsalLibrary.Init(_state);
    }

    /// <summary>Frees the native state of a stream nobody disposed.</summary>
    ~IsalInflateStream() => Dispose(false);

    protected override long BytesRead => _read;

    private ref byte* NextIn => ref *(byte**)(_state + IsalLibrary.NextInOffset);
    private ref uint AvailIn => ref *(uint*)(_state + IsalLibrary.AvailInOffset);
    private ref byte* NextOut => ref *(byte**)(_state + IsalLibrary.NextOutOffset);
    private ref uint AvailOut => ref *(uint*)(_state + IsalLibrary.AvailOutOffset);
    private int BlockState => *(int*)(_state + IsalLibrary.BlockStateOffset);

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_state == null, this);
        long room = _declaredLength - _read;
        if (_finished || room <= 0 || buffer.IsEmpty)
            return 0;
        if (buffer.Length > room)
            buffer = buffer[..(int)room];
        fixed (byte* output = buffer)
        {
            while (true)
            {
                if (AvailIn == 0 && !_rawEnded)
                    Refill();
                uint inputBefore = AvailIn;
                NextOut = output;
                AvailOut = (uint)buffer.Length;
                int status = IsalLibrary.Inflate(_state);
                if (status < 0)
                    throw new InvalidDataException($"the deflate data is damaged (ISA-L status {status})");
                int produced = buffer.Length - (int)AvailOut;
                _finished = BlockState == IsalLibrary.BlockFinish;
                if (produced > 0 || _finished)
                {
                    _read += produced;
                    return produced;
                }
                if (_rawEnded && AvailIn == 0)
                    throw new InvalidDataException("the deflate data ends before its last block");
                if (AvailIn == inputBefore && AvailIn > 0)
                    throw new InvalidDataException("the deflate data does not decode");
            }
        }
    }

    private void Refill()
    {
        int n = _raw.Read(new Span<byte>(_input, InputSize));
        if (n == 0)
        {
            _rawEnded = true;
            return;
        }
        NextIn = _input;
        AvailIn = (uint)n;
    }

    protected override void Dispose(bool disposing)
    {
        if (_state != null)
        {
            NativeMemory.AlignedFree(_state);
            NativeMemory.Free(_input);
            _state = null;
            _input = null;
        }
        if (disposing)
            _entry.Dispose();
        base.Dispose(disposing);
    }
}
