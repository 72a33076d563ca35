using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// The writer of the Elasticsearch index. A rebuild creates two new indexes (aanbod and intern), fills them, refreshes
/// them once, moves both aliases in one atomic request and deletes the old indexes. An update is one bulk request to the
/// current indexes, then (refreshes are off) one refresh, so readers see all of it at once; the documents it replaced
/// are expunged first so that ranking statistics are those of the live aanbod, as after a rebuild. Then the version in
/// the intern index goes up, which tells readers to reload what they know (vocabulary). One writer per prefix.
/// </summary>
public sealed class ElasticsearchIndexWriter(ElasticsearchClient client, ElasticsearchOptions options, DutchAnalyzer analyzer, TimeProvider clock)
    : ISearchIndexWriter
{
    private const int BulkGrootte = 500;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _gate = Gates.GetOrAdd(options.Prefix, _ => new SemaphoreSlim(1, 1));

    public async Task<IndexBuildResult> RebuildAsync(IndexBatch batch, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
            var aanbod = $"{options.AanbodAlias}-{stamp}";
            var intern = $"{options.InternAlias}-{stamp}";
            var mapper = new DocumentMapper(analyzer, Taxonomie.Parse(batch.Taxonomie), SearchKnowledge.FrasenVan(batch.Synoniemen, batch.Situaties), clock);
            try
            {
                Antwoorden.Controleer(await client.Indices.CreateAsync(IndexDefinitie.Aanbod(aanbod), cancellationToken), $"het maken van index {aanbod}");
                Antwoorden.Controleer(await client.Indices.CreateAsync(IndexDefinitie.Intern(intern), cancellationToken), $"het maken van index {intern}");
                var done = 0;
                foreach (var chunk in batch.Documents.Chunk(BulkGrootte))
                {
                    var bulk = new BulkRequest { Operations = [] };
                    foreach (var input in chunk)
                    {
                        Upsert(bulk.Operations, mapper, input, aanbod, intern, nieuw: true);
                    }

                    await BulkAsync(bulk, cancellationToken);
                    done += chunk.Length;
                    progress?.Report(done);
                }

                var versie = await VolgendeVersieAsync(cancellationToken);
                await BulkAsync(new BulkRequest { Operations = [Kaart(batch, versie, intern)] }, cancellationToken);
                await RefreshAsync([aanbod, intern], cancellationToken);

                var oudAanbod = await Aliassen.IndexenAsync(client, options.AanbodAlias, cancellationToken);
                var oudIntern = await Aliassen.IndexenAsync(client, options.InternAlias, cancellationToken);
                await Aliassen.VerzetAsync(client, [(options.AanbodAlias, aanbod, oudAanbod), (options.InternAlias, intern, oudIntern)], cancellationToken);
                await Aliassen.VerwijderAsync(client, oudAanbod.Concat(oudIntern).ToList(), cancellationToken);
            }
            catch
            {
                // A failed build leaves nothing behind (unless the cluster is gone: then the half-built indexes stay, their
                // names say when); the alias still points to the last good one.
                try
                {
                    await Aliassen.VerwijderAsync(client, [aanbod, intern], CancellationToken.None);
                }
                catch (ZoekindexOnbereikbaarException)
                {
                }

                throw;
            }

            ElasticsearchSignalen.Raise(options);
            return new IndexBuildResult(batch.Documents.Count, $"{options.Url} {options.AanbodAlias} → {aanbod}", watch.Elapsed);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default)
    {
        var ids = update.Upserts.Select(u => u.Document.Aanbod.Id).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new ArgumentException("Een aanbod staat twee keer in dezelfde wijziging.", nameof(update));
        }

        if (ids.Intersect(update.Deletes, StringComparer.Ordinal).Any())
        {
            throw new ArgumentException("Een aanbod wordt in dezelfde wijziging toegevoegd en verwijderd.", nameof(update));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var aanbod = (await Aliassen.IndexenAsync(client, options.AanbodAlias, cancellationToken)).SingleOrDefault();
            var intern = (await Aliassen.IndexenAsync(client, options.InternAlias, cancellationToken)).SingleOrDefault();
            if (aanbod is null || intern is null)
            {
                throw new InvalidOperationException($"Er is nog geen zoekindex achter {options.AanbodAlias}: bouw hem eerst.");
            }

            var kaart = await KaartAsync(intern, cancellationToken);
            var mapper = new DocumentMapper(analyzer, Taxonomie.Parse(kaart.Taxonomie), kaart.Frasen(), clock);
            var bulk = new BulkRequest { Operations = [] };
            foreach (var input in update.Upserts)
            {
                Upsert(bulk.Operations, mapper, input, aanbod, intern, nieuw: false);
            }

            foreach (var id in update.Deletes)
            {
                bulk.Operations.Add(new BulkDeleteOperation(id) { Index = aanbod });
                bulk.Operations.Add(new BulkDeleteOperation(id) { Index = intern });
            }

            if (bulk.Operations.Count > 0)
            {
                await BulkAsync(bulk, cancellationToken);
                Antwoorden.Controleer(await client.Indices.ForcemergeAsync(new ForcemergeRequest(Indices.Parse(aanbod)) { OnlyExpungeDeletes = true }, cancellationToken),
                    "het opruimen van vervangen aanbod");
                await RefreshAsync([aanbod, intern], cancellationToken);
            }

            // After the refresh: a reader that sees the new version finds the new aanbod when it reloads.
            await BulkAsync(new BulkRequest { Operations = [Kaart(kaart, kaart.Versie + 1, intern)] }, cancellationToken);
            ElasticsearchSignalen.Raise(options);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <param name="nieuw">A new index has no internal fields to take out.</param>
    private static void Upsert(BulkOperationsCollection operations, DocumentMapper mapper, IndexInput input, string aanbod, string intern, bool nieuw)
    {
        var id = input.Document.Aanbod.Id;
        operations.Add(new BulkIndexOperation<AanbodBron>(mapper.Aanbod(input.Document), aanbod) { Id = id });
        if (input.Intern is { } i)
        {
            operations.Add(new BulkIndexOperation<InternBron>(DocumentMapper.Intern(i), intern) { Id = id });
        }
        else if (!nieuw)
        {
            operations.Add(new BulkDeleteOperation(id) { Index = intern });
        }
    }

    private static BulkIndexOperation<InternBron> Kaart(IndexBatch batch, long versie, string intern) =>
        new(DocumentMapper.Kaart(batch, versie), intern) { Id = DocumentMapper.KaartId };

    private static BulkIndexOperation<InternBron> Kaart(KaartBron kaart, long versie, string intern) =>
        new(new InternBron { Kaart = kaart with { Versie = versie } }, intern) { Id = DocumentMapper.KaartId };

    private async Task<KaartBron> KaartAsync(string intern, CancellationToken cancellationToken)
    {
        var response = Antwoorden.Controleer(await client.GetAsync<InternBron>(new GetRequest(intern, DocumentMapper.KaartId), cancellationToken), "het lezen van de kaartgegevens");
        return response.Source?.Kaart ?? throw new InvalidOperationException($"De index {intern} heeft geen kaartgegevens: bouw hem opnieuw.");
    }

    /// <summary>Versions only go up, also over rebuilds, so that a reader never mistakes a new build's state for one it knows.</summary>
    private async Task<long> VolgendeVersieAsync(CancellationToken cancellationToken)
    {
        var intern = (await Aliassen.IndexenAsync(client, options.InternAlias, cancellationToken)).SingleOrDefault();
        if (intern is null)
        {
            return 1;
        }

        var response = Antwoorden.Controleer(await client.GetAsync<InternBron>(new GetRequest(intern, DocumentMapper.KaartId), cancellationToken), "het lezen van de kaartgegevens", 404);
        return (response.Source?.Kaart?.Versie ?? 0) + 1;
    }

    private async Task BulkAsync(BulkRequest bulk, CancellationToken cancellationToken)
    {
        var response = Antwoorden.Controleer(await client.BulkAsync(bulk, cancellationToken), "het schrijven van aanbod");
        // A delete of an id that is not there is no error (an unknown id in an update, an aanbod without internal fields).
        var fouten = (response.Items ?? []).Where(i => i.Error is not null && !(i.Operation == "delete" && i.Status == 404)).ToList();
        if (fouten.Count > 0)
        {
            var f = fouten[0];
            throw new InvalidOperationException($"Elasticsearch weigerde {fouten.Count} van {response.Items?.Count} documenten, bijvoorbeeld {f.Id}: {f.Error?.Type}: {f.Error?.Reason}");
        }
    }

    private async Task RefreshAsync(string[] indexen, CancellationToken cancellationToken) =>
        Antwoorden.Controleer(await client.Indices.RefreshAsync(new RefreshRequest(Indices.Parse(string.Join(',', indexen))), cancellationToken), "het verversen van de index");
}

/// <summary>
/// Tells readers in this process that the writer changed the index behind a prefix, so that a search that starts after
/// a write returned sees it (readers in other processes check the version at most every second).
/// </summary>
internal static class ElasticsearchSignalen
{
    private static readonly ConcurrentDictionary<string, long[]> Versions = new(StringComparer.Ordinal);

    private static string Key(ElasticsearchOptions options) => options.Url + " " + options.Prefix;

    public static long Version(ElasticsearchOptions options) => Interlocked.Read(ref Versions.GetOrAdd(Key(options), _ => [0])[0]);

    public static void Raise(ElasticsearchOptions options) => Interlocked.Increment(ref Versions.GetOrAdd(Key(options), _ => [0])[0]);
}
