using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Stuurinformatie;

namespace SocialeKaart.Portal.Tests.Stuurinformatie;

public sealed class ZoektermenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly HashSet<string> Woorden = ["schulden", "kinderopvang", "hulp", "bakker", "eenzaam", "jan"];

    [Theory]
    [InlineData("schulden", new[] { "schulden" })]
    [InlineData("Schulden en kinderopvang", new[] { "schulden", "kinderopvang" })]
    [InlineData("hulp voor Jan Bakker", new[] { "hulp" })]                              // capitalised words after the first: names
    [InlineData("jansen schulden", new[] { "schulden" })]                               // not a Dutch word: a name or a typo
    [InlineData("schulden jan.bakker@example.nl", new[] { "schulden" })]
    [InlineData("hulp 06-12345678", new[] { "hulp" })]
    [InlineData("hulp +31 318 123 456", new[] { "hulp" })]
    [InlineData("kinderopvang 3901 AB", new[] { "kinderopvang" })]
    [InlineData("kinderopvang 3901ab hulp2 www.bakker.nl", new[] { "kinderopvang" })]
    [InlineData("de het een", new string[0])]                                           // stop words
    [InlineData("hulp hulp HULP", new[] { "hulp" })]
    public void Normaliseer_KeepsOnlyOrdinaryWords(string zoekvraag, string[] verwacht) =>
        Assert.Equal(verwacht, ZoektermenZonderResultaat.Normaliseer(zoekvraag, Woorden.Contains));

    [Fact]
    public async Task SearchPage_WithoutResults_CountsOnlyTheNormalisedWords_PerWeek()
    {
        var client = factory.Client();
        const string Vraag = "paardrijden Zonnebloem 06-55512345 zonnebloem@example.nl qqxvbz";
        var pagina = await client.GetAsync("/zoeken?q=" + Uri.EscapeDataString(Vraag));
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.Contains("Geen resultaten", await pagina.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A search with results counts nothing.
        await client.GetAsync("/zoeken?q=schulden");

        var store = factory.Services.GetRequiredService<IMakelpuntStore>();
        var tellingen = await store.ZoektermenAsync("2000-W01", "2999-W52");
        Assert.Equal(["paardrijden"], tellingen.Select(t => t.Term));
        Assert.Equal(IsoWeek.Van(NederlandseTekstVandaag()), tellingen[0].Week);

        // The store file holds no part of the query but the one word.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bestand = Path.Combine(factory.Map, "makelpunt.db");
        var inhoud = string.Concat(new[] { bestand, bestand + "-wal" }.Where(File.Exists).Select(f =>
        {
            using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var r = new StreamReader(s, System.Text.Encoding.Latin1);
            return r.ReadToEnd();
        }));
        Assert.DoesNotContain("onnebloem", inhoud, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("55512345", inhoud, StringComparison.Ordinal);
        Assert.DoesNotContain("qqxvbz", inhoud, StringComparison.Ordinal);
    }

    private static DateOnly NederlandseTekstVandaag() => Features.NederlandseTekst.Dag(DateTimeOffset.UtcNow);
}
