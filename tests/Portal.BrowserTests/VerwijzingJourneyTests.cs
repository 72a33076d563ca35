using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using SocialeKaart.Portal.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>
/// The closed loop of a verwijzing (issue 10), in three browsers: a school refers a pupil with the parent's consent,
/// the makelpunt refers to an aanbieder, the aanbieder accepts, the school sees "opgepakt" and the parent got the
/// messages (the portal's outbox delivers to the test server's real SMTP server). Axe on every page on the way.
/// </summary>
public sealed class VerwijzingJourneyTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    private const string Aanbieder = "Stichting Buurtkracht Veenendaal";
    private const string Aanbod = "Schoolmaatschappelijk werk";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task School_RefersPupil_MakelpuntRefers_AanbiederAccepts_SchoolSeesItAndParentWasTold(bool javaScript)
    {
        var ouder = $"ouder-{Guid.NewGuid():N}@voorbeeld.nl";

        // 1. The school refers the pupil, with the mother's consent.
        var school = await Server.MaakOrganisatieAsync("OBS De Regenboog", "school");
        var schoolPagina = await NewPageAsync(javaScript);
        await LogInAsync(schoolPagina, school, "/organisatie");
        await Expect(schoolPagina.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("OBS De Regenboog");
        await AssertAxeAsync(schoolPagina, "organisatie");

        await Klik(schoolPagina, schoolPagina.GetByRole(AriaRole.Link, new() { Name = "Iemand verwijzen", Exact = true }), "/melding");
        await Expect(schoolPagina.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Iemand verwijzen naar het makelpunt");
        await AssertAxeAsync(schoolPagina, "melding start, organisatie");
        await Klik(schoolPagina, schoolPagina.GetByRole(AriaRole.Button, new() { Name = "Begin met de melding", Exact = true }), "/melding/voor-wie");

        await schoolPagina.GetByRole(AriaRole.Radio, new() { Name = "Iemand aanmelden", Exact = true }).CheckAsync();
        await schoolPagina.GetByLabel("Naam van de persoon voor wie u de melding doet").FillAsync("Sem de Vries");
        await schoolPagina.GetByRole(AriaRole.Checkbox, new() { Name = "De persoon weet van deze melding en vindt het goed" }).CheckAsync();
        await schoolPagina.GetByLabel("Wie gaf toestemming?").FillAsync("Eva de Vries, moeder van Sem");
        await schoolPagina.GetByLabel("Op welke dag?").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await schoolPagina.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Mondeling") }).CheckAsync();
        await schoolPagina.GetByRole(AriaRole.Checkbox, new() { Name = "De persoon weet dat het makelpunt contact opneemt, en vindt dat goed" }).CheckAsync();
        await schoolPagina.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^De persoon vindt het goed dat het makelpunt dit verhaal deelt") }).CheckAsync();
        await AssertAxeAsync(schoolPagina, "voor wie, verwijzing met toestemming");
        await Verder(schoolPagina, "/melding/waarover");

        await schoolPagina.GetByRole(AriaRole.Checkbox, new() { Name = "Opgroeien", Exact = true }).CheckAsync();
        await schoolPagina.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("eigen woorden") }).FillAsync("Sem is stil en komt vaak te laat. Thuis is het onrustig.");
        await Verder(schoolPagina, "/melding/situatie");
        await schoolPagina.GetByLabel("Waarbij heeft u hulp nodig?").FillAsync("Iemand die met Sem en zijn moeder praat.");
        await Verder(schoolPagina, "/melding/aanbod");
        await Verder(schoolPagina, "/melding/contact");
        await Expect(schoolPagina.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hoe kunnen we de persoon bereiken?");
        await schoolPagina.GetByLabel("Naam van de persoon (of de ouder of verzorger)").FillAsync("Eva de Vries");
        await schoolPagina.GetByLabel("E-mailadres").FillAsync(ouder);
        await schoolPagina.GetByRole(AriaRole.Radio, new() { Name = "E-mail", Exact = true }).CheckAsync();
        await schoolPagina.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Kind") }).CheckAsync();
        await AssertAxeAsync(schoolPagina, "contact van de persoon");
        await Verder(schoolPagina, "/melding/controleren");
        await AssertAxeAsync(schoolPagina, "controleren, verwijzing");
        await Klik(schoolPagina, schoolPagina.GetByRole(AriaRole.Button, new() { Name = "Melding versturen", Exact = true }), "/melding/verstuurd");
        var referentie = (await schoolPagina.Locator(".referentie").InnerTextAsync()).Trim();
        var statusUrl = new Uri(await schoolPagina.Locator("a.statuslink").GetAttributeAsync("href") ?? "").PathAndQuery;

        // 2. The makelpunt picks it up and refers to the aanbieder's aanbod, found by a search in the melding.
        var consulent = await Server.MaakAccountAsync(Rollen.Consulent);
        var makelpunt = await NewPageAsync(javaScript);
        await LogInAsync(makelpunt, consulent, "/makelpunt");
        var wachtrij = new WachtrijPagina(makelpunt);
        var melding = await wachtrij.OpenMeldingAsync(referentie);
        await Expect(makelpunt.GetByText("OBS De Regenboog (School, met een account)")).ToBeVisibleAsync();
        await melding.OppakkenAsync();
        var zoekvak = makelpunt.GetByRole(AriaRole.Searchbox, new() { Name = "Zoek aanbod", Exact = true });
        await zoekvak.FillAsync("schoolmaatschappelijk");
        await PortalPagina.KlikNaarAsync(makelpunt, () => makelpunt.GetByRole(AriaRole.Search, new() { Name = "Zoek aanbod voor deze melding" })
            .GetByRole(AriaRole.Button, new() { Name = "Zoek", Exact = true }).ClickAsync(), url => url.Contains("zoek=schoolmaatschappelijk", StringComparison.Ordinal));
        await AssertAxeAsync(makelpunt, "melding met zoekresultaat passend aanbod");
        await melding.DoorverwijzenAsync(Aanbod);

        // 3. The aanbieder accepts and records the first contact.
        var aanbieder = await Server.MaakOrganisatieAsync(Aanbieder, "vrijwilligersorganisatie", Aanbieder);
        var aanbiederPagina = await NewPageAsync(javaScript);
        await LogInAsync(aanbiederPagina, aanbieder, "/organisatie");
        await Klik(aanbiederPagina, aanbiederPagina.GetByRole(AriaRole.Link, new() { Name = "Verwijzingen naar ons aanbod", Exact = true }), "/organisatie/overdrachten");
        await AssertAxeAsync(aanbiederPagina, "verwijzingen naar ons aanbod");
        var link = aanbiederPagina.GetByRole(AriaRole.Link, new() { Name = $"{referentie}: {Aanbod}", Exact = true });
        await Klik(aanbiederPagina, link, new Uri(Server.BaseAddress, await link.GetAttributeAsync("href")).AbsolutePath);
        await Expect(aanbiederPagina.GetByText("Sem de Vries")).ToBeVisibleAsync();
        await AssertAxeAsync(aanbiederPagina, "doorverwijzing, nieuw");
        await aanbiederPagina.GetByRole(AriaRole.Button, new() { Name = "Aannemen", Exact = true }).ClickAsync();
        await Expect(aanbiederPagina.GetByRole(AriaRole.Button, new() { Name = "We hebben contact gehad", Exact = true })).ToBeVisibleAsync();
        await AssertAxeAsync(aanbiederPagina, "doorverwijzing, aangenomen");

        // The consulent sees it in the melding's history.
        await makelpunt.ReloadAsync();
        await Expect(melding.Geschiedenis.Filter(new() { HasText = $"{Aanbieder} heeft de doorverwijzing aangenomen" })).ToHaveCountAsync(1);

        // 4. The school sees "opgepakt" with its date, and nothing of the case.
        await schoolPagina.GotoAsync("/organisatie/verwijzingen");
        var rij = schoolPagina.GetByRole(AriaRole.Row).Filter(new() { HasText = referentie });
        await Expect(rij).ToBeVisibleAsync();
        var cellen = await rij.GetByRole(AriaRole.Cell).AllInnerTextsAsync();
        Assert.NotEqual("Nog niet", cellen[2].Trim()); // Opgepakt
        await Expect(schoolPagina.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("onrustig");
        await AssertAxeAsync(schoolPagina, "mijn verwijzingen");

        // 5. The parent's status page names the organisation; the parent got every message (the outbox sends each second).
        var status = await NewPageAsync(javaScript);
        await status.GotoAsync(statusUrl);
        await Expect(status.GetByRole(AriaRole.Main)).ToContainTextAsync($"U bent doorverwezen naar {Aanbieder}. Zij hebben uw melding aangenomen");
        await AssertAxeAsync(status, "status, aangenomen");
        var onderwerpen = await BerichtenAanAsync(ouder, 4);
        Assert.Contains($"Uw melding {referentie} is ontvangen", onderwerpen);
        Assert.Equal(3, onderwerpen.Count(o => o == $"Nieuws over uw melding {referentie}"));

        // The beheerder sees the outbox, without addresses.
        var beheerder = await Server.MaakAccountAsync(Rollen.Beheerder);
        var beheer = await NewPageAsync(javaScript);
        await LogInAsync(beheer, beheerder, "/beheer");
        await AssertAxeAsync(beheer, "beheer");
        await Klik(beheer, beheer.GetByRole(AriaRole.Link, new() { Name = "Postvak", Exact = true }), "/beheer/postvak");
        await Expect(beheer.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(ouder);
        await AssertAxeAsync(beheer, "postvak");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Neighbour_AnonymousZorgsignaal_PagesPassAxe()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/melding");
        await Klik(page, page.GetByRole(AriaRole.Button, new() { Name = "Begin met de melding", Exact = true }), "/melding/voor-wie");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Ik maak me zorgen over iemand", Exact = true }).CheckAsync();
        await Verder(page, "/melding/waarover");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Wonen", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("eigen woorden") }).FillAsync("De buurvrouw komt al weken niet buiten.");
        await Verder(page, "/melding/situatie");
        await Expect(page.GetByLabel("Waarbij heeft u hulp nodig?")).ToHaveCountAsync(0);
        await AssertAxeAsync(page, "uw zorgen");
        await page.GetByLabel("Waarover maakt u zich zorgen?").FillAsync("De post stapelt zich op.");
        await Verder(page, "/melding/aanbod");
        await Verder(page, "/melding/contact");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ik wil anoniem blijven", Exact = true }).CheckAsync();
        await AssertAxeAsync(page, "contact, anoniem");
        await Verder(page, "/melding/controleren");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Ja, u geeft geen naam of contactgegevens");
        await AssertAxeAsync(page, "controleren, anoniem zorgsignaal");
        await Klik(page, page.GetByRole(AriaRole.Button, new() { Name = "Melding versturen", Exact = true }), "/melding/verstuurd");
        AssertNoConsoleErrors();
    }

    /// <summary>The subjects of the messages that reached <paramref name="aan"/>, waiting (bounded) until there are enough.</summary>
    private async Task<IReadOnlyList<string>> BerichtenAanAsync(string aan, int aantal)
    {
        var tot = DateTime.UtcNow.AddSeconds(30);
        List<string> onderwerpen;
        do
        {
            onderwerpen = Server.Smtp.ReceivedEmail
                .Where(m => m.ToAddresses.Any(a => a.Address == aan))
                .Select(m => m.Headers["Subject"] ?? "")
                .ToList();
            if (onderwerpen.Count >= aantal)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < tot);

        return onderwerpen;
    }

    private static async Task LogInAsync(IPage page, TestAccount account, string start)
    {
        await page.GotoAsync(InloggenPagina.Pad);
        await new InloggenPagina(page).InloggenAsync(account, start);
    }

    private static Task Klik(IPage page, ILocator wat, string pad) =>
        PortalPagina.KlikNaarAsync(page, () => wat.ClickAsync(), url => new Uri(url).AbsolutePath == pad);

    private static Task Verder(IPage page, string pad) =>
        Klik(page, page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Volgende stap|Ik wil toch een melding doen|Naar controleren)") }).First, pad);
}
