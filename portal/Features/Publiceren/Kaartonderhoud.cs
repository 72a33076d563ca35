using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Features.Publiceren;

/// <summary>
/// Keeps the kaart current, at start and then every few hours: aanbod whose activities are all over leaves search
/// (it stays in the content for the redactie), and an organisation with aanbod that was not checked for longer than
/// <see cref="Versheid.Maanden"/> gets a reminder e-mail through the outbox — at most once a month per account. Logs
/// counts only.
/// </summary>
public sealed partial class Kaartonderhoud(IServiceScopeFactory scopes, ISearchIndex index, ISearchIndexWriter writer, IMakelpuntStore store,
    IOptions<Versheid> versheid, IOptions<PortaalOptions> portaal, TimeProvider time, ILogger<Kaartonderhoud> logger)
{
    public static readonly TimeSpan HerinneringNietVaker = TimeSpan.FromDays(30);

    /// <summary>One round; returns (taken out of search, reminders put in the outbox).</summary>
    public async Task<(int Afgelopen, int Herinneringen)> OnderhoudAsync(CancellationToken cancellationToken = default)
    {
        var vandaag = NederlandseTekst.Dag(time.GetUtcNow());
        var alles = await OpenData.OpenDataBron.AlleAanbodAsync(index, cancellationToken);
        var afgelopen = alles.Where(d => Versheid.IsAfgelopen(d.Aanbod, vandaag)).Select(d => d.Aanbod.Id).ToList();
        if (afgelopen.Count > 0)
        {
            await writer.UpdateAsync(new IndexUpdate([], afgelopen), cancellationToken);
        }

        var teControleren = alles.Where(d => versheid.Value.IsVerlopen(d.Aanbod, vandaag))
            .GroupBy(d => Organisaties.Aanbieders.Id(d.Aanbod.Organization.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Aanbod.Name).ToList(), StringComparer.Ordinal);
        var herinneringen = 0;
        if (teControleren.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            // Deactivated accounts get nothing (their lockout is filtered here: SQLite cannot compare DateTimeOffset).
            var accounts = await scope.ServiceProvider.GetRequiredService<AccountsDb>().Users
                .Where(u => u.AanbiederId != null && u.Email != null)
                .Select(u => new { u.Id, u.Email, u.AanbiederId, u.LockoutEnd })
                .ToListAsync(cancellationToken);
            var nu = time.GetUtcNow();
            foreach (var account in accounts.Where(a => teControleren.ContainsKey(a.AanbiederId!) && !(a.LockoutEnd > nu)))
            {
                var namen = teControleren[account.AanbiederId!];
                if (await store.StuurHerinneringAsync($"controle:{account.Id}", Bericht(account.Email!, namen), time.GetUtcNow(), HerinneringNietVaker,
                    cancellationToken))
                {
                    herinneringen++;
                }
            }
        }

        LogKlaar(afgelopen.Count, herinneringen);
        return (afgelopen.Count, herinneringen);
    }

    private UitgaandBericht Bericht(string aan, IReadOnlyList<string> namen) => new(aan, "Klopt uw aanbod op de Sociale Kaart nog?", $"""
        Hallo,

        Dit aanbod van uw organisatie op de Sociale Kaart is langer dan {versheid.Value.Maanden} maanden niet gecontroleerd:
        {string.Join("\n", namen.Take(20).Select(n => "- " + n))}

        Klopt het nog? Log in en kies bij elk aanbod "Klopt nog", of pas het aan:
        {portaal.Value.PubliekeUrl.TrimEnd('/')}/organisatie/aanbod

        Zo blijft de sociale kaart betrouwbaar voor inwoners. Dank u wel!

        De redactie van de Sociale Kaart Veenendaal
        """);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kaartonderhoud: {Afgelopen} afgelopen aanbod uit de zoekresultaten, {Herinneringen} herinneringen")]
    private partial void LogKlaar(int afgelopen, int herinneringen);

}

/// <summary>Runs <see cref="Kaartonderhoud"/> at start and then every six hours; a failed round is logged (its kind
/// only) and the next one tries again.</summary>
public sealed partial class KaartonderhoudDienst(Kaartonderhoud onderhoud, TimeProvider time, ILogger<KaartonderhoudDienst> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await onderhoud.OnderhoudAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMislukt(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Kaartonderhoud mislukt ({Fout}); volgende ronde probeert opnieuw")]
    private partial void LogMislukt(string fout);
}
