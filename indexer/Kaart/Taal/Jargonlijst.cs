using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Kaart.Taal;

/// <summary>One jargon entry: the words (one or more forms, each one word or a group of words) and a plainer alternative.</summary>
public sealed record JargonTerm(IReadOnlyList<string> Vormen, string Alternatief);

/// <summary>
/// The redactie's list of jargon (content/taal/jargon.txt): per line <c>woord[, vorm…] => gewoner alternatief</c>,
/// '#' for comments. A line that does not follow the format is reported with its line number and skipped.
/// </summary>
public sealed class Jargonlijst
{
    public const string Pad = "taal/jargon.txt";

    private Jargonlijst(IReadOnlyList<JargonTerm> termen, IReadOnlyList<ContentProblem> problemen)
    {
        Termen = termen;
        Problemen = problemen;
    }

    public IReadOnlyList<JargonTerm> Termen { get; }

    public IReadOnlyList<ContentProblem> Problemen { get; }

    public static Jargonlijst Leeg { get; } = new([], []);

    public static Jargonlijst Parse(string text)
    {
        var termen = new List<JargonTerm>();
        var problemen = new List<ContentProblem>();
        var regels = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < regels.Length; i++)
        {
            var regel = regels[i].Trim();
            if (regel.Length == 0 || regel.StartsWith('#'))
            {
                continue;
            }

            var pijl = regel.IndexOf("=>", StringComparison.Ordinal);
            var vormen = pijl < 0 ? [] : regel[..pijl].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var alternatief = pijl < 0 ? "" : regel[(pijl + 2)..].Trim();
            if (vormen.Length == 0 || alternatief.Length == 0)
            {
                problemen.Add(new(Pad, i + 1, "schrijf een regel als 'moeilijk woord => gewoon alternatief'."));
                continue;
            }

            termen.Add(new JargonTerm(vormen.Select(v => string.Join(' ', v.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList(), alternatief));
        }

        return new Jargonlijst(termen, problemen);
    }
}
