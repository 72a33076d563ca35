using System.CommandLine;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.ContentStore;

/// <summary>The indexer's validate and build reading from a Blob container (live on Azurite), as a user runs them.</summary>
public sealed class BlobCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sk-blobcli-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Commands.Root().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<BlobContentStore> SeededAsync(params string[] golden)
    {
        var folder = Path.Combine(_root, "content");
        LocalContentStoreLayoutTests.CopyRealContent(folder, []);
        foreach (var name in golden)
        {
            File.Copy(Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Golden", "input", name + ".md"), Path.Combine(folder, "aanbod", name + ".md"));
        }

        var store = await Azurite.NewStoreAsync();
        await ContentKopie.KopieerAsync(new LocalContentStore(folder), store, Ct);
        return store;
    }

    [Fact]
    public async Task Validate_FromAContainer_ReportsEachFile()
    {
        var store = await SeededAsync("wmo-begeleiding", "kapot");
        var (exit, output, error) = await Run("validate", "--content-blob-connection", await Azurite.ConnectionStringAsync(), "--content-blob-container", store.Container.Name);

        Assert.Equal(1, exit);
        Assert.Contains("aanbod/kapot.md:5: toegang 'soms' bestaat niet.", error, StringComparison.Ordinal);
        Assert.Contains("2 aanbodbestanden gecontroleerd: 1 goed, 1 met fouten", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_FromAContainer_IndexesIt_AndSearchFindsIt()
    {
        var store = await SeededAsync("buurtmaaltijd", "wmo-begeleiding");
        var index = Path.Combine(_root, "index");
        var (exit, output, error) = await Run("build", "--content-blob-connection", await Azurite.ConnectionStringAsync(), "--content-blob-container", store.Container.Name, "--index", index);

        Assert.Equal(0, exit);
        Assert.Contains("2 aanbod geïndexeerd", output, StringComparison.Ordinal);
        Assert.Contains(store.Beschrijving, error, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", error + output, StringComparison.Ordinal);
        var (_, found, _) = await Run("search", "buurtmaaltijd", "--index", index);
        Assert.Contains("buurtmaaltijd", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ConnectionFromTheEnvironment_IsTheDefault()
    {
        var store = await SeededAsync("wmo-begeleiding");
        var before = Environment.GetEnvironmentVariable("Content__Blob__ConnectionString");
        try
        {
            var connection = await Azurite.ConnectionStringAsync();
            Environment.SetEnvironmentVariable("Content__Blob__ConnectionString", connection);
            var (exit, output, _) = await Run("validate", "--content-blob-container", store.Container.Name);
            Assert.Equal(0, exit);
            Assert.Contains("1 goed", output, StringComparison.Ordinal);

            // Help shows defaults; the secret from the environment must not be one.
            var (_, help, _) = await Run("validate", "--help");
            Assert.Contains("--content-blob-connection", help, StringComparison.Ordinal);
            Assert.DoesNotContain("AccountKey", help, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Content__Blob__ConnectionString", before);
        }
    }

    [Fact]
    public async Task Validate_MissingContainer_SaysSo_WithoutTheKey()
    {
        var connection = await Azurite.ConnectionStringAsync();
        var (exit, output, error) = await Run("validate", "--content-blob-connection", connection, "--content-blob-container", "bestaat-niet-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(2, exit);
        Assert.Contains("bestaat niet", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadConnectionString_SaysSo_WithoutQuotingIt()
    {
        var (exit, _, error) = await Run("validate", "--content-blob-connection", "AccountKey=GEHEIM;geen-goede-string", "--content-blob-container", "inhoud");
        Assert.Equal(2, exit);
        Assert.Contains("connection string", error, StringComparison.Ordinal);
        Assert.DoesNotContain("GEHEIM", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
