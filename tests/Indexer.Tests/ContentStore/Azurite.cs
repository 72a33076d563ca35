using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.ContentStore;

/// <summary>
/// A live Azurite (npm <c>azurite</c>, the Azure Storage emulator) for the Blob content store tests. scripts/test.sh
/// starts one on a free port and passes its connection string in <see cref="EnvironmentVariable"/>. Run outside the
/// script, the first test that needs it starts Azurite from this folder's node_modules (after <c>npm ci</c> here) on a
/// free port with its own temp folder, stopped when the test process ends. Without either, the tests fail with the
/// reason: a Blob test never skips.
/// </summary>
internal static partial class Azurite
{
    public const string EnvironmentVariable = "SK_AZURITE_BLOB";

    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<string>> LazyConnection = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => LazyConnection.Value;

    /// <summary>Tests fail fast: no retries, so a refused request is seen as it is.</summary>
    public static BlobClientOptions Options()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
        return options;
    }

    /// <summary>A new, empty container of its own.</summary>
    public static async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobContainerClient(await ConnectionStringAsync(), "t" + Guid.NewGuid().ToString("N"), Options());
        await container.CreateAsync();
        return container;
    }

    public static async Task<BlobContentStore> NewStoreAsync() => new(await NewContainerAsync());

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return given;
        }

        var bin = Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "ContentStore", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException(
                $"Azurite is needed for the Blob content store tests, but {EnvironmentVariable} is not set and {bin} does not exist. " +
                "Run scripts/test.sh, or install it once with: (cd tests/Indexer.Tests/ContentStore && npm ci).");
        }

        var data = Directory.CreateTempSubdirectory("sk-azurite-");
        var start = new ProcessStartInfo(bin)
        {
            ArgumentList = { "--blobHost", "127.0.0.1", "--blobPort", "0", "--location", data.FullName, "--skipApiVersionCheck", "--loose", "--disableTelemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite could not be started.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
                data.Delete(recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
            }
        };

        // "--blobPort 0" lets the system choose a free port; Azurite prints the address it listens on.
        var output = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            output.Add(line);
            if (ListensRegex().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return ConnectionString(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"Azurite stopped before it listened: {string.Join(" / ", output)} {await process.StandardError.ReadToEndAsync()}");
    }

    public static string ConnectionString(string endpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint={endpoint.TrimEnd('/')}/{Account};";

    [GeneratedRegex(@"listens on (http://[0-9.]+:[0-9]+)")]
    private static partial Regex ListensRegex();
}
