namespace SocialeKaart.Kaart.Search;

/// <summary>
/// The words of an index: every indexed (folded) word with its stem and document frequency.
/// Used to plan queries: is a stem in the index, is a word a word, which words are close to a typo.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, Entry> _words;
    private readonly HashSet<string> _stems;
    private readonly string[][] _byLength;
    private readonly ulong[][] _masks;

    public readonly record struct Entry(string Word, string Stem, int Df);

    public Vocabulary(IEnumerable<Entry> entries)
    {
        _words = new Dictionary<string, Entry>(StringComparer.Ordinal);
        _stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            _words[e.Word] = e;
            _stems.Add(e.Stem);
        }

        var maxLength = _words.Count == 0 ? 0 : _words.Keys.Max(w => w.Length);
        _byLength = new string[maxLength + 1][];
        _masks = new ulong[maxLength + 1][];
        foreach (var group in _words.Keys.GroupBy(w => w.Length))
        {
            _byLength[group.Key] = group.ToArray();
            _masks[group.Key] = _byLength[group.Key].Select(Mask).ToArray();
        }
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

    public int Count => _words.Count;
    public bool HasStem(string stem) => _stems.Contains(stem);
    public bool IsWord(string word) => _words.ContainsKey(word);
    public int Df(string word) => _words.TryGetValue(word, out var e) ? e.Df : 0;

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
                if (d <= maxEdits)
                {
                    found.Add((_words[candidate], d));
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
