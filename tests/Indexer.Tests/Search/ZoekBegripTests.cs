using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Indexer.Tests.Search;

/// <summary>
/// The embedded index of the real content/ (aanbod, synonyms, situaties.txt, talen.txt), built once in a temp folder
/// and only read by the tests.
/// </summary>
public sealed class EchteKaart : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sk-echte-kaart-" + Guid.NewGuid().ToString("N"));

    public SqliteSearchIndex Index { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var content = await new ContentIndexer(new LocalContentStore(TestContent.ContentRoot)).ReadAsync();
        var options = new EmbeddedIndexOptions { Map = _folder };
        await new SqliteIndexWriter(options, TestContent.Analyzer, TimeProvider.System).RebuildAsync(ContentIndexer.Batch(content));
        Index = new SqliteSearchIndex(options, TimeProvider.System);
    }

    public ValueTask DisposeAsync()
    {
        Index.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Issue 11 on the real content: situations, everyday Dutch, crisis, "bedoelde u", other languages.</summary>
public sealed class ZoekBegripTests(EchteKaart kaart) : IClassFixture<EchteKaart>
{
    private async Task<SearchResults> ZoekAsync(string tekst) =>
        await kaart.Index.SearchAsync(new SearchQuery { Tekst = tekst, PerPagina = 10 });

    private async Task<List<string>> Top3Async(string tekst) => (await ZoekAsync(tekst)).Hits.Take(3).Select(h => h.Id).ToList();

    // ---- Situations and everyday words ---------------------------------------------------------------------------

    [Theory]
    [InlineData("ik kan de huur niet meer betalen", "huurspreekuur-het-veenhuis")]
    [InlineData("mijn vader vergeet steeds meer", "casemanager-dementie")]
    [InlineData("ik word thuis geslagen", "steunpunt-huiselijk-geweld")]
    [InlineData("ik heb mijn baan verloren", "werkcafe-werkpunt")]
    [InlineData("mijn moeder kan niet meer alleen wonen", "woonbegeleiding-aan-huis")]
    public async Task Search_Situation_FindsItsAanbodInTheTop3(string tekst, string verwacht)
    {
        Assert.Contains(verwacht, await Top3Async(tekst));
    }

    [Theory]
    [InlineData("geen cent te makken", "geldpunt-inloop")]
    [InlineData("de eindjes aan elkaar knopen", "geldpunt-inloop")]
    [InlineData("krap bij kas", "geldpunt-inloop")]
    [InlineData("op straat staan", "maatschappelijke-opvang-de-herberg")]
    public async Task Search_Colloquial_FindsItsAanbodInTheTop3(string tekst, string verwacht)
    {
        Assert.Contains(verwacht, await Top3Async(tekst));
    }

    [Fact]
    public async Task Search_JobLoss_FindsWorkNotOnlyTaxes()
    {
        // The issue: a sentence about losing one's job gave Kwijtschelding and no werk aanbod.
        var top = (await ZoekAsync("ik ben mijn werk kwijt")).Hits.Take(5).ToList();
        Assert.Contains(top, h => h.Levensdomeinen.Contains("werken"));
        Assert.NotEqual("kwijtschelding-gemeentebelastingen", top[0].Id);
    }

    // ---- Crisis first --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("zelfmoord", CrisisSoort.Zelfdoding)]
    [InlineData("ik wil niet meer leven", CrisisSoort.Zelfdoding)]
    [InlineData("ik word thuis geslagen", CrisisSoort.HuiselijkGeweld)]
    [InlineData("mijn vriend bedreigt mij", CrisisSoort.HuiselijkGeweld)]
    [InlineData("kindermishandeling", CrisisSoort.Kindermishandeling)]
    [InlineData("ik slaap vannacht buiten", CrisisSoort.Dakloos)]
    [InlineData("ik sta op straat", CrisisSoort.Dakloos)]
    [InlineData("suicide", CrisisSoort.Zelfdoding)]
    [InlineData("intihar etmek istiyorum", CrisisSoort.Zelfdoding)]
    public async Task Search_AcuteDanger_SaysWhichCrisis(string tekst, string soort)
    {
        Assert.Contains(soort, (await ZoekAsync(tekst)).Crisis);
    }

    [Fact]
    public async Task Search_Zelfmoord_RanksThePraatlijnAboveStraatwerk()
    {
        var ids = (await ZoekAsync("zelfmoord")).Hits.Select(h => h.Id).ToList();
        Assert.Equal("praatlijn-veenendaal", ids[0]);
    }

    [Theory]
    [InlineData("schulden")]
    [InlineData("rouw")]
    [InlineData("straatwerk")]
    [InlineData("huiselijke hulp")]
    [InlineData("slaapproblemen")]
    [InlineData("op straat staan")]
    [InlineData("ik dreig op straat te komen staan")]
    public async Task Search_NoDanger_ShowsNoCrisis(string tekst)
    {
        Assert.Empty((await ZoekAsync(tekst)).Crisis);
    }

    // ---- "Bedoelde u" only when it helps -------------------------------------------------------------------------

    [Theory]
    [InlineData("ik voel me alleen")]
    [InlineData("afgesloten van energie")]
    [InlineData("I have debts")]
    [InlineData("help")]
    [InlineData("eenzaam")]
    [InlineData("dementia")]
    public async Task Search_CorrectWords_AreNeverRewritten(string tekst)
    {
        var r = await ZoekAsync(tekst);
        Assert.Null(r.BedoeldeU);
        Assert.True(r.Totaal > 0);
    }

    [Theory]
    [InlineData("schuldhulpverlenign", "schuldhulpverlening-gemeente")]
    [InlineData("woonbegeleidnig", "woonbegeleiding-aan-huis")]
    [InlineData("budget cursus", "budgetcursus-rond-met-geld")]
    [InlineData("klusjesdienst", "klussendienst-goede-buren")]
    public async Task Search_TyposAndCompounds_StillFindTheirAanbod(string tekst, string verwacht)
    {
        Assert.Contains(verwacht, await Top3Async(tekst));
    }

    [Fact]
    public async Task Search_Eenzaam_MultiWordRuleDoesNotLeakIntoWeinig()
    {
        // The issue: the rule "weinig contacten" made Bijstandsuitkering match "eenzaam" through the word "weinig".
        var ids = (await kaart.Index.SearchAsync(new SearchQuery { Tekst = "eenzaam", PerPagina = 100 })).Hits.Select(h => h.Id).ToList();
        Assert.DoesNotContain("bijstandsuitkering", ids);
        Assert.Contains("maatje-voor-jou", ids.Take(3));
    }

    // ---- Other languages -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("debt", "en")]
    [InlineData("borç", "tr")]
    [InlineData("ديون", "ar")]
    [InlineData("الدُّيُون", "ar")]
    [InlineData("długi", "pl")]
    [InlineData("dlugi", "pl")]
    [InlineData("борги", "uk")]
    public async Task Search_DebtInOtherLanguages_FindsTheDutchDebtHelp(string tekst, string taal)
    {
        var r = await ZoekAsync(tekst);
        Assert.Equal(taal, r.Taal);
        Assert.Contains(r.Hits.Take(3), h => h.Levensdomeinen.Contains("rondkomen"));
        Assert.Null(r.BedoeldeU);
    }

    [Theory]
    [InlineData("i feel lonely", "en")]
    [InlineData("yalnızım", "tr")]
    [InlineData("أشعر بالوحدة", "ar")]
    [InlineData("czuję się samotny", "pl")]
    [InlineData("я самотній", "uk")]
    public async Task Search_LonelinessInOtherLanguages_FindsTheDutchAanbod(string tekst, string taal)
    {
        var r = await ZoekAsync(tekst);
        Assert.Equal(taal, r.Taal);
        Assert.Contains(r.Hits.Take(3).Select(h => h.Id), id => id is "maatje-voor-jou" or "huiskamer-de-linde-inloop" or "telefooncirkel");
    }

    [Fact]
    public async Task Search_Dutch_HasNoLanguageNotice()
    {
        Assert.Null((await ZoekAsync("ik voel me eenzaam")).Taal);
        Assert.Null((await ZoekAsync("de pot is leeg")).Taal);
    }

    // ---- Honest when there is nothing ----------------------------------------------------------------------------

    [Theory]
    [InlineData("!!!")]
    [InlineData("🙂🙂")]
    [InlineData("* AND OR")]
    [InlineData("ik wil")]
    public async Task Search_NoSearchableWord_GivesNothing(string tekst)
    {
        var r = await ZoekAsync(tekst);
        Assert.Equal(0, r.Totaal);
        Assert.True(r.GeenZoekwoord);
    }

    [Fact]
    public async Task Search_OnlyGeneralWordsAndUnknownOnes_GivesNothingRatherThanEverything()
    {
        // "hulp" alone would find half the kaart; the word that says what it is about is not on the kaart.
        var r = await ZoekAsync("hulp bij paardrijden");
        Assert.True(r.Totaal <= 3, $"{r.Totaal} results");
    }
}
