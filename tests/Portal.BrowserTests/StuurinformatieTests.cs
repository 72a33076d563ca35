using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using SocialeKaart.Portal.Features;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Stuurinformatie;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>The stuurinformatie page in a real browser: login as beleidsmedewerker, charts and tables, the filter in the URL, axe.</summary>
public sealed class StuurinformatieTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    [Fact]
    public async Task Beleidsmedewerker_SeesChartsAndTables_FiltersByWijk_WithoutAxeViolations()
    {
        // Counts of this week, so the charts have bars (and one suppressed value).
        var store = Server.Services.GetRequiredService<IMakelpuntStore>();
        var vandaag = NederlandseTekst.Dag(DateTimeOffset.UtcNow);
        for (var i = 0; i < 7; i++)
        {
            await store.TelDitHelptAsync(["rondkomen"], vandaag);
            await store.TelZoektermenAsync(["kinderopvang"], IsoWeek.Van(vandaag));
        }

        await store.TelDitHelptAsync(["wonen"], vandaag);

        var account = await Server.MaakAccountAsync(Rollen.Beleidsmedewerker);
        var page = await NewPageAsync();
        await page.GotoAsync(StuurinformatieServices.Pad);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(InloggenPagina.Pad) + @"\?ReturnUrl=%2Fstuurinformatie$"));
        await new InloggenPagina(page).InloggenAsync(account, StuurinformatieServices.Pad);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stuurinformatie", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Stuurinformatie" })).ToBeVisibleAsync();
        var grafiek = page.GetByRole(AriaRole.Img, new() { Name = "\"Dit helpt mij\" per levensdomein" });
        await Expect(grafiek).ToBeVisibleAsync();
        var tabel = page.GetByRole(AriaRole.Table, new() { Name = "\"Dit helpt mij\" per levensdomein (tabel)" });
        await Expect(tabel.GetByRole(AriaRole.Row, new() { Name = "Rondkomen" })).ToContainTextAsync("7");
        await Expect(tabel.GetByRole(AriaRole.Row, new() { Name = "Wonen" })).ToContainTextAsync("<5");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download als CSV: Gezocht en niet gevonden" })).ToBeVisibleAsync();
        await AssertAxeAsync(page, "stuurinformatie");

        await page.GetByLabel("Wijk (voor het aanbod)").SelectOptionAsync(new SelectOptionValue { Label = "Centrum" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/stuurinformatie\?van=\d{4}-\d{2}-\d{2}&tot=\d{4}-\d{2}-\d{2}&wijk=centrum$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanbod per levensdomein in Centrum" })).ToBeVisibleAsync();
        await AssertAxeAsync(page, "stuurinformatie, wijk Centrum");

        // A bad filter: the error summary, still the figures.
        await page.GotoAsync(StuurinformatieServices.Pad + "?van=morgen");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("morgen");
        await AssertAxeAsync(page, "stuurinformatie, fout filter");
    }
}
