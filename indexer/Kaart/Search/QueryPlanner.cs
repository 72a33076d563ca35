using SocialeKaart.Kaart.Analysis;

namespace SocialeKaart.Kaart.Search;

/// <summary>
/// What to look for, independent of the engine: groups of alternatives. A group matches an aanbod when one of its
/// <see cref="QueryGroup.Alternatives"/> (stems that must all be there) or one of its <see cref="QueryGroup.Frasen"/>
/// (stems side by side, in order) is in it. An aanbod must match every group that is <see cref="QueryGroup.Verplicht"/>;
/// when none does and there are at least <see cref="VerbredenVanaf"/>, it must match one of them (broadened); without required groups, one of the
/// others. Its score is the sum over the groups it matches of the best alternative's score × the group's
/// <see cref="QueryGroup.Gewicht"/>; when broadened (or without required groups) that sum is multiplied by the share of
/// the groups' weight it matches; an aanbod in one of <see cref="Levensdomeinen"/> scores ×<see cref="LevensdomeinFactor"/>.
/// Elasticsearch: a bool query with one <c>must</c> per required group and one <c>should</c> per other group (boost =
/// weight), each a <c>dis_max</c> of <c>combined_fields</c> per alternative and per phrase (a phrase is one indexed
/// token), in a <c>function_score</c> that multiplies by the factor for the levensdomeinen (see <c>ZoekVerzoek</c>).
/// </summary>
public sealed record QueryPlan(
    IReadOnlyList<QueryGroup> Groups,
    IReadOnlyList<string> NietGevonden,
    string? BedoeldeU,
    IReadOnlySet<string> Stems)
{
    public const double LevensdomeinFactor = 1.5;

    /// <summary>
    /// Broadening needs a sentence: two words that no aanbod has together ("huis kopen", "vakantie boeken") are most
    /// likely something the kaart does not offer, and an aanbod with one of them would not answer it.
    /// </summary>
    public const int VerbredenVanaf = 3;

    public bool IsEmpty => Groups.Count == 0;

    /// <summary>
    /// The text had words, but none to search with (only punctuation, emoji, query syntax or stop words): the engine
    /// gives no aanbod at all (never all of them), and the results say so.
    /// </summary>
    public bool GeenZoekwoord { get; init; }

    /// <summary>Levensdomeinen the search is about (from a recognised situation): aanbod in one of them comes first.</summary>
    public IReadOnlyList<string> Levensdomeinen { get; init; } = [];

    /// <summary>Kinds of acute danger in the words (<see cref="CrisisSoort"/>): the results show crisis help first.</summary>
    public IReadOnlyList<string> Crisis { get; init; } = [];

    /// <summary>The language of the search when it is not Dutch (ISO 639-1: en, tr, ar, pl, uk), else null.</summary>
    public string? Taal { get; init; }

    /// <summary>
    /// Correctly spelled Dutch words that the index does not have were left out without correction. When this plan finds
    /// nothing, the engine plans again with <see cref="QueryPlanner.PlanTerugval"/> (those words corrected to the nearest
    /// word of the index) and offers that text as "bedoelde u" when it finds aanbod.
    /// </summary>
    public bool HeeftTerugval { get; init; }
}

/// <param name="Woorden">The inwoner's words this group stands for (for messages and highlighting).</param>
/// <param name="Alternatives">Each alternative: stems that must all be in the aanbod (anywhere).</param>
public sealed record QueryGroup(string Woorden, IReadOnlyList<IReadOnlyList<string>> Alternatives)
{
    /// <summary>Each phrase: stems that must stand side by side in this order (stop words left out), as a rule wrote them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Frasen { get; init; } = [];

    /// <summary>False for words that add to the score but need not be in an aanbod (general words, the rest of a sentence).</summary>
    public bool Verplicht { get; init; } = true;

    public double Gewicht { get; init; } = 1;
}

/// <summary>
/// Turns the words an inwoner typed into a <see cref="QueryPlan"/>, in steps:
/// (1) words, folded per script; no word to search with is an empty plan that says so;
/// (2) the language: a search in English, Turkish, Arabic, Polish or Ukrainian is translated into the Dutch words of
///     the concept list, its function words left out;
/// (3) situations and crisis (content/situaties.txt) in the whole sentence;
/// (4) synonyms, matched as phrases;
/// (5) the other words: their stem, a compound split against the index, or — only for a word that is no Dutch word,
///     no word of the index and not of another language — the nearest words of the index ("bedoelde u").
/// Any input is safe: only analysed words reach the engine, never query syntax.
/// </summary>
public sealed class QueryPlanner(Vocabulary vocabulary, SearchKnowledge knowledge)
{
    public QueryPlanner(Vocabulary vocabulary, Synonyms synonyms) : this(vocabulary, SearchKnowledge.Van(synonyms))
    {
    }

    // Compounds in a query are split against the words of the index (the indexer's word list is not needed here).
    /// <summary>Up to this many words that say what a search is about, each of them must be on the kaart.</summary>
    private const int KortVanInhoud = 3;

    private readonly Decompounder _decompounder = new(vocabulary.IsWord);

    public const int MaxGroups = 16;

    /// <summary>Weight of a word that need not be there (the rest of a sentence around a situation, a general word).</summary>
    public const double BijzaakGewicht = 0.5;

    /// <summary>Weight of the first search word of a recognised situation, on top of its group (see <see cref="Situaties"/>).</summary>
    public const double KernGewicht = 0.5;

    public QueryPlan Plan(string text) => Plan(text, terugval: false);

    /// <summary>The plan with correctly spelled Dutch words that the index lacks corrected too (see <see cref="QueryPlan.HeeftTerugval"/>).</summary>
    public QueryPlan PlanTerugval(string text) => Plan(text, terugval: true);

    private QueryPlan Plan(string text, bool terugval)
    {
        if (text.Length > SearchQuery.MaxTekstLength)
        {
            text = text[..SearchQuery.MaxTekstLength];
        }

        var typed = Words(text);
        if (typed.Count == 0 || typed.All(w => w.Stop))
        {
            return Leeg(text);
        }

        // 2. Another language: its concepts become the Dutch words they stand for; its function words go.
        var taal = Taal(typed);
        var words = new List<QueryWord>(typed.Count);
        var normalised = typed.Select(w => Talen.Normaliseer(w.Folded)).ToList();
        for (var i = 0; i < typed.Count;)
        {
            // In a search in another language only its own expressions count; in a Dutch one, those that are no Dutch
            // word. When the words as typed find nothing, also a word of the word list that no aanbod has ("dementia"
            // is Dutch too, but the concept finds the aanbod).
            if (knowledge.Talen.Match(normalised, i, taal) is var (uitdrukking, lengte)
                && (taal is not null || lengte > 1 || !IsDutch(typed[i]) || (terugval && !InIndex(typed[i]))))
            {
                var original = text[typed[i].Start..(typed[i + lengte - 1].Start + typed[i + lengte - 1].Original.Length)];
                foreach (var w in Words(uitdrukking.Concept.Nederlands))
                {
                    words.Add(w with { Original = original, Start = typed[i].Start, Vertaald = true });
                }

                i += lengte;
                continue;
            }

            if (taal is null || !knowledge.Talen.IsGewoonWoord(normalised[i], taal))
            {
                words.Add(typed[i] with { Vreemd = taal is not null });
            }

            i++;
        }

        if (words.All(w => w.Stop))
        {
            return Leeg(text) with { Taal = taal };
        }

        // 3. Situations: the words that say one are its group; the rest of the sentence only adds to the score.
        var situaties = knowledge.Situaties.Herken(words.Select(w => w.AlsWoord).ToList());
        var groups = new List<QueryGroup>();
        var consumed = new HashSet<int>();
        foreach (var treffer in situaties)
        {
            var s = treffer.Situatie;
            var zoek = s.Zoek.Where(p => p.All(vocabulary.HasStem)).ToList();
            consumed.UnionWith(treffer.Posities);
            if (zoek.Count == 0)
            {
                continue;
            }

            var woorden = string.Join(' ', treffer.Posities.Order().Select(p => words[p].Original).Distinct());
            groups.Add(new QueryGroup(woorden, WithoutRedundant(zoek.Where(p => p.Count == 1)))
            {
                Frasen = zoek.Where(p => p.Count > 1).ToList(),
                Verplicht = situaties.Count == 1,
            });

            // The first search word of a situation is its core ("geldzorgen" before "geld"): aanbod with it come first.
            if (zoek.Count > 1 && s.Zoek.Count > 0 && zoek[0].SequenceEqual(s.Zoek[0]))
            {
                groups.Add(zoek[0].Count == 1
                    ? new QueryGroup(woorden, [zoek[0]]) { Verplicht = false, Gewicht = KernGewicht }
                    : new QueryGroup(woorden, []) { Frasen = [zoek[0]], Verplicht = false, Gewicht = KernGewicht });
            }
        }

        // 4 and 5. The other words, in order: synonyms (as phrases), then each word alone.
        var rest = Enumerable.Range(0, words.Count).Where(i => !consumed.Contains(i) && !words[i].Stop).Select(i => words[i]).ToList();
        var nietGevonden = new List<string>();
        var corrections = new Dictionary<string, string>();
        var terugvalNodig = false;
        var onbekendNederlands = 0;
        var woordGroepen = new List<(QueryGroup Group, bool Algemeen)>();
        var i2 = 0;
        while (i2 < rest.Count && groups.Count + woordGroepen.Count < MaxGroups)
        {
            var rule = rest[i2].Joined is null ? knowledge.Synonyms.Match(rest.Select(w => w.Stem).ToList(), i2) : null;
            if (rule is not null)
            {
                var known = rule.Alternatives.Where(a => a.All(vocabulary.HasStem)).ToList();
                if (known.Count > 0)
                {
                    var span = rest.Skip(i2).Take(rule.Match.Count).ToList();
                    // The inwoner's own words count as they were typed (all of them, anywhere); the rule's phrases only as phrases.
                    var own = span.Select(w => w.Stem).Distinct().ToList();
                    var alternatives = WithoutRedundant(known.Where(a => a.Count == 1).Append(own).Where(a => a.All(vocabulary.HasStem)));
                    woordGroepen.Add((new QueryGroup(string.Join(' ', span.Select(w => w.Original).Distinct()), alternatives)
                    {
                        // The typed phrase itself too: where it stands side by side, the aanbod scores as for one rare word.
                        Frasen = known.Where(a => a.Count > 1).ToList(),
                    }, false));
                    i2 += rule.Match.Count;
                    continue;
                }
            }

            if (Aaneen(rest, i2, text) is { } samen)
            {
                // A compound written apart ("zwem les", "budget cursus"): the word the index has, or both words.
                woordGroepen.Add((samen, false));
                i2 += 2;
                continue;
            }

            var word = rest[i2++];
            var woordAlternatives = Alternatives(word, terugval, out var correction, out var bekendWoord);
            if (woordAlternatives.Count == 0)
            {
                if (!nietGevonden.Contains(word.Original))
                {
                    nietGevonden.Add(word.Original);
                }

                var nederlands = bekendWoord && !word.Vreemd && !word.Vertaald;
                terugvalNodig |= nederlands;
                onbekendNederlands += nederlands ? 1 : 0;
            }
            else
            {
                woordGroepen.Add((new QueryGroup(word.Original, woordAlternatives), knowledge.Situaties.AlgemeneWoorden.Contains(word.Stem)));
                if (correction is not null)
                {
                    corrections[word.Original] = correction;
                }
            }
        }

        // General words ("hulp", "zoeken") and the rest of a sentence around a situation need not be in an aanbod.
        var inhoud = woordGroepen.Count(g => !g.Algemeen);
        var onbekendeInhoud = nietGevonden.Count > 0;
        if (groups.Count == 0 && inhoud == 0 && onbekendeInhoud)
        {
            // Only general words were found, the words that say what it is about were not: better nothing than everything.
            woordGroepen.Clear();
        }

        else if (groups.Count == 0 && onbekendNederlands > 0 && inhoud + onbekendNederlands <= KortVanInhoud)
        {
            // A short search of which a Dutch word that says what it is about is not on the kaart ("hypotheek
            // afsluiten", "trouwen op het gemeentehuis"): aanbod with only the other words would not answer it, and the
            // word is spelled right, so no "bedoelde u" either. A longer sentence goes on without it; a word of another
            // language that the concept list does not know is more often a side word ("too high") and is left out.
            woordGroepen.Clear();
            terugvalNodig = false;
        }

        // Around a situation every other word is a side matter (the situation's own words say what it is about).
        var rondSituatie = groups.Count > 0;
        foreach (var (group, algemeen) in woordGroepen)
        {
            var bijzaak = rondSituatie || (algemeen && inhoud > 0);
            groups.Add(bijzaak ? group with { Verplicht = false, Gewicht = BijzaakGewicht } : group);
        }

        // The inwoner's words, with each misspelled one replaced by the word the index knows.
        var bedoeldeU = corrections.Count == 0 ? null : string.Join(' ', Tokenizer.Tokenize(text)
            .Select(t => text.Substring(t.Start, t.Length))
            .Select(w => corrections.TryGetValue(w, out var c) ? c : w));

        var stems = groups.SelectMany(g => g.Alternatives.Concat(g.Frasen)).SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        return new QueryPlan(groups, nietGevonden, bedoeldeU, stems)
        {
            Levensdomeinen = situaties.SelectMany(t => t.Situatie.Levensdomeinen).Distinct().ToList(),
            Crisis = situaties.Select(t => t.Situatie.Crisis).OfType<string>().Distinct().ToList(),
            Taal = taal,
            HeeftTerugval = terugvalNodig && !terugval,
        };
    }

    private static QueryPlan Leeg(string text) =>
        new([], [], null, new HashSet<string>(StringComparer.Ordinal)) { GeenZoekwoord = text.Any(c => !char.IsWhiteSpace(c)) };

    /// <summary>
    /// The language of the search: another language when more of its words belong to that language (words of its
    /// expressions or function words in the concept list, or its script) than to Dutch (the word list, the index, the
    /// Dutch stop words); else null (Dutch).
    /// </summary>
    private string? Taal(List<QueryWord> words)
    {
        var score = new Dictionary<string, int>(StringComparer.Ordinal);
        var dutch = 0;
        foreach (var w in words)
        {
            if (w.Folded.Any(TextFolding.IsArabic))
            {
                score["ar"] = score.GetValueOrDefault("ar") + 2;
                continue;
            }

            if (w.Folded.Any(TextFolding.IsCyrillic))
            {
                score["uk"] = score.GetValueOrDefault("uk") + 2;
                continue;
            }

            foreach (var code in knowledge.Talen.TalenVan(Talen.Normaliseer(w.Folded)).Distinct())
            {
                score[code] = score.GetValueOrDefault(code) + 1;
            }

            if (w.Stop || IsDutch(w))
            {
                dutch++;
            }
        }

        var best = score.OrderByDescending(s => s.Value).ThenBy(s => Talen.Codes.ToList().IndexOf(s.Key)).FirstOrDefault();
        return best.Value > dutch ? best.Key : null;
    }

    private bool InIndex(QueryWord w) => vocabulary.IsWord(w.Folded) || vocabulary.HasStem(w.Stem);

    // A Dutch stop word is Dutch even where the word list lacks it ("is" is no Turkish "iş").
    private bool IsDutch(QueryWord w) =>
        w.Stop || knowledge.Woorden.Contains(w.Folded) || vocabulary.IsWord(w.Folded) || vocabulary.HasStem(w.Stem);

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

    private List<IReadOnlyList<string>> Alternatives(QueryWord word, bool terugval, out string? correction, out bool bekendWoord)
    {
        correction = null;
        bekendWoord = false;
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
            return result;
        }

        // A correctly spelled word is never "corrected" into another one: a Dutch word the index lacks, a word of
        // another language (or of a search in one), a word that stands for a concept. Only the fallback (nothing found)
        // tries the nearest index words for a Dutch word.
        bekendWoord = word.Vreemd || word.Vertaald || knowledge.Woorden.Contains(word.Folded);
        if (bekendWoord && !(terugval && !word.Vreemd && !word.Vertaald))
        {
            return result;
        }

        // A typo: the nearest words of the index, never a stop word.
        var similar = vocabulary.Similar(word.Folded, Vocabulary.AutoFuzziness(word.Folded.Length))
            .Where(e => DutchAnalyzer.IsIndexable(e.Word)).ToList();
        foreach (var entry in similar)
        {
            if (!result.Any(a => a.Count == 1 && a[0] == entry.Stem))
            {
                result.Add([entry.Stem]);
            }
        }

        if (similar.Count > 0)
        {
            correction = similar[0].Word;
        }

        return result;
    }

    /// <summary>Two words side by side that together are a word of the index: one group, the joined word or both words.</summary>
    private QueryGroup? Aaneen(List<QueryWord> rest, int i, string text)
    {
        if (i + 1 >= rest.Count || rest[i] is not { Joined: null, Vertaald: false } a || rest[i + 1] is not { Joined: null, Vertaald: false } b
            || b.Start < a.Start + a.Original.Length || text.AsSpan(a.Start + a.Original.Length, b.Start - a.Start - a.Original.Length).Trim().Length > 0)
        {
            return null;
        }

        var samen = a.Folded + b.Folded;
        if (!vocabulary.IsWord(samen))
        {
            return null;
        }

        var stem = DutchAnalyzer.Stem(samen);
        List<IReadOnlyList<string>> alternatives = [[stem]];
        if (vocabulary.HasStem(a.Stem) && vocabulary.HasStem(b.Stem))
        {
            alternatives.Add([a.Stem, b.Stem]);
        }

        return new QueryGroup(a.Original + " " + b.Original, WithoutRedundant(alternatives));
    }

    private sealed record QueryWord(string Original, string Folded, string Stem, IReadOnlyList<string>? Joined, int Start, bool Stop, bool Vertaald = false, bool Vreemd = false)
    {
        public Woord AlsWoord => new(Folded, Stem, Stop);
    }

    /// <summary>Every word of the text in order, stop words included (situations read them); a hyphenated word is one.</summary>
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

                words.Add(new QueryWord(original, t.Folded, DutchAnalyzer.Stem(t.Folded), parts, t.Start, false));
                continue;
            }

            if (t.Folded.Length > 0)
            {
                // AND, OR and NOT in capitals are query syntax people copy from other search engines, not words.
                var stop = !DutchAnalyzer.IsIndexable(t.Folded) || original is "AND" or "OR" or "NOT";
                words.Add(new QueryWord(original, t.Folded, DutchAnalyzer.Stem(t.Folded), null, t.Start, stop));
            }
        }

        return words;
    }
}
