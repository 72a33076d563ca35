using System.Net;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Verwijzen;

/// <summary>The warm handover: the makelpunt refers to an aanbod, its aanbieder accepts or declines and records contact.</summary>
public sealed class OverdrachtTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Buurtkracht = "Stichting Buurtkracht Veenendaal";

    private static string Versie(Formulieren.Antwoord pagina) =>
        pagina.Document.QuerySelector("form:not([hidden]) input[name=versie]")?.GetAttribute("value") ?? "0";

    /// <summary>A melding, picked up by a consulent and referred to the first aanbod of Buurtkracht in its list.</summary>
    private async Task<(long Id, HttpClient Consulent, string AanbodId)> DoorverwezenAsync(string[] domeinen, bool delen)
    {
        var (school, _) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");
        var referentie = MeldingInvullen.Referentie(await Organisaties.VerwijsAsync(school, vraag: "Vader is vergeetachtig en eenzaam.", delen: delen,
            levensdomeinen: domeinen, leeftijd: "Oudere"));
        var id = long.Parse(referentie[^5..], System.Globalization.CultureInfo.InvariantCulture);
        var consulent = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var url = $"/makelpunt/meldingen/{id}";
        await consulent.PostFormAsync(url, "oppakken", ("versie", Versie(await consulent.OpenAsync(url))));

        var zoek = $"{url}?zoek=ouderenadviseur";
        var pagina = await consulent.OpenAsync(zoek);
        var keuze = pagina.Document.QuerySelectorAll("select#aanbod option").First(o => o.TextContent.Contains(Buurtkracht, StringComparison.Ordinal));
        var verwezen = await consulent.PostFormAsync(zoek, "doorverwijzen", ("versie", Versie(pagina)), ("aanbod", keuze.GetAttribute("value")!),
            ("toelichting", "Graag een huisbezoek."));
        Assert.Equal(HttpStatusCode.Redirect, verwezen.Status);
        return (id, consulent, keuze.GetAttribute("value")!);
    }

    [Fact]
    public async Task Aanbieder_SeesTheHandover_AcceptsAndRecordsContact_AndTheConsulentSeesIt()
    {
        var (meldingId, consulent, aanbodId) = await DoorverwezenAsync(["zorgen", "ontmoeten"], delen: true);
        var (aanbieder, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);

        var lijst = await aanbieder.OpenAsync("/organisatie/overdrachten");
        var link = lijst.Document.QuerySelectorAll("main a[href^='/organisatie/overdrachten/']").Select(a => a.GetAttribute("href")!).First();
        var detail = await aanbieder.OpenAsync(link);
        var tekst = detail.Document.QuerySelector("main")!.TextContent;
        Assert.Contains("Sem de Vries", tekst, StringComparison.Ordinal); // shared: the person agreed
        Assert.Contains("Graag een huisbezoek.", tekst, StringComparison.Ordinal);
        Assert.Contains(aanbodId.Length > 0 ? "Nieuw" : "", tekst, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await aanbieder.PostFormAsync(link, "accepteren", ("versie", Versie(detail)))).Status);
        detail = await aanbieder.OpenAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, (await aanbieder.PostFormAsync(link, "contact", ("versie", Versie(detail)))).Status);
        Assert.Contains("Contact gehad", (await aanbieder.OpenAsync(link)).Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var geschiedenis = (await consulent.OpenAsync($"/makelpunt/meldingen/{meldingId}")).Document.QuerySelector(".geschiedenis")!.TextContent;
        Assert.Contains($"{Buurtkracht} heeft de doorverwijzing aangenomen", geschiedenis, StringComparison.Ordinal);
        Assert.Contains($"{Buurtkracht} heeft contact gehad met de persoon", geschiedenis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutConsentToShare_TheAanbiederGetsNoPersonalDetails()
    {
        await DoorverwezenAsync(["zorgen", "ontmoeten"], delen: false);
        var (aanbieder, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var link = (await aanbieder.OpenAsync("/organisatie/overdrachten")).Document.QuerySelectorAll("main a[href^='/organisatie/overdrachten/']")
            .Select(a => a.GetAttribute("href")!).First();
        var detail = (await aanbieder.OpenAsync(link)).Document.QuerySelector("main")!.TextContent;

        Assert.DoesNotContain("Sem de Vries", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Eva de Vries", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("06 11223344", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("vergeetachtig", detail, StringComparison.Ordinal);
        Assert.Contains("geen toestemming", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_NeedsAReason_ThenTheConsulentReadsIt()
    {
        var (meldingId, consulent, _) = await DoorverwezenAsync(["zorgen"], delen: true);
        var (aanbieder, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var link = (await aanbieder.OpenAsync("/organisatie/overdrachten")).Document.QuerySelectorAll("main a[href^='/organisatie/overdrachten/']")
            .Select(a => a.GetAttribute("href")!).First();
        var detail = await aanbieder.OpenAsync(link);

        var zonder = await aanbieder.PostFormAsync(link, "afwijzen", ("versie", Versie(detail)), ("reden", ""));
        Assert.Equal(HttpStatusCode.Conflict, zonder.Status);
        Assert.Contains(zonder.Fouten, f => f.Contains("waarom", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.Redirect, (await aanbieder.PostFormAsync(link, "afwijzen", ("versie", Versie(detail)), ("reden", "Wachtlijst van drie maanden."))).Status);
        var pagina = (await consulent.OpenAsync($"/makelpunt/meldingen/{meldingId}")).Document.Body!.TextContent;
        Assert.Contains("Wachtlijst van drie maanden.", pagina, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherAanbieders_AndOtherRoles_NeverSeeAHandover_EvenWithItsId()
    {
        await DoorverwezenAsync(["zorgen"], delen: true);
        var (aanbieder, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var link = (await aanbieder.OpenAsync("/organisatie/overdrachten")).Document.QuerySelectorAll("main a[href^='/organisatie/overdrachten/']")
            .Select(a => a.GetAttribute("href")!).First();

        var (ander, _) = await Organisaties.IngelogdAsync(factory, "Stichting Rond met Geld", "vrijwilligersorganisatie", "Stichting Rond met Geld");
        var (school, _) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");
        Assert.Equal(HttpStatusCode.NotFound, (await ander.OpenAsync(link)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await school.OpenAsync(link)).Status);
        Assert.DoesNotContain("Sem", (await ander.OpenAsync("/organisatie/overdrachten")).Document.Body!.TextContent, StringComparison.Ordinal);
        foreach (var gok in new[] { "/organisatie/overdrachten/1", "/organisatie/overdrachten/2", "/organisatie/overdrachten/999999" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ander.OpenAsync(gok)).Status);
        }

        // A post to someone else's handover is refused (the page has no form for it: 400) and changes nothing.
        var detail = await aanbieder.OpenAsync(link);
        var post = await ander.PostAsync(link, "accepteren", (await ander.OpenAsync("/")).Token, ("versie", Versie(detail)));
        Assert.Contains(post.Status, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.Contains("Nieuw", (await aanbieder.OpenAsync(link)).Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        foreach (var rol in new[] { Rollen.Consulent, Rollen.Redacteur, Rollen.Beheerder, Rollen.Beleidsmedewerker })
        {
            var client = await TestAccounts.IngelogdAsync(factory, rol);
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, link));
        }

        var anoniem = factory.Client();
        Assert.StartsWith("/account/inloggen", (await anoniem.GetAsync(link)).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    // The access denied page answers with its own status: 403 after the redirect to /account/geen-toegang.
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        var antwoord = await client.GetAsync(url);
        if (antwoord.StatusCode == HttpStatusCode.Redirect && antwoord.Headers.Location!.OriginalString.StartsWith("/account/geen-toegang", StringComparison.Ordinal))
        {
            return HttpStatusCode.Forbidden;
        }

        return antwoord.StatusCode;
    }
}
