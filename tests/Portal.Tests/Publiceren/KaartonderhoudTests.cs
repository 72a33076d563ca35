using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Publiceren;
using SocialeKaart.Portal.Tests.Meldingen;
using SocialeKaart.Portal.Tests.Verwijzen;

namespace SocialeKaart.Portal.Tests.Publiceren;

/// <summary>The daily upkeep on a clock the test moves: activities that are over leave search, and organisations with
/// aanbod nobody checked for a year get one reminder (a real SMTP server receives it), not one every round.</summary>
public sealed class KaartonderhoudTests : IDisposable
{
    private readonly FakeTimeProvider _klok = new(DateTimeOffset.UtcNow);
    private readonly SimpleSmtpServer _smtp;
    private readonly PortalFactory _factory;

    public KaartonderhoudTests()
    {
        (_smtp, _factory) = TestSmtp.Start();
        _factory.Diensten = s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_klok));
            // The test runs the rounds itself: the timer would also fire when the clock moves.
            s.Remove(s.Single(d => d.ImplementationType == typeof(KaartonderhoudDienst)));
        };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    private Publicatie Publicatie => _factory.Services.GetRequiredService<Publicatie>();

    [Fact]
    public async Task AfgelopenActiviteit_GaatUitDeZoekresultaten_MaarBlijftVoorDeRedactie()
    {
        var redacteur = await TestAccounts.IngelogdAsync(_factory, Rollen.Redacteur);
        var woord = PublicerenTests.Uniek();
        var overmorgen = Publicatie.Vandaag().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var nieuw = PublicerenTests.VulIn(Formulier.Van(await redacteur.OpenAsync("/redactie/aanbod/nieuw"), "bewerken"), woord)
            .Zet("aanbieder", "Stichting Breiwerk").Zet("tijd-0-soort", "eenmalig").Zet("tijd-0-datum", overmorgen).Zet("actie", "opslaan");
        var opgeslagen = await nieuw.PostAsync(redacteur, "/redactie/aanbod/nieuw");
        Assert.True(opgeslagen.Status == HttpStatusCode.Redirect, string.Join("; ", opgeslagen.Fouten));
        var id = opgeslagen.Locatie!.Split('?')[0].Split('/')[^1];
        var inwoner = _factory.Client();
        Assert.Equal([id], await PublicerenTests.ZoekAsync(inwoner, woord));

        // A day after the activity: the next round takes it out of search.
        _klok.Advance(TimeSpan.FromDays(3));
        var (afgelopen, _) = await _factory.Services.GetRequiredService<Kaartonderhoud>().OnderhoudAsync();
        Assert.True(afgelopen >= 1);
        Assert.Empty(await PublicerenTests.ZoekAsync(inwoner, woord));
        Assert.NotNull(await Publicatie.LiveAsync(id)); // still in the content, for the redactie to update or withdraw
    }

    [Fact]
    public async Task OudAanbod_GeeftDeOrganisatieEenHerinnering_NietElkeRonde()
    {
        var (_, orgId) = await Organisaties.IngelogdAsync(_factory, PublicerenTests.Buurtkracht, "vrijwilligersorganisatie", PublicerenTests.Buurtkracht);
        var live = await Publicatie.LiveAsync("buurtbemiddeling");
        Assert.True((await Publicatie.BewerkAsync(live!.Aanbod with { AssuredDate = Publicatie.Vandaag().AddMonths(-13) }, live.Versie, "test")).Gelukt);

        var onderhoud = _factory.Services.GetRequiredService<Kaartonderhoud>();
        var (_, herinneringen) = await onderhoud.OnderhoudAsync();
        Assert.True(herinneringen >= 1);
        Assert.True(await _factory.Services.GetRequiredService<Postbode>().BezorgAsync() >= 1);
        var mail = Assert.Single(_smtp.ReceivedEmail, m => m.MessageParts[0].BodyData.Contains("Buurtbemiddeling bij ruzie met de buren", StringComparison.Ordinal));
        Assert.Contains("/organisatie/aanbod", mail.MessageParts[0].BodyData, StringComparison.Ordinal);

        // The next rounds, also a week later: no second reminder. A month later, one again.
        Assert.Equal(0, (await onderhoud.OnderhoudAsync()).Herinneringen);
        _klok.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, (await onderhoud.OnderhoudAsync()).Herinneringen);
        _klok.Advance(TimeSpan.FromDays(24));
        Assert.True((await onderhoud.OnderhoudAsync()).Herinneringen >= 1);

        // Marked "klopt nog" on the organisation's page: a month later, no reminder about it. (A month on, the first
        // session has expired: log in again.)
        string email;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            email = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Gebruiker>>().FindByIdAsync(orgId))!.Email!;
        }

        var org = _factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(org, email, TestAccounts.Wachtwoord));
        var lijst = await org.OpenAsync(PublicerenTests.MijnAanbod);
        Assert.Equal(HttpStatusCode.Redirect, (await Formulier.Van(lijst, "klopt-buurtbemiddeling").PostAsync(org, PublicerenTests.MijnAanbod)).Status);
        Assert.Equal(Publicatie.Vandaag(), (await Publicatie.LiveAsync("buurtbemiddeling"))!.Aanbod.AssuredDate);
        Assert.Equal(Publicatie.Vandaag(), (await _factory.Services.GetRequiredService<ISearchIndex>().GetAsync("buurtbemiddeling"))!.Document.Aanbod.AssuredDate);
        // The outbox timer also fires when the clock moves: wait until the reminder of the round before has arrived.
        await _factory.Services.GetRequiredService<Postbode>().BezorgAsync();
        await WachtOpAsync(() => _smtp.ReceivedEmail.Count(OverBuurtbemiddeling) == 2);
        var eerder = _smtp.ReceivedEmail.ToHashSet(); // (received mail is a bag, not in order)
        _klok.Advance(TimeSpan.FromDays(31));
        Assert.True((await onderhoud.OnderhoudAsync()).Herinneringen >= 1); // the organisation has other aanbod nobody checked
        await _factory.Services.GetRequiredService<Postbode>().BezorgAsync();
        await WachtOpAsync(() => _smtp.ReceivedEmailCount > eerder.Count);
        var nieuw = Assert.Single(_smtp.ReceivedEmail, m => !eerder.Contains(m));
        Assert.False(OverBuurtbemiddeling(nieuw));
        Assert.Contains("Wijkcentrum De Eikenwal", nieuw.MessageParts[0].BodyData, StringComparison.Ordinal);
    }

    private static bool OverBuurtbemiddeling(SmtpMessage mail) =>
        mail.MessageParts[0].BodyData.Contains("Buurtbemiddeling bij ruzie met de buren", StringComparison.Ordinal);

    private static async Task WachtOpAsync(Func<bool> klaar)
    {
        for (var poging = 0; !klaar(); poging++)
        {
            Assert.True(poging < 200, "De verwachte e-mail kwam niet binnen 20 seconden aan.");
            await Task.Delay(100);
        }
    }

}
