using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Tests.Meldingen;
using SocialeKaart.Portal.Tests.Publiceren;

namespace SocialeKaart.Portal.Tests.Beheer;

/// <summary>
/// Accounts as the beheerder manages them: an invitation with a one-time link (mailed through the outbox to a real
/// SMTP server, never a password), roles changed and access taken away with immediate effect, and a log of who did what.
/// </summary>
public sealed partial class AccountsTests : IDisposable
{
    private readonly PortalFactory _factory;
    private readonly SimpleSmtpServer _smtp;

    public AccountsTests()
    {
        (_smtp, _factory) = TestSmtp.Start();
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    [Fact]
    public async Task Uitnodiging_LinkWerktEenKeer_DaarnaInloggen()
    {
        var beheerder = await TestAccounts.IngelogdAsync(_factory, Rollen.Beheerder);
        var email = $"nieuw-{Guid.NewGuid():N}@test.example";
        var pagina = await beheerder.OpenAsync("/beheer/accounts");
        var uitnodiging = await Formulier.Van(pagina, "uitnodigen")
            .Zet("naam", "Anouk van Dijk").Zet("email", email).Zet("rol", Rollen.Organisatie)
            .Zet("organisatie", PublicerenTests.Buurtkracht).Zet("organisatie-soort", "vrijwilligersorganisatie").Zet("publiceert", "ja")
            .PostAsync(beheerder, "/beheer/accounts");
        Assert.Equal(HttpStatusCode.OK, uitnodiging.Status);
        Assert.Empty(uitnodiging.Fouten);

        // The mail carries the link and no password; the outbox shows the beheerder neither address nor link.
        Assert.Equal(1, await _factory.Services.GetRequiredService<Postbode>().BezorgAsync());
        var mail = Assert.Single(_smtp.ReceivedEmail);
        Assert.Equal(email, mail.ToAddresses.Single().Address);
        var link = LinkIn(mail.MessageParts[0].BodyData);
        Assert.Equal(link, uitnodiging.Document.QuerySelector("code")!.TextContent);
        Assert.DoesNotContain("code=", Formulier.Tekst(await beheerder.OpenAsync("/beheer/postvak")), StringComparison.Ordinal);

        // Not a password yet: no login.
        Assert.NotEqual(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(_factory.Client(), email, TestAccounts.Wachtwoord));

        var nieuw = _factory.Client();
        var pad = new Uri(link).PathAndQuery;
        var kiezen = await nieuw.OpenAsync(pad);
        Assert.Equal(HttpStatusCode.OK, kiezen.Status);
        var zwak = await Formulier.Van(kiezen, "wachtwoord-kiezen").Zet("wachtwoord", "kort").Zet("herhaal", "kort").PostAsync(nieuw, pad);
        Assert.Equal(HttpStatusCode.BadRequest, zwak.Status);
        Assert.Contains(zwak.Fouten, f => f.Contains("minstens 12 tekens", StringComparison.Ordinal));
        var anders = await Formulier.Van(kiezen, "wachtwoord-kiezen").Zet("wachtwoord", TestAccounts.Wachtwoord).Zet("herhaal", "Iets-anders-2026").PostAsync(nieuw, pad);
        Assert.Contains(anders.Fouten, f => f.Contains("niet hetzelfde", StringComparison.Ordinal));
        var goed = await Formulier.Van(kiezen, "wachtwoord-kiezen").Zet("wachtwoord", TestAccounts.Wachtwoord).Zet("herhaal", TestAccounts.Wachtwoord).PostAsync(nieuw, pad);
        Assert.Equal("/account/inloggen?gekozen=1", goed.Locatie);

        // Used once: the link no longer works. The account logs in and lands on its own start page, with its organisation.
        Assert.Equal(HttpStatusCode.BadRequest, (await _factory.Client().OpenAsync(pad)).Status);
        var ingelogd = _factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(ingelogd, email, TestAccounts.Wachtwoord));
        Assert.Contains("Buurtbemiddeling bij ruzie met de buren", Formulier.Tekst(await ingelogd.OpenAsync("/organisatie/aanbod")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ingelogd.GetAsync("/organisatie/aanbod/nieuw")).StatusCode);

        // The log says who did what.
        var account = await AccountAsync(email);
        var log = Formulier.Tekst(await beheerder.OpenAsync($"/beheer/accounts/{account.Id}"));
        Assert.Contains("Uitgenodigd als organisatie", log, StringComparison.Ordinal);
        Assert.Contains("Wachtwoord gekozen met de link", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uitnodiging_FouteInvoer_KrijgtUitleg()
    {
        var beheerder = await TestAccounts.IngelogdAsync(_factory, Rollen.Beheerder);
        var pagina = await beheerder.OpenAsync("/beheer/accounts");
        var antwoord = await Formulier.Van(pagina, "uitnodigen").Zet("naam", "Piet").Zet("email", "geen-adres").Zet("rol", Rollen.Organisatie, Rollen.Consulent)
            .PostAsync(beheerder, "/beheer/accounts");

        Assert.Equal(HttpStatusCode.BadRequest, antwoord.Status);
        Assert.Contains(antwoord.Fouten, f => f.Contains("naam@voorbeeld.nl", StringComparison.Ordinal));
        Assert.Contains(antwoord.Fouten, f => f.Contains("alleen de rol organisatie", StringComparison.Ordinal));
        Assert.Contains(antwoord.Fouten, f => f.Contains("naam van de organisatie", StringComparison.Ordinal));
        Assert.Equal("Piet", antwoord.Document.QuerySelector("#naam")!.GetAttribute("value"));

        var (_, bestaandEmail) = await IngelogdMetEmailAsync(Rollen.Consulent);
        var bestaand = await Formulier.Van(pagina, "uitnodigen").Zet("naam", "Dubbel").Zet("email", bestaandEmail).Zet("rol", Rollen.Consulent)
            .PostAsync(beheerder, "/beheer/accounts");
        Assert.Equal(HttpStatusCode.BadRequest, bestaand.Status);
        Assert.Contains(bestaand.Fouten, f => f.Contains("Er is al een account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RolAfnemen_EnToegangWeghalen_WerkenMeteen()
    {
        var beheerder = await TestAccounts.IngelogdAsync(_factory, Rollen.Beheerder);
        var (consulent, email) = await IngelogdMetEmailAsync(Rollen.Consulent);
        Assert.Equal(HttpStatusCode.OK, (await consulent.GetAsync("/makelpunt")).StatusCode);
        var account = await AccountAsync(email);
        var url = $"/beheer/accounts/{account.Id}";

        // Consulent → redacteur: the open session ends at once (the cookie no longer works).
        var wijzig = await Formulier.Van(await beheerder.OpenAsync(url), "wijzigen").Zet("rol", Rollen.Redacteur).PostAsync(beheerder, url);
        Assert.Equal(url + "?gedaan=opgeslagen", wijzig.Locatie);
        var na = await consulent.GetAsync("/makelpunt");
        Assert.Equal(HttpStatusCode.Redirect, na.StatusCode);
        Assert.StartsWith("/account/inloggen", na.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Logged in again: a redacteur, no makelpunt.
        var opnieuw = _factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(opnieuw, email, TestAccounts.Wachtwoord));
        Assert.Equal(HttpStatusCode.OK, (await opnieuw.GetAsync("/redactie")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await opnieuw.GetAsync("/makelpunt")).StatusCode);

        // Access taken away: the session ends and the password no longer logs in; given back, it does again.
        var uit = await Formulier.Van(await beheerder.OpenAsync(url), "deactiveren").PostAsync(beheerder, url);
        Assert.Equal(url + "?gedaan=gedeactiveerd", uit.Locatie);
        Assert.Equal(HttpStatusCode.Redirect, (await opnieuw.GetAsync("/redactie")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(_factory.Client(), email, TestAccounts.Wachtwoord));
        Assert.Contains("Geen toegang", Formulier.Tekst(await beheerder.OpenAsync("/beheer/accounts")), StringComparison.Ordinal);
        await Formulier.Van(await beheerder.OpenAsync(url), "activeren").PostAsync(beheerder, url);
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(_factory.Client(), email, TestAccounts.Wachtwoord));

        var log = Formulier.Tekst(await beheerder.OpenAsync(url));
        Assert.Contains("Gewijzigd van consulent naar redacteur", log, StringComparison.Ordinal);
        Assert.Contains("Toegang weggehaald", log, StringComparison.Ordinal);
        Assert.Contains("Weer toegang gegeven", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beheerder_SluitZichzelfNietBuiten()
    {
        var (beheerder, email) = await IngelogdMetEmailAsync(Rollen.Beheerder);
        var url = $"/beheer/accounts/{(await AccountAsync(email)).Id}";
        var pagina = await beheerder.OpenAsync(url);

        var rol = await Formulier.Van(pagina, "wijzigen").Zet("rol", Rollen.Consulent).PostAsync(beheerder, url);
        Assert.Equal(HttpStatusCode.BadRequest, rol.Status);
        Assert.Contains(rol.Fouten, f => f.Contains("uzelf de rol beheerder niet afnemen", StringComparison.Ordinal));
        var uit = await Formulier.Van(pagina, "deactiveren").PostAsync(beheerder, url);
        Assert.Equal(HttpStatusCode.BadRequest, uit.Status);
        Assert.Equal(HttpStatusCode.OK, (await beheerder.GetAsync("/beheer/accounts")).StatusCode);
    }

    [Fact]
    public async Task NieuweLink_MaaktDeOudeOngeldigNaGebruik()
    {
        var beheerder = await TestAccounts.IngelogdAsync(_factory, Rollen.Beheerder);
        var (_, email) = await IngelogdMetEmailAsync(Rollen.Redacteur);
        var url = $"/beheer/accounts/{(await AccountAsync(email)).Id}";
        var eerste = LinkIn((await Formulier.Van(await beheerder.OpenAsync(url), "opnieuw-uitnodigen").PostAsync(beheerder, url)).Document.QuerySelector("code")!.TextContent);
        var tweede = LinkIn((await Formulier.Van(await beheerder.OpenAsync(url), "opnieuw-uitnodigen").PostAsync(beheerder, url)).Document.QuerySelector("code")!.TextContent);

        var client = _factory.Client();
        var pad = new Uri(tweede).PathAndQuery;
        var kiezen = await client.OpenAsync(pad);
        await Formulier.Van(kiezen, "wachtwoord-kiezen").Zet("wachtwoord", "Nieuw-wachtwoord-2026").Zet("herhaal", "Nieuw-wachtwoord-2026").PostAsync(client, pad);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.OpenAsync(new Uri(eerste).PathAndQuery)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.OpenAsync("/account/uitnodiging?gebruiker=onbekend&code=x")).Status);
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(_factory.Client(), email, "Nieuw-wachtwoord-2026"));
    }

    private static string LinkIn(string tekst) => LinkPatroon().Match(tekst) is { Success: true } m ? m.Value : throw new InvalidOperationException("Geen link: " + tekst);

    [GeneratedRegex(@"https?://\S+/account/uitnodiging\?\S+")]
    private static partial Regex LinkPatroon();

    private async Task<Gebruiker> AccountAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
    }

    private async Task<(HttpClient Client, string Email)> IngelogdMetEmailAsync(string rol)
    {
        var email = $"{rol}-{Guid.NewGuid():N}@test.example";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var user = new Gebruiker { UserName = email, Email = email, EmailConfirmed = true, Naam = $"Test {rol}" };
            Assert.True((await users.CreateAsync(user, TestAccounts.Wachtwoord)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, rol)).Succeeded);
        }

        var client = _factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(client, email, TestAccounts.Wachtwoord));
        return (client, email);
    }

}
