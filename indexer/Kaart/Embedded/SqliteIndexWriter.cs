using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// The writer of the embedded index. A rebuild writes a complete new build file next to the current one, then swaps
/// the pointer to it atomically (write a temporary pointer, fsync, rename). An update is appended to the current
/// build's log in one durable transaction. Readers keep what they have open until they see the change whole, so nobody
/// ever sees a half-built index or half an update. When the log grows long, it is folded into a new build of the same
/// aanbod (<see cref="CompactAsync"/>), swapped in the same way. One writer per index folder (in this process, calls are serialised).
/// </summary>
public sealed class SqliteIndexWriter(EmbeddedIndexOptions options, DutchAnalyzer analyzer, TimeProvider timeProvider) : ISearchIndexWriter, IDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _gate = Gates.GetOrAdd(Path.GetFullPath(options.Map), _ => new SemaphoreSlim(1, 1));
    private readonly IndexSignals.Signal _signal = IndexSignals.For(options.Map);

    // What an update needs of the current build, read once per build.
    private Generation? _generation;

    private sealed class Generation(BuildFile build, DocumentAnalyser analyser, Dictionary<string, int> ids) : IDisposable
    {
        public BuildFile Build { get; } = build;
        public DocumentAnalyser Analyser { get; } = analyser;
        public Dictionary<string, int> Ids { get; } = ids;
        public SqliteConnection? Log { get; set; }

        public void Dispose()
        {
            Log?.Dispose();
            Build.Retire();
        }
    }

    public async Task<IndexBuildResult> RebuildAsync(IndexBatch batch, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var analyser = new DocumentAnalyser(analyzer, Taxonomie.Parse(batch.Taxonomie), SearchKnowledge.FrasenVan(batch.Synoniemen, batch.Situaties));
            return await PublishAsync(batch, analyser, storedWoordenlijst: null, progress, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Folds the update log into a new build of the same aanbod, swapped in like a rebuild: readers that open the folder
    /// afterwards start from it instead of applying every update since the last rebuild. Searches go on meanwhile (on
    /// what readers have open); an update that arrives meanwhile waits for it and then goes to the new build's log.
    /// Done by <see cref="UpdateAsync"/> when the log passes <see cref="EmbeddedIndexOptions.CompactAfterUpdates"/> or
    /// <see cref="EmbeddedIndexOptions.CompactAfterLogMegabytes"/>. False when there was nothing to fold.
    /// </summary>
    /// <param name="progress">The number of aanbod written to the new build so far.</param>
    public async Task<bool> CompactAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await CompactLockedAsync(progress, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> CompactLockedAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var generation = CurrentGeneration();
        var log = generation.Log ??= UpdateLog.OpenForWriting(generation.Build.LogPath);
        var changes = UpdateLog.ReadAfter(log, 0);
        if (changes.Count == 0)
        {
            return false;
        }

        var batch = await Task.Run(() => Folded(generation, changes.Select(c => c.Change), cancellationToken), cancellationToken);
        await PublishAsync(batch, generation.Analyser, generation.Build.Meta["woordenlijst"], progress, cancellationToken);
        return true;
    }

    /// <summary>
    /// The aanbod of a build with its log applied, as a batch: the build's aanbod that no update touched in their order,
    /// then the newest version of each updated one in the order the updates added them (the numbering a reader with the
    /// log has), with the rules of the build (taxonomie, synonyms, situations, languages, postcodes, word list).
    /// </summary>
    private static IndexBatch Folded(Generation generation, IEnumerable<IndexChange> changes, CancellationToken cancellationToken)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var newest = new OrderedDictionary<string, AddedDocument>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            foreach (var removed in change.Removed)
            {
                touched.Add(removed.Id);
                newest.Remove(removed.Id);
            }

            foreach (var added in change.Added)
            {
                touched.Add(added.Analysis.Id);
                newest.Remove(added.Analysis.Id);
                newest.Add(added.Analysis.Id, added);
            }
        }

        var build = generation.Build;
        var ids = new string[build.BaseCount];
        foreach (var (id, nr) in generation.Ids)
        {
            ids[nr] = id;
        }

        IndexInput Input(byte[] doc, byte[] tekst, byte[]? intern) => new(
            DocumentAnalyser.FromStored(build.DocCodec.Decompress(doc), build.TekstCodec.DecompressText(tekst)),
            intern is null ? null : JsonSerializer.Deserialize<InternAanbod>(intern, IndexFormat.Json));

        var inputs = new List<IndexInput>(build.BaseCount + newest.Count);
        var stored = build.AllDocuments();
        for (var nr = 0; nr < stored.Count; nr++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!touched.Contains(ids[nr]))
            {
                inputs.Add(Input(stored[nr].Doc, stored[nr].Tekst, stored[nr].Intern));
            }
        }

        inputs.AddRange(newest.Values.Select(a => Input(a.Doc, a.Tekst, a.Intern)));
        return new IndexBatch(inputs, build.Text("taxonomie"), build.Text("synoniemen"), new Postcodes(ColumnFormat.DecodePostcodes(build.Column("postcodes")!)))
        {
            Situaties = build.Text("situaties"),
            Talen = build.Text("talen"),
        };
    }

    /// <summary>Writes a complete new build file next to the current one, makes it durable and points readers at it.</summary>
    private async Task<IndexBuildResult> PublishAsync(IndexBatch batch, DocumentAnalyser analyser, byte[]? storedWoordenlijst, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.Map);
        var name = $"kaart-{timeProvider.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40] + ".db";
        var path = Path.Combine(options.Map, name);
        await Task.Run(() => BuildWriter.Write(path, batch, analyser, progress, cancellationToken, storedWoordenlijst), cancellationToken);

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
        _generation?.Dispose();
        _generation = null;
        _signal.Raise();
        RemoveOldGenerations(name);
        return new IndexBuildResult(batch.Documents.Count, Path.GetFullPath(path), watch.Elapsed);
    }

    public async Task UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default)
    {
        var upserts = update.Upserts.Select(u => u.Document.Aanbod.Id).ToList();
        if (upserts.Distinct(StringComparer.Ordinal).Count() != upserts.Count)
        {
            throw new ArgumentException("Een wijziging noemt hetzelfde aanbod meer dan eens.", nameof(update));
        }

        if (update.Deletes.Any(upserts.Contains))
        {
            throw new ArgumentException("Een wijziging kan een aanbod niet tegelijk vervangen en weghalen.", nameof(update));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var logged = await Task.Run(() => Apply(update, cancellationToken), cancellationToken);
            _signal.Raise();

            // The update is durable and visible; a compaction that fails or is cancelled leaves it in the log.
            if (logged is { } seq && LogIsLong(seq))
            {
                await CompactLockedAsync(progress: null, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool LogIsLong(long seq)
    {
        if (options.CompactAfterUpdates > 0 && seq >= options.CompactAfterUpdates)
        {
            return true;
        }

        var log = new FileInfo(CurrentGeneration().Build.LogPath);
        var wal = new FileInfo(log.FullName + "-wal");
        var bytes = (log.Exists ? log.Length : 0) + (wal.Exists ? wal.Length : 0);
        return options.CompactAfterLogMegabytes > 0 && bytes >= options.CompactAfterLogMegabytes * 1024L * 1024L;
    }

    /// <summary>Appends the update to the log; its number, or null when it changed nothing.</summary>
    private long? Apply(IndexUpdate update, CancellationToken cancellationToken)
    {
        var generation = CurrentGeneration();
        var log = generation.Log ??= UpdateLog.OpenForWriting(generation.Build.LogPath);
        var removed = new List<RemovedDocument>();
        foreach (var id in update.Upserts.Select(u => u.Document.Aanbod.Id).Concat(update.Deletes).Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CurrentVersion(generation, log, id) is { } old)
            {
                // What the old version added up is recomputed from what was stored: the analysis is deterministic.
                var document = DocumentAnalyser.FromStored(generation.Build.DocCodec.Decompress(old.Doc), generation.Build.TekstCodec.DecompressText(old.Tekst));
                var a = generation.Analyser.Analyse(document);
                removed.Add(new RemovedDocument(id, a.Terms, a.LengthHalf, a.Words, a.Stems, a.Suggesties));
            }
        }

        var added = update.Upserts.Select(input => new AddedDocument(
            generation.Analyser.Analyse(input.Document),
            generation.Build.DocCodec.Compress(DocumentAnalyser.StoredJson(input.Document)),
            generation.Build.TekstCodec.CompressText(input.Document.BodyTekst),
            input.Intern is null ? null : JsonSerializer.SerializeToUtf8Bytes(input.Intern, IndexFormat.Json))).ToArray();

        if (removed.Count == 0 && added.Length == 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return UpdateLog.Append(log, new IndexChange(removed.ToArray(), added));
    }

    private static StoredDocument? CurrentVersion(Generation generation, SqliteConnection log, string id)
    {
        var (logged, known) = UpdateLog.Find(log, id);
        if (known)
        {
            return logged;
        }

        if (generation.Ids.TryGetValue(id, out var nr) && generation.Build.Document(nr) is { } stored)
        {
            return new StoredDocument(stored.Doc, stored.Tekst, generation.Build.Intern(nr));
        }

        return null;
    }

    private Generation CurrentGeneration()
    {
        if (!File.Exists(options.PointerPath))
        {
            throw new IndexNotFoundException($"Er is nog geen zoekindex in {Path.GetFullPath(options.Map)} om bij te werken. Bouw hem eerst.");
        }

        var name = File.ReadAllText(options.PointerPath).Trim();
        if (_generation?.Build.Name == name)
        {
            return _generation;
        }

        _generation?.Dispose();
        var build = BuildFile.Open(Path.Combine(options.Map, name), name);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var nr = 0;
        for (var i = 0; build.Column(ColumnFormat.ChunkName("docs", i)) is { } chunk; i++)
        {
            var docs = new ByteReader(ColumnFormat.Unpack(chunk));
            for (var n = docs.Int(); n > 0; n--)
            {
                ids[docs.String()] = nr++;
                docs.String();
                docs.String();
                docs.String();
                docs.String();
                docs.Int();
                docs.Varint();
                for (var p = docs.Int(); p > 0; p--)
                {
                    docs.Double();
                    docs.Double();
                }
            }
        }

        // An update is analysed with the rules of its build, so it adds and removes exactly the terms a rebuild would.
        _generation = new Generation(build, new DocumentAnalyser(analyzer, Taxonomie.Parse(build.Text("taxonomie")),
            SearchKnowledge.FrasenVan(build.Text("synoniemen"), build.Text("situaties"))), ids);
        return _generation;
    }

    private void RemoveOldGenerations(string current)
    {
        // Keep the new build and the two before it (with their logs): a reader may still be busy with one (readers in
        // other processes cannot be asked; on Linux an open file stays readable after deletion, but a new connection to it cannot open).
        var old = Directory.GetFiles(options.Map, "kaart-*.db")
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f != current && !f.EndsWith(".log.db", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SkipLast(2);
        foreach (var file in old)
        {
            var path = Path.Combine(options.Map, file);
            var log = IndexFormat.LogPath(path);
            foreach (var f in new[] { path, log, log + "-wal", log + "-shm" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // Still in use somewhere: the next build removes it.
                }
            }
        }
    }

    public void Dispose()
    {
        _generation?.Dispose();
        _generation = null;
    }
}
