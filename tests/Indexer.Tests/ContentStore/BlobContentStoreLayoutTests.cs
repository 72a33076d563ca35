using Azure.Storage.Blobs;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;

namespace SocialeKaart.Indexer.Tests.ContentStore;

/// <summary>What only the Blob adapter has: what lands in the container, its description, a missing container, and the
/// indexer reading the real content from it (live on Azurite).</summary>
public sealed class BlobContentStoreLayoutTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sk-blob-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_StoresThePlainTextAsTheBlob_AndTheMetadataAsBlobMetadata()
    {
        var container = await Azurite.NewContainerAsync();
        var store = new BlobContentStore(container);
        await store.WriteAsync("aanbod/a.md", "---\nid: a\n---\nTekst é\n", null, new Dictionary<string, string> { ["status"] = "ingediend", ["reden"] = "Tijden: di 14:00" }, Ct);

        var raw = (await container.GetBlobClient("aanbod/a.md").DownloadContentAsync(Ct)).Value;
        Assert.Equal("---\nid: a\n---\nTekst é\n"u8.ToArray(), raw.Content.ToArray());
        Assert.Equal("text/markdown; charset=utf-8", raw.Details.ContentType);
        Assert.Equal("ingediend", raw.Details.Metadata["status"]);
        Assert.Equal("Tijden%3A%20di%2014%3A00", raw.Details.Metadata["reden"]);
        Assert.True(raw.Details.Metadata.ContainsKey("sk_write"));
        Assert.Equal(["reden", "status"], (await store.ReadFileAsync("aanbod/a.md", Ct))!.Metadata.Keys);
    }

    [Fact]
    public async Task Beschrijving_NamesTheContainer_WithoutKeyOrSas()
    {
        var connection = await Azurite.ConnectionStringAsync();
        var store = BlobContentStore.Connect(connection, "inhoud", Azurite.Options());
        Assert.EndsWith("/devstoreaccount1/inhoud", store.Beschrijving, StringComparison.Ordinal);
        var key = connection.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
        Assert.DoesNotContain(key, store.Beschrijving, StringComparison.Ordinal);

        var sas = new BlobContainerClient(new Uri(store.Beschrijving + "?sv=2025-11-05&sig=GEHEIM"), Azurite.Options());
        Assert.DoesNotContain("GEHEIM", new BlobContentStore(sas).Beschrijving, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Inhoud")]
    [InlineData("in--houd")]
    [InlineData("-inhoud")]
    [InlineData("in/houd")]
    public void Connect_InvalidContainerName_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => BlobContentStore.Connect("UseDevelopmentStorage=true", name));

    [Fact]
    public async Task MissingContainer_IsNamedInTheError_NotReadAsAnEmptyStore()
    {
        var store = BlobContentStore.Connect(await Azurite.ConnectionStringAsync(), "bestaat-niet-" + Guid.NewGuid().ToString("N")[..8], Azurite.Options());

        Assert.Contains("bestaat niet", (await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync("taxonomie.yml", Ct))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.ListAsync("aanbod", Ct).ToListAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync("a.md", "x", null, null, Ct));
    }

    [Fact]
    public async Task Indexer_ReadsTheRealContentFromTheContainer_AsFromTheFolder()
    {
        LocalContentStoreLayoutTests.CopyRealContent(_folder);
        var folder = new LocalContentStore(_folder);
        var blob = await Azurite.NewStoreAsync();
        var copied = await ContentKopie.KopieerAsync(folder, blob, Ct);

        var fromFolder = await new ContentIndexer(folder).ReadAsync(cancellationToken: Ct);
        var fromBlob = await new ContentIndexer(blob).ReadAsync(cancellationToken: Ct);
        Assert.Equal(fromFolder.Bestanden + 4, copied);
        Assert.True(fromBlob.Aanbod.Count > 150);
        Assert.Equal(fromFolder.Problems, fromBlob.Problems);
        Assert.Equal(fromFolder.Woorden.Count, fromBlob.Woorden.Count);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fromFolder.Aanbod), System.Text.Json.JsonSerializer.Serialize(fromBlob.Aanbod));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
