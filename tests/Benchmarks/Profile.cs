using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Where the time and the bytes go (measured, for BENCHMARKS.md): the parts of the index file, the reader's memory
/// after each step of opening it, the time of each stage of a search over the query mix, and the steps of a build.
/// </summary>
internal static class Profile
{
    // sk-bench profile --index DIR [--content DIR] [--queries 1000] [--seed S] [--results FILE] [--size N]
    public static async Task<int> RunAsync(Options options)
    {
        var map = options.Required("index");
        var size = options.Int("size", 0);
        var results = new Results(options.Values.GetValueOrDefault("results"), size);
        var name = File.ReadAllText(Path.Combine(map, "current")).Trim();
        var path = Path.Combine(map, name);

        Bytes(path, results);
        Memory(path, name, results);
        await QueryStagesAsync(options, map, results);
        Snippets(map);
        return 0;
    }

    /// <summary>What a snippet from the body costs: reading and decompressing the text, and marking it (cold and warm word cache).</summary>
    private static void Snippets(string map)
    {
        using var index = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = map }, new BenchClock());
        var s = index.Snapshot;
        var random = new Random(7);
        var docs = Enumerable.Range(0, 2000).Select(_ => random.Next(s.Count)).ToArray();
        var watch = Stopwatch.StartNew();
        var texts = docs.Select(d => Documents.BodyTekst(s, d)).ToArray();
        var read = watch.Elapsed.TotalMilliseconds / docs.Length;
        watch.Restart();
        foreach (var t in texts)
        {
            foreach (var token in Tokenizer.Enumerate(t))
            {
                _ = token;
            }
        }

        var tokenize = watch.Elapsed.TotalMilliseconds / docs.Length;
        var stems = new HashSet<string>(["xyzq"], StringComparer.Ordinal); // matches nothing: every word is looked at
        watch.Restart();
        foreach (var t in texts)
        {
            s.Highlighter.Mark("", () => t, stems);
        }

        var cold = watch.Elapsed.TotalMilliseconds / docs.Length;
        watch.Restart();
        foreach (var t in texts)
        {
            s.Highlighter.Mark("", () => t, stems);
        }

        var warm = watch.Elapsed.TotalMilliseconds / docs.Length;
        Console.WriteLine($"snippet from the body, per hit (2,000 random aanbod, a word that matches nothing, so the whole body is read): read + decompress {read:0.000} ms, tokenize {tokenize:0.000} ms, mark cold {cold:0.000} ms, mark warm {warm:0.000} ms");
    }

    private static void Bytes(string path, Results results)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var file = new FileInfo(path).Length;
        Console.WriteLine($"index file: {Measure.Mb(file):0.0} MB ({Scalar("PRAGMA page_count")} pages of {Scalar("PRAGMA page_size")} B, {Scalar("PRAGMA freelist_count")} free)");
        results.Add("bytes.file_mb", Measure.Mb(file), "0.0");
        var parts = new (string Key, string Sql)[]
        {
            ("stored documents (JSON, zstd + dictionary)", "SELECT sum(length(doc)) FROM docs"),
            ("body texts for snippets (zstd + dictionary)", "SELECT sum(length(tekst)) FROM docs"),
            ("internal fields", "SELECT coalesce(sum(length(doc)), 0) FROM intern"),
            ("postings (doc ids + tf, varints)", "SELECT sum(length(postings)) FROM termen"),
            ("terms (the keys of the postings)", "SELECT sum(length(term)) FROM termen"),
            ("zstd dictionaries", "SELECT sum(length(value)) FROM meta WHERE key LIKE '%dict'"),
        };
        long counted = 0;
        foreach (var (key, sql) in parts)
        {
            var bytes = Scalar(sql);
            counted += bytes;
            Console.WriteLine($"  {key,-48} {Measure.Mb(bytes),8:0.0} MB");
            results.Add($"bytes.{key}", Measure.Mb(bytes), "0.0");
        }

        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name, length(data) FROM kolommen ORDER BY 2 DESC";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var bytes = reader.GetInt64(1);
                counted += bytes;
                Console.WriteLine($"  column {reader.GetString(0),-41} {Measure.Mb(bytes),8:0.0} MB");
                results.Add($"bytes.column {reader.GetString(0)}", Measure.Mb(bytes), "0.00");
            }
        }

        Console.WriteLine($"  {"SQLite pages, indexes, row headers, free space",-48} {Measure.Mb(file - counted),8:0.0} MB");
        results.Add("bytes.sqlite overhead", Measure.Mb(file - counted), "0.0");
        Console.WriteLine($"  documents: {Scalar("SELECT count(*) FROM docs")}, terms: {Scalar("SELECT count(*) FROM termen")}, average stored document {Scalar("SELECT avg(length(doc)) FROM docs")} B");
    }

    private static void Memory(string path, string name, Results results)
    {
        var start = Measure.Memory();
        Console.WriteLine($"reader memory while opening (managed = after a full GC; RSS / peak RSS of the process): start {Measure.Mb(GC.GetTotalMemory(true)):0} MB managed, {Measure.Mb(start.Current):0} / {Measure.Mb(start.Peak):0} MB");
        var previous = GC.GetTotalMemory(true);
        var snapshot = SnapshotLoader.Open(path, name, stage =>
        {
            var peak = Measure.Memory();
            var managed = GC.GetTotalMemory(true);
            Console.WriteLine($"  after {stage,-24} +{Measure.Mb(managed - previous),6:0.0} MB managed (now {Measure.Mb(managed):0}), RSS {Measure.Mb(peak.Current):0} MB, peak {Measure.Mb(peak.Peak):0} MB");
            results.Add($"memory.{stage}", Measure.Mb(managed - previous), "0.0");
            previous = managed;
        });
        var end = Measure.Memory();
        results.Add("memory.peak_open_mb", Measure.Mb(end.Peak), "0");
        Console.WriteLine($"  opened: {snapshot.LiveCount} aanbod, {snapshot.Vocabulary.Count} words, {snapshot.Suggesties.Count} suggestions; peak RSS {Measure.Mb(end.Peak):0} MB");
        snapshot.Build.Retire();
        GC.KeepAlive(snapshot);
    }

    private static async Task QueryStagesAsync(Options options, string map, Results results)
    {
        var taxonomie = Taxonomie.Parse(await File.ReadAllTextAsync(Path.Combine(options.Get("content", "content"), ContentIndexer.TaxonomiePath)));
        var seed = options.Int("seed", 20261124);
        var queries = QueryMix.Build(taxonomie, options.Int("queries", 1000), seed);
        var warm = QueryMix.Build(taxonomie, 100, seed + 1);
        using var index = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = map }, new BenchClock());
        var watch = Stopwatch.StartNew();
        do
        {
            foreach (var q in warm)
            {
                await index.SearchAsync(q.Query);
            }
        }
        while (watch.Elapsed.TotalSeconds < 5);

        var stages = Searcher.StageTimes.Names;
        var perQuery = new double[stages.Length][];
        for (var s = 0; s < stages.Length; s++)
        {
            perQuery[s] = new double[queries.Count];
        }

        // The stages in the searching thread's CPU time: on a busy machine its wall time includes waits for a core.
        var profile = new Searcher.StageTimes(Measure.ThreadCpuMs);
        Searcher.t_profile = profile;
        var totals = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            Array.Clear(profile.Ms);
            var start = Measure.ThreadCpuMs();
            await index.SearchAsync(queries[i].Query);
            totals[i] = Measure.ThreadCpuMs() - start;
            for (var s = 0; s < stages.Length; s++)
            {
                perQuery[s][i] = profile.Ms[s];
            }
        }

        Searcher.t_profile = null;
        var all = Measure.Stats(totals);
        Console.WriteLine($"query stages over {queries.Count} queries (CPU time of the searching thread, mean / p95 / p99 ms; the whole search: {all.Mean:0.000} / {all.P95:0.000} / {all.P99:0.000}):");
        results.Add("stage.whole search", $"{all.Mean:0.000} / {all.P95:0.000} / {all.P99:0.000}");
        for (var s = 0; s < stages.Length; s++)
        {
            var st = Measure.Stats(perQuery[s]);
            Console.WriteLine($"  {stages[s],-28} {st.Mean,7:0.000} / {st.P95,7:0.000} / {st.P99,7:0.000}   ({100 * st.Mean / all.Mean:0}% of the mean)");
            results.Add($"stage.{stages[s]}", $"{st.Mean:0.000} / {st.P95:0.000} / {st.P99:0.000}");
        }

        // The slowest queries, by stage, and the same query again (is it the query, or a pause of the machine or the GC?).
        Searcher.t_profile = profile;
        foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => totals[i]).Take(10))
        {
            Array.Clear(profile.Ms);
            var start = Measure.ThreadCpuMs();
            await index.SearchAsync(queries[i].Query);
            var again = Measure.ThreadCpuMs() - start;
            Console.WriteLine($"  slow {totals[i],7:0.00} ms: " + string.Join(", ", stages.Select((n, s) => $"{perQuery[s][i]:0.00}"))
                + $"; again {again:0.00} ms: " + string.Join(", ", profile.Ms.Select(t => $"{t:0.00}")) + "  " + QueryMix.Describe(queries[i].Query));
        }

        Searcher.t_profile = null;
        Console.WriteLine($"  GC during the run: gen0/1/2 = {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (process total), pause time {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms");
    }

    /// <summary>The analysis of a build on one thread: tokenizing alone, then the analyser cold (every word new) and warm.</summary>
    private static void Analysis(IndexBatch batch, KaartContent content)
    {
        var texts = batch.Documents.Select(d => d.Document.BodyTekst).ToList();
        var watch = Stopwatch.StartNew();
        long tokens = 0;
        foreach (var t in texts)
        {
            tokens += Tokenizer.Tokenize(t).Count;
        }

        Console.WriteLine($"  tokenize the bodies: {watch.Elapsed.TotalSeconds:0.00} s, {tokens} tokens, {watch.Elapsed.TotalMilliseconds * 1e6 / tokens:0} ns per token");
        var analyser = new DocumentAnalyser(new DutchAnalyzer(new Decompounder(content.Woorden.Contains)), content.Taxonomie!,
            SearchKnowledge.FrasenVan(content.Synoniemen, content.Situaties));
        for (var pass = 0; pass < 2; pass++)
        {
            watch.Restart();
            foreach (var d in batch.Documents)
            {
                analyser.Analyse(d.Document);
            }

            Console.WriteLine($"  DocumentAnalyser.Analyse, {(pass == 0 ? "cold" : "warm")}: {watch.Elapsed.TotalSeconds:0.00} s ({watch.Elapsed.TotalMilliseconds * 1000 / batch.Documents.Count:0} µs per aanbod)");
        }
    }

    /// <summary>What a body costs: its plain text (what a build makes) and its HTML (what the aanbod page makes when shown),
    /// one thread, twice (cold, warm).</summary>
    private static void Render(IReadOnlyList<Aanbod> aanbod)
    {
        var bodies = aanbod.Select(a => a.BodyMarkdown).ToList();
        for (var pass = 0; pass < 2; pass++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var body in bodies)
            {
                MarkdownRenderer.Tekst(body);
            }

            var tekst = watch.Elapsed;
            watch.Restart();
            foreach (var body in bodies)
            {
                MarkdownRenderer.Html(body);
            }

            var html = watch.Elapsed;
            Console.WriteLine($"  {(pass == 0 ? "cold" : "warm")}, {bodies.Count} bodies of {bodies.Sum(b => (long)b.Length) / Math.Max(1, bodies.Count)} characters on average: "
                + $"plain text {tekst.TotalSeconds:0.00} s ({tekst.TotalMilliseconds * 1000 / bodies.Count:0} µs each), HTML (Markdig, narrowed, HtmlSanitizer) {html.TotalSeconds:0.00} s ({html.TotalMilliseconds * 1000 / bodies.Count:0} µs each)");
        }
    }

    /// <summary>Compression of the stored documents: level, dictionary training, size and time (one thread).</summary>
    private static void Zstd(IndexBatch batch)
    {
        var docs = batch.Documents.Select(d => DocumentAnalyser.StoredJson(d.Document)).ToList();
        var step = Math.Max(1, docs.Count / 3000);
        var samples = docs.Where((_, i) => i % step == 0).ToList();
        var raw = docs.Sum(d => (long)d.Length);
        foreach (var (label, train) in new (string, Func<byte[]>)[]
        {
            ("no dictionary", () => []),
            ("cover", () => ZstdSharp.DictBuilder.TrainFromBuffer(samples, 112 * 1024)),
            ("fastcover", () => ZstdSharp.DictBuilder.TrainFromBufferFastCover(samples, 3, 112 * 1024).ToArray()),
        })
        {
            var watch = Stopwatch.StartNew();
            var dict = train();
            var trainMs = watch.ElapsedMilliseconds;
            foreach (var level in new[] { 1, 3, 6 })
            {
                using var c = new ZstdSharp.Compressor(level);
                if (dict.Length > 0)
                {
                    c.LoadDictionary(dict);
                }

                watch.Restart();
                long size = 0;
                foreach (var d in docs)
                {
                    size += c.Wrap(d).Length;
                }

                Console.WriteLine($"  {label,-14} (train {trainMs} ms) level {level}: {Measure.Mb(size):0.0} MB of {Measure.Mb(raw):0.0} MB, {raw / 1e6 / watch.Elapsed.TotalSeconds:0} MB/s");
            }
        }
    }

    // sk-bench profile-build --size N [--content DIR] [--seed S] [--index DIR]
    public static async Task<int> BuildAsync(Options options)
    {
        var size = options.Int("size", 10_000);
        var map = options.Get("index", Path.Combine(Path.GetTempPath(), "sk-profile-" + Guid.NewGuid().ToString("N")));
        var store = new LocalContentStore(options.Get("content", "content"));
        var content = await new ContentIndexer(store).ReadAsync();
        var synoniemen = await store.ReadAsync(ContentIndexer.SynoniemenPath) ?? "";
        var pc4 = await store.ReadAsync(ContentIndexer.PostcodesPath) ?? "";
        var generator = new CorpusGenerator(content, pc4);
        var aanbod = generator.Generate(size, options.Int("seed", 20261124));
        if (options.Flag("render"))
        {
            Render(aanbod);
            return 0;
        }

        var batch = ContentIndexer.Batch(generator.WithAanbod(aanbod, synoniemen));
        if (options.Flag("zstd"))
        {
            Zstd(batch);
            return 0;
        }

        if (options.Flag("analysis"))
        {
            Analysis(batch, content);
            return 0;
        }

        var writer = new SqliteIndexWriter(new EmbeddedIndexOptions { Map = map }, new DutchAnalyzer(new Decompounder(content.Woorden.Contains)), TimeProvider.System);
        BuildWriter.Profile = [];
        var cpu = Measure.ProcessCpuSeconds();
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var watch = Stopwatch.StartNew();
        await writer.RebuildAsync(batch);
        var total = watch.Elapsed;
        Console.WriteLine($"RebuildAsync of {size} aanbod: {total.TotalSeconds:0.00} s wall, {Measure.ProcessCpuSeconds() - cpu:0.0} s process CPU (all threads), GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.0} s, load average at the start {load}");
        Console.WriteLine($"  allocated {Measure.Mb(GC.GetTotalAllocatedBytes(precise: true) - allocated):0} MB; collections gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}; managed heap after {Measure.Mb(GC.GetTotalMemory(forceFullCollection: false)):0} MB");
        foreach (var (step, time) in BuildWriter.Profile)
        {
            Console.WriteLine($"  {step,-48} {time.TotalSeconds,6:0.00} s");
        }

        var (analyse, json, compress) = BuildWriter.CpuTimes;
        Console.WriteLine($"    time summed over the parallel workers (includes waiting for a core): analysis {analyse.TotalSeconds:0.00} s, JSON {json.TotalSeconds:0.00} s, zstd {compress.TotalSeconds:0.00} s");
        Console.WriteLine($"  {"fsync, pointer swap",-48} {(total - BuildWriter.Profile.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b)).TotalSeconds,6:0.00} s");
        BuildWriter.Profile = null;
        if (!options.Values.ContainsKey("index"))
        {
            Directory.Delete(map, recursive: true);
        }

        return 0;
    }
}
