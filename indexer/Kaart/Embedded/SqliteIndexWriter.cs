using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// Builds a complete new index file next to the current one, then swaps the pointer to it atomically
/// (write a temporary pointer, fsync, rename). Readers keep the file they have open until they re-read the pointer,
/// so nobody ever sees a half-built index.
/// </summary>
public sealed class SqliteIndexWriter(EmbeddedIndexOptions options, DutchAnalyzer analyzer, TimeProvider timeProvider) : ISearchIndexWriter
{
    public async Task<IndexBuildResult> RebuildAsync(IndexBatch batch, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.Map);
        var name = $"kaart-{timeProvider.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40] + ".db";
        var path = Path.Combine(options.Map, name);

        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;");
            Execute(connection, IndexSchema.Create);
            using (var tx = connection.BeginTransaction())
            {
                WriteMeta(connection, batch);
                WritePostcodes(connection, batch.Postcodes);
                var (woorden, suggesties, postings, lengtes) = WriteDocuments(connection, batch, progress, cancellationToken);
                WritePostings(connection, postings, lengtes);
                WriteVocabulary(connection, woorden);
                WriteSuggestions(connection, suggesties);
                tx.Commit();
            }

            Execute(connection, "PRAGMA optimize;");
        }

        // The new file is complete; make it durable, then point readers at it.
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Flush(flushToDisk: true);
        }

        var tmp = options.PointerPath + ".tmp";
        await using (var pointer = new FileStream(tmp, FileMode.Create, FileAccess.Write))
        {
            await pointer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(name), cancellationToken);
            pointer.Flush(flushToDisk: true);
        }

        File.Move(tmp, options.PointerPath, overwrite: true);
        RemoveOldGenerations(name);
        return new IndexBuildResult(batch.Documents.Count, Path.GetFullPath(path), watch.Elapsed);
    }

    private (Dictionary<string, (string Stem, int Df)> Woorden, Dictionary<string, (string Tekst, int Gewicht)> Suggesties,
        Dictionary<string, Posting> Postings, float[] Lengtes) WriteDocuments(
        SqliteConnection connection, IndexBatch batch, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var taxonomie = Taxonomie.Parse(batch.Taxonomie);
        var insertDoc = connection.CreateCommand();
        insertDoc.CommandText = "INSERT INTO aanbod(rowid, id, doc, kenmerken, tekst) VALUES ($rowid, $id, $doc, $kenmerken, $tekst)";
        var pRowid = insertDoc.Parameters.Add("$rowid", SqliteType.Integer);
        var pId = insertDoc.Parameters.Add("$id", SqliteType.Text);
        var pDoc = insertDoc.Parameters.Add("$doc", SqliteType.Text);
        var pKenmerken = insertDoc.Parameters.Add("$kenmerken", SqliteType.Text);
        var pTekst = insertDoc.Parameters.Add("$tekst", SqliteType.Text);

        var insertIntern = connection.CreateCommand();
        insertIntern.CommandText = "INSERT INTO intern(rowid, doc) VALUES ($rowid, $doc)";
        var iRowid = insertIntern.Parameters.Add("$rowid", SqliteType.Integer);
        var iDoc = insertIntern.Parameters.Add("$doc", SqliteType.Text);

        var woorden = new Dictionary<string, (string Stem, int Df)>(StringComparer.Ordinal);
        var suggesties = new Dictionary<string, (string Tekst, int Gewicht)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>(512);
        var postings = new Dictionary<string, Posting>(StringComparer.Ordinal);
        var lengtes = new float[batch.Documents.Count];
        var tf = new Dictionary<string, float>(StringComparer.Ordinal);
        var rowid = 0;
        foreach (var input in batch.Documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowid++;
            var doc = input.Document;
            var a = doc.Aanbod;
            seen.Clear();
            var texts = new[]
            {
                a.Name,
                string.Join(" . ", a.Trefwoorden.Concat(a.WettelijkKader)),
                a.Samenvatting,
                string.Join(" . ", a.Levensdomeinen.Concat(doc.Leefgebieden).Concat(a.Doelgroepen).Select(taxonomie.Naam)),
                a.Organization.Name,
                doc.BodyTekst,
            };
            tf.Clear();
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
                var weight = IndexSchema.Fields[c].Weight;
                foreach (var term in terms)
                {
                    tf[term] = tf.GetValueOrDefault(term) + weight;
                    lengtes[rowid - 1] += weight;
                }
            }

            foreach (var (term, frequency) in tf)
            {
                if (!postings.TryGetValue(term, out var posting))
                {
                    postings[term] = posting = new Posting();
                }

                posting.Add(rowid - 1, frequency);
            }

            pRowid.Value = rowid;
            pId.Value = a.Id;
            // The rendered HTML and plain text are what readers use; the Markdown source stays in content/.
            // The plain text has its own column (for snippets); it is put back into the document when read.
            pDoc.Value = JsonSerializer.Serialize(doc with { Aanbod = a with { BodyMarkdown = "" }, BodyTekst = "" }, IndexSchema.Json);
            pKenmerken.Value = JsonSerializer.Serialize(new Kenmerken(
                FacetWaarden.Van(doc, taxonomie),
                doc.Punten.Select(p => new[] { p.Lat, p.Lon }).ToArray(),
                a.Schedules.ToArray(),
                a.Samenvatting,
                a.Organization.Name,
                a.Bemoeizorg,
                a.Gratis,
                a.Locations.FirstOrDefault()?.City), IndexSchema.Json);
            pTekst.Value = doc.BodyTekst;
            insertDoc.ExecuteNonQuery();

            if (input.Intern is not null)
            {
                iRowid.Value = rowid;
                iDoc.Value = JsonSerializer.Serialize(input.Intern, IndexSchema.Json);
                insertIntern.ExecuteNonQuery();
            }

            AddSuggestion(suggesties, a.Name, 3);
            foreach (var trefwoord in a.Trefwoorden)
            {
                AddSuggestion(suggesties, trefwoord, 1);
            }

            if (rowid % 1000 == 0)
            {
                progress?.Report(rowid);
            }
        }

        foreach (var domein in taxonomie.Levensdomeinen)
        {
            AddSuggestion(suggesties, domein.Naam, 2);
        }

        progress?.Report(rowid);
        return (woorden, suggesties, postings, lengtes);
    }

    /// <summary>The aanbod a term occurs in, in rowid order, and its weighted frequency in each.</summary>
    private sealed class Posting
    {
        private readonly MemoryStream _docs = new();
        private readonly List<float> _tf = [];
        private int _last = -1;

        public int Df => _tf.Count;

        public void Add(int doc, float tf)
        {
            WriteVarint(_docs, (uint)(doc - _last));
            _last = doc;
            _tf.Add(tf);
        }

        public byte[] Docs => _docs.ToArray();
        public byte[] Tf => System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tf)).ToArray();

        private static void WriteVarint(Stream stream, uint value)
        {
            while (value >= 0x80)
            {
                stream.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            stream.WriteByte((byte)value);
        }
    }

    private static void WritePostings(SqliteConnection connection, Dictionary<string, Posting> postings, float[] lengtes)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO termen(term, df, docs, tf) VALUES ($t, $df, $docs, $tf)";
        var t = cmd.Parameters.Add("$t", SqliteType.Text);
        var df = cmd.Parameters.Add("$df", SqliteType.Integer);
        var docs = cmd.Parameters.Add("$docs", SqliteType.Blob);
        var tf = cmd.Parameters.Add("$tf", SqliteType.Blob);
        foreach (var (term, posting) in postings)
        {
            t.Value = term;
            df.Value = posting.Df;
            docs.Value = posting.Docs;
            tf.Value = posting.Tf;
            cmd.ExecuteNonQuery();
        }

        using var length = connection.CreateCommand();
        length.CommandText = "INSERT INTO lengtes(data) VALUES ($d)";
        length.Parameters.Add("$d", SqliteType.Blob).Value = System.Runtime.InteropServices.MemoryMarshal.AsBytes(lengtes.AsSpan()).ToArray();
        length.ExecuteNonQuery();
    }

    private static void AddSuggestion(Dictionary<string, (string Tekst, int Gewicht)> suggesties, string tekst, int gewicht)
    {
        var key = TextFolding.Fold(tekst.Trim());
        if (key.Length < 3)
        {
            return;
        }

        suggesties[key] = suggesties.TryGetValue(key, out var s) ? (s.Tekst, s.Gewicht + gewicht) : (tekst.Trim(), gewicht);
    }

    private static void WriteMeta(SqliteConnection connection, IndexBatch batch)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO meta(key, value) VALUES ($k, $v)";
        var k = cmd.Parameters.Add("$k", SqliteType.Text);
        var v = cmd.Parameters.Add("$v", SqliteType.Text);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["schema"] = IndexSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["documenten"] = batch.Documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["taxonomie"] = batch.Taxonomie,
            ["synoniemen"] = batch.Synoniemen,
        })
        {
            k.Value = key;
            v.Value = value;
            cmd.ExecuteNonQuery();
        }
    }

    private static void WritePostcodes(SqliteConnection connection, Postcodes postcodes)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO postcodes(pc4, lat, lon) VALUES ($p, $lat, $lon)";
        var p = cmd.Parameters.Add("$p", SqliteType.Text);
        var lat = cmd.Parameters.Add("$lat", SqliteType.Real);
        var lon = cmd.Parameters.Add("$lon", SqliteType.Real);
        foreach (var (pc4, point) in postcodes.Centres)
        {
            p.Value = pc4;
            lat.Value = point.Lat;
            lon.Value = point.Lon;
            cmd.ExecuteNonQuery();
        }
    }

    private static void WriteVocabulary(SqliteConnection connection, Dictionary<string, (string Stem, int Df)> woorden)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO woorden(woord, stam, df) VALUES ($w, $s, $df)";
        var w = cmd.Parameters.Add("$w", SqliteType.Text);
        var s = cmd.Parameters.Add("$s", SqliteType.Text);
        var df = cmd.Parameters.Add("$df", SqliteType.Integer);
        foreach (var (word, (stem, count)) in woorden)
        {
            w.Value = word;
            s.Value = stem;
            df.Value = count;
            cmd.ExecuteNonQuery();
        }
    }

    private static void WriteSuggestions(SqliteConnection connection, Dictionary<string, (string Tekst, int Gewicht)> suggesties)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO suggesties(tekst, gewicht) VALUES ($t, $g)";
        var t = cmd.Parameters.Add("$t", SqliteType.Text);
        var g = cmd.Parameters.Add("$g", SqliteType.Integer);
        foreach (var (tekst, gewicht) in suggesties.Values)
        {
            t.Value = tekst;
            g.Value = gewicht;
            cmd.ExecuteNonQuery();
        }
    }

    private void RemoveOldGenerations(string current)
    {
        // Keep the new file and the two before it: a reader may still be busy with one (readers in other processes
        // cannot be asked; on Linux an open file stays readable after deletion, but a new connection to it cannot open).
        var old = Directory.GetFiles(options.Map, "kaart-*.db")
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f != current)
            .Order(StringComparer.Ordinal)
            .SkipLast(2);
        foreach (var file in old)
        {
            try
            {
                File.Delete(Path.Combine(options.Map, file));
            }
            catch (IOException)
            {
                // Still in use somewhere: the next build removes it.
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
