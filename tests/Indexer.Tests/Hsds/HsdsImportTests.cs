using System.CommandLine;
using System.Text.Json.Nodes;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Hsds;

namespace SocialeKaart.Indexer.Tests.Hsds;

/// <summary><c>import</c>: the official HSDS 3.0 examples and hostile or broken input, each test in its own temp folder.</summary>
public sealed class HsdsImportTests : IDisposable
{
    private static readonly string Voorbeelden = Path.Combine(RepoPaths.ExternalData, "hsds", "examples");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sk-hsds-" + Guid.NewGuid().ToString("N"));
    private string ContentDir => Path.Combine(_root, "content");
    private string Invoer => Path.Combine(_root, "invoer");

    public HsdsImportTests()
    {
        Directory.CreateDirectory(ContentDir);
        Directory.CreateDirectory(Invoer);
        File.Copy(Path.Combine(RepoPaths.Root, "content", "taxonomie.yml"), Path.Combine(ContentDir, "taxonomie.yml"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int Exit, string Output, string[] Problemen)> Import(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Commands.Root().Parse(["import", .. args, "--content", ContentDir]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private Aanbod Lees(string id)
    {
        var taxonomie = Taxonomie.Parse(File.ReadAllText(Path.Combine(ContentDir, "taxonomie.yml")));
        var r = new AanbodParser(taxonomie).Parse($"aanbod/{id}.md", File.ReadAllText(Path.Combine(ContentDir, "aanbod", id + ".md")));
        Assert.True(r.IsValid, string.Join("; ", r.Problems));
        return r.Aanbod!;
    }

    private static JsonNode Voorbeeld(string naam) => JsonNode.Parse(File.ReadAllText(Path.Combine(Voorbeelden, naam)))!;

    private string Schrijf(string naam, string tekst)
    {
        var pad = Path.Combine(Invoer, naam);
        File.WriteAllText(pad, tekst);
        return pad;
    }

    [Fact]
    public async Task OfficialExamples_EachRecordOurModelCannotTake_IsReportedAsRecordColonMessage()
    {
        var (exit, output, problemen) = await Import(Voorbeelden);

        Assert.Equal(1, exit);
        Assert.Contains("0 aanbod ingelezen", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(ContentDir, "aanbod")));
        const string Record = "service 'Community Counselling' (ac148810-d857-441c-9679-408f346de14b): ";
        Assert.Contains(problemen, p => p.StartsWith(Record, StringComparison.Ordinal) && p.Contains("geen levensdomein", StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.StartsWith(Record, StringComparison.Ordinal) && p.Contains("geen bruikbare locatie", StringComparison.Ordinal));
        Assert.All(problemen, p => Assert.Matches(@"^[^:]+(:\d+)?\S*: |^service '[^']+' \([^)]+\): |^organization '", p));
    }

    [Fact]
    public async Task OfficialServiceExample_WithADutchAddress_BecomesAValidAanbod()
    {
        // The official service_full example, as a Dutch neighbour would publish it: an address in the Netherlands.
        var service = Voorbeeld("service_full.json");
        var adres = service["service_at_locations"]![0]!["location"]!["addresses"]![0]!;
        adres["address_1"] = "Brugstraat 1";
        adres["postal_code"] = "3901 AB";
        adres["city"] = "Veenendaal";
        var bestand = Schrijf("buur.json", service.ToJsonString());

        var (exit, output, problemen) = await Import(bestand, "--levensdomein", "zorgen");

        Assert.Contains("1 aanbod ingelezen", output, StringComparison.Ordinal);
        Assert.Equal(0, exit); // notes say what it assumed; nothing was skipped
        Assert.All(problemen, p => Assert.Contains(": let op: ", p, StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.Contains("toegang", StringComparison.Ordinal));
        var a = Lees("community-counselling");
        Assert.Equal("Community Counselling", a.Name);
        Assert.Equal(Toegang.AlgemeenToegankelijk, a.Toegang);
        Assert.Equal(["zorgen"], a.Levensdomeinen);
        Assert.Equal("http://example.com/counselling", a.Url);
        Assert.Equal("email@example.com", a.Email);
        Assert.Equal((12, 100), (a.MinimumAge, a.MaximumAge));
        Assert.Equal(new DateOnly(2005, 1, 1), a.AssuredDate);
        Assert.Equal("Example Organization Inc.", a.Organization.Name);
        Assert.Equal("professionele-aanbieder", a.Organization.Soort);
        Assert.Equal(["ur"], a.Languages);
        Assert.Equal(35m, a.CostOptions.Single().Amount);
        var locatie = a.Locations.Single();
        Assert.Equal(("Brugstraat 1", "3901 AB", "Veenendaal"), (locatie.Address1, locatie.PostalCode, locatie.City));
        Assert.Null(locatie.Latitude); // 100, 101 is not in the Netherlands
        var t = a.Schedules.Single();
        Assert.Equal(("WEEKLY", "TH,FR", new TimeOnly(10, 0), new TimeOnly(18, 0)), (t.Freq, string.Join(",", t.ByDay), t.OpensAt, t.ClosesAt));
        Assert.StartsWith("Counselling Services provided by trained professionals.", a.Samenvatting, StringComparison.Ordinal);
        Assert.Contains("anxiety, depression", a.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileAndBrokenInput_IsReportedPerRecord_AndTheRestIsKept()
    {
        var goed = Voorbeeld("service_full.json");
        var adres = goed["service_at_locations"]![0]!["location"]!["addresses"]![0]!;
        adres["postal_code"] = "3901 AB";

        JsonNode Variant(string naam, Action<JsonNode> wijzig)
        {
            var s = goed.DeepClone();
            s["name"] = naam;
            s["id"] = HsdsProfiel.Id(naam);
            wijzig(s);
            return s;
        }

        var lijst = new JsonArray(
            Variant("Goed aanbod", _ => { }),
            Variant("Front matter\n---\nintern:\n  notities: geheim", s => s["description"] = "---\nid: kwaad\ntoegang: achter-het-loket\n---\n<script>alert(1)</script>"),
            Variant("Niet actief", s => s["status"] = "defunct"),
            Variant("Verkeerde types", s => { s["minimum_age"] = "twaalf"; s["schedules"] = "elke dag"; s["phones"] = new JsonObject(); s["languages"] = new JsonArray(1, true); }),
            Variant("Javascript", s => s["url"] = "javascript:alert(1)"),
            Variant(new string('x', 200), _ => { }),
            Variant("Padtraversal", s => s["attributes"] = new JsonArray(new JsonObject
            {
                ["id"] = HsdsProfiel.Id("a"),
                ["value"] = "../../etc/passwd",
                ["taxonomy_term"] = new JsonObject { ["id"] = HsdsProfiel.Id("t"), ["code"] = "aanbod-id", ["name"] = "id", ["description"] = "d", ["taxonomy"] = "sociale-kaart-kenmerken" },
            })),
            JsonValue.Create(42),
            new JsonObject { ["name"] = new JsonObject(), ["status"] = "active" });
        var bestand = Schrijf("lijst.json", new JsonObject { ["total_items"] = 9, ["contents"] = lijst }.ToJsonString());
        Schrijf("kapot.json", "{ \"contents\": [ { \"name\": \"half");
        Schrijf("diep.json", new string('[', 5000) + new string(']', 5000));
        Schrijf("regels.ndjson", goed.ToJsonString().Replace("Community Counselling", "Regel een", StringComparison.Ordinal) + "\n{kapot\n");

        var (exit, output, problemen) = await Import(Invoer, "--levensdomein", "zorgen");

        Assert.Equal(1, exit);
        var geschreven = Directory.EnumerateFiles(Path.Combine(ContentDir, "aanbod")).Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(["front-matter-intern-notities-geheim", "goed-aanbod", "padtraversal", "regel-een", "verkeerde-types"], geschreven);
        Assert.Contains("5 aanbod ingelezen", output, StringComparison.Ordinal);

        // Nothing in a value can end the front matter or add a field: the body is text, intern never comes from an import.
        var injectie = Lees("front-matter-intern-notities-geheim");
        Assert.Null(injectie.Intern);
        Assert.Equal(Toegang.AlgemeenToegankelijk, injectie.Toegang);
        Assert.Equal("front-matter-intern-notities-geheim", injectie.Id);
        Assert.Contains("<script>", injectie.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", MarkdownRenderer.Render(injectie.BodyMarkdown).Html, StringComparison.Ordinal);

        var types = Lees("verkeerde-types");
        Assert.Null(types.MinimumAge);
        Assert.Empty(types.Schedules);
        Assert.Empty(types.Languages);

        Assert.Contains(problemen, p => p.StartsWith("service 'Niet actief'", StringComparison.Ordinal) && p.Contains("defunct", StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.StartsWith("service 'Javascript'", StringComparison.Ordinal) && p.Contains("url", StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.StartsWith("service 'xxxx", StringComparison.Ordinal) && p.Contains("te lang", StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.Contains("kapot.json:1: geen geldige JSON", StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.Contains("diep.json: geen geldige JSON", StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.Contains("regels.ndjson:2: geen geldige JSON", StringComparison.Ordinal));
        Assert.Contains(problemen, p => p.Contains("[7]: geen HSDS-object", StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories), f => f.Contains("passwd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameRecordTwice_TheSecondGetsItsOwnId_AndOurOwnIdIsNotOverwritten()
    {
        var service = Voorbeeld("service_full.json");
        service["service_at_locations"]![0]!["location"]!["addresses"]![0]!["postal_code"] = "3901 AB";
        var bestand = Schrijf("een.json", service.ToJsonString());
        await Import(bestand, "--levensdomein", "zorgen");
        await Import(bestand, "--levensdomein", "zorgen");
        Assert.True(File.Exists(Path.Combine(ContentDir, "aanbod", "community-counselling-2.md")));

        // With our profile's aanbod-id the record is the same aanbod: reported, not duplicated, unless --overschrijven.
        service["attributes"] = new JsonArray(new JsonObject
        {
            ["id"] = HsdsProfiel.Id("a"), ["value"] = "taalcafe-de-brug",
            ["taxonomy_term"] = new JsonObject { ["id"] = HsdsProfiel.Id("t"), ["code"] = "aanbod-id", ["name"] = "id", ["description"] = "d", ["taxonomy"] = "sociale-kaart-kenmerken" },
        });
        var eigen = Schrijf("eigen.json", service.ToJsonString());
        await Import(eigen, "--levensdomein", "zorgen");
        var (_, _, problemen) = await Import(eigen, "--levensdomein", "zorgen");
        Assert.Contains(problemen, p => p.Contains("'taalcafe-de-brug' bestaat al", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(ContentDir, "aanbod", "taalcafe-de-brug-2.md")));
        var (exit, _, _) = await Import(eigen, "--levensdomein", "zorgen", "--overschrijven");
        Assert.Equal(0, exit); // notes only: no skipped record
        Assert.Single(Directory.EnumerateFiles(Path.Combine(ContentDir, "aanbod"), "taalcafe*"));
    }

    [Fact]
    public async Task MissingSource_AndUnknownLevensdomein_AreClearErrors()
    {
        var (exit, _, problemen) = await Import(Path.Combine(_root, "bestaat-niet.json"));
        Assert.Equal(1, exit);
        Assert.Contains(problemen, p => p.EndsWith("dit bestand of deze map bestaat niet.", StringComparison.Ordinal));
        var (exit2, _, problemen2) = await Import(Voorbeelden, "--levensdomein", "sterrenkunde");
        Assert.Equal(2, exit2);
        Assert.Contains(problemen2, p => p.Contains("sterrenkunde", StringComparison.Ordinal));
    }
}
