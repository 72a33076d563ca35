using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Pages;

/// <summary>/melding: what a melding is, and the button that starts a draft (a POST form, so it works without JavaScript).</summary>
public sealed class MeldingStartPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/melding";

    public ILocator BeginKnop => Page.GetByRole(AriaRole.Button, new() { Name = "Begin met de melding", Exact = true });

    /// <summary>Shown instead when this browser has a draft.</summary>
    public ILocator GaVerderLink => Page.GetByRole(AriaRole.Link, new() { Name = "Ga verder met uw melding", Exact = true });

    public ILocator OpnieuwKnop => Page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw beginnen", Exact = true });

    public static async Task<MeldingStartPagina> OpenAsync(IPage page)
    {
        await page.GotoAsync(Pad);
        return new MeldingStartPagina(page);
    }

    public async Task<VoorWieStap> BeginAsync()
    {
        await KlikNaarAsync(BeginKnop, VoorWieStap.Pad);
        return new VoorWieStap(Page);
    }
}

/// <summary>What every step of the melding has: the progress list, the error summary and the Vorige/Volgende buttons.</summary>
public abstract class MeldingStapPagina(IPage page) : PortalPagina(page)
{
    public ILocator Voortgang => Page.GetByRole(AriaRole.Navigation, new() { Name = "Stappen van de melding", Exact = true });

    public ILocator VolgendeStapKnop => Knop("Volgende stap");

    public ILocator VorigeStapKnop => Knop("Vorige stap");

    protected ILocator Knop(string naam) => Page.GetByRole(AriaRole.Button, new() { Name = naam, Exact = true });

    /// <summary>"Volgende stap" with answers the step refuses: the step again, with a 400 and an error summary.</summary>
    public Task<IResponse> VolgendeMetFoutAsync() => VerstuurMetFoutAsync(VolgendeStapKnop);

    protected async Task<T> NaarAsync<T>(ILocator knop, string pad, Func<IPage, T> pagina)
    {
        await KlikNaarAsync(knop, pad);
        return pagina(Page);
    }
}

/// <summary>Step 1: for whom the melding is.</summary>
public sealed class VoorWieStap(IPage page) : MeldingStapPagina(page)
{
    public const string Pad = "/melding/voor-wie";

    public const string VoorMezelf = "Voor mezelf";
    public const string VoorIemandAnders = "Voor iemand anders";
    public const string AlsOrganisatie = "Als organisatie, voor iemand";
    public const string Zorgen = "Ik maak me zorgen over iemand";

    public ILocator Soorten => Page.GetByRole(AriaRole.Group, new() { Name = "Ik doe deze melding", Exact = true });

    public ILocator Soort(string label) => Soorten.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true });

    public ILocator NaamPersoon => Page.GetByRole(AriaRole.Textbox, new() { Name = "Naam van de persoon voor wie u de melding doet", Exact = true });

    public ILocator Organisatie => Page.GetByRole(AriaRole.Textbox, new() { Name = "Naam van uw organisatie", Exact = true });

    public ILocator Toestemming => Page.GetByRole(AriaRole.Checkbox, new() { Name = "De persoon weet van deze melding en vindt het goed", Exact = true });

    public ILocator ToestemmingDoorWie => Page.GetByRole(AriaRole.Textbox, new() { Name = "Wie gaf toestemming?", Exact = true });

    public ILocator ToestemmingOp => Page.GetByLabel("Op welke dag?", new() { Exact = true });

    public ILocator ToestemmingMondeling => Page.GetByRole(AriaRole.Radio, new() { Name = "Mondeling (in een gesprek of aan de telefoon)", Exact = true });

    public Task<WaaroverStap> VolgendeAsync() => NaarAsync(VolgendeStapKnop, WaaroverStap.Pad, p => new WaaroverStap(p));
}

/// <summary>Step 2: the levensdomeinen and the question in the melder's own words.</summary>
public sealed class WaaroverStap(IPage page) : MeldingStapPagina(page)
{
    public const string Pad = "/melding/waarover";

    public ILocator Levensdomein(string naam) => Page.GetByRole(AriaRole.Checkbox, new() { Name = naam, Exact = true });

    public ILocator Vraag => Page.GetByRole(AriaRole.Textbox, new() { Name = "Wat is uw vraag? Vertel het in uw eigen woorden.", Exact = true });

    public Task<SituatieStap> VolgendeAsync() => NaarAsync(VolgendeStapKnop, SituatieStap.Pad, p => new SituatieStap(p));

    public Task<VoorWieStap> VorigeAsync() => NaarAsync(VorigeStapKnop, VoorWieStap.Pad, p => new VoorWieStap(p));
}

/// <summary>Step 3: the quickscan (what the melder can do, what others can do, where help is needed) and urgency.</summary>
public sealed class SituatieStap(IPage page) : MeldingStapPagina(page)
{
    public const string Pad = "/melding/situatie";

    public ILocator ZelfKunnen => Page.GetByRole(AriaRole.Textbox, new() { Name = "Wat kunt u zelf doen?", Exact = true });

    public ILocator Omgeving => Page.GetByRole(AriaRole.Textbox, new() { Name = "Wat kunnen familie, buren of vrienden doen?", Exact = true });

    /// <summary>"Waarbij heeft u hulp nodig?", or for a zorgsignaal "Waarover maakt u zich zorgen?".</summary>
    public ILocator HulpNodig => Page.GetByRole(AriaRole.Textbox, new() { Name = "Waarbij heeft u hulp nodig?", Exact = true })
        .Or(Page.GetByRole(AriaRole.Textbox, new() { Name = "Waarover maakt u zich zorgen?", Exact = true }));

    public ILocator NietPluis => Page.GetByRole(AriaRole.Checkbox, new() { Name = "Het voelt niet pluis", Exact = true });

    public Task<AanbodStap> VolgendeAsync() => NaarAsync(VolgendeStapKnop, AanbodStap.Pad, p => new AanbodStap(p));

    public Task<WaaroverStap> VorigeAsync() => NaarAsync(VorigeStapKnop, WaaroverStap.Pad, p => new WaaroverStap(p));
}

/// <summary>Step 4: aanbod the inwoner can go to without a melding; two ways on instead of "Volgende stap".</summary>
public sealed class AanbodStap(IPage page) : MeldingStapPagina(page)
{
    public const string Pad = "/melding/aanbod";

    public ILocator TochMeldingKnop => Knop("Ik wil toch een melding doen");

    public ILocator GeholpenKnop => Knop("Dit helpt mij, ik hoef geen melding te doen");

    /// <summary>The names of the aanbod shown, each a link to its page.</summary>
    public ILocator AanbodLinks => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 }).GetByRole(AriaRole.Link);

    public Task<ContactStap> TochMeldingAsync() => NaarAsync(TochMeldingKnop, ContactStap.Pad, p => new ContactStap(p));

    public Task<GeholpenPagina> GeholpenAsync() => NaarAsync(GeholpenKnop, GeholpenPagina.Pad, p => new GeholpenPagina(p));

    public Task<SituatieStap> VorigeAsync() => NaarAsync(VorigeStapKnop, SituatieStap.Pad, p => new SituatieStap(p));
}

/// <summary>Step 5: how the makelpunt reaches the melder.</summary>
public sealed class ContactStap(IPage page) : MeldingStapPagina(page)
{
    public const string Pad = "/melding/contact";

    public ILocator Naam => Page.GetByRole(AriaRole.Textbox, new() { Name = "Uw naam", Exact = true });

    public ILocator Telefoon => Page.GetByRole(AriaRole.Textbox, new() { Name = "Telefoonnummer", Exact = true });

    public ILocator Email => Page.GetByRole(AriaRole.Textbox, new() { Name = "E-mailadres", Exact = true });

    /// <summary>"Bellen" or "E-mail".</summary>
    public ILocator Voorkeur(string label) =>
        Page.GetByRole(AriaRole.Group, new() { Name = "Hoe wilt u het liefst contact?", Exact = true }).GetByRole(AriaRole.Radio, new() { Name = label, Exact = true });

    public ILocator VerhaalDelen => Page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Het makelpunt mag mijn verhaal delen") });

    public Task<ControlerenStap> VolgendeAsync() => NaarAsync(VolgendeStapKnop, ControlerenStap.Pad, p => new ControlerenStap(p));

    public Task<AanbodStap> VorigeAsync() => NaarAsync(VorigeStapKnop, AanbodStap.Pad, p => new AanbodStap(p));
}

/// <summary>Step 6: every answer once more, with a "Wijzig" link per part, and the button that sends.</summary>
public sealed class ControlerenStap(IPage page) : MeldingStapPagina(page)
{
    public const string Pad = "/melding/controleren";

    public ILocator VersturenKnop => Knop("Melding versturen");

    /// <summary>One part of the summary by its heading: "Voor wie", "Waarover", "Uw situatie", "Contact".</summary>
    public ILocator Deel(string kop) => Page.GetByRole(AriaRole.Region, new() { Name = kop, Exact = true });

    public ILocator Wijzig(string wat) => Page.GetByRole(AriaRole.Link, new() { Name = "Wijzig " + wat, Exact = true });

    public Task<VerstuurdPagina> VerstuurAsync() => NaarAsync(VersturenKnop, VerstuurdPagina.Pad, p => new VerstuurdPagina(p));

    public Task<ContactStap> VorigeAsync() => NaarAsync(VorigeStapKnop, ContactStap.Pad, p => new ContactStap(p));
}

/// <summary>The confirmation: the melding number, the deadline of first contact and the secret status link.</summary>
public sealed class VerstuurdPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/melding/verstuurd";

    public ILocator Bevestiging => Page.GetByRole(AriaRole.Status);

    /// <summary>The melding number, e.g. SK-2026-00042 (marked up as .referentie for exactly this).</summary>
    public ILocator Referentie => Bevestiging.Locator(".referentie");

    /// <summary>The link is its own text: the address of the status page.</summary>
    // The slashes are escaped because Playwright writes the pattern into a /…/ selector literal as it is.
    public ILocator StatusLink => Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"\/melding\/status\?code=[^\/]+$") });

    public async Task<StatusPagina> OpenStatusAsync()
    {
        var href = await StatusLink.GetAttributeAsync("href") ?? throw new InvalidOperationException("The status link has no href.");
        await KlikNaarAsync(StatusLink, new Uri(href).AbsolutePath);
        return new StatusPagina(Page);
    }
}

/// <summary>/melding/status?code={token}: where the melding stands, without anything personal.</summary>
public sealed class StatusPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/melding/status?code=";

    /// <summary>The value beside a term of the summary ("Meldingnummer", "Status", "Ontvangen op").</summary>
    public ILocator Waarde(string term) => Inhoud.Locator("dt", new() { HasTextRegex = new Regex($"^{Regex.Escape(term)}$") }).Locator("+ dd");
}

/// <summary>After "Dit helpt mij": nothing was kept.</summary>
public sealed class GeholpenPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/melding/geholpen";
}
