namespace FunctionsIngest.Tests.Fixtures;

public static class StreamReading
{
    /// <summary>Every byte of <paramref name="stream"/>, read <paramref name="readSize"/> bytes at a time.</summary>
    public static byte[] ReadAll(Stream stream, int readSize)
    {
        var output = new MemoryStream();
        var buffer = new byte[readSize];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            output.Write(buffer, 0, n);
        return output.ToArray();
    }
}
