using System.Net;

namespace SocialeKaart.Portal.Tests;

/// <summary>"Mijn lijstje" without an account: POST forms with antiforgery, a cookie on the inwoner's device.</summary>
public sealed class LijstjeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> PostFromPage(HttpClient client, string page, string action, string? terug = null)
    {
        var (_, doc) = await client.GetPageAsync(page);
        var form = doc.QuerySelector($"form[action='{action}']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        if (terug is not null)
        {
            fields["terug"] = terug;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Lijstje_Empty_ExplainsWhatToDo()
    {
        var (response, doc) = await factory.Client().GetPageAsync("/lijstje");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uw lijstje is nog leeg", doc.Body!.TextContent);
    }

    [Fact]
    public async Task Lijstje_AddFromAanbodPage_ThenListAndPrintShowContactDetails()
    {
        var client = factory.Client();
        var post = await PostFromPage(client, "/aanbod/taalcafe-de-brug", "/lijstje/toevoegen");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/aanbod/taalcafe-de-brug", post.Headers.Location!.OriginalString);

        var (_, aanbod) = await client.GetPageAsync("/aanbod/taalcafe-de-brug");
        Assert.NotNull(aanbod.QuerySelector("form[action='/lijstje/verwijderen']"));

        var (_, lijst) = await client.GetPageAsync("/lijstje");
        Assert.Equal("Taalcafé De Brug", lijst.QuerySelector(".lijstje h2")!.TextContent.Trim());
        Assert.NotNull(lijst.QuerySelector("a[href='/lijstje/afdrukken']"));

        var (print, printDoc) = await client.GetPageAsync("/lijstje/afdrukken");
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        Assert.NotEmpty(printDoc.QuerySelectorAll(".lijstje a[href^='tel:']"));
        Assert.Contains("Meer informatie:", printDoc.QuerySelector(".lijstje")!.TextContent);
        Assert.Empty(printDoc.QuerySelectorAll(".lijstje form"));
    }

    [Fact]
    public async Task Lijstje_Remove_TakesItOff()
    {
        var client = factory.Client();
        await PostFromPage(client, "/aanbod/taalcafe-de-brug", "/lijstje/toevoegen");
        var remove = await PostFromPage(client, "/lijstje", "/lijstje/verwijderen");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        var (_, lijst) = await client.GetPageAsync("/lijstje");
        Assert.Contains("Uw lijstje is nog leeg", lijst.Body!.TextContent);
    }

    [Fact]
    public async Task Lijstje_UnreadableForm_IsA400NotA500()
    {
        var client = factory.Client();
        var (_, doc) = await client.GetPageAsync("/aanbod/taalcafe-de-brug");
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&id=taalcafe-de-brug&terug=/%00",
            System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await client.PostAsync("/lijstje/toevoegen", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Lijstje_PostWithoutAntiforgeryToken_IsRefused()
    {
        var client = factory.Client();
        var response = await client.PostAsync("/lijstje/toevoegen", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "taalcafe-de-brug" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("sk-lijstje", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("//evil.example.com")]
    [InlineData("https://evil.example.com")]
    [InlineData("/\\evil.example.com")]
    [InlineData("/\t/evil.example.com")]
    [InlineData("/\r\nX-Injected: 1")]
    public async Task Lijstje_RedirectsOnlyWithinTheSite(string terug)
    {
        var response = await PostFromPage(factory.Client(), "/aanbod/taalcafe-de-brug", "/lijstje/toevoegen", terug);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lijstje", response.Headers.Location!.OriginalString);
    }
}
