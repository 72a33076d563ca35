using SocialeKaart.Kaart.Analysis;

namespace SocialeKaart.Kaart.Search;

/// <summary>Marks the words of a text that match the stems of a query (also as part of a compound).</summary>
public sealed class Highlighter(Vocabulary vocabulary)
{
    private readonly Decompounder _decompounder = new(vocabulary.IsWord);

    // The stems a word stands for (its own and its compound parts'), computed once per word for this index.
    private System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _stems = new(StringComparer.Ordinal);

    /// <summary>
    /// The highlighter for the vocabulary after an update. What it learnt stays, except for words that contain a word
    /// that came or went (<paramref name="flipped"/>): those may now split into other compound parts.
    /// </summary>
    public Highlighter With(Vocabulary updated, IReadOnlyCollection<string> flipped)
    {
        var next = new Highlighter(updated);
        next._stems = flipped.Count == 0
            ? _stems
            : new(_stems.Where(e => !flipped.Any(w => e.Key.Contains(w, StringComparison.Ordinal))), StringComparer.Ordinal);
        return next;
    }

    private const int MaxCached = 50_000;

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

        // Bounded: a national kaart has hundreds of thousands of words; the ones in results are far fewer.
        if (!_stems.TryGetValue(folded, out var own))
        {
            if (_stems.Count > MaxCached)
            {
                _stems.Clear();
            }

            own = _stems.GetOrAdd(folded, w => [DutchAnalyzer.Stem(w), .. _decompounder.Split(w).Select(DutchAnalyzer.Stem)]);
        }

        foreach (var stem in own)
        {
            if (stems.Contains(stem))
            {
                return true;
            }
        }

        return false;
    }
}
