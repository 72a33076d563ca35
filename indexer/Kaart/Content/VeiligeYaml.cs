using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SocialeKaart.Kaart.Content;

/// <summary>A problem in a piece of YAML: its line (1-based, within that YAML) and a message for an editor.</summary>
public sealed record YamlProbleem(int Line, string Message);

/// <summary>
/// Loads untrusted YAML (content files come from organisations and editors) so that no input can crash the process.
/// YamlDotNet's event parser is iterative, but building its representation model recurses once per nesting level,
/// so 50,000 nested brackets overflow the stack — an error no catch can stop. A first pass over the events therefore
/// rejects what content never needs: nesting deeper than <see cref="MaxDiepte"/>, more than <see cref="MaxKnopen"/>
/// nodes, and anchors/aliases (an alias can make a node contain itself, and hashing such a key never ends).
/// Only then is the model built.
/// </summary>
public static class VeiligeYaml
{
    public const int MaxDiepte = 16;
    public const int MaxKnopen = 20_000;

    /// <summary>The root node (null for an empty document), or a problem with the line it is on.</summary>
    public static (YamlNode? Root, YamlProbleem? Probleem) Laad(string yaml)
    {
        if (Controleer(yaml) is { } probleem)
        {
            return (null, probleem);
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return (stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, null);
        }
        catch (YamlException e)
        {
            return (null, Fout(yaml, e));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException or FormatException)
        {
            // YamlDotNet throws these without a position for some broken input (an unclosed [ or {, a duplicate key).
            return (null, new(OngeslotenHaakRegel(yaml), "de gegevens kloppen niet (YAML): " + Eenvoudig(e.Message)));
        }
    }

    /// <summary>The first problem the event pass finds (see the class), or null when the YAML may be loaded.</summary>
    public static YamlProbleem? Controleer(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            int diepte = 0, knopen = 0;
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case AnchorAlias:
                    case NodeEvent { Anchor.IsEmpty: false }:
                        return new(Regel(e.Start), "ankers en verwijzingen (& en *) kunnen hier niet: schrijf elke waarde gewoon uit.");
                    case MappingStart or SequenceStart when ++diepte > MaxDiepte:
                        return new(Regel(e.Start), $"de gegevens zijn te diep genest (meer dan {MaxDiepte} lagen).");
                    case MappingEnd or SequenceEnd:
                        diepte--;
                        break;
                    case DocumentStart { IsImplicit: false } when knopen > 0:
                        return new(Regel(e.Start), "er staat meer dan één blok gegevens in: gebruik alleen de regels tussen de twee '---'.");
                }

                if (e is NodeEvent && ++knopen > MaxKnopen)
                {
                    return new(Regel(e.Start), $"de gegevens zijn te groot (meer dan {MaxKnopen} waarden).");
                }
            }

            return null;
        }
        catch (YamlException e)
        {
            return Fout(yaml, e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return new(OngeslotenHaakRegel(yaml), "de gegevens kloppen niet (YAML): " + Eenvoudig(e.Message));
        }
    }

    private static YamlProbleem Fout(string yaml, YamlException e)
    {
        var reden = Eenvoudig(e.InnerException?.Message ?? e.Message);
        var regel = Regel(e.Start);
        if (reden.StartsWith("Duplicate key ", StringComparison.Ordinal))
        {
            reden = $"het veld '{reden["Duplicate key ".Length..]}' staat er twee keer in.";
        }

        // YamlDotNet reports a tab in the indentation at the start of the mapping or scalar it was reading, which can
        // be many lines above the tab itself: point at the first indented tab from there on.
        if (reden.Contains("tab", StringComparison.OrdinalIgnoreCase) && EersteTabInInspringing(yaml, regel) is { } tab)
        {
            regel = tab;
            reden = "er staat een tab aan het begin van de regel; gebruik spaties om in te springen.";
        }

        return new(regel, "de gegevens kloppen niet (YAML): " + reden);
    }

    private static int Regel(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int? EersteTabInInspringing(string yaml, int vanaf)
    {
        var regels = yaml.Split('\n');
        for (var i = Math.Max(0, vanaf - 1); i < regels.Length; i++)
        {
            var inspringing = regels[i].AsSpan()[..(regels[i].Length - regels[i].AsSpan().TrimStart(" \t").Length)];
            if (inspringing.Contains('\t'))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static int OngeslotenHaakRegel(string yaml)
    {
        var regels = yaml.Split('\n');
        for (var i = 0; i < regels.Length; i++)
        {
            if (regels[i].Count(c => c is '[' or '{') > regels[i].Count(c => c is ']' or '}'))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static string Eenvoudig(string message) => message.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
}
