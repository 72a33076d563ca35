namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// Search-time synonyms in the Solr/Elasticsearch format (content/synoniemen.txt):
/// <c>a, b, c</c> makes the words equivalent; <c>a, b => c</c> replaces a and b by c.
/// Rules are analysed like the text (folded, stop words out, stemmed), as Elasticsearch does with
/// a synonym_graph filter after the stemmer.
/// </summary>
public sealed class Synonyms
{
    private readonly Dictionary<string, List<Rule>> _byFirstStem = new(StringComparer.Ordinal);

    public int RuleCount { get; }

    public sealed record Rule(IReadOnlyList<string> Match, IReadOnlyList<IReadOnlyList<string>> Alternatives);

    /// <summary>A problem with a line of the synonyms file.</summary>
    public sealed record Problem(int Line, string Message);

    private Synonyms(IEnumerable<Rule> rules, int ruleCount)
    {
        RuleCount = ruleCount;
        foreach (var rule in rules)
        {
            if (!_byFirstStem.TryGetValue(rule.Match[0], out var list))
            {
                _byFirstStem[rule.Match[0]] = list = [];
            }

            var same = list.FirstOrDefault(r => r.Match.SequenceEqual(rule.Match));
            if (same is null)
            {
                list.Add(rule);
            }
            else
            {
                // Two rules for the same words: their alternatives add up.
                var merged = same.Alternatives.Concat(rule.Alternatives)
                    .DistinctBy(a => string.Join(' ', a)).ToList();
                list[list.IndexOf(same)] = same with { Alternatives = merged };
            }
        }

        foreach (var list in _byFirstStem.Values)
        {
            list.Sort((a, b) => b.Match.Count.CompareTo(a.Match.Count));
        }
    }

    public static Synonyms Empty { get; } = new([], 0);

    /// <summary>Every rule, longest match first per first stem.</summary>
    public IEnumerable<Rule> Rules => _byFirstStem.Values.SelectMany(l => l);

    public static Synonyms Parse(string text, List<Problem>? problems = null)
    {
        var rules = new List<Rule>();
        var count = 0;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            foreach (var phrase in Shrinking(line))
            {
                problems?.Add(new(lineNumber, $"'{phrase}' wordt zonder stopwoorden één woord en zou te veel vinden; deze zin telt niet mee. Schrijf hem anders of haal hem weg."));
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var left = Phrases(arrow < 0 ? line : line[..arrow]);
            var right = arrow < 0 ? left : Phrases(line[(arrow + 2)..]);
            if (left.Count == 0 || right.Count == 0 || (arrow < 0 && left.Count < 2))
            {
                problems?.Add(new(lineNumber, "deze regel heeft geen synoniemen. Schrijf 'a, b, c' of 'a, b => c'."));
                continue;
            }

            count++;
            foreach (var match in left)
            {
                rules.Add(new Rule(match, right));
            }
        }

        return new Synonyms(rules, count);
    }

    // A phrase whose meaning rests on its stop words ("geen huis", "op straat") would shrink to one broad word
    // ("huis", "straat") and match far too much: such a phrase is left out of the rule.
    private static List<IReadOnlyList<string>> Phrases(string side) =>
        side.Split(',')
            .Where(p => !ShrinksToOneWord(p))
            .Select(p => DutchAnalyzer.StemPhrase(p))
            .Where(p => p.Count > 0)
            .DistinctBy(p => string.Join(' ', p))
            .ToList();

    private static bool ShrinksToOneWord(string phrase) =>
        Tokenizer.Tokenize(phrase).Count(t => t.Folded.Length > 0) > 1 && DutchAnalyzer.StemPhrase(phrase).Count == 1;

    /// <summary>The phrases of a line that are left out because stop words carry their meaning.</summary>
    public static IEnumerable<string> Shrinking(string line) =>
        line.Replace("=>", ",", StringComparison.Ordinal).Split(',').Select(p => p.Trim()).Where(ShrinksToOneWord);

    /// <summary>The longest rule that matches the stems at <paramref name="position"/>, if any.</summary>
    public Rule? Match(IReadOnlyList<string> stems, int position)
    {
        if (!_byFirstStem.TryGetValue(stems[position], out var candidates))
        {
            return null;
        }

        foreach (var rule in candidates)
        {
            if (position + rule.Match.Count > stems.Count)
            {
                continue;
            }

            var all = true;
            for (var k = 1; k < rule.Match.Count && all; k++)
            {
                all = stems[position + k] == rule.Match[k];
            }

            if (all)
            {
                return rule;
            }
        }

        return null;
    }
}
