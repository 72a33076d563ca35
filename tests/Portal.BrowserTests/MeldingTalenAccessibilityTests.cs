using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>A melding step with errors in English passes axe (every melding page in English: AccessibilityTests, in every language).</summary>
public sealed class MeldingTalenAccessibilityTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
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
