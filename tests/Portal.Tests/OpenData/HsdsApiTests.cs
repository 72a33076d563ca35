using System.Net;
using System.Text.Json.Nodes;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;

namespace SocialeKaart.Portal.Tests.OpenData;

/// <summary>The HSDS 3.0 open-data API over the whole real content, validated against the official schemas.</summary>
public sealed class HsdsApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Lazy<KaartContent> Content = new(() =>
        new ContentIndexer(new LocalContentStore(Repo.Content)).ReadAsync().GetAwaiter().GetResult());

    private async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await factory.Client().GetAsync(url);
        var tekst = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {tekst}");
        return JsonNode.Parse(tekst)!;
    }

    private async Task<List<JsonNode>> AllesAsync(string url)
    {
        var pagina = await GetJsonAsync(url + (url.Contains('?') ? "&" : "?") + "per_page=500");
        Assert.True(pagina["last_page"]!.GetValue<bool>(), url);
        return pagina["contents"]!.AsArray().Select(n => n!).ToList();
    }

    [Fact]
    public async Task Services_EveryListPageAndEveryService_FollowTheOfficialSchemas()
    {
        var lijst = await GetJsonAsync("/api/hsds/services?per_page=500");
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/services"), lijst, "/services");
        Assert.Equal(Content.Value.Aanbod.Count, lijst["total_items"]!.GetValue<int>());

        var volledig = await GetJsonAsync("/api/hsds/services?per_page=500&full=true");
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/services"), volledig, "/services?full=true");

        var pagina2 = await GetJsonAsync("/api/hsds/services?per_page=7&page=2");
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/services"), pagina2, "/services?page=2");

        var schema = HsdsSchemas.Bestand("compiled/service.json");
        foreach (var id in lijst["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()))
        {
            HsdsSchemas.Geldig(schema, await GetJsonAsync($"/api/hsds/services/{id}"), $"/services/{id}");
        }
    }

    [Fact]
    public async Task Organizations_ListsAndEachOrganization_FollowTheOfficialSchemas()
    {
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/organizations"), await GetJsonAsync("/api/hsds/organizations?per_page=500"), "/organizations");
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/organizations"), await GetJsonAsync("/api/hsds/organizations?per_page=500&full=true"), "/organizations?full=true");
        var schema = HsdsSchemas.Bestand("compiled/organization.json");
        var organisaties = await AllesAsync("/api/hsds/organizations");
        Assert.Equal(Content.Value.Aanbod.Select(a => a.Organization.Name.Trim().ToLowerInvariant()).Distinct().Count(), organisaties.Count);
        foreach (var id in organisaties.Select(o => o["id"]!.GetValue<string>()))
        {
            HsdsSchemas.Geldig(schema, await GetJsonAsync($"/api/hsds/organizations/{id}"), $"/organizations/{id}");
            HsdsSchemas.Geldig(schema, await GetJsonAsync($"/api/hsds/organizations/{id}?full_service=true"), $"/organizations/{id}?full_service=true");
        }
    }

    [Fact]
    public async Task ServiceAtLocationsAndLocations_FollowTheOfficialSchemas()
    {
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/service_at_locations"), await GetJsonAsync("/api/hsds/service_at_locations?per_page=500"), "/service_at_locations");
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/service_at_locations"), await GetJsonAsync("/api/hsds/service_at_locations?per_page=500&full=true"),
            "/service_at_locations?full=true");

        // The API reference of 3.0 names compiled/service.json for /service_at_locations/{id}; a service_at_location is what it returns.
        var schema = HsdsSchemas.Bestand("compiled/service_at_location.json");
        var sals = await AllesAsync("/api/hsds/service_at_locations");
        Assert.Equal(Content.Value.Aanbod.Sum(a => a.Locations.Select(l => (l.Name, l.Address1, l.PostalCode, l.City)).Distinct().Count()), sals.Count);
        foreach (var id in sals.Select(o => o["id"]!.GetValue<string>()))
        {
            HsdsSchemas.Geldig(schema, await GetJsonAsync($"/api/hsds/service_at_locations/{id}"), $"/service_at_locations/{id}");
        }

        var locatie = HsdsSchemas.Bestand("location.json");
        foreach (var l in await AllesAsync("/api/hsds/locations"))
        {
            HsdsSchemas.Geldig(locatie, l, "/locations item");
            HsdsSchemas.Geldig(locatie, await GetJsonAsync($"/api/hsds/locations/{l["id"]}"), $"/locations/{l["id"]}");
        }
    }

    [Fact]
    public async Task Taxonomies_OurLevensdomeinenDoelgroepenAndWijken_FollowTheOfficialSchemas()
    {
        var taxonomie = Content.Value.Taxonomie!;
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/taxonomies"), await GetJsonAsync("/api/hsds/taxonomies"), "/taxonomies");
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/taxonomy_terms"), await GetJsonAsync("/api/hsds/taxonomy_terms?per_page=500"), "/taxonomy_terms");
        foreach (var t in await AllesAsync("/api/hsds/taxonomies"))
        {
            HsdsSchemas.Geldig(HsdsSchemas.Bestand("taxonomy.json"), await GetJsonAsync($"/api/hsds/taxonomies/{t["id"]}"), "/taxonomies/{id}");
        }

        var termen = await AllesAsync("/api/hsds/taxonomy_terms");
        foreach (var t in termen)
        {
            HsdsSchemas.Geldig(HsdsSchemas.Bestand("taxonomy_term.json"), await GetJsonAsync($"/api/hsds/taxonomy_terms/{t["id"]}"), "/taxonomy_terms/{id}");
        }

        // Levensdomeinen hang under their leefgebied; the tree can be walked with top_only and parent_id.
        var boven = await AllesAsync("/api/hsds/taxonomy_terms?top_only=true&taxonomy_id=" + termen.First(t => (string?)t["taxonomy"] == "sociale-kaart-levensdomeinen")["taxonomy_id"]);
        Assert.Equal(taxonomie.Leefgebieden.Select(l => l.Id).Order(), boven.Select(t => (string)t["code"]!).Order());
        foreach (var l in taxonomie.Levensdomeinen)
        {
            var term = termen.Single(t => (string?)t["taxonomy"] == "sociale-kaart-levensdomeinen" && (string?)t["code"] == l.Id);
            Assert.Equal(l.Naam, (string?)term["name"]);
            Assert.Equal(boven.Single(b => (string?)b["code"] == l.Leefgebied)["id"]!.GetValue<string>(), (string?)term["parent_id"]);
        }

        foreach (var d in taxonomie.Doelgroepen)
        {
            Assert.Contains(termen, t => (string?)t["taxonomy"] == "sociale-kaart-doelgroepen" && (string?)t["code"] == d.Id);
        }
    }

    [Fact]
    public async Task Meta_AndExport_FollowTheSchemas_AndTheExportHoldsEverything()
    {
        HsdsSchemas.Geldig(HsdsSchemas.Antwoord("/"), await GetJsonAsync("/api/hsds/"), "/");

        var response = await factory.Client().GetAsync("/api/hsds/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("attachment; filename=\"sociale-kaart-hsds-", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        var export = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3.0", (string?)export["version"]);
        foreach (var (veld, schema) in new[]
        {
            ("services", "compiled/service.json"), ("organizations", "compiled/organization.json"), ("locations", "location.json"),
            ("service_at_locations", "compiled/service_at_location.json"), ("taxonomies", "taxonomy.json"), ("taxonomy_terms", "taxonomy_term.json"),
        })
        {
            var items = export[veld]!.AsArray();
            Assert.NotEmpty(items);
            foreach (var item in items)
            {
                HsdsSchemas.Geldig(HsdsSchemas.Bestand(schema), item, $"export {veld}");
            }
        }

        Assert.Equal(Content.Value.Aanbod.Count, export["services"]!.AsArray().Count);
    }

    [Fact]
    public async Task Service_CarriesOurProfileAndSchedules_AsHsds()
    {
        var aanbod = Content.Value.Aanbod.First(a => a.Schedules.Any(s => s.Freq == "WEEKLY") && a.Locations.Count > 0);
        var id = Kaart.Hsds.HsdsProfiel.Id("service:" + aanbod.Id);
        var s = await GetJsonAsync($"/api/hsds/services/{id}");

        Assert.Equal(aanbod.Name, (string?)s["name"]);
        Assert.Equal(Kaart.Content.MarkdownRenderer.Render(aanbod.BodyMarkdown).Tekst, (string?)s["description"]);
        Assert.Equal(aanbod.AssuredDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)s["assured_date"]);
        var attributen = s["attributes"]!.AsArray();
        string? Waarde(string taxonomie, string code) => attributen.FirstOrDefault(a => (string?)a!["taxonomy_term"]!["taxonomy"] == taxonomie
            && (string?)a["taxonomy_term"]!["code"] == code)?["value"]?.GetValue<string>();
        Assert.Equal(aanbod.Id, Waarde("sociale-kaart-kenmerken", "aanbod-id"));
        Assert.Equal(aanbod.Samenvatting, Waarde("sociale-kaart-kenmerken", "samenvatting"));
        Assert.NotNull(Waarde("sociale-kaart-toegang", aanbod.Toegang == Toegang.AchterHetLoket ? "achter-het-loket" : "algemeen-toegankelijk"));
        foreach (var l in aanbod.Levensdomeinen)
        {
            Assert.NotNull(Waarde("sociale-kaart-levensdomeinen", l));
        }

        var weekly = aanbod.Schedules.First(t => t.Freq == "WEEKLY");
        var schema = s["schedules"]!.AsArray().Select(n => n!).First(n => (string?)n["freq"] == "WEEKLY" && (string?)n["byday"] == string.Join(",", weekly.ByDay));
        Assert.Equal(weekly.Interval, schema["interval"]!.GetValue<int>());
        Assert.Equal(weekly.OpensAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), (string?)schema["opens_at"]);
        Assert.Equal("MO", (string?)schema["wkst"]);
        Assert.NotEmpty(s["service_at_locations"]!.AsArray());
        Assert.Equal("NL", (string?)s["service_at_locations"]![0]!["location"]!["addresses"]![0]!["country"]);
        Assert.Equal("Utrecht", (string?)s["service_at_locations"]![0]!["location"]!["addresses"]![0]!["state_province"]);

        var wettelijk = Content.Value.Aanbod.First(a => a.WettelijkKader.Count > 0);
        var w = await GetJsonAsync($"/api/hsds/services/{Kaart.Hsds.HsdsProfiel.Id("service:" + wettelijk.Id)}");
        Assert.Contains(w["attributes"]!.AsArray(), a => (string?)a!["taxonomy_term"]!["taxonomy"] == "sociale-kaart-wettelijk-kader"
            && (string?)a["taxonomy_term"]!["code"] == wettelijk.WettelijkKader[0]);
    }

    [Fact]
    public async Task Paging_FollowsTheApiReference_AndBadParametersAre400()
    {
        var alles = await AllesAsync("/api/hsds/services");
        var p1 = await GetJsonAsync("/api/hsds/services?per_page=10");
        Assert.Equal(alles.Count, p1["total_items"]!.GetValue<int>());
        Assert.Equal((alles.Count + 9) / 10, p1["total_pages"]!.GetValue<int>());
        Assert.True(p1["first_page"]!.GetValue<bool>());
        Assert.False(p1["last_page"]!.GetValue<bool>());
        Assert.Equal(10, p1["size"]!.GetValue<int>());

        var laatste = p1["total_pages"]!.GetValue<int>();
        var pl = await GetJsonAsync($"/api/hsds/services?per_page=10&page={laatste}");
        Assert.True(pl["last_page"]!.GetValue<bool>());
        Assert.Equal(alles.Count - (laatste - 1) * 10, pl["size"]!.GetValue<int>());
        var voorbij = await GetJsonAsync($"/api/hsds/services?per_page=10&page={laatste + 1}");
        Assert.True(voorbij["empty"]!.GetValue<bool>());

        // Every service once over all pages, in a stable order.
        var ids = new List<string>();
        for (var p = 1; p <= laatste; p++)
        {
            ids.AddRange((await GetJsonAsync($"/api/hsds/services?per_page=10&page={p}"))["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        }

        Assert.Equal(alles.Select(s => s["id"]!.GetValue<string>()), ids);

        foreach (var fout in new[] { "page=0", "page=x", "per_page=501", "per_page=-1", "modified_after=gisteren", "full=misschien", "format=xml", "proximity=-5" })
        {
            var response = await factory.Client().GetAsync("/api/hsds/services?" + fout);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/api/hsds/services/" + Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/api/hsds/services/../../makelpunt")).StatusCode);
    }

    [Fact]
    public async Task ModifiedAfter_ReturnsOnlyServicesChangedOnOrAfterIt()
    {
        var datums = Content.Value.Aanbod.Select(a => a.AssuredDate).Distinct().Order().ToList();
        var grens = datums[datums.Count / 2];
        var verwacht = Content.Value.Aanbod.Count(a => a.AssuredDate >= grens);
        Assert.InRange(verwacht, 1, Content.Value.Aanbod.Count - 1);

        // Midnight of that day in Dutch time, written with its offset (CET or CEST) as a client would send it.
        var middernacht = new DateTimeOffset(grens.ToDateTime(TimeOnly.MinValue), Rooster.Amsterdam.GetUtcOffset(grens.ToDateTime(TimeOnly.MinValue)));
        var lijst = await AllesAsync("/api/hsds/services?modified_after=" + Uri.EscapeDataString(middernacht.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(verwacht, lijst.Count);
        Assert.All(lijst, s => Assert.True(DateTimeOffset.Parse((string)s["last_modified"]!, System.Globalization.CultureInfo.InvariantCulture) >= middernacht));
        var eenSecondeLater = await AllesAsync("/api/hsds/services?modified_after=" + Uri.EscapeDataString(middernacht.AddSeconds(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(verwacht - Content.Value.Aanbod.Count(a => a.AssuredDate == grens), eenSecondeLater.Count);
        Assert.Empty(await AllesAsync("/api/hsds/services?modified_after=2999-01-01T00:00:00Z"));
    }

    [Fact]
    public async Task Filters_TaxonomyTermOrganizationSearchAndNdjson()
    {
        var taxonomie = Content.Value.Taxonomie!;
        var rondkomen = Kaart.Hsds.HsdsProfiel.TermId("sociale-kaart-levensdomeinen", "rondkomen");
        var lijst = await AllesAsync($"/api/hsds/services?taxonomy_term_id={rondkomen}");
        Assert.Equal(Content.Value.Aanbod.Count(a => a.Levensdomeinen.Contains("rondkomen")), lijst.Count);

        // A leefgebied term finds the aanbod of its levensdomeinen.
        var leefgebied = taxonomie.LeefgebiedVan("rondkomen");
        var perLeefgebied = await AllesAsync($"/api/hsds/services?taxonomy_term_id={Kaart.Hsds.HsdsProfiel.TermId("sociale-kaart-levensdomeinen", leefgebied)}");
        Assert.Equal(Content.Value.Aanbod.Count(a => a.Levensdomeinen.Any(l => taxonomie.LeefgebiedVan(l) == leefgebied)), perLeefgebied.Count);

        var org = lijst[0]["organization"]!["id"]!.GetValue<string>();
        Assert.All(await AllesAsync($"/api/hsds/services?organization_id={org}"), s => Assert.Equal(org, (string?)s["organization_id"]));

        var schulden = await AllesAsync("/api/hsds/services?search=schulden");
        Assert.Contains(schulden, s => ((string?)s["name"])!.Contains("Schuldhulp", StringComparison.OrdinalIgnoreCase));

        var response = await factory.Client().GetAsync("/api/hsds/services?format=ndjson&full=true");
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var regels = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Content.Value.Aanbod.Count, regels.Length);
        HsdsSchemas.Geldig(HsdsSchemas.Bestand("compiled/service.json"), JsonNode.Parse(regels[0]), "ndjson line");

        var dichtbij = await AllesAsync("/api/hsds/service_at_locations?postcode=3901&proximity=1000");
        var veraf = await AllesAsync("/api/hsds/service_at_locations?postcode=3901&proximity=100000");
        Assert.InRange(dichtbij.Count, 1, veraf.Count - 1);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Client().GetAsync("/api/hsds/service_at_locations?postcode=0000&proximity=10")).StatusCode);
    }

    [Fact]
    public async Task Cors_IsOpenForGetOnTheOpenDataApiOnly()
    {
        var client = factory.Client();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/hsds/services?per_page=1") { Headers = { { "Origin", "https://regio.example.org" } } };
        var antwoord = await client.SendAsync(get);
        Assert.Equal("*", antwoord.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/hsds/services")
        {
            Headers = { { "Origin", "https://regio.example.org" }, { "Access-Control-Request-Method", "DELETE" } },
        };
        var vooraf = await client.SendAsync(preflight);
        Assert.False(vooraf.Headers.Contains("Access-Control-Allow-Methods") && vooraf.Headers.GetValues("Access-Control-Allow-Methods").Any(m => m.Contains("DELETE", StringComparison.Ordinal)));

        foreach (var pad in new[] { "/api/zoeken?q=taal", "/zoeken?q=taal", "/makelpunt" })
        {
            using var ander = new HttpRequestMessage(HttpMethod.Get, pad) { Headers = { { "Origin", "https://regio.example.org" } } };
            Assert.False((await client.SendAsync(ander)).Headers.Contains("Access-Control-Allow-Origin"), pad);
        }
    }

    [Fact]
    public async Task OpenApi_DescribesTheHsdsApiAndTheSearch()
    {
        var doc = await GetJsonAsync("/api/openapi/opendata.json");
        Assert.StartsWith("3.", (string?)doc["openapi"], StringComparison.Ordinal);
        var paden = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var pad in new[] { "/api/hsds", "/api/hsds/services", "/api/hsds/services/{id}", "/api/hsds/organizations", "/api/hsds/organizations/{id}",
            "/api/hsds/locations", "/api/hsds/service_at_locations", "/api/hsds/service_at_locations/{id}", "/api/hsds/taxonomies",
            "/api/hsds/taxonomy_terms", "/api/hsds/taxonomy_terms/{id}", "/api/hsds/export", "/api/zoeken" })
        {
            Assert.Contains(pad, paden);
        }

        Assert.DoesNotContain(paden, p => p.StartsWith("/makelpunt", StringComparison.Ordinal) || p.StartsWith("/account", StringComparison.Ordinal));
        Assert.Contains("status", doc["components"]!["schemas"]!["HsdsService"]!["properties"]!.AsObject().Select(p => p.Key));
        var services = doc["paths"]!["/api/hsds/services"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("modified_after", services);
        Assert.Contains("per_page", services);
        Assert.Contains("q", doc["paths"]!["/api/zoeken"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.NotNull(doc["paths"]!["/api/zoeken"]!["get"]!["responses"]!["200"]!["content"]);
    }
}
