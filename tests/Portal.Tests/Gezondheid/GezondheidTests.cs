using System.Net;
using System.Text.Json;
using SocialeKaart.Portal.Tests.OpenData;

namespace SocialeKaart.Portal.Tests.Gezondheid;

/// <summary>Liveness, readiness (each store and the index answer) and the Prometheus endpoint, off by default.</summary>
public sealed class GezondheidTests
{
    [Fact]
    public async Task Live_AndReady_AnswerWithEveryCheck()
    {
        await using var factory = new PortalFactory();
        var client = factory.Client();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(["accounts", "content", "makelpunt", "zoekindex"],
            json.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ready_ContentStoreGone_Is503AndNamesIt()
    {
        var bron = Path.Combine(Repo.Root, "content");
        var map = Directory.CreateTempSubdirectory("sk-content-").FullName;
        foreach (var bestand in Directory.EnumerateFiles(bron, "*", SearchOption.AllDirectories))
        {
            var doel = Path.Combine(map, Path.GetRelativePath(bron, bestand));
            Directory.CreateDirectory(Path.GetDirectoryName(doel)!);
            File.Copy(bestand, doel);
        }

        try
        {
            await using var factory = new PortalFactory { Instellingen = { ["Content:Map"] = map } };
            var client = factory.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            File.Delete(Path.Combine(map, "taxonomie.yml"));

            var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var tekst = await ready.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(tekst);
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("content").GetProperty("status").GetString());
            Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("makelpunt").GetProperty("status").GetString());
            Assert.DoesNotContain(map, tekst, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(map, recursive: true);
        }
    }

    [Fact]
    public async Task Metrics_OffByDefault()
    {
        await using var factory = new PortalFactory();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_On_RequestsSearchLatencyAndOutbox()
    {
        await using var factory = new PortalFactory { Instellingen = { ["Metrics:Prometheus"] = "true" } };
        var client = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/zoeken?q=schulden")).StatusCode);

        // The outbox gauge is fetched in the background: the second scrape has it.
        var tekst = "";
        for (var i = 0; i < 50 && !tekst.Contains("sk_postvak_wachtend", StringComparison.Ordinal); i++)
        {
            tekst = await client.GetStringAsync("/metrics");
            await Task.Delay(100);
        }

        Assert.Contains("http_server_request_duration_seconds", tekst, StringComparison.Ordinal);
        Assert.Contains("sk_zoeken_duur_seconds_count{", tekst, StringComparison.Ordinal);
        Assert.Contains("sk_postvak_wachtend", tekst, StringComparison.Ordinal);
        Assert.DoesNotContain("schulden", tekst, StringComparison.Ordinal);
    }
}
