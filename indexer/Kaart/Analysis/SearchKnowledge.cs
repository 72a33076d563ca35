namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// Everything the search knows about how inwoners ask, read from content/ and kept in the index beside the aanbod, so
/// that every reader (and every engine) plans a search the same way: the synonyms, the situation rules, the
/// multilingual concept list and the Dutch word list.
/// </summary>
public sealed class SearchKnowledge
{
    public SearchKnowledge(Synonyms synonyms, Situaties situaties, Talen talen, Woordenlijst woorden)
    {
        Synonyms = synonyms;
        Situaties = situaties;
        Talen = talen;
        Woorden = woorden;
        Frasen = new Frasen(synonyms.Rules.SelectMany(r => r.Alternatives)
            .Concat(situaties.Alle.SelectMany(s => s.Zoek))
            .Where(p => p.Count > 1));
    }

    /// <summary>The phrases the index must mark for these rules (what a build and an update of it need).</summary>
    public static Frasen FrasenVan(string synoniemen, string situaties) =>
        new SearchKnowledge(Synonyms.Parse(synoniemen), Situaties.Parse(situaties), Talen.Empty, Woordenlijst.Empty).Frasen;

    public static SearchKnowledge Empty { get; } = new(Synonyms.Empty, Situaties.Empty, Talen.Empty, Woordenlijst.Empty);

    /// <summary>Knowledge of synonyms only (an index without the other files).</summary>
    public static SearchKnowledge Van(Synonyms synonyms) => new(synonyms, Situaties.Empty, Talen.Empty, Woordenlijst.Empty);

    public Synonyms Synonyms { get; }
    public Situaties Situaties { get; }
    public Talen Talen { get; }
    public Woordenlijst Woorden { get; }

    /// <summary>The phrases of more than one word that a search may ask for as a phrase (see <see cref="Frasen"/>).</summary>
    public Frasen Frasen { get; }
}

/// <summary>
/// The multi-word phrases of the rules (synonyms and the search words of situations), such as "weinig contact" or
/// "hulp huis": a rule's phrase matches only when its words stand side by side in that order (stop words left out), so
/// "weinig contacten" does not find every aanbod with "weinig" in one place and "contact" in another. An index marks
/// where a phrase occurs: the embedded engine adds a term per phrase (<see cref="Term"/>); Elasticsearch can ask a
/// span_near of the stems instead.
/// </summary>
public sealed class Frasen
{
    private readonly Dictionary<string, List<string[]>> _byLast = new(StringComparer.Ordinal);

    public Frasen(IEnumerable<IReadOnlyList<string>> phrases)
    {
        foreach (var p in phrases.Select(p => p.ToArray()).DistinctBy(Term))
        {
            if (!_byLast.TryGetValue(p[^1], out var list))
            {
                _byLast[p[^1]] = list = [];
            }

            list.Add(p);
            Count++;
            MaxLength = Math.Max(MaxLength, p.Length);
        }
    }

    public int Count { get; }

    public int MaxLength { get; }

    /// <summary>The index term of a phrase: its stems with a space between (a space never occurs in a word's stem).</summary>
    public static string Term(IReadOnlyList<string> stems) => string.Join(' ', stems);

    /// <summary>The phrases that end with the last of these stems (given in text order, most recent last).</summary>
    public void Ending(IReadOnlyList<string> recent, List<string> terms)
    {
        if (recent.Count < 2 || !_byLast.TryGetValue(recent[^1], out var candidates))
        {
            return;
        }

        foreach (var p in candidates)
        {
            if (p.Length > recent.Count)
            {
                continue;
            }

            var all = true;
            for (var k = 0; k < p.Length - 1 && all; k++)
            {
                all = recent[recent.Count - p.Length + k] == p[k];
            }

            if (all)
            {
                terms.Add(Term(p));
            }
        }
    }
}
