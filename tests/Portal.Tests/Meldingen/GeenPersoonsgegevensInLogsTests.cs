using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using SocialeKaart.Portal.Features.Accounts;

namespace SocialeKaart.Portal.Tests.Meldingen;

public sealed class GeenPersoonsgegevensInLogsTests
{
    [Fact]
    public async Task Logs_OfAWholeMeldingAndItsHandling_HoldNoNamePhoneEmailOrStory()
    {
        var log = new LogVanger();
        using var factory = new PortalFactory
        {
            Logging = logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(log),
            Instellingen = { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
        };

        var (id, _) = await TestAccounts.MeldingAsync(factory, ["rondkomen"]);
        var consulent = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var url = $"/makelpunt/meldingen/{id}";
        var pagina = await consulent.OpenAsync(url);
        var versie = pagina.Document.QuerySelector("input[name=versie]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await consulent.PostFormAsync(url, "oppakken", ("versie", versie))).Status);
        await consulent.OpenAsync("/makelpunt");

        var tekst = log.Tekst();
        Assert.True(log.Aantal > 50, $"The test captured only {log.Aantal} log lines; is the provider attached?");
        foreach (var persoonlijk in new[] { MeldingInvullen.Naam, "Testpersoon", MeldingInvullen.Telefoon, "98765432", MeldingInvullen.Email, "rekeningen niet meer betalen", "op orde brengen" })
        {
            Assert.DoesNotContain(persoonlijk, tekst, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Logs_OfAVerwijzingHandoverMessagesAndSearches_HoldNoPersonalDataSearchWordsOrStatusLink()
    {
        var log = new LogVanger();
        var poort = VrijePoort();
        using var smtp = netDumbster.smtp.SimpleSmtpServer.Start(poort);
        using var factory = new PortalFactory
        {
            Logging = logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(log),
            Instellingen =
            {
                ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = poort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Beveiliging"] = "None", ["Mail:Interval"] = "01:00:00",
            },
        };

        // A school refers (with consent), the makelpunt hands over to Buurtkracht, Buurtkracht accepts, the mail goes out.
        var (school, _) = await Verwijzen.Organisaties.IngelogdAsync(factory, "OBS De Regenboog", "school");
        var verstuurd = await Verwijzen.Organisaties.VerwijsAsync(school, vraag: "Sem heeft geen winterjas en honger", email: "eva.geheim@voorbeeld.nl",
            levensdomeinen: ["zorgen", "ontmoeten"], leeftijd: "Oudere");
        var referentie = MeldingInvullen.Referentie(verstuurd);
        var statusLink = new Uri(verstuurd.Document.QuerySelector("a.statuslink")!.GetAttribute("href")!).PathAndQuery;
        await school.OpenAsync(statusLink);
        var id = long.Parse(referentie[^5..], System.Globalization.CultureInfo.InvariantCulture);
        var consulent = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var url = $"/makelpunt/meldingen/{id}";
        await consulent.PostFormAsync(url, "oppakken", ("versie", (await consulent.OpenAsync(url)).Document.QuerySelector("input[name=versie]")!.GetAttribute("value")!));
        var pagina = await consulent.OpenAsync(url + "?zoek=ouderenadviseur");
        var keuze = pagina.Document.QuerySelectorAll("select#aanbod option").First(o => o.TextContent.Contains("Buurtkracht", StringComparison.Ordinal)).GetAttribute("value")!;
        await consulent.PostFormAsync(url + "?zoek=ouderenadviseur", "doorverwijzen", ("versie", pagina.Document.QuerySelector("form:not([hidden]) input[name=versie]")!.GetAttribute("value")!),
            ("aanbod", keuze), ("toelichting", "Toelichting met de naam Eva"));
        var (aanbieder, _) = await Verwijzen.Organisaties.IngelogdAsync(factory, "Stichting Buurtkracht Veenendaal", "vrijwilligersorganisatie", "Stichting Buurtkracht Veenendaal");
        var link = (await aanbieder.OpenAsync("/organisatie/overdrachten")).Document.QuerySelectorAll("main a[href^='/organisatie/overdrachten/']").First().GetAttribute("href")!;
        var detail = await aanbieder.OpenAsync(link);
        await aanbieder.PostFormAsync(link, "accepteren", ("versie", detail.Document.QuerySelector("form:not([hidden]) input[name=versie]")!.GetAttribute("value")!));
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<SocialeKaart.Portal.Features.Berichten.Postbode>(factory.Services).BezorgAsync();
        Assert.True(smtp.ReceivedEmailCount >= 1, "the messages were sent");

        // An inwoner searches for something personal.
        await factory.Client().GetAsync("/zoeken?q=" + Uri.EscapeDataString("mijn man slaat mij wilhelminastraat"));
        await factory.Client().GetAsync("/api/zoeken?q=" + Uri.EscapeDataString("mijn man slaat mij wilhelminastraat"));

        var tekst = log.Tekst();
        Assert.True(log.Aantal > 50, $"The test captured only {log.Aantal} log lines; is the provider attached?");
        foreach (var persoonlijk in new[] { "Sem de Vries", "Eva de Vries", "eva.geheim", "06 11223344", "11223344", "winterjas", "Toelichting met de naam",
            "Hulp voor het gezin", "wilhelminastraat", "slaat mij", statusLink.Split('=')[^1] })
        {
            Assert.DoesNotContain(persoonlijk, tekst, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static int VrijePoort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class LogVanger : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _regels = new();

        public int Aantal => _regels.Count;

        public string Tekst() => string.Join('\n', _regels);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogVanger vanger, string categorie) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                vanger._regels.Enqueue($"{categorie} scope {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The formatted message, every structured value, and any exception: all of it would reach a log sink.
                var waarden = state is IEnumerable<KeyValuePair<string, object?>> paren ? string.Join(' ', paren.Select(p => $"{p.Key}={p.Value}")) : "";
                vanger._regels.Enqueue($"{categorie} {logLevel} {formatter(state, exception)} {waarden} {exception}");
            }
        }
    }
}
