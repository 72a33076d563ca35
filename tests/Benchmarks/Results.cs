using System.Globalization;
using System.Text;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Figures are appended to a results file (one "size, key, value" line each) by every run, so that each corpus
/// size can run in its own process; <see cref="Report"/> turns the file into the markdown tables.
/// </summary>
internal sealed class Results(string? path, int size)
{
    private readonly List<(string Key, string Value)> _values = [];

    public void Add(string key, double value, string format = "0.0") => Add(key, value.ToString(format, CultureInfo.InvariantCulture));

    public void Add(string key, string value)
    {
        _values.Add((key, value));
        if (path is not null)
        {
            File.AppendAllText(path, $"{size}\t{key}\t{value.Replace('\t', ' ').Replace('\n', ' ')}\n");
        }
    }

    public static string Report(string path)
    {
        var rows = File.ReadAllLines(path).Select(l => l.Split('\t')).Where(f => f.Length == 3)
            .GroupBy(f => int.Parse(f[0], CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => (Size: g.Key, Values: g.GroupBy(f => f[1]).ToDictionary(x => x.Key, x => x.Last()[2], StringComparer.Ordinal)))
            .ToList();
        string V(Dictionary<string, string> d, string key) => d.TryGetValue(key, out var v) ? v : "–";
        string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        foreach (var (size, d) in rows.Where(r => r.Values.ContainsKey("env.machine")).Take(1))
        {
            sb.AppendLine($"Machine: {V(d, "env.machine")}. Runtime: {V(d, "env.runtime")}.");
            sb.AppendLine();
        }

        sb.AppendLine("### Indexing (one process per size: generate → ContentIndexer.Batch → SqliteIndexWriter.RebuildAsync)");
        sb.AppendLine();
        sb.AppendLine("| aanbod | generate (s) | Batch/render (s) | Batch CPU, all threads (s) | RebuildAsync (s) | RebuildAsync CPU, all threads (s) | GC pauses Batch / Rebuild (s) | load average | Batch + Rebuild (s) | docs/s (Batch + Rebuild) | index file (MB) | vocabulary (words) | target at 100k: rebuild ≤ 30 s |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (size, d) in rows.Where(r => r.Values.ContainsKey("index.total_s")))
        {
            var total = double.Parse(d["index.total_s"], CultureInfo.InvariantCulture);
            var target = size >= 100_000 ? (total <= 30 ? $"PASS ({total:0.0} s)" : $"FAIL ({total:0.0} s, {total / 30:0.00}× the budget)") : "n/a";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {N(size)} | {V(d, "index.generate_s")} | {V(d, "index.batch_s")} | {V(d, "index.batch_cpu_s")} | {V(d, "index.rebuild_s")} | {V(d, "index.rebuild_cpu_s")} | {V(d, "index.batch_gc_pause_s")} / {V(d, "index.rebuild_gc_pause_s")} | {V(d, "index.load_average")} | {V(d, "index.total_s")} | {V(d, "index.docs_per_s")} | {V(d, "index.file_mb")} | {V(d, "index.vocabulary")} | {target} |");
        }

        sb.AppendLine();
        sb.AppendLine("### Query latency (one thread, each query timed alone with Stopwatch, facets always computed)");
        sb.AppendLine();
        sb.AppendLine("| aanbod | queries | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | mean (ms) | CPU p50 / p95 / p99 (ms) | first query incl. open (ms) | q/s 1 thread | q/s 2 threads | target p95 | result |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (size, d) in rows.Where(r => r.Values.ContainsKey("query.p95_ms")))
        {
            var p95 = double.Parse(d["query.p95_ms"], CultureInfo.InvariantCulture);
            var target = size <= 10_000 ? 2.0 : 9.0;
            var verdict = p95 <= target ? "PASS" : $"FAIL ({p95 / target:0.00}× the target)";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {N(size)} | {V(d, "query.count")} | {V(d, "query.p50_ms")} | {V(d, "query.p95_ms")} | {V(d, "query.p99_ms")} | {V(d, "query.max_ms")} | {V(d, "query.mean_ms")} | {V(d, "query.cpu_p50_ms")} / {V(d, "query.cpu_p95_ms")} / {V(d, "query.cpu_p99_ms")} | {V(d, "query.first_ms")} | {V(d, "query.qps1")} | {V(d, "query.qps2")} | ≤ {target:0} ms | {verdict} |");
        }

        var kinds = Enum.GetNames<QueryKind>();
        sb.AppendLine();
        sb.AppendLine("### Query latency per kind of query (p50 / p95 / max, ms)");
        sb.AppendLine();
        sb.AppendLine("| aanbod | " + string.Join(" | ", kinds.Select(k => $"{k} (n)")) + " |");
        sb.AppendLine("|---:|" + string.Join("", kinds.Select(_ => "---:|")));
        foreach (var (size, d) in rows.Where(r => r.Values.ContainsKey("query.p95_ms")))
        {
            sb.AppendLine($"| {N(size)} | " + string.Join(" | ", kinds.Select(k =>
                $"{V(d, $"kind.{k}.p50")} / {V(d, $"kind.{k}.p95")} / {V(d, $"kind.{k}.max")} ({V(d, $"kind.{k}.n")})")) + " |");
        }

        sb.AppendLine();
        sb.AppendLine("### Memory (VmHWM = peak resident set of the process; managed = GC.GetTotalMemory)");
        sb.AppendLine();
        sb.AppendLine("| aanbod | indexer: peak after generate + Batch (MB) | indexer: peak after Rebuild (MB) | indexer: managed after Rebuild (MB) | reader: peak after open (MB) | reader: peak after queries (MB) | reader: managed after queries (MB) | reader: GC gen0/1/2 during run | allocated per query (KB) |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var (size, d) in rows.Where(r => r.Values.ContainsKey("mem.index.peak_batch_mb") || r.Values.ContainsKey("mem.query.peak_end_mb")))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {N(size)} | {V(d, "mem.index.peak_batch_mb")} | {V(d, "mem.index.peak_rebuild_mb")} | {V(d, "mem.index.managed_rebuild_mb")} | {V(d, "mem.query.peak_open_mb")} | {V(d, "mem.query.peak_end_mb")} | {V(d, "mem.query.managed_end_mb")} | {V(d, "query.gc")} | {V(d, "query.alloc_kb")} |");
        }

        var compared = rows.Where(r => r.Values.ContainsKey("cmp.ours.p95")).ToList();
        if (compared.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("### Side by side: our engine, Lucene.Net 4.8 and PostgreSQL FTS (one process, interleaved per block of queries, the mix repeated; one thread, facets included)");
            sb.AppendLine();
            sb.AppendLine("| aanbod | engine | p50 (ms) | p95 (ms) | p95 per repetition (ms) | p99 (ms) | distance p95 (ms) | CPU p50 / p95 (ms) | CPU distance p95 (ms) | mean hits | build (s) | index (MB) | reader peak (MB) |");
            sb.AppendLine("|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (size, d) in compared)
            {
                foreach (var (key, build, file, peak) in new[]
                {
                    ("ours", "index.rebuild_s", "index.file_mb", "mem.query.peak_end_mb"),
                    ("lucene", "peer.lucene.build_s", "peer.lucene.file_mb", "peer.lucene.peak_end_mb"),
                    ("pg", "peer.pg.build_s", "peer.pg.file_mb", "–"),
                })
                {
                    if (!d.ContainsKey($"cmp.{key}.p95"))
                    {
                        continue;
                    }

                    sb.AppendLine($"| {N(size)} | {V(d, $"cmp.{key}.name")} | {V(d, $"cmp.{key}.p50")} | {V(d, $"cmp.{key}.p95")} | {V(d, $"cmp.{key}.p95_runs")} | {V(d, $"cmp.{key}.p99")} | {V(d, $"cmp.{key}.distance_p95")} | {V(d, $"cmp.{key}.cpu_p50")} / {V(d, $"cmp.{key}.cpu_p95")} | {V(d, $"cmp.{key}.cpu_distance_p95")} | {V(d, $"cmp.{key}.mean_hits")} | {V(d, build)} | {V(d, file)} | {V(d, peak)} |");
                }
            }

            sb.AppendLine();
            sb.AppendLine("p95 ratio, ours / peer (mean of the repetitions, then each):");
            sb.AppendLine();
            foreach (var (size, d) in compared)
            {
                sb.AppendLine($"- {N(size)}: Lucene.Net {V(d, "cmp.ratio.lucene")} (CPU time: {V(d, "cmp.cpu_ratio.lucene")}); PostgreSQL {V(d, "cmp.ratio.pg")}");
            }

            sb.AppendLine();
            sb.AppendLine("Per kind of query in the comparison (p50 / p95 ms):");
            sb.AppendLine();
            sb.AppendLine("| aanbod | engine | " + string.Join(" | ", kinds) + " |");
            sb.AppendLine("|---:|---|" + string.Join("", kinds.Select(_ => "---:|")));
            foreach (var (size, d) in compared)
            {
                foreach (var key in new[] { "ours", "lucene", "pg" }.Where(k => d.ContainsKey($"cmp.{k}.p95")))
                {
                    sb.AppendLine($"| {N(size)} | {V(d, $"cmp.{key}.name")} | " + string.Join(" | ", kinds.Select(k => V(d, $"cmp.{key}.kind.{k}"))) + " |");
                }
            }
        }

        var updated = rows.Where(r => r.Values.ContainsKey("update.local")).ToList();
        if (updated.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("### Incremental updates (one aanbod per update; p50 / p95 / max ms (count))");
            sb.AppendLine();
            sb.AppendLine("| aanbod | UpdateAsync (analyse + durable log commit) | update → searchable, same process | update → searchable, another process | searches without updates | searches while 1 update/s streams in |");
            sb.AppendLine("|---:|---|---|---|---|---|");
            foreach (var (size, d) in updated)
            {
                sb.AppendLine($"| {N(size)} | {V(d, "update.write")} | {V(d, "update.local")} | {V(d, "update.remote")} | {V(d, "stream.without.1")}; {V(d, "stream.without.2")} | {V(d, "stream.with.1")}; {V(d, "stream.with.2")} |");
            }
        }

        var profiled = rows.Where(r => r.Values.Keys.Any(k => k.StartsWith("profile.", StringComparison.Ordinal))).ToList();
        if (profiled.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("### Where the query time goes (a stage-by-stage copy of SqliteSearchIndex.Search over the same 1,000 queries; mean / p95 / p99 ms per query)");
            sb.AppendLine();
            sb.AppendLine("Rows: the engine's stages; `fix_*` the suggested fix (same answers, checked); `fix+cache_*` the fix with a cache of FTS answers per snapshot; `exp_*` single experiments.");
            sb.AppendLine();
            var stages = profiled.SelectMany(r => r.Values.Keys).Where(k => k.StartsWith("profile.", StringComparison.Ordinal) && k.EndsWith(".mean", StringComparison.Ordinal))
                .Select(k => k["profile.".Length..^".mean".Length]).Distinct().ToList();
            sb.AppendLine("| stage | " + string.Join(" | ", profiled.Select(r => N(r.Size) + " aanbod")) + " |");
            sb.AppendLine("|---|" + string.Join("", profiled.Select(_ => "---:|")));
            foreach (var stage in stages)
            {
                sb.AppendLine($"| {stage} | " + string.Join(" | ", profiled.Select(r => $"{V(r.Values, $"profile.{stage}.mean")} / {V(r.Values, $"profile.{stage}.p95")} / {V(r.Values, $"profile.{stage}.p99")}")) + " |");
            }
        }

        var indexProfiled = rows.Where(r => r.Values.Keys.Any(k => k.StartsWith("iprofile.", StringComparison.Ordinal))).ToList();
        if (indexProfiled.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("### Where the indexing time goes (a stage-by-stage copy of SqliteIndexWriter.WriteDocuments; seconds)");
            sb.AppendLine();
            var stages = indexProfiled.SelectMany(r => r.Values.Keys).Where(k => k.StartsWith("iprofile.", StringComparison.Ordinal))
                .Select(k => k["iprofile.".Length..]).Distinct().ToList();
            sb.AppendLine("| stage | " + string.Join(" | ", indexProfiled.Select(r => N(r.Size) + " aanbod")) + " |");
            sb.AppendLine("|---|" + string.Join("", indexProfiled.Select(_ => "---:|")));
            foreach (var stage in stages)
            {
                sb.AppendLine($"| {stage} | " + string.Join(" | ", indexProfiled.Select(r => V(r.Values, $"iprofile.{stage}"))) + " |");
            }
        }

        var real = rows.Where(r => r.Values.Keys.Any(k => k.StartsWith("real.", StringComparison.Ordinal))).ToList();
        if (real.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("### Realism: share of aanbod found (synthetic corpus | the real content/)");
            sb.AppendLine();
            var terms = real.SelectMany(r => r.Values.Keys).Where(k => k.StartsWith("real.", StringComparison.Ordinal)).Distinct().ToList();
            sb.AppendLine("| search | " + string.Join(" | ", real.Select(r => N(r.Size) + " aanbod")) + " |");
            sb.AppendLine("|---|" + string.Join("", real.Select(_ => "---:|")));
            foreach (var term in terms)
            {
                sb.AppendLine($"| {term[5..]} | " + string.Join(" | ", real.Select(r => V(r.Values, term).Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            }
        }

        var notes = rows.SelectMany(r => r.Values.Where(v => v.Key.StartsWith("note.", StringComparison.Ordinal)).Select(v => $"- {N(r.Size)}: {v.Key[5..]}: {v.Value}")).ToList();
        if (notes.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Notes:");
            sb.AppendLine();
            foreach (var note in notes)
            {
                sb.AppendLine(note);
            }
        }

        return sb.ToString();
    }
}
