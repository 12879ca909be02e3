using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FunctionsIngest.Testing;

/// <summary>
/// One Azurite (Azure Storage emulator) per test process, started on first use from tests/azurite/node_modules on free
/// loopback ports, in memory only, and killed when the test process exits. Tests isolate themselves by creating their
/// own containers and queues (<see cref="UniqueName"/>).
/// </summary>
public sealed class Azurite
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known development key (public, documented by Microsoft).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Azurite> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _workingDirectory;

    private Azurite(Process process, StringBuilder output, string workingDirectory, int blobPort, int queuePort, int tablePort)
    {
        (_process, _output, _workingDirectory) = (process, output, workingDirectory);
        BlobEndpoint = new Uri($"http://127.0.0.1:{blobPort}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{queuePort}/{AccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{tablePort}/{AccountName}");
    }

    /// <summary>The running emulator, started by the first caller in this test process.</summary>
    public static Azurite Instance => Shared.Value;

    public Uri BlobEndpoint { get; }
    public Uri QueueEndpoint { get; }
    public Uri TableEndpoint { get; }

    /// <summary>A connection string for Blob, Queue and Table clients with explicit endpoints.</summary>
    public string ConnectionString => ConnectionStringWithKey(AccountKey);

    /// <summary>The connection string with another account key (for tests of refused credentials).</summary>
    public string ConnectionStringWithKey(string accountKey) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={accountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>What the emulator printed (errors only: it runs with --silent).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>A fresh container or queue name: lowercase, 3-63 characters, valid for both.</summary>
    public static string UniqueName(string prefix = "test")
    {
        var name = $"{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}";
        return name.Length <= 63 ? name : name[..63];
    }

    private static Azurite Start()
    {
        var executable = Path.Combine(RepoPaths.Root, "tests", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Azurite is not installed ({executable} is missing): run ./scripts/test.sh, or `npm ci` in tests/azurite.");
        var failures = new List<string>();
        // A port found free can be taken before Azurite binds it: start again on new ports.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var azurite = TryStart(executable, out var failure);
            if (azurite is not null)
                return azurite;
            failures.Add($"attempt {attempt}: {failure}");
        }
        throw new InvalidOperationException("Azurite did not start:\n" + string.Join("\n", failures));
    }

    private const string ExitWithParent = """
        process.stdin.on('end', () => process.exit(0));
        process.stdin.resume();
        const [script, ...args] = process.argv.slice(1);
        process.argv = [process.argv[0], script, ...args];
        require(script);
        """;

    private static Azurite? TryStart(string executable, out string failure)
    {
        var (blob, queue, table) = FreePorts();
        var workingDirectory = Directory.CreateTempSubdirectory("functionsingest-azurite-").FullName;
        // Azurite runs inside a node process that exits when its stdin closes, which happens when this test process
        // ends in any way, a hard kill included: no emulator outlives the tests that started it.
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-e", ExitWithParent, executable, "--silent", "--disableTelemetry", "--inMemoryPersistence", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1",
                     "--tableHost", "127.0.0.1", "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}", "--skipApiVersionCheck", "--loose" })
            start.ArgumentList.Add(arg);
        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, output, workingDirectory, blob, queue, table);
        if (azurite.WaitUntilReady(TimeSpan.FromSeconds(60), out failure))
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Stop();
            return azurite;
        }
        azurite.Stop();
        return null;
    }

    /// <summary>Ready when both the blob and queue endpoints answer HTTP and the process answering is still ours (alive).</summary>
    private bool WaitUntilReady(TimeSpan timeout, out string failure)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                failure = $"the process exited with code {_process.ExitCode}: {Output.Trim()}";
                return false;
            }
            if (Answers(http, BlobEndpoint) && Answers(http, QueueEndpoint) && !_process.HasExited)
            {
                failure = "";
                return true;
            }
            Thread.Sleep(200);
        }
        failure = $"no answer from {BlobEndpoint} within {timeout.TotalSeconds:0} s: {Output.Trim()}";
        return false;
    }

    private static bool Answers(HttpClient http, Uri endpoint)
    {
        try
        {
            // Unauthenticated, so the answer is an error status; any HTTP answer means the endpoint is up.
            using var response = http.GetAsync(new Uri(endpoint + "?comp=list")).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException) { /* already gone */ }
        try { Directory.Delete(_workingDirectory, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Three distinct free ports, held open together so the system cannot hand out the same one twice.</summary>
    private static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
