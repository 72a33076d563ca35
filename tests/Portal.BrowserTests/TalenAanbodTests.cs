using SocialeKaart.Portal.BrowserTests.Infrastructure;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>The aanbod, error and lijstje pages in their other languages, as axe-core sees them (Arabic right to left).</summary>
public sealed class TalenAanbodTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    public static TheoryData<string, string> PaginasInTalen()
    {
        var data = new TheoryData<string, string>();
        foreach (var taal in new[] { "en", "ar", "tr", "pl", "uk" })
        {
            data.Add("/aanbod/" + PublicPages.DirectId, taal);
            data.Add("/aanbod/" + PublicPages.LoketId + "?klopt=fout", taal);
            data.Add("/bestaat/ook/niet", taal);
        }

        data.Add("/lijstje", "en");
        return data;
    }

    [Theory]
    [MemberData(nameof(PaginasInTalen))]
    public async Task Page_InLanguage_HasNoAxeViolations_AndDoesNotScrollSideways(string url, string taal)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(url + (url.Contains('?') ? "&" : "?") + "taal=" + taal);

        Assert.Equal(taal, await page.GetAttributeAsync("html", "lang"));
        // A right-to-left page must not scroll sideways (an element parked far to the left did, by thousands of pixels).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"),
            $"{url} in {taal} scrolls sideways");
        await AssertAxeAsync(page, $"{url} in {taal}");
    }
}
