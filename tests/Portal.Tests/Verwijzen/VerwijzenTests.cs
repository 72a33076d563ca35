using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Makelpunt.Opslag;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Verwijzen;

/// <summary>An organisation refers someone (with a consent record) or signals a concern; "mijn verwijzingen".</summary>
public sealed class VerwijzenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private SqliteMakelpuntStore Store => factory.Services.GetRequiredService<SqliteMakelpuntStore>();

    private async Task<Melding> MeldingAsync(string referentie, Medewerker? wie = null)
    {
        var id = long.Parse(referentie[^5..], System.Globalization.CultureInfo.InvariantCulture);
        return (await Store.BekijkAsync(id, wie ?? new Medewerker("test", "Test"), DateTimeOffset.UtcNow))!;
    }

    [Fact]
    public async Task School_RefersWithConsent_TheMeldingRecordsWhoWhenHowAndForWhat()
    {
        var (school, accountId) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");

        var start = await school.OpenAsync("/melding");
        Assert.Contains("OBS De Regenboog", start.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var verstuurd = await Organisaties.VerwijsAsync(school);
        var melding = await MeldingAsync(MeldingInvullen.Referentie(verstuurd));

        var a = melding.Antwoorden;
        Assert.Equal(Soort.Verwijzing, a.Soort);
        Assert.Equal(new Verwijzer(accountId, "OBS De Regenboog", "school"), a.Verwijzer);
        Assert.Equal("OBS De Regenboog", a.Organisatie);
        Assert.True(a.ToestemmingPersoon);
        Assert.Equal(new Toestemming("Moeder van Sem, Eva de Vries", DateOnly.Parse(Organisaties.Vandaag(), System.Globalization.CultureInfo.InvariantCulture),
            ToestemmingWijze.Mondeling, ContactOpnemen: true, GegevensDelen: true), a.Toestemming);
        Assert.True(a.ToestemmingDelen);
        Assert.Equal(Leeftijdsgroep.Kind, a.Leeftijd);
    }

    [Fact]
    public async Task Verwijzing_WithoutTheConsentRecord_IsRefusedWithMessages()
    {
        var (school, _) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");
        await school.PostFormAsync("/melding", "melding-start", ("levensdomein", ""));

        var antwoord = await school.PostFormAsync("/melding/voor-wie", "/melding/voor-wie", ("soort", "Verwijzing"), ("overwie", "Sem"),
            ("toestemming-persoon", "ja"), ("toestemming-op", "2999-01-01"), ("richting", "verder"));

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Contains(antwoord.Fouten, f => f.Contains("wie toestemming gaf", StringComparison.Ordinal));
        Assert.Contains(antwoord.Fouten, f => f.Contains("toekomst", StringComparison.Ordinal));
        Assert.Contains(antwoord.Fouten, f => f.Contains("hoe de persoon toestemming gaf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organisation_CannotChooseVoorMezelf()
    {
        var (school, _) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");
        await school.PostFormAsync("/melding", "melding-start", ("levensdomein", ""));
        var pagina = await school.OpenAsync("/melding/voor-wie");
        Assert.Equal(["Verwijzing", "Zorgsignaal"], pagina.Document.QuerySelectorAll("input[name=soort]").Select(i => i.GetAttribute("value")));

        var antwoord = await school.PostFormAsync("/melding/voor-wie", "/melding/voor-wie", ("soort", "Zelf"), ("richting", "verder"));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
    }

    [Fact]
    public async Task Professional_ZorgsignaalWithoutConsent_IsMarkedAndGoesToTheMakelaars()
    {
        var (huisarts, accountId) = await Organisaties.IngelogdAsync(factory, "Huisartsenpraktijk Het Hart", "huisarts");
        await huisarts.PostFormAsync("/melding", "melding-start", ("levensdomein", ""));
        await Organisaties.Verder(huisarts, "/melding/voor-wie", ("soort", "Zorgsignaal"), ("overwie", "Meneer Jansen"));
        await Organisaties.Verder(huisarts, "/melding/waarover", ("levensdomein", "zorgen"), ("vraag", "Patiënt verwaarloost zich en mist afspraken."));
        var situatie = await huisarts.OpenAsync("/melding/situatie");
        Assert.DoesNotContain("Waarbij heeft u hulp nodig", situatie.Document.Body!.TextContent, StringComparison.Ordinal);
        await Organisaties.Verder(huisarts, "/melding/situatie", ("hulp", "Hij komt niet meer buiten en eet slecht."));
        await Organisaties.Verder(huisarts, "/melding/aanbod");
        var contact = await huisarts.OpenAsync("/melding/contact");
        Assert.Null(contact.Document.QuerySelector("#anoniem")); // a professional is never anonymous
        await Organisaties.Verder(huisarts, "/melding/contact", ("naam", "Dokter Bakker"), ("telefoon", "0318 123456"));
        await huisarts.PostFormAsync("/melding/controleren", "/melding/controleren", ("richting", "verder"), ("website", ""));
        var melding = await MeldingAsync(MeldingInvullen.Referentie(await huisarts.OpenAsync("/melding/verstuurd")));

        Assert.Equal(Soort.Zorgsignaal, melding.Antwoorden.Soort);
        Assert.Equal(accountId, melding.Antwoorden.Verwijzer!.AccountId);
        Assert.Null(melding.Antwoorden.Toestemming);
        Assert.Equal(Route.Meervoudig, melding.Besluit.Route);
        Assert.False(melding.Antwoorden.BerichtenToegestaan);

        var consulent = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var pagina = await consulent.OpenAsync($"/makelpunt/meldingen/{melding.Id}");
        Assert.Contains("zorgsignaal van een professional, zonder toestemming", pagina.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neighbour_ZorgsignaalAnonymously_NoNameAndNotAskedWhereTheyNeedHelp()
    {
        var buurman = factory.Client();
        await MeldingInvullen.StartAsync(buurman);
        await Organisaties.Verder(buurman, "/melding/voor-wie", ("soort", "Zorgsignaal"));
        await Organisaties.Verder(buurman, "/melding/waarover", ("levensdomein", "wonen"), ("vraag", "De buurvrouw komt niet meer buiten."));
        var situatie = await buurman.OpenAsync("/melding/situatie");
        Assert.DoesNotContain("Waarbij heeft u hulp nodig", situatie.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(situatie.Document.QuerySelector("#zelf"));
        await Organisaties.Verder(buurman, "/melding/situatie", ("hulp", "De post stapelt zich op."), ("niet-pluis", "ja"));
        await Organisaties.Verder(buurman, "/melding/aanbod");
        await Organisaties.Verder(buurman, "/melding/contact", ("anoniem", "ja"), ("naam", "Getypt en toch anoniem"));
        await buurman.PostFormAsync("/melding/controleren", "/melding/controleren", ("richting", "verder"), ("website", ""));
        var melding = await MeldingAsync(MeldingInvullen.Referentie(await buurman.OpenAsync("/melding/verstuurd")));

        Assert.True(melding.Antwoorden.Anoniem);
        Assert.Equal("", melding.Antwoorden.Naam);
        Assert.Null(melding.Antwoorden.Verwijzer);
    }

    [Fact]
    public async Task MijnVerwijzingen_ShowsOnlyOwnReferrals_AndOnlyTheirProgress()
    {
        var (school, _) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");
        var (anderen, _) = await Organisaties.IngelogdAsync(factory, "Sportclub VV Veenendaal", "sportclub");
        var eigen = MeldingInvullen.Referentie(await Organisaties.VerwijsAsync(school, vraag: "Geheim verhaal van de school"));
        var vanAnderen = MeldingInvullen.Referentie(await Organisaties.VerwijsAsync(anderen));

        var lijst = await school.OpenAsync("/organisatie/verwijzingen");
        var tekst = lijst.Document.QuerySelector("main")!.TextContent;
        Assert.Contains(eigen, tekst, StringComparison.Ordinal);
        Assert.DoesNotContain(vanAnderen, tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim verhaal", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("Sem", tekst, StringComparison.Ordinal);

        // Picked up and closed by the makelpunt: the school sees the dates, never the note or the outcome.
        var melding = await MeldingAsync(eigen);
        var anna = new Medewerker("anna", "Anna");
        var na = (await Store.VoerUitAsync(melding.Id, melding.Versie, new Oppakken(), anna, DateTimeOffset.UtcNow))!.Melding!;
        na = (await Store.VoerUitAsync(melding.Id, na.Versie, new NotitieMaken("Vertrouwelijke notitie"), anna, DateTimeOffset.UtcNow))!.Melding!;
        await Store.VoerUitAsync(melding.Id, na.Versie, new Afsluiten(Uitkomst.MaatwerkvoorzieningAangevraagd, "Reden van afsluiten"), anna, DateTimeOffset.UtcNow);
        var rij = (await school.OpenAsync("/organisatie/verwijzingen")).Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(eigen, StringComparison.Ordinal));
        Assert.DoesNotContain("Nog niet", rij.TextContent, StringComparison.Ordinal);
        var pagina = (await school.OpenAsync("/organisatie/verwijzingen")).Document.Body!.TextContent;
        Assert.DoesNotContain("Vertrouwelijke notitie", pagina, StringComparison.Ordinal);
        Assert.DoesNotContain("maatwerkvoorziening", pagina, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Reden van afsluiten", pagina, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftOfAnOrganisation_ContinuedByAnotherLogin_IsNoLongerTheirs()
    {
        var (school, _) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");
        await school.PostFormAsync("/melding", "melding-start", ("levensdomein", ""));
        await school.PostAsync("/account/uitloggen", "", (await school.OpenAsync("/")).Token);

        // The same browser, no longer logged in: the draft stays, but not the organisation behind it.
        var pagina = await school.OpenAsync("/melding/voor-wie");
        Assert.Contains(pagina.Document.QuerySelectorAll("input[name=soort]"), i => i.GetAttribute("value") == "Zelf");
    }
}
