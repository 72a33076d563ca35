using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Publiceren;
using SocialeKaart.Portal.Tests.Meldingen;
using SocialeKaart.Portal.Tests.Verwijzen;

namespace SocialeKaart.Portal.Tests.Publiceren;

/// <summary>
/// Publishing as its users do it, through the pages: an organisation proposes, a redacteur approves or sends back,
/// edits, restores and withdraws; what is live is searchable at once and every version is kept. Each test makes its own
/// aanbod (a unique word in its name) and accounts.
/// </summary>
public sealed class PublicerenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    internal const string Buurtkracht = "Stichting Buurtkracht Veenendaal";

    internal const string MijnAanbod = "/organisatie/aanbod";

    [Fact]
    public async Task Organisatie_DientIn_RedacteurKeurtGoed_InwonerVindtHetMeteen()
    {
        var woord = Uniek();
        var (org, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var id = await DienNieuwInAsync(org, woord);

        // Not live yet: the inwoner does not find it, the aanbod page does not exist.
        var inwoner = factory.Client();
        Assert.Empty(await ZoekAsync(inwoner, woord));
        Assert.Equal(HttpStatusCode.NotFound, (await inwoner.GetAsync($"/aanbod/{id}")).StatusCode);
        Assert.Contains("Nog niet op de kaart", Formulier.Tekst(await org.OpenAsync(MijnAanbod)), StringComparison.Ordinal);

        var redacteur = await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur);
        var redactie = await redacteur.OpenAsync("/redactie");
        Assert.Contains(redactie.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/redactie/voorstellen/{id}");
        var goedgekeurd = await KeurGoedAsync(redacteur, id);
        Assert.Equal(HttpStatusCode.Redirect, goedgekeurd.Status);

        Assert.Equal([id], await ZoekAsync(inwoner, woord));
        var pagina = await inwoner.OpenAsync($"/aanbod/{id}");
        Assert.Equal(HttpStatusCode.OK, pagina.Status);
        Assert.Contains($"Breicafé {woord}", pagina.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("vandaag", Formulier.Tekst(pagina), StringComparison.Ordinal); // approved = checked today

        var geschiedenis = Formulier.Tekst(await redacteur.OpenAsync($"/redactie/aanbod/{id}"));
        Assert.Contains("goedgekeurd", geschiedenis, StringComparison.Ordinal);
        Assert.DoesNotContain(id, (await redacteur.OpenAsync("/redactie")).Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Wijziging_BlijftOnzichtbaarTotGoedkeuring_TerugsturenToontDeReden()
    {
        var woord = Uniek();
        var (org, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var id = await DienNieuwInAsync(org, woord);
        var redacteur = await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur);
        await KeurGoedAsync(redacteur, id);

        // The organisation proposes a change: the live text stays until a redacteur approves it.
        var tweede = Uniek();
        var bewerk = Formulier.Van(await org.OpenAsync($"/organisatie/aanbod/{id}"), "aanbod")
            .Zet("samenvatting", $"Samen breien en praten, nu ook met {tweede}.").Zet("actie", "indienen");
        Assert.Equal(HttpStatusCode.Redirect, (await bewerk.PostAsync(org, $"/organisatie/aanbod/{id}")).Status);
        var inwoner = factory.Client();
        Assert.Empty(await ZoekAsync(inwoner, tweede));
        Assert.Equal([id], await ZoekAsync(inwoner, woord));

        // The redacteur sees only what changes, and sends it back with a reason.
        var voorstel = await redacteur.OpenAsync($"/redactie/voorstellen/{id}");
        var verschil = voorstel.Document.QuerySelectorAll("table.verschil tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(verschil);
        Assert.Contains(tweede, verschil[0], StringComparison.Ordinal);
        var leeg = await Formulier.Van(voorstel, "terugsturen").PostAsync(redacteur, $"/redactie/voorstellen/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, leeg.Status);
        var terug = await Formulier.Van(voorstel, "terugsturen").Zet("reden", "Schrijf er de tijden bij.").PostAsync(redacteur, $"/redactie/voorstellen/{id}");
        Assert.Equal(HttpStatusCode.Redirect, terug.Status);

        Assert.Contains("De redactie stuurde uw wijziging terug: Schrijf er de tijden bij.", Formulier.Tekst(await org.OpenAsync(MijnAanbod)),
            StringComparison.Ordinal);
        Assert.Empty(await ZoekAsync(inwoner, tweede));

        // The organisation changes it and submits again: back in the queue.
        var opnieuw = Formulier.Van(await org.OpenAsync($"/organisatie/aanbod/{id}"), "aanbod").Zet("actie", "indienen");
        Assert.Equal($"Samen breien en praten, nu ook met {tweede}.", opnieuw.Waarde("samenvatting"));
        Assert.Equal(HttpStatusCode.Redirect, (await opnieuw.PostAsync(org, $"/organisatie/aanbod/{id}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await KeurGoedAsync(redacteur, id)).Status);
        Assert.Equal([id], await ZoekAsync(inwoner, tweede));
    }

    [Fact]
    public async Task VerouderdeVersie_WordtGeweigerd_EnVerliestNiets()
    {
        var woord = Uniek();
        var (org, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var id = await DienNieuwInAsync(org, woord);
        var eerste = await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur);
        var tweede = await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur);
        await KeurGoedAsync(eerste, id);

        // Both open the same aanbod; the first saves; the second's save (on the old version) is refused, its text shown back.
        var a = Formulier.Van(await eerste.OpenAsync($"/redactie/aanbod/{id}"), "bewerken");
        var b = Formulier.Van(await tweede.OpenAsync($"/redactie/aanbod/{id}"), "bewerken");
        Assert.Equal(HttpStatusCode.Redirect, (await a.Zet("samenvatting", "Versie van de eerste redacteur.").Zet("actie", "opslaan").PostAsync(eerste, $"/redactie/aanbod/{id}")).Status);
        var geweigerd = await b.Zet("samenvatting", "Versie van de tweede redacteur.").Zet("actie", "opslaan").PostAsync(tweede, $"/redactie/aanbod/{id}");

        Assert.Equal(HttpStatusCode.Conflict, geweigerd.Status);
        Assert.Contains(geweigerd.Fouten, f => f.Contains("intussen", StringComparison.Ordinal));
        Assert.Equal("Versie van de tweede redacteur.", geweigerd.Document.QuerySelector("#samenvatting")!.TextContent.Trim());
        var live = await factory.Services.GetRequiredService<Publicatie>().LiveAsync(id);
        Assert.Equal("Versie van de eerste redacteur.", live!.Aanbod.Samenvatting);

        // The same for two organisation tabs on one proposal.
        var (org2, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var tab1 = Formulier.Van(await org.OpenAsync($"/organisatie/aanbod/{id}"), "aanbod").Zet("actie", "indienen");
        var tab2 = Formulier.Van(await org2.OpenAsync($"/organisatie/aanbod/{id}"), "aanbod").Zet("actie", "indienen");
        Assert.Equal(HttpStatusCode.Redirect, (await tab1.Zet("samenvatting", "Eerste voorstel.").PostAsync(org, $"/organisatie/aanbod/{id}")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await tab2.Zet("samenvatting", "Tweede voorstel.").PostAsync(org2, $"/organisatie/aanbod/{id}")).Status);
        Assert.Equal("Eerste voorstel.", (await factory.Services.GetRequiredService<Publicatie>().VoorstelAsync(id))!.Aanbod.Samenvatting);
    }

    [Fact]
    public async Task Organisatie_KomtNietBijAanbodVanEenAndere()
    {
        var woord = Uniek();
        var (eigenaar, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var id = await DienNieuwInAsync(eigenaar, woord);
        var (ander, _) = await Organisaties.IngelogdAsync(factory, "Sportclub Vooruit", "sportclub", "Sportclub Vooruit");
        var (school, _) = await Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");

        foreach (var client in new[] { ander, school })
        {
            // A proposal and live aanbod of another aanbieder (guessed ids): not found, not listed, not changeable.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/organisatie/aanbod/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/organisatie/aanbod/buurtbemiddeling")).StatusCode);
            Assert.DoesNotContain(woord, Formulier.Tekst(await client.OpenAsync(MijnAanbod)), StringComparison.Ordinal);
        }

        // A post with the owner's form (a valid token of the other account) to the other's aanbod changes nothing.
        var formulier = Formulier.Van(await eigenaar.OpenAsync($"/organisatie/aanbod/{id}"), "aanbod").Zet("samenvatting", "Gekaapt.").Zet("actie", "indienen");
        var ingelogd = await ander.OpenAsync(MijnAanbod);
        var poging = await ander.PostAsync($"/organisatie/aanbod/{id}", "aanbod", ingelogd.Token, [.. Velden(formulier)]);
        Assert.True(poging.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)poging.Status}"); // no such page, or no such form on it
        Assert.NotEqual("Gekaapt.", (await factory.Services.GetRequiredService<Publicatie>().VoorstelAsync(id))!.Aanbod.Samenvatting);

        // "Klopt nog" for an aanbod that is not the account's own.
        var eigen = await ander.OpenAsync(MijnAanbod);
        var klopt = await ander.PostAsync(MijnAanbod, "klopt-buurtbemiddeling", eigen.Token, ("id", "buurtbemiddeling"), ("versie", "x"));
        Assert.NotEqual(HttpStatusCode.Redirect, klopt.Status);
    }

    [Fact]
    public async Task Redacteur_BewerktZetTerugEnTrektIn_ElkeVersieBlijft()
    {
        var redacteur = await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur);
        var woord = Uniek();
        var nieuw = Formulier.Van(await redacteur.OpenAsync("/redactie/aanbod/nieuw"), "bewerken");
        VulIn(nieuw, woord).Zet("aanbieder", "Stichting Breiwerk").Zet("actie", "opslaan");
        var opgeslagen = await nieuw.PostAsync(redacteur, "/redactie/aanbod/nieuw");
        Assert.True(opgeslagen.Status == HttpStatusCode.Redirect, string.Join("; ", opgeslagen.Fouten));
        var id = opgeslagen.Locatie!.Split('?')[0].Split('/')[^1];
        var inwoner = factory.Client();
        Assert.Equal([id], await ZoekAsync(inwoner, woord));

        var ander = Uniek();
        var bewerk = Formulier.Van(await redacteur.OpenAsync($"/redactie/aanbod/{id}"), "bewerken").Zet("samenvatting", $"Nu met {ander}.").Zet("actie", "opslaan");
        Assert.Equal(HttpStatusCode.Redirect, (await bewerk.PostAsync(redacteur, $"/redactie/aanbod/{id}")).Status);
        Assert.Equal([id], await ZoekAsync(inwoner, ander));

        // Version 1 back: the first text is live again, as a new version.
        var pagina = await redacteur.OpenAsync($"/redactie/aanbod/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await Formulier.Van(pagina, "terug-1").PostAsync(redacteur, $"/redactie/aanbod/{id}")).Status);
        Assert.Empty(await ZoekAsync(inwoner, ander));
        Assert.Equal([id], await ZoekAsync(inwoner, woord));
        var versies = await factory.Services.GetRequiredService<Publicatie>().VersiesAsync(id);
        Assert.Equal([3, 2, 1], versies.Select(v => v.Nummer));
        Assert.Equal("teruggezet naar versie 1", versies[0].Actie);

        // Withdrawn: out of search and gone as a page (404), the history stays, and it can come back.
        pagina = await redacteur.OpenAsync($"/redactie/aanbod/{id}");
        var ingetrokken = await Formulier.Van(pagina, "intrekken").Zet("reden", "Gestopt.").PostAsync(redacteur, $"/redactie/aanbod/{id}");
        Assert.Equal(HttpStatusCode.Redirect, ingetrokken.Status);
        Assert.Empty(await ZoekAsync(inwoner, woord));
        Assert.Equal(HttpStatusCode.NotFound, (await inwoner.GetAsync($"/aanbod/{id}")).StatusCode);
        versies = await factory.Services.GetRequiredService<Publicatie>().VersiesAsync(id);
        Assert.Equal(("ingetrokken", "Gestopt."), (versies[0].Actie, versies[0].Reden));
        var terug = await factory.Services.GetRequiredService<Publicatie>().ZetTerugAsync(id, 1, null, "test");
        Assert.True(terug.Gelukt, string.Join("; ", terug.Problemen));
        Assert.Equal([id], await ZoekAsync(inwoner, woord));
    }

    [Fact]
    public async Task KloptNog_ZetDeDatumOpVandaag()
    {
        var woord = Uniek();
        var (org, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var id = await DienNieuwInAsync(org, woord);
        await KeurGoedAsync(await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur), id);

        // Pretend it was last checked long ago, as content that came in as a file.
        var publicatie = factory.Services.GetRequiredService<Publicatie>();
        var live = await publicatie.LiveAsync(id);
        Assert.True((await publicatie.BewerkAsync(live!.Aanbod with { AssuredDate = new DateOnly(2024, 1, 15) }, live.Versie, "test")).Gelukt);
        var lijst = await org.OpenAsync(MijnAanbod);
        Assert.Contains("meer dan 12 maanden geleden", Formulier.Tekst(lijst), StringComparison.Ordinal);
        Assert.Contains("voor het laatst gecontroleerd", Formulier.Tekst(await factory.Client().OpenAsync($"/aanbod/{id}")), StringComparison.Ordinal);

        var klopt = await Formulier.Van(lijst, $"klopt-{id}").PostAsync(org, MijnAanbod);
        Assert.Equal(HttpStatusCode.Redirect, klopt.Status);
        Assert.Equal(publicatie.Vandaag(), (await publicatie.LiveAsync(id))!.Aanbod.AssuredDate);
        Assert.Equal(publicatie.Vandaag(), (await factory.Services.GetRequiredService<ISearchIndex>().GetAsync(id))!.Document.Aanbod.AssuredDate);
    }

    [Fact]
    public async Task FouteInvoer_KrijgtUitleg_EnVerliestNiets()
    {
        var (org, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var formulier = Formulier.Van(await org.OpenAsync("/organisatie/aanbod/nieuw"), "aanbod");
        VulIn(formulier, Uniek()).Zet("locatie-0-postcode", "1000 AA").Zet("tijd-0-tot", "09:00").Zet("website", "buurtkracht").Zet("actie", "indienen");
        var antwoord = await formulier.PostAsync(org, "/organisatie/aanbod/nieuw");

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Contains(antwoord.Fouten, f => f.Contains("Postcode 1000 kennen wij niet", StringComparison.Ordinal));
        Assert.Contains(antwoord.Fouten, f => f.Contains("eindtijd moet later", StringComparison.Ordinal));
        Assert.Contains(antwoord.Fouten, f => f.Contains("https://", StringComparison.Ordinal));
        Assert.Equal(formulier.Waarde("beschrijving"), antwoord.Document.QuerySelector("#beschrijving")!.TextContent.Trim());
        Assert.Equal("1000 AA", antwoord.Document.QuerySelector("#locatie-0-postcode")!.GetAttribute("value"));
        Assert.Equal("true", antwoord.Document.QuerySelector("#locatie-0-postcode")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task UpdatesGevenHetzelfdeAlsEenNieuweIndex()
    {
        // A series of publishing actions, then a complete rebuild from the store: every query answers the same.
        var redacteur = await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur);
        var (org, _) = await Organisaties.IngelogdAsync(factory, Buurtkracht, "vrijwilligersorganisatie", Buurtkracht);
        var woord = Uniek();
        var id = await DienNieuwInAsync(org, woord);
        await KeurGoedAsync(redacteur, id);
        var bewerk = Formulier.Van(await redacteur.OpenAsync("/redactie/aanbod/buurtbemiddeling"), "bewerken")
            .Zet("samenvatting", "Ruzie met de buren? Vrijwilligers helpen u weer met elkaar te praten.").Zet("actie", "opslaan");
        Assert.Equal(HttpStatusCode.Redirect, (await bewerk.PostAsync(redacteur, "/redactie/aanbod/buurtbemiddeling")).Status);

        var index = factory.Services.GetRequiredService<ISearchIndex>();
        string[] vragen = ["ruzie buren", woord, "breien", "taal", "schulden", "eenzaam", ""];
        var voor = new List<string>();
        foreach (var q in vragen)
        {
            voor.Add(Samenvatting(await index.SearchAsync(new SearchQuery { Tekst = q, PerPagina = 50 })));
        }

        var content = await new ContentIndexer(factory.Services.GetRequiredService<IContentStore>()).ReadAsync();
        var publicatie = factory.Services.GetRequiredService<Publicatie>();
        await factory.Services.GetRequiredService<ISearchIndexWriter>().RebuildAsync(ContentIndexer.Batch(content, publicatie.Vandaag()));
        for (var i = 0; i < vragen.Length; i++)
        {
            Assert.Equal(voor[i], Samenvatting(await index.SearchAsync(new SearchQuery { Tekst = vragen[i], PerPagina = 50 })));
        }

        static string Samenvatting(SearchResults r) =>
            $"{r.Totaal}: " + string.Join(", ", r.Hits.Select(h => $"{h.Id} {h.Samenvatting}"))
            + " | " + string.Join(", ", r.Facetten.SelectMany(f => f.Waarden.Select(w => $"{f.Naam}/{w.Waarde}={w.Aantal}")));
    }

    internal static string Uniek() => "Wolk" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Fills the publishing form with a weekly activity in the centre of Veenendaal.</summary>
    internal static Formulier VulIn(Formulier formulier, string woord) => formulier
        .Zet("naam", $"Breicafé {woord}")
        .Zet("samenvatting", $"Samen breien en praten in het buurthuis ({woord}).")
        .Zet("beschrijving", "Elke dinsdag breien we samen. **Iedereen** is welkom, ook als u nog nooit gebreid heeft.\n\n- Wol is er\n- Koffie ook")
        .Zet("levensdomein", "ontmoeten")
        .Zet("doelgroep", "volwassenen", "ouderen")
        .Zet("kosten", "gratis")
        .Zet("locatie-0-naam", "Buurthuis De Kievit").Zet("locatie-0-adres", "Kerkewijk 10").Zet("locatie-0-postcode", "3901 EG").Zet("locatie-0-plaats", "Veenendaal")
        .Zet("tijd-0-soort", "wekelijks").Zet("tijd-0-dag", "TU").Zet("tijd-0-interval", "1").Zet("tijd-0-van", "14:00").Zet("tijd-0-tot", "16:00")
        .Zet("talen", "nl");

    /// <summary>An organisation proposes a new aanbod through its form; returns the new aanbod's id.</summary>
    internal static async Task<string> DienNieuwInAsync(HttpClient org, string woord)
    {
        var formulier = Formulier.Van(await org.OpenAsync("/organisatie/aanbod/nieuw"), "aanbod");
        var antwoord = await VulIn(formulier, woord).Zet("actie", "indienen").PostAsync(org, "/organisatie/aanbod/nieuw");
        Assert.True(antwoord.Status == HttpStatusCode.Redirect, $"{(int)antwoord.Status}: {string.Join("; ", antwoord.Fouten)}");
        var lijst = await org.OpenAsync(MijnAanbod);
        var link = lijst.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "")
            .Single(h => h.StartsWith("/organisatie/aanbod/breicafe-" + woord.ToLowerInvariant(), StringComparison.Ordinal));
        return link.Split('/')[^1];
    }

    internal static async Task<Formulieren.Antwoord> KeurGoedAsync(HttpClient redacteur, string id)
    {
        var voorstel = await redacteur.OpenAsync($"/redactie/voorstellen/{id}");
        return await Formulier.Van(voorstel, "goedkeuren").PostAsync(redacteur, $"/redactie/voorstellen/{id}");
    }

    internal static async Task<IReadOnlyList<string>> ZoekAsync(HttpClient client, string woord)
    {
        var pagina = await client.OpenAsync("/zoeken?q=" + Uri.EscapeDataString(woord));
        return [.. pagina.Document.QuerySelectorAll(".treffer h3 a").Select(a => (a.GetAttribute("href") ?? "").Split('/')[^1])];
    }

    private static IEnumerable<(string, string)> Velden(Formulier formulier) =>
        new[] { "naam", "samenvatting", "beschrijving", "levensdomein", "actie" }.Select(n => (n, formulier.Waarde(n) ?? ""));
}
