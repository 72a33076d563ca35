using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Database;
using SocialeKaart.Portal.Features.Zoeken;

namespace SocialeKaart.Portal.Features.Makelpunt.Opslag;

/// <summary>Where the makelpunt keeps its data and how long. Section "Makelpunt:Opslag".</summary>
public sealed class MakelpuntOpslagOptions
{
    public const string Section = "Makelpunt:Opslag";

    /// <summary>The database file; a relative path is taken from the repository root (like the content and the index).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Bestand { get; set; } = ".data/makelpunt.db";

    /// <summary>Days after closing before a melding's personal data is removed.</summary>
    [Range(1, 3650)]
    public int BewaartermijnDagen { get; set; } = 365;

    /// <summary>Hours after the last change before a concept (sent or not) is deleted.</summary>
    [Range(1, 720)]
    public int ConceptUren { get; set; } = 24;

    /// <summary>How often the <see cref="Opruimdienst"/> runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan OpruimInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Removes personal data when it is no longer needed: anonymises meldingen closed longer than the retention period
/// and deletes stale concepts, at start and then every <see cref="MakelpuntOpslagOptions.OpruimInterval"/>.
/// Logs counts only. A failed round is logged and retried at the next interval; it never stops the portal.
/// </summary>
public sealed partial class Opruimdienst(
    IMakelpuntStore store,
    IOptions<MakelpuntOpslagOptions> options,
    TimeProvider timeProvider,
    ILogger<Opruimdienst> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        using var timer = new PeriodicTimer(o.OpruimInterval, timeProvider);
        do
        {
            await RuimOpAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round; exceptions other than shutdown are logged, not thrown.</summary>
    internal async Task RuimOpAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var nu = timeProvider.GetUtcNow();
        try
        {
            var geanonimiseerd = await store.AnonimiseerAsync(nu.AddDays(-o.BewaartermijnDagen), nu, cancellationToken);
            var concepten = await store.RuimConceptenOpAsync(nu.AddHours(-o.ConceptUren), cancellationToken);
            LogOpgeruimd(geanonimiseerd, concepten);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A failed round must not stop the portal: the next interval tries again.
            LogMislukt(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Makelpunt opgeruimd: {Geanonimiseerd} meldingen geanonimiseerd, {Concepten} concepten verwijderd")]
    private partial void LogOpgeruimd(int geanonimiseerd, int concepten);

    [LoggerMessage(Level = LogLevel.Error, Message = "Makelpunt opruimen mislukt; volgende poging bij het volgende interval")]
    private partial void LogMislukt(Exception exception);
}

public static class MakelpuntOpslag
{
    /// <summary>The makelpunt store (<see cref="SqliteMakelpuntStore"/>, or <see cref="PostgresMakelpuntStore"/> with
    /// Database:Engine = postgresql; options "Makelpunt:Opslag" validated at start) and the <see cref="Opruimdienst"/>
    /// that anonymises and cleans up.</summary>
    public static IServiceCollection AddMakelpuntOpslag(this IServiceCollection services, DatabaseOptions? database = null)
    {
        services.AddOptions<MakelpuntOpslagOptions>().BindConfiguration(MakelpuntOpslagOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IHostEnvironment>((o, env) => o.Bestand = Paden.Resolve(o.Bestand, env.ContentRootPath));
        services.TryAddSingleton(TimeProvider.System);
        if (database is { IsPostgres: true })
        {
            services.AddSingleton(sp => new PostgresMakelpuntStore(database.PostgreSQL!,
                berichten: new MeldingBerichten(sp.GetRequiredService<IOptions<PortaalOptions>>().Value.PubliekeUrl)));
            services.AddSingleton<IMakelpuntStore>(sp => sp.GetRequiredService<PostgresMakelpuntStore>());
        }
        else
        {
            services.AddSingleton(sp => new SqliteMakelpuntStore(sp.GetRequiredService<IOptions<MakelpuntOpslagOptions>>().Value.Bestand,
                berichten: new MeldingBerichten(sp.GetRequiredService<IOptions<PortaalOptions>>().Value.PubliekeUrl)));
            services.AddSingleton<IMakelpuntStore>(sp => sp.GetRequiredService<SqliteMakelpuntStore>());
        }

        services.AddHostedService<Opruimdienst>();
        return services;
    }
}
