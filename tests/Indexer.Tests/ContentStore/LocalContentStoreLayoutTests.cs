using System.Diagnostics;
using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;

namespace SocialeKaart.Indexer.Tests.ContentStore;

/// <summary>What only the folder adapter has: its files on disk, its lock across processes, and a crash halfway a write.</summary>
public sealed class LocalContentStoreLayoutTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sk-store-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Meta(string status) => new() { ["status"] = status };

    [Fact]
    public async Task Write_LeavesThePlainFile_AndAHiddenSidecarBesideIt()
    {
        var store = new LocalContentStore(_root);
        await store.WriteAsync("aanbod/a.md", "tekst\n", null, Meta("ingediend"), Ct);

        Assert.Equal("tekst\n", File.ReadAllText(Path.Combine(_root, "aanbod", "a.md")));
        Assert.Equal([".a.md.meta.json", "a.md"], Directory.GetFiles(Path.Combine(_root, "aanbod")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"status\":\"ingediend\"", File.ReadAllText(Path.Combine(_root, "aanbod", ".a.md.meta.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, LocalContentStore.LockFile)));
        Assert.Equal(["aanbod/a.md"], await store.ListAsync("", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task List_SkipsDotFilesAndDotFolders_LeftByTheStoreOrOthers()
    {
        var store = new LocalContentStore(_root);
        await store.WriteAsync("aanbod/a.md", "tekst", null, null, Ct);
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        File.WriteAllText(Path.Combine(_root, ".git", "config.md"), "x");
        File.WriteAllText(Path.Combine(_root, "aanbod", ".a.md.1234abcd.tmp"), "half geschreven");

        Assert.Equal(["aanbod/a.md"], await store.ListAsync("", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Indexer_ReadsTheSameContent_WithOrWithoutMetadata()
    {
        CopyRealContent(_root, ["buurtmaaltijd-de-zaaier.md", "taalcafe-de-brug.md"]);
        var store = new LocalContentStore(_root);
        var before = await new ContentIndexer(store).ReadAsync(cancellationToken: Ct);
        foreach (var path in await store.ListAsync("aanbod", Ct).ToListAsync(Ct))
        {
            var file = await store.ReadFileAsync(path, Ct);
            await store.WriteAsync(path, file!.Text, file.Version, new Dictionary<string, string> { ["status"] = "gepubliceerd", ["gecontroleerd_door"] = "redacteur-3" }, Ct);
        }

        var after = await new ContentIndexer(store).ReadAsync(cancellationToken: Ct);
        Assert.Empty(after.Problems);
        Assert.Equal(before.Bestanden, after.Bestanden);
        Assert.Equal(2, after.Aanbod.Count);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(before.Aanbod),
            System.Text.Json.JsonSerializer.Serialize(after.Aanbod));
    }

    [Fact]
    public async Task Crash_BetweenTheTwoRenames_LeavesTheOldTextWithItsOwnMetadataAndVersion()
    {
        // A write renames the sidecar first, then the text. Make the state a crash between the two leaves: the next
        // write's sidecar in place, the text still the old one.
        var store = new LocalContentStore(Path.Combine(_root, "a"));
        var v1 = await store.WriteAsync("a.md", "oud", null, Meta("gepubliceerd"), Ct);
        var other = new LocalContentStore(Path.Combine(_root, "b"));
        var w1 = await other.WriteAsync("a.md", "oud", null, Meta("gepubliceerd"), Ct);
        await other.WriteAsync("a.md", "nieuw", w1, Meta("ingediend"), Ct);
        File.Copy(Path.Combine(_root, "b", ".a.md.meta.json"), Path.Combine(_root, "a", ".a.md.meta.json"), overwrite: true);

        var file = await store.ReadFileAsync("a.md", Ct);
        Assert.Equal(("oud", v1, "gepubliceerd"), (file!.Text, file.Version, file.Metadata["status"]));
        var v2 = await store.WriteAsync("a.md", "opnieuw", v1, Meta("ingediend"), Ct);
        Assert.Equal(v2, (await store.ReadFileAsync("a.md", Ct))!.Version);
    }

    [Fact]
    public async Task HandEdit_KeepsTheMetadata_ButMakesHeldVersionsStale()
    {
        var store = new LocalContentStore(_root);
        var v1 = await store.WriteAsync("a.md", "tekst", null, Meta("gepubliceerd"), Ct);
        File.WriteAllText(Path.Combine(_root, "a.md"), "met de hand gewijzigd");

        var file = await store.ReadFileAsync("a.md", Ct);
        Assert.Equal(("met de hand gewijzigd", "gepubliceerd"), (file!.Text, file.Metadata["status"]));
        Assert.NotEqual(v1, file.Version);
        await Assert.ThrowsAsync<ContentConflictException>(() => store.WriteAsync("a.md", "kwijt?", v1, null, Ct));
        await store.WriteAsync("a.md", "verder", file.Version, null, Ct);
    }

    [Fact]
    public async Task Sidecar_Damaged_IsReportedWithTheFileToFix_AndTheTextStaysReadable()
    {
        var store = new LocalContentStore(_root);
        var v1 = await store.WriteAsync("aanbod/a.md", "tekst", null, Meta("gepubliceerd"), Ct);
        File.WriteAllText(Path.Combine(_root, "aanbod", ".a.md.meta.json"), "{ kapot");

        Assert.Equal("tekst", await store.ReadAsync("aanbod/a.md", Ct));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadFileAsync("aanbod/a.md", Ct));
        Assert.Contains(".a.md.meta.json", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidDataException>(() => store.WriteAsync("aanbod/a.md", "nieuw", v1, null, Ct));
        Assert.Equal("tekst", await store.ReadAsync("aanbod/a.md", Ct));
    }

    [Fact]
    public async Task Lock_HeldByAnotherProcess_MakesAWriterWait_NeverWriteAlongside()
    {
        // flock(1) from util-linux holds the same OS lock that FileShare.None takes, in a process of its own.
        var store = new LocalContentStore(_root, lockTimeout: TimeSpan.FromSeconds(1));
        var v1 = await store.WriteAsync("a.md", "een", null, null, Ct);
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", Path.Combine(_root, LocalContentStore.LockFile), "sh", "-c", "echo held; exec sleep 60"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            Assert.Equal("held", await holder.StandardOutput.ReadLineAsync(Ct));
            await Assert.ThrowsAsync<TimeoutException>(() => store.WriteAsync("a.md", "twee", v1, null, Ct));
            Assert.Equal("een", await store.ReadAsync("a.md", Ct));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync(Ct);
        }

        await store.WriteAsync("a.md", "twee", v1, null, Ct);
        Assert.Equal("twee", await store.ReadAsync("a.md", Ct));
    }

    [Fact]
    public async Task Write_IntoAFolderName_OrBelowAFile_IsRefusedCleanly()
    {
        var store = new LocalContentStore(_root);
        await store.WriteAsync("aanbod/a.md", "tekst", null, null, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("aanbod", "x", null, null, Ct));
        await Assert.ThrowsAnyAsync<IOException>(() => store.WriteAsync("aanbod/a.md/b.md", "x", null, null, Ct));
        Assert.Equal(["aanbod/a.md"], await store.ListAsync("", Ct).ToListAsync(Ct));
    }

    internal static void CopyRealContent(string target, IEnumerable<string>? aanbod = null)
    {
        foreach (var file in new[] { "taxonomie.yml", "synoniemen.txt", "postcodes/pc4.tsv", "taal/woorden.txt" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, file))!);
            File.Copy(Path.Combine(TestContent.ContentRoot, file), Path.Combine(target, file));
        }

        Directory.CreateDirectory(Path.Combine(target, "aanbod"));
        foreach (var file in aanbod ?? Directory.GetFiles(Path.Combine(TestContent.ContentRoot, "aanbod"), "*.md").Select(Path.GetFileName).OfType<string>())
        {
            File.Copy(Path.Combine(TestContent.ContentRoot, "aanbod", file), Path.Combine(target, "aanbod", file));
        }
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
