using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Makelpunt;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>
/// The makelpunt side: a consulent handles a melding an inwoner just sent, and only consulenten and sociale makelaars
/// get in. Each test makes its own accounts and meldingen on its class's own server.
/// </summary>
public sealed class MakelpuntJourneyTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    private static readonly string UitkomstLabel = Behandeling.Naam(Uitkomst.AlgemeenToegankelijkAanbod);

    [Fact]
    public async Task Consulent_ClaimsRefersAndClosesMelding_FoundInQueue()
    {
        // The inwoner, in a browser of their own.
        var inwoner = await NewPageAsync();
        var verstuurd = await MeldingInvullen.VerstuurAsync(inwoner);
        var referentie = (await verstuurd.Referentie.InnerTextAsync()).Trim();
        var statusUrl = new Uri(await verstuurd.StatusLink.GetAttributeAsync("href") ?? throw new InvalidOperationException("No status link.")).PathAndQuery;

        var consulent = await Server.MaakAccountAsync(Rollen.Consulent);
        var page = await NewPageAsync();

        // The queue asks for a login first, and comes back to the queue after it.
        await page.GotoAsync(WachtrijPagina.Pad);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(InloggenPagina.Pad) + @"\?ReturnUrl=%2Fmakelpunt$"));
        var inloggen = new InloggenPagina(page);
        await AssertAxeAsync(page, "inloggen");
        await inloggen.InloggenAsync(consulent, WachtrijPagina.Pad);

        var wachtrij = new WachtrijPagina(page);
        await Expect(wachtrij.Kop).ToHaveTextAsync("Wachtrij makelpunt");
        await Expect(wachtrij.Hoofdmenu.GetByRole(AriaRole.Link, new() { Name = "Wachtrij makelpunt", Exact = true })).ToBeVisibleAsync();
        await Expect(wachtrij.Rij(referentie)).ToContainTextAsync("Nieuw");
        await Expect(wachtrij.Rij(referentie)).ToContainTextAsync("Rondkomen");
        await Expect(wachtrij.Rij(referentie)).ToContainTextAsync("Nog niemand");
        await AssertAxeAsync(page, "wachtrij");

        var melding = await wachtrij.OpenMeldingAsync(referentie);
        await Expect(melding.Kop).ToHaveTextAsync("Melding " + referentie);
        await AssertAxeAsync(page, "melding, nieuw");

        await melding.OppakkenAsync();
        await Expect(melding.Gebeurtenis("Opgepakt")).ToContainTextAsync(consulent.Naam);
        await AssertAxeAsync(page, "melding, opgepakt");

        var aanbod = (await melding.PassendAanbod.First.InnerTextAsync()).Trim();
        await melding.DoorverwijzenAsync(aanbod);
        await Expect(melding.Doorverwezen.GetByRole(AriaRole.Link, new() { Name = aanbod, Exact = true })).ToBeVisibleAsync();
        await AssertAxeAsync(page, "melding, doorverwezen");

        // An error state: closing needs an outcome.
        var fout = await melding.AfsluitenZonderUitkomstAsync();
        Assert.Equal(400, fout.Status);
        await Expect(melding.FoutLink("Kies een uitkomst.")).ToBeVisibleAsync();
        await AssertAxeAsync(page, "melding, afsluiten zonder uitkomst");
        await melding.FoutLink("Kies een uitkomst.").ClickAsync();
        await Expect(melding.Uitkomst(Behandeling.Naam(Uitkomst.OpgelostMetEigenKrachtOfNetwerk))).ToBeFocusedAsync();

        await melding.AfsluitenAsync(UitkomstLabel, "De inwoner gaat naar het Geldpunt.");
        await AssertAxeAsync(page, "melding, afgesloten");

        // The history shows every action, by whom, in order.
        var regels = await melding.Geschiedenis.AllInnerTextsAsync();
        var acties = regels.Select(r => r.Trim()).Where(r => r.Contains(consulent.Naam, StringComparison.Ordinal)).ToList();
        Assert.Collection(acties,
            r => Assert.EndsWith("Opgepakt", r, StringComparison.Ordinal),
            r => Assert.EndsWith("Doorverwezen naar " + aanbod, r, StringComparison.Ordinal),
            r => Assert.Contains("Afgesloten: " + UitkomstLabel, r, StringComparison.Ordinal));

        // A closed melding leaves the queue; the inwoner's status page says it is done.
        wachtrij = await WachtrijPagina.OpenAsync(page);
        await Expect(wachtrij.Kop).ToHaveTextAsync("Wachtrij makelpunt");
        await Expect(wachtrij.MeldingLink(referentie)).ToHaveCountAsync(0);

        await inwoner.GotoAsync(statusUrl);
        await Expect(new StatusPagina(inwoner).Waarde("Status")).ToHaveTextAsync("Uw melding is afgerond.");

        // Logging out closes the makelpunt again.
        await PortalPagina.KlikNaarAsync(page, () => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Uitloggen") }).ClickAsync(), url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync(WachtrijPagina.Pad);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(InloggenPagina.Pad) + @"\?"));

        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Makelpunt_SendsAnonymousVisitorToLogin()
    {
        var page = await NewPageAsync();

        foreach (var pad in new[] { WachtrijPagina.Pad, "/makelpunt/meldingen/1" })
        {
            await page.GotoAsync(pad);
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(InloggenPagina.Pad) + @"\?ReturnUrl=" + Regex.Escape(Uri.EscapeDataString(pad)) + "$"));
            var inloggen = new InloggenPagina(page);
            await Expect(inloggen.Kop).ToHaveTextAsync("Inloggen voor medewerkers");
            await Expect(inloggen.Hoofdmenu.GetByRole(AriaRole.Link, new() { Name = "Wachtrij makelpunt" })).ToHaveCountAsync(0);
        }

        await AssertAxeAsync(page, "inloggen");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Makelpunt_RefusesOrganisatieAccount()
    {
        var organisatie = await Server.MaakAccountAsync(Rollen.Organisatie);
        var page = await NewPageAsync();

        await page.GotoAsync(WachtrijPagina.Pad);
        var inloggen = new InloggenPagina(page);
        await Expect(inloggen.Kop).ToHaveTextAsync("Inloggen voor medewerkers");
        await inloggen.InloggenAsync(organisatie, GeenToegangPagina.Pad);

        var geenToegang = new GeenToegangPagina(page);
        await Expect(geenToegang.Kop).ToHaveTextAsync("U heeft geen toegang tot deze pagina");
        await Expect(geenToegang.Hoofdmenu.GetByRole(AriaRole.Link, new() { Name = "Wachtrij makelpunt" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Uitloggen") })).ToBeVisibleAsync(); // logged in, yet refused
        await AssertAxeAsync(page, "geen toegang");

        var response = await page.GotoAsync("/makelpunt/meldingen/1");
        Assert.NotNull(response);
        Assert.Equal(403, response.Status);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(GeenToegangPagina.Pad) + @"\?"));
        await Expect(geenToegang.Kop).ToHaveTextAsync("U heeft geen toegang tot deze pagina");

        AssertNoConsoleErrors();
    }
}
