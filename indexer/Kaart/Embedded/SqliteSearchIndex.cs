using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// The embedded search engine: an inverted index in a SQLite file with BM25F ranking, and filters, facet counts,
/// distance and opening times computed over an in-memory copy of each aanbod's kenmerken.
/// Each index build is an immutable snapshot; a new build is opened in the background and swapped in within seconds.
/// </summary>
public sealed class SqliteSearchIndex(EmbeddedIndexOptions options, TimeProvider timeProvider) : ISearchIndex, IDisposable
{
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private long _checkedAt = long.MinValue;
    private bool _opening;

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Use(s => s.Search(query, Rooster.Lokaal(timeProvider.GetUtcNow()))));

    public Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default) =>
        Task.FromResult(Use(s => s.Suggest(prefix, max)));

    public Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default) =>
        Task.FromResult(Use(s => s.Get(id, metIntern)));

    // A search holds its snapshot until it is done: a swapped-out index closes its connections after its last search.
    private T Use<T>(Func<Snapshot, T> work)
    {
        var snapshot = Current();
        snapshot.Acquire();
        try
        {
            return work(snapshot);
        }
        finally
        {
            snapshot.Release();
        }
    }

    /// <summary>True when an index has been built at the configured place.</summary>
    public bool Exists => File.Exists(options.PointerPath);

    /// <summary>The number of aanbod in the current index.</summary>
    public int Count => Use(s => s.Count);

    private Snapshot Current()
    {
        // Re-read the pointer at most every half second: a swap is seen quickly, without a file read per search.
        var now = timeProvider.GetTimestamp();
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && timeProvider.GetElapsedTime(Interlocked.Read(ref _checkedAt), now) < TimeSpan.FromMilliseconds(500))
        {
            return snapshot;
        }

        Snapshot? stale = null;
        string name;
        lock (_gate)
        {
            Interlocked.Exchange(ref _checkedAt, now);
            name = ReadPointer();
            if (_snapshot is not null && (_snapshot.Name == name || _opening))
            {
                return _snapshot;
            }

            if (_snapshot is null)
            {
                // The first search waits for the index; later swaps open in the background (below).
                _snapshot = Snapshot.Open(Path.Combine(options.Map, name), name);
                return _snapshot;
            }

            _opening = true;
            stale = _snapshot;
        }

        // A new build: open it while searches go on against the old one, then swap.
        _ = Task.Run(() =>
        {
            try
            {
                var fresh = Snapshot.Open(Path.Combine(options.Map, name), name);
                lock (_gate)
                {
                    _snapshot = fresh;
                }

                stale.Retire();
            }
            catch (Exception e) when (e is IOException or IndexNotFoundException or Microsoft.Data.Sqlite.SqliteException)
            {
                // Keep serving the old index; the next check tries again.
            }
            finally
            {
                lock (_gate)
                {
                    _opening = false;
                }
            }
        });
        return stale;
    }

    private string ReadPointer()
    {
        if (!File.Exists(options.PointerPath))
        {
            throw new IndexNotFoundException($"Er is nog geen zoekindex in {Path.GetFullPath(options.Map)}. Bouw hem met: dotnet run --project indexer -- build");
        }

        return File.ReadAllText(options.PointerPath).Trim();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _snapshot?.Retire();
            _snapshot = null;
        }
    }

    /// <summary>One index file, opened read-only, with what searches need in memory.</summary>
    private sealed class Snapshot
    {
        public required string Name { get; init; }
        public required string ConnectionString { get; init; }
        public required Taxonomie Taxonomie { get; init; }
        public required Vocabulary Vocabulary { get; init; }
        public required QueryPlanner Planner { get; init; }
        public required Highlighter Highlighter { get; init; }
        public required Doc[] Docs { get; init; }
        public required Dictionary<string, int> RowidById { get; init; }
        public required Dictionary<string, GeoPunt> Postcodes { get; init; }
        public required Suggestie[] Suggesties { get; init; }
        public required string[] SuggestieKeys { get; init; }

        /// <summary>Per static facet: the value names, indexed by value id.</summary>
        public required string[][] Values { get; init; }

        /// <summary>Per facet: the value ids of all aanbod in one array (aanbod i has FacetIds[f][FacetStart[f][i]..FacetStart[f][i + 1]]),
        /// so the scan reads memory in order instead of one small array per aanbod.</summary>
        public required int[][] FacetStart { get; init; }
        public required int[][] FacetIds { get; init; }

        private ReadOnlySpan<int> FacetWaardenVan(int facet, int doc) =>
            FacetIds[facet].AsSpan(FacetStart[facet][doc], FacetStart[facet][doc + 1] - FacetStart[facet][doc]);

        /// <summary>Per facet (wanneer last): value names, labels, and each value's rank (fixed order, else Dutch alphabetical).</summary>
        public required (string[] Values, string[] Labels, int[] Rank, bool FixedOrder)[] FacetVolgorde { get; init; }

        /// <summary>Weighted length per aanbod and the average, for BM25.</summary>
        public required float[] Lengtes { get; init; }
        public required float GemiddeldeLengte { get; init; }

        /// <summary>Each aanbod's place in Dutch alphabetical order of names (ties by id): sorting by name without string compares.</summary>
        public required int[] NaamRang { get; init; }

        private readonly ConcurrentDictionary<string, PostingList> _postings = new(StringComparer.Ordinal);
        private long _postingsSize;

        public int Count => Docs.Length;

        private readonly ConcurrentBag<SqliteConnection> _pool = [];
        private volatile bool _retired;
        private WanneerCache? _wanneer;

        private sealed record WanneerCache(long Minute, bool[] OpenNu, bool[] DezeWeek);

        public static Snapshot Open(string path, string name)
        {
            if (!File.Exists(path))
            {
                throw new IndexNotFoundException($"Het zoekindex-bestand {path} ontbreekt. Bouw de index opnieuw.");
            }

            var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            using var connection = new SqliteConnection(cs);
            connection.Open();

            var meta = Query(connection, "SELECT key, value FROM meta", r => (r.GetString(0), r.GetString(1))).ToDictionary();
            if (meta.GetValueOrDefault("schema") != IndexSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new IndexNotFoundException($"De zoekindex {path} heeft een oud formaat. Bouw de index opnieuw.");
            }

            var taxonomie = Taxonomie.Parse(meta["taxonomie"]);
            var synonyms = Synonyms.Parse(meta["synoniemen"]);
            var vocabulary = new Vocabulary(Query(connection, "SELECT woord, stam, df FROM woorden",
                r => new Vocabulary.Entry(r.GetString(0), r.GetString(1), r.GetInt32(2))));

            var valueIds = Facetten.Alle.Where(f => f != Facetten.Wanneer).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            var valuesPerDoc = new List<int[][]>(); // only to build the flat per-facet arrays below
            var docs = Query(connection, "SELECT rowid, id, kenmerken, json_extract(doc, '$.aanbod.name') FROM aanbod ORDER BY rowid", r =>
            {
                var k = JsonSerializer.Deserialize<Kenmerken>(r.GetString(2), IndexSchema.Json)!;
                var values = new int[valueIds.Length][];
                for (var f = 0; f < valueIds.Length; f++)
                {
                    var names = k.Facetten.GetValueOrDefault(Facetten.Alle[f]) ?? [];
                    values[f] = names.Select(n => valueIds[f].TryGetValue(n, out var id) ? id : valueIds[f][n] = valueIds[f].Count).ToArray();
                }

                valuesPerDoc.Add(values);
                return new Doc(r.GetInt64(0), r.GetString(1), r.GetString(3),
                    k.Punten.Select(p => new GeoPunt(p[0], p[1])).ToArray(), k.Tijden,
                    k.Samenvatting, k.Aanbieder, k.Bemoeizorg, k.Gratis, k.Plaats,
                    k.Facetten.GetValueOrDefault(Facetten.Toegang)?.Contains(Facetten.AchterHetLoket) == true ? Toegang.AchterHetLoket : Toegang.AlgemeenToegankelijk,
                    k.Facetten.GetValueOrDefault(Facetten.Levensdomein) ?? []);
            }).ToArray();

            var lengtes = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(
                Query(connection, "SELECT data FROM lengtes", r => (byte[])r.GetValue(0)).Single()).ToArray();
            var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
            var naamRang = new int[docs.Length];
            var order = Enumerable.Range(0, docs.Length).OrderBy(i => docs[i].Naam, comparer).ThenBy(i => docs[i].Id, StringComparer.Ordinal).ToArray();
            for (var rank = 0; rank < order.Length; rank++)
            {
                naamRang[order[rank]] = rank;
            }

            var suggesties = Query(connection, "SELECT tekst, gewicht FROM suggesties ORDER BY gewicht DESC, tekst",
                r => new Suggestie(r.GetString(0), r.GetInt32(1))).ToArray();

            return new Snapshot
            {
                Name = name,
                ConnectionString = cs,
                Taxonomie = taxonomie,
                Vocabulary = vocabulary,
                Planner = new QueryPlanner(vocabulary, synonyms),
                Highlighter = new Highlighter(vocabulary),
                Docs = docs,
                RowidById = docs.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i),
                Postcodes = Query(connection, "SELECT pc4, lat, lon FROM postcodes", r => (r.GetString(0), new GeoPunt(r.GetDouble(1), r.GetDouble(2)))).ToDictionary(),
                Suggesties = suggesties,
                SuggestieKeys = suggesties.Select(s => " " + TextFolding.Fold(s.Tekst)).ToArray(),
                Values = valueIds.Select(v => v.OrderBy(x => x.Value).Select(x => x.Key).ToArray()).ToArray(),
                Lengtes = lengtes,
                GemiddeldeLengte = lengtes.Length == 0 ? 1 : Math.Max(1, lengtes.Average()),
                NaamRang = naamRang,
                FacetStart = Enumerable.Range(0, valueIds.Length).Select(f =>
                {
                    var start = new int[docs.Length + 1];
                    for (var i = 0; i < docs.Length; i++)
                    {
                        start[i + 1] = start[i] + valuesPerDoc[i][f].Length;
                    }

                    return start;
                }).ToArray(),
                FacetIds = Enumerable.Range(0, valueIds.Length).Select(f => valuesPerDoc.SelectMany(v => v[f]).ToArray()).ToArray(),
                FacetVolgorde = FacetOrder(valueIds.Select(v => v.OrderBy(x => x.Value).Select(x => x.Key).ToArray()).Append([Facetten.OpenNu, Facetten.DezeWeek]).ToArray(), taxonomie, comparer),
            };
        }

        // Labels and their order are the same for every search on this index: computed once, not per request
        // (culture-aware string comparison is slow).
        private static (string[], string[], int[], bool)[] FacetOrder(string[][] values, Taxonomie taxonomie, StringComparer comparer) =>
            values.Select((names, f) =>
            {
                var facet = Facetten.Alle[f];
                var labels = names.Select(v => FacetWaarden.Label(facet, v, taxonomie)).ToArray();
                var fixedOrder = FacetWaarden.Volgorde(facet, taxonomie).ToList();
                var order = Enumerable.Range(0, names.Length)
                    .OrderBy(i => fixedOrder.IndexOf(names[i]) is var at && at >= 0 ? at : int.MaxValue)
                    .ThenBy(i => labels[i], comparer)
                    .ToArray();
                var rank = new int[names.Length];
                for (var r = 0; r < order.Length; r++)
                {
                    rank[order[r]] = r;
                }

                return (names, labels, rank, fixedOrder.Count > 0);
            }).ToArray();

        private int _users;

        public void Acquire() => Interlocked.Increment(ref _users);

        public void Release()
        {
            if (Interlocked.Decrement(ref _users) == 0 && _retired)
            {
                Drain();
            }
        }

        /// <summary>This index has been replaced: its connections close when its last search is done.</summary>
        public void Retire()
        {
            _retired = true;
            if (Volatile.Read(ref _users) == 0)
            {
                Drain();
            }
        }

        private void Drain()
        {
            while (_pool.TryTake(out var c))
            {
                c.Dispose();
            }
        }

        private T WithConnection<T>(Func<SqliteConnection, T> work)
        {
            if (!_pool.TryTake(out var connection))
            {
                connection = new SqliteConnection(ConnectionString);
                connection.Open();
            }

            try
            {
                return work(connection);
            }
            finally
            {
                _pool.Add(connection);
            }
        }

        public SearchResults Search(SearchQuery query, DateTime lokaal)
        {
            var plan = Planner.Plan(query.Tekst ?? "");
            var tekstGegeven = !string.IsNullOrWhiteSpace(query.Tekst) && (plan.Groups.Count > 0 || plan.NietGevonden.Count > 0);

            // 1. Which aanbod match the words (all words; when none has them all: some of them), with their BM25F score.
            List<(int Doc, float Score)>? matches = null;
            var verbreed = false;
            if (tekstGegeven)
            {
                matches = plan.IsEmpty ? [] : Match(plan, all: true);
                if (matches.Count == 0 && plan.Groups.Count > 1)
                {
                    matches = Match(plan, all: false);
                    verbreed = matches.Count > 0;
                }
            }

            // 2. Filters and facet counts. A facet's counts ignore that facet's own selection, so an inwoner
            //    sees what choosing another value would give (Elasticsearch: post_filter + filtered aggregations).
            var facetCount = Values.Length + 1;
            var wanneerFacet = Values.Length;
            // Per facet: which value ids are chosen (null: no filter on this facet).
            var selected = new bool[]?[facetCount];
            for (var f = 0; f < facetCount; f++)
            {
                var chosen = query.Waarden(Facetten.Alle[f]);
                if (chosen.Count > 0)
                {
                    var names = f == wanneerFacet ? [Facetten.OpenNu, Facetten.DezeWeek] : Values[f];
                    selected[f] = names.Select(v => chosen.Contains(v)).ToArray();
                }
            }

            var wanneer = Wanneer(lokaal);
            var origin = Postcode(query.Postcode);
            // The scan over the candidates: filters, facet counts, distance. Large scans are split over the cores
            // (Elasticsearch: shards), each part with its own counts, then added up.
            var candidates = matches?.Count ?? Docs.Length;
            var partitions = candidates >= 20_000 ? Math.Min(Environment.ProcessorCount, 4) : 1;
            var parts = new (int[][] Counts, List<(int Index, float Score, double? Afstand)> Results)[partitions];
            if (partitions == 1)
            {
                parts[0] = Scan(0, candidates);
            }
            else
            {
                Parallel.For(0, partitions, p => parts[p] = Scan(candidates * p / partitions, candidates * (p + 1) / partitions));
            }

            var counts = parts[0].Counts;
            var results = parts[0].Results;
            for (var p = 1; p < partitions; p++)
            {
                for (var f = 0; f < facetCount; f++)
                {
                    for (var v = 0; v < counts[f].Length; v++)
                    {
                        counts[f][v] += parts[p].Counts[f][v];
                    }
                }

                results.AddRange(parts[p].Results);
            }

            (int[][] Counts, List<(int Index, float Score, double? Afstand)> Results) Scan(int from, int to)
            {
                var counts = new int[facetCount][];
                for (var f = 0; f < Values.Length; f++)
                {
                    counts[f] = new int[Values[f].Length];
                }

                counts[wanneerFacet] = new int[2];
                var results = new List<(int Index, float Score, double? Afstand)>(Math.Min(to - from, 2048));
                Span<int> wanneerValues = stackalloc int[2];
                for (var c = from; c < to; c++)
                {
                    var (i, score) = matches is null ? (c, 0f) : matches[c];
                    var doc = Docs[i];
                    double? afstand = null;
                    if (origin is { } o && doc.Punten.Length > 0)
                    {
                        var nearest = double.MaxValue;
                        foreach (var punt in doc.Punten)
                        {
                            nearest = Math.Min(nearest, punt.AfstandKm(o));
                        }

                        afstand = nearest;
                        if (query.StraalKm is { } straal && afstand > straal)
                        {
                            continue;
                        }
                    }

                    var wn = 0;
                    if (wanneer.OpenNu[i])
                    {
                        wanneerValues[wn++] = 0;
                    }

                    if (wanneer.DezeWeek[i])
                    {
                        wanneerValues[wn++] = 1;
                    }

                    var failing = -1;
                    var failures = 0;
                    for (var f = 0; f < facetCount && failures < 2; f++)
                    {
                        if (selected[f] is not { } sel)
                        {
                            continue;
                        }

                        var hit = false;
                        if (f == wanneerFacet)
                        {
                            for (var v = 0; v < wn && !hit; v++)
                            {
                                hit = sel[wanneerValues[v]];
                            }
                        }
                        else
                        {
                            foreach (var v in FacetWaardenVan(f, i))
                            {
                                if (sel[v])
                                {
                                    hit = true;
                                    break;
                                }
                            }
                        }

                        if (!hit)
                        {
                            failures++;
                            failing = f;
                        }
                    }

                    if (failures > 1)
                    {
                        continue;
                    }

                    for (var f = 0; f < facetCount; f++)
                    {
                        if (failures == 1 && f != failing)
                        {
                            continue;
                        }

                        if (f == wanneerFacet)
                        {
                            for (var v = 0; v < wn; v++)
                            {
                                counts[f][wanneerValues[v]]++;
                            }
                        }
                        else
                        {
                            foreach (var v in FacetWaardenVan(f, i))
                            {
                                counts[f][v]++;
                            }
                        }
                    }

                    if (failures == 0)
                    {
                        results.Add((i, score, afstand));
                    }
                }

                return (counts, results);
            }

            // 3. Order and page: only the aanbod up to the requested page are ordered (a bounded heap).
            var perPagina = Math.Clamp(query.PerPagina, 1, SearchQuery.MaxPerPagina);
            var pagina = Math.Clamp(query.Pagina, 1, 100_000);
            var sortering = query.Sortering switch
            {
                Sortering.Afstand when origin is not null => Sortering.Afstand,
                Sortering.Relevantie or Sortering.Afstand when matches is not null => Sortering.Relevantie,
                _ => Sortering.Naam,
            };
            var page = TopK(results, (long)pagina * perPagina, sortering).Skip((pagina - 1) * perPagina).ToList();
            // A hit needs only what is in memory; the body text is read (plain text, no JSON) only for a snippet.
            var hits = page.Select(p =>
            {
                var d = Docs[p.Index];
                return new Hit
                {
                    Id = d.Id,
                    Naam = d.Naam,
                    Samenvatting = d.Samenvatting,
                    Markering = Highlighter.Mark(d.Samenvatting, () => BodyTekst(d.Rowid), plan.Stems),
                    Toegang = d.Toegang,
                    Bemoeizorg = d.Bemoeizorg,
                    Aanbieder = d.Aanbieder,
                    Levensdomeinen = d.Levensdomeinen,
                    Gratis = d.Gratis,
                    Score = Math.Round(p.Score, 4),
                    AfstandKm = p.Afstand is { } km ? Math.Round(km, 1) : null,
                    Plaats = d.Plaats,
                };
            }).ToList();

            var facetten = new List<Facet>(facetCount);
            for (var f = 0; f < facetCount; f++)
            {
                var name = Facetten.Alle[f];
                var chosen = query.Waarden(name);
                var (values, labels, rank, fixedOrder) = FacetVolgorde[f];
                var ids = Enumerable.Range(0, values.Length).ToArray();
                var fCounts = counts[f];
                Array.Sort(ids, (x, y) => fixedOrder || fCounts[x] == fCounts[y] ? rank[x].CompareTo(rank[y]) : fCounts[y].CompareTo(fCounts[x]));
                facetten.Add(new Facet(name, ids.Select(id => new FacetWaarde(values[id], labels[id], fCounts[id], chosen.Contains(values[id]))).ToList()));
            }

            return new SearchResults
            {
                Query = query,
                Totaal = results.Count,
                Hits = hits,
                Facetten = facetten,
                BedoeldeU = plan.BedoeldeU,
                Verbreed = verbreed,
                NietGevonden = plan.NietGevonden,
                PostcodeBekend = string.IsNullOrWhiteSpace(query.Postcode) || origin is not null,
            };
        }

        /// <summary>
        /// The aanbod that match the plan, with their BM25F score: per group the best alternative, summed over groups
        /// (Elasticsearch: a bool query of dis_max groups). With <paramref name="all"/> every group must match, else one.
        /// </summary>
        private List<(int Doc, float Score)> Match(QueryPlan plan, bool all)
        {
            var n = Docs.Length;
            var hits = System.Buffers.ArrayPool<int>.Shared.Rent(n);
            var total = System.Buffers.ArrayPool<float>.Shared.Rent(n);
            var group = System.Buffers.ArrayPool<float>.Shared.Rent(n);
            Array.Clear(hits, 0, n);
            Array.Clear(total, 0, n);
            Array.Clear(group, 0, n);
            var touched = new List<int>();
            var groupTouched = new List<int>();
            try
            {
                foreach (var g in plan.Groups)
                {
                    groupTouched.Clear();
                    foreach (var alternative in g.Alternatives)
                    {
                        var lists = new PostingList[alternative.Count];
                        var complete = true;
                        for (var k = 0; k < lists.Length && complete; k++)
                        {
                            lists[k] = Posting(alternative[k]);
                            complete = lists[k].Docs.Length > 0;
                        }

                        if (complete)
                        {
                            Score(lists, group, groupTouched);
                        }
                    }

                    foreach (var d in groupTouched)
                    {
                        if (hits[d]++ == 0)
                        {
                            touched.Add(d);
                        }

                        total[d] += group[d];
                        group[d] = 0;
                    }
                }

                var need = all ? plan.Groups.Count : 1;
                var result = new List<(int, float)>(touched.Count);
                foreach (var d in touched)
                {
                    if (hits[d] >= need)
                    {
                        result.Add((d, total[d]));
                    }
                }

                return result;
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(hits);
                System.Buffers.ArrayPool<float>.Shared.Return(total);
                System.Buffers.ArrayPool<float>.Shared.Return(group);
            }
        }

        /// <summary>Adds an alternative (all of its stems must be there) to the group's best score per aanbod.</summary>
        private void Score(PostingList[] lists, float[] group, List<int> groupTouched)
        {
            const float k1 = 1.2f, b = 0.75f;
            var shortest = lists.MinBy(l => l.Docs.Length)!;
            for (var p = 0; p < shortest.Docs.Length; p++)
            {
                var d = shortest.Docs[p];
                var score = 0f;
                var norm = k1 * (1 - b + b * Lengtes[d] / GemiddeldeLengte);
                foreach (var list in lists)
                {
                    var at = ReferenceEquals(list, shortest) ? p : Array.BinarySearch(list.Docs, d);
                    if (at < 0)
                    {
                        score = -1;
                        break;
                    }

                    var tf = list.Tf[at];
                    score += list.Idf * tf * (k1 + 1) / (tf + norm);
                }

                if (score > 0 && score > group[d])
                {
                    if (group[d] == 0)
                    {
                        groupTouched.Add(d);
                    }

                    group[d] = score;
                }
            }
        }

        private PostingList Posting(string term)
        {
            if (_postings.TryGetValue(term, out var cached))
            {
                return cached;
            }

            var list = WithConnection(connection =>
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT docs, tf FROM termen WHERE term = $t";
                cmd.Parameters.AddWithValue("$t", term);
                using var reader = cmd.ExecuteReader();
                if (!reader.Read())
                {
                    return PostingList.Empty;
                }

                var bytes = (byte[])reader.GetValue(0);
                var tf = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(1)).ToArray();
                var docs = new int[tf.Length];
                var last = -1;
                var at = 0;
                for (var k = 0; k < docs.Length; k++)
                {
                    uint delta = 0;
                    var shift = 0;
                    byte part;
                    do
                    {
                        part = bytes[at++];
                        delta |= (uint)(part & 0x7F) << shift;
                        shift += 7;
                    }
                    while ((part & 0x80) != 0);
                    last += (int)delta;
                    docs[k] = last;
                }

                var idf = (float)Math.Log(1 + (Docs.Length - docs.Length + 0.5) / (docs.Length + 0.5));
                return new PostingList(docs, tf, idf);
            });

            // A bounded cache of decoded postings: common words are read once per index, not per search.
            if (Interlocked.Add(ref _postingsSize, list.Docs.Length + 16) > 20_000_000)
            {
                _postings.Clear();
                Interlocked.Exchange(ref _postingsSize, 0);
            }

            _postings[term] = list;
            return list;
        }

        private IEnumerable<(int Index, float Score, double? Afstand)> TopK(List<(int Index, float Score, double? Afstand)> results, long k, Sortering sortering)
        {
            Comparison<(int Index, float Score, double? Afstand)> better = sortering switch
            {
                Sortering.Relevantie => (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : NaamRang[x.Index].CompareTo(NaamRang[y.Index]),
                Sortering.Afstand => (x, y) =>
                {
                    var dx = x.Afstand ?? double.MaxValue;
                    var dy = y.Afstand ?? double.MaxValue;
                    return dx != dy ? dx.CompareTo(dy) : x.Score != y.Score ? y.Score.CompareTo(x.Score) : NaamRang[x.Index].CompareTo(NaamRang[y.Index]);
                },
                _ => (x, y) => NaamRang[x.Index].CompareTo(NaamRang[y.Index]),
            };

            if (results.Count <= k)
            {
                results.Sort(better);
                return results;
            }

            // Keep the k best in a heap whose top is the worst of them.
            var heap = new PriorityQueue<(int Index, float Score, double? Afstand), (int Index, float Score, double? Afstand)>(
                Comparer<(int Index, float Score, double? Afstand)>.Create((x, y) => better(y, x)));
            foreach (var r in results)
            {
                if (heap.Count < k)
                {
                    heap.Enqueue(r, r);
                }
                else if (better(r, heap.Peek()) < 0)
                {
                    heap.DequeueEnqueue(r, r);
                }
            }

            var top = new List<(int Index, float Score, double? Afstand)>(heap.Count);
            while (heap.TryDequeue(out var item, out _))
            {
                top.Add(item);
            }

            top.Reverse();
            return top;
        }

        private string BodyTekst(long rowid) => WithConnection(connection =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT tekst FROM aanbod WHERE rowid = $r";
            cmd.Parameters.AddWithValue("$r", rowid);
            return cmd.ExecuteScalar() as string ?? "";
        });

        private GeoPunt? Postcode(string? postcode) =>
            Content.Postcodes.Pc4(postcode) is { } pc4 && Postcodes.TryGetValue(pc4, out var point) ? point : null;

        private (bool[] OpenNu, bool[] DezeWeek) Wanneer(DateTime lokaal)
        {
            var minute = lokaal.Ticks / TimeSpan.TicksPerMinute;
            if (Volatile.Read(ref _wanneer) is { } cached && cached.Minute == minute)
            {
                return (cached.OpenNu, cached.DezeWeek);
            }

            var today = DateOnly.FromDateTime(lokaal);
            var fresh = new WanneerCache(minute, Docs.Select(d => d.Tijden.Any(t => t.IsOpen(lokaal))).ToArray(), Docs.Select(d => d.Tijden.InWeek(today)).ToArray());
            Volatile.Write(ref _wanneer, fresh);
            return (fresh.OpenNu, fresh.DezeWeek);
        }

        private Dictionary<long, IndexDocument> Load(IReadOnlyList<long> rowids)
        {
            if (rowids.Count == 0)
            {
                return [];
            }

            return WithConnection(connection =>
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT rowid, doc, tekst FROM aanbod WHERE rowid IN ({string.Join(',', rowids)})";
                using var reader = cmd.ExecuteReader();
                var result = new Dictionary<long, IndexDocument>();
                while (reader.Read())
                {
                    result[reader.GetInt64(0)] = JsonSerializer.Deserialize<IndexDocument>(reader.GetString(1), IndexSchema.Json)! with { BodyTekst = reader.GetString(2) };
                }

                return result;
            });
        }

        public AanbodDetail? Get(string id, bool metIntern)
        {
            if (!RowidById.TryGetValue(id, out var index))
            {
                return null;
            }

            var rowid = Docs[index].Rowid;
            var doc = Load([rowid])[rowid];
            InternAanbod? intern = null;
            if (metIntern)
            {
                intern = WithConnection(connection =>
                {
                    using var cmd = connection.CreateCommand();
                    cmd.CommandText = "SELECT doc FROM intern WHERE rowid = $r";
                    cmd.Parameters.AddWithValue("$r", rowid);
                    return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<InternAanbod>(json, IndexSchema.Json) : null;
                });
            }

            return new AanbodDetail(doc, intern);
        }

        public IReadOnlyList<Suggestie> Suggest(string prefix, int max)
        {
            var p = TextFolding.Fold((prefix ?? "").Trim());
            if (p.Length < 3 || p.Length > 100)
            {
                return [];
            }

            // Phrases that start with what was typed first, then phrases with a word that starts with it.
            var starts = new List<Suggestie>();
            var inside = new List<Suggestie>();
            var needle = " " + p;
            for (var i = 0; i < Suggesties.Length && starts.Count < max; i++)
            {
                var key = SuggestieKeys[i];
                if (key.StartsWith(needle, StringComparison.Ordinal))
                {
                    starts.Add(Suggesties[i]);
                }
                else if (inside.Count < max && key.Contains(needle, StringComparison.Ordinal))
                {
                    inside.Add(Suggesties[i]);
                }
            }

            return starts.Concat(inside).Take(max).ToList();
        }

        private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            using var reader = cmd.ExecuteReader();
            var list = new List<T>();
            while (reader.Read())
            {
                list.Add(map(reader));
            }

            return list;
        }
    }

    private sealed record Doc(long Rowid, string Id, string Naam, GeoPunt[] Punten, Tijden[] Tijden,
        string Samenvatting, string Aanbieder, bool Bemoeizorg, bool Gratis, string? Plaats, Toegang Toegang, string[] Levensdomeinen);

    private sealed record PostingList(int[] Docs, float[] Tf, float Idf)
    {
        public static PostingList Empty { get; } = new([], [], 0);
    }
}

/// <summary>There is no (usable) index yet: build it first.</summary>
public sealed class IndexNotFoundException(string message) : Exception(message);
