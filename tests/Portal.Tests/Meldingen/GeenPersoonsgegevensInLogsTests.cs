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
