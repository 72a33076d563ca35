using SocialeKaart.Kaart.Analysis;

namespace SocialeKaart.Kaart.Search;

/// <summary>Marks the words of a text that match the stems of a query (also as part of a compound).</summary>
public sealed class Highlighter
{
    // Every word a result shows, once: more than the words of a national kaart (about 220,000 at 100,000 aanbod).
    private const int MaxCached = 300_000;
    private const int MaxFlipped = 64;

    private readonly Decompounder _decompounder;

    // The stems a word stands for (its own and its compound parts'), computed once per word: a string when it is only
    // its own stem, else an array. Shared by the highlighters of a build and of the updates after it …
    private readonly Cache _shared;

    // … except for words that contain a word that came or went since (compound splitting asks the vocabulary about the
    // parts of a word): this highlighter's own answers for those.
    private readonly string[] _flipped;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _own = new(StringComparer.Ordinal);

    private sealed class Cache
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> Stems = new(StringComparer.Ordinal);
        public int Count;
    }

    public Highlighter(Vocabulary vocabulary) : this(vocabulary, new Cache(), [])
    {
    }

    private Highlighter(Vocabulary vocabulary, Cache shared, string[] flipped)
    {
        _decompounder = new Decompounder(vocabulary.IsWord);
        _shared = shared;
        _flipped = flipped;
    }

    /// <summary>
    /// The highlighter for the vocabulary after an update (<paramref name="flipped"/>: the words that came or went).
    /// What it learnt stays valid for every word that does not contain one of them.
    /// </summary>
    public Highlighter With(Vocabulary updated, IReadOnlyCollection<string> flipped)
    {
        // Only parts of at least MinPartLength letters are looked up, and only in words of MinCompoundLength or more.
        var relevant = _flipped.Concat(flipped.Where(w => w.Length >= Decompounder.MinPartLength)).Distinct(StringComparer.Ordinal).ToArray();
        return relevant.Length > MaxFlipped ? new Highlighter(updated) : new Highlighter(updated, _shared, relevant);
    }

    public IReadOnlyList<Fragment> Mark(string samenvatting, Func<string> readBody, IReadOnlySet<string> stems, int window = 28)
    {
        if (stems.Count > 0)
        {
            var marked = Mark(samenvatting, stems, 0, samenvatting.Length);
            if (marked.Any(f => f.Treffer))
            {
                return marked;
            }

            // Find the first matching word of the body without tokenizing all of it, then mark a window around it.
            var body = readBody();
            var before = new Queue<Token>();
            Token? first = null;
            foreach (var token in Tokenizer.Enumerate(body))
            {
                if (Matches(token.Folded, stems))
                {
                    first = token;
                    break;
                }

                before.Enqueue(token);
                if (before.Count > window / 3)
                {
                    before.Dequeue();
                }
            }

            if (first is { } match)
            {
                var start = before.Count > 0 ? before.Peek().Start : match.Start;
                var skipped = start > 0;
                var end = match.Start + match.Length;
                var after = 0;
                foreach (var token in Tokenizer.Enumerate(body[end..]))
                {
                    end = match.Start + match.Length + token.Start + token.Length;
                    if (++after >= window - before.Count)
                    {
                        break;
                    }
                }

                var fragments = new List<Fragment>();
                if (skipped)
                {
                    fragments.Add(new Fragment("… ", false));
                }

                fragments.AddRange(Mark(body, stems, start, end));
                if (end < body.TrimEnd().Length)
                {
                    fragments.Add(new Fragment(" …", false));
                }

                return fragments;
            }
        }

        return [new Fragment(samenvatting, false)];
    }

    private List<Fragment> Mark(string text, IReadOnlySet<string> stems, int start, int end)
    {
        var fragments = new List<Fragment>();
        var at = start;
        foreach (var token in Tokenizer.Tokenize(text[start..end]))
        {
            var tokenStart = start + token.Start;
            if (token.Folded.Length > 1 && Matches(token.Folded, stems) && tokenStart >= at)
            {
                if (tokenStart > at)
                {
                    fragments.Add(new Fragment(text[at..tokenStart], false));
                }

                fragments.Add(new Fragment(text.Substring(tokenStart, token.Length), true));
                at = tokenStart + token.Length;
            }
        }

        if (at < end)
        {
            fragments.Add(new Fragment(text[at..end], false));
        }

        return fragments;
    }

    private bool Matches(string folded, IReadOnlySet<string> stems)
    {
        if (!DutchAnalyzer.IsIndexable(folded))
        {
            return false;
        }

        var own = Stems(folded);
        if (own is string single)
        {
            return stems.Contains(single);
        }

        foreach (var stem in (string[])own)
        {
            if (stems.Contains(stem))
            {
                return true;
            }
        }

        return false;
    }

    private object Stems(string folded)
    {
        var affected = false;
        if (_flipped.Length > 0 && folded.Length >= Decompounder.MinCompoundLength)
        {
            foreach (var w in _flipped)
            {
                if (folded.Contains(w, StringComparison.Ordinal))
                {
                    affected = true;
                    break;
                }
            }
        }

        var cache = affected ? _own : _shared.Stems;
        if (cache.TryGetValue(folded, out var own))
        {
            return own;
        }

        if (!affected && Interlocked.Increment(ref _shared.Count) > MaxCached)
        {
            _shared.Stems.Clear();
            Interlocked.Exchange(ref _shared.Count, 0);
        }

        var stem = DutchAnalyzer.Stem(folded);
        var parts = _decompounder.Split(folded);
        own = parts.Count == 0 ? (stem == folded ? folded : stem) : (object)new[] { stem }.Concat(parts.Select(DutchAnalyzer.Stem)).ToArray();
        cache.TryAdd(folded, own);
        return own;
    }
}
