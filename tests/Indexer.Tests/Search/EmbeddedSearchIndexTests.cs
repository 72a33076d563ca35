using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
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

    // ---- Compaction: the log folded into a new build ------------------------------------------------------------------

    private static readonly SearchQuery[] CompactionQueries =
    [
        new(), new() { Sortering = Sortering.Naam, PerPagina = 100 }, new() { Tekst = "schulden", PerPagina = 100 },
        new() { Tekst = "koffie" }, new() { Tekst = "hulpverlening" }, new() { Tekst = "mantelzrog" }, new() { Tekst = "repareren" },
        new() { Tekst = "ik heb niemand om mee te praten" }, new SearchQuery { Tekst = "samen" }.WithFilter(Facetten.Levensdomein, "ontmoeten", "meedoen"),
        new SearchQuery().WithFilter(Facetten.Wanneer, Facetten.OpenNu), new() { Postcode = "3905", Sortering = Sortering.Afstand, PerPagina = 100 },
    ];

    /// <summary>Updates of every kind (add, replace, delete, delete and add again), and the aanbod that results.</summary>
    private static (IndexUpdate[] Updates, List<Aanbod> Final) UpdatesOfEveryKind()
    {
        var final = Corpus().ToDictionary(a => a.Id);
        var updates = new List<IndexUpdate>();
        void Upsert(params Aanbod[] aanbod)
        {
            updates.Add(new IndexUpdate(aanbod.Select(Input).ToList(), []));
            foreach (var a in aanbod)
            {
                final[a.Id] = a;
            }
        }

        void Delete(params string[] ids)
        {
            updates.Add(new IndexUpdate([], ids));
            foreach (var id in ids)
            {
                final.Remove(id);
            }
        }

        Upsert(Aanbod("repaircafe", "Repair Café", "Spullen repareren met een soldeerbout.", locaties: [Locatie("3904", "west")]));
        Upsert(Aanbod("geldpunt", "Geldpunt", "Hulp bij geldzorgen en schulden.", levensdomeinen: ["rondkomen"],
            intern: new InternAanbod("Alleen na intake.", "Codewoord.")));
        Delete("speelotheek", "bestaat-niet");
        Upsert(Aanbod("buurtkamer", "Buurtkamer Oost", "Koffie en een praatje.", "Iedere ochtend open.", levensdomeinen: ["ontmoeten"],
            locaties: [Locatie("3907", "oost")], tijden: [Wekelijks("MO,TU,WE,TH,FR", "09:00", "12:00")]));
        Upsert(Aanbod("speelotheek", "Speel-o-theek Kikker", "Speelgoed lenen voor uw kind.", levensdomeinen: ["opgroeien"]));
        Upsert(Aanbod("repaircafe", "Repair Café De Schroevendraaier", "Samen kapotte spullen repareren.", tijden: [Wekelijks("TU", "13:00", "17:00")]));
        return (updates.ToArray(), final.Values.ToList());
    }

    private static async Task<List<string>> DescribeAsync(ISearchIndex index, IEnumerable<string> ids)
    {
        var result = new List<string>();
        foreach (var query in CompactionQueries)
        {
            result.Add(Json(await index.SearchAsync(query)));
        }

        foreach (var prefix in new[] { "sch", "koffie", "buurt", "speel", "repair", "geld" })
        {
            result.Add(Json(await index.SuggestAsync(prefix)));
        }

        foreach (var id in ids)
        {
            result.Add(Json(await index.GetAsync(id, metIntern: true)));
        }

        return result;

        static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);
    }

    private static string Current(EmbeddedIndexOptions options) => File.ReadAllText(Path.Combine(options.Map, "current"));

    [Fact]
    public async Task Compact_FoldsTheLog_AReaderOpeningAfterwardsSeesWhatARebuildGives()
    {
        var (options, writer) = await BuiltAsync();
        var following = Reader(options);
        var (updates, final) = UpdatesOfEveryKind();
        foreach (var update in updates)
        {
            await writer.UpdateAsync(update);
        }

        var ids = final.Select(a => a.Id).Append("bestaat-niet").ToList();
        var beforeCompaction = await DescribeAsync(following, ids);
        var build = Current(options);

        Assert.True(await writer.CompactAsync());

        var (rebuilt, rebuildWriter) = await BuiltAsync();
        await rebuildWriter.RebuildAsync(Batch(final.OrderByDescending(a => a.Id, StringComparer.Ordinal)));
        var expected = await DescribeAsync(Reader(rebuilt), ids);
        var opened = Reader(options);
        Assert.NotEqual(build, Current(options));
        Assert.Equal(0, opened.Seq); // it starts from the new build, with no log to apply
        Assert.Equal(expected, await DescribeAsync(opened, ids));
        Assert.Equal(expected, beforeCompaction);
        Assert.Equal(expected, await DescribeAsync(following, ids)); // the reader that was open follows the swap
        Assert.False(await writer.CompactAsync()); // nothing left to fold
    }

    [Fact]
    public async Task Compact_AfterTheConfiguredNumberOfUpdates_AndLaterUpdatesGoToTheNewLog()
    {
        var options = new EmbeddedIndexOptions { Map = Path.Combine(_folder, "own-" + Guid.NewGuid().ToString("N")), CompactAfterUpdates = 3 };
        using var writer = new SqliteIndexWriter(options, TestContent.Analyzer, Dinsdagmiddag());
        await writer.RebuildAsync(Batch(Corpus()));
        var build = Current(options);
        var (updates, _) = UpdatesOfEveryKind();

        await writer.UpdateAsync(updates[0]);
        await writer.UpdateAsync(updates[1]);
        Assert.Equal(build, Current(options));
        Assert.Equal(2, Reader(options).Seq);

        await writer.UpdateAsync(updates[2]);
        Assert.NotEqual(build, Current(options));
        var opened = Reader(options);
        Assert.Equal(0, opened.Seq);
        Assert.Equal(["repaircafe"], await IdsAsync(opened, "soldeerbout"));
        Assert.Null(await opened.GetAsync("speelotheek"));
        Assert.Equal("Alleen na intake.", (await opened.GetAsync("geldpunt", metIntern: true))?.Intern?.Toewijzingscriteria);

        await writer.UpdateAsync(updates[3]);
        var later = Reader(options);
        Assert.Equal(1, later.Seq);
        Assert.Equal(["buurtkamer"], await IdsAsync(later, "praatje"));
    }

    [Fact]
    public async Task Compact_ThatFailsBeforeTheSwap_LosesNoUpdate()
    {
        var (options, writer) = await BuiltAsync();
        var (updates, final) = UpdatesOfEveryKind();
        foreach (var update in updates[..3])
        {
            await writer.UpdateAsync(update);
        }

        var build = Current(options);
        var ids = final.Select(a => a.Id).ToList();

        // The new build is written and durable, but the pointer cannot be replaced: as if the process died right there.
        var pointerTmp = Path.Combine(options.Map, "current.tmp");
        Directory.CreateDirectory(pointerTmp);
        await Assert.ThrowsAnyAsync<Exception>(() => writer.CompactAsync());
        Assert.Equal(build, Current(options));
        Directory.Delete(pointerTmp);

        // Readers, old and new, and a writer after a restart go on with the build and its whole log.
        writer.Dispose();
        using var restarted = new SqliteIndexWriter(options, TestContent.Analyzer, Dinsdagmiddag());
        foreach (var update in updates[3..])
        {
            await restarted.UpdateAsync(update);
        }

        var withLog = Reader(options);
        Assert.Equal(updates.Length, withLog.Seq);
        var expected = await DescribeAsync(withLog, ids);

        Assert.True(await restarted.CompactAsync());
        Assert.Equal(expected, await DescribeAsync(Reader(options), ids));
    }

    [Fact]
    public async Task Compact_AnUpdateThatArrivesMeanwhile_IsNotLost_AndEverySearchAnswers()
    {
        var (options, writer) = await BuiltAsync();
        await writer.UpdateAsync(new IndexUpdate([Input(Aanbod("klus-0", "Klusdienst", "Kleine klussen in huis."))], []));
        var reader = Reader(options);
        var total = (await reader.SearchAsync(new SearchQuery())).Totaal;

        // Halfway through writing the new build (its documents written, not yet swapped in), an update arrives and
        // searches go on.
        var midway = new Midway(() =>
        {
            var update = writer.UpdateAsync(new IndexUpdate([Input(Aanbod("klus-1", "Klusdienst Noord", "Kleine klussen in huis."))], []));
            var totaal = reader.SearchAsync(new SearchQuery()).GetAwaiter().GetResult().Totaal;
            return (update, totaal);
        });
        Assert.True(await writer.CompactAsync(midway));
        var (late, during) = midway.Result!.Value;
        await late;

        Assert.Equal(total, during);
        var opened = Reader(options);
        Assert.Equal(["klus-0", "klus-1"], (await IdsAsync(opened, "klusdienst")).Order(StringComparer.Ordinal));
        Assert.Equal(1, opened.Seq); // the late update is in the new build's log
        Assert.Equal(total + 1, (await reader.SearchAsync(new SearchQuery())).Totaal);
    }

    private sealed class Midway(Func<(Task, int)> action) : IProgress<int>
    {
        public (Task Update, int Totaal)? Result { get; private set; }

        public void Report(int value) => Result ??= action();
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
