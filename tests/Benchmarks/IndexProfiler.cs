using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Where indexing spends its time: a copy of <c>SqliteIndexWriter.WriteDocuments</c> (indexer/Kaart/Embedded/SqliteIndexWriter.cs)
/// with each step timed separately, writing to a scratch file. Plus one experiment: the same analysis with the
/// result per distinct word remembered (the suggested fix).
/// </summary>
internal static class IndexProfiler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // A copy of IndexSchema.Create.
    private const string Schema = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE aanbod(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, kenmerken TEXT NOT NULL);
        CREATE TABLE intern(rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
        CREATE VIRTUAL TABLE zoek USING fts5(naam, trefwoorden, samenvatting, categorie, aanbieder, tekst, content='', tokenize='unicode61 remove_diacritics 0');
        CREATE TABLE woorden(woord TEXT PRIMARY KEY, stam TEXT NOT NULL, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE suggesties(tekst TEXT NOT NULL, gewicht INTEGER NOT NULL);
        CREATE TABLE postcodes(pc4 TEXT PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL) WITHOUT ROWID;
        """;

    private sealed record Kenmerken(Dictionary<string, string[]> Facetten, double[][] Punten, Tijden[] Tijden);

    public static void Run(IndexBatch batch, DutchAnalyzer analyzer, IReadOnlyList<string> queryTexts, Results results)
    {
        var taxonomie = Taxonomie.Parse(batch.Taxonomie);
        var docs = batch.Documents;
        double analyse = 0, json = 0, fts = 0, rows = 0;

        // Analysis: the six columns of every document, as WriteDocuments does it.
        var columns = new string[docs.Count][];
        var woorden = new Dictionary<string, (string Stem, int Df)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>(512);
        long tokens = 0;
        var watch = Stopwatch.StartNew();
        for (var d = 0; d < docs.Count; d++)
        {
            var doc = docs[d].Document;
            seen.Clear();
            var texts = Texts(doc, taxonomie);
            columns[d] = new string[texts.Length];
            for (var c = 0; c < texts.Length; c++)
            {
                terms.Clear();
                analyzer.AnalyzeForIndex(texts[c], terms, (word, stem) =>
                {
                    if (seen.Add(word))
                    {
                        woorden[word] = woorden.TryGetValue(word, out var w) ? (w.Stem, w.Df + 1) : (stem, 1);
                    }
                });
                tokens += terms.Count;
                columns[d][c] = string.Join(' ', terms);
            }
        }

        analyse = watch.Elapsed.TotalSeconds;

        // Experiment: the same analysis, remembering the (stem, parts) of each distinct folded word.
        watch.Restart();
        var cache = new Dictionary<string, (string Stem, (string Part, string Stem)[] Parts)>(StringComparer.Ordinal);
        var cachedTerms = new List<string>(512);
        var equal = true;
        for (var d = 0; d < docs.Count; d++)
        {
            var texts = Texts(docs[d].Document, taxonomie);
            for (var c = 0; c < texts.Length; c++)
            {
                cachedTerms.Clear();
                foreach (var token in Tokenizer.Tokenize(texts[c]))
                {
                    if (!DutchAnalyzer.IsIndexable(token.Folded))
                    {
                        continue;
                    }

                    if (!cache.TryGetValue(token.Folded, out var entry))
                    {
                        entry = (DutchAnalyzer.Stem(token.Folded), analyzer.Decompounder.Split(token.Folded)
                            .Where(DutchAnalyzer.IsIndexable).Select(p => (p, DutchAnalyzer.Stem(p))).ToArray());
                        cache[token.Folded] = entry;
                    }

                    cachedTerms.Add(entry.Stem);
                    foreach (var (_, stem) in entry.Parts)
                    {
                        cachedTerms.Add(stem);
                    }
                }

                equal &= string.Join(' ', cachedTerms) == columns[d][c];
            }
        }

        var analyseCached = watch.Elapsed.TotalSeconds;

        // Writing: the same tables and statements, in one transaction, to a scratch file.
        var path = Path.Combine(Path.GetTempPath(), "sk-bench-profile-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;");
            Execute(connection, Schema);
            using (var tx = connection.BeginTransaction())
            {
                using var insertDoc = connection.CreateCommand();
                insertDoc.CommandText = "INSERT INTO aanbod(rowid, id, doc, kenmerken) VALUES ($rowid, $id, $doc, $kenmerken)";
                var pRowid = insertDoc.Parameters.Add("$rowid", SqliteType.Integer);
                var pId = insertDoc.Parameters.Add("$id", SqliteType.Text);
                var pDoc = insertDoc.Parameters.Add("$doc", SqliteType.Text);
                var pKenmerken = insertDoc.Parameters.Add("$kenmerken", SqliteType.Text);
                using var insertFts = connection.CreateCommand();
                insertFts.CommandText = "INSERT INTO zoek(rowid, naam, trefwoorden, samenvatting, categorie, aanbieder, tekst) VALUES ($rowid, $c0, $c1, $c2, $c3, $c4, $c5)";
                var fRowid = insertFts.Parameters.Add("$rowid", SqliteType.Integer);
                var cols = Enumerable.Range(0, 6).Select(i => insertFts.Parameters.Add($"$c{i}", SqliteType.Text)).ToArray();

                for (var d = 0; d < docs.Count; d++)
                {
                    var doc = docs[d].Document;
                    watch.Restart();
                    var docJson = JsonSerializer.Serialize(doc, Json);
                    var kenmerkenJson = JsonSerializer.Serialize(new Kenmerken(FacetWaarden.Van(doc, taxonomie),
                        doc.Punten.Select(p => new[] { p.Lat, p.Lon }).ToArray(), doc.Aanbod.Schedules.ToArray()), Json);
                    json += watch.Elapsed.TotalSeconds;

                    watch.Restart();
                    fRowid.Value = d + 1;
                    for (var c = 0; c < 6; c++)
                    {
                        cols[c].Value = columns[d][c];
                    }

                    insertFts.ExecuteNonQuery();
                    fts += watch.Elapsed.TotalSeconds;

                    watch.Restart();
                    pRowid.Value = d + 1;
                    pId.Value = doc.Aanbod.Id;
                    pDoc.Value = docJson;
                    pKenmerken.Value = kenmerkenJson;
                    insertDoc.ExecuteNonQuery();
                    rows += watch.Elapsed.TotalSeconds;
                }

                watch.Restart();
                using var insertWord = connection.CreateCommand();
                insertWord.CommandText = "INSERT INTO woorden(woord, stam, df) VALUES ($w, $s, $df)";
                var w = insertWord.Parameters.Add("$w", SqliteType.Text);
                var s = insertWord.Parameters.Add("$s", SqliteType.Text);
                var df = insertWord.Parameters.Add("$df", SqliteType.Integer);
                foreach (var (word, (stem, count)) in woorden)
                {
                    w.Value = word;
                    s.Value = stem;
                    df.Value = count;
                    insertWord.ExecuteNonQuery();
                }

                tx.Commit();
                results.Add("iprofile.vocabulary_write_and_commit_s", watch.Elapsed.TotalSeconds, "0.00");
            }

            watch.Restart();
            Execute(connection, "INSERT INTO zoek(zoek) VALUES('optimize'); PRAGMA optimize;");
            results.Add("iprofile.fts_optimize_s", watch.Elapsed.TotalSeconds, "0.00");

            // Experiment: the same full-text table with detail=column (no word positions; the engine never uses them:
            // it quotes single stems and highlights in C#), timed on the benchmark's query mix.
            watch.Restart();
            Execute(connection, "CREATE VIRTUAL TABLE zoek_col USING fts5(naam, trefwoorden, samenvatting, categorie, aanbieder, tekst, content='', detail=column, tokenize='unicode61 remove_diacritics 0');");
            using (var tx = connection.BeginTransaction())
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO zoek_col(rowid, naam, trefwoorden, samenvatting, categorie, aanbieder, tekst) VALUES ($rowid, $c0, $c1, $c2, $c3, $c4, $c5)";
                var rowid = insert.Parameters.Add("$rowid", SqliteType.Integer);
                var cols = Enumerable.Range(0, 6).Select(i => insert.Parameters.Add($"$c{i}", SqliteType.Text)).ToArray();
                for (var d = 0; d < docs.Count; d++)
                {
                    rowid.Value = d + 1;
                    for (var c = 0; c < 6; c++)
                    {
                        cols[c].Value = columns[d][c];
                    }

                    insert.ExecuteNonQuery();
                }

                tx.Commit();
            }

            Execute(connection, "INSERT INTO zoek_col(zoek_col) VALUES('optimize');");
            results.Add("iprofile.exp_detail_column_insert_and_optimize_s", watch.Elapsed.TotalSeconds, "0.00");
            CompareDetail(connection, batch, woorden, queryTexts, results);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }

        results.Add("iprofile.analyse_s", analyse, "0.00");
        results.Add("iprofile.json_serialize_s", json, "0.00");
        results.Add("iprofile.fts_insert_s", fts, "0.00");
        results.Add("iprofile.aanbod_insert_s", rows, "0.00");
        results.Add("iprofile.terms", tokens.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        results.Add("iprofile.exp_analyse_memoized_s", analyseCached, "0.00");
        results.Add("iprofile.exp_distinct_words", cache.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        if (!equal)
        {
            results.Add("note.iprofile", "the memoized analysis gave other terms than the analyzer: the experiment is not valid");
        }

        Console.Error.WriteLine($"  analyse {analyse:0.00} s (memoized {analyseCached:0.00} s, {cache.Count} distinct words), json {json:0.00} s, fts insert {fts:0.00} s, aanbod insert {rows:0.00} s");
    }

    private static void CompareDetail(SqliteConnection connection, IndexBatch batch, Dictionary<string, (string Stem, int Df)> woorden,
        IReadOnlyList<string> queryTexts, Results results)
    {
        var planner = new QueryPlanner(new Vocabulary(woorden.Select(w => new Vocabulary.Entry(w.Key, w.Value.Stem, w.Value.Df))), Synonyms.Parse(batch.Synoniemen));
        var expressions = queryTexts.Select(t => planner.Plan(t)).Where(p => !p.IsEmpty)
            .Select(p => string.Join(" AND ", p.Groups.Select(g =>
                "(" + string.Join(" OR ", g.Alternatives.Select(a => "(" + string.Join(" AND ", a.Select(x => "\"" + x.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + ")")) + ")")))
            .ToList();

        List<(long Rowid, double Score)> Run(string table, string expression)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT rowid, bm25({table}, 10.0, 6.0, 3.0, 2.0, 1.5, 1.0) FROM {table} WHERE {table} MATCH $m";
            cmd.Parameters.AddWithValue("$m", expression);
            using var reader = cmd.ExecuteReader();
            var list = new List<(long, double)>();
            while (reader.Read())
            {
                list.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }

            return list;
        }

        foreach (var e in expressions.Take(50))
        {
            Run("zoek", e);
            Run("zoek_col", e);
        }

        var full = new List<double>();
        var column = new List<double>();
        var overlap = new List<double>();
        var sameCount = 0;
        long nonZero = 0;
        foreach (var e in expressions)
        {
            var w = Stopwatch.StartNew();
            var a = Run("zoek", e);
            full.Add(w.Elapsed.TotalMilliseconds);
            w.Restart();
            var b = Run("zoek_col", e);
            column.Add(w.Elapsed.TotalMilliseconds);
            sameCount += a.Count == b.Count ? 1 : 0;
            nonZero += b.Count(x => x.Score != 0);
            var topA = a.OrderBy(x => x.Score).ThenBy(x => x.Rowid).Take(10).Select(x => x.Rowid).ToHashSet();
            var topB = b.OrderBy(x => x.Score).ThenBy(x => x.Rowid).Take(10).Select(x => x.Rowid).ToList();
            if (topA.Count > 0)
            {
                overlap.Add(topB.Count(topA.Contains) / (double)topA.Count);
            }
        }

        var f = Measure.Stats(full);
        var c = Measure.Stats(column);
        results.Add("iprofile.exp_fts_query_detail_full_mean_p95_ms", $"{f.Mean:0.00} / {f.P95:0.00}");
        results.Add("iprofile.exp_fts_query_detail_column_mean_p95_ms", $"{c.Mean:0.00} / {c.P95:0.00}");
        results.Add("iprofile.exp_detail_column_same_matches", $"{sameCount} of {expressions.Count} queries");
        results.Add("iprofile.exp_detail_column_top10_overlap", $"{overlap.DefaultIfEmpty(1).Average() * 100:0}%");
        if (nonZero == 0)
        {
            results.Add("note.detail_column", "with detail=column on a contentless FTS5 table bm25() is 0 for every row, so the ranking is lost: detail=column is no option");
        }
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'zoek%' GROUP BY name";
            using var reader = cmd.ExecuteReader();
            var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                sizes[reader.GetString(0)] = reader.GetInt64(1);
            }

            results.Add("iprofile.exp_fts_size_full_mb", Measure.Mb(sizes.Where(x => !x.Key.StartsWith("zoek_col", StringComparison.Ordinal)).Sum(x => x.Value)), "0.0");
            results.Add("iprofile.exp_fts_size_column_mb", Measure.Mb(sizes.Where(x => x.Key.StartsWith("zoek_col", StringComparison.Ordinal)).Sum(x => x.Value)), "0.0");
        }
        catch (SqliteException)
        {
            // dbstat is not compiled in: no sizes.
        }
    }

    private static string[] Texts(IndexDocument doc, Taxonomie taxonomie)
    {
        var a = doc.Aanbod;
        return
        [
            a.Name,
            string.Join(" . ", a.Trefwoorden.Concat(a.WettelijkKader)),
            a.Samenvatting,
            string.Join(" . ", a.Levensdomeinen.Concat(doc.Leefgebieden).Concat(a.Doelgroepen).Select(taxonomie.Naam)),
            a.Organization.Name,
            doc.BodyTekst,
        ];
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
