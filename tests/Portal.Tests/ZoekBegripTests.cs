using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialeKaart.Portal.Tests;

/// <summary>Issue 11 on the pages and the API: crisis help first, honest without a searchable word, other languages,
/// no needless "bedoelde u", filters as a disclosure and "Zet op mijn lijstje" back to the same result.</summary>
public sealed class ZoekBegripTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client = factory.Client();

    [Theory]
    [InlineData("ik wil niet meer leven", "tel:08000113")]
    [InlineData("mijn man slaat mij", "tel:08002000")]
    [InlineData("mijn stiefvader slaat mijn kind", "tel:08002000")]
    [InlineData("ik moet vannacht buiten slapen", "/aanbod/maatschappelijke-opvang-de-herberg")]
    public async Task Search_AcuteDanger_ShowsCrisisHelpBeforeAnyAanbod(string tekst, string link)
    {
        var (response, doc) = await _client.GetPageAsync("/zoeken?q=" + Uri.EscapeDataString(tekst));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var crisis = doc.QuerySelector("main .crisis")!;
        Assert.NotNull(crisis.QuerySelector("a[href='tel:112']"));
        Assert.NotNull(crisis.QuerySelector($"a[href='{link}']"));

        // Before the search box, the filters and the first aanbod in the page.
        var all = doc.QuerySelectorAll("main *").ToList();
        Assert.True(all.IndexOf(crisis) < all.IndexOf(doc.QuerySelector("main form[role=search]")!));
        if (doc.QuerySelector("ol.lijst") is { } lijst)
        {
            Assert.True(all.IndexOf(crisis) < all.IndexOf(lijst));
        }
    }

    [Theory]
    [InlineData("taalcafé")]
    [InlineData("schulden")]
    [InlineData("straatwerk")]
    public async Task Search_NoDanger_ShowsNoCrisisBlock(string tekst)
    {
        var (_, doc) = await _client.GetPageAsync("/zoeken?q=" + Uri.EscapeDataString(tekst));
        Assert.Null(doc.QuerySelector("main .crisis"));
        Assert.NotNull(doc.QuerySelector("ol.lijst"));
    }

    [Fact]
    public async Task Api_AcuteDanger_HasCrisisHelpBeforeTheHits()
    {
        var body = await _client.GetStringAsync("/api/zoeken?q=" + Uri.EscapeDataString("ik denk aan zelfmoord"));
        var json = JsonDocument.Parse(body).RootElement;
        var crisis = json.GetProperty("crisis");
        Assert.Equal("112", crisis[0].GetProperty("telefoon").GetString());
        Assert.Contains(crisis.EnumerateArray(), c => c.GetProperty("soort").GetString() == "zelfdoding" && c.GetProperty("telefoon").GetString() == "0800-0113");
        Assert.True(body.IndexOf("\"crisis\"", StringComparison.Ordinal) < body.IndexOf("\"hits\"", StringComparison.Ordinal));

        var gewoon = await _client.GetFromJsonAsync<JsonElement>("/api/zoeken?q=taalcafe");
        Assert.Equal(0, gewoon.GetProperty("crisis").GetArrayLength());
    }

    [Theory]
    [InlineData("???")]
    [InlineData("😀🙏")]
    [InlineData("\"\" AND OR *")]
    [InlineData("-() :: ** || &&")]
    public async Task Search_NoSearchableWord_ShowsNothingWithAClearWayOn(string tekst)
    {
        var (response, doc) = await _client.GetPageAsync("/zoeken?q=" + Uri.EscapeDataString(tekst));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Geen woord om op te zoeken", doc.QuerySelector("#aantal-kop")!.TextContent);
        Assert.Null(doc.QuerySelector("ol.lijst"));
        Assert.Contains("geen woord waarmee we kunnen zoeken", doc.QuerySelector(".geen")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".geen a[href='/melding']"));
        Assert.NotEmpty(doc.QuerySelectorAll(".geen a[href^='/zoeken?levensdomein=']"));

        var json = await _client.GetFromJsonAsync<JsonElement>("/api/zoeken?q=" + Uri.EscapeDataString(tekst));
        Assert.Equal(0, json.GetProperty("totaal").GetInt32());
        Assert.True(json.GetProperty("geenZoekwoord").GetBoolean());
    }

    // Two words no aanbod has together find nothing (not aanbod for one of them); each word is a search of its own.
    [Fact]
    public async Task Search_TwoWordsNotTogetherOnTheKaart_FindsNothing_AndOffersEachWord()
    {
        var (response, doc) = await _client.GetPageAsync("/zoeken?q=" + Uri.EscapeDataString("vakantie boeken"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(doc.QuerySelector("ol.lijst"));
        var links = doc.QuerySelectorAll(".geen a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/zoeken?q=vakantie", links);
        Assert.Contains("/zoeken?q=boeken", links);
        Assert.NotNull(doc.QuerySelector(".geen a[href='/melding']"));

        var (_, vakantie) = await _client.GetPageAsync("/zoeken?q=vakantie");
        Assert.NotNull(vakantie.QuerySelector("ol.lijst"));
    }

    [Theory]
    [InlineData("debt help", "en", "ltr")]
    [InlineData("ديون", "ar", "rtl")]
    [InlineData("борги", "uk", "ltr")]
    [InlineData("długi", "pl", "ltr")]
    [InlineData("borçlarım var", "tr", "ltr")]
    public async Task Search_OtherLanguage_FindsTheDutchAanbodAndSaysItIsInDutch(string tekst, string taal, string richting)
    {
        var (_, doc) = await _client.GetPageAsync("/zoeken?q=" + Uri.EscapeDataString(tekst));
        var ids = doc.QuerySelectorAll("ol.lijst h3 a").Select(a => a.GetAttribute("href")).Take(5).ToList();
        Assert.Contains(ids, h => h is "/aanbod/schuldhulpverlening-gemeente" or "/aanbod/geldpunt-inloop");
        var melding = doc.QuerySelector($".treffers p[lang='{taal}']")!;
        Assert.Equal(richting, melding.GetAttribute("dir"));
        Assert.Null(doc.QuerySelector(".bedoelde"));

        var json = await _client.GetFromJsonAsync<JsonElement>("/api/zoeken?q=" + Uri.EscapeDataString(tekst));
        Assert.Equal(taal, json.GetProperty("taal").GetString());
    }

    [Theory]
    [InlineData("ik voel me alleen")]
    [InlineData("afgesloten van energie")]
    [InlineData("help with loneliness")]
    [InlineData("eenzaam")]
    public async Task Search_CorrectWords_NoBedoeldeU(string tekst)
    {
        var (_, doc) = await _client.GetPageAsync("/zoeken?q=" + Uri.EscapeDataString(tekst));
        Assert.Null(doc.QuerySelector(".bedoelde"));
        Assert.NotNull(doc.QuerySelector("ol.lijst"));
    }

    [Fact]
    public async Task Search_Filters_AreADisclosureClosedByDefault()
    {
        var (_, doc) = await _client.GetPageAsync("/zoeken?q=schulden");
        var details = doc.QuerySelector("aside.filters > details")!;
        Assert.False(details.HasAttribute("open"));
        Assert.Equal("Filters", details.QuerySelector("summary #filters-kop")!.TextContent.Trim());
        Assert.NotEmpty(details.QuerySelectorAll(".facet a"));

        var (_, gekozen) = await _client.GetPageAsync("/zoeken?q=schulden&toegang=algemeen-toegankelijk");
        Assert.Equal("Filters (1 gekozen)", gekozen.QuerySelector("#filters-kop")!.TextContent.Trim());
    }

    [Fact]
    public async Task Search_ZetOpMijnLijstje_ReturnsToTheSameResult()
    {
        var client = factory.Client();
        var (_, doc) = await client.GetPageAsync("/zoeken?q=taalcaf%C3%A9");
        var form = doc.QuerySelector("article[aria-labelledby='t-taalcafe-de-linde'] form[action='/lijstje/toevoegen']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var response = await client.PostAsync("/lijstje/toevoegen", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/zoeken?q=taalcaf%C3%A9#t-taalcafe-de-linde", response.Headers.Location!.OriginalString);

        var (_, terug) = await client.GetPageAsync("/zoeken?q=taalcaf%C3%A9");
        Assert.NotNull(terug.QuerySelector("#t-taalcafe-de-linde"));
        Assert.NotNull(terug.QuerySelector("article[aria-labelledby='t-taalcafe-de-linde'] form[action='/lijstje/verwijderen']"));
    }
}
