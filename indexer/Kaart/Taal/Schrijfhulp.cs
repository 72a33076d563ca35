using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialeKaart.Kaart.Taal;

/// <summary>What a hint is about.</summary>
public enum HintSoort
{
    LangeZin,
    LangWoord,
    Jargon,
    Lijdend,
    GeenU,
}

/// <summary>
/// A writing hint for a place in the text: <see cref="Begin"/> and <see cref="Lengte"/> in characters of the text as
/// given, and the same place as <see cref="Regel"/> and <see cref="Kolom"/> (both from 1) for a person.
/// </summary>
public sealed record B1Hint(HintSoort Soort, int Begin, int Lengte, int Regel, int Kolom, string Bericht);

/// <summary>
/// Hints — never errors — for Dutch at B1 level, for organisations writing their aanbod: long sentences, long words,
/// jargon from the redactie's <see cref="Jargonlijst"/>, passive sentences ("wordt … aangevraagd"), and a text that
/// never speaks to the reader with "u". Markdown is read as text: web and e-mail addresses, link targets and code are
/// left out, list items and headings count as sentences of their own. Names (a capital inside a sentence) and
/// abbreviations (all capitals) are no long words. Simple rules on purpose: a hint may be wrong, so it only suggests.
/// </summary>
public sealed partial class Schrijfhulp(Jargonlijst jargon, int maxWoordenPerZin = 20, int maxLetters = 15)
{
    private static readonly HashSet<string> Afkortingen = new(StringComparer.OrdinalIgnoreCase)
    {
        "bijv", "bv", "o.a", "oa", "d.w.z", "dwz", "enz", "etc", "ca", "nr", "tel", "incl", "excl", "max", "min", "mevr", "dhr",
        "ma", "di", "wo", "do", "vr", "za", "zo", "jan", "feb", "mrt", "apr", "aug", "sep", "sept", "okt", "nov", "dec", "t.o.v", "i.p.v", "z.s.m", "m.b.t",
    };

    private static readonly HashSet<string> WordenVormen = new(StringComparer.OrdinalIgnoreCase) { "wordt", "worden", "werd", "werden" };

    private static readonly HashSet<string> Aanspreken = new(StringComparer.OrdinalIgnoreCase) { "u", "uw", "je", "jij", "jou", "jouw", "jullie" };

    private static readonly string[] Meervouden = ["", "s", "n", "en", "'s"];

    /// <summary>Jargon by its first word (without a plural ending when it is the only word), longest groups first.</summary>
    private readonly Dictionary<string, List<(string[] Woorden, JargonTerm Term)>> _jargon = jargon.Termen
        .SelectMany(t => t.Vormen.Select(v => (Woorden: v.ToLowerInvariant().Split(' '), Term: t)))
        .GroupBy(j => j.Woorden[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(j => j.Woorden.Length).ToList(), StringComparer.Ordinal);

    public IReadOnlyList<B1Hint> Hints(string tekst)
    {
        var hints = new List<B1Hint>();
        var leesbaar = Masker(tekst);
        var zinnen = Zinnen(leesbaar);
        var regels = new RegelIndex(tekst);
        var jargonPlekken = new HashSet<int>();

        foreach (var zin in zinnen)
        {
            if (zin.Count > maxWoordenPerZin)
            {
                var (begin, eind) = (zin[0].Index, zin[^1].Index + zin[^1].Length);
                hints.Add(Hint(regels, HintSoort.LangeZin, begin, eind - begin,
                    $"Deze zin heeft {zin.Count} woorden. Maak er twee of meer zinnen van: zinnen tot {maxWoordenPerZin} woorden lezen makkelijker."));
            }

            for (var i = 0; i < zin.Count; i++)
            {
                if (JargonBij(zin, i) is { } gevonden)
                {
                    var (lengte, term) = gevonden;
                    var eind = zin[i + lengte - 1].Index + zin[i + lengte - 1].Length;
                    var woord = tekst[zin[i].Index..eind];
                    hints.Add(Hint(regels, HintSoort.Jargon, zin[i].Index, eind - zin[i].Index,
                        $"'{woord}' begrijpen veel mensen niet. Schrijf liever: {term.Alternatief}."));
                    for (var j = i; j < i + lengte; j++)
                    {
                        jargonPlekken.Add(zin[j].Index);
                    }

                    i += lengte - 1;
                }
            }

            for (var i = 0; i < zin.Count; i++)
            {
                if (!jargonPlekken.Contains(zin[i].Index) && IsLangWoord(zin[i].Value, eersteInZin: i == 0) is { } deel)
                {
                    hints.Add(Hint(regels, HintSoort.LangWoord, zin[i].Index, zin[i].Length,
                        $"'{zin[i].Value}' is een lang woord ({deel} letters). Kan het korter, of met een paar gewone woorden?"));
                }
            }

            if (Lijdend(zin) is { } lijdend)
            {
                hints.Add(Hint(regels, HintSoort.Lijdend, lijdend.Begin, lijdend.Lengte,
                    $"Deze zin is lijdend ('{lijdend.Woorden}'). Schrijf liever wie het doet: 'wij …' of 'u …'."));
            }
        }

        var woorden = zinnen.SelectMany(z => z).ToList();
        if (woorden.Count >= 30 && !woorden.Any(w => Aanspreken.Contains(w.Value)))
        {
            hints.Add(Hint(regels, HintSoort.GeenU, woorden[0].Index, woorden[0].Length,
                "Spreek de lezer aan met 'u' (bijvoorbeeld: 'U kunt gewoon binnenlopen'). Dan is de tekst duidelijker en persoonlijker."));
        }

        return hints.OrderBy(h => h.Begin).ThenBy(h => h.Soort).ToList();
    }

    private (int Lengte, JargonTerm Term)? JargonBij(List<Match> zin, int i)
    {
        var eerste = zin[i].Value.ToLowerInvariant();
        foreach (var meervoud in Meervouden)
        {
            if (!eerste.EndsWith(meervoud, StringComparison.Ordinal) || !_jargon.TryGetValue(eerste[..^meervoud.Length], out var kandidaten))
            {
                continue;
            }

            foreach (var (woorden, term) in kandidaten)
            {
                // Only the last word of a group may carry a plural ending.
                if (i + woorden.Length > zin.Count || (woorden.Length > 1 && meervoud.Length > 0))
                {
                    continue;
                }

                var past = true;
                for (var k = 1; k < woorden.Length && past; k++)
                {
                    var woord = zin[i + k].Value.ToLowerInvariant();
                    past = k < woorden.Length - 1 ? woord == woorden[k] : Meervouden.Any(m => woord.Length == woorden[k].Length + m.Length && woord.StartsWith(woorden[k], StringComparison.Ordinal) && woord.EndsWith(m, StringComparison.Ordinal));
                }

                if (past)
                {
                    return (woorden.Length, term);
                }
            }
        }

        return null;
    }

    /// <summary>The letters of the longest part (between hyphens) that is too long, or null. A part with a digit, in
    /// capitals (an abbreviation) or with a capital inside a sentence (a name) does not count.</summary>
    private int? IsLangWoord(string woord, bool eersteInZin)
    {
        var langste = woord.Split('-')
            .Select((deel, i) => (deel, i))
            .Where(d => d.deel.Length > 0 && !d.deel.Any(char.IsDigit) && !d.deel.All(c => !char.IsLetter(c) || char.IsUpper(c))
                && !(char.IsUpper(d.deel[0]) && !(eersteInZin && d.i == 0)))
            .Select(d => d.deel.Count(char.IsLetter))
            .DefaultIfEmpty(0)
            .Max();
        return langste > maxLetters ? langste : null;
    }

    /// <summary>A form of "worden" with a past participle after it in the same sentence ("wordt … aangevraagd").</summary>
    private static (int Begin, int Lengte, string Woorden)? Lijdend(List<Match> zin)
    {
        for (var i = 0; i < zin.Count; i++)
        {
            if (!WordenVormen.Contains(zin[i].Value))
            {
                continue;
            }

            for (var j = i + 1; j < zin.Count && j <= i + 8; j++)
            {
                if (DeelwoordRegex().IsMatch(zin[j].Value))
                {
                    var eind = zin[j].Index + zin[j].Length;
                    var woorden = j == i + 1 ? $"{zin[i].Value} {zin[j].Value}" : $"{zin[i].Value} … {zin[j].Value}";
                    return (zin[i].Index, eind - zin[i].Index, woorden);
                }
            }
        }

        return null;
    }

    /// <summary>The text with what is not prose (addresses, link targets, code) replaced by spaces, so positions stay.</summary>
    private static string Masker(string tekst)
    {
        var chars = tekst.ToCharArray();
        foreach (var regex in new[] { CodeBlokRegex(), CodeRegex(), LinkDoelRegex(), UrlRegex(), EmailRegex() })
        {
            foreach (Match m in regex.Matches(new string(chars)))
            {
                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    if (chars[i] != '\n')
                    {
                        chars[i] = ' ';
                    }
                }
            }
        }

        return new string(chars);
    }

    /// <summary>The words of each sentence. A sentence ends at . ! ? (not after an abbreviation), at an empty line, and
    /// where a Markdown list item or heading starts.</summary>
    private static List<List<Match>> Zinnen(string tekst)
    {
        var grenzen = new SortedSet<int>();
        foreach (Match m in EindeZinRegex().Matches(tekst))
        {
            var ervoor = WoordVoor(tekst, m.Index);
            if (!Afkortingen.Contains(ervoor) && !(ervoor.Length == 1 && char.IsLetter(ervoor[0])))
            {
                grenzen.Add(m.Index);
            }
        }

        foreach (Match m in BlokRegex().Matches(tekst))
        {
            grenzen.Add(m.Index);
        }

        var zinnen = new List<List<Match>>();
        var huidige = new List<Match>();
        using var grens = grenzen.GetEnumerator();
        var volgende = grens.MoveNext() ? grens.Current : int.MaxValue;
        foreach (Match woord in WoordRegex().Matches(tekst))
        {
            if (woord.Index >= volgende)
            {
                if (huidige.Count > 0)
                {
                    zinnen.Add(huidige);
                    huidige = [];
                }

                while (volgende <= woord.Index)
                {
                    volgende = grens.MoveNext() ? grens.Current : int.MaxValue;
                }
            }

            huidige.Add(woord);
        }

        if (huidige.Count > 0)
        {
            zinnen.Add(huidige);
        }

        return zinnen;
    }

    /// <summary>The word (with its inner dots, as in "o.a") right before position <paramref name="eind"/>.</summary>
    private static string WoordVoor(string tekst, int eind)
    {
        var begin = eind;
        while (begin > 0 && (char.IsLetter(tekst[begin - 1]) || tekst[begin - 1] == '.'))
        {
            begin--;
        }

        return tekst[begin..eind].Trim('.');
    }

    private static B1Hint Hint(RegelIndex regels, HintSoort soort, int begin, int lengte, string bericht)
    {
        var (regel, kolom) = regels.Plek(begin);
        return new B1Hint(soort, begin, lengte, regel, kolom, bericht);
    }

    private sealed class RegelIndex(string tekst)
    {
        private readonly List<int> _begins = Begins(tekst);

        private static List<int> Begins(string tekst)
        {
            var begins = new List<int> { 0 };
            for (var i = tekst.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = tekst.IndexOf('\n', i + 1))
            {
                begins.Add(i + 1);
            }

            return begins;
        }

        public (int Regel, int Kolom) Plek(int offset)
        {
            var index = _begins.BinarySearch(offset);
            var regel = index >= 0 ? index : ~index - 1;
            return (regel + 1, offset - _begins[regel] + 1);
        }
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}\p{N}'’]*(?:-\p{L}[\p{L}\p{M}\p{N}'’]*)*|\p{N}+(?:[.,:]\p{N}+)*")]
    private static partial Regex WoordRegex();

    [GeneratedRegex(@"[.!?]+(?=[\s*_)\]""”’]|$)")]
    private static partial Regex EindeZinRegex();

    [GeneratedRegex(@"\n[ \t]*\n|(?<=^|\n)[ \t]*(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]")]
    private static partial Regex BlokRegex();

    [GeneratedRegex(@"^(?:ge\p{L}{2,}(?:d|t|en)|(?:be|ver|ont|her|er)\p{L}{2,}(?:d|t))$", RegexOptions.IgnoreCase)]
    private static partial Regex DeelwoordRegex();

    [GeneratedRegex(@"```[\s\S]*?(?:```|$)")]
    private static partial Regex CodeBlokRegex();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"\]\([^)\n]*\)|^\s*\[[^\]\n]+\]:.*$", RegexOptions.Multiline)]
    private static partial Regex LinkDoelRegex();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>()\[\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[^\s@<>()\[\]]+")]
    private static partial Regex EmailRegex();
}
