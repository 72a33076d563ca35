using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;
using static SocialeKaart.Indexer.Tests.Support.TestContent;

namespace SocialeKaart.Indexer.Tests.Search;

/// <summary>The search behaviour suite against the embedded engine.</summary>
public sealed class EmbeddedSearchIndexTests : SearchIndexBehaviour, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sk-index-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteSearchIndex> _readers = [];

    protected override Task<(ISearchIndexWriter Writer, ISearchIndex Reader)> CreateAsync(TimeProvider clock)
    {
        var options = new EmbeddedIndexOptions { Map = Path.Combine(_folder, _readers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        var reader = new SqliteSearchIndex(options, clock);
        _readers.Add(reader);
        return Task.FromResult<(ISearchIndexWriter, ISearchIndex)>((new SqliteIndexWriter(options, TestContent.Analyzer, clock), reader));
    }

    private async Task<(EmbeddedIndexOptions Options, SqliteIndexWriter Writer)> BuiltAsync()
    {
        var options = new EmbeddedIndexOptions { Map = Path.Combine(_folder, "own-" + Guid.NewGuid().ToString("N")) };
        var writer = new SqliteIndexWriter(options, TestContent.Analyzer, Dinsdagmiddag());
        await writer.RebuildAsync(Batch(Corpus()));
        return (options, writer);
    }

    private SqliteSearchIndex Reader(EmbeddedIndexOptions options, bool deaf = false)
    {
        var reader = new SqliteSearchIndex(options, Dinsdagmiddag(), deaf);
        _readers.Add(reader);
        return reader;
    }

    [Fact]
    public async Task Update_SurvivesARestart()
    {
        var (options, writer) = await BuiltAsync();
        await writer.UpdateAsync(new IndexUpdate([Input(Aanbod("repaircafe", "Repair Café", "Spullen repareren met een soldeerbout."))], ["geldpunt"]));
        writer.Dispose();

        // A reader that opens the folder later (a restarted portal) reads the build and then its log.
        var reader = Reader(options);
        Assert.Equal(["repaircafe"], await IdsAsync(reader, "soldeerbout"));
        Assert.Null(await reader.GetAsync("geldpunt"));
        Assert.Equal(1, reader.Seq);
    }

    [Fact]
    public async Task Update_IsSeenByAReaderThatIsNotTold_ByPolling()
    {
        var (options, writer) = await BuiltAsync();
        var reader = Reader(options, deaf: true);
        Assert.Empty(await IdsAsync(reader, "soldeerbout"));

        await writer.UpdateAsync(new IndexUpdate([Input(Aanbod("repaircafe", "Repair Café", "Spullen repareren met een soldeerbout."))], []));

        // Like a portal instance in another process: it checks the log at most every quarter of a second.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await IdsAsync(reader, "soldeerbout")).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(["repaircafe"], await IdsAsync(reader, "soldeerbout"));
    }

    [Fact]
    public async Task Update_ByAnotherWriterInstance_ContinuesWhereTheLogIs()
    {
        var (options, first) = await BuiltAsync();
        await first.UpdateAsync(new IndexUpdate([Input(Aanbod("geldpunt", "Geldpunt", "Hulp bij post en rekeningen.", levensdomeinen: ["rondkomen"]))], []));
        first.Dispose();
        using var second = new SqliteIndexWriter(options, TestContent.Analyzer, Dinsdagmiddag());
        await second.UpdateAsync(new IndexUpdate([Input(Aanbod("geldpunt", "Geldpunt", "Hulp bij geldzorgen.", levensdomeinen: ["rondkomen"]))], []));

        var reader = Reader(options);
        var (rebuilt, rebuildWriter) = await BuiltAsync();
        await rebuildWriter.RebuildAsync(Batch(Corpus().Where(a => a.Id != "geldpunt").Append(Aanbod("geldpunt", "Geldpunt", "Hulp bij geldzorgen.", levensdomeinen: ["rondkomen"]))));
        var expected = Reader(rebuilt);
        foreach (var tekst in new[] { "rekeningen", "geldzorgen", "hulp", "" })
        {
            var a = await reader.SearchAsync(new SearchQuery { Tekst = tekst, PerPagina = 100 });
            var b = await expected.SearchAsync(new SearchQuery { Tekst = tekst, PerPagina = 100 });
            Assert.Equal(b.Hits.Select(h => (h.Id, h.Score)), a.Hits.Select(h => (h.Id, h.Score)));
        }
    }

    public void Dispose()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
