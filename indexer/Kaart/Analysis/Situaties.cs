namespace SocialeKaart.Kaart.Analysis;

/// <summary>A word of a search as the rules see it: folded, stemmed, and whether it is a Dutch stop word.</summary>
public readonly record struct Woord(string Folded, string Stem, bool Stop)
{
    public static Woord Van(string folded) => new(folded, DutchAnalyzer.Stem(folded), !DutchAnalyzer.IsIndexable(folded));
}

/// <summary>The kinds of acute danger the search recognises; for each the portal shows its crisis help first.</summary>
public static class CrisisSoort
{
    public const string Zelfdoding = "zelfdoding";
    public const string HuiselijkGeweld = "huiselijk-geweld";
    public const string Kindermishandeling = "kindermishandeling";
    public const string Dakloos = "dakloos";
    public const string AcuutGevaar = "acuut-gevaar";

    public static IReadOnlyList<string> Alle { get; } = [Zelfdoding, HuiselijkGeweld, Kindermishandeling, Dakloos, AcuutGevaar];
}

/// <summary>
/// The situation rules of content/situaties.txt: how inwoners describe a situation in their own words ("ik kan de huur
/// niet meer betalen", "geen cent te makken", "ik word thuis geslagen") and what it is about: the words to search
/// with, the levensdomeinen it belongs to, and whether it signals acute danger. Also the general words ("hulp",
/// "zoeken") that never make a search on their own. The file format is in content/README.md; every problem is
/// reported with its line, as for the synonyms.
/// </summary>
public sealed class Situaties
{
    /// <summary>
    /// One word of a recognition: any of its forms (written with | between them), each a word (compared by stem, so
    /// "vergeet" is also "vergeten") or a prefix (written with *: "betaal*" is also "betaalt").
    /// </summary>
    public sealed record Patroon(IReadOnlyList<string> Woorden, IReadOnlyList<string> Prefixen)
    {
        public bool Past(Woord w)
        {
            foreach (var v in Woorden)
            {
                if (w.Stem == v || w.Folded == v)
                {
                    return true;
                }
            }

            foreach (var p in Prefixen)
            {
                if (w.Folded.StartsWith(p, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One way of saying it: every part must be in the search, in any order; the words of a part side by side.</summary>
    public sealed record Herkenning(IReadOnlyList<IReadOnlyList<Patroon>> Delen);

    public sealed record Situatie(
        string Naam,
        int Regel,
        IReadOnlyList<Herkenning> Herken,
        IReadOnlyList<IReadOnlyList<string>> Zoek,
        IReadOnlyList<string> Levensdomeinen,
        string? Crisis);

    /// <summary>A situation recognised in a search, with the positions of the words that said it.</summary>
    public sealed record Treffer(Situatie Situatie, IReadOnlyList<int> Posities);

    public sealed record Problem(int Line, string Message);

    public const string AlgemeneWoordenBlok = "algemene woorden";
    private const int MinPrefix = 3;

    private readonly List<Situatie> _situaties;

    private Situaties(List<Situatie> situaties, HashSet<string> algemeen)
    {
        _situaties = situaties;
        AlgemeneWoorden = algemeen;
    }

    public static Situaties Empty { get; } = new([], []);

    public IReadOnlyList<Situatie> Alle => _situaties;

    /// <summary>The stems of the general words: they never make a search on their own.</summary>
    public IReadOnlySet<string> AlgemeneWoorden { get; }

    /// <param name="levensdomeinen">The levensdomein ids of the taxonomy, to check the rules against (null: not checked).</param>
    public static Situaties Parse(string text, IReadOnlyCollection<string>? levensdomeinen = null, List<Problem>? problems = null)
    {
        var situaties = new List<Situatie>();
        var algemeen = new HashSet<string>(StringComparer.Ordinal);
        string? naam = null;
        var start = 0;
        var herken = new List<Herkenning>();
        var zoek = new List<IReadOnlyList<string>>();
        var domeinen = new List<string>();
        string? crisis = null;
        var namen = new HashSet<string>(StringComparer.Ordinal);

        void Close()
        {
            if (naam is null || naam == AlgemeneWoordenBlok)
            {
                return;
            }

            if (herken.Count == 0)
            {
                problems?.Add(new(start, $"situatie '{naam}' heeft geen 'herken:'-regel: zo wordt hij nooit herkend."));
            }
            else if (zoek.Count == 0)
            {
                problems?.Add(new(start, $"situatie '{naam}' heeft geen 'zoek:'-regel: waar moet de zoekfunctie naar zoeken?"));
            }
            else
            {
                situaties.Add(new Situatie(naam, start, herken.ToList(), zoek.ToList(), domeinen.Distinct().ToList(), crisis));
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
                if (!line.EndsWith(']') || line.Length < 3)
                {
                    problems?.Add(new(lineNumber, "een situatie begint met een naam tussen haken, zoals [huur niet kunnen betalen]."));
                    naam = null;
                    continue;
                }

                naam = line[1..^1].Trim().ToLowerInvariant();
                start = lineNumber;
                herken.Clear();
                zoek.Clear();
                domeinen.Clear();
                crisis = null;
                if (!namen.Add(naam))
                {
                    problems?.Add(new(lineNumber, $"er is al een situatie '{naam}'; geef elke situatie een eigen naam."));
                }

                continue;
            }

            if (naam == AlgemeneWoordenBlok)
            {
                foreach (var woord in line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var tokens = Tokenizer.Tokenize(woord);
                    if (tokens.Count != 1)
                    {
                        problems?.Add(new(lineNumber, $"'{woord}' is geen los woord; zet bij de algemene woorden één woord per komma."));
                        continue;
                    }

                    algemeen.Add(DutchAnalyzer.Stem(tokens[0].Folded));
                }

                continue;
            }

            var colon = line.IndexOf(':');
            if (naam is null || colon < 0)
            {
                problems?.Add(new(lineNumber, naam is null
                    ? "deze regel hoort niet bij een situatie. Begin een situatie met een naam tussen haken, zoals [huur niet kunnen betalen]."
                    : "verwacht 'herken:', 'zoek:', 'levensdomein:' of 'crisis:' aan het begin van de regel."));
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "herken":
                    if (ParseHerkenning(value, lineNumber, problems) is { } h)
                    {
                        herken.Add(h);
                    }

                    break;
                case "zoek":
                    foreach (var phrase in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        var stems = DutchAnalyzer.StemPhrase(phrase);
                        if (stems.Count == 0)
                        {
                            problems?.Add(new(lineNumber, $"'{phrase}' heeft geen zoekwoord (alleen stopwoorden); deze zoekterm telt niet mee."));
                        }
                        else
                        {
                            zoek.Add(stems);
                        }
                    }

                    break;
                case "levensdomein" or "levensdomeinen":
                    foreach (var id in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (levensdomeinen is not null && !levensdomeinen.Contains(id))
                        {
                            problems?.Add(new(lineNumber, $"levensdomein '{id}' bestaat niet in taxonomie.yml. Kies uit: {string.Join(", ", levensdomeinen)}."));
                        }
                        else
                        {
                            domeinen.Add(id);
                        }
                    }

                    break;
                case "crisis":
                    if (!CrisisSoort.Alle.Contains(value))
                    {
                        problems?.Add(new(lineNumber, $"crisis '{value}' kennen we niet. Kies uit: {string.Join(", ", CrisisSoort.Alle)}."));
                    }
                    else
                    {
                        crisis = value;
                    }

                    break;
                default:
                    problems?.Add(new(lineNumber, $"'{key}:' kennen we niet. Een situatie heeft 'herken:', 'zoek:', 'levensdomein:' en eventueel 'crisis:'."));
                    break;
            }
        }

        Close();
        return new Situaties(situaties, algemeen);
    }

    private static Herkenning? ParseHerkenning(string value, int line, List<Problem>? problems)
    {
        var delen = new List<IReadOnlyList<Patroon>>();
        var inhoud = false;
        foreach (var deel in value.Split('+', StringSplitOptions.TrimEntries))
        {
            var woorden = new List<Patroon>();
            foreach (var raw in deel.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var exact = new List<string>();
                var prefixen = new List<string>();
                var stop = true;
                foreach (var vorm in raw.Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    var prefix = vorm.EndsWith('*');
                    // A hyphenated word is one word in a search ("burn-out" is burnout), as the planner reads it.
                    var tokens = Tokenizer.Tokenize((prefix ? vorm[..^1] : vorm).Replace("-", "", StringComparison.Ordinal));
                    if (tokens.Count != 1)
                    {
                        problems?.Add(new(line, tokens.Count == 0
                            ? $"'{vorm}' heeft geen letters."
                            : $"'{vorm}' is meer dan één woord; zet tussen de woorden van een deel een spatie, en | alleen tussen vormen van één woord."));
                        return null;
                    }

                    var folded = tokens[0].Folded;
                    if (prefix)
                    {
                        if (folded.Length < MinPrefix)
                        {
                            problems?.Add(new(line, $"'{vorm}': een woord met * moet met minstens {MinPrefix} letters beginnen."));
                            return null;
                        }

                        prefixen.Add(folded);
                        stop = false;
                    }
                    else
                    {
                        var w = Woord.Van(folded);
                        exact.Add(w.Stem);
                        stop &= w.Stop;
                    }
                }

                if (exact.Count + prefixen.Count > 0)
                {
                    woorden.Add(new Patroon(exact, prefixen));
                    inhoud |= !stop;
                }
            }

            // Words side by side are specific even when they are all stop words: "kan het niet meer aan".
            inhoud |= woorden.Count >= 3;
            if (woorden.Count == 0)
            {
                problems?.Add(new(line, "een deel van deze herkenning heeft geen woorden. Schrijf bijvoorbeeld 'herken: huur + betalen'."));
                return null;
            }

            delen.Add(woorden);
        }

        if (!inhoud)
        {
            problems?.Add(new(line, "deze herkenning heeft alleen stopwoorden ('niet', 'meer', …) en zou bijna elke zoekvraag herkennen. Zet er een gewoon woord bij, of schrijf de woorden als één vaste woordgroep van minstens drie woorden."));
            return null;
        }

        return new Herkenning(delen);
    }

    /// <summary>
    /// The situations in these words. A situation whose words are all part of a bigger recognised situation is left out
    /// ("huur + betalen" wins over "betalen" alone), unless it is a crisis.
    /// </summary>
    public IReadOnlyList<Treffer> Herken(IReadOnlyList<Woord> woorden)
    {
        var found = new List<Treffer>();
        foreach (var s in _situaties)
        {
            foreach (var h in s.Herken)
            {
                if (Posities(h, woorden) is { } posities)
                {
                    found.Add(new Treffer(s, posities));
                    break;
                }
            }
        }

        var kept = new List<Treffer>();
        foreach (var t in found.OrderByDescending(t => t.Posities.Count))
        {
            // Crisis is never left out: better the crisis help once too often than once too few.
            if (t.Situatie.Crisis is not null || !kept.Any(k => k.Posities.Count > t.Posities.Count && t.Posities.All(k.Posities.Contains)))
            {
                kept.Add(t);
            }
        }

        return kept.OrderBy(t => t.Posities.Min()).ToList();
    }

    private static List<int>? Posities(Herkenning h, IReadOnlyList<Woord> woorden)
    {
        var result = new List<int>();
        foreach (var deel in h.Delen)
        {
            var at = -1;
            for (var i = 0; i + deel.Count <= woorden.Count && at < 0; i++)
            {
                var all = true;
                for (var k = 0; k < deel.Count && all; k++)
                {
                    all = !result.Contains(i + k) && deel[k].Past(woorden[i + k]);
                }

                if (all)
                {
                    at = i;
                }
            }

            if (at < 0)
            {
                return null;
            }

            for (var k = 0; k < deel.Count; k++)
            {
                result.Add(at + k);
            }
        }

        return result;
    }
}
