using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>
/// The inwoner's way through the portal: search, narrow down, open an aanbod, keep it, print the list, go back.
/// It must work the same with and without JavaScript (static rendering, state in the URL, POST forms for the lijstje).
/// </summary>
public sealed partial class InwonerJourneyTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    [Fact]
    public Task InwonerJourney_FindsKeepsAndPrintsAanbod_WithJavaScript() => JourneyAsync(javaScript: true);

    [Fact]
    public Task InwonerJourney_FindsKeepsAndPrintsAanbod_WithoutJavaScript() => JourneyAsync(javaScript: false);

    private async Task JourneyAsync(bool javaScript)
    {
        var page = await NewPageAsync(javaScriptEnabled: javaScript);
        var home = await HomePagina.OpenAsync(page);

        // The search box is a plain search field until autocomplete.js enhances it.
        var rol = javaScript ? AriaRole.Combobox : AriaRole.Searchbox;
        await Expect(page.GetByRole(rol, new() { Name = PortalPagina.ZoekLabel, Exact = true })).ToBeVisibleAsync();

        var resultaten = await home.ZoekAsync("schulden");
        await Expect(page).ToHaveURLAsync(new Regex(@"/zoeken\?q=schulden$"));
        await Expect(resultaten.Kop).ToHaveTextAsync("Zoekresultaten voor ‘schulden’");
        await Expect(resultaten.TrefferTitels.First).ToBeVisibleAsync();

        resultaten = await resultaten.KiesFilterAsync("Rondkomen");
        await Expect(page).ToHaveURLAsync(new Regex(@"/zoeken\?q=schulden&levensdomein=rondkomen$"));
        await Expect(resultaten.ActiefFilter("Onderwerp", "Rondkomen")).ToBeVisibleAsync();
        await Expect(resultaten.FilterLink("Rondkomen")).ToHaveCountAsync(0); // chosen: now a link that removes it

        var naam = (await resultaten.TrefferTitels.First.InnerTextAsync()).Trim();
        var aanbod = await resultaten.OpenAanbodAsync(naam);
        await Expect(aanbod.Kop).ToHaveTextAsync(naam);

        await aanbod.ZetOpLijstjeAsync(naam);

        var lijstje = await aanbod.NaarMijnLijstjeAsync();
        await Expect(lijstje.Kop).ToHaveTextAsync("Mijn lijstje");
        await Expect(lijstje.AanbodLink(naam)).ToBeVisibleAsync();

        var afdruk = await lijstje.AfdrukkenAsync();
        await Expect(afdruk.Aanbod(naam)).ToBeVisibleAsync();
        var telefoon = afdruk.Telefoonnummers(naam).First;
        await Expect(telefoon).ToHaveTextAsync(PhoneNumber());
        await Expect(telefoon).ToHaveAttributeAsync("href", new Regex(@"^tel:\+?\d{6,}$"));
        await Expect(afdruk.Regel(naam, "Meer informatie:")).ToContainTextAsync("/aanbod/");
        await Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0); // a print view has nothing to press

        // Back: every step was a real URL, so the browser's history holds the whole way.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/lijstje$"));
        await Expect(lijstje.AanbodLink(naam)).ToBeVisibleAsync();

        for (var stap = 0; stap < 3 && new Uri(page.Url).AbsolutePath != ZoekResultatenPagina.Pad; stap++)
        {
            await page.GoBackAsync();
        }

        await Expect(page).ToHaveURLAsync(new Regex(@"/zoeken\?q=schulden&levensdomein=rondkomen$"));
        await Expect(new ZoekResultatenPagina(page).ActiefFilter("Onderwerp", "Rondkomen")).ToBeVisibleAsync();
        await Expect(page.GetByRole(rol, new() { Name = PortalPagina.ZoekLabel, Exact = true })).ToHaveValueAsync("schulden");

        Assert.True(ConsoleErrors.Count == 0, "Console errors during the journey:" + Environment.NewLine + Describe(ConsoleErrors));
    }

    [GeneratedRegex(@"^\+?[\d ()-]{6,}$")]
    private static partial Regex PhoneNumber();
}
