using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Indexer.Tests.Search;

/// <summary>
/// What inwoners actually type, against the real content of content/: the right aanbod must be near the top.
/// One index is built for the whole class (read-only use), in its own temp folder.
/// </summary>
public sealed class RealContentRelevanceTests(RealContentRelevanceTests.RealIndex fixture) : IClassFixture<RealContentRelevanceTests.RealIndex>
{
    public sealed class RealIndex : IAsyncLifetime
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "sk-real-" + Guid.NewGuid().ToString("N"));

        public SqliteSearchIndex Index { get; private set; } = null!;
        public KaartContent Content { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Content = await new ContentIndexer(new LocalContentStore(TestContent.ContentRoot)).ReadAsync();
            var options = new EmbeddedIndexOptions { Map = _folder };
            await new SqliteIndexWriter(options, TestContent.Analyzer, TimeProvider.System).RebuildAsync(ContentIndexer.Batch(Content));
            Index = new SqliteSearchIndex(options, FixedTimeProvider.AtLocal(2026, 11, 24, 15, 0));
        }

        public ValueTask DisposeAsync()
        {
            Index.Dispose();
            Directory.Delete(_folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private async Task<List<string>> Top(string tekst, int n = 5) =>
        (await fixture.Index.SearchAsync(new SearchQuery { Tekst = tekst, PerPagina = n })).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void Content_IsAllValid_AndMeetsTheDemoRequirements()
    {
        var c = fixture.Content;
        Assert.Empty(c.Problems);
        Assert.True(c.Aanbod.Count >= 150, $"{c.Aanbod.Count} aanbod");
        foreach (var domein in c.Taxonomie!.Levensdomeinen)
        {
            Assert.True(c.Aanbod.Count(a => a.Levensdomeinen.Contains(domein.Id)) >= 8, domein.Id);
        }

        Assert.True(c.Aanbod.Count(a => a.Toegang == Toegang.AchterHetLoket) >= 30);
        Assert.All(c.Aanbod.Where(a => a.Toegang == Toegang.AchterHetLoket), a => Assert.NotEmpty(a.WettelijkKader));
        Assert.True(c.Aanbod.Count(a => a.Organization.Soort == "vrijwilligersorganisatie" && a.Schedules.Count > 0) >= 40);
        Assert.InRange(c.Aanbod.Count(a => a.Bemoeizorg), 2, 10);
        Assert.All(c.Taxonomie.Wijken, w => Assert.Contains(c.Aanbod, a => a.Locations.Any(l => l.Wijk == w.Id)));
    }

    [Fact]
    public void Content_UsesOnlyExampleAddressesAndFakePhoneNumbers()
    {
        foreach (var a in fixture.Content.Aanbod)
        {
            foreach (var url in new[] { a.Url, a.Organization.Url }.OfType<string>())
            {
                Assert.Contains(".example.nl", url);
            }

            foreach (var mail in new[] { a.Email, a.Organization.Email }.OfType<string>())
            {
                Assert.EndsWith("example.nl", mail);
            }

            foreach (var phone in a.Phones.Select(p => p.Number).Append(a.Organization.Phone).OfType<string>())
            {
                Assert.StartsWith("0318 000", phone);
            }
        }
    }

    [Theory]
    [InlineData("ik heb schulden", "schuldhulpverlening-gemeente")]
    [InlineData("schulden", "schuldhulpverlening-gemeente")]
    [InlineData("geldzorgen", "geldpunt-inloop")]
    [InlineData("eenzaam", "maatje-voor-jou")]
    [InlineData("ik voel me alleen", "maatje-voor-jou")]
    [InlineData("hulp bij opvoeding", "opvoedspreekuur-kom-verder")]
    [InlineData("werk zoeken", "werkcafe-werkpunt")]
    [InlineData("mantelzorg", "mantelzorgondersteuning-de-schakel")]
    [InlineData("ik zorg voor mijn moeder", "mantelzorgondersteuning-de-schakel")]
    [InlineData("taalcafe", "taalcafe-de-brug")]
    [InlineData("huiselijk geweld", "steunpunt-huiselijk-geweld")]
    [InlineData("ik kan mijn huur niet betalen", "huurspreekuur-het-veenhuis")]
    [InlineData("schuldhulpverleening", "schuldhulpverlening-gemeente")]
    [InlineData("eenzaamheit", "maatje-voor-jou")]
    public async Task RealQuery_FindsTheRightAanbod_InTheTopFive(string tekst, string expected)
    {
        Assert.Contains(expected, await Top(tekst));
    }

    [Fact]
    public async Task RealQuery_Schulden_ShowsBothRoutes()
    {
        var results = await fixture.Index.SearchAsync(new SearchQuery { Tekst = "schulden", PerPagina = 10 });
        Assert.Contains(results.Hits, h => h.Toegang == Toegang.AchterHetLoket);
        Assert.Contains(results.Hits, h => h.Toegang == Toegang.AlgemeenToegankelijk);
    }
}
