using System.Diagnostics;
using System.Globalization;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Incremental updates (publishing): how long from <c>UpdateAsync</c> until a search finds the change, in this process
/// and in another process that has the same index folder open; and what updates streaming in do to search latency.
/// </summary>
internal static class Updates
{
    // sk-bench updates --index DIR [--real] [--content DIR] [--updates 100] [--stream-seconds 30] [--size N] [--results FILE]
    public static async Task<int> RunAsync(Options options)
    {
        var contentRoot = options.Get("content", "content");
        var store = new LocalContentStore(contentRoot);
        var content = await new ContentIndexer(store).ReadAsync();
        var map = options.Required("index");
        var real = options.Flag("real");
        if (real)
        {
            // The real content (172 aanbod) in a fresh index of its own.
            if (Directory.Exists(map))
            {
                Directory.Delete(map, recursive: true);
            }

            var analyzerForBuild = new DutchAnalyzer(new Decompounder(content.Woorden.Contains));
            using var builder = new SqliteIndexWriter(new EmbeddedIndexOptions { Map = map }, analyzerForBuild, TimeProvider.System);
            await builder.RebuildAsync(ContentIndexer.Batch(content));
        }

        var options2 = new EmbeddedIndexOptions { Map = map };
        using var index = new SqliteSearchIndex(options2, new BenchClock());
        var size = real ? index.Count : options.Int("size", index.Count);
        var results = new Results(options.Values.GetValueOrDefault("results"), size);
        var analyzer = new DutchAnalyzer(new Decompounder(content.Woorden.Contains));
        using var writer = new SqliteIndexWriter(options2, analyzer, TimeProvider.System);
        var ids = index.Snapshot.Columns.Ids.Take(index.Count).ToArray();
        var random = new Random(20261124);
        var count = options.Int("updates", 100);
        var label = real ? $"{size} (real content)" : size.ToString("N0", CultureInfo.InvariantCulture);

        // A change an organisation makes: its samenvatting gets a new word (unique, so a search can tell it is there).
        async Task<(string Marker, IndexUpdate Update)> ChangeAsync()
        {
            var id = ids[random.Next(ids.Length)];
            var detail = (await index.GetAsync(id, metIntern: true))!;
            // Random letters: far (in edits) from every other word, so typo tolerance cannot find it before it is there.
            var marker = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + random.Next(26))));
            var doc = detail.Document with { Aanbod = detail.Document.Aanbod with { Samenvatting = detail.Document.Aanbod.Samenvatting + " " + marker } };
            return (marker, new IndexUpdate([new IndexInput(doc, detail.Intern)], []));
        }

        // 1. In this process: UpdateAsync, then the first search that finds it.
        var warm = await ChangeAsync();
        await writer.UpdateAsync(warm.Update);
        var local = new List<double>();
        var updateOnly = new List<double>();
        SnapshotUpdate.Profile = [];
        for (var i = 0; i < count; i++)
        {
            var (marker, update) = await ChangeAsync();
            var start = Stopwatch.GetTimestamp();
            await writer.UpdateAsync(update);
            updateOnly.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            while ((await index.SearchAsync(new SearchQuery { Tekst = marker })).Totaal == 0)
            {
                await Task.Delay(1);
            }

            local.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Report(results, "update.local", local, $"[{label}] update → searchable in this process");
        foreach (var (step, time) in SnapshotUpdate.Profile)
        {
            Console.Error.WriteLine($"    applying an update to the reader's snapshot, {step}: {time.TotalMilliseconds / count:0.000} ms per update");
            results.Add($"apply.{step}", time.TotalMilliseconds / count, "0.000");
        }

        SnapshotUpdate.Profile = null;
        Report(results, "update.write", updateOnly, $"[{label}] UpdateAsync alone (analyse, log commit with fsync)");

        // 2. In another process that has the index open and polls (as a second portal instance would).
        using (var watcher = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["watch", "--index", map])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!)
        {
            await watcher.StandardOutput.ReadLineAsync(); // "ready": it has opened the index
            var remote = new List<double>();
            for (var i = 0; i < count; i++)
            {
                // The watcher found the last change at one of its polls: start the next one at a random moment after it,
                // else every change would start just after a poll and wait the whole interval.
                await Task.Delay(random.Next(300));
                var (marker, update) = await ChangeAsync();
                var start = DateTime.UtcNow.Ticks;
                await watcher.StandardInput.WriteLineAsync(marker);
                await watcher.StandardInput.FlushAsync();
                await writer.UpdateAsync(update);
                var seen = long.Parse((await watcher.StandardOutput.ReadLineAsync())!, CultureInfo.InvariantCulture);
                remote.Add((seen - start) / (double)TimeSpan.TicksPerMillisecond);
            }

            watcher.StandardInput.Close();
            await watcher.WaitForExitAsync();
            Report(results, "update.remote", remote, $"[{label}] update → searchable in another process (polls every 250 ms)");
        }

        // 3. Search latency while one update a second streams in, against the same time without.
        var taxonomie = content.Taxonomie!;
        var queries = QueryMix.Build(taxonomie, 1000, 20261124);
        var seconds = options.Int("stream-seconds", 30);
        var run = 0;
        foreach (var withUpdates in new[] { false, true, false, true })
        {
            run++;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var applied = 0;
            var updater = withUpdates
                ? Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var (_, update) = await ChangeAsync();
                        await writer.UpdateAsync(update);
                        applied++;
                        try
                        {
                            await Task.Delay(1000, stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                        }
                    }
                })
                : Task.CompletedTask;
            var times = new List<double>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await index.SearchAsync(queries[i % queries.Count].Query);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            await updater;
            var key = (withUpdates ? "stream.with." : "stream.without.") + ((run + 1) / 2).ToString(CultureInfo.InvariantCulture);
            Report(results, key, times, $"[{label}] searches {(withUpdates ? $"while {applied} updates streamed in (1/s)" : "without updates")}, {seconds} s");
        }

        return 0;
    }

    private static void Report(Results results, string key, List<double> times, string label)
    {
        var s = Measure.Stats(times);
        results.Add(key, $"{s.P50:0.00} / {s.P95:0.00} / {s.Max:0.00} ({s.Count})");
        Console.Error.WriteLine($"{label}: p50 {s.P50:0.00} ms, p95 {s.P95:0.00} ms, max {s.Max:0.00} ms ({s.Count})");
    }

    // sk-bench watch --index DIR: searches all the time (as a busy portal instance would); reads a word per line and
    // prints the moment (UTC ticks) its searches first find it.
    public static async Task<int> WatchAsync(Options options)
    {
        using var index = new SqliteSearchIndex(new EmbeddedIndexOptions { Map = options.Required("index") }, TimeProvider.System);
        await index.SearchAsync(new SearchQuery { Tekst = "hulp" });
        Console.WriteLine("ready");
        string? marker = null;
        var input = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line)
            {
                Volatile.Write(ref marker, line);
            }

            Volatile.Write(ref marker, "");
        });
        while (Volatile.Read(ref marker) is not "")
        {
            var current = Volatile.Read(ref marker);
            if (current is null)
            {
                await index.SearchAsync(new SearchQuery { Tekst = "hulp" });
            }
            else if ((await index.SearchAsync(new SearchQuery { Tekst = current })).Totaal > 0)
            {
                Console.WriteLine(DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture));
                Interlocked.CompareExchange(ref marker, null, current);
            }

            await Task.Delay(5);
        }

        await input;
        return 0;
    }
}
