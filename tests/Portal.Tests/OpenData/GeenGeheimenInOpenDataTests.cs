using System.Net;
using System.Text.Json.Nodes;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.OpenData;

/// <summary>Open data never carries an internal field of the aanbod, nor anything of a melding or an account.</summary>
public sealed class GeenGeheimenInOpenDataTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Every open-data response: the lists (short and full, JSON and ndjson), every single record, the export, the OpenAPI document.</summary>
    private async Task<List<(string Url, string Tekst)>> AlleAntwoordenAsync()
    {
        var client = factory.Client();
        var antwoorden = new List<(string, string)>();
        async Task<string> Haal(string url)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, url);
            var tekst = await response.Content.ReadAsStringAsync();
            antwoorden.Add((url, tekst));
            return tekst;
        }

        foreach (var vast in new[] { "/api/hsds/", "/api/hsds/profiel", "/api/hsds/export", "/api/openapi/opendata.json" })
        {
            await Haal(vast);
        }

        foreach (var soort in new[] { "services", "organizations", "locations", "service_at_locations", "taxonomies", "taxonomy_terms" })
        {
            await Haal($"/api/hsds/{soort}?per_page=500&format=ndjson&full=true&full_service=true");
            await Haal($"/api/hsds/{soort}?per_page=500&full=true&full_service=true");
            var lijst = JsonNode.Parse(await Haal($"/api/hsds/{soort}?per_page=500"))!;
            foreach (var item in lijst["contents"]!.AsArray())
            {
                await Haal($"/api/hsds/{soort}/{item!["id"]}" + (soort == "organizations" ? "?full_service=true" : ""));
            }
        }

        return antwoorden;
    }

    [Fact]
    public async Task OpenData_ContainsNoInternalFieldValue_OfAnyAanbod()
    {
        var content = await new ContentIndexer(new LocalContentStore(Repo.Content)).ReadAsync();
        var intern = content.Aanbod.Where(a => a.Intern is not null)
            .SelectMany(a => new[] { a.Intern!.Toewijzingscriteria, a.Intern.Notities }).OfType<string>().ToList();
        Assert.True(intern.Count >= 10, $"the real content should have internal fields to look for; found {intern.Count}");

        // The whole value, and each sentence of it: a leak of part of a note counts too.
        var zoek = intern.Concat(intern.SelectMany(v => v.Split(['.', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(z => z.Length >= 25)).Distinct().ToList();
        var antwoorden = await AlleAntwoordenAsync();
        Assert.True(antwoorden.Count > content.Aanbod.Count, "every service was fetched on its own");
        foreach (var (url, tekst) in antwoorden)
        {
            foreach (var waarde in zoek)
            {
                Assert.False(Bevat(tekst, waarde), $"{url} contains the internal text '{waarde}'");
            }
        }
    }

    [Fact]
    public async Task OpenData_ContainsNoPersonalData_OfMeldingenOrAccounts()
    {
        var inwoner = factory.Client();
        await MeldingInvullen.TotControleAsync(inwoner, vraag: "Mijn buurman Gerrit-Jan Zonnebloem helpt niet meer met de rekeningen.");
        await MeldingInvullen.VerstuurAsync(inwoner);
        var medewerker = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        Assert.NotNull(medewerker);

        var geheim = new[]
        {
            MeldingInvullen.Naam, MeldingInvullen.Telefoon, MeldingInvullen.Email, "Zonnebloem", "Gerrit-Jan", "@test.example",
            "@demo.sociale-kaart.nl", "SK-20", "Test consulent",
        };
        foreach (var (url, tekst) in await AlleAntwoordenAsync())
        {
            foreach (var waarde in geheim)
            {
                Assert.False(Bevat(tekst, waarde), $"{url} contains '{waarde}'");
            }
        }
    }

    // As written, and as JSON writes it (escaped quotes, accents as \u00e9 and the like).
    private static bool Bevat(string tekst, string waarde) =>
        tekst.Contains(waarde, StringComparison.OrdinalIgnoreCase)
        || tekst.Contains(System.Text.Json.JsonSerializer.Serialize(waarde)[1..^1], StringComparison.OrdinalIgnoreCase);
}
