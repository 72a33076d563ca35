using System.Text.Json;
using System.Text.Json.Nodes;
using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Elasticsearch;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;
using static SocialeKaart.Indexer.Tests.Support.TestContent;

namespace SocialeKaart.Indexer.Tests.Elasticsearch;

/// <summary>
/// The adapter without a network: the requests the official client makes (compared to golden files, reviewed by hand
/// against the Elasticsearch reference) and the mapping of canned Elasticsearch answers to the port's results.
/// Set SK_GOLDEN_UPDATE=1 to write the golden files anew (then review the diff).
/// </summary>
public sealed class ElasticsearchAdapterTests
{
    private static readonly FixedTimeProvider Dinsdagmiddag = FixedTimeProvider.AtLocal(2026, 11, 24, 15, 0);

    private static IReadOnlyList<Aanbod> Kaart() =>
    [
        Aanbod("schuldhulpverlening", "Schuldhulpverlening", "Hulp als u niet meer rond kunt komen.",
            "De gemeente helpt met een betalingsregeling.", toegang: Toegang.AchterHetLoket, levensdomeinen: ["rondkomen"],
            locaties: [Locatie("3901 AB", "centrum")], intern: new InternAanbod("Alleen na intake.", "Codewoord zebrapad.")),
        Aanbod("budgetcursus", "Budgetcursus: grip op uw geld", "Leer in vier lessen hoe u schulden voorkomt.",
            "Een cursus in een kleine groep.", levensdomeinen: ["rondkomen"], vorm: "groep", locaties: [Locatie("3907", "oost")]),
        Aanbod("taalcafe", "Taalcafé De Brug", "Oefen Nederlands praten.", "Elke dinsdag koffie en gesprekken.",
            levensdomeinen: ["leren", "ontmoeten"], talen: ["nl", "ar"], vorm: "groep",
            locaties: [Locatie("3905 KL", "petenbos", 52.0334, 5.5489)], tijden: [Wekelijks("TU", "14:00", "16:00")]),
        Aanbod("maatjes", "Maatjesproject tegen eenzaamheid", "Een vrijwilliger komt bij u op bezoek.",
            "Samen koffie drinken.", levensdomeinen: ["ontmoeten"], bereik: ["aan-huis"]),
    ];

    private static DocumentMapper Mapper(IndexBatch? batch = null) => new(Analyzer, TestContent.Taxonomie, Frasen(batch ?? KaartBatch()), Dinsdagmiddag);

    /// <summary>The phrases of the batch these tests index (its synonyms and situations), as the writer analyses with.</summary>
    private static SocialeKaart.Kaart.Analysis.Frasen Frasen(IndexBatch batch) => SocialeKaart.Kaart.Analysis.SearchKnowledge.FrasenVan(batch.Synoniemen, batch.Situaties);

    /// <summary>The kaart with one situation rule and an aanbod that has its phrase ("huur betalen") side by side.</summary>
    private static IndexBatch SituatieBatch() => Batch(Kaart().Append(Aanbod("huurhulp", "Hulp bij de huur",
        "Wij helpen als het huur betalen niet meer lukt.", "Samen met de verhuurder.", levensdomeinen: ["wonen", "rondkomen"]))) with
    {
        Postcodes = KaartBatch().Postcodes,
        Situaties = """
            [huur niet kunnen betalen]
            herken: huur + betal*|betaal*
            zoek: huurachterstand, huur betalen, schulden
            levensdomein: rondkomen
            """,
    };

    /// <summary>The batch with only the postcodes these tests use, so that the golden files stay readable.</summary>
    private static IndexBatch KaartBatch() => Batch(Kaart()) with
    {
        Postcodes = new SocialeKaart.Kaart.Content.Postcodes(TestContent.Postcodes.Centres.Where(p => p.Key is "3901" or "3905" or "3907").ToDictionary(p => p.Key, p => p.Value)),
    };

    /// <summary>The client writes a list of one as the element alone (Elasticsearch accepts both).</summary>
    private static JsonNode Eerste(JsonNode node) => node is JsonArray a ? a[0]! : node;

    private static string Json(object value) => JsonSerializer.Serialize(value);

    /// <summary>A cluster with a built index: its kaart data, its words (counted over the documents), and no hits.</summary>
    private static InMemoryCluster Gebouwd(IndexBatch? gegeven = null)
    {
        var cluster = new InMemoryCluster();
        var batch = gegeven ?? KaartBatch();
        var docs = batch.Documents.Select(d => Mapper(batch).Aanbod(d.Document)).ToList();
        var woorden = docs.SelectMany(d => d.Woorden).GroupBy(w => w).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new JsonObject { ["key"] = new JsonObject { ["woorden"] = g.Key }, ["doc_count"] = g.Count() }).ToArray();
        cluster.Answer("GET", "/sk-intern/_doc/#kaart", Json(new Dictionary<string, object>
        {
            ["_index"] = "sk-intern-20261124-140000-000-abcdef", ["_id"] = "#kaart", ["found"] = true, ["_version"] = 1,
            ["_source"] = DocumentMapper.Kaart(batch, 7),
        }));
        cluster.Answer(v => v.Path.StartsWith("/sk-aanbod/_search", StringComparison.Ordinal) && v.Body!.Contains("\"composite\"", StringComparison.Ordinal), v => (200,
            v.Body!.Contains("\"after\"", StringComparison.Ordinal)
                ? """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":4,"relation":"eq"},"hits":[]},"aggregations":{"composite#woorden":{"buckets":[]}}}"""
                : new JsonObject
                {
                    ["took"] = 1, ["timed_out"] = false,
                    ["_shards"] = JsonNode.Parse("""{"total":1,"successful":1,"skipped":0,"failed":0}"""),
                    ["hits"] = JsonNode.Parse("""{"total":{"value":4,"relation":"eq"},"hits":[]}"""),
                    ["aggregations"] = new JsonObject { ["composite#woorden"] = new JsonObject { ["after_key"] = new JsonObject { ["woorden"] = "zz" }, ["buckets"] = new JsonArray(woorden) } },
                }.ToJsonString()));
        return cluster;
    }

    private static void Golden(string name, IEnumerable<Verzoek> verzoeken)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Elasticsearch", "golden", name);
        var actual = InMemoryCluster.Beschrijf(verzoeken);
        if (Environment.GetEnvironmentVariable("SK_GOLDEN_UPDATE") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {name} is missing: run with SK_GOLDEN_UPDATE=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static List<Verzoek> Zoekverzoeken(InMemoryCluster cluster) =>
        cluster.Verzoeken.Where(v => v.Path.Contains("/_search", StringComparison.Ordinal) && !v.Body!.Contains("\"composite\"", StringComparison.Ordinal)).ToList();

    // ---- requests (golden) ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Rebuild_CreatesIndexesFromCode_FillsThem_AndSwapsBothAliasesAtOnce()
    {
        var cluster = new InMemoryCluster()
            .Answer("GET", "/_alias/sk-aanbod", """{"sk-aanbod-oud":{"aliases":{"sk-aanbod":{}}}}""")
            .Answer("GET", "/_alias/sk-intern", """{"sk-intern-oud":{"aliases":{"sk-intern":{}}}}""")
            .Answer("GET", "/sk-intern-oud/_doc/#kaart", """{"_index":"sk-intern-oud","_id":"#kaart","found":true,"_source":{"kaart":{"taxonomie":"","synoniemen":"","postcodes":{},"versie":4}}}""");
        var writer = new ElasticsearchIndexWriter(cluster.Client(), cluster.Options, Analyzer, Dinsdagmiddag);

        await writer.RebuildAsync(KaartBatch());

        Golden("rebuild.json", cluster.Verzoeken);
        var swap = cluster.Verzoeken.Single(v => v.Path.StartsWith("/_aliases", StringComparison.Ordinal));
        var actions = swap.Json!["actions"]!.AsArray();
        Assert.Equal(4, actions.Count);
        Assert.Equal("DELETE", cluster.Verzoeken[^1].Method);
        Assert.Contains("sk-aanbod-oud", cluster.Verzoeken[^1].Path);
    }

    [Fact]
    public async Task Update_IsOneBulk_ThenExpungeAndOneRefresh_ThenANewVersion()
    {
        var cluster = Gebouwd()
            .Answer("GET", "/_alias/sk-aanbod", """{"sk-aanbod-b1":{"aliases":{"sk-aanbod":{}}}}""")
            .Answer("GET", "/_alias/sk-intern", """{"sk-intern-b1":{"aliases":{"sk-intern":{}}}}""");
        // The kaart data (taxonomy, version) is read from the current intern index.
        cluster.Answer("GET", "/sk-intern-b1/_doc/#kaart", Json(new Dictionary<string, object> { ["_index"] = "sk-intern-b1", ["_id"] = "#kaart", ["found"] = true, ["_source"] = DocumentMapper.Kaart(KaartBatch(), 7) }));
        var writer = new ElasticsearchIndexWriter(cluster.Client(), cluster.Options, Analyzer, Dinsdagmiddag);

        await writer.UpdateAsync(new IndexUpdate([Input(Kaart()[0])], ["maatjes"]));

        Golden("update.json", cluster.Verzoeken);
        var order = cluster.Verzoeken.Select(v => v.Path.Split('?')[0]).ToList();
        Assert.True(order.IndexOf("/_bulk") < order.IndexOf("/sk-aanbod-b1/_forcemerge"));
        Assert.True(order.IndexOf("/sk-aanbod-b1/_forcemerge") < order.IndexOf("/sk-aanbod-b1,sk-intern-b1/_refresh"));
        Assert.True(order.IndexOf("/sk-aanbod-b1,sk-intern-b1/_refresh") < order.LastIndexOf("/_bulk"));
        Assert.Equal(8, cluster.Verzoeken.Last(v => v.Path.StartsWith("/_bulk", StringComparison.Ordinal)).Json![1]!["kaart"]!["versie"]!.GetValue<long>());
    }

    private static IndexInput Input(Aanbod a) => Batch([a]).Documents.Single();

    [Fact]
    public async Task Search_PlainText_IsABoolOfCombinedFieldsOverTheWeightedFields()
    {
        var cluster = Gebouwd();
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        await index.SearchAsync(new SearchQuery { Tekst = "ik heb schulden" });

        Golden("zoek-tekst.json", Zoekverzoeken(cluster));
        // What the reader reads first: the kaart data by id, then the words page by page (a composite aggregation).
        Golden("kennis.json", cluster.Verzoeken.Except(Zoekverzoeken(cluster)));
        var query = Zoekverzoeken(cluster).Single().Json!["query"]!.ToJsonString();
        Assert.Contains("termen.naam^10", query);
        Assert.DoesNotContain("\"heb\"", query);
    }

    // Issue 11's planner, carried over: the situation's words are the one required group, the rest of the sentence adds
    // to the score (should, with its weight), the rule's phrase is one indexed token, and the situation's levensdomein
    // multiplies the score as in the embedded engine.
    [Fact]
    public async Task Search_Situation_RequiredGroupInMust_RestBoostedInShould_PhraseAsOneToken_LevensdomeinMultiplies()
    {
        var batch = SituatieBatch();
        var cluster = Gebouwd(batch);
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        await index.SearchAsync(new SearchQuery { Tekst = "ik kan de huur niet meer betalen, is er een cursus" });

        Golden("zoek-situatie.json", Zoekverzoeken(cluster));
        var functionScore = Zoekverzoeken(cluster).Single().Json!["query"]!["function_score"]!;
        var voorkeur = Eerste(functionScore["functions"]!);
        Assert.Equal(QueryPlan.LevensdomeinFactor, voorkeur["weight"]!.GetValue<double>());
        Assert.Contains("rondkomen", voorkeur["filter"]!.ToJsonString());
        Assert.Equal("multiply", functionScore["boost_mode"]!.GetValue<string>());
        var woorden = functionScore["query"]!["bool"]!;
        var must = woorden["must"]!.ToJsonString();
        Assert.Contains("\"hur_betal\"", must);
        Assert.Contains("\"schuld\"", must);
        Assert.DoesNotContain("cursus", must);
        var rest = Eerste(woorden["should"]!);
        Assert.Contains("\"cursus\"", rest.ToJsonString());
        Assert.True(rest["combined_fields"]!["boost"]!.GetValue<double>() < 1);
        var termen = Mapper(batch).Aanbod(batch.Documents.Single(d => d.Document.Aanbod.Id == "huurhulp").Document).Termen;
        Assert.Contains("hur_betal", termen.Values.SelectMany(v => v.Split(' ')));
    }

    [Fact]
    public async Task Search_FiltersAndFacets_FilterHitsInPostFilter_AndCountEachFacetWithoutItsOwnSelection()
    {
        var cluster = Gebouwd();
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        await index.SearchAsync(new SearchQuery { Tekst = "koffie" }
            .WithFilter(Facetten.Levensdomein, "ontmoeten", "leren").WithFilter(Facetten.Vorm, "groep").WithFilter(Facetten.Wanneer, Facetten.OpenNu));

        Golden("zoek-filters-facetten.json", Zoekverzoeken(cluster));
        var body = Zoekverzoeken(cluster).Single().Json!;
        Assert.Equal(3, body["post_filter"]!["bool"]!["filter"]!.AsArray().Count);
        var levensdomein = body["aggregations"]!["facet_levensdomein"]!["filter"]!.ToJsonString();
        Assert.DoesNotContain("facet.levensdomein", levensdomein);
        Assert.Contains("facet.vorm", levensdomein);
        Assert.Contains("facet.levensdomein", body["aggregations"]!["facet_vorm"]!["filter"]!.ToJsonString());
        Assert.DoesNotContain("facet", body["query"]!.ToJsonString());
    }

    [Fact]
    public async Task Search_RadiusAndDistance_FiltersOnGeoDistance_KeepsAanbodWithoutPlace_SortsByNearest()
    {
        var cluster = Gebouwd();
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        await index.SearchAsync(new SearchQuery { Postcode = "3901 AB", StraalKm = 2.5, Sortering = Sortering.Afstand, PerPagina = 20 });

        Golden("zoek-straal-afstand.json", Zoekverzoeken(cluster));
        var body = Zoekverzoeken(cluster).Single().Json!;
        Assert.Equal("2.5km", Eerste(Eerste(body["post_filter"]!["bool"]!["filter"]!)["bool"]!["should"]!)["geo_distance"]!["distance"]!.GetValue<string>());
        Assert.NotNull(Eerste(body["sort"]!)["_geo_distance"]);
    }

    [Fact]
    public async Task Suggest_CountsContributionsWithARegexOnThePhrase()
    {
        var cluster = Gebouwd();
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        await index.SuggestAsync("Taal");

        Golden("suggestie.json", Zoekverzoeken(cluster));
    }

    // ---- answers (canned Elasticsearch JSON) --------------------------------------------------------------------------

    private static string Hit(AanbodBron doc, double score, params string[] sort) => new JsonObject
    {
        ["_index"] = "sk-aanbod-b1", ["_id"] = doc.Id, ["_score"] = score,
        ["_source"] = new JsonObject { ["weergave"] = JsonSerializer.SerializeToNode(doc.Weergave) },
        ["sort"] = new JsonArray(sort.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
    }.ToJsonString();

    private static string SearchAnswer(int total, IEnumerable<string> hits, long treffers, string facetAggregations) =>
        """{"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":"""
        + total + ""","relation":"eq"},"max_score":null,"hits":[""" + string.Join(",", hits) + """]},"aggregations":{"filter#treffers":{"doc_count":"""
        + treffers + "}" + facetAggregations + "}}";

    [Fact]
    public async Task Search_MapsHitsFacetsAndDistances_FromTheAnswer()
    {
        var docs = KaartBatch().Documents.ToDictionary(d => d.Document.Aanbod.Id, d => Mapper().Aanbod(d.Document));
        var facets = """
            ,"filter#facet_levensdomein":{"doc_count":2,"sterms#waarden":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
                {"key":"leren","doc_count":1},{"key":"ontmoeten","doc_count":2},{"key":"rondkomen","doc_count":0}]}},
             "filter#facet_wanneer":{"doc_count":2,"filters#waarden":{"buckets":[{"key":"open-nu","doc_count":1},{"key":"deze-week","doc_count":1}]}},
             "filter#facet_vorm":{"doc_count":2,"sterms#waarden":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"groep","doc_count":1}]}}
            """;
        var cluster = Gebouwd().Answer(v => v.Path.StartsWith("/sk-aanbod/_search", StringComparison.Ordinal) && !v.Body!.Contains("\"composite\"", StringComparison.Ordinal),
            _ => (200, SearchAnswer(2, [Hit(docs["taalcafe"], 1.5, "1.5"), Hit(docs["maatjes"], 0.75, "0.75")], 2, facets)));
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        var results = await index.SearchAsync(new SearchQuery { Tekst = "koffie", Postcode = "3905" }.WithFilter(Facetten.Levensdomein, "ontmoeten"));

        Assert.Equal(2, results.Totaal);
        Assert.Equal(["taalcafe", "maatjes"], results.Hits.Select(h => h.Id));
        var taalcafe = results.Hits[0];
        Assert.Equal("Taalcafé De Brug", taalcafe.Naam);
        Assert.Equal(1.5, taalcafe.Score);
        Assert.Equal(["leren", "ontmoeten"], taalcafe.Levensdomeinen);
        Assert.Contains(taalcafe.Markering, f => f.Treffer && f.Tekst == "koffie");
        Assert.NotNull(taalcafe.AfstandKm);
        Assert.Null(results.Hits[1].AfstandKm);
        var levensdomein = results.Facetten.Single(f => f.Naam == Facetten.Levensdomein).Waarden;
        // The taxonomy's fixed order (not by count), every value the kaart has, also with 0.
        Assert.Equal(["ontmoeten", "rondkomen", "leren"], levensdomein.Select(w => w.Waarde));
        Assert.True(levensdomein.Single(w => w.Waarde == "ontmoeten").Gekozen);
        Assert.Equal(2, levensdomein.Single(w => w.Waarde == "ontmoeten").Aantal);
        Assert.Equal(0, levensdomein.Single(w => w.Waarde == "rondkomen").Aantal);
        var wanneer = results.Facetten.Single(f => f.Naam == Facetten.Wanneer).Waarden;
        Assert.Equal([(Facetten.OpenNu, 1), (Facetten.DezeWeek, 1)], wanneer.Select(w => (w.Waarde, w.Aantal)));
        Assert.Equal(Facetten.Alle, results.Facetten.Select(f => f.Naam));
    }

    [Fact]
    public async Task Search_NoAanbodWithAllWords_AsksAgainWithSomeWords()
    {
        var docs = KaartBatch().Documents.ToDictionary(d => d.Document.Aanbod.Id, d => Mapper().Aanbod(d.Document));
        var cluster = Gebouwd().Answer(v => v.Path.StartsWith("/sk-aanbod/_search", StringComparison.Ordinal) && !v.Body!.Contains("\"composite\"", StringComparison.Ordinal),
            v => (200, v.Body!.Contains("\"minimum_should_match\":1", StringComparison.Ordinal) && v.Body.Contains("\"should\"", StringComparison.Ordinal) && !v.Body.Contains("\"must\"", StringComparison.Ordinal)
                ? SearchAnswer(2, [Hit(docs["taalcafe"], 2, "2"), Hit(docs["maatjes"], 1, "1")], 2, "")
                : SearchAnswer(0, [], 0, "")));
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        var results = await index.SearchAsync(new SearchQuery { Tekst = "taalcafé eenzaamheid koffie" });

        Assert.True(results.Verbreed);
        Assert.Equal(["taalcafe", "maatjes"], results.Hits.Select(h => h.Id));
        Assert.Equal(2, Zoekverzoeken(cluster).Count);
    }

    [Fact]
    public async Task Get_WithoutMetIntern_NeverReadsTheInternIndex_AndSearchesNeverNameIt()
    {
        var doc = Mapper().Aanbod(KaartBatch().Documents[0].Document);
        var cluster = Gebouwd()
            .Answer("GET", "/sk-aanbod/_doc/schuldhulpverlening", Json(new Dictionary<string, object> { ["_index"] = "sk-aanbod-b1", ["_id"] = "schuldhulpverlening", ["found"] = true, ["_source"] = new Dictionary<string, object> { ["document"] = doc.Document! } }))
            .Answer("GET", "/sk-intern/_doc/schuldhulpverlening", Json(new Dictionary<string, object> { ["_index"] = "sk-intern-b1", ["_id"] = "schuldhulpverlening", ["found"] = true, ["_source"] = DocumentMapper.Intern(new InternAanbod("Alleen na intake.", "Codewoord zebrapad.")) }));
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        var publiek = await index.GetAsync("schuldhulpverlening");
        await index.SearchAsync(new SearchQuery { Tekst = "zebrapad" });
        await index.SuggestAsync("zebra");

        Assert.Equal("Schuldhulpverlening", publiek!.Document.Aanbod.Name);
        Assert.Null(publiek.Intern);
        Assert.DoesNotContain(cluster.Verzoeken, v => v.Path.StartsWith("/sk-intern/_doc/schuldhulpverlening", StringComparison.Ordinal));
        Assert.All(cluster.Verzoeken.Where(v => v.Path.Contains("_search", StringComparison.Ordinal)), v => Assert.StartsWith("/sk-aanbod/", v.Path));
        Assert.All(Zoekverzoeken(cluster).Where(v => v.Json!["query"] is not null), v => Assert.Equal("weergave", Eerste(v.Json!["_source"]!["includes"]!).GetValue<string>()));
        Assert.DoesNotContain("zebrapad", string.Concat(Mapper().Aanbod(KaartBatch().Documents[0].Document).Termen.Values));

        var intern = await index.GetAsync("schuldhulpverlening", metIntern: true);
        Assert.Equal("Codewoord zebrapad.", intern!.Intern!.Notities);
    }

    [Fact]
    public async Task Suggest_AddsUpContributionsPerPhrase_AsTheEmbeddedEngine()
    {
        var cluster = Gebouwd().Answer(v => v.Path.StartsWith("/sk-aanbod/_search", StringComparison.Ordinal) && v.Body!.Contains("\"include\"", StringComparison.Ordinal), _ => (200, """
            {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":4,"relation":"eq"},"hits":[]},
             "aggregations":{"sterms#suggesties":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
               {"key":"taalcafe de brug\u001FTaalcafé De Brug\u001F3","doc_count":1},
               {"key":"taalcafe\u001Ftaalcafe\u001F1","doc_count":2},
               {"key":"taalcafe\u001FTaalcafé\u001F1","doc_count":3},
               {"key":"oefen taal\u001FOefen taal\u001F1","doc_count":1}]}}}
            """));
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        var suggesties = await index.SuggestAsync("taal");

        Assert.Equal([new Suggestie("Taalcafé", 5), new Suggestie("Taalcafé De Brug", 3), new Suggestie("Oefen taal", 1)], suggesties);
    }

    // ---- failures ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Search_ClusterAnswers503_IsZoekindexOnbereikbaar()
    {
        var cluster = new InMemoryCluster().Answer(_ => true, _ => (503, """{"error":{"type":"cluster_block_exception","reason":"blocked"},"status":503}"""));
        var index = new ElasticsearchSearchIndex(cluster.Client(), cluster.Options, Dinsdagmiddag);

        var e = await Assert.ThrowsAsync<ZoekindexOnbereikbaarException>(() => index.SearchAsync(new SearchQuery { Tekst = "schulden" }));
        Assert.DoesNotContain("schulden", e.Message);
    }

    [Fact]
    public async Task Search_NobodyListens_IsZoekindexOnbereikbaar_AfterRetries()
    {
        // A loopback port that was free a moment ago: connection refused, retried with backoff, then the port's exception.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new ElasticsearchOptions { Url = $"http://127.0.0.1:{port}", Herhalingen = 2, EersteWachttijd = TimeSpan.FromMilliseconds(10) };
        var index = new ElasticsearchSearchIndex(ElasticsearchVerbinding.Client(options), options, Dinsdagmiddag);

        await Assert.ThrowsAsync<ZoekindexOnbereikbaarException>(() => index.SearchAsync(new SearchQuery()));
    }

    [Fact]
    public async Task Search_TransientFailures_AreRetriedWithBackoff()
    {
        using var server = new FlakyServer(failures: 2);
        var options = new ElasticsearchOptions { Url = server.Url, Herhalingen = 3, EersteWachttijd = TimeSpan.FromMilliseconds(10) };
        var index = new ElasticsearchSearchIndex(ElasticsearchVerbinding.Client(options), options, Dinsdagmiddag);

        Assert.True(await index.ExistsAsync());
        Assert.Equal(3, server.Requests);
    }

    // ---- documents ------------------------------------------------------------------------------------------------------

    [Fact]
    public void Document_FieldTermsTimesWeights_AreTheEmbeddedEnginesFrequencies()
    {
        foreach (var input in KaartBatch().Documents)
        {
            var embedded = new DocumentAnalyser(Analyzer, TestContent.Taxonomie, Frasen(KaartBatch())).Analyse(input.Document);
            var expected = embedded.Terms.Zip(embedded.TfHalf).ToDictionary(t => t.First, t => t.Second);
            var doc = Mapper().Aanbod(input.Document);
            var actual = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (name, halfUnits) in IndexFormat.Fields)
            {
                foreach (var term in doc.Termen[name].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    actual[term] = actual.GetValueOrDefault(term) + halfUnits;
                }
            }

            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void NaamSleutel_SortsOrdinally_AsTheEmbeddedNameOrder()
    {
        (string Naam, string Id)[] namen = [("Ábc", "b"), ("abc", "a"), ("Zeker", "z"), ("ijsclub", "i"), ("Een", "e"), ("één", "f"), ("Taalcafé", "t"), ("taalcafe", "s"), ("Taal", "u")];
        var embedded = namen.Order(Comparer<(string Naam, string Id)>.Create((x, y) => ColumnFormat.CompareNames(x.Naam, x.Id, y.Naam, y.Id))).ToList();
        var sleutels = namen.OrderBy(n => DocumentMapper.NaamSleutel(n.Naam, n.Id), StringComparer.Ordinal).ToList();
        Assert.Equal(embedded, sleutels);
    }

    [Fact]
    public void Document_Tijden_AreTheDaysAndOpenPeriods_InLocalTime()
    {
        var doc = Mapper().Aanbod(KaartBatch().Documents.Single(d => d.Document.Aanbod.Id == "taalcafe").Document);
        Assert.Contains("2026-11-24", doc.Tijden.Dagen);
        Assert.DoesNotContain("2026-11-25", doc.Tijden.Dagen);
        Assert.Contains(new Periode("2026-11-24T14:00:00", "2026-11-24T16:00:00"), doc.Tijden.Open);
        Assert.All(doc.Tijden.Dagen, d => Assert.Equal(DayOfWeek.Tuesday, DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));
    }
}

/// <summary>A loopback HTTP server that answers 503 a number of times, then as Elasticsearch answers GET _alias.</summary>
internal sealed class FlakyServer : IDisposable
{
    private readonly System.Net.HttpListener _listener = new();
    private readonly Task _loop;
    private int _requests;

    public FlakyServer(int failures)
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                System.Net.HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var n = Interlocked.Increment(ref _requests);
                context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
                context.Response.ContentType = "application/json";
                context.Response.StatusCode = n <= failures ? 503 : 200;
                var body = System.Text.Encoding.UTF8.GetBytes(n <= failures
                    ? """{"error":{"type":"unavailable","reason":"starting"},"status":503}"""
                    : """{"sk-aanbod-b1":{"aliases":{"sociale-kaart-aanbod":{}}}}""");
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    public string Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
