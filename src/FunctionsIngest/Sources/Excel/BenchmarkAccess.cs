using System.Runtime.CompilerServices;

// bench/xlsx times the reader's stages (inflate, XML scan, typing) separately, which needs the internal stage types.
[assembly: InternalsVisibleTo("XlsxBench")]
