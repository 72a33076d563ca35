using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// The embedded search engine: SQLite FTS5 for matching and bm25 ranking, with filters, facet counts,
/// distance and opening times computed over an in-memory copy of each aanbod's kenmerken.
/// Each index build is an immutable snapshot; a new build is picked up on the next search.
/// </summary>
public sealed class SqliteSearchIndex(EmbeddedIndexOptions options, TimeProvider timeProvider) : ISearchIndex, IDisposable
{
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private long _checkedAt = long.MinValue;

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var snapshot = Current();
        return Task.FromResult(snapshot.Search(query, Rooster.Lokaal(timeProvider.GetUtcNow())));
    }

    public Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default) =>
        Task.FromResult(Current().Suggest(prefix, max));

    public Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default) =>
        Task.FromResult(Current().Get(id, metIntern));

    /// <summary>True when an index has been built at the configured place.</summary>
    public bool Exists => File.Exists(options.PointerPath);

    /// <summary>The number of aanbod in the current index.</summary>
    public int Count => Current().Count;

    private Snapshot Current()
    {
        // Re-read the pointer at most every half second: a swap is seen quickly, without a file read per search.
        var now = timeProvider.GetTimestamp();
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && timeProvider.GetElapsedTime(Interlocked.Read(ref _checkedAt), now) < TimeSpan.FromMilliseconds(500))
        {
            return snapshot;
        }

        lock (_gate)
        {
            Interlocked.Exchange(ref _checkedAt, now);
            var name = ReadPointer();
            if (_snapshot is null || _snapshot.Name != name)
            {
                var old = _snapshot;
                _snapshot = Snapshot.Open(Path.Combine(options.Map, name), name);
                old?.Retire();
            }

            return _snapshot;
        }
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

        public int Count => Docs.Length;

        private readonly ConcurrentBag<SqliteConnection> _pool = [];
        private volatile bool _retired;
        private (long Minute, bool[] OpenNu, bool[] DezeWeek)? _wanneer;

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
            var docs = Query(connection, "SELECT rowid, id, kenmerken, json_extract(doc, '$.aanbod.name') FROM aanbod ORDER BY rowid", r =>
            {
                var k = JsonSerializer.Deserialize<Kenmerken>(r.GetString(2), IndexSchema.Json)!;
                var values = new int[valueIds.Length][];
                for (var f = 0; f < valueIds.Length; f++)
                {
                    var names = k.Facetten.GetValueOrDefault(Facetten.Alle[f]) ?? [];
                    values[f] = names.Select(n => valueIds[f].TryGetValue(n, out var id) ? id : valueIds[f][n] = valueIds[f].Count).ToArray();
                }

                return new Doc(r.GetInt64(0), r.GetString(1), r.GetString(3), values,
                    k.Punten.Select(p => new GeoPunt(p[0], p[1])).ToArray(), k.Tijden);
            }).ToArray();

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
            };
        }

        public void Retire()
        {
            _retired = true;
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
                if (_retired)
                {
                    connection.Dispose();
                }
                else
                {
                    _pool.Add(connection);
                }
            }
        }

        public SearchResults Search(SearchQuery query, DateTime lokaal)
        {
            var plan = Planner.Plan(query.Tekst ?? "");
            var tekstGegeven = !string.IsNullOrWhiteSpace(query.Tekst) && (plan.Groups.Count > 0 || plan.NietGevonden.Count > 0);

            // 1. Which aanbod match the words (all words; when none has them all: some of them).
            double[]? scores = null;
            var verbreed = false;
            if (tekstGegeven)
            {
                scores = plan.IsEmpty ? [] : Match(plan, all: true);
                if (scores.Length == 0 && plan.Groups.Count > 1)
                {
                    scores = Match(plan, all: false);
                    verbreed = scores.Length > 0;
                }
            }

            // 2. Filters and facet counts. A facet's counts ignore that facet's own selection, so an inwoner
            //    sees what choosing another value would give (Elasticsearch: post_filter + filtered aggregations).
            var facetCount = Values.Length + 1;
            var wanneerFacet = Values.Length;
            var selected = new HashSet<int>?[facetCount];
            for (var f = 0; f < facetCount; f++)
            {
                var chosen = query.Waarden(Facetten.Alle[f]);
                if (chosen.Count > 0)
                {
                    selected[f] = f == wanneerFacet
                        ? chosen.Select(c => c == Facetten.OpenNu ? 0 : c == Facetten.DezeWeek ? 1 : -1).ToHashSet()
                        : chosen.Select(c => Array.IndexOf(Values[f], c)).ToHashSet();
                }
            }

            var wanneer = Wanneer(lokaal);
            var origin = Postcode(query.Postcode);
            var counts = new int[facetCount][];
            for (var f = 0; f < Values.Length; f++)
            {
                counts[f] = new int[Values[f].Length];
            }

            counts[wanneerFacet] = new int[2];
            var results = new List<(int Index, double Score, double? Afstand)>();
            Span<int> wanneerValues = stackalloc int[2];

            for (var i = 0; i < Docs.Length; i++)
            {
                var score = 0.0;
                if (scores is not null)
                {
                    score = scores.Length == 0 ? double.NaN : scores[i];
                    if (double.IsNaN(score))
                    {
                        continue;
                    }
                }

                var doc = Docs[i];
                double? afstand = null;
                if (origin is { } o && doc.Punten.Length > 0)
                {
                    afstand = doc.Punten.Min(p => p.AfstandKm(o));
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
                            hit = sel.Contains(wanneerValues[v]);
                        }
                    }
                    else
                    {
                        foreach (var v in doc.Values[f])
                        {
                            if (sel.Contains(v))
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
                        foreach (var v in doc.Values[f])
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

            // 3. Order and page.
            var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
            IEnumerable<(int Index, double Score, double? Afstand)> ordered = query.Sortering switch
            {
                Sortering.Afstand when origin is not null => results.OrderBy(r => r.Afstand ?? double.MaxValue).ThenByDescending(r => r.Score),
                Sortering.Relevantie when scores is not null => results.OrderByDescending(r => r.Score),
                _ => results.OrderBy(r => Docs[r.Index].Naam, comparer),
            };
            ordered = ((IOrderedEnumerable<(int Index, double Score, double? Afstand)>)ordered).ThenBy(r => Docs[r.Index].Id, StringComparer.Ordinal);

            var perPagina = Math.Clamp(query.PerPagina, 1, SearchQuery.MaxPerPagina);
            var pagina = Math.Max(1, query.Pagina);
            var page = ordered.Skip((pagina - 1) * perPagina).Take(perPagina).ToList();
            var documents = Load(page.Select(p => Docs[p.Index].Rowid).ToList());
            var hits = page.Select(p =>
            {
                var d = documents[Docs[p.Index].Rowid];
                var a = d.Aanbod;
                return new Hit
                {
                    Id = a.Id,
                    Naam = a.Name,
                    Samenvatting = a.Samenvatting,
                    Markering = Highlighter.Mark(a.Samenvatting, d.BodyTekst, plan.Stems),
                    Toegang = a.Toegang,
                    Bemoeizorg = a.Bemoeizorg,
                    Aanbieder = a.Organization.Name,
                    Levensdomeinen = a.Levensdomeinen,
                    Gratis = a.Gratis,
                    Score = Math.Round(p.Score, 4),
                    AfstandKm = p.Afstand is { } km ? Math.Round(km, 1) : null,
                    Plaats = a.Locations.FirstOrDefault()?.City,
                };
            }).ToList();

            var facetten = new List<Facet>();
            for (var f = 0; f < facetCount; f++)
            {
                var name = Facetten.Alle[f];
                var values = f == wanneerFacet ? [Facetten.OpenNu, Facetten.DezeWeek] : Values[f];
                var chosen = query.Waarden(name);
                var order = FacetWaarden.Volgorde(name, Taxonomie).ToList();
                var waarden = values.Select((v, id) => new FacetWaarde(v, FacetWaarden.Label(name, v, Taxonomie), counts[f][id], chosen.Contains(v)))
                    .OrderBy(w => order.Count == 0 ? 0 : order.Contains(w.Waarde) ? order.IndexOf(w.Waarde) : int.MaxValue)
                    .ThenByDescending(w => order.Count == 0 ? w.Aantal : 0)
                    .ThenBy(w => w.Label, comparer)
                    .ToList();
                facetten.Add(new Facet(name, waarden));
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

        /// <summary>bm25 score per aanbod (NaN when it does not match); empty when nothing matches.</summary>
        private double[] Match(QueryPlan plan, bool all)
        {
            var expression = string.Join(all ? " AND " : " OR ", plan.Groups.Select(g =>
                "(" + string.Join(" OR ", g.Alternatives.Select(a => "(" + string.Join(" AND ", a.Select(Quote)) + ")")) + ")"));
            return WithConnection(connection =>
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT rowid, {IndexSchema.Bm25} FROM zoek WHERE zoek MATCH $m";
                cmd.Parameters.AddWithValue("$m", expression);
                using var reader = cmd.ExecuteReader();
                double[]? scores = null;
                while (reader.Read())
                {
                    if (scores is null)
                    {
                        scores = new double[Docs.Length];
                        Array.Fill(scores, double.NaN);
                    }

                    // FTS5's bm25 is negative, better matches lower; we keep higher = better.
                    scores[reader.GetInt64(0) - 1] = -reader.GetDouble(1);
                }

                return scores ?? [];
            });
        }

        private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private GeoPunt? Postcode(string? postcode) =>
            Content.Postcodes.Pc4(postcode) is { } pc4 && Postcodes.TryGetValue(pc4, out var point) ? point : null;

        private (bool[] OpenNu, bool[] DezeWeek) Wanneer(DateTime lokaal)
        {
            var minute = lokaal.Ticks / TimeSpan.TicksPerMinute;
            if (_wanneer is { } cached && cached.Minute == minute)
            {
                return (cached.OpenNu, cached.DezeWeek);
            }

            var today = DateOnly.FromDateTime(lokaal);
            var openNu = Docs.Select(d => d.Tijden.Any(t => t.IsOpen(lokaal))).ToArray();
            var dezeWeek = Docs.Select(d => d.Tijden.InWeek(today)).ToArray();
            _wanneer = (minute, openNu, dezeWeek);
            return (openNu, dezeWeek);
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
                cmd.CommandText = $"SELECT rowid, doc FROM aanbod WHERE rowid IN ({string.Join(',', rowids)})";
                using var reader = cmd.ExecuteReader();
                var result = new Dictionary<long, IndexDocument>();
                while (reader.Read())
                {
                    result[reader.GetInt64(0)] = JsonSerializer.Deserialize<IndexDocument>(reader.GetString(1), IndexSchema.Json)!;
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

    private sealed record Doc(long Rowid, string Id, string Naam, int[][] Values, GeoPunt[] Punten, Tijden[] Tijden);
}

/// <summary>There is no (usable) index yet: build it first.</summary>
public sealed class IndexNotFoundException(string message) : Exception(message);
