using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialeKaart.Portal.Tests;

public sealed class ZoekApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client = factory.Client();

    [Fact]
    public async Task Api_Search_ReturnsHitsAndFacets()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/zoeken?q=schulden&toegang=algemeen-toegankelijk&pagina=1");
        Assert.True(json.GetProperty("totaal").GetInt32() > 0);
        var hit = json.GetProperty("hits")[0];
        Assert.Equal("algemeen-toegankelijk", hit.GetProperty("toegang").GetString());
        Assert.StartsWith("/aanbod/", hit.GetProperty("url").GetString());
        var facets = json.GetProperty("facetten").EnumerateArray().Select(f => f.GetProperty("naam").GetString()).ToList();
        Assert.Contains("levensdomein", facets);
        Assert.Contains("toegang", facets);
    }

    [Fact]
    public async Task Api_Search_WithPostcode_GivesDistances()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/zoeken?q=taal&postcode=3905");
        Assert.Contains(json.GetProperty("hits").EnumerateArray(), h => h.GetProperty("afstandKm").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Api_Search_NeverReturnsInternalFields()
    {
        var body = await _client.GetStringAsync("/api/zoeken?toegang=achter-het-loket&pagina=1");
        Assert.DoesNotContain("intern", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("toewijzingscriteria", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("notities", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/zoeken?levensdomein=vissen", "levensdomein")]
    [InlineData("/api/zoeken?pagina=-1", "pagina")]
    [InlineData("/api/zoeken?pagina=99999999999", "pagina")]
    [InlineData("/api/zoeken?postcode=abc", "postcode")]
    public async Task Api_BadParameter_Is400ProblemWithTheField(string url, string field)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Api_VeryLongQuery_Is400NotA500()
    {
        var response = await _client.GetAsync("/api/zoeken?q=" + new string('x', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_Suggesties_CompleteFromThreeCharacters()
    {
        var suggesties = await _client.GetFromJsonAsync<string[]>("/api/suggesties?q=mant");
        Assert.Contains(suggesties!, s => s.StartsWith("Mantelzorg", StringComparison.Ordinal));
        Assert.Empty((await _client.GetFromJsonAsync<string[]>("/api/suggesties?q=ma"))!);
        Assert.Empty((await _client.GetFromJsonAsync<string[]>("/api/suggesties"))!);
    }
}
