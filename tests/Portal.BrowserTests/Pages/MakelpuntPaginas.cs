using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests.Pages;

/// <summary>/account/inloggen: the staff and organisation login.</summary>
public sealed class InloggenPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/account/inloggen";

    public ILocator Email => Page.GetByRole(AriaRole.Textbox, new() { Name = "E-mailadres", Exact = true });

    // A password field has no ARIA role; its label is still its accessible name.
    public ILocator Wachtwoord => Page.GetByLabel("Wachtwoord", new() { Exact = true });

    public ILocator InloggenKnop => Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true });

    public static async Task<InloggenPagina> OpenAsync(IPage page)
    {
        await page.GotoAsync(Pad);
        return new InloggenPagina(page);
    }

    /// <summary>Logs in and waits for the page the login sends to (the ReturnUrl, else the queue).</summary>
    public async Task InloggenAsync(TestAccount account, string naarPad)
    {
        await Email.FillAsync(account.Email);
        await Wachtwoord.FillAsync(account.Wachtwoord);
        await KlikNaarAsync(InloggenKnop, naarPad);
    }
}

/// <summary>/account/geen-toegang: where a logged-in account without the makelpunt role lands.</summary>
public sealed class GeenToegangPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/account/geen-toegang";
}

/// <summary>/makelpunt: the queue of open meldingen.</summary>
public sealed class WachtrijPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/makelpunt";

    public ILocator Filters => Page.GetByRole(AriaRole.Form, new() { Name = "Filter de wachtrij", Exact = true });

    public ILocator Tabel => Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Open meldingen") });

    public ILocator MeldingLink(string referentie) => Tabel.GetByRole(AriaRole.Link, new() { Name = referentie, Exact = true });

    /// <summary>The row of one melding: its number is the row header.</summary>
    public ILocator Rij(string referentie) =>
        Tabel.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = referentie, Exact = true }) }); // Has is relative to the row

    public static async Task<WachtrijPagina> OpenAsync(IPage page)
    {
        await page.GotoAsync(Pad);
        return new WachtrijPagina(page);
    }

    public async Task<MeldingDetailPagina> OpenMeldingAsync(string referentie)
    {
        var href = await MeldingLink(referentie).GetAttributeAsync("href") ?? throw new InvalidOperationException($"The link to {referentie} has no href.");
        await KlikNaarAsync(MeldingLink(referentie), href);
        return new MeldingDetailPagina(Page);
    }
}

/// <summary>/makelpunt/meldingen/{id}: one melding, its actions (each a POST form) and its history.</summary>
public sealed class MeldingDetailPagina(IPage page) : PortalPagina(page)
{
    public ILocator Acties => Page.GetByRole(AriaRole.Region, new() { Name = "Acties", Exact = true });

    public ILocator OppakkenKnop => Knop("Oppakken");

    public ILocator DoorverwijzenNaar => Acties.GetByRole(AriaRole.Combobox, new() { Name = "Doorverwijzen naar", Exact = true });

    public ILocator DoorverwijzenKnop => Knop("Doorverwijzen");

    public ILocator Uitkomst(string label) =>
        Acties.GetByRole(AriaRole.Group, new() { Name = "Afsluiten met uitkomst", Exact = true }).GetByRole(AriaRole.Radio, new() { Name = label, Exact = true });

    public ILocator AfsluitenKnop => Knop("Afsluiten");

    /// <summary>The names of the suggested aanbod, in the order of the "Doorverwijzen naar" choices.</summary>
    public ILocator PassendAanbod =>
        Page.GetByRole(AriaRole.Region, new() { Name = "Passend aanbod", Exact = true }).GetByRole(AriaRole.Heading, new() { Level = 3 });

    public ILocator Geschiedenis => Page.GetByRole(AriaRole.Region, new() { Name = "Geschiedenis", Exact = true }).GetByRole(AriaRole.Listitem);

    /// <summary>A line of the history that ends with the action, e.g. "… · Fatima · Opgepakt".</summary>
    public ILocator Gebeurtenis(string actie) => Geschiedenis.Filter(new() { HasTextRegex = new Regex($"· {Regex.Escape(actie)}\\s*$") });

    public ILocator Doorverwezen => Page.GetByRole(AriaRole.Region, new() { Name = "Doorverwezen naar", Exact = true });

    private ILocator Knop(string naam) => Acties.GetByRole(AriaRole.Button, new() { Name = naam, Exact = true });

    // Each action posts and the portal redirects to this same URL, so there is no URL to wait for: each method waits
    // for what only the new page shows.

    public async Task OppakkenAsync()
    {
        await OppakkenKnop.ClickAsync();
        await Expect(Gebeurtenis("Opgepakt")).ToHaveCountAsync(1);
        await Expect(OppakkenKnop).ToHaveCountAsync(0); // it is mine now
    }

    /// <summary>Refers to the suggested aanbod with this name (the choice reads "naam (aanbieder)").</summary>
    public async Task DoorverwijzenAsync(string aanbodNaam)
    {
        var keuzes = await DoorverwijzenNaar.Locator("option").AllInnerTextsAsync();
        var keuze = keuzes.FirstOrDefault(k => k.StartsWith(aanbodNaam + " (", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"'{aanbodNaam}' is not a choice of Doorverwijzen naar: {string.Join(" | ", keuzes)}");
        await DoorverwijzenNaar.SelectOptionAsync(new SelectOptionValue { Label = keuze });
        await DoorverwijzenKnop.ClickAsync();
        await Expect(Gebeurtenis("Doorverwezen naar " + aanbodNaam)).ToHaveCountAsync(1);
    }

    /// <summary>"Afsluiten" without choosing an outcome: the page again with an error summary.</summary>
    public Task<IResponse> AfsluitenZonderUitkomstAsync() => VerstuurMetFoutAsync(AfsluitenKnop);

    public ILocator AfsluitReden => Acties.GetByRole(AriaRole.Textbox, new() { Name = "Waarom sluit u af terwijl een termijn nog loopt?", Exact = true });

    /// <param name="reden">Why it is closed while a legal term is still open (the Wgs asks for a reason then).</param>
    public async Task AfsluitenAsync(string uitkomst, string? reden = null)
    {
        await Uitkomst(uitkomst).CheckAsync();
        if (reden is not null)
        {
            await AfsluitReden.FillAsync(reden);
        }

        await AfsluitenKnop.ClickAsync();
        await Expect(Geschiedenis.Filter(new() { HasText = "Afgesloten: " + uitkomst })).ToHaveCountAsync(1);
        await Expect(Acties).ToHaveCountAsync(0); // a closed melding takes no more actions
    }
}
