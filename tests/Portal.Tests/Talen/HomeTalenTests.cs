using System.Net;

namespace SocialeKaart.Portal.Tests.Talen;

/// <summary>The language switch, the choice in URL and cookie, lang/dir, and home and layout in every language.</summary>
public sealed class HomeTalenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> AndereTalen => new("en", "ar", "tr", "pl", "uk");

    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task Home_IsEntirelyInTheChosenLanguage(string taal)
    {
        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(), "/", taal);

        Assert.True(bevinding.Schoon, bevinding.ToString());
        Assert.Equal(9, doc.QuerySelectorAll(".tegels a[href^='/zoeken?levensdomein=']").Length);
        Assert.NotNull(doc.QuerySelector("a[href='tel:113']"));
    }

    [Fact]
    public async Task Home_InDutch_HasNoLanguageNotice_AndMarksDutchCurrent()
    {
        var (response, doc) = await factory.Client().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nl", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", doc.DocumentElement.GetAttribute("dir"));
        Assert.Null(doc.QuerySelector(".taal-uitwijking"));
        var huidig = Assert.Single(doc.QuerySelectorAll(".talen a[aria-current]"));
        Assert.Equal("nl", huidig.GetAttribute("hreflang"));
        Assert.Equal(6, doc.QuerySelectorAll(".talen a[hreflang]").Length);
    }

    [Fact]
    public async Task Choice_FromUrl_IsRememberedInCookie_ForTheNextPage()
    {
        var client = factory.Client();
        var (eerste, _) = await client.GetPageAsync("/?taal=tr");
        Assert.Contains(eerste.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sk-taal=tr", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var (_, doc) = await client.GetPageAsync("/");

        Assert.Equal("tr", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("tr", doc.QuerySelector(".talen a[aria-current]")!.GetAttribute("hreflang"));
    }

    [Fact]
    public async Task Switch_KeepsThePageAndItsQuery()
    {
        var (_, doc) = await factory.Client().GetPageAsync("/zoeken?q=schulden&levensdomein=rondkomen");

        var engels = doc.QuerySelector(".talen a[hreflang='en']")!.GetAttribute("href");

        Assert.Equal("/zoeken?q=schulden&levensdomein=rondkomen&taal=en", engels);
    }

    [Fact]
    public async Task UnknownLanguage_InUrl_IsIgnored()
    {
        var (response, doc) = await factory.Client().GetPageAsync("/?taal=xx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nl", doc.DocumentElement.GetAttribute("lang"));
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("sk-taal", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Api_TaalParameter_IsTheAanbodLanguageFilter_AndSetsNoCookie()
    {
        var response = await factory.Client().GetAsync("/api/zoeken?q=taalcafe&taal=ar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sk-taal", StringComparison.Ordinal)));
    }

    // A staff page exists in Dutch only: it is shown in Dutch (lang="nl"), and says so in the language chosen.
    [Fact]
    public async Task DutchOnlyPage_InArabic_IsDutch_AndSaysSoInArabic()
    {
        var (_, doc) = await factory.Client().GetPageAsync("/account/inloggen?taal=ar");

        Assert.Equal("nl", doc.DocumentElement.GetAttribute("lang"));
        var melding = doc.QuerySelector(".taal-uitwijking")!;
        Assert.Equal("ar", melding.GetAttribute("lang"));
        Assert.Equal("rtl", melding.GetAttribute("dir"));
        Assert.Contains("الهولندية", melding.TextContent);
    }
}
