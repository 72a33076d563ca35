namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// The Dutch analysis chain, one for index and query: words → fold (lowercase, no accents) →
/// drop stop words → Snowball Dutch (Porter) stem. At index time compounds add the stems of their parts.
/// </summary>
public sealed class DutchAnalyzer(Decompounder decompounder)
{
    public Decompounder Decompounder { get; } = decompounder;

    public static string Stem(string folded) =>
        folded.Length < 3 || char.IsDigit(folded[0]) ? folded : DutchStemmer.Stem(folded);

    public static bool IsIndexable(string folded) =>
        folded.Length > 1 && !StopWords.Dutch.Contains(folded);

    // Texts repeat their words: stem and split each distinct word once (a build analyses millions of words, few distinct).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Stem, (string Part, string Stem)[] Parts)> _words = new(StringComparer.Ordinal);

    /// <summary>The stems (with those of compound parts) of a text, in text order.</summary>
    /// <param name="onWord">Called with every indexed surface word (also compound parts): feeds the vocabulary for typo correction.</param>
    public void AnalyzeForIndex(string text, List<string> terms, Action<string, string>? onWord = null)
    {
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (!IsIndexable(token.Folded))
            {
                continue;
            }

            var (stem, parts) = _words.GetOrAdd(token.Folded, word => (Stem(word),
                Decompounder.Split(word).Where(IsIndexable).Select(p => (p, Stem(p))).ToArray()));
            terms.Add(stem);
            onWord?.Invoke(token.Folded, stem);
            foreach (var (part, partStem) in parts)
            {
                terms.Add(partStem);
                onWord?.Invoke(part, partStem);
            }
        }
    }

    /// <summary>The stems of a phrase without compound splitting, e.g. one side of a synonym rule.</summary>
    public static IReadOnlyList<string> StemPhrase(string text) =>
        Tokenizer.Tokenize(text).Where(t => IsIndexable(t.Folded)).Select(t => Stem(t.Folded)).ToList();
}
