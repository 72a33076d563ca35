using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialeKaart.Portal.Components.Shared;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Talen;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Talen;

/// <summary>The melding wizard, its messages and the pages after it in English; the makelpunt gets the same melding as
/// from the Dutch wizard. The error summary and field error in every language.</summary>
public sealed class MeldingTalenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Medewerker Anna = new("medewerker-anna", "Anna de Vries");

    // An English date as the pages write it: "Tuesday 1 December 2026".
    private const string EngelseDatum = @"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}";

    public static TheoryData<string> Soorten => new("Zelf", "Naaste", "Verwijzing", "Zorgsignaal");

    public static TheoryData<string> AndereTalen => new("en", "ar", "tr", "pl", "uk");

    [Theory]
    [MemberData(nameof(Soorten))]
    public async Task Wizard_InEnglish_EveryStepIsEnglish_AndTheMakelpuntGetsTheSameMeldingAsInDutch(string soort)
    {
        var engels = factory.Client();
        var start = await EngelsAsync(engels, "/melding");
        Assert.Equal("Start your request", start.QuerySelector("form button[type=submit]")!.TextContent.Trim());

        var engelseMelding = await VulInAsync(engels, soort, controleer: true);

        var nederlands = factory.Client();
        var (_, nlStart) = await nederlands.GetPageAsync("/melding");
        Assert.Equal("nl", nlStart.DocumentElement.GetAttribute("lang"));
        var nederlandseMelding = await VulInAsync(nederlands, soort, controleer: false);

        Assert.Equal(Json(nederlandseMelding.Antwoorden), Json(engelseMelding.Antwoorden));
        Assert.Equal(Json(nederlandseMelding.Besluit), Json(engelseMelding.Besluit));
        Assert.Equal(Json(nederlandseMelding.Termijnen), Json(engelseMelding.Termijnen));
        Assert.Equal(MeldingStatus.Nieuw, engelseMelding.Status);
    }

    [Fact]
    public async Task Wizard_InEnglish_ForAnOrganisationAccount_IsEnglish()
    {
        var (client, _) = await Verwijzen.Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");

        var start = await EngelsAsync(client, "/melding");
        Assert.Equal("Refer someone to the makelpunt", start.QuerySelector("h1")!.TextContent);
        Assert.Contains("My referrals (Mijn verwijzingen)", start.QuerySelector("a[href='/organisatie/verwijzingen']")!.TextContent, StringComparison.Ordinal);

        var melding = await VulInAsync(client, "Verwijzing", controleer: true);
        Assert.Equal("OBS De Regenboog", melding.Antwoorden.Verwijzer?.Organisatie);
    }

    [Fact]
    public async Task Validation_InEnglish_MessagesSummaryAndTitleAreEnglish_OnEveryStepThatChecks()
    {
        var client = factory.Client();
        await Vertaalcontrole.ControleerAsync(factory, client, "/melding", "en");
        await MeldingInvullen.StartAsync(client);

        var voorWie = await FoutAsync(client, "/melding/voor-wie", [], "soort");
        Assert.Equal("Something is not right", voorWie.QuerySelector(".foutoverzicht h2")!.TextContent);
        Assert.Contains("Choose who the request is for.", Fouten(voorWie));
        Assert.Equal("Error: Choose who the request is for.", voorWie.QuerySelector("#soort-fout")!.TextContent);
        Assert.StartsWith("Error: Step 1 of 6: Who for - ", voorWie.Title, StringComparison.Ordinal);

        // An organisation that refers someone: consent asked, and a date in the future refused.
        var verwijzing = await FoutAsync(client, "/melding/voor-wie",
            [("soort", "Verwijzing"), ("overwie", "Sam"), ("toestemming-op", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            "organisatie", "toestemming-doorwie", "toestemming-op", "toestemming-hoe", "toestemming-persoon");
        Assert.Contains("That day is in the future. Fill in the day on which the person gave consent.", Fouten(verwijzing));

        await VerderAsync(client, "/melding/voor-wie", [("soort", "Zelf")]);
        var waarover = await FoutAsync(client, "/melding/waarover", [("levensdomein", "geen-domein"), ("vraag", new string('x', 2001))], "levensdomein-", "vraag");
        Assert.Contains("Your question is too long: at most 2000 characters. It now has 2001. Make it shorter; your text has been saved.", Fouten(waarover));
        Assert.Contains("Only choose topics from the list.", Fouten(waarover));
        Assert.Equal(new string('x', 2001), waarover.QuerySelector("textarea#vraag")!.TextContent); // kept, not lost

        await VerderAsync(client, "/melding/waarover", [("levensdomein", "rondkomen"), ("vraag", "I can no longer pay my bills.")]);
        var situatie = await FoutAsync(client, "/melding/situatie", [("hulp", "")], "hulp");
        Assert.Contains("Tell us what you need help with.", Fouten(situatie));

        await VerderAsync(client, "/melding/situatie", [("hulp", "Sorting out my money.")]);
        await VerderAsync(client, "/melding/aanbod", []);
        var contact = await FoutAsync(client, "/melding/contact",
            [("naam", ""), ("telefoon", "12"), ("email", "geen-adres"), ("voorkeur", "Telefoon"), ("postcode", "ABC")],
            "postcode", "naam", "telefoon", "email");
        Assert.Equal(
            ["Fill in a postcode such as 3901 AB, or leave it empty.", "Fill in your name.",
             "Fill in a phone number with 10 digits, such as 06 12345678 or 0318 123456.", "Fill in an email address such as name@example.nl."],
            Fouten(contact));
    }

    [Fact]
    public async Task SentAndStatusPages_InEnglish_AreEnglish_WithEnglishDates()
    {
        var client = factory.Client();
        await Vertaalcontrole.ControleerAsync(factory, client, "/melding", "en");
        var melding = await VulInAsync(client, "Zelf", controleer: false);

        var verstuurd = await EngelsAsync(client, "/melding/verstuurd");
        var tekst = verstuurd.QuerySelector("main")!.TextContent;
        Assert.Contains($"Your request number is {melding.Referentie}.", tekst, StringComparison.Ordinal);
        Assert.Matches($"We will contact you no later than {EngelseDatum}\\.", tekst);
        Assert.Matches($"You will have a first talk about debt help \\(schuldhulp\\) no later than {EngelseDatum}\\.", tekst);

        var link = new Uri(verstuurd.QuerySelector("a.statuslink")!.GetAttribute("href")!).PathAndQuery;
        var status = await EngelsAsync(factory.Client(), link);
        var statusTekst = status.QuerySelector("main")!.TextContent;
        Assert.Contains("Received. A member of staff will read your request.", statusTekst, StringComparison.Ordinal);
        Assert.Matches($"Received on\\s*{EngelseDatum}", statusTekst);

        // A home visit planned by the makelpunt: its date and time in English.
        var store = factory.Services.GetRequiredService<IMakelpuntStore>();
        var opgepakt = await store.VoerUitAsync(melding.Id, melding.Versie, new Oppakken(), Anna, DateTimeOffset.UtcNow);
        var bezoek = new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 3, 13, 30, 0, TimeSpan.Zero);
        Assert.True((await store.VoerUitAsync(melding.Id, opgepakt!.Melding!.Versie, new HuisbezoekPlannen(bezoek), Anna, DateTimeOffset.UtcNow))!.Gelukt);

        var gepland = await EngelsAsync(factory.Client(), link);
        // 13:30 UTC in March is 14:30 in Veenendaal.
        var dag = new DateOnly(bezoek.Year, 3, 3).ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Contains($"There is an appointment for a talk at your home on {dag} at 14:30.", gepland.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (_, nl) = await factory.Client().GetPageAsync(link);
        Assert.Contains(" om 14:30.", nl.QuerySelector("main")!.TextContent, StringComparison.Ordinal); // Dutch stays Dutch
    }

    [Fact]
    public async Task NoHelpNeeded_InEnglish_IsEnglish()
    {
        var client = factory.Client();
        await Vertaalcontrole.ControleerAsync(factory, client, "/melding", "en");
        await MeldingInvullen.StartAsync(client);
        await VerderAsync(client, "/melding/voor-wie", [("soort", "Zelf")]);
        await VerderAsync(client, "/melding/waarover", [("levensdomein", "rondkomen"), ("vraag", "Debts")]);
        await VerderAsync(client, "/melding/situatie", [("hulp", "Money")]);
        var aanbod = await EngelsAsync(client, "/melding/aanbod");
        Assert.NotNull(aanbod.QuerySelector("button[value=geholpen]"));

        var geholpen = await client.PostFormAsync("/melding/aanbod", "/melding/aanbod", ("richting", "geholpen"));
        Assert.Equal((HttpStatusCode.Redirect, "/melding/geholpen"), (geholpen.Status, geholpen.Locatie));
        await EngelsAsync(client, "/melding/geholpen");
    }

    // The search page and the staff pages use the same two components: their own words are in every language.
    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task ErrorSummaryAndFieldError_AreInEveryLanguage(string taal)
    {
        var ontbrekend = factory.Services.GetRequiredService<OntbrekendeVertalingen>();
        var fouten = new Formulierfouten();
        fouten.Voeg("q", "—");

        var html = await RenderAsync(taal, new Dictionary<string, object?> { ["Fouten"] = fouten.Alle }, typeof(FoutOverzicht))
            + await RenderAsync(taal, new Dictionary<string, object?> { ["Fouten"] = fouten, ["Veld"] = "q" }, typeof(VeldFout));

        Assert.Contains("class=\"foutoverzicht\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q-fout\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Er klopt iets niet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fout: ", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ontbrekend.Gemist, g => g.StartsWith(taal + " ", StringComparison.Ordinal) && (g.Contains("FoutOverzicht", StringComparison.Ordinal) || g.Contains("VeldFout", StringComparison.Ordinal)));
    }

    /// <summary>Steps 1 to 6 and sending, with the same answers whatever the language; in English every page is checked.
    /// The free texts are English, as an inwoner reading English would write them.</summary>
    private async Task<Melding> VulInAsync(HttpClient client, string soort, bool controleer)
    {
        await MeldingInvullen.StartAsync(client);
        (string, string)[] voorWie = soort switch
        {
            "Naaste" => [("overwie", "Jan Janssen")],
            "Verwijzing" => [("overwie", "Sam Smit"), ("organisatie", "Basisschool De Regenboog"), ("toestemming-persoon", "ja"),
                ("toestemming-doorwie", "Sam Smit"), ("toestemming-op", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("toestemming-hoe", "Schriftelijk"), ("toestemming-contact", "ja"), ("toestemming-delen", "ja")],
            _ => [],
        };
        (string, string)[] situatie = soort == "Zorgsignaal"
            ? [("hulp", "My neighbour has not been outside for weeks."), ("niet-pluis", "ja")]
            : [("zelf", "I can cook."), ("omgeving", "My sister helps sometimes."), ("hulp", "Sorting out my money."), ("uitzetting", "ja")];
        (string, string)[] contact = soort == "Zorgsignaal"
            ? [("anoniem", "ja")]
            : [("naam", MeldingInvullen.Naam), ("telefoon", MeldingInvullen.Telefoon), ("email", MeldingInvullen.Email), ("voorkeur", "Telefoon"),
                ("moment", "Ochtend"), ("postcode", "3901 AB"), ("leeftijd", "Volwassene"), ("delen", "ja")];

        await StapAsync(client, "/melding/voor-wie", [("soort", soort), .. voorWie], controleer);
        await StapAsync(client, "/melding/waarover", [("levensdomein", "rondkomen"), ("levensdomein", "wonen"), ("vraag", "I can no longer pay my rent.")], controleer);
        await StapAsync(client, "/melding/situatie", situatie, controleer);
        await StapAsync(client, "/melding/aanbod", [], controleer);
        await StapAsync(client, "/melding/contact", contact, controleer);
        if (controleer)
        {
            var controle = await EngelsAsync(client, "/melding/controleren");
            Assert.Equal("Send request", controle.QuerySelector("button[value=verder]")!.TextContent.Trim());
        }

        var referentie = MeldingInvullen.Referentie(await MeldingInvullen.VerstuurAsync(client));
        var store = factory.Services.GetRequiredService<IMakelpuntStore>();
        var melding = await store.BekijkAsync(long.Parse(referentie[^5..], CultureInfo.InvariantCulture), Anna, DateTimeOffset.UtcNow);
        Assert.Equal(referentie, melding?.Referentie);
        return melding!;
    }

    private async Task StapAsync(HttpClient client, string url, (string, string)[] velden, bool controleer)
    {
        if (controleer)
        {
            await EngelsAsync(client, url);
        }

        await VerderAsync(client, url, velden);
    }

    private static async Task VerderAsync(HttpClient client, string url, (string, string)[] velden)
    {
        var antwoord = await client.PostFormAsync(url, url, [.. velden, ("richting", "verder")]);
        Assert.True(antwoord.Status == HttpStatusCode.Redirect, $"{url}: {(int)antwoord.Status} {string.Join("; ", antwoord.Fouten)}");
    }

    /// <summary>Posts wrong answers: a 400 in English with an error for each field named, none of it Dutch or untranslated.</summary>
    private async Task<IHtmlDocument> FoutAsync(HttpClient client, string url, (string, string)[] velden, params string[] foutVelden)
    {
        var ontbrekend = factory.Services.GetRequiredService<OntbrekendeVertalingen>();
        var voor = ontbrekend.Gemist.ToHashSet();
        var antwoord = await client.PostFormAsync(url, url, [.. velden, ("richting", "verder")]);

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Equal("en", antwoord.Document.DocumentElement.GetAttribute("lang"));
        var links = antwoord.Document.QuerySelectorAll(".foutoverzicht li a").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var veld in foutVelden)
        {
            Assert.Contains(links, l => l.StartsWith("#" + veld, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(ontbrekend.Gemist, g => !voor.Contains(g) && g.StartsWith("en ", StringComparison.Ordinal));
        Assert.Empty(Vertaalcontrole.NederlandseWoorden(antwoord.Document));
        return antwoord.Document;
    }

    /// <summary>The page through <see cref="Vertaalcontrole"/>: no missing translation, no Dutch word.</summary>
    private async Task<IHtmlDocument> EngelsAsync(HttpClient client, string url)
    {
        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, client, url, "en");
        Assert.True(bevinding.Schoon, $"{url}: {bevinding}");
        return doc;
    }

    private static List<string> Fouten(IHtmlDocument doc) => doc.QuerySelectorAll(".foutoverzicht li").Select(li => li.TextContent.Trim()).ToList();

    private static string Json(object? waarde) => JsonSerializer.Serialize(waarde);

    private async Task<string> RenderAsync(string taal, Dictionary<string, object?> parameters, Type component)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var vorige = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = Taal.Zoek(taal)!.Cultuur;
            try
            {
                var html = await renderer.RenderComponentAsync(component, ParameterView.FromDictionary(parameters));
                return html.ToHtmlString();
            }
            finally
            {
                CultureInfo.CurrentUICulture = vorige;
            }
        });
    }
}
