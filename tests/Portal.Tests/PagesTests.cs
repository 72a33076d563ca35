using Microsoft.Extensions.DependencyInjection;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SocialeKaart.Portal.Tests;

public sealed class PagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client = factory.Client();

    private static void AssertPageBasics(IHtmlDocument doc)
    {
        Assert.Equal("nl", doc.DocumentElement.GetAttribute("lang"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.NotNull(doc.QuerySelector("a.skiplink[href='#inhoud']"));
        Assert.NotNull(doc.QuerySelector("main#inhoud"));
        Assert.NotNull(doc.QuerySelector("header"));
        Assert.NotNull(doc.QuerySelector("footer"));
        Assert.False(string.IsNullOrWhiteSpace(doc.Title));
        Assert.Empty(doc.QuerySelectorAll("script:not([src])"));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        foreach (var input in doc.QuerySelectorAll("input:not([type=hidden])"))
        {
            Assert.NotNull(doc.QuerySelector($"label[for='{input.Id}']"));
        }
    }

    [Fact]
    public async Task Home_ShowsSearchTopicsRoutesAndAcuteHelp()
    {
        var (response, doc) = await _client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPageBasics(doc);
        Assert.Equal("Waar zoekt u hulp bij?", doc.QuerySelector("label[for=q]")!.TextContent);
        Assert.Equal("get", doc.QuerySelector("form[role=search]")!.GetAttribute("method"));
        Assert.Equal(9, doc.QuerySelectorAll(".tegels a[href^='/zoeken?levensdomein=']").Length);
        Assert.Contains("Direct naar een aanbieder", doc.Body!.TextContent);
        Assert.Contains("Via het loket van de gemeente", doc.Body.TextContent);
        Assert.NotNull(doc.QuerySelector("a[href='tel:112']"));
        Assert.NotNull(doc.QuerySelector("a[href='tel:08002000']"));
        Assert.NotNull(doc.QuerySelector("a[href='tel:08000113']"));
        Assert.NotNull(doc.QuerySelector("a[href='/melding']"));
    }

    [Fact]
    public async Task Search_Schulden_ShowsHitsWithRouteLabelsHighlightsAndFacets()
    {
        var (response, doc) = await _client.GetPageAsync("/zoeken?q=schulden");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPageBasics(doc);
        var hits = doc.QuerySelectorAll("article.treffer");
        Assert.Equal(10, hits.Length);
        Assert.Contains(hits, h => h.TextContent.Contains("Via het loket: u doet eerst een melding.", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.TextContent.Contains("Direct toegankelijk: u kunt zelf contact opnemen.", StringComparison.Ordinal));
        Assert.NotEmpty(doc.QuerySelectorAll("article.treffer mark"));
        Assert.Contains(doc.QuerySelectorAll(".facet a"), a => a.GetAttribute("href") == "/zoeken?q=schulden&levensdomein=rondkomen");
        Assert.Contains(doc.QuerySelectorAll(".paginering a"), a => a.GetAttribute("href") == "/zoeken?q=schulden&pagina=2");
        Assert.Equal("schulden", doc.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_ActiveFilters_AreShownAndRemovableOneByOne()
    {
        var (_, doc) = await _client.GetPageAsync("/zoeken?q=schulden&levensdomein=rondkomen&toegang=algemeen-toegankelijk");
        var chips = doc.QuerySelectorAll(".actief ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/zoeken?q=schulden&toegang=algemeen-toegankelijk", "/zoeken?q=schulden&levensdomein=rondkomen"], chips);
        Assert.All(doc.QuerySelectorAll("article.treffer"), h => Assert.Contains("Direct toegankelijk", h.TextContent));
        // The search box keeps the filters when searching again.
        Assert.NotNull(doc.QuerySelector("form[role=search] input[type=hidden][name=levensdomein][value=rondkomen]"));
    }

    [Fact]
    public async Task Search_WithPostcode_ShowsDistanceAndSortsByIt()
    {
        var (_, doc) = await _client.GetPageAsync("/zoeken?q=taal&postcode=3905%20KL&sorteer=afstand");
        Assert.Contains("km van u", doc.QuerySelector("article.treffer .aanbieder")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".sorteren [aria-current=true]"));
    }

    [Fact]
    public async Task Search_ZeroResults_IsNoDeadEnd()
    {
        var (response, doc) = await _client.GetPageAsync("/zoeken?q=xyzzyq");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Geen resultaten", doc.QuerySelector("#aantal-kop")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".geen a[href='/melding']"));
        Assert.Equal(9, doc.QuerySelectorAll(".geen a[href^='/zoeken?levensdomein=']").Length);
    }

    [Fact]
    public async Task Search_Typo_OffersBedoeldeU()
    {
        var (_, doc) = await _client.GetPageAsync("/zoeken?q=eenzaamheit");
        var link = doc.QuerySelector(".bedoelde a")!;
        Assert.Equal("eenzaamheid", link.TextContent);
        Assert.Equal("/zoeken?q=eenzaamheid", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/zoeken?levensdomein=vissen", "We kennen 'vissen' niet")]
    [InlineData("/zoeken?pagina=-1", "Het paginanummer moet een getal")]
    [InlineData("/zoeken?pagina=abc", "Het paginanummer moet een getal")]
    [InlineData("/zoeken?postcode=12345", "Vul een postcode in")]
    [InlineData("/zoeken?sorteer=random", "Sorteren kan op")]
    [InlineData("/zoeken?straal=-5&postcode=3901", "Kies een afstand")]
    public async Task Search_BadParameter_Is400WithAClearMessage(string url, string message)
    {
        var (response, doc) = await _client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, doc.QuerySelector(".foutoverzicht")!.TextContent);
        Assert.NotEmpty(doc.QuerySelectorAll("article.treffer")); // the rest of the search still works
    }

    [Theory]
    [InlineData("/zoeken?pagina=22")]
    [InlineData("/zoeken?pagina=1000")]
    [InlineData("/zoeken?q=schulden&pagina=999")]
    public async Task Search_PagePastTheEnd_SaysSoAndLinksBack(string url)
    {
        var (response, doc) = await _client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bestaat niet", doc.QuerySelector("#aantal-kop")!.TextContent);
        Assert.NotEmpty(doc.QuerySelectorAll(".paginering a"));
    }

    [Fact]
    public async Task Search_VeryLongQuery_Is400AndLinksTheErrorToTheField()
    {
        var (response, doc) = await _client.GetPageAsync("/zoeken?q=" + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("#q", doc.QuerySelector(".foutoverzicht a")!.GetAttribute("href"));
        Assert.Equal("true", doc.QuerySelector("input#q")!.GetAttribute("aria-invalid"));
        Assert.Contains("q-fout", doc.QuerySelector("input#q")!.GetAttribute("aria-describedby"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\" onmouseover=\"alert(1)")]
    [InlineData("NEAR( * AND \"")]
    [InlineData("😀 schulden")]
    public async Task Search_AnyInput_IsEncodedAndNeverAnError(string q)
    {
        var response = await _client.GetAsync("/zoeken?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("\" onmouseover=\"alert", html);
    }

    [Fact]
    public async Task Aanbod_AlgemeenToegankelijk_ShowsContactLocationTimesAndCheckedDate()
    {
        var (response, doc) = await _client.GetPageAsync("/aanbod/taalcafe-de-brug");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPageBasics(doc);
        Assert.Equal("Taalcafé De Brug", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("Direct toegankelijk", doc.QuerySelector(".toegang")!.TextContent);
        Assert.NotEmpty(doc.QuerySelectorAll("a[href^='tel:0318000']"));
        Assert.NotNull(doc.QuerySelector("address a[href^='https://www.openstreetmap.org/']"));
        Assert.NotNull(doc.QuerySelector("#tijden-kop"));
        Assert.StartsWith("Laatst gecontroleerd:", doc.QuerySelector(".gecontroleerd")!.TextContent);
        Assert.NotNull(doc.QuerySelector("form[action='/lijstje/toevoegen'] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task Aanbod_AchterHetLoket_ExplainsTheRouteAndNeverShowsInternalFields()
    {
        var detail = await factory.Services.GetRequiredService<Kaart.Search.ISearchIndex>().GetAsync("schuldhulpverlening-gemeente", metIntern: true);
        var intern = detail!.Intern!;
        var (response, doc) = await _client.GetPageAsync("/aanbod/schuldhulpverlening-gemeente");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Via het loket", doc.QuerySelector(".toegang")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".route.loket a[href^='/melding?levensdomein=']"));
        var html = doc.DocumentElement.OuterHtml;
        Assert.DoesNotContain(intern.Toewijzingscriteria!, html);
        Assert.DoesNotContain(intern.Notities!, html);
    }

    [Fact]
    public async Task Aanbod_Unknown_IsA404WithAHelpfulPage()
    {
        var (response, doc) = await _client.GetPageAsync("/aanbod/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Deze pagina bestaat niet", doc.QuerySelector("h1")!.TextContent);
        Assert.NotNull(doc.QuerySelector("a[href='/melding']"));
        Assert.NotNull(doc.QuerySelector("input#q"));
    }

    [Fact]
    public async Task Melding_ExplainsHowToReachTheMakelpunt()
    {
        var (response, doc) = await _client.GetPageAsync("/melding");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPageBasics(doc);
        Assert.NotNull(doc.QuerySelector("a[href='tel:0318000100']"));
        Assert.NotNull(doc.QuerySelector("a[href='mailto:makelpunt@veenendaal.example.nl']"));
    }

    [Fact]
    public async Task UnknownUrl_IsA404WithAHelpfulPage()
    {
        var (response, doc) = await _client.GetPageAsync("/bestaat/echt/niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Deze pagina bestaat niet", doc.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/zoeken?q=schulden")]
    [InlineData("/aanbod/taalcafe-de-brug")]
    [InlineData("/aanbod/bestaat-niet")]
    [InlineData("/lijstje")]
    [InlineData("/lijstje/afdrukken")]
    [InlineData("/melding")]
    [InlineData("/api/zoeken?q=schulden")]
    public async Task EveryResponse_HasSecurityHeaders(string url)
    {
        var response = await _client.GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
