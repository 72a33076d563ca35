using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Where a search spends its time: a copy of <c>SqliteSearchIndex.Snapshot.Search</c> (indexer/Kaart/Embedded/SqliteSearchIndex.cs)
/// cut into stages, each timed with a Stopwatch, run over the same query mix. The copy is checked against the real
/// engine (same totals), and its summed time is reported next to the real latency. Keep it in step with the engine.
/// </summary>
internal static class QueryProfiler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const string Bm25 = "bm25(zoek, 10.0, 6.0, 3.0, 2.0, 1.5, 1.0)";

    private sealed record Kenmerken(Dictionary<string, string[]> Facetten, double[][] Punten, Tijden[] Tijden);

    private sealed record Doc(long Rowid, string Id, string Naam, int[][] Values, GeoPunt[] Punten, Tijden[] Tijden);

    private static readonly string[] Stages =
        ["plan", "fts_match", "filter_facet_loop", "sort_page", "load_docs", "highlight", "facet_output", "total_copy"];

    public static async Task RunAsync(string path, IReadOnlyList<BenchQuery> queries, ISearchIndex index, Results results)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var engine = new Copy(connection);
        var lokaal = Rooster.Lokaal(new BenchClock().GetUtcNow());

        var times = Stages.ToDictionary(s => s, _ => new List<double>(), StringComparer.Ordinal);
        var experiments = new Dictionary<string, List<double>>(StringComparer.Ordinal)
        {
            ["exp_fts_without_bm25"] = [],
            ["exp_sort_page_precomputed_name_order"] = [],
            ["exp_highlight_capped_body"] = [],
            ["exp_fts_absorbed_alternatives"] = [],
            ["exp_fts_phrases_before"] = [],
            ["exp_fts_phrases_absorbed"] = [],
        };

        engine.ComputeWanneer(lokaal);

        // Warm up the copy, then time it.
        foreach (var q in queries.Take(100))
        {
            engine.Search(q.Query, lokaal, null, null);
        }

        var mismatches = 0;
        foreach (var q in queries)
        {
            var stage = new Dictionary<string, double>(StringComparer.Ordinal);
            var totaal = engine.Search(q.Query, lokaal, stage, experiments);
            foreach (var (name, ms) in stage)
            {
                times[name].Add(ms);
            }

            var real = await index.SearchAsync(q.Query);
            if (real.Totaal != totaal)
            {
                mismatches++;
            }
        }

        // The suggested fix: same answers (checked), timed without and with the FTS answer cache.
        var fixMismatches = 0;
        foreach (var cache in new[] { false, true })
        {
            engine.ClearCache();
            foreach (var q in queries.Take(100))
            {
                engine.SearchFast(q.Query, lokaal, cache: false, null);
            }

            long allocated = 0;
            foreach (var q in queries)
            {
                var stage = new Dictionary<string, double>(StringComparer.Ordinal);
                var before = GC.GetAllocatedBytesForCurrentThread();
                var fast = engine.SearchFast(q.Query, lokaal, cache, stage);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                foreach (var (name, ms) in stage)
                {
                    var key = cache ? name.Replace("fix_", "fix+cache_", StringComparison.Ordinal) : name;
                    if (!times.TryGetValue(key, out var list))
                    {
                        times[key] = list = [];
                    }

                    list.Add(ms);
                }

                if (!cache)
                {
                    var totaal = engine.Search(q.Query, lokaal, null, null);
                    if (totaal != fast.Totaal || !engine.LastPage.SequenceEqual(fast.Page)
                        || !engine.LastCounts.Zip(fast.Counts).All(x => x.First.SequenceEqual(x.Second)))
                    {
                        fixMismatches++;
                    }
                }
            }

            results.Add(cache ? "note.fix+cache_allocated_per_query" : "note.fix_allocated_per_query", $"{allocated / queries.Count / 1024} KB (the engine copy allocates about as much as the engine; see the memory table)");
            if (cache)
            {
                results.Add("note.fts_cache_hits", $"{engine.CacheHits} of the FTS queries of the {queries.Count} searches were answered from the cache (an unbounded cache over this mix of {queries.Select(q => q.Query.Tekst).Distinct().Count()} distinct texts)");
            }
        }

        results.Add("note.absorb_check", engine.AbsorbMismatches == 0
            ? "absorbing alternatives kept the set of matching aanbod the same for every query"
            : $"absorbing alternatives changed the matching aanbod of {engine.AbsorbMismatches} queries");
        results.Add("note.fix_check", fixMismatches == 0
            ? "the fixed copy gave the same totals, pages and facet counts as the engine copy for every query"
            : $"the fixed copy differed from the engine copy on {fixMismatches} queries");

        foreach (var (name, list) in times.Concat(experiments))
        {
            var s = Measure.Stats(list);
            results.Add($"profile.{name}.mean", s.Mean, "0.00");
            results.Add($"profile.{name}.p95", s.P95, "0.00");
            results.Add($"profile.{name}.p99", s.P99, "0.00");
        }

        if (mismatches > 0)
        {
            results.Add("note.profile", $"the stage copy disagreed with the engine on the number of results of {mismatches} queries: the engine has changed, update QueryProfiler");
        }

        var open = engine.OpenStages;
        foreach (var (name, ms) in open)
        {
            results.Add($"note.open_{name}_ms", ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private sealed class Copy
    {
        private readonly SqliteConnection _connection;
        private readonly Taxonomie _taxonomie;
        private readonly QueryPlanner _planner;
        private readonly Highlighter _highlighter;
        private readonly Doc[] _docs;
        private readonly string[][] _values;
        private readonly Dictionary<string, GeoPunt> _postcodes;
        private readonly int[] _nameRank;
        private readonly int[] _idRank;
        private readonly int[][] _offsets;
        private readonly int[][] _flat;
        private readonly int[] _pointOffsets;
        private readonly GeoPunt[] _points;
        private readonly Dictionary<string, (int[] Rows, double[] Scores)> _ftsCache = new(StringComparer.Ordinal);
        private int[] _rowBuffer = new int[1024];
        private double[] _scoreBuffer = new double[1024];

        public int CacheHits { get; set; }

        public void ClearCache()
        {
            _ftsCache.Clear();
            CacheHits = 0;
        }
        private (bool[] OpenNu, bool[] DezeWeek)? _wanneer;

        public Dictionary<string, double> OpenStages { get; } = new(StringComparer.Ordinal);

        public Copy(SqliteConnection connection)
        {
            _connection = connection;
            var watch = Stopwatch.StartNew();
            var meta = Query(connection, "SELECT key, value FROM meta", r => (r.GetString(0), r.GetString(1))).ToDictionary();
            _taxonomie = Taxonomie.Parse(meta["taxonomie"]);
            var synonyms = Synonyms.Parse(meta["synoniemen"]);
            var vocabulary = new Vocabulary(Query(connection, "SELECT woord, stam, df FROM woorden",
                r => new Vocabulary.Entry(r.GetString(0), r.GetString(1), r.GetInt32(2))));
            OpenStages["vocabulary"] = watch.Elapsed.TotalMilliseconds;
            watch.Restart();

            var valueIds = Facetten.Alle.Where(f => f != Facetten.Wanneer).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            _docs = Query(connection, "SELECT rowid, id, kenmerken, json_extract(doc, '$.aanbod.name') FROM aanbod ORDER BY rowid", r =>
            {
                var k = JsonSerializer.Deserialize<Kenmerken>(r.GetString(2), Json)!;
                var values = new int[valueIds.Length][];
                for (var f = 0; f < valueIds.Length; f++)
                {
                    var names = k.Facetten.GetValueOrDefault(Facetten.Alle[f]) ?? [];
                    values[f] = names.Select(n => valueIds[f].TryGetValue(n, out var id) ? id : valueIds[f][n] = valueIds[f].Count).ToArray();
                }

                return new Doc(r.GetInt64(0), r.GetString(1), r.GetString(3), values, k.Punten.Select(p => new GeoPunt(p[0], p[1])).ToArray(), k.Tijden);
            }).ToArray();
            OpenStages["kenmerken"] = watch.Elapsed.TotalMilliseconds;

            _planner = new QueryPlanner(vocabulary, synonyms);
            _highlighter = new Highlighter(vocabulary);
            _values = valueIds.Select(v => v.OrderBy(x => x.Value).Select(x => x.Key).ToArray()).ToArray();
            _postcodes = Query(connection, "SELECT pc4, lat, lon FROM postcodes", r => (r.GetString(0), new GeoPunt(r.GetDouble(1), r.GetDouble(2)))).ToDictionary();

            // Experiment: the name order computed once per snapshot (the suggested fix for sorting on name).
            watch.Restart();
            var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
            var order = Enumerable.Range(0, _docs.Length).OrderBy(i => _docs[i].Naam, comparer).ThenBy(i => _docs[i].Id, StringComparer.Ordinal).ToArray();
            _nameRank = new int[_docs.Length];
            for (var r = 0; r < order.Length; r++)
            {
                _nameRank[order[r]] = r;
            }

            var ids = Enumerable.Range(0, _docs.Length).OrderBy(i => _docs[i].Id, StringComparer.Ordinal).ToArray();
            _idRank = new int[_docs.Length];
            for (var r = 0; r < ids.Length; r++)
            {
                _idRank[ids[r]] = r;
            }

            // Columnar kenmerken: per facet one flat array of value ids with offsets per aanbod; points flattened.
            _offsets = new int[_values.Length][];
            _flat = new int[_values.Length][];
            for (var f = 0; f < _values.Length; f++)
            {
                var offsets = new int[_docs.Length + 1];
                var flat = new List<int>(_docs.Length * 2);
                for (var i = 0; i < _docs.Length; i++)
                {
                    offsets[i] = flat.Count;
                    flat.AddRange(_docs[i].Values[f]);
                }

                offsets[_docs.Length] = flat.Count;
                _offsets[f] = offsets;
                _flat[f] = flat.ToArray();
            }

            _pointOffsets = new int[_docs.Length + 1];
            var points = new List<GeoPunt>();
            for (var i = 0; i < _docs.Length; i++)
            {
                _pointOffsets[i] = points.Count;
                points.AddRange(_docs[i].Punten);
            }

            _pointOffsets[_docs.Length] = points.Count;
            _points = points.ToArray();
            OpenStages["exp_name_rank_once"] = watch.Elapsed.TotalMilliseconds;
        }

        public int Search(SearchQuery query, DateTime lokaal, Dictionary<string, double>? t, Dictionary<string, List<double>>? experiments)
        {
            var watch = Stopwatch.StartNew();
            void Lap(string stage)
            {
                if (t is not null)
                {
                    t[stage] = watch.Elapsed.TotalMilliseconds;
                }

                watch.Restart();
            }

            var plan = _planner.Plan(query.Tekst ?? "");
            var tekstGegeven = !string.IsNullOrWhiteSpace(query.Tekst) && (plan.Groups.Count > 0 || plan.NietGevonden.Count > 0);
            Lap("plan");

            double[]? scores = null;
            if (tekstGegeven)
            {
                scores = plan.IsEmpty ? [] : Match(plan, all: true, bm25: true);
                if (scores.Length == 0 && plan.Groups.Count > 1)
                {
                    scores = Match(plan, all: false, bm25: true);
                }
            }

            Lap("fts_match");
            if (experiments is not null && !(tekstGegeven && !plan.IsEmpty))
            {
                // No full-text query: the experiments cost nothing either (keeps them comparable with fts_match).
                experiments["exp_fts_without_bm25"].Add(0);
                experiments["exp_fts_absorbed_alternatives"].Add(0);
            }
            else if (experiments is not null)
            {
                var w = Stopwatch.StartNew();
                var s = Match(plan, all: true, bm25: false);
                if (s.Length == 0 && plan.Groups.Count > 1)
                {
                    Match(plan, all: false, bm25: false);
                }

                experiments["exp_fts_without_bm25"].Add(w.Elapsed.TotalMilliseconds);

                // Absorption: in an OR, an alternative that contains all stems of another one adds no matches
                // ("werk" OR "werk AND zoek" = "werk"), only phrases that bm25 has to score for every row.
                w.Restart();
                s = Match(plan, all: true, bm25: true, absorb: true);
                if (s.Length == 0 && plan.Groups.Count > 1)
                {
                    s = Match(plan, all: false, bm25: true, absorb: true);
                }

                experiments["exp_fts_absorbed_alternatives"].Add(w.Elapsed.TotalMilliseconds);
                experiments["exp_fts_phrases_before"].Add(Expression(plan, true, false).Count(c => c == '"') / 2);
                experiments["exp_fts_phrases_absorbed"].Add(Expression(plan, true, true).Count(c => c == '"') / 2);
                var before = scores ?? [];
                if (before.Length != s.Length || before.Zip(s).Any(x => double.IsNaN(x.First) != double.IsNaN(x.Second)))
                {
                    AbsorbMismatches++;
                }

                watch.Restart();
            }

            var facetCount = _values.Length + 1;
            var wanneerFacet = _values.Length;
            var selected = new HashSet<int>?[facetCount];
            for (var f = 0; f < facetCount; f++)
            {
                var chosen = query.Waarden(Facetten.Alle[f]);
                if (chosen.Count > 0)
                {
                    selected[f] = f == wanneerFacet
                        ? chosen.Select(c => c == Facetten.OpenNu ? 0 : c == Facetten.DezeWeek ? 1 : -1).ToHashSet()
                        : chosen.Select(c => Array.IndexOf(_values[f], c)).ToHashSet();
                }
            }

            _wanneer ??= (_docs.Select(d => d.Tijden.Any(x => x.IsOpen(lokaal))).ToArray(), _docs.Select(d => d.Tijden.InWeek(DateOnly.FromDateTime(lokaal))).ToArray());
            var wanneer = _wanneer.Value;
            GeoPunt? origin = SocialeKaart.Kaart.Content.Postcodes.Pc4(query.Postcode) is { } pc4 && _postcodes.TryGetValue(pc4, out var point) ? point : null;
            var counts = new int[facetCount][];
            for (var f = 0; f < _values.Length; f++)
            {
                counts[f] = new int[_values[f].Length];
            }

            counts[wanneerFacet] = new int[2];
            var results = new List<(int Index, double Score, double? Afstand)>();
            Span<int> wanneerValues = stackalloc int[2];
            for (var i = 0; i < _docs.Length; i++)
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

                var doc = _docs[i];
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

            Lap("filter_facet_loop");

            var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
            IEnumerable<(int Index, double Score, double? Afstand)> ordered = query.Sortering switch
            {
                Sortering.Afstand when origin is not null => results.OrderBy(r => r.Afstand ?? double.MaxValue).ThenByDescending(r => r.Score),
                Sortering.Relevantie when scores is not null => results.OrderByDescending(r => r.Score),
                _ => results.OrderBy(r => _docs[r.Index].Naam, comparer),
            };
            ordered = ((IOrderedEnumerable<(int Index, double Score, double? Afstand)>)ordered).ThenBy(r => _docs[r.Index].Id, StringComparer.Ordinal);
            var perPagina = Math.Clamp(query.PerPagina, 1, SearchQuery.MaxPerPagina);
            var pagina = Math.Max(1, query.Pagina);
            var page = ordered.Skip((pagina - 1) * perPagina).Take(perPagina).ToList();
            Lap("sort_page");

            if (experiments is not null)
            {
                // The same order with the name order precomputed per snapshot (ties on name are already broken by id in the rank).
                var w = Stopwatch.StartNew();
                IEnumerable<(int Index, double Score, double? Afstand)> fast = query.Sortering switch
                {
                    Sortering.Afstand when origin is not null => results.OrderBy(r => r.Afstand ?? double.MaxValue).ThenByDescending(r => r.Score).ThenBy(r => _docs[r.Index].Id, StringComparer.Ordinal),
                    Sortering.Relevantie when scores is not null => results.OrderByDescending(r => r.Score).ThenBy(r => _docs[r.Index].Id, StringComparer.Ordinal),
                    _ => results.OrderBy(r => _nameRank[r.Index]),
                };
                var fastPage = fast.Skip((pagina - 1) * perPagina).Take(perPagina).ToList();
                experiments["exp_sort_page_precomputed_name_order"].Add(w.Elapsed.TotalMilliseconds);
                if (!fastPage.Select(p => p.Index).SequenceEqual(page.Select(p => p.Index)) && query.Sortering == Sortering.Naam)
                {
                    throw new InvalidOperationException("precomputed name order differs from the engine's order");
                }

                watch.Restart();
            }

            LastCounts = counts;
            LastPage = page.Select(p => p.Index).ToArray();
            var documents = Load(page.Select(p => _docs[p.Index].Rowid).ToList());
            Lap("load_docs");

            var marks = page.Select(p =>
            {
                var d = documents[_docs[p.Index].Rowid];
                return _highlighter.Mark(d.Aanbod.Samenvatting, d.BodyTekst, plan.Stems);
            }).ToList();
            Lap("highlight");

            if (experiments is not null)
            {
                // The body searched only in its first 2,000 characters (where a snippet is useful anyway).
                var w = Stopwatch.StartNew();
                foreach (var p in page)
                {
                    var d = documents[_docs[p.Index].Rowid];
                    var body = d.BodyTekst.Length > 2000 ? d.BodyTekst[..2000] : d.BodyTekst;
                    _highlighter.Mark(d.Aanbod.Samenvatting, body, plan.Stems);
                }

                experiments["exp_highlight_capped_body"].Add(w.Elapsed.TotalMilliseconds);
                watch.Restart();
            }

            var facetten = new List<Facet>();
            for (var f = 0; f < facetCount; f++)
            {
                var name = Facetten.Alle[f];
                var values = f == wanneerFacet ? [Facetten.OpenNu, Facetten.DezeWeek] : _values[f];
                var chosen = query.Waarden(name);
                var order = FacetWaarden.Volgorde(name, _taxonomie).ToList();
                var waarden = values.Select((v, id) => new FacetWaarde(v, FacetWaarden.Label(name, v, _taxonomie), counts[f][id], chosen.Contains(v)))
                    .OrderBy(w => order.Count == 0 ? 0 : order.Contains(w.Waarde) ? order.IndexOf(w.Waarde) : int.MaxValue)
                    .ThenByDescending(w => order.Count == 0 ? w.Aantal : 0)
                    .ThenBy(w => w.Label, comparer)
                    .ToList();
                facetten.Add(new Facet(name, waarden));
            }

            Lap("facet_output");
            if (t is not null)
            {
                // The copy's own time without the experiments.
                t["total_copy"] = t.Where(x => x.Key != "total_copy").Sum(x => x.Value);
            }

            GC.KeepAlive(marks);
            GC.KeepAlive(facetten);
            return results.Count;
        }

        /// <summary>
        /// The suggested fix, with the same results: matches as a compact (row, score) list instead of one array slot per
        /// aanbod, only matched aanbod visited, columnar facet values with a bool per selected value, a bounded heap for
        /// the requested page instead of sorting every result, name order computed once per snapshot; optionally a cache
        /// of FTS answers per match expression. Returns the total and the rows of the page, to check against <see cref="Search"/>.
        /// </summary>
        public (int Totaal, int[] Page, int[][] Counts) SearchFast(SearchQuery query, DateTime lokaal, bool cache, Dictionary<string, double>? t)
        {
            var watch = Stopwatch.StartNew();
            void Lap(string stage)
            {
                if (t is not null)
                {
                    t[stage] = watch.Elapsed.TotalMilliseconds;
                }

                watch.Restart();
            }

            var plan = _planner.Plan(query.Tekst ?? "");
            var tekstGegeven = !string.IsNullOrWhiteSpace(query.Tekst) && (plan.Groups.Count > 0 || plan.NietGevonden.Count > 0);
            Lap("fix_plan");

            int[]? rows = null;
            double[]? rowScores = null;
            var matched = 0;
            if (tekstGegeven)
            {
                if (!plan.IsEmpty)
                {
                    (rows, rowScores, matched) = MatchList(plan, all: true, cache);
                    if (matched == 0 && plan.Groups.Count > 1)
                    {
                        (rows, rowScores, matched) = MatchList(plan, all: false, cache);
                    }
                }
                else
                {
                    rows = [];
                    rowScores = [];
                }
            }

            Lap("fix_fts_match");

            var facetCount = _values.Length + 1;
            var wanneerFacet = _values.Length;
            var selected = new bool[facetCount][];
            var selectedFacets = new List<int>();
            for (var f = 0; f < facetCount; f++)
            {
                var chosen = query.Waarden(Facetten.Alle[f]);
                if (chosen.Count > 0)
                {
                    var sel = new bool[f == wanneerFacet ? 2 : _values[f].Length];
                    foreach (var c in chosen)
                    {
                        var id = f == wanneerFacet ? (c == Facetten.OpenNu ? 0 : c == Facetten.DezeWeek ? 1 : -1) : Array.IndexOf(_values[f], c);
                        if (id >= 0)
                        {
                            sel[id] = true;
                        }
                    }

                    selected[f] = sel;
                    selectedFacets.Add(f);
                }
            }

            _wanneer ??= (_docs.Select(d => d.Tijden.Any(x => x.IsOpen(lokaal))).ToArray(), _docs.Select(d => d.Tijden.InWeek(DateOnly.FromDateTime(lokaal))).ToArray());
            var (openNu, dezeWeek) = _wanneer.Value;
            GeoPunt? origin = SocialeKaart.Kaart.Content.Postcodes.Pc4(query.Postcode) is { } pc4 && _postcodes.TryGetValue(pc4, out var point) ? point : null;
            var counts = new int[facetCount][];
            for (var f = 0; f < _values.Length; f++)
            {
                counts[f] = new int[_values[f].Length];
            }

            counts[wanneerFacet] = new int[2];

            var sort = query.Sortering == Sortering.Afstand && origin is not null ? 1 : query.Sortering == Sortering.Relevantie && rows is not null ? 0 : 2;
            var perPagina = Math.Clamp(query.PerPagina, 1, SearchQuery.MaxPerPagina);
            var pagina = Math.Max(1, query.Pagina);
            var k = pagina * perPagina;
            var heap = new PriorityQueue<(int Index, double Score, double? Afstand), Key>(k + 1, WorstFirst.Instance);
            var totaal = 0;
            var n = rows is null ? _docs.Length : matched;
            for (var j = 0; j < n; j++)
            {
                var i = rows is null ? j : rows[j];
                var score = rowScores is null ? 0.0 : rowScores[j];
                double? afstand = null;
                if (origin is { } o && _pointOffsets[i + 1] > _pointOffsets[i])
                {
                    var min = double.MaxValue;
                    for (var p = _pointOffsets[i]; p < _pointOffsets[i + 1]; p++)
                    {
                        min = Math.Min(min, _points[p].AfstandKm(o));
                    }

                    afstand = min;
                    if (query.StraalKm is { } straal && min > straal)
                    {
                        continue;
                    }
                }

                var failing = -1;
                var failures = 0;
                foreach (var f in selectedFacets)
                {
                    var sel = selected[f];
                    var hit = false;
                    if (f == wanneerFacet)
                    {
                        hit = (openNu[i] && sel[0]) || (dezeWeek[i] && sel[1]);
                    }
                    else
                    {
                        var flat = _flat[f];
                        for (var v = _offsets[f][i]; v < _offsets[f][i + 1] && !hit; v++)
                        {
                            hit = sel[flat[v]];
                        }
                    }

                    if (!hit && ++failures == 1)
                    {
                        failing = f;
                    }
                    else if (!hit)
                    {
                        break;
                    }
                }

                if (failures > 1)
                {
                    continue;
                }

                for (var f = 0; f < _values.Length; f++)
                {
                    if (failures == 1 && f != failing)
                    {
                        continue;
                    }

                    var flat = _flat[f];
                    var c = counts[f];
                    for (var v = _offsets[f][i]; v < _offsets[f][i + 1]; v++)
                    {
                        c[flat[v]]++;
                    }
                }

                if (failures == 0 || failing == wanneerFacet)
                {
                    if (openNu[i])
                    {
                        counts[wanneerFacet][0]++;
                    }

                    if (dezeWeek[i])
                    {
                        counts[wanneerFacet][1]++;
                    }
                }

                if (failures == 0)
                {
                    totaal++;
                    var key = sort switch
                    {
                        0 => new Key(-score, 0, _idRank[i]),
                        1 => new Key(afstand ?? double.MaxValue, -score, _idRank[i]),
                        _ => new Key(_nameRank[i], 0, 0),
                    };
                    if (heap.Count < k)
                    {
                        heap.Enqueue((i, score, afstand), key);
                    }
                    else if (heap.TryPeek(out _, out var worst) && Key.Compare(key, worst) < 0)
                    {
                        heap.DequeueEnqueue((i, score, afstand), key);
                    }
                }
            }

            Lap("fix_filter_facet_loop");
            var all = new List<((int Index, double Score, double? Afstand) Item, Key Key)>(heap.Count);
            while (heap.TryDequeue(out var item, out var key))
            {
                all.Add((item, key));
            }

            all.Sort((a, b) => Key.Compare(a.Key, b.Key));
            var page = all.Skip((pagina - 1) * perPagina).Select(x => x.Item).ToList();
            Lap("fix_sort_page");

            var documents = Load(page.Select(p => _docs[p.Index].Rowid).ToList());
            var marks = page.Select(p =>
            {
                var d = documents[_docs[p.Index].Rowid];
                return _highlighter.Mark(d.Aanbod.Samenvatting, d.BodyTekst, plan.Stems);
            }).ToList();
            Lap("fix_load_highlight");
            GC.KeepAlive(marks);
            if (t is not null)
            {
                t["fix_total"] = t.Where(x => x.Key.StartsWith("fix_", StringComparison.Ordinal) && x.Key != "fix_total").Sum(x => x.Value);
            }

            return (totaal, page.Select(p => p.Index).ToArray(), counts);
        }

        private readonly record struct Key(double A, double B, int C)
        {
            public static int Compare(Key x, Key y)
            {
                var c = x.A.CompareTo(y.A);
                if (c != 0)
                {
                    return c;
                }

                c = x.B.CompareTo(y.B);
                return c != 0 ? c : x.C.CompareTo(y.C);
            }
        }

        /// <summary>The heap keeps the k best; its root is the worst of them.</summary>
        private sealed class WorstFirst : IComparer<Key>
        {
            public static WorstFirst Instance { get; } = new();

            public int Compare(Key x, Key y) => Key.Compare(y, x);
        }

        private (int[] Rows, double[] Scores, int Count) MatchList(QueryPlan plan, bool all, bool cache)
        {
            var expression = string.Join(all ? " AND " : " OR ", plan.Groups.Select(g =>
                "(" + string.Join(" OR ", g.Alternatives.Select(a => "(" + string.Join(" AND ", a.Select(Quote)) + ")")) + ")"));
            if (cache && _ftsCache.TryGetValue(expression, out var hit))
            {
                CacheHits++;
                return (hit.Rows, hit.Scores, hit.Rows.Length);
            }

            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT rowid, {Bm25} FROM zoek WHERE zoek MATCH $m";
            cmd.Parameters.AddWithValue("$m", expression);
            using var reader = cmd.ExecuteReader();
            var count = 0;
            while (reader.Read())
            {
                if (count == _rowBuffer.Length)
                {
                    Array.Resize(ref _rowBuffer, count * 2);
                    Array.Resize(ref _scoreBuffer, count * 2);
                }

                _rowBuffer[count] = (int)reader.GetInt64(0) - 1;
                _scoreBuffer[count] = -reader.GetDouble(1);
                count++;
            }

            if (cache)
            {
                var entry = (_rowBuffer[..count], _scoreBuffer[..count]);
                _ftsCache[expression] = entry;
                return (entry.Item1, entry.Item2, count);
            }

            return (_rowBuffer, _scoreBuffer, count);
        }

        public int[][] LastCounts { get; private set; } = [];

        public int[] LastPage { get; private set; } = [];

        public int AbsorbMismatches { get; private set; }

        /// <summary>"Open nu" and "deze week" for every aanbod: the engine redoes this in the first search of every minute.</summary>
        public void ComputeWanneer(DateTime lokaal)
        {
            var watch = Stopwatch.StartNew();
            _wanneer = (_docs.Select(d => d.Tijden.Any(x => x.IsOpen(lokaal))).ToArray(), _docs.Select(d => d.Tijden.InWeek(DateOnly.FromDateTime(lokaal))).ToArray());
            OpenStages["wanneer_per_minute"] = watch.Elapsed.TotalMilliseconds;
        }

        private static string Expression(QueryPlan plan, bool all, bool absorb) =>
            string.Join(all ? " AND " : " OR ", plan.Groups.Select(g =>
            {
                var alternatives = g.Alternatives.Select(a => a.Distinct(StringComparer.Ordinal).ToList()).ToList();
                if (absorb)
                {
                    alternatives = alternatives.Where((a, i) => !alternatives.Where((b, j) => j != i && b.All(a.Contains)
                        && (b.Count < a.Count || j < i)).Any()).ToList();
                }

                return "(" + string.Join(" OR ", alternatives.Select(a => "(" + string.Join(" AND ", a.Select(Quote)) + ")")) + ")";
            }));

        private double[] Match(QueryPlan plan, bool all, bool bm25, bool absorb = false)
        {
            var expression = absorb ? Expression(plan, all, absorb: true) : string.Join(all ? " AND " : " OR ", plan.Groups.Select(g =>
                "(" + string.Join(" OR ", g.Alternatives.Select(a => "(" + string.Join(" AND ", a.Select(Quote)) + ")")) + ")"));
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = bm25 ? $"SELECT rowid, {Bm25} FROM zoek WHERE zoek MATCH $m" : "SELECT rowid, 0.0 FROM zoek WHERE zoek MATCH $m";
            cmd.Parameters.AddWithValue("$m", expression);
            using var reader = cmd.ExecuteReader();
            double[]? scores = null;
            while (reader.Read())
            {
                if (scores is null)
                {
                    scores = new double[_docs.Length];
                    Array.Fill(scores, double.NaN);
                }

                scores[reader.GetInt64(0) - 1] = -reader.GetDouble(1);
            }

            return scores ?? [];
        }

        private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private Dictionary<long, IndexDocument> Load(IReadOnlyList<long> rowids)
        {
            if (rowids.Count == 0)
            {
                return [];
            }

            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"SELECT rowid, doc FROM aanbod WHERE rowid IN ({string.Join(',', rowids)})";
            using var reader = cmd.ExecuteReader();
            var result = new Dictionary<long, IndexDocument>();
            while (reader.Read())
            {
                result[reader.GetInt64(0)] = JsonSerializer.Deserialize<IndexDocument>(reader.GetString(1), Json)!;
            }

            return result;
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
}
