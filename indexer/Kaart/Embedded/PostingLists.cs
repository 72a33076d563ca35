using System.Collections.Concurrent;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>The live aanbod a term occurs in (ascending numbers) and its weighted frequency in each.</summary>
internal sealed class PostingList(int[] docs, float[] tf)
{
    public static PostingList Empty { get; } = new([], []);

    public int[] Docs { get; } = docs;
    public float[] Tf { get; } = tf;
    public int Df => Docs.Length;
}

/// <summary>
/// Decoded postings of one snapshot, bounded in size: common words are decoded once, not per search. An update hands
/// its successor a copy in which the lists of the terms it touched are patched (removed aanbod out, added ones appended).
/// </summary>
internal sealed class PostingCache
{
    /// <summary>About 24 MB of decoded postings (8 bytes each).</summary>
    public const long Budget = 3_000_000;

    private sealed class Entry(PostingList list, long used)
    {
        public PostingList List { get; } = list;
        public long Used = used;
    }

    private readonly ConcurrentDictionary<string, Entry> _lists;
    private readonly Lock _evicting = new();
    private long _size;
    private long _clock;

    public PostingCache() => _lists = new(StringComparer.Ordinal);

    private PostingCache(ConcurrentDictionary<string, Entry> lists, long size, long clock)
    {
        _lists = lists;
        _size = size;
        _clock = clock;
    }

    public bool TryGet(string term, out PostingList list)
    {
        if (_lists.TryGetValue(term, out var entry))
        {
            entry.Used = Interlocked.Increment(ref _clock);
            list = entry.List;
            return true;
        }

        list = PostingList.Empty;
        return false;
    }

    public void Add(string term, PostingList list)
    {
        if (_lists.TryAdd(term, new Entry(list, Interlocked.Increment(ref _clock))) && Interlocked.Add(ref _size, list.Df + 8) > Budget)
        {
            Evict();
        }
    }

    // Over budget: the least recently used lists go until three quarters of the budget is used.
    private void Evict()
    {
        lock (_evicting)
        {
            if (Interlocked.Read(ref _size) <= Budget)
            {
                return;
            }

            foreach (var (term, entry) in _lists.OrderBy(e => e.Value.Used).ToList())
            {
                if (Interlocked.Read(ref _size) <= Budget * 3 / 4)
                {
                    break;
                }

                if (_lists.TryRemove(term, out _))
                {
                    Interlocked.Add(ref _size, -(entry.List.Df + 8));
                }
            }
        }
    }

    /// <summary>The cache for the next snapshot: lists of terms with removed or added aanbod are patched, the rest shared.</summary>
    public PostingCache Patch(IReadOnlyDictionary<string, HashSet<int>> removed, IReadOnlyDictionary<string, List<(int Doc, float Tf)>> added)
    {
        var lists = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        long size = 0;
        foreach (var (term, entry) in _lists)
        {
            var list = entry.List;
            var gone = removed.GetValueOrDefault(term);
            var extra = added.GetValueOrDefault(term);
            var patched = list;
            if (gone is not null || extra is not null)
            {
                patched = Patched(list, gone, extra);
            }

            lists[term] = new Entry(patched, entry.Used);
            size += patched.Df + 8;
        }

        return new PostingCache(lists, size, Interlocked.Read(ref _clock));
    }

    // An update removes a few aanbod from a list (found by binary search; the rest is copied in blocks) and appends the
    // added ones, whose numbers are higher than any in the list.
    private static PostingList Patched(PostingList list, HashSet<int>? gone, List<(int Doc, float Tf)>? extra)
    {
        var cut = new List<int>();
        foreach (var d in gone ?? [])
        {
            var at = Array.BinarySearch(list.Docs, d);
            if (at >= 0)
            {
                cut.Add(at);
            }
        }

        cut.Sort();
        var length = list.Df - cut.Count + (extra?.Count ?? 0);
        if (length == 0)
        {
            return PostingList.Empty;
        }

        var docs = new int[length];
        var tf = new float[length];
        var from = 0;
        var to = 0;
        foreach (var at in cut.Append(list.Df))
        {
            Array.Copy(list.Docs, from, docs, to, at - from);
            Array.Copy(list.Tf, from, tf, to, at - from);
            to += at - from;
            from = at + 1;
        }

        foreach (var (doc, f) in extra ?? [])
        {
            docs[to] = doc;
            tf[to++] = f;
        }

        return new PostingList(docs, tf);
    }
}
