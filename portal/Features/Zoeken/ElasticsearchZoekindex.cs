using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Elasticsearch;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Zoeken;

/// <summary>
/// With <c>Zoekindex:Engine = elasticsearch</c> the search port is the Elasticsearch adapter (options in
/// <c>Zoekindex:Elasticsearch</c>: Url, ApiKey or Gebruiker and Wachtwoord, Prefix), for reading and for publishing;
/// otherwise nothing changes and the embedded index stays.
/// </summary>
public static class ElasticsearchZoekindex
{
    public static bool Gekozen(IConfiguration configuration) =>
        string.Equals(configuration[$"{EmbeddedIndexOptions.Section}:{nameof(ZoekindexOptions.Engine)}"], "elasticsearch", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddElasticsearchZoekindex(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ZoekindexOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (!Gekozen(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOptions<ElasticsearchOptions>().BindConfiguration(ElasticsearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => ElasticsearchVerbinding.Client(sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value));
        builder.Services.AddSingleton(sp => new ElasticsearchSearchIndex(sp.GetRequiredService<Elastic.Clients.Elasticsearch.ElasticsearchClient>(),
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ISearchIndex>(sp =>
            new Gezondheid.GemetenZoekindex(sp.GetRequiredService<ElasticsearchSearchIndex>(), sp.GetRequiredService<Gezondheid.Meters>()));
        builder.Services.AddSingleton<ISearchIndexWriter>(sp => new ElasticsearchIndexWriter(sp.GetRequiredService<Elastic.Clients.Elasticsearch.ElasticsearchClient>(),
            sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value, sp.GetRequiredService<DutchAnalyzer>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// True when the configured engine has an index it can read (a build swapped in; not one of an older format). A cluster that cannot be reached now counts as
    /// having one: the portal starts and answers "zoeken lukt nu even niet" until it is back, instead of not starting.
    /// </summary>
    public static async Task<bool> BestaatAsync(IServiceProvider services)
    {
        if (!Gekozen(services.GetRequiredService<IConfiguration>()))
        {
            return services.GetRequiredService<SqliteSearchIndex>().Leesbaar();
        }

        try
        {
            return await services.GetRequiredService<ElasticsearchSearchIndex>().ExistsAsync();
        }
        catch (ZoekindexOnbereikbaarException)
        {
            return true;
        }
    }
}
