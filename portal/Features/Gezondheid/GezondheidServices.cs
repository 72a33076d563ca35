using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Features.Gezondheid;

/// <summary>Section "Metrics": the Prometheus scrape endpoint, off by default.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> (Prometheus text format). Let the proxy keep it internal.</summary>
    public bool Prometheus { get; set; }
}

/// <summary>
/// How the portal tells a load balancer and an operator how it is: <c>/health/live</c> (the process answers: restart it
/// when not), <c>/health/ready</c> (the search index, the makelpunt store, the accounts and the content store answer:
/// send it traffic only then; 503 otherwise), and OpenTelemetry metrics on <c>/metrics</c> when switched on.
/// The readiness answer names each check and its status, never an exception, a connection string or a path.
/// </summary>
public static class GezondheidServices
{
    private const string Gereed = "gereed";

    private static readonly TimeSpan Wachttijd = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddGezondheid(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Meters>();
        builder.Services.AddHealthChecks()
            .Add(Controle("zoekindex", async (sp, c) =>
                (await sp.GetRequiredService<ISearchIndex>().SearchAsync(new SearchQuery { PerPagina = 1 }, c)).Totaal >= 0))
            .Add(Controle("makelpunt", (sp, c) => sp.GetRequiredService<IMakelpuntStore>().BereikbaarAsync(c)))
            .Add(Controle("accounts", async (sp, c) =>
            {
                await using var scope = sp.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.CanConnectAsync(c);
            }))
            .Add(Controle("content", async (sp, c) =>
                await sp.GetRequiredService<IContentStore>().ReadAsync(ContentIndexer.TaxonomiePath, c) is not null));

        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (metrics.Prometheus)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(m => m
                .AddMeter(Meters.Naam)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        }

        return builder;
    }

    public static WebApplication MapGezondheid(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Schrijf }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Gereed), ResponseWriter = Schrijf })
            .DisableRateLimiting();
        if ((app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions()).Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
        }

        return app;
    }

    private static HealthCheckRegistration Controle(string naam, Func<IServiceProvider, CancellationToken, Task<bool>> controle) =>
        new(naam, sp => new Check(sp, controle), HealthStatus.Unhealthy, [Gereed]);

    /// <summary>A check that answers within <see cref="Wachttijd"/>; any failure is "unhealthy" without its details.</summary>
    private sealed class Check(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<bool>> controle) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(Wachttijd);
            try
            {
                return await controle(services, cts.Token) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("geen antwoord");
            }
            catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy(e is OperationCanceledException ? "te laat" : "niet bereikbaar");
            }
        }
    }

    private static Task Schrijf(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), reden = e.Value.Description }),
        }));
    }
}
