using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>
/// The inwoner's melding, step by step, as each kind of melder does it. Every page on the way, error states included,
/// is checked with axe-core. The wizard is server-rendered POST forms with a redirect per step, so it must work the
/// same without JavaScript and with the browser's back and forward buttons.
/// </summary>
public sealed partial class MeldingJourneyTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MeldingJourney_SendsMeldingAboutRondkomen_AndStatusShowsNoPersonalData(bool javaScript)
    {
        var page = await NewPageAsync(javaScriptEnabled: javaScript);
        var melder = new MelderAntwoorden { Naam = "Annelies Bakker", Telefoon = "06 98765432" };

        var start = await MeldingStartPagina.OpenAsync(page);
        await Expect(start.Kop).ToHaveTextAsync("Een melding doen bij het makelpunt");
        await AssertAxeAsync(page, "startpagina");

        var voorWie = await start.BeginAsync();
        await Expect(voorWie.Kop).ToHaveTextAsync("Voor wie doet u de melding?");
        await AssertAxeAsync(page, "stap 1");

        // An error state: nothing chosen.
        var fout = await voorWie.VolgendeMetFoutAsync();
        Assert.Equal(400, fout.Status);
        await Expect(voorWie.FoutLink("Kies voor wie u de melding doet.")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Fout: Stap 1 van 6"));
        await AssertAxeAsync(page, "stap 1 met fout");

        var verstuurd = await VulInEnVerstuurAsync(voorWie, melder, async controle =>
        {
            await Expect(controle.Deel("Voor wie")).ToContainTextAsync(VoorWieStap.VoorMezelf);
            await Expect(controle.Deel("Waarover")).ToContainTextAsync("Rondkomen");
            await Expect(controle.Deel("Contact")).ToContainTextAsync(melder.Naam);
            await Expect(controle.Deel("Contact")).ToContainTextAsync(melder.Telefoon);
        });

        await Expect(verstuurd.Kop).ToHaveTextAsync("Uw melding is verstuurd");
        await Expect(verstuurd.Referentie).ToHaveTextAsync(Referentie());
        var referentie = await verstuurd.Referentie.InnerTextAsync();
        await AssertAxeAsync(page, "bevestiging");

        var status = await verstuurd.OpenStatusAsync();
        await Expect(status.Kop).ToHaveTextAsync("Status van uw melding");
        await Expect(status.Waarde("Meldingnummer")).ToHaveTextAsync(referentie);
        await Expect(status.Waarde("Status")).ToHaveTextAsync("Ontvangen. Een medewerker gaat uw melding lezen.");
        await AssertAxeAsync(page, "statuspagina");

        // Anyone with the link sees this page: nothing personal, not even hidden in the markup.
        var html = await page.ContentAsync();
        Assert.DoesNotContain(melder.Naam, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(melder.Telefoon, html, StringComparison.Ordinal);
        Assert.DoesNotContain(melder.Telefoon.Replace(" ", "", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.DoesNotContain(melder.Vraag, html, StringComparison.Ordinal);

        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task MeldingJourney_OrganisatieRefersSomeone_OnlyWithTheirConsent()
    {
        var page = await NewPageAsync();
        var melder = new MelderAntwoorden
        {
            Soort = VoorWieStap.AlsOrganisatie,
            NaamPersoon = "Kees Smit",
            Organisatie = "Huisartsenpraktijk De Linde",
            Levensdomeinen = ["Wonen", "Zorg en gezondheid"],
            Vraag = "Meneer Smit redt het thuis niet meer goed sinds zijn vrouw is overleden.",
            HulpNodig = "Hulp in het huishouden en iemand die langskomt.",
            Naam = "Dokter Visser",
            Telefoon = "0318 123456",
        };

        var voorWie = await (await MeldingStartPagina.OpenAsync(page)).BeginAsync();
        await AssertAxeAsync(page, "stap 1");

        // First without the person's consent.
        await voorWie.VulInAsync(melder with { Toestemming = false });
        var fout = await voorWie.VolgendeMetFoutAsync();
        Assert.Equal(400, fout.Status);
        const string Bericht = "U kunt iemand alleen aanmelden als die persoon het goed vindt. Vink aan dat de persoon het goed vindt.";
        await Expect(voorWie.FoutLink(Bericht)).ToBeVisibleAsync();
        await Expect(voorWie.Toestemming).ToHaveAccessibleDescriptionAsync("Fout: " + Bericht);
        await Expect(voorWie.Toestemming).Not.ToBeCheckedAsync();
        await AssertAxeAsync(page, "stap 1 zonder toestemming");

        // The answers given are kept; the link in the summary takes the melder to the field.
        await Expect(voorWie.Soort(VoorWieStap.AlsOrganisatie)).ToBeCheckedAsync();
        await Expect(voorWie.Organisatie).ToHaveValueAsync(melder.Organisatie);
        await Expect(voorWie.NaamPersoon).ToHaveValueAsync(melder.NaamPersoon);
        await voorWie.FoutLink(Bericht).ClickAsync();
        await Expect(voorWie.Toestemming).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Space");
        await Expect(voorWie.Toestemming).ToBeCheckedAsync();

        var verstuurd = await VulInEnVerstuurAsync(voorWie, melder with { Toestemming = true }, async controle =>
        {
            var deel = controle.Deel("Voor wie");
            await Expect(deel).ToContainTextAsync(VoorWieStap.AlsOrganisatie);
            await Expect(deel).ToContainTextAsync(melder.Organisatie);
            await Expect(deel).ToContainTextAsync(melder.NaamPersoon);
            await Expect(deel).ToContainTextAsync(new Regex(@"De persoon vindt het goed\s*Ja"));
        });

        await Expect(verstuurd.Referentie).ToHaveTextAsync(Referentie());
        await AssertAxeAsync(page, "bevestiging");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task MeldingJourney_SendsZorgsignaal_WhenSomethingFeelsWrong()
    {
        var page = await NewPageAsync();
        var melder = new MelderAntwoorden
        {
            Soort = VoorWieStap.Zorgen,
            Levensdomeinen = ["Zorg en gezondheid"],
            Vraag = "Mijn buurvrouw komt al weken niet meer buiten en de gordijnen blijven dicht.",
            HulpNodig = "Dat iemand bij haar gaat kijken.",
            NietPluis = true,
            Naam = "Petra de Wit",
            Telefoon = "",
            Email = "petra@voorbeeld.nl",
        };

        var voorWie = await (await MeldingStartPagina.OpenAsync(page)).BeginAsync();
        await AssertAxeAsync(page, "stap 1");

        // A zorgsignaal needs no name: the melder may not know it. The organisation's fields stay hidden.
        await voorWie.Soort(VoorWieStap.Zorgen).CheckAsync();
        await Expect(voorWie.NaamPersoon).ToBeVisibleAsync();
        await Expect(voorWie.Organisatie).ToBeHiddenAsync();
        await Expect(voorWie.Toestemming).ToBeHiddenAsync();

        var verstuurd = await VulInEnVerstuurAsync(voorWie, melder, async controle =>
        {
            await Expect(controle.Deel("Voor wie")).ToContainTextAsync(VoorWieStap.Zorgen);
            await Expect(controle.Deel("Uw zorgen")).ToContainTextAsync("het voelt niet pluis");
        }, voorkeur: "E-mail");

        await Expect(verstuurd.Referentie).ToHaveTextAsync(Referentie());
        await AssertAxeAsync(page, "bevestiging");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task MeldingJourney_KeepsAnswers_WithVorigeStapAndBrowserBackAndForward()
    {
        var page = await NewPageAsync();
        var voorWie = await (await MeldingStartPagina.OpenAsync(page)).BeginAsync();
        await voorWie.Soort(VoorWieStap.VoorIemandAnders).CheckAsync();
        await voorWie.NaamPersoon.FillAsync("Mijn moeder, Truus");
        var waarover = await voorWie.VolgendeAsync();
        await waarover.Levensdomein("Rondkomen").CheckAsync();
        await waarover.Vraag.FillAsync("Mijn moeder krijgt brieven over betalingsachterstanden.");
        var situatie = await waarover.VolgendeAsync();

        // "Vorige stap" keeps what was typed on this step too, not only what was sent before.
        await situatie.HulpNodig.FillAsync("Iemand die met haar de post doorneemt.");
        waarover = await situatie.VorigeAsync();
        await AssertAxeAsync(page, "stap 2 na Vorige stap");
        await Expect(waarover.Levensdomein("Rondkomen")).ToBeCheckedAsync();
        await Expect(waarover.Vraag).ToHaveValueAsync("Mijn moeder krijgt brieven over betalingsachterstanden.");

        situatie = await waarover.VolgendeAsync();
        await AssertAxeAsync(page, "stap 3");
        await Expect(situatie.HulpNodig).ToHaveValueAsync("Iemand die met haar de post doorneemt.");

        // The browser's back button: every step has its own URL in the history.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(WaaroverStap.Pad) + "$"));
        await AssertAxeAsync(page, "stap 2 na terug");
        await Expect(waarover.Levensdomein("Rondkomen")).ToBeCheckedAsync();
        await Expect(waarover.Vraag).ToHaveValueAsync("Mijn moeder krijgt brieven over betalingsachterstanden.");

        for (var keer = 0; keer < 4 && new Uri(page.Url).AbsolutePath != VoorWieStap.Pad; keer++)
        {
            await page.GoBackAsync();
        }

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(VoorWieStap.Pad) + "$"));
        await AssertAxeAsync(page, "stap 1 na terug");
        await Expect(voorWie.Soort(VoorWieStap.VoorIemandAnders)).ToBeCheckedAsync();
        await Expect(voorWie.NaamPersoon).ToHaveValueAsync("Mijn moeder, Truus");

        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(WaaroverStap.Pad) + "$"));
        await AssertAxeAsync(page, "stap 2 na vooruit");
        await Expect(waarover.Levensdomein("Rondkomen")).ToBeCheckedAsync();
        await Expect(waarover.Vraag).ToHaveValueAsync("Mijn moeder krijgt brieven over betalingsachterstanden.");

        // The start page offers to go on with the draft.
        var start = await MeldingStartPagina.OpenAsync(page);
        await Expect(start.GaVerderLink).ToBeVisibleAsync();
        await AssertAxeAsync(page, "startpagina met concept");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task MeldingJourney_EndsWithoutMelding_WhenAanbodHelps()
    {
        var page = await NewPageAsync();
        await MeldingInvullen.TotStapAsync(page, AanbodStap.Pad);
        var aanbod = new AanbodStap(page);
        await Expect(aanbod.AanbodLinks.First).ToBeVisibleAsync();
        await AssertAxeAsync(page, "stap 4");

        var geholpen = await aanbod.GeholpenAsync();
        await Expect(geholpen.Kop).ToHaveTextAsync("Fijn dat u verder kunt");
        await AssertAxeAsync(page, "geholpen");

        // Nothing was kept: no draft to go on with, and a step opens the start page.
        var start = await MeldingStartPagina.OpenAsync(page);
        await Expect(start.BeginKnop).ToBeVisibleAsync();
        await Expect(start.GaVerderLink).ToHaveCountAsync(0);
        await page.GotoAsync(WaaroverStap.Pad);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(MeldingStartPagina.Pad) + "$"));
        AssertNoConsoleErrors();
    }

    /// <summary>From step 1 (already checked by the caller) to the confirmation, with axe on every step.</summary>
    private async Task<VerstuurdPagina> VulInEnVerstuurAsync(
        VoorWieStap voorWie, MelderAntwoorden melder, Func<ControlerenStap, Task> controleer, string voorkeur = "Bellen")
    {
        var page = voorWie.Page;
        await voorWie.VulInAsync(melder);

        var waarover = await voorWie.VolgendeAsync();
        await Expect(waarover.Kop).ToHaveTextAsync("Waar gaat uw vraag over?");
        await AssertAxeAsync(page, "stap 2");
        await waarover.VulInAsync(melder);

        var situatie = await waarover.VolgendeAsync();
        await Expect(situatie.Kop).ToHaveTextAsync(melder.Soort == VoorWieStap.Zorgen ? "Uw zorgen" : "Uw situatie");
        await AssertAxeAsync(page, "stap 3");
        await situatie.VulInAsync(melder);

        var aanbod = await situatie.VolgendeAsync();
        await Expect(aanbod.Kop).ToHaveTextAsync("Hulp die u misschien meteen kunt krijgen");
        await AssertAxeAsync(page, "stap 4");

        var contact = await aanbod.TochMeldingAsync();
        await Expect(contact.Kop).ToHaveTextAsync("Hoe kunnen we u bereiken?");
        await AssertAxeAsync(page, "stap 5");
        await contact.VulInAsync(melder);
        await contact.Voorkeur(voorkeur).CheckAsync();

        var controle = await contact.VolgendeAsync();
        await Expect(controle.Kop).ToHaveTextAsync("Controleer uw melding");
        await AssertAxeAsync(page, "stap 6");
        await controleer(controle);

        return await controle.VerstuurAsync();
    }

    [GeneratedRegex(@"^SK-\d{4}-\d{5}$")]
    private static partial Regex Referentie();
}
