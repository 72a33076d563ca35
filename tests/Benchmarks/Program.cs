using System.Diagnostics;
using System.Globalization;
using SocialeKaart.Benchmarks;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

// sk-bench index  --size N --index DIR [--content DIR] [--seed S] [--results FILE]
// sk-bench query  --size N --index DIR [--content DIR] [--queries 1000] [--warmup 100] [--warmup-seconds 5] [--seed S] [--threads 2] [--results FILE]
// sk-bench report --results FILE
// sk-bench mix [--queries 1000] [--seed S] [--list]          (the make-up of the query mix)
// sk-bench plan --index DIR --text "ik heb schulden"         (how the planner reads a text)
// sk-bench melding --url URL [--clients 16] [--warmup-seconds 10] [--seconds 30]   (the melding wizard of a running portal under load)
// sk-bench publish --url URL [--approvals 100] [--searchers 2]   (approve → searchable through a running portal's pages)
// sk-bench login --url URL --email E --password P [--rounds 200]   (does a failed login tell whether an account exists?)
// sk-bench relevantie [--root DIR] [--missers] [--deel A|C]   (the graded test collection of the search, tests/Relevantie)
// Run each size (and index and query) in its own process so that peak memory figures do not mix; scripts/bench.sh does that.
var command = args.Length > 0 ? args[0] : "help";
var options = Options.Parse(args.Skip(1).ToArray());
try
{
    return command switch
    {
        "index" => await Bench.IndexAsync(options),
        "query" => await Bench.QueryAsync(options),
        "report" => Bench.Report(options),
        "plan" => Bench.Plan(options),
        "mix" => Bench.Mix(options),
        "melding" => await MeldingLoad.RunAsync(options),
        "login" => await LoginTiming.RunAsync(options),
        "publish" => await Publishing.RunAsync(options),
        "profile" => await Profile.RunAsync(options),
        "updates" => await Updates.RunAsync(options),
        "watch" => await Updates.WatchAsync(options),
        "peers-build" => await SocialeKaart.Benchmarks.Peers.Compare.BuildAsync(options),
        "compare" => await SocialeKaart.Benchmarks.Peers.Compare.RunAsync(options),
        "peer-memory" => await SocialeKaart.Benchmarks.Peers.Compare.MemoryAsync(options),
        "profile-build" => await Profile.BuildAsync(options),
        "relevantie" => await RelevantieRapport.RunAsync(options),
        _ => Bench.Help(),
    };
}
catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
{
    await Console.Error.WriteLineAsync("sk-bench: " + e.Message);
    return 2;
}

namespace SocialeKaart.Benchmarks
{
    internal sealed record Options(Dictionary<string, string> Values, HashSet<string> Flags)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var flags = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"onbekend argument '{args[i]}'");
                }

                var key = args[i][2..];
                if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    values[key] = args[++i];
                }
                else
                {
                    flags.Add(key);
                }
            }

            return new Options(values, flags);
        }

        public string Get(string key, string fallback) => Values.GetValueOrDefault(key, fallback);

        public string Required(string key) => Values.TryGetValue(key, out var v) ? v : throw new ArgumentException($"--{key} ontbreekt");

        public int Int(string key, int fallback) => Values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        public bool Flag(string key) => Flags.Contains(key);
    }

    /// <summary>A clock that starts at a fixed Dutch moment (a Tuesday morning) and then runs with real time, so "open nu" is deterministic but still recomputed every minute as in production.</summary>
    internal sealed class BenchClock : TimeProvider
    {
        private readonly DateTimeOffset _start = new(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(1));
        private readonly long _started = Stopwatch.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => _start.ToUniversalTime() + Stopwatch.GetElapsedTime(_started);
    }

    internal static class Bench
    {
        // Used only when content/synoniemen.txt is missing: the rules of content/README.md and the test suite.
        private const string FallbackSynoniemen = """
            schulden, geldzorgen, geldproblemen, betalingsachterstand
            alleen, niemand om mee te praten => eenzaamheid
            baan, werk, vacature
            """;

        public static int Help()
        {
            Console.WriteLine("""
                sk-bench index  --size N --index DIR [--content DIR] [--seed S] [--results FILE]
                sk-bench query  --size N --index DIR [--content DIR] [--queries 1000] [--warmup 100] [--warmup-seconds 5] [--seed S] [--threads 2] [--results FILE]
                sk-bench report --results FILE
                sk-bench mix    [--queries 1000] [--seed S] [--list]
                sk-bench plan   --index DIR --text TEXT
                sk-bench melding --url URL [--clients 16] [--warmup-seconds 10] [--seconds 30]
                sk-bench relevantie [--root DIR] [--missers] [--deel A|C]
                """);
            return 1;
        }

        /// <summary>Shows how the query planner reads a text against an index (for looking into a slow or surprising query).</summary>
        public static int Plan(Options options)
        {
            using var index = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = options.Required("index") }, TimeProvider.System);
            var plan = index.Snapshot.Planner.Plan(options.Required("text"));
            foreach (var g in plan.Groups)
            {
                Console.WriteLine($"{g.Woorden}: " + string.Join(" OR ", g.Alternatives.Select(a => "(" + string.Join(" AND ", a) + ")")));
            }

            Console.WriteLine($"niet gevonden: {string.Join(", ", plan.NietGevonden)}; bedoelde u: {plan.BedoeldeU}");
            return 0;
        }

        /// <summary>Describes the query mix (no index needed): its make-up and, with --list, every query.</summary>
        public static int Mix(Options options)
        {
            var taxonomie = Taxonomie.Parse(File.ReadAllText(Path.Combine(options.Get("content", "content"), ContentIndexer.TaxonomiePath)));
            var queries = QueryMix.Build(taxonomie, options.Int("queries", 1000), options.Int("seed", 20261124));
            Console.WriteLine($"{queries.Count} queries, {queries.Select(q => q.Query.Tekst).Distinct().Count()} distinct texts");
            foreach (var g in queries.GroupBy(q => q.Kind).OrderBy(g => g.Key))
            {
                Console.WriteLine($"  {g.Key}: {g.Count()}");
            }

            Console.WriteLine($"  with facet filters: {queries.Count(q => q.Query.Filters.Count > 0)} (one facet: {queries.Count(q => q.Query.Filters.Count == 1)}, two: {queries.Count(q => q.Query.Filters.Count == 2)})");
            Console.WriteLine($"  with postcode: {queries.Count(q => q.Query.Postcode is not null)} (with radius: {queries.Count(q => q.Query.StraalKm is not null)})");
            Console.WriteLine($"  empty text: {queries.Count(q => q.Query.Tekst.Length == 0)}");
            Console.WriteLine($"  pages 1/2/3: {queries.Count(q => q.Query.Pagina == 1)}/{queries.Count(q => q.Query.Pagina == 2)}/{queries.Count(q => q.Query.Pagina == 3)}");
            foreach (var g in queries.SelectMany(q => q.Query.Filters.Keys).GroupBy(k => k).OrderByDescending(g => g.Count()))
            {
                Console.WriteLine($"  filter {g.Key}: {g.Count()}");
            }

            if (options.Flag("list"))
            {
                foreach (var q in queries)
                {
                    Console.WriteLine($"{q.Kind,-12} {QueryMix.Describe(q.Query)}");
                }
            }

            return 0;
        }

        public static int Report(Options options)
        {
            Console.Write(Results.Report(options.Required("results")));
            return 0;
        }

        private static async Task<(KaartContent Content, string Synoniemen, bool Fallback, string Pc4)> ReadContentAsync(string root)
        {
            var store = new LocalContentStore(root);
            var content = await new ContentIndexer(store).ReadAsync();
            var synoniemen = await store.ReadAsync(ContentIndexer.SynoniemenPath);
            var pc4 = await store.ReadAsync(ContentIndexer.PostcodesPath) ?? throw new InvalidOperationException($"{ContentIndexer.PostcodesPath} ontbreekt in {root}");
            return (content, synoniemen ?? FallbackSynoniemen, synoniemen is null, pc4);
        }

        public static async Task<int> IndexAsync(Options options)
        {
            var size = options.Int("size", 10_000);
            var seed = options.Int("seed", 20261124);
            var map = options.Required("index");
            var results = new Results(options.Values.GetValueOrDefault("results"), size);

            var watch = Stopwatch.StartNew();
            var (content, synoniemen, fallback, pc4) = await ReadContentAsync(options.Get("content", "content"));
            var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            var readSeconds = watch.Elapsed.TotalSeconds;
            var generator = new CorpusGenerator(content, pc4);
            watch.Restart();
            var aanbod = generator.Generate(size, seed);
            var generateSeconds = watch.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"[{size}] content read in {readSeconds:0.0} s ({content.Aanbod.Count} aanbod, {content.Problems.Count} problems, {content.Woorden.Count} words); corpus generated in {generateSeconds:0.0} s");
            if (fallback)
            {
                results.Add("note.synoniemen", "content/synoniemen.txt is missing: a 3-rule fallback list was used (see Program.cs)");
            }

            // The indexer's steps: Batch renders Markdown and derives the documents, RebuildAsync analyses and writes.
            var kaart = generator.WithAanbod(aanbod, synoniemen);
            var batchCpuBefore = Measure.ProcessCpuSeconds();
            var pauseBefore = GC.GetTotalPauseDuration();
            watch.Restart();
            var batch = ContentIndexer.Batch(kaart);
            var batchSeconds = watch.Elapsed.TotalSeconds;
            results.Add("index.batch_cpu_s", Measure.ProcessCpuSeconds() - batchCpuBefore, "0.0");
            results.Add("index.batch_gc_pause_s", (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds, "0.0");
            var afterBatch = Measure.Memory();

            var analyzer = new DutchAnalyzer(new Decompounder(content.Woorden.Contains));
            using var writer = new SqliteIndexWriter(new EmbeddedIndexOptions { Map = map }, analyzer, TimeProvider.System);
            var cpuBefore = Measure.ProcessCpuSeconds();
            pauseBefore = GC.GetTotalPauseDuration();
            watch.Restart();
            var build = await writer.RebuildAsync(batch);
            var rebuildSeconds = watch.Elapsed.TotalSeconds;
            results.Add("index.rebuild_cpu_s", Measure.ProcessCpuSeconds() - cpuBefore, "0.0");
            results.Add("index.rebuild_gc_pause_s", (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds, "0.0");
            results.Add("index.load_average", loadAverage);
            var afterRebuild = Measure.Memory();
            var managed = GC.GetTotalMemory(forceFullCollection: false);

            var fileBytes = new FileInfo(build.Locatie).Length;
            var vocabulary = CountVocabulary(map);
            var total = batchSeconds + rebuildSeconds;
            Console.Error.WriteLine($"[{size}] Batch {batchSeconds:0.00} s, RebuildAsync {rebuildSeconds:0.00} s, {size / total:0} docs/s, {Measure.Mb(fileBytes):0.0} MB, {vocabulary} words");

            results.Add("index.generate_s", generateSeconds, "0.00");
            results.Add("index.batch_s", batchSeconds, "0.00");
            results.Add("index.rebuild_s", rebuildSeconds, "0.00");
            results.Add("index.total_s", total, "0.00");
            results.Add("index.docs_per_s", size / total, "0");
            results.Add("index.file_mb", Measure.Mb(fileBytes), "0.0");
            results.Add("index.vocabulary", vocabulary.ToString("N0", CultureInfo.InvariantCulture));
            results.Add("mem.index.peak_batch_mb", Measure.Mb(afterBatch.Peak), "0");
            results.Add("mem.index.peak_rebuild_mb", Measure.Mb(afterRebuild.Peak), "0");
            results.Add("mem.index.managed_rebuild_mb", Measure.Mb(managed), "0");

            GC.KeepAlive(batch);
            return 0;
        }

        private static long CountVocabulary(string map)
        {
            using var index = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = map }, TimeProvider.System);
            return index.Snapshot.Vocabulary.Count;
        }

        private static void RecordMachine(Results results, string map)
        {
            var cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
                : "?";
            var ram = File.Exists("/proc/meminfo")
                ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
                : "?";
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT sqlite_version()";
            results.Add("env.machine", $"{Environment.ProcessorCount} logical CPUs ({cpu}), {ram} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            results.Add("env.runtime", $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, SQLite {cmd.ExecuteScalar()}");
        }

        /// <summary>How realistic the corpus is: the share of aanbod a few common searches find, in the corpus and in the real content.</summary>
        private static async Task CompareWithRealContentAsync(string root, SqliteSearchIndex synthetic, Results results)
        {
            var (content, synoniemen, _, _) = await ReadContentAsync(root);
            var map = Path.Combine(Path.GetTempPath(), "sk-bench-real-" + Guid.NewGuid().ToString("N"));
            try
            {
                var options = new EmbeddedIndexOptions { Map = map };
                var writer = new SqliteIndexWriter(options, new DutchAnalyzer(new Decompounder(content.Woorden.Contains)), TimeProvider.System);
                await writer.RebuildAsync(ContentIndexer.Batch(content with { Synoniemen = synoniemen }));
                using var real = new SqliteSearchIndex(options, new BenchClock());
                foreach (var term in new[] { "hulp", "werk", "schulden", "eenzaam", "mantelzorg", "huishoudelijke hulp", "opvoeding", "buurthuis", "" })
                {
                    var q = new SearchQuery { Tekst = term, Filters = term.Length == 0 ? new Dictionary<string, IReadOnlyList<string>> { [Facetten.Toegang] = [Facetten.AchterHetLoket] } : new Dictionary<string, IReadOnlyList<string>>() };
                    var s = await synthetic.SearchAsync(q);
                    var r = await real.SearchAsync(q);
                    var label = term.Length == 0 ? "(toegang = achter-het-loket)" : term;
                    results.Add($"real.{label}", $"{100.0 * s.Totaal / synthetic.Count:0.0}% | {100.0 * r.Totaal / real.Count:0.0}% (of {real.Count})");
                }
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(map, recursive: true);
            }
        }

        public static async Task<int> QueryAsync(Options options)
        {
            var size = options.Int("size", 10_000);
            var seed = options.Int("seed", 20261124);
            var count = options.Int("queries", 1000);
            var warmup = options.Int("warmup", 100);
            var threads = options.Int("threads", 2);
            var map = options.Required("index");
            var results = new Results(options.Values.GetValueOrDefault("results"), size);
            var taxonomie = Taxonomie.Parse(await File.ReadAllTextAsync(Path.Combine(options.Get("content", "content"), ContentIndexer.TaxonomiePath)));

            var warmQueries = QueryMix.Build(taxonomie, warmup, seed + 1);
            var queries = QueryMix.Build(taxonomie, count, seed);

            RecordMachine(results, map);
            using var index = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = map }, new BenchClock());

            // The first search opens the index file and loads the kenmerken of every aanbod.
            var watch = Stopwatch.StartNew();
            await index.SearchAsync(new SearchQuery { Tekst = "hulp" });
            var first = watch.Elapsed.TotalMilliseconds;
            var afterOpen = Measure.Memory();
            if (index.Count != size)
            {
                results.Add("note.count", $"the index holds {index.Count} aanbod, expected {size}");
            }

            // Warm-up: the warm-up queries (another seed than the measured ones), repeated until the JIT has had time to
            // compile the hot paths at full optimisation (tiered compilation promotes methods after 30 calls, in the background).
            var warmupSeconds = options.Int("warmup-seconds", 5);
            var warmWatch = Stopwatch.StartNew();
            var warmRuns = 0;
            do
            {
                foreach (var q in warmQueries)
                {
                    await index.SearchAsync(q.Query);
                    warmRuns++;
                }
            }
            while (warmWatch.Elapsed.TotalSeconds < warmupSeconds);

            results.Add("query.warmup", $"{warmRuns} searches in {warmWatch.Elapsed.TotalSeconds:0.0} s");

            // Measured: one thread, each query alone.
            var gc0 = GC.CollectionCount(0);
            var gc1 = GC.CollectionCount(1);
            var gc2 = GC.CollectionCount(2);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var times = new double[queries.Count];
            var cpu = new double[queries.Count];
            var totals = new int[queries.Count];
            var run = Stopwatch.StartNew();
            for (var i = 0; i < queries.Count; i++)
            {
                var cpuStart = Measure.ThreadCpuMs();
                var start = Stopwatch.GetTimestamp();
                var r = await index.SearchAsync(queries[i].Query);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                cpu[i] = Measure.ThreadCpuMs() - cpuStart;
                totals[i] = r.Totaal;
            }

            var runSeconds = run.Elapsed.TotalSeconds;
            var allocatedPerQuery = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)queries.Count;
            var gc = $"{GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2}";

            var stats = Measure.Stats(times);
            results.Add("query.count", stats.Count.ToString(CultureInfo.InvariantCulture));
            results.Add("query.p50_ms", stats.P50, "0.00");
            results.Add("query.p95_ms", stats.P95, "0.00");
            results.Add("query.p99_ms", stats.P99, "0.00");
            results.Add("query.max_ms", stats.Max, "0.00");
            results.Add("query.mean_ms", stats.Mean, "0.00");
            results.Add("query.first_ms", first, "0");
            var cpuStats = Measure.Stats(cpu);
            results.Add("query.cpu_p50_ms", cpuStats.P50, "0.00");
            results.Add("query.cpu_p95_ms", cpuStats.P95, "0.00");
            results.Add("query.cpu_p99_ms", cpuStats.P99, "0.00");
            results.Add("query.qps1", queries.Count / runSeconds, "0");
            results.Add("query.gc", gc);
            results.Add("query.alloc_kb", allocatedPerQuery / 1024, "0");
            results.Add("query.mean_hits", totals.Average(), "0");
            foreach (var kind in Enum.GetValues<QueryKind>())
            {
                var k = Measure.Stats(times.Where((_, i) => queries[i].Kind == kind));
                results.Add($"kind.{kind}.n", k.Count.ToString(CultureInfo.InvariantCulture));
                results.Add($"kind.{kind}.p50", k.P50, "0.0");
                results.Add($"kind.{kind}.p95", k.P95, "0.0");
                results.Add($"kind.{kind}.max", k.Max, "0.0");
            }

            Console.Error.WriteLine($"[{size}] {stats.Count} queries: p50 {stats.P50:0.00} ms, p95 {stats.P95:0.00} ms, p99 {stats.P99:0.00} ms, max {stats.Max:0.00} ms, mean {stats.Mean:0.00} ms; GC {gc}; {allocatedPerQuery / 1024:0} KB/query");
            foreach (var slow in Enumerable.Range(0, queries.Count).OrderByDescending(i => times[i]).Take(8))
            {
                Console.Error.WriteLine($"    slow: {times[slow],8:0.00} ms  {totals[slow],7} hits  {QueryMix.Describe(queries[slow].Query)}");
            }

            // Throughput with several threads (informational: the targets are single-threaded latency).
            if (threads > 1)
            {
                var next = -1;
                var wall = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < queries.Count)
                    {
                        await index.SearchAsync(queries[i].Query);
                    }
                })));
                results.Add("query.qps2", queries.Count / wall.Elapsed.TotalSeconds, "0");
            }

            var end = Measure.Memory();
            results.Add("mem.query.peak_open_mb", Measure.Mb(afterOpen.Peak), "0");
            results.Add("mem.query.peak_end_mb", Measure.Mb(end.Peak), "0");
            results.Add("mem.query.managed_end_mb", Measure.Mb(GC.GetTotalMemory(forceFullCollection: false)), "0");

            await CompareWithRealContentAsync(options.Get("content", "content"), index, results);

            return 0;
        }
    }
}
