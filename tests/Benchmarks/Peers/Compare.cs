using System.Diagnostics;
using System.Globalization;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks.Peers;

/// <summary>
/// Our engine beside Lucene.Net and PostgreSQL full-text search, on the same corpus (same generator and seed) and the
/// same query mix, in one process: the engines take turns per block of queries (the order rotating per block), and the
/// whole mix is repeated, so a noisy moment of the machine hits every engine alike.
/// </summary>
internal static class Compare
{
    // sk-bench peers-build --size N --lucene DIR [--pg CONNECTION] [--content DIR] [--seed S] [--results FILE]
    public static async Task<int> BuildAsync(Options options)
    {
        var size = options.Int("size", 10_000);
        var results = new Results(options.Values.GetValueOrDefault("results"), size);
        var store = new LocalContentStore(options.Get("content", "content"));
        var content = await new ContentIndexer(store).ReadAsync();
        var synoniemen = await store.ReadAsync(ContentIndexer.SynoniemenPath) ?? "";
        var pc4 = await store.ReadAsync(ContentIndexer.PostcodesPath) ?? "";
        var generator = new CorpusGenerator(content, pc4);
        var batch = ContentIndexer.Batch(generator.WithAanbod(generator.Generate(size, options.Int("seed", 20261124)), synoniemen));
        var taxonomie = content.Taxonomie!;

        var lucene = options.Required("lucene");
        Directory.CreateDirectory(lucene);
        var watch = Stopwatch.StartNew();
        LucenePeer.Build(batch, lucene, taxonomie);
        var bytes = Directory.GetFiles(lucene).Sum(f => new FileInfo(f).Length);
        Console.Error.WriteLine($"[{size}] Lucene.Net: built in {watch.Elapsed.TotalSeconds:0.0} s, {Measure.Mb(bytes):0.0} MB");
        results.Add("peer.lucene.build_s", watch.Elapsed.TotalSeconds, "0.0");
        results.Add("peer.lucene.file_mb", Measure.Mb(bytes), "0.0");

        if (options.Values.TryGetValue("pg", out var pg))
        {
            watch.Restart();
            PostgresPeer.Build(batch, pg, taxonomie);
            using var peer = PostgresPeer.Open(pg, []);
            var pgBytes = peer.Bytes();
            Console.Error.WriteLine($"[{size}] PostgreSQL: built in {watch.Elapsed.TotalSeconds:0.0} s, {Measure.Mb(pgBytes):0.0} MB (table, TOAST and indexes)");
            results.Add("peer.pg.build_s", watch.Elapsed.TotalSeconds, "0.0");
            results.Add("peer.pg.file_mb", Measure.Mb(pgBytes), "0.0");
        }

        return 0;
    }

    private sealed record Engine(string Key, string Name, Func<SearchQuery, int> Search);

    // sk-bench compare --size N --index DIR --lucene DIR [--pg CONNECTION] [--repeat 3] [--block 50] [--queries 1000] [--seed S] [--results FILE]
    public static async Task<int> RunAsync(Options options)
    {
        var size = options.Int("size", 10_000);
        var seed = options.Int("seed", 20261124);
        var results = new Results(options.Values.GetValueOrDefault("results"), size);
        var contentRoot = options.Get("content", "content");
        var taxonomie = Taxonomie.Parse(await File.ReadAllTextAsync(Path.Combine(contentRoot, ContentIndexer.TaxonomiePath)));
        var postcodes = Postcodes.Parse(await File.ReadAllTextAsync(Path.Combine(contentRoot, ContentIndexer.PostcodesPath))).Centres.ToDictionary();
        var queries = QueryMix.Build(taxonomie, options.Int("queries", 1000), seed);
        var warm = QueryMix.Build(taxonomie, 100, seed + 1);
        var clock = new BenchClock();

        using var ours = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = options.Required("index") }, clock);
        LucenePeer.PeerPostcodes = new Lazy<Dictionary<string, GeoPunt>>(() => postcodes);
        using var lucene = LucenePeer.Open(options.Required("lucene"));
        PostgresPeer? pg = options.Values.TryGetValue("pg", out var connection) ? PostgresPeer.Open(connection, postcodes) : null;
        try
        {
            var engines = new List<Engine>
            {
                new("ours", "Sociale Kaart (embedded)", q => ours.SearchAsync(q).GetAwaiter().GetResult().Totaal),
                new("lucene", lucene.Name, q => lucene.Search(q, Rooster.Lokaal(clock.GetUtcNow()))),
            };
            if (pg is not null)
            {
                engines.Add(new("pg", pg.Name, q => pg.Search(q, Rooster.Lokaal(clock.GetUtcNow()))));
            }

            // Warm-up: each engine its own 5 seconds (JIT, caches), also for PostgreSQL's buffers.
            foreach (var engine in engines)
            {
                var watch = Stopwatch.StartNew();
                do
                {
                    foreach (var q in warm)
                    {
                        engine.Search(q.Query);
                    }
                }
                while (watch.Elapsed.TotalSeconds < options.Int("warmup-seconds", 5));
            }

            var repeat = options.Int("repeat", 3);
            // PostgreSQL takes seconds per search at 100,000 aanbod: it may join only the first repetitions.
            var pgRepeat = Math.Min(repeat, options.Int("pg-repeat", repeat));
            var block = options.Int("block", 50);
            var times = engines.ToDictionary(e => e.Key, _ => new double[repeat][]);
            var cpu = engines.ToDictionary(e => e.Key, _ => new double[repeat][]);
            var totals = engines.ToDictionary(e => e.Key, _ => new int[queries.Count]);
            for (var r = 0; r < repeat; r++)
            {
                foreach (var e in engines)
                {
                    times[e.Key][r] = new double[queries.Count];
                    cpu[e.Key][r] = new double[queries.Count];
                }

                var taking = engines.Where(e => e.Key != "pg" || r < pgRepeat).ToList();
                for (var b = 0; b * block < queries.Count; b++)
                {
                    for (var turn = 0; turn < taking.Count; turn++)
                    {
                        var engine = taking[(b + r + turn) % taking.Count];
                        for (var i = b * block; i < Math.Min(queries.Count, (b + 1) * block); i++)
                        {
                            var cpuStart = Measure.ThreadCpuMs();
                            var start = Stopwatch.GetTimestamp();
                            totals[engine.Key][i] = engine.Search(queries[i].Query);
                            times[engine.Key][r][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                            cpu[engine.Key][r][i] = Measure.ThreadCpuMs() - cpuStart;
                        }
                    }
                }

                Console.Error.WriteLine($"[{size}] repetition {r + 1}: " + string.Join(", ", taking.Select(e => $"{e.Key} p95 {Measure.Stats(times[e.Key][r]).P95:0.00} ms")));
            }

            foreach (var (key, runs) in times.Where(t => t.Key == "pg").ToList())
            {
                times[key] = runs.Take(pgRepeat).ToArray();
            }

            foreach (var e in engines)
            {
                var all = Measure.Stats(times[e.Key].SelectMany(t => t));
                var perRun = times[e.Key].Select(t => Measure.Stats(t).P95).ToArray();
                results.Add($"cmp.{e.Key}.name", e.Name);
                results.Add($"cmp.{e.Key}.p50", all.P50, "0.00");
                results.Add($"cmp.{e.Key}.p95", all.P95, "0.00");
                results.Add($"cmp.{e.Key}.p99", all.P99, "0.00");
                results.Add($"cmp.{e.Key}.mean", all.Mean, "0.00");
                results.Add($"cmp.{e.Key}.p95_runs", string.Join(" / ", perRun.Select(p => p.ToString("0.00", CultureInfo.InvariantCulture))));
                var distance = Measure.Stats(times[e.Key].SelectMany(t => t.Where((_, i) => queries[i].Kind == QueryKind.Afstand)));
                results.Add($"cmp.{e.Key}.distance_p95", distance.P95, "0.00");
                foreach (var kind in Enum.GetValues<QueryKind>())
                {
                    var k = Measure.Stats(times[e.Key].SelectMany(t => t.Where((_, i) => queries[i].Kind == kind)));
                    results.Add($"cmp.{e.Key}.kind.{kind}", $"{k.P50:0.00} / {k.P95:0.00}");
                }

                results.Add($"cmp.{e.Key}.mean_hits", totals[e.Key].Average(), "0");
                if (e.Key != "pg")
                {
                    // The search thread's own CPU time: what the search costs without the waits of a busy machine.
                    var c = Measure.Stats(cpu[e.Key].SelectMany(t => t));
                    results.Add($"cmp.{e.Key}.cpu_p50", c.P50, "0.00");
                    results.Add($"cmp.{e.Key}.cpu_p95", c.P95, "0.00");
                    results.Add($"cmp.{e.Key}.cpu_distance_p95", Measure.Stats(cpu[e.Key].SelectMany(t => t.Where((_, i) => queries[i].Kind == QueryKind.Afstand))).P95, "0.00");
                }
                Console.Error.WriteLine($"[{size}] {e.Name}: p50 {all.P50:0.00} ms, p95 {all.P95:0.00} ms (per repetition {string.Join(" / ", perRun.Select(p => p.ToString("0.00", CultureInfo.InvariantCulture)))}), p99 {all.P99:0.00} ms, distance p95 {distance.P95:0.00} ms, mean hits {totals[e.Key].Average():0}");
            }

            foreach (var e in engines.Skip(1))
            {
                var ratios = Enumerable.Range(0, e.Key == "pg" ? pgRepeat : repeat).Select(r => Measure.Stats(times["ours"][r]).P95 / Measure.Stats(times[e.Key][r]).P95).ToArray();
                results.Add($"cmp.ratio.{e.Key}", $"{ratios.Average():0.00} ({string.Join(" / ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))})");
                if (e.Key != "pg")
                {
                    var cpuRatios = Enumerable.Range(0, repeat).Select(r => Measure.Stats(cpu["ours"][r]).P95 / Measure.Stats(cpu[e.Key][r]).P95).ToArray();
                    results.Add($"cmp.cpu_ratio.{e.Key}", $"{cpuRatios.Average():0.00} ({string.Join(" / ", cpuRatios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))})");
                }
                Console.Error.WriteLine($"[{size}] p95 ours / {e.Name}: {string.Join(" / ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}");
            }
        }
        finally
        {
            pg?.Dispose();
        }

        return 0;
    }

    // sk-bench peer-memory --lucene DIR --size N [--results FILE]: the peak resident set of a Lucene.Net reader over the mix, in its own process.
    public static async Task<int> MemoryAsync(Options options)
    {
        var size = options.Int("size", 10_000);
        var results = new Results(options.Values.GetValueOrDefault("results"), size);
        var contentRoot = options.Get("content", "content");
        var taxonomie = Taxonomie.Parse(await File.ReadAllTextAsync(Path.Combine(contentRoot, ContentIndexer.TaxonomiePath)));
        var postcodes = Postcodes.Parse(await File.ReadAllTextAsync(Path.Combine(contentRoot, ContentIndexer.PostcodesPath))).Centres.ToDictionary();
        LucenePeer.PeerPostcodes = new Lazy<Dictionary<string, GeoPunt>>(() => postcodes);
        var clock = new BenchClock();
        using var lucene = LucenePeer.Open(options.Required("lucene"));
        var afterOpen = Measure.Memory();
        foreach (var q in QueryMix.Build(taxonomie, options.Int("queries", 1000), options.Int("seed", 20261124)))
        {
            lucene.Search(q.Query, Rooster.Lokaal(clock.GetUtcNow()));
        }

        var end = Measure.Memory();
        results.Add("peer.lucene.peak_open_mb", Measure.Mb(afterOpen.Peak), "0");
        results.Add("peer.lucene.peak_end_mb", Measure.Mb(end.Peak), "0");
        Console.Error.WriteLine($"[{size}] Lucene.Net reader: peak {Measure.Mb(afterOpen.Peak):0} MB after open, {Measure.Mb(end.Peak):0} MB after the mix");
        return 0;
    }
}
