using SocialeKaart.Kaart.Analysis;

namespace SocialeKaart.Kaart.Search;

/// <summary>Marks the words of a text that match the stems of a query (also as part of a compound).</summary>
public sealed class Highlighter(Vocabulary vocabulary)
{
    private readonly Decompounder _decompounder = new(vocabulary.IsWord);

    // The stems a word stands for (its own and its compound parts'), computed once per word for this index.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _stems = new(StringComparer.Ordinal);

    public IReadOnlyList<Fragment> Mark(string samenvatting, string body, IReadOnlySet<string> stems, int window = 28)
    {
        if (stems.Count > 0)
        {
            var marked = Mark(samenvatting, stems, 0, samenvatting.Length);
            if (marked.Any(f => f.Treffer))
            {
                return marked;
            }

            var tokens = Tokenizer.Tokenize(body);
            var first = tokens.FindIndex(t => Matches(t.Folded, stems));
            if (first >= 0)
            {
                var from = Math.Max(0, first - window / 3);
                var to = Math.Min(tokens.Count - 1, from + window);
                var start = tokens[from].Start;
                var end = tokens[to].Start + tokens[to].Length;
                var fragments = new List<Fragment>();
                if (from > 0)
                {
                    fragments.Add(new Fragment("… ", false));
                }

                fragments.AddRange(Mark(body, stems, start, end));
                if (to < tokens.Count - 1)
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

        var own = _stems.Count < 200_000
            ? _stems.GetOrAdd(folded, w => [DutchAnalyzer.Stem(w), .. _decompounder.Split(w).Select(DutchAnalyzer.Stem)])
            : [DutchAnalyzer.Stem(folded), .. _decompounder.Split(folded).Select(DutchAnalyzer.Stem)];
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
