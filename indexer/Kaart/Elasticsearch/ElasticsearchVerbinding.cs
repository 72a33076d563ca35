using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// The official client for these options. Transient failures are retried with exponential backoff by
/// Microsoft.Extensions.Http.Resilience inside the client's own HTTP handler (the transport's retries move to another
/// node, which a single-URL cluster does not have). What is still failing after that is <see cref="Search.ZoekindexOnbereikbaarException"/>.
/// </summary>
public static class ElasticsearchVerbinding
{
    public static ElasticsearchClient Client(ElasticsearchOptions options)
    {
        var invoker = new HttpRequestInvoker((inner, _) => new ResilienceHandler(Retry(options)) { InnerHandler = inner });
        return new ElasticsearchClient(Configure(new ElasticsearchClientSettings(new SingleNodePool(new Uri(options.Url!)), invoker), options));
    }

    /// <summary>The settings every client of this adapter uses (also the network-free test clients).</summary>
    public static ElasticsearchClientSettings Configure(ElasticsearchClientSettings settings, ElasticsearchOptions options)
    {
        settings
            .RequestTimeout(options.Timeout)
            .MaxRetryTimeout(options.Timeout * (options.Herhalingen + 1) + TimeSpan.FromSeconds(30))
            .DisablePing()
            // Retries happen below the transport, in the resilience handler.
            .MaximumRetries(0)
            // Plain JSON on the wire: readable in a proxy log and in the golden files.
            .EnableHttpCompression(false);
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrEmpty(options.Gebruiker))
        {
            settings.Authentication(new BasicAuthentication(options.Gebruiker, options.Wachtwoord!));
        }

        return settings;
    }

    private static ResiliencePipeline<HttpResponseMessage> Retry(ElasticsearchOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.Herhalingen),
                ShouldHandle = options.Herhalingen == 0
                    ? _ => PredicateResult.False()
                    : new HttpRetryStrategyOptions().ShouldHandle,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.EersteWachttijd,
            })
            .Build();
}
