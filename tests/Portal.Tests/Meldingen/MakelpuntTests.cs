using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Accounts;

namespace SocialeKaart.Portal.Tests.Meldingen;

internal static class TestAccounts
{
    public const string Wachtwoord = "Test-wachtwoord-2026";

    /// <summary>A new account with one role, logged in on a new client.</summary>
    public static async Task<HttpClient> IngelogdAsync(PortalFactory factory, string rol)
    {
        var email = $"{rol}-{Guid.NewGuid():N}@test.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var user = new Gebruiker { UserName = email, Email = email, EmailConfirmed = true, Naam = $"Test {rol}" };
            Assert.True((await users.CreateAsync(user, Wachtwoord)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, rol)).Succeeded);
        }

        var client = factory.Client();
        return await LogInAsync(client, email, Wachtwoord) == HttpStatusCode.Redirect ? client : throw new InvalidOperationException("Inloggen mislukt.");
    }

    /// <summary>Logs in with the field names the login page renders (as a browser would), not names the test assumes.</summary>
    public static async Task<HttpStatusCode> LogInAsync(HttpClient client, string email, string wachtwoord)
    {
        var pagina = await client.OpenAsync("/account/inloggen");
        var emailVeld = pagina.Document.QuerySelector("input[type=email]")!.GetAttribute("name")!;
        var wachtwoordVeld = pagina.Document.QuerySelector("input[type=password]")!.GetAttribute("name")!;
        var token = pagina.Token;
        return (await client.PostAsync("/account/inloggen", "inloggen", token, (emailVeld, email), (wachtwoordVeld, wachtwoord))).Status;
    }

    /// <summary>A melding sent through the wizard; returns its id in the makelpunt.</summary>
    public static async Task<(long Id, string Referentie)> MeldingAsync(PortalFactory factory, string[]? levensdomeinen = null)
    {
        var inwoner = factory.Client();
        await MeldingInvullen.TotControleAsync(inwoner, levensdomeinen: levensdomeinen);
        var referentie = MeldingInvullen.Referentie(await MeldingInvullen.VerstuurAsync(inwoner));
        return (long.Parse(referentie[^5..], System.Globalization.CultureInfo.InvariantCulture), referentie);
    }
}

public sealed class MakelpuntToegangTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Routes => new() { "/makelpunt", "/makelpunt?status=Nieuw&urgent=ja", "/makelpunt/meldingen/1", "/makelpunt/meldingen/999999" };

    public static TheoryData<string> GeenMakelpuntRollen => new() { Rollen.Organisatie, Rollen.Redacteur, Rollen.Beheerder };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_Anonymous_GoesToLogin(string route)
    {
        await TestAccounts.MeldingAsync(factory);
        var antwoord = await factory.Client().OpenAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
        Assert.StartsWith("/account/inloggen?ReturnUrl=", antwoord.Locatie, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GeenMakelpuntRollen))]
    public async Task Queue_AndGuessedMeldingIds_AreRefusedForOtherRoles(string rol)
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory);
        var client = await TestAccounts.IngelogdAsync(factory, rol);

        foreach (var route in new[] { "/makelpunt", $"/makelpunt/meldingen/{id}", $"/makelpunt/meldingen/{id + 1}", "/makelpunt/meldingen/1" })
        {
            var antwoord = await client.OpenAsync(route);
            Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
            Assert.StartsWith("/account/geen-toegang", antwoord.Locatie, StringComparison.Ordinal);
        }

        var geenToegang = await client.OpenAsync("/account/geen-toegang");
        Assert.Equal(HttpStatusCode.Forbidden, geenToegang.Status);
    }

    [Fact]
    public async Task Actie_Anonymous_ChangesNothing()
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory);
        var anoniem = factory.Client();
        var start = await anoniem.OpenAsync("/melding"); // any page gives an antiforgery token for this client
        var token = start.Token;

        var antwoord = await anoniem.PostAsync($"/makelpunt/meldingen/{id}", "oppakken", token, ("versie", "1"));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
        Assert.StartsWith("/account/inloggen", antwoord.Locatie, StringComparison.Ordinal);

        var consulent = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var pagina = await consulent.OpenAsync($"/makelpunt/meldingen/{id}");
        Assert.Contains("nog niemand", pagina.Document.QuerySelector(".kenmerken")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoAccounts_AreRemovedWhenTheFlagIsOff()
    {
        var map = Path.Combine(Path.GetTempPath(), "sk-demo-" + Guid.NewGuid().ToString("N"));
        var accounts = Path.Combine(map, "accounts.db");
        try
        {
            using (var demo = new PortalFactory { Instellingen = { ["Accounts:Bestand"] = accounts, ["Accounts:DemoAccounts"] = "true" } })
            {
                var login = await demo.Client().PostFormAsync("/account/inloggen", "inloggen",
                    ("Invoer.Email", DemoAccounts.Alle[0].Email), ("Invoer.Wachtwoord", DemoAccounts.Wachtwoord));
                Assert.Equal(HttpStatusCode.Redirect, login.Status);
            }

            using var productie = new PortalFactory { Instellingen = { ["Accounts:Bestand"] = accounts } };
            var weg = await productie.Client().PostFormAsync("/account/inloggen", "inloggen",
                ("Invoer.Email", DemoAccounts.Alle[0].Email), ("Invoer.Wachtwoord", DemoAccounts.Wachtwoord));
            Assert.Equal(HttpStatusCode.BadRequest, weg.Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(map, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Login_WrongPassword_Is400WithAMessage()
    {
        var antwoord = await factory.Client().PostFormAsync("/account/inloggen", "inloggen", ("Invoer.Email", "niemand@test.example"), ("Invoer.Wachtwoord", "fout"));
        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Contains(antwoord.Fouten, f => f.Contains("klopt niet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_ReturnUrlElsewhere_StaysOnTheSite()
    {
        var email = $"c-{Guid.NewGuid():N}@test.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var user = new Gebruiker { UserName = email, Email = email, Naam = "C" };
            await users.CreateAsync(user, TestAccounts.Wachtwoord);
            await users.AddToRoleAsync(user, Rollen.Consulent);
        }

        var login = await factory.Client().PostFormAsync("/account/inloggen?ReturnUrl=%2F%2Fevil.example", "inloggen",
            ("Invoer.Email", email), ("Invoer.Wachtwoord", TestAccounts.Wachtwoord), ("Invoer.Terug", "//evil.example"));
        Assert.Equal("/makelpunt", login.Locatie);
    }

    [Theory]
    [InlineData(Rollen.Consulent)]
    [InlineData(Rollen.SocialeMakelaar)]
    public async Task Melding_MakelpuntRoles_SeeItAndUnknownIdsAre404(string rol)
    {
        var (id, referentie) = await TestAccounts.MeldingAsync(factory);
        var client = await TestAccounts.IngelogdAsync(factory, rol);

        var wachtrij = await client.OpenAsync("/makelpunt");
        Assert.Equal(HttpStatusCode.OK, wachtrij.Status);
        var pagina = await client.OpenAsync($"/makelpunt/meldingen/{id}");
        Assert.Equal(HttpStatusCode.OK, pagina.Status);
        Assert.Contains(referentie, pagina.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(MeldingInvullen.Telefoon, pagina.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var geraden = await client.OpenAsync("/makelpunt/meldingen/987654321");
        Assert.Equal(HttpStatusCode.NotFound, geraden.Status);
    }
}

public sealed class MakelpuntBehandelTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Versie(Formulieren.Antwoord pagina) =>
        pagina.Document.QuerySelector("input[name=versie]")!.GetAttribute("value")!;

    [Fact]
    public async Task Consulent_ClaimsRefersAndCloses_AndEveryStepIsInTheHistory()
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory, ["rondkomen"]);
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var url = $"/makelpunt/meldingen/{id}";

        var pagina = await client.OpenAsync(url);
        Assert.NotEmpty(pagina.Document.QuerySelectorAll(".intern")); // achter-het-loket aanbod with its internal fields
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, "oppakken", ("versie", Versie(pagina)))).Status);

        pagina = await client.OpenAsync(url);
        var aanbod = pagina.Document.QuerySelectorAll("select#aanbod option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, "doorverwijzen", ("versie", Versie(pagina)), ("aanbod", aanbod))).Status);

        pagina = await client.OpenAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, "notitie", ("versie", Versie(pagina)), ("notitie", "Gebeld, afspraak gemaakt."))).Status);

        // The Wgs deadline is still open: closing asks why, and records it.
        pagina = await client.OpenAsync(url);
        var zonderReden = await client.PostFormAsync(url, "afsluiten", ("versie", Versie(pagina)), ("uitkomst", "AlgemeenToegankelijkAanbod"));
        Assert.Equal(HttpStatusCode.Conflict, zonderReden.Status);
        Assert.Contains(zonderReden.Fouten, f => f.Contains("Wgs", StringComparison.Ordinal));
        pagina = await client.OpenAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, "afsluiten", ("versie", Versie(pagina)), ("uitkomst", "AlgemeenToegankelijkAanbod"),
            ("reden", "De inwoner regelt het zelf met de Geldpunt-vrijwilliger."))).Status);

        pagina = await client.OpenAsync(url);
        var geschiedenis = pagina.Document.QuerySelector(".geschiedenis")!.TextContent;
        Assert.Contains("Opgepakt", geschiedenis, StringComparison.Ordinal);
        Assert.Contains("Doorverwezen naar", geschiedenis, StringComparison.Ordinal);
        Assert.Contains("Gebeld, afspraak gemaakt.", geschiedenis, StringComparison.Ordinal);
        Assert.Contains("Afgesloten: algemeen toegankelijk aanbod", geschiedenis, StringComparison.Ordinal);
        Assert.Contains("De inwoner regelt het zelf met de Geldpunt-vrijwilliger.", geschiedenis, StringComparison.Ordinal);
        Assert.NotNull(pagina.Document.QuerySelector("section.acties[hidden]")); // a closed melding takes no more actions
    }

    [Fact]
    public async Task Afsluiten_BeforeClaim_IsRefusedWith409AndAMessage()
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory);
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.SocialeMakelaar);
        var url = $"/makelpunt/meldingen/{id}";
        var pagina = await client.OpenAsync(url);

        var antwoord = await client.PostAsync(url, "afsluiten",
            pagina.Token,
            ("versie", Versie(pagina)), ("uitkomst", "GeenVervolgNodig"));

        Assert.Equal(HttpStatusCode.Conflict, antwoord.Status);
        Assert.Contains(antwoord.Fouten, f => f.Contains("Pak de melding eerst op", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Actie_OnAnOldVersion_IsRefused()
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory);
        var ik = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var collega = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var url = $"/makelpunt/meldingen/{id}";
        var oud = await ik.OpenAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await collega.PostFormAsync(url, "oppakken", ("versie", Versie(await collega.OpenAsync(url))))).Status);
        var antwoord = await ik.PostAsync(url, "oppakken",
            oud.Token, ("versie", Versie(oud)));

        Assert.Equal(HttpStatusCode.Conflict, antwoord.Status);
        Assert.Contains(antwoord.Fouten, f => f.Contains("intussen gewijzigd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notitie_TooLong_Is400LinkedToTheFieldAndKeepsTheText()
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory);
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var url = $"/makelpunt/meldingen/{id}";
        var lang = new string('n', 4001);

        var antwoord = await client.PostFormAsync(url, "notitie", ("versie", Versie(await client.OpenAsync(url))), ("notitie", lang));

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Equal("#notitie", antwoord.Document.QuerySelector(".foutoverzicht a")?.GetAttribute("href"));
        Assert.Equal(lang, antwoord.Document.QuerySelector("textarea#notitie")?.TextContent);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("geen-datum")]
    public async Task Huisbezoek_OddDate_Is400WithAMessage(string datum)
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory);
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var url = $"/makelpunt/meldingen/{id}";
        await client.PostFormAsync(url, "oppakken", ("versie", Versie(await client.OpenAsync(url))));

        var antwoord = await client.PostFormAsync(url, "huisbezoek", ("versie", Versie(await client.OpenAsync(url))), ("datum", datum), ("tijd", "00:00"));

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Equal("#datum", antwoord.Document.QuerySelector(".foutoverzicht a")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    public async Task Wachtrij_OddPage_IsNotAnError(string pagina)
    {
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync($"/makelpunt?pagina={pagina}&status=Onzin&team=%00")).Status);
    }

    [Fact]
    public async Task Doorverwijzen_MeldingWithoutLevensdomein_AfterChoosingOne()
    {
        var (id, _) = await TestAccounts.MeldingAsync(factory, []);
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.SocialeMakelaar);
        var url = $"/makelpunt/meldingen/{id}";
        await client.PostFormAsync(url, "oppakken", ("versie", Versie(await client.OpenAsync(url))));

        // Without a levensdomein the list is ranked on what else the melding says; choosing one narrows it to that domain.
        var metDomein = $"{url}?levensdomein=wonen";
        var pagina = await client.OpenAsync(metDomein);
        Assert.All(pagina.Document.QuerySelectorAll("ol.lijst .treffer .waarom"), w => Assert.Contains("Wonen", w.TextContent, StringComparison.Ordinal));
        var aanbod = pagina.Document.QuerySelectorAll("select#aanbod option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var verwezen = await client.PostFormAsync(metDomein, "doorverwijzen", ("versie", Versie(pagina)), ("aanbod", aanbod));

        Assert.Equal((HttpStatusCode.Redirect, metDomein), (verwezen.Status, verwezen.Locatie));
        Assert.Contains("Doorverwezen naar", (await client.OpenAsync(url)).Document.QuerySelector(".geschiedenis")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wachtrij_FiltersAndMarksUrgentFirst()
    {
        var (_, referentie) = await TestAccounts.MeldingAsync(factory, ["wonen", "zorgen"]);
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.SocialeMakelaar);

        var makelaars = await client.OpenAsync("/makelpunt?team=sociale-makelaars");
        Assert.Contains(makelaars.Document.QuerySelectorAll("tbody th a"), a => a.TextContent == referentie);
        var anderTeam = await client.OpenAsync("/makelpunt?team=team-thuis");
        Assert.DoesNotContain(anderTeam.Document.QuerySelectorAll("tbody th a"), a => a.TextContent == referentie);

        // No personal data in the queue: it is a work list, the melding page (audited) has the details.
        Assert.DoesNotContain(MeldingInvullen.Naam, makelaars.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
