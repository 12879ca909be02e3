using System.Runtime.InteropServices;

namespace FunctionsIngest.Sources.Excel.Package;

/// <summary>
/// Intel's ISA-L (libisal.so.2; Debian and Ubuntu package libisal2), loaded when present: its inflate takes about half
/// the time of zlib-ng's (.NET's DeflateStream) on worksheet XML. Without it parts inflate through DeflateStream.
/// Looked for next to the application first, then where the system keeps libraries. FUNCTIONSINGEST_INFLATE=dotnet
/// turns it off. The offsets into <c>struct inflate_state</c> are those of the libisal.so.2 ABI (igzip_lib.h).
/// </summary>
internal static unsafe class IsalLibrary
{
    public const string FileName = "libisal.so.2";
    public const int StateSize = 87_368;
    public const int NextOutOffset = 0;
    public const int AvailOutOffset = 8;
    public const int NextInOffset = 16;
    public const int AvailInOffset = 32;
    public const int BlockStateOffset = 21_160;

    /// <summary>ISAL_BLOCK_FINISH: the last block is decoded and all its output handed out.</summary>
    public const int BlockFinish = 5;

    private static readonly delegate* unmanaged<byte*, void> InflateInit;
    private static readonly delegate* unmanaged<byte*, int> InflateCall;

    static IsalLibrary()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("FUNCTIONSINGEST_INFLATE") == "dotnet")
            return;
        if (!NativeLibrary.TryLoad(Path.Combine(AppContext.BaseDirectory, FileName), out var library)
            && !NativeLibrary.TryLoad(FileName, out library))
            return;
        if (NativeLibrary.TryGetExport(library, "isal_inflate_init", out var init)
            && NativeLibrary.TryGetExport(library, "isal_inflate", out var inflate))
        {
            InflateInit = (delegate* unmanaged<byte*, void>)init;
            InflateCall = (delegate* unmanaged<byte*, int>)inflate;
        }
    }

    /// <summary>Whether parts inflate with ISA-L: found, and not turned off.</summary>
    public static bool IsLoaded => InflateCall != null;

    public static void Init(byte* state) => InflateInit(state);

    /// <summary>isal_inflate: 0 or more when fine, negative for damaged data.</summary>
    public static int Inflate(byte* state) => InflateCall(state);
}
