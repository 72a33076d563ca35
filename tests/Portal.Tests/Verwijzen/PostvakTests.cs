using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Verwijzen;

/// <summary>
/// The outbox with a real SMTP server (netDumbster listens on a local port and speaks SMTP; the portal sends with
/// MailKit): delivered, the server down and retried later, nothing lost, and nothing of the story in a message.
/// </summary>
public sealed class PostvakTests : IDisposable
{
    private readonly int _poort = VrijePoort();
    private readonly FakeTimeProvider _klok = new(DateTimeOffset.UtcNow);
    private readonly PortalFactory _factory;
    private SimpleSmtpServer? _server;

    public PostvakTests()
    {
        _factory = new PortalFactory
        {
            Instellingen =
            {
                ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = _poort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Beveiliging"] = "None", ["Mail:Interval"] = "01:00:00", ["Mail:TimeoutSeconden"] = "5",
                ["Portaal:PubliekeUrl"] = "https://socialekaart.test.example",
            },
            Diensten = s =>
            {
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_klok));
                // These tests deliver round by round themselves: the outbox's own timer (fired by every Advance of the
                // fake clock) would claim a message while a test's round runs and make the count of attempts a race.
                foreach (var eigen in s.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(Postbode).Assembly).ToList())
                {
                    s.Remove(eigen);
                }
            },
        };
    }

    public void Dispose()
    {
        _server?.Dispose();
        _factory.Dispose();
    }

    private Postbode Postbode => _factory.Services.GetRequiredService<Postbode>();

    private IMakelpuntStore Store => _factory.Services.GetRequiredService<IMakelpuntStore>();

    [Fact]
    public async Task Melding_ConfirmationAndStatusChange_ArriveAtTheInwoner_WithoutTheStory()
    {
        _server = SimpleSmtpServer.Start(_poort);
        var inwoner = _factory.Client();
        await MeldingInvullen.TotControleAsync(inwoner, vraag: "Mijn geheime verhaal over de schulden.");
        var referentie = MeldingInvullen.Referentie(await MeldingInvullen.VerstuurAsync(inwoner));

        Assert.Equal(1, await Postbode.BezorgAsync());
        var ontvangen = Assert.Single(_server.ReceivedEmail);
        Assert.Equal(MeldingInvullen.Email, ontvangen.ToAddresses.Single().Address);
        Assert.Contains(referentie, ontvangen.Headers["Subject"], StringComparison.Ordinal);
        var tekst = ontvangen.MessageParts[0].BodyData;
        Assert.Contains(referentie, tekst, StringComparison.Ordinal);
        Assert.Contains("https://socialekaart.test.example/melding/status?code=", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("geheime verhaal", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain(MeldingInvullen.Naam, tekst, StringComparison.Ordinal);

        // Picked up by a consulent: the status page changes, so a message follows.
        var id = long.Parse(referentie[^5..], System.Globalization.CultureInfo.InvariantCulture);
        var melding = (await Store.BekijkAsync(id, new Medewerker("anna", "Anna"), _klok.GetUtcNow()))!;
        await Store.VoerUitAsync(id, melding.Versie, new Oppakken(), new Medewerker("anna", "Anna"), _klok.GetUtcNow());
        Assert.Equal(1, await Postbode.BezorgAsync());
        Assert.Equal(2, _server.ReceivedEmailCount);
        Assert.Contains(_server.ReceivedEmail, e => (e.Headers["Subject"] ?? "").StartsWith("Nieuws over uw melding", StringComparison.Ordinal)
            && e.MessageParts[0].BodyData.Contains("Een medewerker is met uw melding bezig.", StringComparison.Ordinal));

        // Sent: the address and the text are gone from the outbox; nothing is sent twice.
        var postvak = await Store.PostvakAsync();
        Assert.Equal((0, 2), (postvak.Wachtend, postvak.Verzonden));
        Assert.All(postvak.Regels, r => Assert.Equal("(verwijderd)", r.AanVerborgen));
        Assert.Equal(0, await Postbode.BezorgAsync());
    }

    [Fact]
    public async Task ServerDown_MessageWaitsAndIsRetriedLater_NothingLost()
    {
        var inwoner = _factory.Client();
        await MeldingInvullen.TotControleAsync(inwoner);
        MeldingInvullen.Referentie(await MeldingInvullen.VerstuurAsync(inwoner));

        // No server listens on the port.
        Assert.Equal(0, await Postbode.BezorgAsync());
        var postvak = await Store.PostvakAsync();
        var regel = Assert.Single(postvak.Regels);
        Assert.Equal((1, 1), (postvak.Wachtend, regel.Pogingen));
        Assert.NotNull(regel.LaatsteFout);
        Assert.True(regel.VolgendePoging > _klok.GetUtcNow());
        Assert.Equal("w*****@v*****.nl", regel.AanVerborgen);

        // Not yet due: a new round sends nothing, also with the server up.
        _server = SimpleSmtpServer.Start(_poort);
        Assert.Equal(0, await Postbode.BezorgAsync());
        Assert.Equal(0, _server.ReceivedEmailCount);

        _klok.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Postbode.BezorgAsync());
        Assert.Equal(1, _server.ReceivedEmailCount);
        Assert.Equal(1, (await Store.PostvakAsync()).Verzonden);
    }

    [Fact]
    public async Task ServerDownForDays_GivesUpAfterTenAttempts_AndTheBeheerderSeesIt()
    {
        var inwoner = _factory.Client();
        await MeldingInvullen.TotControleAsync(inwoner);
        await MeldingInvullen.VerstuurAsync(inwoner);

        for (var i = 0; i < Postbode.MaxPogingen; i++)
        {
            await Postbode.BezorgAsync();
            _klok.Advance(TimeSpan.FromHours(13));
        }

        var postvak = await Store.PostvakAsync();
        Assert.Equal((0, 1), (postvak.Wachtend, postvak.Opgegeven));
        var beheerder = await TestAccounts.IngelogdAsync(_factory, Rollen.Beheerder);
        var pagina = await beheerder.OpenAsync("/beheer/postvak");
        Assert.Equal(HttpStatusCode.OK, pagina.Status);
        var tekst = pagina.Document.QuerySelector("main")!.TextContent;
        Assert.Contains("Niet gelukt", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain(MeldingInvullen.Email, pagina.Document.Body!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousZorgsignaal_AndMeldingWithoutEmail_GetNoMessage()
    {
        var zonderEmail = _factory.Client();
        await MeldingInvullen.StartAsync(zonderEmail);
        await Organisaties.Verder(zonderEmail, "/melding/voor-wie", ("soort", "Zelf"));
        await Organisaties.Verder(zonderEmail, "/melding/waarover", ("levensdomein", "wonen"), ("vraag", "Vraag"));
        await Organisaties.Verder(zonderEmail, "/melding/situatie", ("hulp", "Hulp"));
        await Organisaties.Verder(zonderEmail, "/melding/aanbod");
        await Organisaties.Verder(zonderEmail, "/melding/contact", ("naam", "Piet"), ("telefoon", "06 12345678"));
        await MeldingInvullen.VerstuurAsync(zonderEmail);

        Assert.Empty((await Store.PostvakAsync()).Regels);
    }

    [Fact]
    public async Task ReferredPerson_GetsTheMessages_OnlyWhenTheyAgreedToBeContacted()
    {
        _server = SimpleSmtpServer.Start(_poort);
        var (school, _) = await Organisaties.IngelogdAsync(_factory, "OBS De Regenboog", "school");
        await Organisaties.VerwijsAsync(school, contact: true, email: "eva@voorbeeld.nl");
        await Organisaties.VerwijsAsync(school, contact: false, email: "leraar@school.example");

        Assert.Equal(1, await Postbode.BezorgAsync());
        var bericht = Assert.Single(_server.ReceivedEmail);
        Assert.Equal("eva@voorbeeld.nl", bericht.ToAddresses.Single().Address);
        Assert.Contains("OBS De Regenboog heeft u, met uw toestemming, aangemeld", bericht.MessageParts[0].BodyData, StringComparison.Ordinal);
    }

    private static int VrijePoort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
