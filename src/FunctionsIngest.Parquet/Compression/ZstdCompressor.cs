using System.Runtime.InteropServices;
using FunctionsIngest.Parquet.Format;
using FunctionsIngest.Parquet.Internal;

namespace FunctionsIngest.Parquet.Compression;

/// <summary>
/// ZSTD (RFC 8878 frame) through the system's libzstd (Debian: libzstd1 -> libzstd.so.1); no ZSTD package exists on this
/// NuGet registry. Construction fails with <see cref="NotSupportedException"/> when the library cannot be loaded.
/// </summary>
internal sealed unsafe class ZstdCompressor : PageCompressor, IDisposable
{
    private static readonly string[] LibraryNames = ["libzstd.so.1", "libzstd.so", "libzstd.1.dylib", "libzstd.dylib", "libzstd.dll", "zstd.dll", "libzstd"];
    private static readonly Lazy<Api?> Native = new(Load);
    private readonly Api _api;
    private readonly int _level;
    private IntPtr _context;

    public ZstdCompressor(int level)
    {
        _api = Native.Value ?? throw new NotSupportedException(
            "ZSTD compression needs the native zstd library (libzstd.so.1), which could not be loaded. Install it (Debian/Ubuntu: apt-get install libzstd1) or choose Snappy/Gzip.");
        _level = level;
        _context = _api.CreateContext();
        if (_context == IntPtr.Zero) throw new InvalidOperationException("ZSTD_createCCtx failed.");
    }

    /// <summary>True when libzstd can be loaded on this machine.</summary>
    public static bool IsAvailable => Native.Value is not null;

    public override CompressionCodec Codec => CompressionCodec.Zstd;

    public override void Compress(ReadOnlySpan<byte> source, ByteBuffer output)
    {
        nuint bound = _api.CompressBound((nuint)source.Length);
        var dest = output.GetSpan(checked((int)bound));
        nuint written;
        fixed (byte* src = source)
        fixed (byte* dst = dest)
        {
            written = _api.CompressContext(_context, dst, (nuint)dest.Length, src, (nuint)source.Length, _level);
        }

        if (_api.IsError(written) != 0)
            throw new InvalidOperationException($"ZSTD_compressCCtx failed: {Marshal.PtrToStringAnsi(_api.GetErrorName(written))}.");
        output.Advance((int)written);
    }

    public void Dispose()
    {
        if (_context != IntPtr.Zero) _api.FreeContext(_context);
        _context = IntPtr.Zero;
    }

    private static Api? Load()
    {
        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, typeof(ZstdCompressor).Assembly, null, out var handle)) return new Api(handle);
        }

        return null;
    }

    private sealed class Api
    {
        public Api(IntPtr handle)
        {
            CompressBound = (delegate* unmanaged<nuint, nuint>)NativeLibrary.GetExport(handle, "ZSTD_compressBound");
            IsError = (delegate* unmanaged<nuint, uint>)NativeLibrary.GetExport(handle, "ZSTD_isError");
            GetErrorName = (delegate* unmanaged<nuint, IntPtr>)NativeLibrary.GetExport(handle, "ZSTD_getErrorName");
            CreateContext = (delegate* unmanaged<IntPtr>)NativeLibrary.GetExport(handle, "ZSTD_createCCtx");
            FreeContext = (delegate* unmanaged<IntPtr, nuint>)NativeLibrary.GetExport(handle, "ZSTD_freeCCtx");
            CompressContext = (delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, int, nuint>)NativeLibrary.GetExport(handle, "ZSTD_compressCCtx");
        }

        public delegate* unmanaged<nuint, nuint> CompressBound { get; }
        public delegate* unmanaged<nuint, uint> IsError { get; }
        public delegate* unmanaged<nuint, IntPtr> GetErrorName { get; }
        public delegate* unmanaged<IntPtr> CreateContext { get; }
        public delegate* unmanaged<IntPtr, nuint> FreeContext { get; }
        public delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, int, nuint> CompressContext { get; }
    }
}
