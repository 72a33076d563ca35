using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// Writes one complete build file from a batch: analyses every aanbod (in parallel), adds up postings, vocabulary and
/// suggestions, compresses the stored documents with dictionaries trained on this batch, and writes it all in one
/// transaction. The file is immutable afterwards; updates go to its log.
/// </summary>
internal static class BuildWriter
{
    private const int Chunk = 2048;

    /// <summary>When set (by the benchmark's profile), the wall time of each step of a build is added to it.</summary>
    internal static Dictionary<string, TimeSpan>? Profile { get; set; }

    private static long _analyseTicks, _jsonTicks, _compressTicks;

    /// <summary>Time of analysis, JSON and compression in the last build, summed over the workers (wall time: it includes
    /// a worker's waits for a core, so on a busy machine it is far more than their CPU time).</summary>
    internal static (TimeSpan Analyse, TimeSpan Json, TimeSpan Compress) CpuTimes =>
        (TimeSpan.FromSeconds(_analyseTicks / (double)System.Diagnostics.Stopwatch.Frequency),
         TimeSpan.FromSeconds(_jsonTicks / (double)System.Diagnostics.Stopwatch.Frequency),
         TimeSpan.FromSeconds(_compressTicks / (double)System.Diagnostics.Stopwatch.Frequency));

    private static void Mark(ref long last, string step)
    {
        if (Profile is { } profile)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            profile[step] = profile.GetValueOrDefault(step) + System.Diagnostics.Stopwatch.GetElapsedTime(last, now);
            last = now;
        }
    }

    /// <param name="storedWoordenlijst">The word list as a build stores it, when it comes from a build (compaction) instead of <see cref="IndexBatch.Woorden"/>.</param>
    public static void Write(string path, IndexBatch batch, DocumentAnalyser analyser, IProgress<int>? progress, CancellationToken cancellationToken, byte[]? storedWoordenlijst = null)
    {
        var last = System.Diagnostics.Stopwatch.GetTimestamp();
        _analyseTicks = _jsonTicks = _compressTicks = 0;
        var documents = batch.Documents;
        var (docCodec, tekstCodec) = TrainCodecs(documents);
        Mark(ref last, "train zstd dictionaries");

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;");
        Execute(connection, IndexFormat.CreateBuild);
        using var tx = connection.BeginTransaction();

        var insertDoc = Command(connection, "INSERT INTO docs(nr, doc, tekst) VALUES ($1, $2, $3)", 3);
        var insertIntern = Command(connection, "INSERT INTO intern(nr, doc) VALUES ($1, $2)", 2);

        var postings = new Dictionary<string, PostingBuilder>(StringComparer.Ordinal);
        var woorden = new Dictionary<string, (string Stem, int Df)>(StringComparer.Ordinal);
        var suggesties = new List<SuggestieBijdrage>(documents.Count * 2);
        var columnsBuilder = new ColumnFormat.Builder();
        long totalLength = 0;

        // A pipeline: while this thread adds up one chunk and writes its rows, the next chunk is analysed (in parallel).
        (AnalysedDocument Analysis, byte[] Doc, byte[] Tekst, byte[]? Intern)[] AnalyseChunk(int start)
        {
            var chunk = new (AnalysedDocument, byte[], byte[], byte[]?)[Math.Min(Chunk, documents.Count - start)];
            // At most one worker per core: the pool adds threads while this thread waits, and on a busy machine more
            // workers only take turns (each holding its scratch space and half-done aanbod).
            Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var input = documents[start + i];
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var analysis = analyser.Analyse(input.Document);
                var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                var json = DocumentAnalyser.StoredJsonOfThisThread(input.Document);
                var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                chunk[i] = (analysis, docCodec.Compress(json), tekstCodec.CompressText(input.Document.BodyTekst),
                    input.Intern is null ? null : JsonSerializer.SerializeToUtf8Bytes(input.Intern, IndexFormat.Json));
                if (Profile is not null)
                {
                    Interlocked.Add(ref _analyseTicks, t1 - t0);
                    Interlocked.Add(ref _jsonTicks, t2 - t1);
                    Interlocked.Add(ref _compressTicks, System.Diagnostics.Stopwatch.GetTimestamp() - t2);
                }
            });
            return chunk;
        }

        var next = documents.Count == 0 ? null : Task.Run(() => AnalyseChunk(0), cancellationToken);
        for (var start = 0; start < documents.Count; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var analysed = next!.GetAwaiter().GetResult();
            var count = analysed.Length;
            var following = start + Chunk;
            next = following < documents.Count ? Task.Run(() => AnalyseChunk(following), cancellationToken) : null;
            Mark(ref last, "wait for the analysis (parallel: analyse, serialise, compress)");

            for (var i = 0; i < count; i++)
            {
                var nr = start + i;
                var (a, doc, tekst, intern) = analysed[i];
                for (var t = 0; t < a.Terms.Length; t++)
                {
                    ref var posting = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(postings, a.Terms[t], out _);
                    (posting ??= new PostingBuilder()).Add(nr, a.TfHalf[t]);
                }

                for (var w = 0; w < a.Words.Length; w++)
                {
                    ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(woorden, a.Words[w], out var exists);
                    entry = exists ? (entry.Stem, entry.Df + 1) : (a.Stems[w], 1);
                }

                suggesties.AddRange(a.Suggesties);
                columnsBuilder.Add(a.Kenmerken, a.LengthHalf);
                totalLength += a.LengthHalf;

                insertDoc.Parameters[0].Value = nr;
                insertDoc.Parameters[1].Value = doc;
                insertDoc.Parameters[2].Value = tekst;
                insertDoc.ExecuteNonQuery();
                if (intern is not null)
                {
                    insertIntern.Parameters[0].Value = nr;
                    insertIntern.Parameters[1].Value = intern;
                    insertIntern.ExecuteNonQuery();
                }

                analysed[i] = default;
            }

            Mark(ref last, "add up postings, vocabulary; insert documents (while the next chunk is analysed)");
            progress?.Report(start + count);
        }

        // The columns do not depend on the postings: they are encoded on another core while this thread writes the postings.
        suggesties.AddRange(DocumentAnalyser.VasteSuggesties(analyser.Taxonomie));
        var encodeColumns = Task.Run(() =>
        {
            // Large columns in chunks, so a reader decodes one chunk at a time.
            var encoded = columnsBuilder.Finish();
            encoded["suggesties"] = ColumnFormat.EncodeSuggesties(SuggestieLijst.Group(suggesties));
            encoded["postcodes"] = ColumnFormat.EncodePostcodes(batch.Postcodes);
            var woordenChunk = 0;
            foreach (var chunk in ColumnFormat.EncodeWoorden(woorden))
            {
                encoded[ColumnFormat.ChunkName("woorden", woordenChunk++)] = chunk;
            }

            return encoded;
        }, cancellationToken);

        var insertTerm = Command(connection, "INSERT INTO termen(term, postings) VALUES ($1, $2)", 2);
        foreach (var (term, posting) in postings)
        {
            insertTerm.Parameters[0].Value = term;
            insertTerm.Parameters[1].Value = posting.ToArray();
            insertTerm.ExecuteNonQuery();
        }

        Mark(ref last, "encode + insert postings (columns encoded meanwhile)");
        var columns = encodeColumns.GetAwaiter().GetResult();
        Mark(ref last, "wait for the columns");
        var insertColumn = Command(connection, "INSERT INTO kolommen(name, data) VALUES ($1, $2)", 2);
        foreach (var (name, data) in columns)
        {
            insertColumn.Parameters[0].Value = name;
            insertColumn.Parameters[1].Value = data;
            insertColumn.ExecuteNonQuery();
        }

        var insertMeta = Command(connection, "INSERT INTO meta(key, value) VALUES ($1, $2)", 2);
        foreach (var (key, value) in new Dictionary<string, byte[]>
        {
            ["schema"] = Encoding.UTF8.GetBytes(IndexFormat.Version.ToString(CultureInfo.InvariantCulture)),
            ["documenten"] = Encoding.UTF8.GetBytes(documents.Count.ToString(CultureInfo.InvariantCulture)),
            ["lengte"] = Encoding.UTF8.GetBytes(totalLength.ToString(CultureInfo.InvariantCulture)),
            ["punten"] = Encoding.UTF8.GetBytes(columnsBuilder.Punten.ToString(CultureInfo.InvariantCulture)),
            ["taxonomie"] = Encoding.UTF8.GetBytes(batch.Taxonomie),
            ["synoniemen"] = Encoding.UTF8.GetBytes(batch.Synoniemen),
            ["situaties"] = Encoding.UTF8.GetBytes(batch.Situaties),
            ["talen"] = Encoding.UTF8.GetBytes(batch.Talen),
            ["woordenlijst"] = storedWoordenlijst ?? Codec.Plain.Compress(Analysis.Woordenlijst.Van(batch.Woorden).ToBytes()),
            ["docdict"] = docCodec.Dictionary,
            ["tekstdict"] = tekstCodec.Dictionary,
        })
        {
            insertMeta.Parameters[0].Value = key;
            insertMeta.Parameters[1].Value = value;
            insertMeta.ExecuteNonQuery();
        }

        tx.Commit();
        Mark(ref last, "insert columns, meta; commit");
        foreach (var cmd in new[] { insertDoc, insertIntern, insertTerm, insertColumn, insertMeta })
        {
            cmd.Dispose();
        }
    }

    /// <summary>zstd dictionaries from an even sample of the documents (empty for a small kaart: nothing to learn from).</summary>
    private static (Codec Doc, Codec Tekst) TrainCodecs(IReadOnlyList<IndexInput> documents)
    {
        const int samples = 1000;
        var step = Math.Max(1, documents.Count / samples);
        var docSamples = new List<byte[]>();
        var tekstSamples = new List<byte[]>();
        for (var i = 0; i < documents.Count; i += step)
        {
            docSamples.Add(DocumentAnalyser.StoredJson(documents[i].Document));
            tekstSamples.Add(Encoding.UTF8.GetBytes(documents[i].Document.BodyTekst));
        }

        byte[] docDict = [], tekstDict = [];
        Parallel.Invoke(() => docDict = Codec.Train(docSamples), () => tekstDict = Codec.Train(tekstSamples));
        return (new Codec(docDict), new Codec(tekstDict));
    }

    /// <summary>The aanbod a term occurs in (ascending numbers as delta varints) and its frequency in each (varint half units).</summary>
    private sealed class PostingBuilder
    {
        private readonly ByteWriter _docs = new(8);
        private readonly ByteWriter _tf = new(8);
        private int _last = -1;
        private int _count;

        public void Add(int doc, int tfHalf)
        {
            _docs.Varint(doc - _last);
            _last = doc;
            _tf.Varint(tfHalf);
            _count++;
        }

        public byte[] ToArray()
        {
            var w = new ByteWriter(_docs.Length + _tf.Length + 5);
            w.Varint(_count);
            var result = new byte[w.Length + _docs.Length + _tf.Length];
            w.Span.CopyTo(result);
            _docs.Span.CopyTo(result.AsSpan(w.Length));
            _tf.Span.CopyTo(result.AsSpan(w.Length + _docs.Length));
            return result;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            cmd.Parameters.Add("$" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Blob);
        }

        return cmd;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
