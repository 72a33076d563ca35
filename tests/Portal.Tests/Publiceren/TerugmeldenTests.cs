using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Tests.Meldingen;
using SocialeKaart.Portal.Tests.Verwijzen;

namespace SocialeKaart.Portal.Tests.Publiceren;

/// <summary>"Klopt er iets niet?" from the aanbod page: the report reaches the redactie and the organisation of that
/// aanbod (not another one), a bot that fills the hidden field is told so and stored nothing, and closing needs a
/// word on what was done.</summary>
public sealed class TerugmeldenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Melding_KomtBijRedactieEnOrganisatie_SluitenLegtVastWatErGedaanIs()
    {
        var tekst = $"Het nummer is veranderd {PublicerenTests.Uniek()}";
        var inwoner = factory.Client();
        var verstuurd = await MeldAsync(inwoner, "buurtbemiddeling", ("soort", "Telefoon"), ("tekst", tekst), ("website", ""));
        Assert.Equal("/aanbod/buurtbemiddeling?klopt=dank#klopt-niet", verstuurd.Locatie);
        Assert.Contains("Dank u wel", Formulier.Tekst(await inwoner.OpenAsync(verstuurd.Locatie!)), StringComparison.Ordinal);

        // The organisation of the aanbod sees it on "Mijn aanbod"; another organisation does not.
        var (org, _) = await Organisaties.IngelogdAsync(factory, PublicerenTests.Buurtkracht, "vrijwilligersorganisatie", PublicerenTests.Buurtkracht);
        Assert.Contains(tekst, Formulier.Tekst(await org.OpenAsync(PublicerenTests.MijnAanbod)), StringComparison.Ordinal);
        var (ander, _) = await Organisaties.IngelogdAsync(factory, "Stichting Breiwerk", "vrijwilligersorganisatie", "Stichting Breiwerk");
        Assert.DoesNotContain(tekst, Formulier.Tekst(await ander.OpenAsync(PublicerenTests.MijnAanbod)), StringComparison.Ordinal);

        // The redactie: in the queue, linked to the aanbod; closing without a word is refused and keeps it open.
        var redacteur = await TestAccounts.IngelogdAsync(factory, Rollen.Redacteur);
        var redactie = await redacteur.OpenAsync("/redactie");
        var melding = redactie.Document.QuerySelectorAll("li.treffer").Single(li => li.TextContent.Contains(tekst, StringComparison.Ordinal));
        Assert.Contains(melding.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/aanbod/buurtbemiddeling");
        var handler = melding.QuerySelector("input[name=_handler]")!.GetAttribute("value")!;
        var leeg = await Formulier.Van(redactie, handler).Zet("afhandeling", " ").PostAsync(redacteur, "/redactie");
        Assert.Equal(HttpStatusCode.BadRequest, leeg.Status);
        Assert.Contains("Schrijf op wat er is gedaan.", leeg.Fouten);

        var gesloten = await Formulier.Van(redactie, handler).Zet("afhandeling", "Nummer aangepast").PostAsync(redacteur, "/redactie");
        Assert.Equal(HttpStatusCode.Redirect, gesloten.Status);
        Assert.DoesNotContain(tekst, Formulier.Tekst(await redacteur.OpenAsync("/redactie")), StringComparison.Ordinal);
        Assert.DoesNotContain(tekst, Formulier.Tekst(await org.OpenAsync(PublicerenTests.MijnAanbod)), StringComparison.Ordinal);
        Assert.DoesNotContain(await Store.TerugmeldingenAsync(null), t => t.Tekst == tekst);
    }

    [Fact]
    public async Task Honingpot_EnFouteSoort_WordenGemeld_EnNietBewaard()
    {
        var tekst = $"Bot {PublicerenTests.Uniek()}";
        var inwoner = factory.Client();
        var bot = await MeldAsync(inwoner, "buurtbemiddeling", ("soort", "Telefoon"), ("tekst", tekst), ("website", "http://spam.example"));
        Assert.Equal("/aanbod/buurtbemiddeling?klopt=fout#klopt-niet", bot.Locatie);
        var fout = await MeldAsync(inwoner, "buurtbemiddeling", ("soort", "Onzin"), ("tekst", tekst), ("website", ""));
        Assert.Equal("/aanbod/buurtbemiddeling?klopt=fout#klopt-niet", fout.Locatie);
        var telang = await MeldAsync(inwoner, "buurtbemiddeling", ("soort", "Anders"), ("tekst", tekst + new string('x', 2000)), ("website", ""));
        Assert.Equal("/aanbod/buurtbemiddeling?klopt=fout#klopt-niet", telang.Locatie);
        Assert.DoesNotContain(await Store.TerugmeldingenAsync(null), t => t.Tekst.StartsWith(tekst, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await MeldAsync(inwoner, "bestaat-niet", ("soort", "Telefoon"), ("tekst", ""), ("website", ""))).Status);
    }

    [Fact]
    public async Task ZonderFormulierToken_WordtGeweigerd()
    {
        var antwoord = await factory.Client().PostAsync("/aanbod/buurtbemiddeling/klopt-niet",
            new FormUrlEncodedContent([new("soort", "Telefoon"), new("tekst", "zonder token")]));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        Assert.DoesNotContain(await Store.TerugmeldingenAsync(null), t => t.Tekst == "zonder token");
    }

    private IMakelpuntStore Store => factory.Services.GetRequiredService<IMakelpuntStore>();

    private static async Task<Formulieren.Antwoord> MeldAsync(HttpClient client, string aanbodId, params (string, string)[] velden)
    {
        var pagina = await client.OpenAsync("/aanbod/buurtbemiddeling");
        Assert.NotNull(pagina.Document.QuerySelector($"form[action='/aanbod/buurtbemiddeling/klopt-niet']"));
        return await client.PostAsync($"/aanbod/{aanbodId}/klopt-niet", "", pagina.Token, velden);
    }
}
