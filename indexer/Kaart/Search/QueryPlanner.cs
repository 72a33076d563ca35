using SocialeKaart.Kaart.Analysis;

namespace SocialeKaart.Kaart.Search;

/// <summary>
/// What to look for, independent of the engine: groups that must all match (AND); a group matches
/// when one of its alternatives does (OR); an alternative is a set of stems that must all be there (AND).
/// Elasticsearch: a bool query with one <c>must</c> per group, <c>should</c> per alternative, <c>term</c> per stem.
/// </summary>
public sealed record QueryPlan(
    IReadOnlyList<QueryGroup> Groups,
    IReadOnlyList<string> NietGevonden,
    string? BedoeldeU,
    IReadOnlySet<string> Stems)
{
    public bool IsEmpty => Groups.Count == 0;
}

public sealed record QueryGroup(string Woorden, IReadOnlyList<IReadOnlyList<string>> Alternatives);

/// <summary>
/// Turns the words an inwoner typed into a <see cref="QueryPlan"/>: analysis as at index time, then
/// synonyms, then for words the index does not know: compound splitting and typo correction.
/// Any input is safe: only analysed words reach the engine, never query syntax.
/// </summary>
public sealed class QueryPlanner(Vocabulary vocabulary, Synonyms synonyms)
{
    // Compounds in a query are split against the words of the index (the indexer's word list is not needed here).
    private readonly Decompounder _decompounder = new(vocabulary.IsWord);

    public const int MaxGroups = 16;

    public QueryPlan Plan(string text)
    {
        if (text.Length > SearchQuery.MaxTekstLength)
        {
            text = text[..SearchQuery.MaxTekstLength];
        }

        var words = Words(text);
        var groups = new List<QueryGroup>();
        var nietGevonden = new List<string>();
        var corrections = new Dictionary<string, string>();
        var i = 0;
        while (i < words.Count && groups.Count < MaxGroups)
        {
            var rule = words[i].Joined is null ? synonyms.Match(words.Select(w => w.Stem).ToList(), i) : null;
            if (rule is not null)
            {
                var known = WithoutRedundant(rule.Alternatives.Where(a => a.All(vocabulary.HasStem)));
                if (known.Count > 0)
                {
                    var span = words.Skip(i).Take(rule.Match.Count).ToList();
                    groups.Add(new QueryGroup(string.Join(' ', span.Select(w => w.Original)), known));
                    i += rule.Match.Count;
                    continue;
                }
            }

            var word = words[i++];
            var alternatives = Alternatives(word, out var correction);
            if (alternatives.Count == 0)
            {
                nietGevonden.Add(word.Original);
            }
            else
            {
                groups.Add(new QueryGroup(word.Original, alternatives));
                if (correction is not null)
                {
                    corrections[word.Original] = correction;
                }
            }
        }

        // The inwoner's words, with each misspelled one replaced by the word the index knows.
        var bedoeldeU = corrections.Count == 0 ? null : string.Join(' ', Tokenizer.Tokenize(text)
            .Select(t => text.Substring(t.Start, t.Length))
            .Select(w => corrections.TryGetValue(w, out var c) ? c : w));

        var stems = groups.SelectMany(g => g.Alternatives).SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        return new QueryPlan(groups, nietGevonden, bedoeldeU, stems);
    }

    /// <summary>"werk" OR ("werk" AND "zoek") is just "werk": an alternative that contains another one adds nothing.</summary>
    private static List<IReadOnlyList<string>> WithoutRedundant(IEnumerable<IReadOnlyList<string>> alternatives)
    {
        var list = alternatives.OrderBy(a => a.Count).ToList();
        var kept = new List<IReadOnlyList<string>>();
        foreach (var a in list)
        {
            if (!kept.Any(k => k.All(a.Contains)))
            {
                kept.Add(a);
            }
        }

        return kept;
    }

    private List<IReadOnlyList<string>> Alternatives(QueryWord word, out string? correction)
    {
        correction = null;
        var result = new List<IReadOnlyList<string>>();
        if (vocabulary.HasStem(word.Stem))
        {
            result.Add([word.Stem]);
        }

        if (word.Joined is { } parts)
        {
            // "speel-o-theek": the joined word or all its parts.
            var partStems = parts.Where(DutchAnalyzer.IsIndexable).Select(DutchAnalyzer.Stem).ToList();
            if (partStems.Count > 0 && partStems.All(vocabulary.HasStem))
            {
                result.Add(partStems);
            }
        }

        if (result.Count > 0)
        {
            return result;
        }

        // A compound the index does not have as a whole: all its parts must be there.
        var leaves = _decompounder.Leaves(word.Folded)
            .Where(DutchAnalyzer.IsIndexable).Select(DutchAnalyzer.Stem).ToList();
        if (leaves.Count > 1 && leaves.All(vocabulary.HasStem))
        {
            result.Add(leaves);
        }

        // A typo: the nearest words of the index.
        var similar = vocabulary.Similar(word.Folded, Vocabulary.AutoFuzziness(word.Folded.Length));
        foreach (var entry in similar)
        {
            if (!result.Any(a => a.Count == 1 && a[0] == entry.Stem))
            {
                result.Add([entry.Stem]);
            }
        }

        if (result.Count > 0 && leaves.Count <= 1 && similar.Count > 0)
        {
            correction = similar[0].Word;
        }

        return result;
    }

    private sealed record QueryWord(string Original, string Folded, string Stem, IReadOnlyList<string>? Joined, int Start);

    private static List<QueryWord> Words(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new List<QueryWord>();
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var original = text.Substring(t.Start, t.Length);
            if (original.Contains('-'))
            {
                // The tokenizer emitted the parts before the joined word: fold them into this one.
                var parts = new List<string>();
                while (words.Count > 0 && words[^1].Joined is null && t.Start <= words[^1].Start)
                {
                    parts.Insert(0, words[^1].Folded);
                    words.RemoveAt(words.Count - 1);
                }

                words.Add(new QueryWord(original, t.Folded, DutchAnalyzer.Stem(t.Folded), parts, t.Start));
                continue;
            }

            if (DutchAnalyzer.IsIndexable(t.Folded))
            {
                words.Add(new QueryWord(original, t.Folded, DutchAnalyzer.Stem(t.Folded), null, t.Start));
            }
        }

        return words;
    }
}
