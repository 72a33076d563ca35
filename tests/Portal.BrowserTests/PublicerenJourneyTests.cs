using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using SocialeKaart.Portal.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>
/// Publishing as its people do it (issue 9), in real browsers: a beheerder invites an organisation that sets its own
/// password; the organisation publishes a weekly activity, a redacteur approves it and an inwoner finds it at once; an
/// inwoner reports a wrong phone number, the organisation fixes it and the redactie closes the report. Axe on every
/// page on the way.
/// </summary>
public sealed partial class PublicerenJourneyTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    private const string Buurtkracht = "Stichting Buurtkracht Veenendaal";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Organisatie_PubliceertWekelijkseActiviteit_RedacteurKeurtGoed_InwonerVindtHet(bool javaScript)
    {
        var woord = "Wolletje" + Guid.NewGuid().ToString("N")[..6];

        // 1. The organisation proposes a weekly activity, looks at the preview and the writing tips, and submits it.
        var org = await NewPageAsync(javaScript);
        await LogInAsync(org, await Server.MaakOrganisatieAsync(Buurtkracht, "vrijwilligersorganisatie", Buurtkracht), "/organisatie");
        await Klik(org, org.GetByRole(AriaRole.Link, new() { Name = "Mijn aanbod", Exact = true }), "/organisatie/aanbod");
        await AssertAxeAsync(org, "mijn aanbod");
        await Klik(org, org.GetByRole(AriaRole.Link, new() { Name = "Nieuw aanbod toevoegen", Exact = true }), "/organisatie/aanbod/nieuw");
        await AssertAxeAsync(org, "nieuw aanbod, leeg");

        await org.GetByLabel("Naam", new() { Exact = true }).FillAsync($"Breicafé {woord}");
        await org.GetByLabel("Samenvatting", new() { Exact = true }).FillAsync("Samen breien en praten in het buurthuis.");
        await org.GetByLabel("Beschrijving", new() { Exact = true }).FillAsync(
            "Elke dinsdag breien we samen. **Iedereen** is welkom, ook als u nog nooit gebreid heeft. Gezien de aanwezigheid van een ruime hoeveelheid wol en de mogelijkheid om koffie of thee te drinken, is het verstandig om op tijd te komen.");
        await org.GetByRole(AriaRole.Checkbox, new() { Name = "Ontmoeten", Exact = true }).CheckAsync();
        await org.GetByRole(AriaRole.Radio, new() { Name = "Gratis", Exact = true }).CheckAsync();
        await org.GetByLabel("Naam van de plek").First.FillAsync("Buurthuis De Kievit");
        await org.GetByLabel("Straat en huisnummer").First.FillAsync("Kerkewijk 10");
        await org.GetByLabel("Postcode").First.FillAsync("3901 EG");
        await org.GetByLabel("Plaats").First.FillAsync("Veenendaal");
        await org.GetByLabel("Hoe vaak?").First.SelectOptionAsync("wekelijks");
        await org.GetByLabel("Dag (bij elke week of maand)").First.SelectOptionAsync("TU");
        await org.GetByLabel("Van (tijd)").First.FillAsync("14:00");
        await org.GetByLabel("Tot (tijd)").First.FillAsync("16:00");
        await org.GetByLabel("Hoe doet iemand mee of meldt iemand zich aan?").FillAsync("Kom gewoon langs.");

        await KlikZelfdePagina(org, org.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld en schrijftips bekijken", Exact = true }));
        var voorbeeld = org.GetByRole(AriaRole.Region, new() { Name = "Zo ziet de beschrijving eruit" });
        await Expect(voorbeeld.Locator("strong")).ToHaveTextAsync("Iedereen");
        await AssertAxeAsync(org, "nieuw aanbod, voorbeeld en schrijftips");
        await Klik(org, org.GetByRole(AriaRole.Button, new() { Name = "Indienen bij de redactie", Exact = true }), "/organisatie/aanbod");
        await Expect(org.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw aanbod is ingediend");
        await Expect(org.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"Breicafé {woord}" })).ToContainTextAsync("Nog niet op de kaart");

        // 2. The redacteur sees it in the queue, compares and approves it.
        var redacteur = await NewPageAsync(javaScript);
        await LogInAsync(redacteur, await Server.MaakAccountAsync(Rollen.Redacteur), "/redactie");
        await AssertAxeAsync(redacteur, "redactie");
        var voorstel = redacteur.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^breicafe-" + woord.ToLowerInvariant()) });
        await Klik(redacteur, voorstel, new Uri(Server.BaseAddress, await voorstel.GetAttributeAsync("href")).AbsolutePath);
        await Expect(redacteur.GetByRole(AriaRole.Main)).ToContainTextAsync($"Breicafé {woord}");
        await AssertAxeAsync(redacteur, "voorstel bekijken");
        await Klik(redacteur, redacteur.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en op de kaart zetten", Exact = true }), "/redactie");
        await Expect(redacteur.GetByRole(AriaRole.Status)).ToContainTextAsync("Goedgekeurd");

        // 3. The inwoner finds it straight away, with its weekly time.
        var inwoner = await NewPageAsync(javaScript);
        await inwoner.GotoAsync("/zoeken?q=" + woord);
        var treffer = inwoner.GetByRole(AriaRole.Link, new() { Name = $"Breicafé {woord}", Exact = true });
        await Expect(treffer).ToBeVisibleAsync();
        await Klik(inwoner, treffer, new Uri(Server.BaseAddress, await treffer.GetAttributeAsync("href")).AbsolutePath);
        var wanneer = inwoner.GetByRole(AriaRole.Region, new() { Name = "Wanneer" });
        await Expect(wanneer).ToContainTextAsync("dinsdag");
        await Expect(wanneer).ToContainTextAsync("14.00");
        await AssertAxeAsync(inwoner, "nieuw aanbod op de kaart");
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task Inwoner_MeldtFout_OrganisatiePastAan_RedactieSluitDeMelding()
    {
        var nummer = "0318 " + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // 1. The inwoner reports that the phone number is wrong.
        var inwoner = await NewPageAsync();
        await inwoner.GotoAsync("/aanbod/buurtbemiddeling");
        await inwoner.GetByText("Klopt er iets niet?", new() { Exact = true }).ClickAsync();
        await inwoner.GetByRole(AriaRole.Radio, new() { Name = "Het telefoonnummer klopt niet", Exact = true }).CheckAsync();
        await inwoner.GetByLabel("Wat is er anders? (mag leeg)").FillAsync($"Het nummer is nu {nummer}");
        await AssertAxeAsync(inwoner, "klopt er iets niet, open");
        await PortalPagina.KlikNaarAsync(inwoner, () => inwoner.GetByRole(AriaRole.Button, new() { Name = "Versturen", Exact = true }).ClickAsync(),
            url => url.Contains("klopt=dank", StringComparison.Ordinal));
        await Expect(inwoner.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel");
        await AssertAxeAsync(inwoner, "klopt er iets niet, verstuurd");

        // 2. The organisation sees the report on its own aanbod and proposes the new number.
        var org = await NewPageAsync();
        await LogInAsync(org, await Server.MaakOrganisatieAsync(Buurtkracht, "vrijwilligersorganisatie", Buurtkracht), "/organisatie");
        await org.GotoAsync("/organisatie/aanbod");
        var item = org.GetByRole(AriaRole.Listitem).Filter(new() { Has = org.GetByRole(AriaRole.Heading, new() { Name = "Buurtbemiddeling bij ruzie met de buren" }) });
        await Expect(item).ToContainTextAsync($"Het nummer is nu {nummer}");
        await AssertAxeAsync(org, "mijn aanbod met een melding");
        await Klik(org, item.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bewerken") }), "/organisatie/aanbod/buurtbemiddeling");
        await org.GetByLabel("Telefoonnummer 1 (mag leeg)").FillAsync(nummer);
        await AssertAxeAsync(org, "aanbod bewerken");
        await Klik(org, org.GetByRole(AriaRole.Button, new() { Name = "Indienen bij de redactie", Exact = true }), "/organisatie/aanbod");

        // 3. The redacteur approves the change and closes the report with what was done.
        var redacteur = await NewPageAsync();
        await LogInAsync(redacteur, await Server.MaakAccountAsync(Rollen.Redacteur), "/redactie");
        await Klik(redacteur, redacteur.GetByRole(AriaRole.Link, new() { Name = "buurtbemiddeling", Exact = true }), "/redactie/voorstellen/buurtbemiddeling");
        await Expect(redacteur.GetByRole(AriaRole.Main)).ToContainTextAsync(nummer);
        await AssertAxeAsync(redacteur, "voorstel met gewijzigd telefoonnummer");
        await Klik(redacteur, redacteur.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en op de kaart zetten", Exact = true }), "/redactie");
        // The redacteur's own pages of the aanbod: its history (the approval is the newest version), and a new aanbod.
        await redacteur.GotoAsync("/redactie/aanbod/buurtbemiddeling");
        await Expect(redacteur.GetByRole(AriaRole.Main)).ToContainTextAsync("goedgekeurd");
        await AssertAxeAsync(redacteur, "redactie: aanbod bewerken met geschiedenis");
        await redacteur.GotoAsync("/redactie/aanbod/nieuw");
        await AssertAxeAsync(redacteur, "redactie: nieuw aanbod");
        await redacteur.GotoAsync("/redactie");
        var melding = redacteur.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"Het nummer is nu {nummer}" });
        await melding.GetByRole(AriaRole.Textbox).FillAsync("Nummer aangepast door de organisatie");
        await Klik(redacteur, melding.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sluiten") }), "/redactie");
        await Expect(redacteur.GetByRole(AriaRole.Status)).ToContainTextAsync("De melding is gesloten");
        await Expect(redacteur.GetByRole(AriaRole.Main)).Not.ToContainTextAsync($"Het nummer is nu {nummer}");

        // 4. The inwoner sees the new number.
        await inwoner.GotoAsync("/aanbod/buurtbemiddeling");
        await Expect(inwoner.GetByRole(AriaRole.Main)).ToContainTextAsync(nummer);
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task Beheerder_NodigtOrganisatieUit_DieKiestZelfEenWachtwoord()
    {
        var email = $"vrijwilliger-{Guid.NewGuid():N}@breiwerk.example";
        var beheerder = await NewPageAsync();
        await LogInAsync(beheerder, await Server.MaakAccountAsync(Rollen.Beheerder), "/beheer");
        await Klik(beheerder, beheerder.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }), "/beheer/accounts");
        await AssertAxeAsync(beheerder, "accounts");

        await beheerder.GetByLabel("Naam", new() { Exact = true }).FillAsync("Anna de Wit");
        await beheerder.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await beheerder.GetByRole(AriaRole.Checkbox, new() { Name = "Organisatie", Exact = true }).CheckAsync();
        await beheerder.GetByLabel("Naam van de organisatie").FillAsync("Stichting Breiwerk");
        await beheerder.GetByLabel("Soort organisatie").SelectOptionAsync("vrijwilligersorganisatie");
        await beheerder.GetByRole(AriaRole.Checkbox, new() { Name = "Deze organisatie zet eigen aanbod op de kaart", Exact = true }).CheckAsync();
        await KlikZelfdePagina(beheerder, beheerder.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging sturen", Exact = true }));
        await Expect(beheerder.GetByRole(AriaRole.Status)).ToContainTextAsync("Het account is aangemaakt");
        await AssertAxeAsync(beheerder, "accounts, uitnodiging verstuurd");
        await Klik(beheerder, beheerder.GetByRole(AriaRole.Link, new() { Name = "Anna de Wit", Exact = true }), null);
        await Expect(beheerder.GetByRole(AriaRole.Main)).ToContainTextAsync("Uitgenodigd, nog geen wachtwoord gekozen");
        await AssertAxeAsync(beheerder, "account");

        // The invitation arrives by e-mail (the test server's real SMTP server); its link works once.
        var link = await UitnodigingslinkAsync(email);
        var nieuw = await NewPageAsync();
        await nieuw.GotoAsync(new Uri(link).PathAndQuery);
        await AssertAxeAsync(nieuw, "uitnodiging");
        await nieuw.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Breien-is-fijn-2026");
        await nieuw.GetByLabel("Nog een keer hetzelfde wachtwoord", new() { Exact = true }).FillAsync("Breien-is-fijn-2026");
        await Klik(nieuw, nieuw.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan", Exact = true }), InloggenPagina.Pad);
        await new InloggenPagina(nieuw).InloggenAsync(new TestAccount(email, "Breien-is-fijn-2026", "Anna de Wit"), "/organisatie");
        await Expect(nieuw.GetByRole(AriaRole.Link, new() { Name = "Mijn aanbod", Exact = true })).ToBeVisibleAsync();

        Assert.Empty(ConsoleErrors);

        // Used once: a second visit is refused (400, which the browser also logs) with an explanation.
        var tweede = await NewPageAsync();
        var antwoord = await tweede.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Equal(400, antwoord!.Status);
        await Expect(tweede.GetByRole(AriaRole.Main)).ToContainTextAsync("nieuwe link");
        await AssertAxeAsync(tweede, "uitnodiging, al gebruikt");
    }

    private async Task<string> UitnodigingslinkAsync(string aan)
    {
        var tot = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < tot)
        {
            var mail = Server.Smtp.ReceivedEmail.FirstOrDefault(m => m.ToAddresses.Any(a => a.Address == aan));
            if (mail is not null)
            {
                return Link().Match(mail.MessageParts[0].BodyData).Value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Geen uitnodiging aan {aan} binnen 30 seconden.");
    }

    private static async Task LogInAsync(IPage page, TestAccount account, string start)
    {
        await page.GotoAsync(InloggenPagina.Pad);
        await new InloggenPagina(page).InloggenAsync(account, start);
    }

    /// <summary>Clicks and waits for the next page (at <paramref name="pad"/>, or any other URL when null).</summary>
    private static async Task Klik(IPage page, ILocator knop, string? pad)
    {
        var voor = page.Url;
        await PortalPagina.KlikNaarAsync(page, () => knop.ClickAsync(), url => pad is null ? url != voor : new Uri(url).AbsolutePath == pad);
    }

    /// <summary>A POST form that answers with the same page (a preview, a confirmation): waits for its response.</summary>
    private static async Task KlikZelfdePagina(IPage page, ILocator knop) =>
        await page.RunAndWaitForResponseAsync(() => knop.ClickAsync(), r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);

    [GeneratedRegex(@"https?://\S+/account/uitnodiging\?\S+")]
    private static partial Regex Link();
}
