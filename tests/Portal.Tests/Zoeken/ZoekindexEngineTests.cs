using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Kaart.Elasticsearch;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Gezondheid;

namespace SocialeKaart.Portal.Tests.Zoeken;

/// <summary>Zoekindex:Engine picks the adapter of the search port; the embedded one stays the default.</summary>
public sealed class ZoekindexEngineTests
{
    /// <summary>A loopback port nobody listens on: the cluster is down.</summary>
    private static string GeslotenPoort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    [Fact]
    public void Engine_Default_IsTheEmbeddedIndex()
    {
        using var portal = new PortalFactory();
        Assert.IsType<SqliteSearchIndex>(Assert.IsType<GemetenZoekindex>(portal.Services.GetRequiredService<ISearchIndex>()).Engine, exactMatch: false);
        Assert.IsType<SqliteIndexWriter>(portal.Services.GetRequiredService<ISearchIndexWriter>());
    }

    [Fact]
    public async Task BouwBijStartOff_AnIndexOfAnOlderFormat_IsRebuiltAtStart()
    {
        var map = Path.Combine(Path.GetTempPath(), "sk-oud-formaat-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A portal builds the index; then its build is marked as an older format, as an upgrade finds it.
            using (var eerste = new PortalFactory())
            {
                eerste.Instellingen["Zoekindex:Map"] = map;
                Assert.NotEmpty((await eerste.Services.GetRequiredService<ISearchIndex>().SearchAsync(new SearchQuery { Tekst = "schulden" })).Hits);
            }

            foreach (var build in Directory.EnumerateFiles(map, "kaart-*.db").Where(f => !f.EndsWith(".log.db", StringComparison.Ordinal)))
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={build};Pooling=false");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE meta SET value = CAST('1' AS BLOB) WHERE key = 'schema'";
                Assert.Equal(1, command.ExecuteNonQuery());
            }

            using var portal = new PortalFactory();
            portal.Instellingen["Zoekindex:Map"] = map;
            portal.Instellingen["Zoekindex:BouwBijStart"] = "false";

            var results = await portal.Services.GetRequiredService<ISearchIndex>().SearchAsync(new SearchQuery { Tekst = "schulden" });

            Assert.NotEmpty(results.Hits);
        }
        finally
        {
            Directory.Delete(map, recursive: true);
        }
    }

    [Fact]
    public async Task Engine_Elasticsearch_ReadsAndPublishesThroughElasticsearch_AndStartsWhileTheClusterIsDown()
    {
        using var portal = new PortalFactory();
        portal.Instellingen["Zoekindex:Engine"] = "elasticsearch";
        portal.Instellingen["Zoekindex:BouwBijStart"] = "false";
        portal.Instellingen["Zoekindex:Elasticsearch:Url"] = GeslotenPoort();
        portal.Instellingen["Zoekindex:Elasticsearch:Herhalingen"] = "1";
        portal.Instellingen["Zoekindex:Elasticsearch:EersteWachttijd"] = "00:00:00.010";

        var index = portal.Services.GetRequiredService<ISearchIndex>();

        Assert.IsType<ElasticsearchSearchIndex>(Assert.IsType<GemetenZoekindex>(index).Engine); // measured like the embedded one
        Assert.IsType<ElasticsearchIndexWriter>(portal.Services.GetRequiredService<ISearchIndexWriter>());
        await Assert.ThrowsAsync<ZoekindexOnbereikbaarException>(() => index.SearchAsync(new SearchQuery { Tekst = "schulden" }));
    }

    [Fact]
    public void Engine_ElasticsearchWithoutUrl_DoesNotStart_AndSaysWhy()
    {
        using var portal = new PortalFactory();
        portal.Instellingen["Zoekindex:Engine"] = "elasticsearch";
        portal.Instellingen["Zoekindex:BouwBijStart"] = "false";

        var e = Assert.ThrowsAny<Exception>(() => portal.Services);
        Assert.Contains("Zoekindex:Elasticsearch:Url", e.ToString());
    }
}
