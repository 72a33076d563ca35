using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>The melding pages in English: axe-core finds no WCAG 2.1 A/AA violation, as in Dutch (AccessibilityTests).</summary>
public sealed class MeldingTalenAccessibilityTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    // The answered pages; the 404 of an unknown status link is the shared error page.
    public static TheoryData<string> MeldingPages =>
        new(PublicPages.All.Where(p => p.Key.StartsWith("melding", StringComparison.Ordinal) && p.Value.Status == 200).Select(p => p.Key));

    [Theory]
    [MemberData(nameof(MeldingPages))]
    public async Task MeldingPage_InEnglish_HasNoAxeViolations(string name)
    {
        var page = await NewPageAsync();
        var entry = PublicPages.All[name];
        var url = entry.Voorbereiden is null ? entry.Url : await entry.Voorbereiden(page); // the state is made in Dutch

        var response = await page.GotoAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "taal=en");

        Assert.Equal(200, response?.Status);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertAxeAsync(page, name + " in English");
    }

    [Fact]
    public async Task MeldingStep_WithErrors_InEnglish_HasNoAxeViolations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/melding?taal=en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your request" }).ClickAsync();
        await page.WaitForURLAsync("**/melding/voor-wie");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next step" }).ClickAsync();

        Assert.Equal("Something is not right", await page.Locator(".foutoverzicht h2").InnerTextAsync());
        await AssertAxeAsync(page, "step 1 with errors in English");
    }
}
