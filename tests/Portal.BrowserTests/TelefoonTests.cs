using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>
/// The search on a phone (360 × 640 CSS pixels), with and without JavaScript (issue 11): the first result on the first
/// screen, the filters one tap away, "Zet op mijn lijstje" back at the same result, crisis help on top; axe clean.
/// </summary>
public sealed class TelefoonTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    private const int Breedte = 360;
    private const int Hoogte = 640;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Phone_FirstResultOnTheFirstScreen_FiltersOneTapAway(bool javaScript)
    {
        var page = await NewPageAsync(javaScriptEnabled: javaScript, width: Breedte, height: Hoogte);
        await page.GotoAsync("/zoeken?q=schulden");
        var resultaten = new ZoekResultatenPagina(page);

        var eerste = resultaten.TrefferTitels.First;
        await Expect(eerste).ToBeInViewportAsync();
        var box = (await eerste.BoundingBoxAsync())!;
        Assert.True(box.Y + box.Height <= Hoogte, $"The first result ends at {box.Y + box.Height} px, below the first screen of {Hoogte} px.");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.scrollY"));

        // Closed, the filters take one line; one tap opens them.
        var filter = resultaten.FilterLink("Rondkomen");
        await Expect(filter).ToBeHiddenAsync();
        await resultaten.FiltersKnop.ClickAsync();
        await Expect(filter).ToBeVisibleAsync();

        // Through the base class: a page without JavaScript is checked in a twin with its current document (a script
        // evaluated in a page without JavaScript waits forever).
        await AssertAxeAsync(page, $"filters open at {Breedte} px");

        resultaten = await resultaten.KiesFilterAsync("Rondkomen");
        await Expect(page).ToHaveURLAsync(new Regex(@"levensdomein=rondkomen$"));
        await Expect(resultaten.ActiefFilter("Onderwerp", "Rondkomen")).ToBeVisibleAsync();
        await Expect(resultaten.TrefferTitels.First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Phone_ZetOpMijnLijstje_ReturnsToTheSameResult(bool javaScript)
    {
        var page = await NewPageAsync(javaScriptEnabled: javaScript, width: Breedte, height: Hoogte);
        await page.GotoAsync("/zoeken?q=schulden");
        var resultaten = new ZoekResultatenPagina(page);
        var naam = (await resultaten.TrefferTitels.Nth(4).InnerTextAsync()).Trim();

        var knop = resultaten.ZetOpLijstje(naam);
        await knop.ScrollIntoViewIfNeededAsync();
        await knop.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/zoeken\?q=schulden#t-[a-z0-9-]+$"), new() { Timeout = 15_000 });
        await Expect(resultaten.HaalVanLijstje(naam)).ToBeInViewportAsync();
        await Expect(resultaten.Treffer(naam).GetByRole(AriaRole.Heading)).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<int>("() => window.scrollY") > 0, "The page went back to the top instead of the result.");
        Assert.True(ConsoleErrors.Count == 0, Describe(ConsoleErrors));
    }

    [Fact]
    public async Task Phone_AcuteDanger_CrisisHelpOnTheFirstScreen_AxeClean()
    {
        var page = await NewPageAsync(width: Breedte, height: Hoogte);
        await page.GotoAsync("/zoeken?q=" + Uri.EscapeDataString("ik wil niet meer leven"));
        var resultaten = new ZoekResultatenPagina(page);

        await Expect(resultaten.CrisisHulp).ToBeVisibleAsync();
        await Expect(resultaten.CrisisHulp.GetByRole(AriaRole.Link, new() { Name = "Bel 0800-0113", Exact = true })).ToBeInViewportAsync();
        await Expect(resultaten.CrisisHulp.GetByRole(AriaRole.Link, new() { Name = "Bel 112", Exact = true })).ToBeInViewportAsync();

        var violations = await Axe.CheckAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on the crisis help:{Environment.NewLine}{Axe.Describe(violations)}");
    }

    [Theory]
    [InlineData("debt help", "en")]
    [InlineData("ديون", "ar")]
    [InlineData("???", null)]
    public async Task Phone_OtherLanguageAndNoWord_AxeClean(string tekst, string? taal)
    {
        var page = await NewPageAsync(width: Breedte, height: Hoogte);
        await page.GotoAsync("/zoeken?q=" + Uri.EscapeDataString(tekst));
        if (taal is not null)
        {
            await Expect(page.Locator($".treffers p[lang='{taal}']")).ToBeVisibleAsync();
        }
        else
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen woord om op te zoeken", Exact = true })).ToBeVisibleAsync();
        }

        var violations = await Axe.CheckAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) for '{tekst}':{Environment.NewLine}{Axe.Describe(violations)}");
    }
}
