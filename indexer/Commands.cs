using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Elasticsearch;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Indexer;

/// <summary>The indexer's commands: validate, build, search, suggest.</summary>
internal static class Commands
{
    public static RootCommand Root() => new("Sociale Kaart indexer: controleert de content, bouwt de zoekindex en zoekt erin.")
    {
        Validate(),
        Build(),
        Search(),
        Suggest(),
        Hsds.ImportCommand.Import(),
    };

    private static readonly Option<string> ContentOption = new("--content") { Description = "De map met content (standaard: content)", DefaultValueFactory = _ => "content" };
    private static readonly Option<string?> BlobContainerOption = new("--content-blob-container") { Description = "Lees de content uit deze Azure Blob-container in plaats van uit een map" };
    // No default value from the environment: help would print it, and it is a secret.
    private static readonly Option<string?> BlobConnectionOption = new("--content-blob-connection") { Description = "De connection string van het storage-account (standaard: de omgevingsvariabele Content__Blob__ConnectionString)" };
    private static readonly Option<string> IndexOption = new("--index") { Description = "De map van de zoekindex (standaard: .data/index)", DefaultValueFactory = _ => Path.Combine(".data", "index") };
    private static readonly Option<string> EngineOption = new Option<string>("--engine") { Description = "embedded (standaard: een indexmap) of elasticsearch", DefaultValueFactory = _ => "embedded" }
        .AcceptOnlyFromAmong("embedded", "elasticsearch");
    // No API key or password as an option: help and shell history would show them. They come from the environment.
    private static readonly Option<string?> ElasticsearchUrlOption = new("--elasticsearch-url") { Description = "Het adres van Elasticsearch (standaard: de omgevingsvariabele Zoekindex__Elasticsearch__Url); inloggen met Zoekindex__Elasticsearch__ApiKey of __Gebruiker en __Wachtwoord" };
    private static readonly Option<string> ElasticsearchPrefixOption = new("--elasticsearch-prefix") { Description = "Het begin van de index- en aliasnamen (standaard: sociale-kaart)", DefaultValueFactory = _ => "sociale-kaart" };

    public static Command Validate()
    {
        var command = new Command("validate", "Controleer elk contentbestand. Elk probleem als pad:regel: melding.") { ContentOption, BlobContainerOption, BlobConnectionOption };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (Store(parse, error) is not { } store)
            {
                return 2;
            }

            var content = await ReadContentAsync(store, null, error, ct);
            if (content is null)
            {
                return 2;
            }

            PrintProblems(error, content.Problems);
            output.WriteLine($"{content.Bestanden} aanbodbestanden gecontroleerd: {content.Aanbod.Count} goed, {content.Ongeldig} met fouten. {content.Problems.Count} problemen.");
            return content.Problems.Count == 0 ? 0 : 1;
        });
        return command;
    }

    public static Command Build()
    {
        var command = new Command("build", "Bouw een nieuwe zoekindex van alle goede bestanden en zet hem in één keer klaar.") { ContentOption, BlobContainerOption, BlobConnectionOption, IndexOption, EngineOption, ElasticsearchUrlOption, ElasticsearchPrefixOption };
        command.SetAction((parse, ct) => MetZoekindex(parse, async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var watch = Stopwatch.StartNew();
            if (Store(parse, error) is not { } store)
            {
                return 2;
            }

            error.WriteLine($"Content lezen uit {store.Beschrijving} …");
            var content = await ReadContentAsync(store, new Progress<int>(n => error.WriteLine($"  {n} bestanden gelezen")), error, ct);
            if (content is null)
            {
                return 2;
            }

            PrintProblems(error, content.Problems);
            if (content.Taxonomie is null)
            {
                error.WriteLine("Geen index gebouwd: de taxonomie ontbreekt of klopt niet.");
                return 2;
            }

            var batch = ContentIndexer.Batch(content);
            var analyzer = new DutchAnalyzer(new Decompounder(content.Woorden.Contains));
            var writer = Elasticsearch(parse) is { } es
                ? (ISearchIndexWriter)new ElasticsearchIndexWriter(ElasticsearchVerbinding.Client(es), es, analyzer, TimeProvider.System)
                : new SqliteIndexWriter(new EmbeddedIndexOptions { Map = parse.GetValue(IndexOption)! }, analyzer, TimeProvider.System);
            using var _ = writer as IDisposable;
            var result = await writer.RebuildAsync(batch, new Progress<int>(n => { if (n % 10000 == 0) error.WriteLine($"  {n} aanbod geïndexeerd"); }), ct);
            output.WriteLine($"Klaar: {result.Documenten} aanbod geïndexeerd, {content.Ongeldig} bestanden overgeslagen door fouten, in {watch.Elapsed.TotalSeconds:0.0} s.");
            output.WriteLine($"Index: {result.Locatie}");
            return 0;
        }));
        return command;
    }

    public static Command Search()
    {
        var words = new Argument<string>("woorden") { Description = "Waar zoekt u naar? (mag leeg zijn: \"\")", DefaultValueFactory = _ => "" };
        var filters = Facetten.Alle.ToDictionary(f => f, f => new Option<string[]>("--" + f) { Description = $"Filter op {f} (mag vaker)", AllowMultipleArgumentsPerToken = true });
        var postcode = new Option<string?>("--postcode") { Description = "Postcode voor de afstand, bijvoorbeeld 3901 of 3901 AB" };
        var straal = new Option<double?>("--straal") { Description = "Alleen aanbod binnen zoveel km van de postcode" };
        var sorteer = new Option<Sortering>("--sorteer") { Description = "relevantie, afstand of naam", DefaultValueFactory = _ => Sortering.Relevantie };
        var pagina = new Option<int>("--pagina") { DefaultValueFactory = _ => 1 };
        var aantal = new Option<int>("--aantal") { Description = "Resultaten per pagina", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Uitvoer als JSON" };
        var command = new Command("search", "Zoek in de index en toon de treffers (id, titel, toegang, score).") { words, postcode, straal, sorteer, pagina, aantal, json, IndexOption, EngineOption, ElasticsearchUrlOption, ElasticsearchPrefixOption };
        foreach (var option in filters.Values)
        {
            command.Add(option);
        }

        command.SetAction((parse, ct) => MetZoekindex(parse, async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var index = Reader(parse);
            if (!await ExistsAsync(index, ct))
            {
                error.WriteLine("Er is nog geen zoekindex. Bouw hem eerst: dotnet run --project indexer -- build");
                return 2;
            }

            var query = new SearchQuery
            {
                Tekst = parse.GetValue(words) ?? "",
                Filters = filters.Where(f => parse.GetValue(f.Value) is { Length: > 0 })
                    .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)parse.GetValue(f.Value)!),
                Postcode = parse.GetValue(postcode),
                StraalKm = parse.GetValue(straal),
                Sortering = parse.GetValue(sorteer),
                Pagina = parse.GetValue(pagina),
                PerPagina = parse.GetValue(aantal),
            };
            var results = await index.SearchAsync(query, ct);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web)
                {
                    WriteIndented = true,
                    Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
                }));
                return 0;
            }

            PrintResults(output, results);
            return 0;
        }));
        return command;
    }

    public static Command Suggest()
    {
        var prefix = new Argument<string>("begin") { Description = "Het begin van een woord (minstens 3 tekens)" };
        var command = new Command("suggest", "Toon aanvullingen voor wat iemand begint te typen.") { prefix, IndexOption, EngineOption, ElasticsearchUrlOption, ElasticsearchPrefixOption };
        command.SetAction((parse, ct) => MetZoekindex(parse, async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var index = Reader(parse);
            foreach (var s in await index.SuggestAsync(parse.GetValue(prefix)!, 8, ct))
            {
                output.WriteLine(s.Tekst);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The Elasticsearch options when --engine elasticsearch is given (secrets from the environment), else null.</summary>
    private static ElasticsearchOptions? Elasticsearch(System.CommandLine.ParseResult parse)
    {
        if (parse.GetValue(EngineOption) != "elasticsearch")
        {
            return null;
        }

        var options = new ElasticsearchOptions
        {
            Url = parse.GetValue(ElasticsearchUrlOption) ?? Environment.GetEnvironmentVariable("Zoekindex__Elasticsearch__Url"),
            Prefix = parse.GetValue(ElasticsearchPrefixOption)!,
            ApiKey = Environment.GetEnvironmentVariable("Zoekindex__Elasticsearch__ApiKey"),
            Gebruiker = Environment.GetEnvironmentVariable("Zoekindex__Elasticsearch__Gebruiker"),
            Wachtwoord = Environment.GetEnvironmentVariable("Zoekindex__Elasticsearch__Wachtwoord"),
        };
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), problems, validateAllProperties: true))
        {
            throw new InstellingFout(string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        return options;
    }

    private sealed class InstellingFout(string message) : Exception(message);

    /// <summary>An unreachable cluster or a wrong setting is a message and an exit code, never a stack trace.</summary>
    private static async Task<int> MetZoekindex(System.CommandLine.ParseResult parse, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (InstellingFout e)
        {
            parse.InvocationConfiguration.Error.WriteLine(e.Message);
            return 2;
        }
        catch (ZoekindexOnbereikbaarException e)
        {
            parse.InvocationConfiguration.Error.WriteLine("De zoekindex is niet bereikbaar: " + e.Message);
            return 3;
        }
    }

    /// <summary>A reader of the index that --engine names; disposable like the embedded one.</summary>
    private sealed class IndexReader(ISearchIndex index, Func<CancellationToken, Task<bool>> exists) : ISearchIndex, IDisposable
    {
        public Task<bool> ExistsAsync(CancellationToken ct) => exists(ct);

        public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) => index.SearchAsync(query, cancellationToken);

        public Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default) => index.SuggestAsync(prefix, max, cancellationToken);

        public Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default) => index.GetAsync(id, metIntern, cancellationToken);

        public void Dispose() => (index as IDisposable)?.Dispose();
    }

    private static IndexReader Reader(System.CommandLine.ParseResult parse)
    {
        if (Elasticsearch(parse) is { } es)
        {
            var index = new ElasticsearchSearchIndex(ElasticsearchVerbinding.Client(es), es, TimeProvider.System);
            return new IndexReader(index, index.ExistsAsync);
        }

        var embedded = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = parse.GetValue(IndexOption)! }, TimeProvider.System);
        return new IndexReader(embedded, _ => Task.FromResult(embedded.Exists));
    }

    private static Task<bool> ExistsAsync(IndexReader index, CancellationToken ct) => index.ExistsAsync(ct);

    /// <summary>The content folder (--content), or the Blob container when --content-blob-container is given.</summary>
    private static IContentStore? Store(System.CommandLine.ParseResult parse, TextWriter error)
    {
        if (parse.GetValue(BlobContainerOption) is not { Length: > 0 } container)
        {
            return new LocalContentStore(parse.GetValue(ContentOption)!);
        }

        if ((parse.GetValue(BlobConnectionOption) ?? Environment.GetEnvironmentVariable("Content__Blob__ConnectionString")) is not { Length: > 0 } connection)
        {
            error.WriteLine("Geef bij --content-blob-container ook de connection string: --content-blob-connection of de omgevingsvariabele Content__Blob__ConnectionString.");
            return null;
        }

        try
        {
            return BlobContentStore.Connect(connection, container);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // The message of a bad connection string could quote it: name the problem, never the secret.
            error.WriteLine(e is ArgumentException { ParamName: "containerName" } ? e.Message : "De connection string van de Blob-opslag klopt niet.");
            return null;
        }
    }

    /// <summary>All content read; null (with the reason written) when the store itself cannot be read.</summary>
    private static async Task<KaartContent?> ReadContentAsync(IContentStore store, IProgress<int>? progress, TextWriter error, CancellationToken ct)
    {
        try
        {
            return await new ContentIndexer(store).ReadAsync(progress, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or Azure.RequestFailedException or IOException or UnauthorizedAccessException or AggregateException)
        {
            error.WriteLine($"De content in {store.Beschrijving} kon niet worden gelezen: {e.Message.Split('\n')[0]}");
            return null;
        }
    }

    private static void PrintProblems(TextWriter error, IReadOnlyList<ContentProblem> problems)
    {
        foreach (var p in problems)
        {
            error.WriteLine(p.ToString());
        }
    }

    private static void PrintResults(TextWriter output, SearchResults r)
    {
        if (r.BedoeldeU is not null)
        {
            output.WriteLine($"Bedoelde u: {r.BedoeldeU}?");
        }

        if (r.NietGevonden.Count > 0)
        {
            output.WriteLine($"Niet gevonden: {string.Join(", ", r.NietGevonden)}");
        }

        if (r.Verbreed)
        {
            output.WriteLine("Geen aanbod met al uw woorden; dit zijn resultaten met een deel ervan.");
        }

        if (!r.PostcodeBekend)
        {
            output.WriteLine("Deze postcode kennen we niet; afstanden ontbreken.");
        }

        output.WriteLine($"{r.Totaal} resultaten (pagina {r.Query.Pagina} van {r.AantalPaginas})");
        var n = (r.Query.Pagina - 1) * r.Query.PerPagina;
        foreach (var hit in r.Hits)
        {
            var toegang = hit.Toegang == Toegang.AchterHetLoket ? "achter-het-loket" : "algemeen-toegankelijk";
            var afstand = hit.AfstandKm is { } km ? $"  {km.ToString("0.0", CultureInfo.InvariantCulture)} km" : "";
            output.WriteLine($"{++n,3}. {hit.Id}  {hit.Naam}  [{toegang}]  score {hit.Score.ToString("0.000", CultureInfo.InvariantCulture)}{afstand}");
        }

        foreach (var facet in r.Facetten)
        {
            var values = facet.Waarden.Where(w => w.Aantal > 0).Select(w => $"{w.Waarde} ({w.Aantal})");
            output.WriteLine($"  {facet.Naam}: {string.Join(", ", values)}");
        }
    }
}
