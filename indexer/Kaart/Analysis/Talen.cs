namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// The multilingual concept list of content/talen.txt: for each concept of the kaart (a Dutch word or phrase, such as
/// "schulden" or "huishoudelijke hulp") how inwoners say it in English, Turkish, Arabic, Polish and Ukrainian, and per
/// language the common function words ("i", "my", "ve", "и"…) that carry no meaning for the search. A search in
/// another language is translated into the Dutch words of its concepts and then searched as if the inwoner had typed
/// them, so it finds the same aanbod. Words are compared after folding (<see cref="TextFolding"/>) and, for Arabic,
/// without the article (ال, وال, بال, كال, فال, لل); a word written with * matches every word that starts so
/// (borç* finds borçlarım). The format is in content/README.md.
/// </summary>
public sealed class Talen
{
    /// <summary>The languages of the list, ISO 639-1.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "tr", "ar", "pl", "uk"];

    public const string GewoneWoordenBlok = "gewone woorden";
    private const int MinPrefix = 3;

    public readonly record struct Patroon(string Waarde, bool Prefix)
    {
        public bool Past(string normalised) => Prefix ? normalised.StartsWith(Waarde, StringComparison.Ordinal) : normalised == Waarde;
    }

    /// <summary>One way to say a concept in one language: words side by side.</summary>
    public sealed record Uitdrukking(string Taal, IReadOnlyList<Patroon> Woorden, Concept Concept);

    /// <summary>A concept: its Dutch words (searched as if the inwoner typed them) and where it is in the file.</summary>
    public sealed record Concept(string Nederlands, int Regel);

    public sealed record Problem(int Line, string Message);

    private readonly Dictionary<string, List<Uitdrukking>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Uitdrukking>> _byFirstPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _talenVanWoord = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string Taal)> _prefixTalen = [];
    private readonly Dictionary<string, HashSet<string>> _gewoon = new(StringComparer.Ordinal);

    private Talen()
    {
    }

    public static Talen Empty { get; } = new();

    public IReadOnlyList<Concept> Concepten { get; private set; } = [];

    public static Talen Parse(string text, List<Problem>? problems = null)
    {
        var talen = new Talen();
        var concepten = new List<Concept>();
        var gezien = new Dictionary<(string Taal, string Tekst), Concept>();
        Concept? concept = null;
        var perTaal = new HashSet<string>(StringComparer.Ordinal);
        var gewoon = false;
        var blokStart = 0;

        void Close()
        {
            if (concept is not null)
            {
                foreach (var missing in Codes.Where(c => !perTaal.Contains(c)))
                {
                    problems?.Add(new(blokStart, $"[{concept.Nederlands}] heeft nog geen '{missing}:'-regel ({Naam(missing)})."));
                }
            }
        }

        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                Close();
                concept = null;
                gewoon = false;
                perTaal.Clear();
                blokStart = lineNumber;
                var naam = line.EndsWith(']') ? line[1..^1].Trim() : "";
                if (naam.Length == 0)
                {
                    problems?.Add(new(lineNumber, "een begrip begint met de Nederlandse woorden tussen haken, zoals [schulden]."));
                }
                else if (naam.Equals(GewoneWoordenBlok, StringComparison.OrdinalIgnoreCase))
                {
                    gewoon = true;
                }
                else if (DutchAnalyzer.StemPhrase(naam).Count == 0)
                {
                    problems?.Add(new(lineNumber, $"[{naam}] heeft geen zoekwoord (alleen stopwoorden); zo vindt het niets."));
                }
                else
                {
                    concept = new Concept(naam, lineNumber);
                    concepten.Add(concept);
                }

                continue;
            }

            var colon = line.IndexOf(':');
            var code = colon < 0 ? "" : line[..colon].Trim().ToLowerInvariant();
            if (colon < 0 || !Codes.Contains(code))
            {
                problems?.Add(new(lineNumber, $"verwacht een taal en een dubbele punt aan het begin van de regel: {string.Join(", ", Codes.Select(c => c + ":"))}."));
                continue;
            }

            if (concept is null && !gewoon)
            {
                continue; // the block header was reported
            }

            perTaal.Add(code);
            foreach (var entry in line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var woorden = Patronen(entry, lineNumber, problems);
                if (woorden is null)
                {
                    continue;
                }

                if (gewoon)
                {
                    foreach (var w in woorden.Where(w => !w.Prefix))
                    {
                        talen.Add(talen._gewoon, w.Waarde, code);
                        talen.Add(talen._talenVanWoord, w.Waarde, code);
                    }

                    continue;
                }

                var key = (code, string.Join(' ', woorden.Select(w => w.Waarde + (w.Prefix ? "*" : ""))));
                if (gezien.TryGetValue(key, out var eerder))
                {
                    if (eerder == concept)
                    {
                        continue; // the same word twice in one concept (with and without accents): once is enough
                    }

                    problems?.Add(new(lineNumber, $"'{entry}' ({code}) staat ook al bij [{eerder.Nederlands}] (regel {eerder.Regel}); één uitdrukking hoort bij één begrip."));
                    continue;
                }

                gezien[key] = concept!;
                var uitdrukking = new Uitdrukking(code, woorden, concept!);
                var first = woorden[0];
                if (first.Prefix)
                {
                    List(talen._byFirstPrefix, first.Waarde[..MinPrefix]).Add(uitdrukking);
                }
                else
                {
                    List(talen._byFirstWord, first.Waarde).Add(uitdrukking);
                }

                foreach (var w in woorden)
                {
                    if (w.Prefix)
                    {
                        talen._prefixTalen.Add((w.Waarde, code));
                    }
                    else
                    {
                        talen.Add(talen._talenVanWoord, w.Waarde, code);
                    }
                }
            }
        }

        Close();
        foreach (var list in talen._byFirstWord.Values.Concat(talen._byFirstPrefix.Values))
        {
            list.Sort((a, b) => b.Woorden.Count.CompareTo(a.Woorden.Count));
        }

        talen.Concepten = concepten;
        return talen;
    }

    public static string Naam(string code) => code switch
    {
        "en" => "Engels",
        "tr" => "Turks",
        "ar" => "Arabisch",
        "pl" => "Pools",
        "uk" => "Oekraïens",
        _ => code,
    };

    private static List<Patroon>? Patronen(string entry, int line, List<Problem>? problems)
    {
        var result = new List<Patroon>();
        foreach (var raw in entry.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = raw.EndsWith('*');
            var tokens = Tokenizer.Tokenize((prefix ? raw[..^1] : raw).Replace("-", "", StringComparison.Ordinal));
            if (tokens.Count == 0)
            {
                continue;
            }

            if (prefix)
            {
                var value = Normaliseer(tokens[0].Folded);
                if (tokens.Count != 1 || value.Length < MinPrefix)
                {
                    problems?.Add(new(line, $"'{raw}': een woord met * moet met minstens {MinPrefix} letters beginnen."));
                    return null;
                }

                result.Add(new Patroon(value, true));
                continue;
            }

            result.AddRange(tokens.Select(t => new Patroon(Normaliseer(t.Folded), false)));
        }

        if (result.Count == 0)
        {
            problems?.Add(new(line, $"'{entry}' heeft geen woorden."));
            return null;
        }

        return result;
    }

    private void Add(Dictionary<string, HashSet<string>> map, string word, string code)
    {
        if (!map.TryGetValue(word, out var set))
        {
            map[word] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(code);
    }

    private static List<Uitdrukking> List(Dictionary<string, List<Uitdrukking>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }

    /// <summary>A folded word as the list compares it: Arabic without its article.</summary>
    public static string Normaliseer(string folded)
    {
        if (folded.Length == 0 || !TextFolding.IsArabic(folded[0]))
        {
            return folded;
        }

        foreach (var (article, minimum) in ArabicArticles)
        {
            if (folded.Length >= article.Length + minimum && folded.StartsWith(article, StringComparison.Ordinal))
            {
                return folded[article.Length..];
            }
        }

        return folded;
    }

    private static readonly (string, int)[] ArabicArticles =
        [("\u0648\u0627\u0644", 2), ("\u0628\u0627\u0644", 2), ("\u0643\u0627\u0644", 2), ("\u0641\u0627\u0644", 2), ("\u0644\u0644", 2), ("\u0627\u0644", 2)];

    /// <summary>The longest expression of the list that starts at word <paramref name="i"/>, and how many words it covers.</summary>
    /// <param name="taal">Only expressions of this language (null: of any language).</param>
    public (Uitdrukking Uitdrukking, int Lengte)? Match(IReadOnlyList<string> normalised, int i, string? taal = null)
    {
        var word = normalised[i];
        Uitdrukking? best = null;
        foreach (var list in new[] { _byFirstWord.GetValueOrDefault(word), word.Length >= MinPrefix ? _byFirstPrefix.GetValueOrDefault(word[..MinPrefix]) : null })
        {
            if (list is null)
            {
                continue;
            }

            foreach (var u in list)
            {
                if (best is not null && u.Woorden.Count <= best.Woorden.Count)
                {
                    break;
                }

                if (i + u.Woorden.Count > normalised.Count || (taal is not null && u.Taal != taal))
                {
                    continue;
                }

                var all = true;
                for (var k = 0; k < u.Woorden.Count && all; k++)
                {
                    all = u.Woorden[k].Past(normalised[i + k]);
                }

                if (all)
                {
                    best = u;
                }
            }
        }

        return best is null ? null : (best, best.Woorden.Count);
    }

    /// <summary>True when the word is a function word ("my", "ve", "и") of this language.</summary>
    public bool IsGewoonWoord(string normalised, string taal) => _gewoon.TryGetValue(normalised, out var set) && set.Contains(taal);

    /// <summary>The languages of the list a word belongs to (a word of one of their expressions, or a function word).</summary>
    public IEnumerable<string> TalenVan(string normalised)
    {
        if (_talenVanWoord.TryGetValue(normalised, out var set))
        {
            foreach (var code in set)
            {
                yield return code;
            }
        }

        foreach (var (prefix, code) in _prefixTalen)
        {
            if (normalised.StartsWith(prefix, StringComparison.Ordinal) && (set is null || !set.Contains(code)))
            {
                yield return code;
            }
        }
    }
}
