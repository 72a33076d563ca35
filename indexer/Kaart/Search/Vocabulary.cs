namespace SocialeKaart.Kaart.Search;

/// <summary>
/// The words of an index: every indexed (folded) word with its stem and document frequency.
/// Used to plan queries: is a stem in the index, is a word a word, which words are close to a typo.
/// </summary>
public sealed class Vocabulary
{
    // The words of the build (immutable, shared by every later version) …
    private readonly Dictionary<string, Entry> _words;
    private readonly Dictionary<string, int> _stems; // stem → number of words with it
    private readonly string[][] _byLength;
    private readonly ulong[][] _masks;

    // … and what updates changed since: a word's new entry (Df 0: gone), the change in words per stem.
    private readonly Dictionary<string, Entry>? _changed;
    private readonly Dictionary<string, int>? _stemDelta;

    public readonly record struct Entry(string Word, string Stem, int Df);

    public Vocabulary(IEnumerable<Entry> entries)
    {
        _words = new Dictionary<string, Entry>(StringComparer.Ordinal);
        _stems = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Df <= 0)
            {
                continue;
            }

            if (_words.TryGetValue(e.Word, out var old))
            {
                _stems[old.Stem]--;
            }

            _words[e.Word] = e;
            _stems[e.Stem] = _stems.GetValueOrDefault(e.Stem) + 1;
        }

        Count = _words.Count;
        var maxLength = _words.Count == 0 ? 0 : _words.Keys.Max(w => w.Length);
        _byLength = new string[maxLength + 1][];
        _masks = new ulong[maxLength + 1][];
        foreach (var group in _words.Keys.GroupBy(w => w.Length))
        {
            _byLength[group.Key] = group.ToArray();
            _masks[group.Key] = _byLength[group.Key].Select(Mask).ToArray();
        }
    }

    private Vocabulary(Vocabulary root, Dictionary<string, Entry> changed, Dictionary<string, int> stemDelta, int count)
    {
        _words = root._words;
        _stems = root._stems;
        _byLength = root._byLength;
        _masks = root._masks;
        _changed = changed;
        _stemDelta = stemDelta;
        Count = count;
    }

    /// <summary>
    /// This vocabulary after an update: per word the change in the number of aanbod that have it. The result answers
    /// exactly as a vocabulary built from the new aanbod would; the words of the build are shared, not copied.
    /// </summary>
    public Vocabulary With(IEnumerable<(string Word, string Stem, int DfDelta)> changes)
    {
        var changed = _changed is null ? new Dictionary<string, Entry>(StringComparer.Ordinal) : new Dictionary<string, Entry>(_changed, StringComparer.Ordinal);
        var stemDelta = _stemDelta is null ? new Dictionary<string, int>(StringComparer.Ordinal) : new Dictionary<string, int>(_stemDelta, StringComparer.Ordinal);
        var count = Count;
        foreach (var (word, stem, delta) in changes)
        {
            if (delta == 0)
            {
                continue;
            }

            var old = changed.TryGetValue(word, out var c) ? c : _words.TryGetValue(word, out var w) ? w : new Entry(word, stem, 0);
            var df = old.Df + delta;
            if (df < 0)
            {
                throw new InvalidOperationException($"Het woord '{word}' komt in minder aanbod voor dan de wijziging weghaalt.");
            }

            if (old.Df > 0 && df == 0)
            {
                count--;
                stemDelta[old.Stem] = stemDelta.GetValueOrDefault(old.Stem) - 1;
            }
            else if (old.Df == 0 && df > 0)
            {
                count++;
                stemDelta[stem] = stemDelta.GetValueOrDefault(stem) + 1;
            }

            changed[word] = new Entry(word, df > 0 ? (old.Df > 0 ? old.Stem : stem) : old.Stem, df);
        }

        return new Vocabulary(this, changed, stemDelta, count);
    }

    // Which letters a word has, as bits. One edit changes at most two bits, so words whose masks differ in more than
    // 2 × edits bits cannot be within reach: a cheap filter before the edit distance.
    private static ulong Mask(string word)
    {
        ulong mask = 0;
        foreach (var c in word)
        {
            mask |= 1UL << (c is >= 'a' and <= 'z' ? c - 'a' : 26 + c % 38);
        }

        return mask;
    }

    public int Count { get; }

    public bool HasStem(string stem) =>
        _stems.GetValueOrDefault(stem) + (_stemDelta is null ? 0 : _stemDelta.GetValueOrDefault(stem)) > 0;

    public bool IsWord(string word) => Df(word) > 0;

    public int Df(string word) =>
        _changed is not null && _changed.TryGetValue(word, out var c) ? c.Df : _words.TryGetValue(word, out var e) ? e.Df : 0;

    /// <summary>Edits allowed for a word of this length, as Elasticsearch's fuzziness AUTO (0 up to 2, 1 up to 5, then 2).</summary>
    public static int AutoFuzziness(int length) => length <= 2 ? 0 : length <= 5 ? 1 : 2;

    /// <summary>Indexed words within <paramref name="maxEdits"/> (Damerau–Levenshtein), nearest and most frequent first.</summary>
    public IReadOnlyList<Entry> Similar(string word, int maxEdits, int max = 3)
    {
        if (maxEdits == 0)
        {
            return [];
        }

        var found = new List<(Entry Entry, int Distance)>();
        var mask = Mask(word);
        for (var len = Math.Max(1, word.Length - maxEdits); len <= Math.Min(_byLength.Length - 1, word.Length + maxEdits); len++)
        {
            if (_byLength[len] is not { } bucket)
            {
                continue;
            }

            var masks = _masks[len];
            for (var i = 0; i < bucket.Length; i++)
            {
                if (ulong.PopCount(masks[i] ^ mask) > (ulong)(2 * maxEdits))
                {
                    continue;
                }

                var candidate = bucket[i];
                var d = EditDistance.Bounded(word, candidate, maxEdits);
                if (d <= maxEdits && (_changed is null || !_changed.ContainsKey(candidate)))
                {
                    found.Add((_words[candidate], d));
                }
            }
        }

        if (_changed is not null)
        {
            foreach (var entry in _changed.Values)
            {
                if (entry.Df > 0 && Math.Abs(entry.Word.Length - word.Length) <= maxEdits
                    && ulong.PopCount(Mask(entry.Word) ^ mask) <= (ulong)(2 * maxEdits)
                    && EditDistance.Bounded(word, entry.Word, maxEdits) is var d && d <= maxEdits)
                {
                    found.Add((entry, d));
                }
            }
        }

        return found.OrderBy(f => f.Distance).ThenByDescending(f => f.Entry.Df).ThenBy(f => f.Entry.Word, StringComparer.Ordinal)
            .Take(max).Select(f => f.Entry).ToList();
    }
}

/// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), stopping early past a bound.</summary>
public static class EditDistance
{
    public static int Bounded(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > bound)
            {
                return bound + 1;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return prev[b.Length];
    }
}
