using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// The search index in Elasticsearch as readers see it. The words are planned in C# by the same
/// <see cref="QueryPlanner"/> as the embedded engine, against the vocabulary of the live aanbod (read from the index and
/// kept until the index's version changes); Elasticsearch then matches, scores, filters, counts and sorts. Public
/// searches read only the aanbod alias; internal fields come from the intern alias, by id, only when asked for.
/// </summary>
public sealed class ElasticsearchSearchIndex(ElasticsearchClient client, ElasticsearchOptions options, TimeProvider clock) : ISearchIndex
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Kennis? _kennis;
    private long _checkedAt = long.MinValue;
    private long _seenSignal = -1;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var kennis = await KennisAsync(cancellationToken);
        var plan = kennis.Planner.Plan(query.Tekst ?? "");
        var tekstGegeven = !string.IsNullOrWhiteSpace(query.Tekst) && (plan.Groups.Count > 0 || plan.NietGevonden.Count > 0);
        var oorsprong = kennis.Postcodes.TryGetValue(Postcodes.Pc4(query.Postcode) ?? "", out var o) ? o : (GeoPunt?)null;
        var z = new Zoekopdracht(query, plan, tekstGegeven, Verbreed: false, oorsprong, Rooster.Lokaal(clock.GetUtcNow()));

        var response = await ZoekAsync(z, cancellationToken);
        if (tekstGegeven && plan.Groups.Count(g => g.Verplicht) >= QueryPlan.VerbredenVanaf && ZoekAntwoord.Treffers(response) == 0)
        {
            // No aanbod has all the required words: one of them (the embedded engine does the same).
            var breder = z with { Verbreed = true };
            var tweede = await ZoekAsync(breder, cancellationToken);
            if (ZoekAntwoord.Treffers(tweede) > 0)
            {
                return ZoekAntwoord.Lees(tweede, breder, kennis);
            }
        }

        return ZoekAntwoord.Lees(response, z, kennis);
    }

    public async Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default)
    {
        var p = Analysis.TextFolding.Fold((prefix ?? "").Trim());
        if (p.Length < 3 || p.Length > 100)
        {
            return [];
        }

        var kennis = await KennisAsync(cancellationToken);
        var response = Antwoorden.Controleer(await client.SearchAsync<HitBron>(SuggestieVerzoek.Bouw(options.AanbodAlias, p), cancellationToken), "een suggestie");
        return SuggestieVerzoek.Lees(response, p, max, kennis.Taxonomie);
    }

    public async Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default)
    {
        var response = Antwoorden.Controleer(
            await client.GetAsync<DocumentBron>(new GetRequest(options.AanbodAlias, id) { SourceIncludes = Fields.FromString(Velden.Document) }, cancellationToken),
            "het lezen van een aanbod", 404);
        if (!response.Found || response.Source?.Document is not { } json)
        {
            return null;
        }

        var document = json.Deserialize<IndexDocument>(IndexFormat.Json)!;
        InternAanbod? intern = null;
        if (metIntern)
        {
            var internResponse = Antwoorden.Controleer(await client.GetAsync<InternBron>(new GetRequest(options.InternAlias, id), cancellationToken),
                "het lezen van interne gegevens", 404);
            intern = internResponse.Found && internResponse.Source?.Intern is { } i ? i.Deserialize<InternAanbod>(IndexFormat.Json) : null;
        }

        return new AanbodDetail(document, intern);
    }

    /// <summary>True when the alias exists (a build has been swapped in).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        (await Aliassen.IndexenAsync(client, options.AanbodAlias, cancellationToken)).Count > 0;

    private async Task<SearchResponse<HitBron>> ZoekAsync(Zoekopdracht z, CancellationToken cancellationToken)
    {
        var response = await client.SearchAsync<HitBron>(ZoekVerzoek.Bouw(options.AanbodAlias, z), cancellationToken);
        if (response.ApiCallDetails.HttpStatusCode == 404)
        {
            // A rebuild swapped the alias and deleted the old index while this search was on its way: once more.
            response = await client.SearchAsync<HitBron>(ZoekVerzoek.Bouw(options.AanbodAlias, z), cancellationToken);
        }

        return Antwoorden.Controleer(response, "een zoekopdracht");
    }

    /// <summary>What this reader knows of the current index: checked against the index's version at most every second, at once after a write in this process.</summary>
    private async Task<Kennis> KennisAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        var kennis = Volatile.Read(ref _kennis);
        var signal = ElasticsearchSignalen.Version(options);
        if (kennis is not null && signal == Volatile.Read(ref _seenSignal) && clock.GetElapsedTime(Interlocked.Read(ref _checkedAt), now) < PollInterval)
        {
            return kennis;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (index, versie) = await VersieAsync(cancellationToken);
            if (_kennis is null || _kennis.Index != index || _kennis.Versie != versie)
            {
                var (_, kaart) = await KaartAsync(cancellationToken);
                _kennis = Kennis.Maak(index, kaart, await WoordenAsync(cancellationToken));
            }

            Interlocked.Exchange(ref _checkedAt, now);
            Volatile.Write(ref _seenSignal, signal);
            return _kennis;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string Index, long Versie)> VersieAsync(CancellationToken cancellationToken)
    {
        var response = Antwoorden.Controleer(await client.GetAsync<VersieBron>(
            new GetRequest(options.InternAlias, DocumentMapper.KaartId) { SourceIncludes = Fields.FromString(Velden.Kaart + ".versie") }, cancellationToken),
            "het lezen van de versie van de index", 404);
        if (!response.Found || response.Source?.Kaart is not { } kaart)
        {
            throw new IndexNotFoundException($"Er is nog geen zoekindex in Elasticsearch achter {options.InternAlias}. Bouw hem met: dotnet run --project indexer -- build --engine elasticsearch");
        }

        return (response.Index, kaart.Versie);
    }

    private async Task<(string Index, KaartBron Kaart)> KaartAsync(CancellationToken cancellationToken)
    {
        var response = Antwoorden.Controleer(await client.GetAsync<InternBron>(new GetRequest(options.InternAlias, DocumentMapper.KaartId), cancellationToken),
            "het lezen van de kaartgegevens", 404);
        if (!response.Found || response.Source?.Kaart is not { } kaart)
        {
            throw new IndexNotFoundException($"Er is nog geen zoekindex in Elasticsearch achter {options.InternAlias}. Bouw hem met: dotnet run --project indexer -- build --engine elasticsearch");
        }

        return (response.Index, kaart);
    }

    /// <summary>The vocabulary: every word with its stem and the number of live aanbod that have it (a composite aggregation, paged).</summary>
    private async Task<List<Vocabulary.Entry>> WoordenAsync(CancellationToken cancellationToken)
    {
        var entries = new List<Vocabulary.Entry>();
        IReadOnlyDictionary<string, FieldValue>? after = null;
        do
        {
            var response = Antwoorden.Controleer(await client.SearchAsync<HitBron>(WoordenVerzoek.Bouw(options.AanbodAlias, after), cancellationToken), "het lezen van de woorden");
            var composite = response.Aggregations?.GetComposite(WoordenVerzoek.Naam);
            foreach (var bucket in composite?.Buckets ?? [])
            {
                var key = bucket.Key[WoordenVerzoek.Naam].Value as string ?? "";
                var space = key.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    entries.Add(new Vocabulary.Entry(key[..space], key[(space + 1)..], (int)bucket.DocCount));
                }
            }

            after = composite is { Buckets.Count: > 0 } ? composite.AfterKey : null;
        }
        while (after is not null);

        return entries;
    }
}

/// <summary>The words of the index, page by page.</summary>
internal static class WoordenVerzoek
{
    public const string Naam = "woorden";
    public const int Pagina = 10_000;

    public static SearchRequest Bouw(string index, IReadOnlyDictionary<string, FieldValue>? after) => new(index)
    {
        Size = 0,
        Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [Naam] = new Aggregation
            {
                Composite = new CompositeAggregation
                {
                    Size = Pagina,
                    Sources = [new KeyValuePair<string, CompositeAggregationSource>(Naam, new CompositeAggregationSource { Terms = new CompositeTermsAggregation { Field = Velden.Woorden } })],
                    After = after?.ToDictionary(a => (Field)a.Key, a => a.Value),
                },
            },
        },
    };
}
