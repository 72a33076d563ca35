namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// The Dutch analysis chain, one for index and query: words → fold (lowercase, no accents) →
/// drop stop words → Snowball Dutch (Porter) stem. At index time compounds add the stems of their parts.
/// </summary>
public sealed class DutchAnalyzer(Decompounder decompounder)
{
    public Decompounder Decompounder { get; } = decompounder;

    public static string Stem(string folded) =>
        folded.Length < 3 || char.IsDigit(folded[0]) || !IsLatin(folded) ? folded : DutchStemmer.Stem(folded);

    /// <summary>A word in Latin letters (the Dutch stemmer would cut Arabic or Cyrillic words at random places).</summary>
    public static bool IsLatin(string folded)
    {
        foreach (var c in folded)
        {
            if (c > '\u024F')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIndexable(string folded) =>
        folded.Length > 1 && !StopWords.Dutch.Contains(folded);

    // Texts repeat their words: fold, stem and split each distinct word once (a build analyses tens of millions of words,
    // a few hundred thousand distinct). Keyed by the word as typed, so a known word costs one lookup and no allocation.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Woord?> _typed = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Woord?> _folded = new(StringComparer.Ordinal);

    /// <summary>An indexable word (folded), its stem and its compound parts with theirs.</summary>
    private sealed record Woord(string Folded, string Stem, (string Part, string Stem)[] Parts);

    private Woord? Known(string folded) => _folded.GetOrAdd(folded, static (word, self) => !IsIndexable(word) ? null
        : new Woord(word, Stem(word), self.Decompounder.Split(word).Where(IsIndexable).Select(p => (p, Stem(p))).ToArray()), this);

    private Woord? KnownTyped(string text, Tokenizer.WordSpan span)
    {
        if (span.Joined is { } joined)
        {
            return Known(joined);
        }

        var lookup = _typed.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span.WordChars(text), out var woord))
        {
            return woord;
        }

        var typed = span.Word(text);
        return _typed.GetOrAdd(typed, Known(TextFolding.Fold(typed)));
    }

    // Per thread, so analysing a text allocates nothing of its own (a rebuild analyses in parallel).
    [ThreadStatic]
    private static List<Tokenizer.WordSpan>? t_group;

    /// <summary>The stems (with those of compound parts) of a text, in text order.</summary>
    /// <param name="onWord">Called with every indexed surface word (also compound parts): feeds the vocabulary for typo correction.</param>
    /// <param name="frasen">Phrases of the search rules: each place where one stands in the text adds its term (<see cref="Frasen.Term"/>).</param>
    public void AnalyzeForIndex(string text, List<string> terms, Action<string, string>? onWord = null, Frasen? frasen = null)
    {
        // The words of the text as a search reads them (stop words out, a hyphenated word as one), for phrases; a
        // punctuation mark between two words ends a phrase.
        var recent = frasen is null || frasen.Count == 0 ? null : new List<string>(frasen.MaxLength + 4);
        var starts = recent is null ? null : new List<int>(frasen!.MaxLength + 4);
        var lastEnd = 0;
        var group = t_group ??= new List<Tokenizer.WordSpan>(8);
        var at = 0;
        while (Tokenizer.NextGroup(text, ref at, group))
        {
            foreach (var token in group)
            {
                var joined = token.Start < lastEnd; // the joined form of a hyphenated word, after its parts
                if (recent is not null && !joined && Breaks(text, lastEnd, token.Start))
                {
                    recent.Clear();
                    starts!.Clear();
                }

                lastEnd = Math.Max(lastEnd, token.Start + token.Length);
                if (KnownTyped(text, token) is not { } woord)
                {
                    continue;
                }

                var stem = woord.Stem;
                terms.Add(stem);
                onWord?.Invoke(woord.Folded, stem);
                foreach (var (part, partStem) in woord.Parts)
                {
                    terms.Add(partStem);
                    onWord?.Invoke(part, partStem);
                }

                if (recent is not null)
                {
                    // The parts of "speel-o-theek" came one by one before it: as a search reads it, the word is the joined form.
                    while (joined && starts!.Count > 0 && starts[^1] >= token.Start)
                    {
                        recent.RemoveAt(recent.Count - 1);
                        starts.RemoveAt(starts.Count - 1);
                    }

                    if (recent.Count > frasen!.MaxLength)
                    {
                        recent.RemoveAt(0);
                        starts!.RemoveAt(0);
                    }

                    recent.Add(stem);
                    starts!.Add(token.Start);
                    frasen.Ending(recent, terms);
                }
            }
        }
    }

    private static bool Breaks(string text, int from, int to)
    {
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (text[i] is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '\n' or '|' or '/')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stems of a phrase without compound splitting, e.g. one side of a synonym rule.</summary>
    public static IReadOnlyList<string> StemPhrase(string text) =>
        Tokenizer.Tokenize(text).Where(t => IsIndexable(t.Folded)).Select(t => Stem(t.Folded)).ToList();
}
