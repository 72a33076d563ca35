using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// The embedded search engine as readers see it: the current snapshot of the index folder, kept up to date.
/// A rebuild (a new build file behind the pointer) is opened in the background and swapped in; an update (a new row in
/// the build's log) is applied to a copy of the snapshot and swapped in. Readers in this process see an update as soon
/// as <see cref="ISearchIndexWriter.UpdateAsync"/> returns; readers in other processes poll the log, at most every
/// quarter of a second, with one cheap query.
/// </summary>
public sealed class SqliteSearchIndex(EmbeddedIndexOptions options, TimeProvider timeProvider) : ISearchIndex, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly IndexSignals.Signal _signal = IndexSignals.For(options.Map);

    /// <summary>A reader that, like one in another process, is not told of changes made in this process: it polls.</summary>
    internal SqliteSearchIndex(EmbeddedIndexOptions options, TimeProvider timeProvider, bool deaf) : this(options, timeProvider)
    {
        if (deaf)
        {
            _signal = new IndexSignals.Signal();
        }
    }
    private Snapshot? _snapshot;
    private SqliteConnection? _log;
    private long _checkedAt = long.MinValue;
    private long _seenSignal = -1;
    private bool _opening;

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Use(s => Searcher.Search(s, query, Rooster.Lokaal(timeProvider.GetUtcNow()))));

    public Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default) =>
        Task.FromResult(Use(s => s.Suggesties.Suggest(prefix, max)));

    public Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default) =>
        Task.FromResult(Use(s => Documents.Get(s, id, metIntern)));

    /// <summary>True when an index has been built at the configured place.</summary>
    public bool Exists => File.Exists(options.PointerPath);

    /// <summary>Whether there is an index this version can read: false without one, and for an index of an older format
    /// (after an upgrade), which needs a rebuild.</summary>
    public bool Leesbaar()
    {
        try
        {
            // The build's meta only (its format); the snapshot is loaded by the first search, as without this check.
            var name = ReadPointer();
            _ = BuildFile.Open(Path.Combine(options.Map, name), name);
            return true;
        }
        catch (IndexNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The number of aanbod in the current index.</summary>
    public int Count => Use(s => s.LiveCount);

    /// <summary>The number of the last update the current snapshot includes (0: none since the build).</summary>
    internal long Seq => Use(s => s.Seq);

    /// <summary>The current snapshot (for the benchmark's profile and the tests).</summary>
    internal Snapshot Snapshot => Current();

    // A search holds its build file until it is done: a swapped-out build closes its connections after its last search.
    private T Use<T>(Func<Snapshot, T> work)
    {
        var snapshot = Current();
        var build = snapshot.Build;
        build.Acquire();
        try
        {
            return work(snapshot);
        }
        finally
        {
            build.Release();
        }
    }

    private Snapshot Current()
    {
        var now = timeProvider.GetTimestamp();
        var snapshot = Volatile.Read(ref _snapshot);
        var signalled = _signal.Version != Volatile.Read(ref _seenSignal);
        if (snapshot is not null && !signalled && timeProvider.GetElapsedTime(Interlocked.Read(ref _checkedAt), now) < PollInterval)
        {
            return snapshot;
        }

        lock (_gate)
        {
            Interlocked.Exchange(ref _checkedAt, now);
            // A change in this process is applied before this search goes on; one in another process at the next poll.
            var version = _signal.Version;
            var synchronous = _snapshot is null || version != _seenSignal;
            var name = ReadPointer();
            if (_snapshot is null || (_snapshot.Build.Name != name && synchronous))
            {
                Swap(Open(name));
            }
            else if (_snapshot.Build.Name != name)
            {
                if (!_opening)
                {
                    OpenInBackground(name);
                }
            }
            else
            {
                CatchUp();
            }

            // Only now: a search that sees this version without taking the gate must find the snapshot that includes it.
            Volatile.Write(ref _seenSignal, version);
            return _snapshot!;
        }
    }

    private Snapshot Open(string name)
    {
        var path = Path.Combine(options.Map, name);
        var snapshot = SnapshotLoader.Open(path, name);
        var log = UpdateLog.OpenForReading(IndexFormat.LogPath(path));
        try
        {
            if (log is not null)
            {
                foreach (var (seq, change) in UpdateLog.ReadAfter(log, 0))
                {
                    snapshot = SnapshotUpdate.Apply(snapshot, change, seq);
                }
            }
        }
        finally
        {
            log?.Dispose();
        }

        return snapshot;
    }

    // A new build: open it while searches go on against the old one, then swap.
    private void OpenInBackground(string name)
    {
        _opening = true;
        _ = Task.Run(() =>
        {
            try
            {
                var fresh = Open(name);
                lock (_gate)
                {
                    if (_snapshot is not null && _snapshot.Build.Name == name)
                    {
                        return; // someone opened it synchronously meanwhile
                    }

                    Swap(fresh);
                }
            }
            catch (Exception e) when (e is IOException or IndexNotFoundException or SqliteException or InvalidDataException)
            {
                // Keep serving the old index; the next check tries again.
            }
            finally
            {
                lock (_gate)
                {
                    _opening = false;
                }
            }
        });
    }

    private void Swap(Snapshot fresh)
    {
        var old = _snapshot;
        _log?.Dispose();
        _log = null;
        Volatile.Write(ref _snapshot, fresh);
        if (old is not null && old.Build != fresh.Build)
        {
            old.Build.Retire();
        }
    }

    /// <summary>Applies the updates logged after the current snapshot (under the gate).</summary>
    private void CatchUp()
    {
        var snapshot = _snapshot!;
        _log ??= UpdateLog.OpenForReading(snapshot.Build.LogPath);
        if (_log is null || UpdateLog.LastSeq(_log) <= snapshot.Seq)
        {
            return;
        }

        foreach (var (seq, change) in UpdateLog.ReadAfter(_log, snapshot.Seq))
        {
            snapshot = SnapshotUpdate.Apply(snapshot, change, seq);
        }

        Volatile.Write(ref _snapshot, snapshot);
    }

    private string ReadPointer()
    {
        if (!File.Exists(options.PointerPath))
        {
            throw new IndexNotFoundException($"Er is nog geen zoekindex in {Path.GetFullPath(options.Map)}. Bouw hem met: dotnet run --project indexer -- build");
        }

        return File.ReadAllText(options.PointerPath).Trim();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
            _snapshot?.Build.Retire();
            _snapshot = null;
        }
    }
}

/// <summary>
/// Tells readers in this process that the writer changed an index folder, so that a search that starts after
/// <see cref="ISearchIndexWriter.UpdateAsync"/> returned sees the change (readers in other processes poll).
/// </summary>
internal static class IndexSignals
{
    private static readonly ConcurrentDictionary<string, Signal> Signals = new(StringComparer.Ordinal);

    public sealed class Signal
    {
        private long _version;

        public long Version => Interlocked.Read(ref _version);

        public void Raise() => Interlocked.Increment(ref _version);
    }

    public static Signal For(string map) => Signals.GetOrAdd(Path.GetFullPath(map), _ => new Signal());
}
